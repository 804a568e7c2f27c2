/*
 * serve/send.c — a document sent from the browser: the drafts (.eml) to
 * open in a mail client, and a sending that happens only once the user has
 * seen the plan and confirmed it.
 *
 * Both are `copil mail` run in a child process (serve_child), as the plan
 * is: the same messages, the same send log, the same resumption after a
 * failure as on the command line. The server's settings come from a
 * configuration file of the user's (serve_mail_config): the server, the
 * user name, a certificate authority, the sender. Never a password: that
 * one stays where copil mail reads it, ~/.netrc or the environment the
 * server was started in, so that no page, address or log can show it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "core/file.h"
#include "core/i18n.h"
#include "serve/serve.h"

#define CONFIG_MAX (64u << 10)
#define EML_MAX    (64u << 20) /* the drafts of one file, all together */
#define REPORT_MAX (256u << 10)

/* s without the blanks around it, in a. */
static char *
trim(Arena *a, const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return arena_strndup(a, s, n);
}

Status
serve_mail_config(Run *r, ServeMailConfig *c, const char **why)
{
    *c = (ServeMailConfig){0};
    *why = NULL;
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    const char *base = xdg && xdg[0] == '/'     ? xdg
                       : home && home[0] == '/' ? arena_printf(&r->arena, "%s/.config", home)
                                                : NULL;
    if (!base)
        return STATUS_USAGE;
    c->folder = arena_printf(&r->arena, "%s/copil", base);
    c->path = arena_printf(&r->arena, "%s/mail.conf", c->folder);
    char *data;
    size_t len;
    int e = c->path ? file_load(c->path, 0, CONFIG_MAX, &r->arena, &data, &len) : ENOMEM;
    if (e == ENOENT)
        return STATUS_USAGE;
    if (e) {
        *why = file_why(e);
        return STATUS_INVALID;
    }
    int line = 0;
    for (const char *p = data, *end = data + len; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *text = trim(&r->arena, p, n);
        p += n + 1;
        if (!text || !*text || *text == '#')
            continue;
        char *eq = strchr(text, '=');
        char *key = eq ? trim(&r->arena, text, (size_t)(eq - text)) : NULL;
        char *value = eq ? trim(&r->arena, eq + 1, strlen(eq + 1)) : NULL;
        if (!key || !value || !*value) {
            *why = arena_printf(&r->arena, _("line %d: write a setting as NAME = VALUE"), line + 1);
            return STATUS_INVALID;
        }
        if (!strcmp(key, "password")) {
            *why = arena_printf(&r->arena,
                                _("line %d: the password has no place in this file: remove it and "
                                  "put it in ~/.netrc (machine SERVER login NAME password …), "
                                  "which only you can read"),
                                line + 1);
            return STATUS_INVALID;
        }
        const char **slot = !strcmp(key, "smtp")     ? &c->smtp
                            : !strcmp(key, "user")   ? &c->user
                            : !strcmp(key, "cacert") ? &c->cacert
                            : !strcmp(key, "from")   ? &c->from
                                                     : NULL;
        if (!slot) {
            *why = arena_printf(&r->arena,
                                _("line %d: unknown setting “%s”; the settings are smtp, user, "
                                  "cacert and from"),
                                line + 1, key);
            return STATUS_INVALID;
        }
        *slot = value;
    }
    if (!c->smtp || (strncmp(c->smtp, "smtp://", 7) && strncmp(c->smtp, "smtps://", 8))) {
        *why = _("the setting smtp is missing or does not start with smtp:// or smtps://, e.g. "
                 "smtp = smtps://smtp.ac-orleans-tours.fr:465");
        return STATUS_INVALID;
    }
    if (c->cacert && c->cacert[0] != '/')
        c->cacert = arena_printf(&r->arena, "%s/%s", c->folder, c->cacert);
    return STATUS_OK;
}

/* Removes the folder tmp and the plain files in it. */
static void
remove_folder(const char *tmp)
{
    DIR *d = opendir(tmp);
    if (d) {
        for (struct dirent *de; (de = readdir(d));)
            if (de->d_name[0] != '.')
                unlinkat(dirfd(d), de->d_name, 0);
        closedir(d);
    }
    rmdir(tmp);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const ServeEml *)a)->name, ((const ServeEml *)b)->name);
}

/* The message of a copil mail that did not end well, or NULL. */
static const char *
mail_trouble(int started, int status, int timed_out, const Buf *eb)
{
    if (!started)
        return _("the server could not start copil mail (out of resources)");
    if (timed_out || WIFSIGNALED(status))
        return _("copil mail did not end (it was stopped): please try again");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return eb->s && eb->len ? eb->s : _("copil mail failed without saying why");
    return NULL;
}

