/*
 * text/internal.h — the text stage's shared state.
 */
#ifndef COPIL_TEXT_INTERNAL_H
#define COPIL_TEXT_INTERNAL_H

#include <glib.h>

#include "text/text.h"

/* French hyphenation (hyphen.c): libhyphen's dictionary and the session's
 * cache of the words it has split. It is its own state, which the Text
 * holds, so that hyphen.c needs nothing of layout.c. */
typedef struct TextHyphens TextHyphens;

/* Loads the dictionary at dict_path; NULL when it cannot be read (then no
 * word is hyphenated). The caller owns the result: text_hyphens_free(). */
TextHyphens *text_hyphens_load(const char *dict_path);
void text_hyphens_free(TextHyphens *h);

/* text_hyphenate with h's dictionary and cache; h NULL (no dictionary)
 * copies s as it is, map included. */
char *text_hyphens_insert(TextHyphens *h, Arena *a, const char *s, unsigned n, const unsigned *skip,
                          int nskip, unsigned *map, unsigned *out_len);

/* 1 when a word of chars characters surely fits in width at this size: a
 * word that cannot break must not be wider than its line. */
int text_fits(unsigned chars, int size, int width);

/* The byte ranges of the n bytes at s (typeset and hyphenated) in which a
 * line must not break (breaks.c): after a one-letter word, at the hyphens
 * of a capitalised compound that fits in width (Pango units) at this font
 * size. *count pairs [r[2k], r[2k+1]), in order, in a; NULL when none. */
unsigned *text_bound_breaks(Arena *a, const char *s, unsigned n, int width, int size, int *count);

#endif
