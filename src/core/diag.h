/*
 * core/diag.h — diagnostics: what went wrong, where, in words a user can act on.
 *
 * Stages never print. They append Diag records to the run; the CLI sorts and
 * prints them once, as "file:line:col: error: message". A Diag carries its own
 * copies of strings (in the run's arena), so it outlives the xmlDoc it came from.
 */
#ifndef COPIL_CORE_DIAG_H
#define COPIL_CORE_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum DiagLevel {
    DIAG_NOTE,
    DIAG_WARNING,
    DIAG_ERROR,
} DiagLevel;

typedef struct Diag Diag;
struct Diag {
    Diag *next;
    DiagLevel level;
    const char *file; /* as the user named it; NULL for none */
    long line;        /* 1-based; 0 when the problem is with the whole file */
    long col;         /* 1-based, in characters; 0 when unknown */
    const char *message;
    unsigned seq;       /* order of arrival, to keep sorting stable */
    unsigned file_rank; /* set when sorting: files in order of first mention */
};

/* Returns the level's word as printed, in the user's language: "error",
 * "warning" or "note" in English. */
const char *diag_level_name(DiagLevel level);

/* Writes d as one line "file:line:col: level: message\n" to fp, leaving out the
 * parts that are unknown (no line: "file: level: message"). */
void diag_print(const Diag *d, FILE *fp);

#endif
