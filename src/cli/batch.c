/*
 * cli/batch.c — many documents at once: the inputs of a batch, and workers.
 *
 * The inputs are the files named plus every data file under the folders
 * named, sorted by bytes so that a shard (the K-th of N slices) is the same on
 * every machine whatever the shell's locale. The parent process owns the
 * Session (schemas, stylesheets, fonts, hyphenation: built once) and forks N
 * workers that inherit it; it hands out one input at a time over a pipe and
 * reads back a short result, so a slow file never holds a queue and a worker
 * that dies takes only its current file with it. The parent renders nothing.
 *
 *     parent ──index──▶ worker 1 ──result──▶ parent   (one pair of pipes
 *            ──index──▶ worker 2 ──result──▶           per worker)
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"

#define MAX_DEPTH 32
#define MAX_ITEMS 1000000
#define MAX_JOBS  256

/* --- the inputs -------------------------------------------------------------- */

static int
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n > k && !strcmp(s + n - k, tail);
}

static char *
join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t k = strlen(name);
    char *p = malloc(n + k + 2);
    if (p) {
        memcpy(p, dir, n);
        p[n] = '/';
        memcpy(p + n + 1, name, k + 1);
    }
    return p;
}

static Status
add(BatchList *l, char *input, const char *outdir)
{
    if (l->n == MAX_ITEMS) {
        fprintf(stderr,
                _("copil %s: error: more than %d files in one batch; split it with "
                  "--shard or name fewer folders\n"),
                l->cmd, MAX_ITEMS);
        free(input);
        return STATUS_USAGE;
    }
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 64;
        BatchItem *v = realloc(l->items, (size_t)cap * sizeof(*v));
        if (!v) {
            free(input);
            return STATUS_IO;
        }
        l->items = v;
        l->cap = cap;
    }
    char *out = outdir ? strdup(outdir) : NULL;
    if (!input || (outdir && !out)) {
        free(input);
        free(out);
        return STATUS_IO;
    }
    l->items[l->n].input = input;
    l->items[l->n].outdir = out;
    l->n++;
    return STATUS_OK;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every data file under dir (not a layout document, not a hidden entry);
 * folders reached through a symbolic link are not entered, so a link cannot
 * make the walk loop. outdir mirrors dir's tree when given. */
static Status
walk(BatchList *l, const char *dir, const char *outdir, int depth)
{
    Status st = STATUS_OK;
    char **names = NULL;
    int n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, _("copil %s: error: cannot read the folder %s: %s\n"), l->cmd, dir,
                strerror(errno));
        return STATUS_IO;
    }
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            char **v = realloc(names, (size_t)cap * sizeof(*v));
            if (!v) {
                st = STATUS_IO;
                goto out;
            }
            names = v;
        }
        if (!(names[n] = strdup(e->d_name))) {
            st = STATUS_IO;
            goto out;
        }
        n++;
    }
    if (n > 1) /* an empty folder has no list: qsort takes none */
        qsort(names, (size_t)n, sizeof(*names), compare_names);
    for (int i = 0; st == STATUS_OK && i < n; i++) {
        char *path = join(dir, names[i]);
        struct stat lst, sb;
        if (!path) {
            st = STATUS_IO;
            break;
        }
        if (lstat(path, &lst) == 0 && S_ISDIR(lst.st_mode)) {
            if (depth + 1 >= MAX_DEPTH) {
                fprintf(stderr, _("copil %s: error: %s is more than %d folders deep\n"), l->cmd,
                        path, MAX_DEPTH);
                st = STATUS_USAGE;
            } else {
                char *sub = outdir ? join(outdir, names[i]) : NULL;
                st = outdir && !sub ? STATUS_IO : walk(l, path, sub, depth + 1);
                free(sub);
            }
            free(path);
        } else if (ends_with(names[i], ".xml") && !ends_with(names[i], ".layout.xml") &&
                   stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            st = add(l, path, outdir);
        } else {
            free(path);
        }
    }
out:
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return st;
}

static int
compare_items(const void *a, const void *b)
{
    return strcmp(((const BatchItem *)a)->input, ((const BatchItem *)b)->input);
}

/* The output a file gets, less its kind: its folder and its stem (a layout
 * document keeps a mark, as it makes NAME.pdf and a data file NAME-KIND.pdf). */
