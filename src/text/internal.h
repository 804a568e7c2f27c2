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

/* The session's cache of hyphenated words, for text_hyphen_points. */
GHashTable *text_cache(Text *t);

/* The break points of a lower-case word of nchars characters, as a string
 * of nchars bytes where '1' means "may break after this character"; looked
 * up in the session's cache first. NULL when the word cannot be hyphenated
 * (no dictionary, out of memory). Owned by t: valid until text_free. */
const char *text_hyphen_points(Text *t, const char *lower, unsigned nchars);

#endif
