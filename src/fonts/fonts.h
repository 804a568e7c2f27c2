/*
 * fonts/fonts.h — the fonts of fonts/, and nothing else.
 *
 * A private fontconfig configuration lists only the project's fonts folder,
 * so no system font can ever slip into a PDF; "sans" and "serif" are aliases
 * for the shipped families. The Pango font map and context built on it belong
 * to the Session: loading fonts once serves every document.
 */
#ifndef COPIL_FONTS_FONTS_H
#define COPIL_FONTS_FONTS_H

#include <stdint.h>

#include <pango/pango.h>

#include "core/run.h"

typedef struct Fonts Fonts;

/* Loads the fonts of fonts_dir. Fontconfig's cache goes to cache_dir when it
 * can be written (NULL: no cache). Problems are Diags on r (file = the fonts
 * folder): a missing folder, or one with no usable font, is STATUS_IO. */
Status fonts_open(Run *r, const char *fonts_dir, const char *cache_dir, Fonts **out);

void fonts_free(Fonts *f);

/* The Pango context every layout is made from (language fr, our fonts). */
PangoContext *fonts_context(Fonts *f);

/* The family to ask Pango for: "sans" and "serif" map to the shipped
 * families; a family that fonts_dir does not have returns NULL. */
const char *fonts_family(Fonts *f, const char *name);

/* 1 when some font of fonts_dir has a glyph for cp. */
int fonts_has_char(Fonts *f, uint32_t cp);

/* Ascent + descent of the family at 1 pt, in thousandths (about 1150 for
 * Liberation), to turn a line height given "in font sizes" into Pango's
 * spacing factor. Cached per family. */
int fonts_line_ratio(Fonts *f, const char *family);

#endif
