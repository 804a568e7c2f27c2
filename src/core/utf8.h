/*
 * core/utf8.h — the little UTF-8 the program needs outside Pango.
 *
 * Decoding is strict (no overlong forms, no surrogates, nothing above
 * U+10FFFF); an invalid byte decodes as U+FFFD and advances by one, so loops
 * over hostile text always make progress.
 */
#ifndef COPIL_CORE_UTF8_H
#define COPIL_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the character at s (n > 0 bytes available) into *cp and returns how
 * many bytes it used (1 to 4). An invalid or truncated sequence gives
 * UTF8_REPLACEMENT and 1. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Returns the number of characters in the n bytes at s (invalid bytes count as
 * one character each). */
size_t utf8_count(const char *s, size_t n);

#endif
