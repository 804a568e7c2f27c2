/*
 * text/internal.h — the text stage's shared state.
 */
#ifndef COPIL_TEXT_INTERNAL_H
#define COPIL_TEXT_INTERNAL_H

#include <glib.h>
#include <hyphen.h>

#include "text/text.h"

/* The hyphenation dictionary, or NULL when none could be loaded. */
HyphenDict *text_dict(Text *t);

/* The session's cache of hyphenated words (text/hyphen.c). */
GHashTable *text_cache(Text *t);

/* 1 when a word of chars characters surely fits in width at this size: a
 * word that cannot break must not be wider than its line. */
int text_fits(unsigned chars, int size, int width);

/* The byte ranges of the n bytes at s (typeset and hyphenated) in which a
 * line must not break (breaks.c): after a one-letter word, at the hyphens
 * of a capitalised compound that fits in width (Pango units) at this font
 * size. *count pairs [r[2k], r[2k+1]), in order, in a; NULL when none. */
unsigned *text_bound_breaks(Arena *a, const char *s, unsigned n, int width, int size, int *count);

#endif
