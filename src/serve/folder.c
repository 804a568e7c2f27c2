/*
 * serve/folder.c — the folder copil serve shows: its data files, the state
 * of each (valid or not, its PDF, signed, sent), and their renders.
 *
 * Only plain files directly in the folder are read, by names that cannot
 * be paths (serve_name_ok), and never through a symbolic link. A render is
 * `copil render FILE -o -` in a child process (this very program, run
 * again), with limits on its memory, its processor time and its wall time:
 * the server never runs the layout engine itself, so that a file that
 * crashes it or never ends costs a page in French, not the server.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/tree.h>

#include "core/file.h"
#include "core/i18n.h"
#include "pdf/finish.h"
#include "serve/serve.h"

/* A render's limits: its address space, processor time and wall time,
 * and the PDF and messages it may write. A 400-page minutes renders in
 * about 2 s and 150 MB. */
#define RENDER_MEMORY   (1024ul << 20)
#define RENDER_CPU_S    60
#define RENDER_WALL_MS  90000
#define RENDER_PDF_MAX  (256u << 20)
#define RENDER_ERR_MAX  (64u << 10)
#define SIGNED_SCAN_MAX (64u << 20)

int
serve_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n < 5 || n > 250 || name[0] == '.' || strcmp(name + n - 4, ".xml") != 0)
        return 0;
    if (n >= 11 && strcmp(name + n - 11, ".layout.xml") == 0)
        return 0;
    for (const char *p = name; *p; p++)
        if (*p == '/' || (unsigned char)*p < 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

struct ServeCache {
    GHashTable *entries;    /* a file's name → its Entry */
    GHashTable *signatures; /* a PDF's path → its Signed */
};

/* Whether a PDF holds a signature, as it was when read: a signature
 * rewrites the PDF (its size, its time), so that these tell when to read it
 * again. */
typedef struct Signed {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtim;
    int yes;
} Signed;

/* 1 when the file at path carries a signature (pdf/'s rule). */
static int
holds_signature(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    Arena scratch;
    arena_init(&scratch);
    int yes = file_load(path, O_NOFOLLOW, SIGNED_SCAN_MAX, &scratch, &data, &len) == 0 &&
              pdf_is_signed((const unsigned char *)data, len);
    arena_free(&scratch);
    return yes;
}

/* The send log's time and lines for the PDF at pdf (render_send_log). */
static void
read_send_log(Run *r, const char *pdf, ServeFile *f)
{
    const char *log = render_send_log(r, pdf);
    struct stat st;
    if (!log || lstat(log, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    char *data = NULL;
    size_t len = 0;
    Arena scratch;
    arena_init(&scratch);
    if (file_load(log, O_NOFOLLOW, 16u << 20, &scratch, &data, &len) == 0) {
        size_t at = 0, ln;
        const char *line;
        while ((line = text_next_line(data, len, &at, &ln)))
            f->recipients += ln > 5 && memcmp(line, "sent\t", 5) == 0;
        f->sent = (long long)st.st_mtime;
    }
    arena_free(&scratch);
}

/* holds_signature for the PDF at pdf (of stat st), read once while it does
 * not change when cache is given. */
static int
signed_pdf(ServeCache *cache, const char *pdf, const struct stat *st)
{
    Signed *kept = cache ? g_hash_table_lookup(cache->signatures, pdf) : NULL;
    if (kept && kept->dev == st->st_dev && kept->ino == st->st_ino && kept->size == st->st_size &&
        kept->mtim.tv_sec == st->st_mtim.tv_sec && kept->mtim.tv_nsec == st->st_mtim.tv_nsec)
        return kept->yes;
    int yes = holds_signature(pdf);
    if (cache) {
        Signed *now = g_new(Signed, 1);
        *now = (Signed){st->st_dev, st->st_ino, st->st_size, st->st_mtim, yes};
        g_hash_table_replace(cache->signatures, g_strdup(pdf), now);
    }
    return yes;
}

/* The state of f's PDF beside path: there or not, up to date with newest
 * (the newest of the data file and the files it reads), signed (asked of
 * cache, when given), sent. */
static void
pdf_state(ServeCache *cache, Run *r, const char *path, ServeFile *f, const struct stat *newest)
{
    const char *pdf = render_default_output(r, path, NULL, f->makes, 0);
    struct stat ps;
    if (pdf && lstat(pdf, &ps) == 0 && S_ISREG(ps.st_mode)) {
        /* Up to date as copil mail takes it: newer than the file and what it reads. */
        f->pdf = render_newer(&ps, newest) ? 2 : 1;
        f->signed_pdf = signed_pdf(cache, pdf, &ps);
        read_send_log(r, pdf, f);
    }
}

/* --- what a file's validation depended on ----------------------------------- */

/* A file as it was: its size and the digest of its bytes. Times are not
 * enough: two writes within the file system's tick (a few milliseconds)
 * leave the same time, and a copy over a file keeps its inode. */
typedef struct Stamp {
    int present;
    size_t size;
    unsigned char digest[20];
} Stamp;

#define STAMP_READ_MAX (32u << 20)

/* The stamp of the file at path (following links, as validation does);
 * not present when it cannot be read. */
static Stamp
stamp_path(const char *path)
{
    Stamp st = {0};
    Arena a;
    arena_init(&a);
    char *data;
    size_t len;
    if (file_load(path, 0, STAMP_READ_MAX, &a, &data, &len) == 0) {
        GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
        gsize n = sizeof st.digest;
        if (c) {
            g_checksum_update(c, (const guchar *)data, (gssize)len);
            g_checksum_get_digest(c, st.digest, &n);
            g_checksum_free(c);
            st.present = 1;
            st.size = len;
        }
    }
    arena_free(&a);
    return st;
}

static int
same_stamp(Stamp a, Stamp b)
{
    return a.present == b.present &&
           (!a.present || (a.size == b.size && !memcmp(a.digest, b.digest, sizeof a.digest)));
}

#define LINKED_MAX 32

/* What a home page keeps of a file it validated: its state, and the
 * stamps of the file and of each file it names (a previous meeting, a
 * mission letter…), whose change makes it validate the file again. */
typedef struct Entry {
    Stamp self;
    int nlinked;
    char *linked[LINKED_MAX]; /* paths as the data names them, from the folder */
    Stamp stamps[LINKED_MAX];
    DocKind kind;
    char *year, *date, *uai;
    const RenderKind *makes;
    unsigned problems;
} Entry;

static void
entry_free(void *p)
{
    Entry *e = p;
    for (int i = 0; i < e->nlinked; i++)
        g_free(e->linked[i]);
    g_free(e->year);
    g_free(e->date);
    g_free(e->uai);
    g_free(e);
}

ServeCache *
serve_cache_new(void)
{
    ServeCache *c = g_new0(ServeCache, 1);
    c->entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entry_free);
    c->signatures = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return c;
}

void
serve_cache_free(ServeCache *c)
{
    if (c) {
        g_hash_table_destroy(c->entries);
        g_hash_table_destroy(c->signatures);
        g_free(c);
    }
}

typedef struct Linking {
    const char *dir;
    Entry *e;
    int unkept; /* a file it names cannot be watched: keep no entry */
} Linking;

/* Notes a file the data names, as validate_linked_files finds it: inside
 * the folder (where validation looks), never outside it. */
static void
note_linked(void *ctx, const xmlNode *node, const char *attr)
{
    Linking *l = ctx;
    xmlChar *v = attr ? xmlGetNoNsProp(node, BAD_CAST attr) : xmlNodeGetContent(node);
    char real[PATH_MAX];
    FileRef ref = v ? file_resolve(l->dir, (const char *)v, real) : FILE_REF_OUTSIDE;
    if (ref == FILE_REF_OUTSIDE || l->e->nlinked == LINKED_MAX) {
        l->unkept = 1; /* the file is refused anyway, or names too many */
    } else {
        /* a file missing now is watched where it would be */
        char *path = ref == FILE_REF_INSIDE ? g_strdup(real)
                                            : g_strdup_printf("%s/%s", l->dir, (const char *)v);
        l->e->stamps[l->e->nlinked] = stamp_path(path);
        l->e->linked[l->e->nlinked++] = path;
    }
    xmlFree(v);
}

/* The newest of path and e's files (what a PDF must be newer than), as
 * a stat: their times now. */
static struct stat
newest_of(const Entry *e, const struct stat *self)
{
    struct stat newest = *self, st;
    for (int i = 0; i < e->nlinked; i++)
        if (stat(e->linked[i], &st) == 0 && render_newer(&st, &newest))
            newest = st;
    return newest;
}

/* f from e, when neither the file at path (of stat st) nor those it names
 * changed since e was made; 0 otherwise. */
static int
from_entry(ServeCache *cache, Run *r, const Entry *e, const struct stat *st, const char *path,
           ServeFile *f)
{
    if (!same_stamp(e->self, stamp_path(path)))
        return 0;
    for (int i = 0; i < e->nlinked; i++)
        if (!same_stamp(e->stamps[i], stamp_path(e->linked[i])))
            return 0;
    f->kind = e->kind;
    f->year = e->year ? arena_strdup(&r->arena, e->year) : NULL;
    f->date = e->date ? arena_strdup(&r->arena, e->date) : NULL;
    f->uai = e->uai ? arena_strdup(&r->arena, e->uai) : NULL;
    f->makes = e->makes;
    f->problems = e->problems;
    if (f->makes) {
        struct stat newest = newest_of(e, st);
        pdf_state(cache, r, path, f, &newest);
    }
    return 1;
}

/* Examines name (as serve_examine does); with cache, from what it keeps
 * when nothing changed, and keeps what it finds. */
static Status
examine(Session *s, Run *r, int dirfd, const char *dir, const char *name, ServeFile *f,
        ServeCache *cache)
{
    *f = (ServeFile){.name = arena_strdup(&r->arena, name), .kind = DOC_UNKNOWN};
    struct stat st;
    if (!f->name || !serve_name_ok(name) || fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode))
        return STATUS_IO;
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    if (!path)
        return STATUS_IO;
    Entry *kept = cache ? g_hash_table_lookup(cache->entries, name) : NULL;
    if (kept && from_entry(cache, r, kept, &st, path, f))
        return STATUS_OK;
    /* stamped before it is read: a save meanwhile is seen at the next visit */
    Stamp self = cache ? stamp_path(path) : (Stamp){0};
    xmlDocPtr doc = NULL;
    DocKind kind = DOC_UNKNOWN;
    Status v = validate_file(s->validator, r, path, &doc, &kind);
    f->problems = r->nerrors;
    if (v == STATUS_IO && !r->nerrors)
        return STATUS_IO;
    f->kind = kind;
    if (doc) {
        f->year = validate_school_year(&r->arena, doc);
        xmlNode *root = xmlDocGetRootElement(doc);
        f->date = xml_text(&r->arena, xml_child(root, "date"));
        f->uai = validate_attr(&r->arena, xml_child(root, "establishment"), "uai");
        f->makes = render_kind_natural(doc, kind);
    }
    /* Kept only with the document: without it (not XML, not a copil
     * file), what it names is unknown, and it is validated at each visit. */
    Entry *e = cache && doc ? g_new0(Entry, 1) : NULL;
    if (e) {
        *e = (Entry){.self = self,
                     .kind = kind,
                     .year = g_strdup(f->year),
                     .date = g_strdup(f->date),
                     .uai = g_strdup(f->uai),
                     .makes = f->makes,
                     .problems = f->problems};
        Linking l = {dir, e, 0};
        validate_linked_files(doc, kind, note_linked, &l);
        if (l.unkept) {
            entry_free(e);
            g_hash_table_remove(cache->entries, name);
        } else {
            g_hash_table_replace(cache->entries, g_strdup(name), e);
        }
    } else if (cache) {
        g_hash_table_remove(cache->entries, name);
    }
    if (f->makes) {
        struct stat newest;
        render_newest_input(path, doc, kind, &newest);
        pdf_state(cache, r, path, f, &newest);
    }
    return STATUS_OK;
}

Status
serve_examine(Session *s, Run *r, int dirfd, const char *dir, const char *name, ServeFile *f)
{
    return examine(s, r, dirfd, dir, name, f, NULL);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const ServeFile *)a)->name, ((const ServeFile *)b)->name);
}

