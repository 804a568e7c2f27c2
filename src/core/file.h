/*
 * core/file.h — reading an input file whole, with a size limit.
 *
 * Only regular files are read: a directory, a FIFO or a device is refused
 * before any byte is read, so "/dev/zero" cannot hang or exhaust memory.
 */
#ifndef COPIL_CORE_FILE_H
#define COPIL_CORE_FILE_H

#include <stddef.h>

#include "core/run.h"

/* Reads the regular file at path (at most limit bytes) into a NUL-terminated
 * buffer in the run's arena; *data and *len receive it. On failure, reports a
 * diagnostic on the run's file and returns STATUS_IO (cannot be read: missing,
 * a folder, a device) or STATUS_INVALID (larger than limit). */
Status file_read_all(Run *r, const char *path, size_t limit, char **data, size_t *len);

/* An output file written beside its target, as a file without a name where
 * the system allows (else under a temporary name), named and renamed over
 * the target only when complete and flushed: a failed or killed run leaves no
 * half file and never touches an earlier good one. */
typedef struct AtomicFile {
    char *target; /* arena copies */
    char *folder; /* the target's */
    char *temp;   /* the temporary name (an unnamed file gets it at commit) */
    int fd;
    int unnamed; /* fd is an O_TMPFILE: a kill while writing leaves nothing */
    int failed;  /* a write failed: commit refuses */
    char *buf;   /* writes are gathered here (Cairo writes in small pieces) */
    size_t used;
} AtomicFile;

/* Creates the temporary file beside target. STATUS_IO with a Diag on r (file
 * = target) when the folder cannot be written. */
Status file_atomic_open(Run *r, const char *target, AtomicFile *af);

/* Writes n bytes; returns 0 on success, -1 (and marks af failed) on error. */
int file_atomic_write(AtomicFile *af, const void *data, size_t n);

/* Flushes to disk and renames over the target; on any failure the temporary
 * file is removed and a Diag explains. */
Status file_atomic_commit(Run *r, AtomicFile *af);

/* Removes the temporary file; safe to call after a commit. */
void file_atomic_abort(AtomicFile *af);

/* Formats a byte count for people: "512 bytes", "3.4 MB". Writes into buf. */
void file_format_size(char *buf, size_t bufsize, unsigned long long bytes);

#endif
