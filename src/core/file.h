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

/* Formats a byte count for people: "512 bytes", "3.4 MB". Writes into buf. */
void file_format_size(char *buf, size_t bufsize, unsigned long long bytes);

#endif