typedef struct Listed {
    const ServeFile *files; /* sorted by name */
    int n;
} Listed;

/* 1 when the entry of name is of a file no longer listed. */
static gboolean
gone(gpointer name, gpointer entry, gpointer listed)
{
    (void)entry;
    const Listed *l = listed;
    ServeFile key = {.name = name};
    return !bsearch(&key, l->files, (size_t)l->n, sizeof *l->files, by_name);
}

Status
serve_list(Session *s, Run *r, int dirfd, const char *dir, ServeCache *cache, ServeFile **files,
           int *n)
{
    *files = NULL;
    *n = 0;
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return STATUS_IO;
    }
    ServeFile *v = arena_alloc_array(&r->arena, SERVE_MAX_FILES, sizeof(*v));
    int count = 0;
    struct dirent *e;
    while (v && count < SERVE_MAX_FILES && (e = readdir(d))) {
        if (!serve_name_ok(e->d_name))
            continue;
        /* Each file in a run of its own: its problems are its own. */
        Run fr;
        run_init(&fr, e->d_name);
        ServeFile f;
        if (examine(s, &fr, dirfd, dir, e->d_name, &f, cache) == STATUS_OK) {
            v[count] = f;
            v[count].name = arena_strdup(&r->arena, f.name);
            v[count].year = f.year ? arena_strdup(&r->arena, f.year) : NULL;
            v[count].date = f.date ? arena_strdup(&r->arena, f.date) : NULL;
            v[count].uai = f.uai ? arena_strdup(&r->arena, f.uai) : NULL;
            if (v[count].name)
                count++;
        }
        run_free(&fr);
    }
    closedir(d);
    if (!v)
        return STATUS_IO;
    qsort(v, (size_t)count, sizeof(*v), by_name);
    if (cache) /* what is no longer in the folder is forgotten */
        g_hash_table_foreach_remove(cache->entries, gone, &(Listed){v, count});
    *files = v;
    *n = count;
    return STATUS_OK;
}

