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

#endif
