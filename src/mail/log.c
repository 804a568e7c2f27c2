/*
 * mail/log.c — the send log beside the document: one line per message the
 * server accepted for one address, appended and flushed to the disk before
 * the next message goes, so that a re-run after any failure (a server gone,
 * a refused address, copil killed) sends only what is missing.
 *
 *   sent<TAB>MESSAGE-ID<TAB>ADDRESS<TAB>GROUP<TAB>FILE
 *
 * A recipient who got a file (the full or the public copy) does not get it
 * again, even when the document was rendered anew in between: after a
 * refused address is corrected in the data, the full copy changes (it prints
 * the list), and only that address must get it. Lines starting with "#" are
 * notes; deleting a line sends that file to that address again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/file.h"
#include "mail/mail.h"
#include "core/i18n.h"

#define LOG_LIMIT (64u << 20)

typedef struct Entry {
    char *file, *rcpt;
} Entry;

struct MailLog {
    char *path;
    int fd; /* opened for appending on the first add */
    Entry *e;
    int n, cap;
};

static const char header[] =
    "# copil mail: the messages the server accepted, one line per address:\n"
    "# sent, Message-ID, address, group, file. A re-run sends a file only to the\n"
    "# addresses that did not get it; delete a line to send it to that one again.\n";

static int
push(MailLog *l, const char *file, size_t fn, const char *rcpt, size_t rn)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        Entry *e = realloc(l->e, (size_t)cap * sizeof(*e));
        if (!e)
            return -1;
        l->e = e;
        l->cap = cap;
    }
    char *a = strndup(file, fn), *b = strndup(rcpt, rn);
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    l->e[l->n].file = a;
    l->e[l->n].rcpt = b;
    l->n++;
    return 0;
}

Status
mail_log_open(Run *r, const char *path, MailLog **out)
{
    char *data = NULL;
    size_t len = 0;
    *out = NULL;
    MailLog *l = calloc(1, sizeof(*l));
    if (!l || !(l->path = strdup(path))) {
        free(l);
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory"));
        return STATUS_IO;
    }
    l->fd = -1;
    /* The log lives in r's arena while it is read: a few bytes per line. */
    int err = file_load(path, O_NOFOLLOW, LOG_LIMIT, &r->arena, &data, &len);
    if (err == ENOENT) {
        *out = l;
        return STATUS_OK;
    }
    if (err) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the send log %s cannot be read: %s"), path, file_why(err));
        mail_log_close(l);
        return STATUS_IO;
    }
    long lineno = 0;
    size_t at = 0, n;
    for (const char *s; (s = text_next_line(data, len, &at, &n));) {
        lineno++;
        if (!n || s[0] == '#')
            continue;
        const char *f[5];
        size_t fl[5];
        int k = 0;
        for (size_t j = 0, start = 0; j <= n && k < 5; j++)
            if (j == n || s[j] == '\t') {
                f[k] = s + start;
                fl[k++] = j - start;
                start = j + 1;
            }
        if (k < 5 || fl[0] != 4 || memcmp(f[0], "sent", 4) || !fl[1] || !fl[2] || !fl[4]) {
            run_diag(r, DIAG_ERROR, 0, 0,
                     _("line %ld of the send log %s is not a line copil wrote; put it back as it "
                       "was, or delete it"),
                     lineno, path);
            mail_log_close(l);
            return STATUS_IO;
        }
        if (push(l, f[4], fl[4], f[2], fl[2]) != 0) {
            run_diag(r, DIAG_ERROR, 0, 0, _("out of memory"));
            mail_log_close(l);
            return STATUS_IO;
        }
    }
    *out = l;
    return STATUS_OK;
}

void
mail_log_close(MailLog *l)
{
    if (!l)
        return;
    if (l->fd >= 0)
        close(l->fd);
    for (int i = 0; i < l->n; i++) {
        free(l->e[i].file);
        free(l->e[i].rcpt);
    }
    free(l->e);
    free(l->path);
    free(l);
}

int
mail_log_has(const MailLog *l, const char *file, const char *rcpt)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->e[i].file, file) && !strcasecmp(l->e[i].rcpt, rcpt))
            return 1;
    return 0;
}

/* s without tabs and line ends, which would break the line. */
static void
clean(char *s)
{
    for (; *s; s++)
        if (*s == '\t' || *s == '\n' || *s == '\r')
            *s = ' ';
}

int
mail_log_add(MailLog *l, const char *message_id, const char *rcpt, const char *group,
             const char *file)
{
    if (l->fd < 0) {
        l->fd = open(l->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (l->fd < 0)
            return -1;
        off_t end = lseek(l->fd, 0, SEEK_END);
        if (end == 0 && write(l->fd, header, sizeof header - 1) != (ssize_t)(sizeof header - 1))
            return -1;
    }
    char *g = strdup(group), *f = strdup(file), *line = NULL;
    int n = g && f ? (clean(g), clean(f),
                      asprintf(&line, "sent\t%s\t%s\t%s\t%s\n", message_id, rcpt, g, f))
                   : -1;
    free(g);
    free(f);
    if (n < 0)
        return -1;
    ssize_t w = write(l->fd, line, (size_t)n);
    free(line);
    if (w != n || fsync(l->fd) != 0) {
        if (w >= 0 && w != n)
            errno = ENOSPC;
        return -1;
    }
    return push(l, file, strlen(file), rcpt, strlen(rcpt));
}