static char *
output_key(const BatchItem *it)
{
    size_t n;
    int layout;
    const char *stem = render_output_stem(it->input, &n, &layout);
    /* The folder without its last slash: "x.xml" and "./x.xml" meet. */
    const char *dir = it->outdir ? it->outdir : stem > it->input ? it->input : ".";
    size_t dn = it->outdir ? strlen(dir) : stem > it->input ? (size_t)(stem - it->input - 1) : 1;
    char *key = malloc(dn + n + 4);
    if (key)
        sprintf(key, "%.*s/%.*s%s", (int)dn, dir, (int)n, stem, layout ? "\x01" : "");
    return key;
}

/* The document the data file at path makes by itself (no --kind): its
 * root's kind, minutes for a meeting with its record; NULL when it cannot
 * be read or parsed (its worker will say why). */
static const RenderKind *
natural_kind(const char *path)
{
    Run r;
    run_init(&r, path);
    xmlDocPtr doc = validate_parse_file(&r, path, 0, VALIDATE_MAX_FILE_SIZE);
    const RenderKind *kind =
        doc ? render_kind_natural(
                  doc, validate_kind_from_root((const char *)xmlDocGetRootElement(doc)->name))
            : NULL;
    run_free(&r);
    return kind;
}

typedef struct Key {
    char *key;
    int item;
} Key;

static int
compare_keys(const void *a, const void *b)
{
    return strcmp(((const Key *)a)->key, ((const Key *)b)->key);
}

/* Two inputs that would write the same PDF: a usage error naming both. */
static Status
check_outputs(const BatchList *l)
{
    Status st = STATUS_OK;
    Key *keys = calloc((size_t)l->n + 1, sizeof(*keys));
    if (!keys)
        return STATUS_IO;
    for (int i = 0; i < l->n; i++) {
        keys[i].item = i;
        if (!(keys[i].key = output_key(&l->items[i]))) {
            st = STATUS_IO;
            goto out;
        }
    }
    qsort(keys, (size_t)l->n, sizeof(*keys), compare_keys);
    for (int i = 1; i < l->n; i++) {
        if (strcmp(keys[i - 1].key, keys[i].key))
            continue;
        const char *a = l->items[keys[i - 1].item].input, *b = l->items[keys[i].item].input;
        if (!strcmp(a, b))
            fprintf(stderr, _("copil render: error: %s is named twice\n"), a);
        else
            fprintf(stderr,
                    _("copil render: error: %s and %s would write the same PDF; render them into "
                      "different folders (-d)\n"),
                    a, b);
        st = STATUS_USAGE;
        break;
    }
    /* x-agenda.xml makes x-agenda.pdf, and so does x.xml when it makes an
     * agenda: each x-KIND beside an x is checked against what x makes. */
    for (int i = 0; st == STATUS_OK && i < l->n; i++) {
        const char *key = keys[i].key;
        size_t n = strlen(key);
        for (int k = 0; st == STATUS_OK && k < RENDER_NKINDS; k++) {
            const RenderKind *kind = &render_kinds[k];
            if (!render_stem_names_kind(key, n, kind))
                continue;
            char *shorter = strndup(key, n - strlen(kind->name) - 1);
            if (!shorter) {
                st = STATUS_IO;
                break;
            }
            Key probe = {shorter, 0};
            const Key *other = bsearch(&probe, keys, (size_t)l->n, sizeof(*keys), compare_keys);
            free(shorter);
            const char *b = other ? l->items[other->item].input : NULL;
            const RenderKind *made = b ? natural_kind(b) : NULL;
            if (made == kind) {
                const char *slash = strrchr(key, '/');
                fprintf(stderr,
                        _("copil render: error: %s and %s would both write %s.pdf; rename one, "
                          "or render them into different folders (-d)\n"),
                        l->items[keys[i].item].input, b, slash ? slash + 1 : key);
                st = STATUS_USAGE;
            }
        }
    }
out:
    for (int i = 0; i < l->n; i++)
        free(keys[i].key);
    free(keys);
    return st;
}

/* The inputs of args, sorted (cli_batch_collect's, without the outputs'
 * check or the slicing). */
static Status
find(const char *cmd, char **args, int nargs, const char *outdir, BatchList *out)
{
    BatchList l = {.cmd = cmd};
    Status st = STATUS_OK;
    for (int i = 0; st == STATUS_OK && i < nargs; i++) {
        struct stat sb;
        if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            int before = l.n;
            st = walk(&l, args[i], outdir, 0);
            if (st == STATUS_OK && l.n == before)
                fprintf(stderr, _("copil %s: note: no data file (*.xml) under %s\n"), cmd, args[i]);
        } else {
            /* A missing file fails in its worker, with the others rendered. */
            st = add(&l, strdup(args[i]), outdir);
        }
    }
    if (st == STATUS_OK && l.n > 1)
        qsort(l.items, (size_t)l.n, sizeof(*l.items), compare_items);
    l.total = l.n;
    *out = l;
    if (st != STATUS_OK)
        cli_batch_free(out);
    return st;
}