Status
serve_mail_plan(Run *r, const char *self, const char *dir, const char *name, const char **plan,
                const char **why)
{
    *plan = NULL;
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    char *args[] = {"mail", (char *)path, NULL};
    Buf ob, eb;
    buf_init(&ob, &r->arena);
    buf_init(&eb, &r->arena);
    int status, timed_out;
    int started = path && serve_child(self, args, &ob, REPORT_MAX, &eb, &status, &timed_out) == 0;
    *why = mail_trouble(started, status, timed_out, &eb);
    if (*why)
        return STATUS_INVALID;
    *plan = ob.s;
    return STATUS_OK;
}

Status
serve_mail_eml(Run *r, const char *self, const char *dir, const char *name, ServeEml **emls, int *n,
               const char **why)
{
    *emls = NULL;
    *n = 0;
    *why = NULL;
    GError *err = NULL;
    gchar *tmp = g_dir_make_tmp("copil-serve-XXXXXX", &err);
    if (!tmp) {
        g_clear_error(&err);
        *why = _("no temporary folder could be made for the drafts");
        return STATUS_IO;
    }
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    char *args[] = {"mail", "-q", (char *)path, "--eml", tmp, NULL};
    Buf ob, eb;
    buf_init(&ob, &r->arena);
    buf_init(&eb, &r->arena);
    int status = 0, timed_out = 0;
    int started = path && serve_child(self, args, &ob, REPORT_MAX, &eb, &status, &timed_out) == 0;
    Status st = STATUS_OK;
    if ((*why = mail_trouble(started, status, timed_out, &eb))) {
        st = STATUS_INVALID;
        goto out;
    }
    DIR *d = opendir(tmp);
    int cap = 0;
    size_t total = 0;
    for (struct dirent *de; d && (de = readdir(d));) {
        size_t nl = strlen(de->d_name);
        if (de->d_name[0] == '.' || nl < 5 || strcmp(de->d_name + nl - 4, ".eml"))
            continue;
        if (*n == cap) {
            int more = cap ? cap * 2 : 8;
            ServeEml *grown = arena_alloc_array(&r->arena, (size_t)more, sizeof *grown);
            if (!grown)
                break;
            if (*n)
                memcpy(grown, *emls, (size_t)*n * sizeof *grown);
            *emls = grown;
            cap = more;
        }
        ServeEml *e = &(*emls)[*n];
        const char *file = arena_printf(&r->arena, "%s/%s", tmp, de->d_name);
        e->name = arena_strdup(&r->arena, de->d_name);
        if (!file || !e->name ||
            file_load(file, O_NOFOLLOW, EML_MAX - total, &r->arena, &e->data, &e->len) != 0) {
            *why = _("the drafts are too large to be downloaded here");
            st = STATUS_IO;
            break;
        }
        total += e->len;
        (*n)++;
    }
    if (d)
        closedir(d);
    if (*n > 1)
        qsort(*emls, (size_t)*n, sizeof **emls, by_name);
out:
    remove_folder(tmp);
    g_free(tmp);
    return st;
}

Status
serve_mail_send(Run *r, const char *self, const char *dir, const char *name,
                const ServeMailConfig *c, const char **report, int *code, const char **why)
{
    *report = NULL;
    *code = -1;
    *why = NULL;
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    char *args[16] = {"mail", (char *)path, "--send", "--smtp", (char *)c->smtp};
    int k = 5;
    if (c->user)
        args[k++] = "--user", args[k++] = (char *)c->user;
    if (c->cacert)
        args[k++] = "--cacert", args[k++] = (char *)c->cacert;
    if (c->from)
        args[k++] = "--from", args[k++] = (char *)c->from;
    args[k] = NULL;
    Buf ob, eb;
    buf_init(&ob, &r->arena);
    buf_init(&eb, &r->arena);
    int status = 0, timed_out = 0;
    int started = path && serve_child(self, args, &ob, REPORT_MAX, &eb, &status, &timed_out) == 0;
    if (!started || timed_out || !WIFEXITED(status)) {
        *why = mail_trouble(started, status, timed_out, &eb);
        return STATUS_INVALID;
    }
    /* what copil mail said, its problems after its lines */
    if (eb.len)
        buf_append(&ob, eb.s, eb.len);
    *report = ob.s ? ob.s : "";
    *code = WEXITSTATUS(status);
    return STATUS_OK;
}
