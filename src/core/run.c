/*
 * core/run.c — the per-document context.
 *
 * Diagnostics are a linked list in the arena; sorting happens once, when the
 * CLI prints them. Cleanups are a LIFO list, also in the arena.
 */
#include "core/run.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct Deferred {
    Deferred *next;
    void (*fn)(void *);
    void *ptr;
};

void
run_init(Run *r, const char *file)
{
    memset(r, 0, sizeof(*r));
    arena_init(&r->arena);
    r->diags_tail = &r->diags;
    r->file = arena_strdup(&r->arena, file);
}

void
run_free(Run *r)
{
    for (Deferred *d = r->deferred; d; d = d->next)
        d->fn(d->ptr);
    r->deferred = NULL;
    arena_free(&r->arena);
}

Status
run_defer(Run *r, void (*fn)(void *), void *ptr)
{
    Deferred *d = arena_alloc(&r->arena, sizeof(*d));
    if (!d) {
        fn(ptr);
        return STATUS_IO;
    }
    d->fn = fn;
    d->ptr = ptr;
    d->next = r->deferred;
    r->deferred = d;
    return STATUS_OK;
}

void
run_release(Run *r, void *ptr)
{
    for (Deferred **d = &r->deferred; *d; d = &(*d)->next) {
        if ((*d)->ptr == ptr) {
            Deferred *found = *d;
            *d = found->next;
            found->fn(found->ptr);
            return;
        }
    }
}

static void
add_diag(Run *r, DiagLevel level, const char *file, long line, long col, const char *fmt,
         va_list ap)
{
    /* Counted even when not kept: a stage tells its failure by the count. */
    r->nerrors += level == DIAG_ERROR;
    if (r->ndiags >= RUN_MAX_DIAGS) {
        r->ndropped++;
        return;
    }
    char *msg = arena_vprintf(&r->arena, fmt, ap);
    if (!msg)
        return; /* the arena remembers the failure */
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    size_t n = strlen(msg);
    while (n > 0 && msg[n - 1] == ' ')
        msg[--n] = '\0';
    /* Said once: a header measured again on every page finds the same
     * problem at the same place each time. */
    for (const Diag *e = r->diags; e; e = e->next)
        if (e->level == level && e->line == line && e->col == col &&
            (e->file == file || (e->file && file && !strcmp(e->file, file))) &&
            !strcmp(e->message, msg))
            return;
    Diag *d = arena_alloc(&r->arena, sizeof(*d));
    if (!d)
        return;
    d->level = level;
    /* Copied: a name from a stage's own memory (a linked file's, an
     * image's) may be gone when the diagnostics are printed. */
    d->file = file && file != r->file ? arena_strdup(&r->arena, file) : file;
    d->line = line;
    d->col = col;
    d->message = msg;
    d->seq = r->ndiags++;
    *r->diags_tail = d;
    r->diags_tail = &d->next;
}

void
run_diag(Run *r, DiagLevel level, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag(r, level, r->file, line, col, fmt, ap);
    va_end(ap);
}

void
run_diag_at(Run *r, DiagLevel level, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag(r, level, file ? arena_strdup(&r->arena, file) : NULL, line, col, fmt, ap);
    va_end(ap);
}

static int
cmp_diag(const void *pa, const void *pb)
{
    const Diag *a = *(const Diag *const *)pa;
    const Diag *b = *(const Diag *const *)pb;
    /* Files keep the order in which they were first mentioned (the input, then
     * a stylesheet or a linked file); within one file, top to bottom. */
    if (a->file_rank != b->file_rank)
        return a->file_rank < b->file_rank ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

Diag **
run_sorted_diags(Run *r)
{
    Diag **v = arena_alloc_array(&r->arena, (size_t)r->ndiags + 1, sizeof(*v));
    if (!v)
        return NULL;
    size_t n = 0;
    for (Diag *d = r->diags; d; d = d->next) {
        d->file_rank = (unsigned)n;
        for (size_t i = 0; i < n; i++) {
            const char *f = v[i]->file;
            if (f == d->file || (f && d->file && !strcmp(f, d->file))) {
                d->file_rank = v[i]->file_rank;
                break;
            }
        }
        v[n++] = d;
    }
    v[n] = NULL;
    qsort(v, n, sizeof(*v), cmp_diag);
    return v;
}