/* Keeps the shard_k-th of shard_n slices of l: round robin over the sorted
 * list, so that slices differ by one file at most. */
static void
slice(BatchList *l, int shard_k, int shard_n)
{
    if (shard_n <= 1)
        return;
    int kept = 0;
    for (int i = 0; i < l->n; i++) {
        if (i % shard_n == shard_k - 1) {
            l->items[kept++] = l->items[i];
        } else {
            free(l->items[i].input);
            free(l->items[i].outdir);
        }
    }
    l->n = kept;
}

Status
cli_batch_collect(char **args, int nargs, const char *outdir, int shard_k, int shard_n,
                  BatchList *out)
{
    BatchList l;
    Status st = find("render", args, nargs, outdir, &l);
    if (st != STATUS_OK)
        return st;
    if ((st = check_outputs(&l)) != STATUS_OK) {
        cli_batch_free(&l);
        return st;
    }
    slice(&l, shard_k, shard_n);
    *out = l;
    return STATUS_OK;
}

Status
cli_batch_find(const char *cmd, char **args, int nargs, int shard_k, int shard_n, BatchList *out)
{
    Status st = find(cmd, args, nargs, NULL, out);
    if (st == STATUS_OK)
        slice(out, shard_k, shard_n);
    return st;
}

void
cli_batch_free(BatchList *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->items[i].input);
        free(l->items[i].outdir);
    }
    free(l->items);
    memset(l, 0, sizeof(*l));
}

/* --- workers ------------------------------------------------------------------- */

/* What a worker sends back: this header, then len bytes of message. One
 * write of at most PIPE_BUF bytes, so it arrives whole. */
typedef struct Message {
    int32_t item;
    int32_t status;
    int32_t warnings;
    int32_t len;
} Message;

typedef struct Worker {
    pid_t pid;
    int task;   /* parent writes item numbers here */
    int result; /* and reads messages here */
    int item;   /* the item in hand; -1 when idle */
} Worker;

typedef struct Batch {
    Session *session;
    const BatchList *list;
    BatchFn fn;
    void *ctx;
    Worker *workers;
    int nworkers;
    BatchResult *results;
    int next, done, failed, warned;
    int progress; /* a terminal: one line, rewritten */
    struct timespec start;
} Batch;

static ssize_t
read_full(int fd, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, (char *)buf + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return k < 0 ? -1 : (ssize_t)got;
        got += (size_t)k;
    }
    return (ssize_t)got;
}

static int
write_full(int fd, const void *buf, size_t n)
{
    size_t put = 0;
    while (put < n) {
        ssize_t k = write(fd, (const char *)buf + put, n - put);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        put += (size_t)k;
    }
    return 0;
}

static void
serve(Batch *b, int task, int result)
{
    int32_t item;
    while (read_full(task, &item, sizeof item) == sizeof item && item >= 0 && item < b->list->n) {
        BatchResult res = {0};
        res.status = b->fn(b->session, &b->list->items[item], b->ctx, &res);
        struct {
            Message m;
            char text[sizeof res.first];
        } out;
        size_t len = strnlen(res.first, sizeof res.first - 1);
        out.m = (Message){item, (int32_t)res.status, res.warnings, (int32_t)len};
        memcpy(out.text, res.first, len);
        if (write_full(result, &out, sizeof out.m + len) != 0)
            break;
    }
}

static void
close_worker_fds(Batch *b)
{
    for (int i = 0; i < b->nworkers; i++) {
        if (b->workers[i].task >= 0)
            close(b->workers[i].task);
        if (b->workers[i].result >= 0)
            close(b->workers[i].result);
    }
}