/* Reads what fd gives into b until it closes, up to max bytes (the rest
 * is read and dropped); 1 while open. */
static int
drain(int fd, Buf *b, size_t max)
{
    char chunk[65536];
    ssize_t got = read(fd, chunk, sizeof chunk);
    if (got < 0)
        return errno == EINTR || errno == EAGAIN;
    if (got == 0)
        return 0;
    if (b->len + (size_t)got <= max)
        buf_append(b, chunk, (unsigned)got);
    else
        b->failed = 1;
    return 1;
}

static long long
now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int
serve_child(const char *self, char *const *args, Buf *ob, size_t out_max, Buf *eb, int *status,
            int *timed_out)
{
    int out[2] = {-1, -1}, err[2] = {-1, -1};
    char *argv[16];
    int n = 0;
    argv[n++] = (char *)self;
    for (int i = 0; args[i] && n < 15; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    *status = 0;
    *timed_out = 0;
    pid_t pid = -1;
    if (pipe2(out, O_CLOEXEC) == 0 && pipe2(err, O_CLOEXEC) == 0)
        pid = fork();
    if (pid == 0) {
        /* The server blocks SIGINT and SIGTERM and ignores SIGPIPE: not
         * the child. Only calls safe after a fork, up to execv. */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction dfl = {.sa_handler = SIG_DFL};
        sigaction(SIGPIPE, &dfl, NULL);
        struct rlimit cpu = {RENDER_CPU_S, RENDER_CPU_S};
        setrlimit(RLIMIT_CPU, &cpu);
#ifndef __SANITIZE_ADDRESS__
        /* AddressSanitizer reserves terabytes of address space: a
         * sanitized build (make SAN=1) runs without this limit. */
        struct rlimit mem = {RENDER_MEMORY, RENDER_MEMORY};
        setrlimit(RLIMIT_AS, &mem);
#endif
        dup2(out[1], 1);
        dup2(err[1], 2);
        execv(self, argv);
        _exit(126);
    }
    if (out[1] >= 0)
        close(out[1]);
    if (err[1] >= 0)
        close(err[1]);
    if (pid < 0) {
        if (out[0] >= 0)
            close(out[0]);
        if (err[0] >= 0)
            close(err[0]);
        return -1;
    }
    struct pollfd p[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    long long deadline = now_ms() + RENDER_WALL_MS;
    int open_fds = 2;
    while (open_fds > 0) {
        long long left = deadline - now_ms();
        if (left <= 0) {
            *timed_out = 1;
            kill(pid, SIGKILL);
            break;
        }
        if (poll(p, 2, (int)(left > 1000 ? 1000 : left)) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (!drain(p[i].fd, i == 0 ? ob : eb, i == 0 ? out_max : RENDER_ERR_MAX)) {
                p[i].fd = -1;
                open_fds--;
            }
        }
    }
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    close(out[0]);
    close(err[0]);
    return 0;
}

/* The sentence for a child that did not end well, or NULL when it did. */
static const char *
child_trouble(int started, int status, int timed_out, const Buf *ob, const Buf *eb)
{
    if (!started)
        return _("the server could not start the render (out of resources)");
    if (timed_out ||
        (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)))
        return _("the render took too long and was stopped; the file is probably far too long "
                 "(thousands of pages)");
    if (WIFSIGNALED(status))
        return _("the render failed unexpectedly (copil crashed): please report it, with the "
                 "file");
    if (ob->failed)
        return _("the document is too large to be shown here");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !ob->s)
        return eb->s && eb->len ? eb->s /* copil's own messages, in the user's language */
                                : _("the render failed without saying why");
    return NULL;
}

