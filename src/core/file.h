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

/* Reads the regular file at path whole, at most limit bytes, into a
 * NUL-terminated buffer in a; open gets flags too (O_NOFOLLOW, say).
 * Returns 0, or why not: EISDIR a folder, ENODEV a device, pipe or socket,
 * EFBIG larger than limit (*len is then its size), EAGAIN it changed while
 * read, ENOMEM, or open's and read's own errno (file_why says it in words).
 * Nothing is reported. */
int file_load(const char *path, int flags, size_t limit, Arena *a, char **data, size_t *len);

/* Reads the regular file at path (at most limit bytes) into a NUL-terminated
 * buffer in the run's arena; *data and *len receive it. On failure, reports a
 * diagnostic on the run's file and returns STATUS_IO (cannot be read: missing,
 * a folder, a device) or STATUS_INVALID (larger than limit). */
Status file_read_all(Run *r, const char *path, size_t limit, char **data, size_t *len);

/* 1 when the real path real lies strictly inside the real folder dir. */
int file_inside(const char *real, const char *dir);

/* The real path of the folder that holds path ("." for a bare name, "/" for
 * "/x") into out, PATH_MAX bytes. 0, or -1 with errno. */
int file_real_folder(const char *path, char *out);

/* Where a relative path written in a file (a logo, a linked file, an image)
 * leads from the real folder dir. */
typedef enum FileRef {
    FILE_REF_INSIDE,   /* *real (PATH_MAX bytes) is the file, inside dir */
    FILE_REF_ABSOLUTE, /* rel starts with / */
    FILE_REF_OUTSIDE,  /* rel climbs out with "..", or its real path (a
                          symbolic link) lies outside dir: *real says where */
    FILE_REF_MISSING,  /* nothing there */
} FileRef;
FileRef file_resolve(const char *dir, const char *rel, char *real);

/* Why a file operation failed, in words for people: "it does not exist",
 * "the disk is full"… */
const char *file_why(int err);

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
} AtomicFile;

/* Creates the temporary file beside target. STATUS_IO with a Diag on r (file
 * = target) when the folder cannot be written; STATUS_USAGE (a Diag on r's
 * file) when target is a folder, a device or a pipe, which a rename would
 * replace. */
Status file_atomic_open(Run *r, const char *target, AtomicFile *af);

/* Writes n bytes; returns 0 on success, -1 (and marks af failed) on error. */
int file_atomic_write(AtomicFile *af, const void *data, size_t n);

/* Flushes to disk and renames over the target; on any failure the temporary
 * file is removed and a Diag explains. */
Status file_atomic_commit(Run *r, AtomicFile *af);

/* Removes the temporary file; safe to call after a commit. */
void file_atomic_abort(AtomicFile *af);

/* The four steps above for bytes already in memory: target gets data whole,
 * or is left as it was (a Diag on r says why). */
Status file_atomic_save(Run *r, const char *target, const void *data, size_t n);

/* Writes data[0..n) whole to standard output and flushes it (`copil new`,
 * `render -o -`). Returns 0, or the errno of the failure (EIO where the C
 * library names none), for the caller's message. */
int file_write_stdout(const void *data, size_t n);

/* Formats a byte count for people: "512 bytes", "3.4 MB". Writes into buf. */
void file_format_size(char *buf, size_t bufsize, unsigned long long bytes);

/* Makes the folder path and its missing parents (mkdir -p); 0, or -1 with
 * errno (ENOTDIR when path exists and is not a folder). */
int file_make_dirs(const char *path);

#endif