/* The threads of this process, from /proc/self/task; 0 when unknown. */
static int
threads(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Starts worker w. Only one thread survives a fork: Pango 1.50 starts
 * short-lived threads of its own (fontconfig's initialisation, font sorts),
 * and a fork while one of them holds a lock would leave the worker waiting
 * for it forever; so the fork waits until this process is single-threaded
 * again (a few milliseconds at most). The child closes the parent's ends of
 * every other worker's pipes, so that each worker's death shows as end of
 * file. */
static int
spawn(Batch *b, Worker *w)
{
    int task[2], result[2];
    for (int waited = 0; threads() > 1 && waited < 5000; waited++)
        usleep(1000);
    if (pipe(task) != 0)
        return -1;
    if (pipe(result) != 0) {
        close(task[0]);
        close(task[1]);
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(task[0]);
        close(task[1]);
        close(result[0]);
        close(result[1]);
        return -1;
    }
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        close(task[1]);
        close(result[0]);
        close_worker_fds(b);
        serve(b, task[0], result[1]);
        close(task[0]);
        close(result[1]);
        free(b->results);
        free(b->workers);
        render_session_close(b->session);
        fflush(stdout);
        exit(0);
    }
    close(task[0]);
    close(result[1]);
    w->pid = pid;
    w->task = task[1];
    w->result = result[0];
    w->item = -1;
    return 0;
}

/* Gives w the next item, or tells it to stop when none is left. */
static void
hand_out(Batch *b, Worker *w)
{
    if (b->next < b->list->n) {
        int32_t item = b->next;
        if (write_full(w->task, &item, sizeof item) == 0) {
            w->item = b->next++;
            return;
        }
    }
    w->item = -1;
    close(w->task);
    w->task = -1;
}

static double
elapsed(const Batch *b)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - b->start.tv_sec) + (double)(now.tv_nsec - b->start.tv_nsec) / 1e9;
}

static void
show_progress(const Batch *b)
{
    if (!b->progress)
        return;
    double t = elapsed(b);
    int n = b->list->n;
    char secs[32];
    i18n_decimal(secs, sizeof secs, t);
    fprintf(stderr, "\r\033[K");
    /* TRANSLATORS: the progress line of a batch: "copil render: 12/40". */
    fprintf(stderr, _("copil render: %d/%d"), b->done, n);
    if (b->failed)
        fprintf(stderr, ngettext(", %d failed", ", %d failed", (unsigned long)b->failed),
                b->failed);
    /* TRANSLATORS: seconds since the batch began, after the count. */
    fprintf(stderr, _(", %s s"), secs);
    double left = b->done > 0 ? t / b->done * (n - b->done) : 0;
    if (b->done > 0 && b->done < n) {
        if (left < 10)
            i18n_decimal(secs, sizeof secs, left);
        else
            snprintf(secs, sizeof secs, "%.0f", left);
        fprintf(stderr, _(", about %s s left"), secs);
    }
    fflush(stderr);
}

static void
record(Batch *b, int item, Status st, int warnings, const char *text)
{
    BatchResult *r = &b->results[item];
    r->status = st;
    r->warnings = warnings;
    snprintf(r->first, sizeof r->first, "%s", text);
    b->done++;
    b->failed += st != STATUS_OK;
    b->warned += st == STATUS_OK && warnings > 0;
}

/* A message from w, or its end: then its item failed, and a new worker takes
 * its place while items remain. */
