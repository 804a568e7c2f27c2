/*
 * core/run.h — one document's work: its arena, diagnostics and cleanups.
 *
 * A Run is made per input file and freed when that file is done. Library
 * objects a stage creates for the run (xmlDoc, later PangoLayout, cairo
 * surfaces) are registered with run_defer() and destroyed in reverse order by
 * run_free(), before the arena goes. A batch is one Session and many Runs.
 */
#ifndef COPIL_CORE_RUN_H
#define COPIL_CORE_RUN_H

#include "core/arena.h"
#include "core/diag.h"
#include "core/status.h"

typedef struct Deferred Deferred;

typedef struct Run {
    Arena arena;
    const char *file;  /* the input as the user named it (arena copy) */
    Diag *diags;       /* in order of arrival */
    Diag **diags_tail; /* where the next Diag is linked */
    unsigned ndiags;
    unsigned nerrors;
    unsigned ndropped; /* diagnostics beyond RUN_MAX_DIAGS, not kept */
    Deferred *deferred;
} Run;

/* A run keeps at most this many diagnostics; a file with thousands of errors
 * says how many more there were instead of flooding the terminal. */
#define RUN_MAX_DIAGS 200

/* Prepares r for the input named file (copied; may be NULL). */
void run_init(Run *r, const char *file);

/* Runs the deferred cleanups in reverse order, then frees the arena. */
void run_free(Run *r);

/* Registers fn(ptr) to be called by run_free(). Returns STATUS_IO, and calls
 * fn(ptr) at once, if the registration itself cannot be stored. */
Status run_defer(Run *r, void (*fn)(void *), void *ptr);

/* Runs now the cleanup registered for ptr (the latest one, when several
 * are), which run_free() then skips: for what a run no longer needs long
 * before it ends. Nothing happens when none is registered for ptr. */
void run_release(Run *r, void *ptr);

/* Appends a diagnostic about the run's file at line/col (0 = unknown). The
 * message is formatted into the arena; newlines become spaces and trailing
 * white space is dropped. One that says again what an earlier one said, at
 * the same place, is counted (nerrors) but not kept. */
void run_diag(Run *r, DiagLevel level, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The same with an explicit file name (e.g. a stylesheet or a linked file). */
void run_diag_at(Run *r, DiagLevel level, const char *file, long line, long col, const char *fmt,
                 ...) __attribute__((format(printf, 6, 7)));

/* Returns the diagnostics sorted by file order of arrival, then line and
 * column, as a NULL-terminated array in the arena (NULL when out of memory). */
Diag **run_sorted_diags(Run *r);

#endif
