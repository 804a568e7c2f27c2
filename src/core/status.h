/*
 * core/status.h — the one error type every stage returns.
 *
 * A Status says what kind of failure happened, which is also what the CLI turns
 * into an exit code. The details (file, line, words for the user) live in the
 * run's diagnostics, never in the status itself.
 */
#ifndef COPIL_CORE_STATUS_H
#define COPIL_CORE_STATUS_H

typedef enum Status {
    STATUS_OK = 0,
    STATUS_INVALID = 1, /* the input is wrong: the user can fix it (exit 1) */
    STATUS_USAGE = 2,   /* the command line is wrong (exit 2) */
    STATUS_IO = 3,      /* reading, writing, memory or an internal failure (exit 3) */
} Status;

/* The worse of two statuses: I/O beats invalid beats OK, so a batch reports the
 * most serious thing that happened to any of its files. */
static inline Status
status_worst(Status a, Status b)
{
    if (a == STATUS_IO || b == STATUS_IO)
        return STATUS_IO;
    if (a == STATUS_USAGE || b == STATUS_USAGE)
        return STATUS_USAGE;
    return a > b ? a : b;
}

#endif