static void
collect(Batch *b, Worker *w)
{
    Message m;
    char text[sizeof((BatchResult *)0)->first];
    ssize_t k = read_full(w->result, &m, sizeof m);
    if (k == sizeof m && m.item == w->item && m.len >= 0 && (size_t)m.len < sizeof text &&
        read_full(w->result, text, (size_t)m.len) == m.len) {
        text[m.len] = '\0';
        record(b, m.item, (Status)m.status, m.warnings, text);
        hand_out(b, w);
        return;
    }
    int ws = 0;
    close(w->result);
    w->result = -1;
    if (w->task >= 0)
        close(w->task);
    w->task = -1;
    while (waitpid(w->pid, &ws, 0) < 0 && errno == EINTR)
        ;
    w->pid = -1;
    if (w->item >= 0) {
        char why[160];
        if (WIFSIGNALED(ws))
            snprintf(why, sizeof why, _("%s: error: copil stopped while rendering this file (%s)"),
                     b->list->items[w->item].input, strsignal(WTERMSIG(ws)));
        else
            snprintf(why, sizeof why,
                     _("%s: error: copil stopped while rendering this file (exit status %d)"),
                     b->list->items[w->item].input, WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
        record(b, w->item, STATUS_IO, 0, why);
        w->item = -1;
    }
    if (b->next < b->list->n && spawn(b, w) == 0)
        hand_out(b, w);
}

static int
busy(const Batch *b)
{
    for (int i = 0; i < b->nworkers; i++)
        if (b->workers[i].result >= 0)
            return 1;
    return 0;
}

static void
summary(const Batch *b, const BatchOptions *o)
{
    const BatchList *l = b->list;
    if (b->progress)
        fputs("\r\033[K", stderr);
    if (!o->quiet || b->failed) {
        char secs[32];
        i18n_decimal(secs, sizeof secs, elapsed(b));
        /* TRANSLATORS: the batch summary is made of these pieces, e.g.
         * "copil render: 40 documents (shard 2/8 of 320 files) in 3.2 s with
         * 2 workers: 39 written, 1 failed". */
        fprintf(stderr,
                ngettext("copil render: %d document", "copil render: %d documents",
                         (unsigned long)l->n),
                l->n);
        if (o->shard_n > 1)
            fprintf(stderr,
                    ngettext(" (shard %d/%d of %d file)", " (shard %d/%d of %d files)",
                             (unsigned long)l->total),
                    o->shard_k, o->shard_n, l->total);
        fprintf(stderr,
                ngettext(" in %s s with %d worker: ", " in %s s with %d workers: ",
                         (unsigned long)b->nworkers),
                secs, b->nworkers);
        fprintf(stderr, ngettext("%d written, ", "%d written, ", (unsigned long)(l->n - b->failed)),
                l->n - b->failed);
        fprintf(stderr, ngettext("%d failed\n", "%d failed\n", (unsigned long)b->failed),
                b->failed);
    }
    for (int i = 0; i < l->n; i++)
        if (b->results[i].status != STATUS_OK)
            fprintf(stderr, "  %s\n",
                    b->results[i].first[0] ? b->results[i].first : l->items[i].input);
    if (!o->quiet && b->warned)
        fprintf(stderr,
                ngettext("copil render: %d document written with warnings; render it alone to "
                         "read them\n",
                         "copil render: %d documents written with warnings; render each alone "
                         "to read them\n",
                         (unsigned long)b->warned),
                b->warned);
}

int
cli_batch_run(Session *s, const BatchList *list, const BatchOptions *o, BatchFn fn, void *ctx)
{
    Batch b = {.session = s, .list = list, .fn = fn, .ctx = ctx};
    int jobs = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    int code = STATUS_IO;
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);

    clock_gettime(CLOCK_MONOTONIC, &b.start);
    b.progress = !o->quiet && isatty(STDERR_FILENO);
    jobs = jobs < 1 ? 1 : jobs > MAX_JOBS ? MAX_JOBS : jobs;
    b.nworkers = list->n < jobs ? list->n : jobs;
    b.results = calloc((size_t)list->n + 1, sizeof(*b.results));
    b.workers = calloc((size_t)b.nworkers + 1, sizeof(*b.workers));
    if (!b.results || !b.workers) {
        fprintf(stderr, _("copil render: error: out of memory\n"));
        goto out;
    }
    for (int i = 0; i < b.nworkers; i++)
        b.workers[i] = (Worker){-1, -1, -1, -1};
    for (int i = 0; i < b.nworkers; i++) {
        if (spawn(&b, &b.workers[i]) != 0) {
            fprintf(stderr, _("copil render: error: cannot start a worker: %s\n"), strerror(errno));
            goto out;
        }
        hand_out(&b, &b.workers[i]);
    }
    show_progress(&b);
    struct pollfd *fds = calloc((size_t)b.nworkers + 1, sizeof(*fds));
    if (!fds)
        goto out;
    while (busy(&b)) {
        int n = 0;
        for (int i = 0; i < b.nworkers; i++)
            if (b.workers[i].result >= 0)
                fds[n++] = (struct pollfd){.fd = b.workers[i].result, .events = POLLIN};
        int ready = poll(fds, (nfds_t)n, b.progress ? 500 : -1);
        if (ready < 0 && errno != EINTR)
            break;
        for (int i = 0, k = 0; ready > 0 && i < b.nworkers; i++) {
            Worker *w = &b.workers[i];
            if (w->result < 0)
                continue;
            if (fds[k++].revents)
                collect(&b, w);
        }
        show_progress(&b);
    }
    free(fds);
    /* Items left when no worker could be started again. */
    for (int i = b.next; i < list->n; i++) {
        char why[sizeof b.results[i].first];
        snprintf(why, sizeof why, _("%s: error: not rendered: no worker could be started"),
                 list->items[i].input);
        record(&b, i, STATUS_IO, 0, why);
    }
    summary(&b, o);
    code = b.failed ? STATUS_INVALID : STATUS_OK;
out:
    if (b.workers) {
        close_worker_fds(&b);
        for (int i = 0; i < b.nworkers; i++)
            if (b.workers[i].pid > 0)
                while (waitpid(b.workers[i].pid, NULL, 0) < 0 && errno == EINTR)
                    ;
    }
    free(b.workers);
    free(b.results);
    signal(SIGPIPE, old_pipe);
    return code;
}