Status
serve_render(Run *r, const char *self, const char *dir, const char *name, int public_copy,
             char **pdf, size_t *len, const char **why)
{
    *pdf = NULL;
    *len = 0;
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    char *args[] = {"render", "-q", (char *)path, "-o", "-", public_copy ? "--public" : NULL, NULL};
    Buf ob, eb;
    buf_init(&ob, &r->arena);
    buf_init(&eb, &r->arena);
    int status, timed_out;
    int started =
        path && serve_child(self, args, &ob, RENDER_PDF_MAX, &eb, &status, &timed_out) == 0;
    *why = child_trouble(started, status, timed_out, &ob, &eb);
    if (*why)
        return STATUS_INVALID;
    *pdf = ob.s;
    *len = ob.len;
    return STATUS_OK;
}

Status
serve_create(Session *s, Run *r, int dirfd, const char *kind, const char *name, const char **why)
{
    *why = NULL;
    const RenderKind *k = render_kind_named(kind);
    if (!k || !k->typed) {
        *why = _("Choose the kind of document.");
        return STATUS_USAGE;
    }
    if (!serve_name_ok(name)) {
        *why = _("Give the file a name of letters, digits and dashes, without a slash, such as "
                 "college-2026-t2.");
        return STATUS_USAGE;
    }
    const char *path =
        arena_printf(&r->arena, "%s/stylesheets/templates/%s.xml", s->datadir, k->name);
    char *data = NULL;
    size_t len = 0;
    if (!path || file_load(path, O_NOFOLLOW, 1u << 20, &r->arena, &data, &len) != 0) {
        *why = _("The template of this kind is missing from copil's data folder: is copil "
                 "installed completely?");
        return STATUS_IO;
    }
    /* Never over a file: O_EXCL, and no link followed. */
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        *why = errno == EEXIST ? _("A file of that name is already in the folder: choose another "
                                   "name, or open that one.")
                               : file_why(errno);
        return errno == EEXIST ? STATUS_USAGE : STATUS_IO;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    int ok = done == len && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = 0;
    if (!ok) {
        unlinkat(dirfd, name, 0);
        *why = _("The new file could not be written: is the disk full?");
        return STATUS_IO;
    }
    return STATUS_OK;
}
