/*
 * core/buf.h — a growable byte string in a run's arena.
 *
 * For the text rewrites (white space folding, typography, hyphenation): the
 * content is always NUL-terminated, growth doubles, and a failed allocation
 * sticks in the buffer (cairo's habit) so callers check once at the end.
 */
#ifndef COPIL_CORE_BUF_H
#define COPIL_CORE_BUF_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

typedef struct Buf {
    Arena *a;
    char *s; /* NUL-terminated once anything was added; NULL before */
    unsigned len, cap;
    int failed; /* out of memory, or over 256 MB */
} Buf;

/* Prepares an empty buffer allocating from a. */
void buf_init(Buf *b, Arena *a);

/* Makes room for more bytes (and the NUL); sets failed when it cannot. */
void buf_reserve(Buf *b, unsigned more);

/* Appends n bytes of s. */
void buf_append(Buf *b, const char *s, unsigned n);

/* Appends the code point cp in UTF-8. */
void buf_put(Buf *b, uint32_t cp);

/* The line of s (len bytes) that starts at *at, for reading a text file line
 * by line: returns its start and puts its length in *n, without its '\n' nor
 * a '\r' before that; *at moves to the next line. NULL at the end. */
const char *text_next_line(const char *s, size_t len, size_t *at, size_t *n);

#endif
