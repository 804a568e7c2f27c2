/*
 * text/text.h — RichText + Style → PangoLayout, with French typography and
 * hyphenation.
 *
 * One layout per paragraph, built once: the text is typeset (no-break spaces,
 * apostrophes), hyphenated (soft hyphens from libhyphen's French patterns,
 * since Pango never hyphenates by itself), and its inline markup becomes
 * Pango attributes. Layout cannot fail: a character no font has is a warning
 * and prints as a box.
 */
#ifndef COPIL_TEXT_TEXT_H
#define COPIL_TEXT_TEXT_H

#include <pango/pango.h>

#include "core/run.h"
#include "doc/doc.h"
#include "fonts/fonts.h"

typedef struct Text Text;

/* Makes the text stage over fonts (borrowed); loads the hyphenation
 * dictionary at dict_path (NULL or unreadable: no hyphenation, with a warning
 * on r). The caller owns the result. */
Text *text_new(Run *r, Fonts *fonts, const char *dict_path);
void text_free(Text *t);

/* The fonts t lays out with (for charts, which lay out their own labels). */
Fonts *text_fonts(Text *t);

/* A link's place in a laid-out text. */
typedef struct TextLink TextLink;
struct TextLink {
    TextLink *next;
    int start, end; /* byte offsets in the TextLayout's text */
    const char *href, *to;
};

/* The Pango layouts a TextLayout's lines belong to, in the run's arena:
 * freed by text_release, or when the run ends. */
typedef struct TextOwned {
    int n;
    PangoLayout *layouts[];
} TextOwned;

/* A text laid out: its lines, placed one under the other. A long text is
 * laid out in pieces (see layout.c), so its lines belong to several
 * PangoLayouts: each line's own (line->layout) holds the stretch of the
 * text that starts at byte base[i]. Everything is owned by the run. */
typedef struct TextLayout {
    int nlines;              /* 0 when the text could not be laid out */
    PangoLayoutLine **lines; /* nlines entries */
    unsigned *base;          /* nlines entries: where the line's layout starts in text */
    int *top;                /* nlines + 1 entries: top of each line; top[nlines] = height */
    int *baseline;           /* nlines entries */
    int *xoff;               /* nlines entries: the line's left edge */
    const char *text;        /* the text as laid out (typeset, hyphenated), len bytes */
    unsigned len;
    TextLink *links; /* byte offsets in text */
    TextOwned *owned;
} TextLayout;

/* Lays out rt in style st at the given width (Pango units, > 0). page and
 * count fill the page-number and page-count fields. Warnings (missing
 * glyphs) go to r at owner's line, and so does the error of a text too
 * long for its width (nlines is then 0). The time taken grows with the
 * length of the text, whatever its words. */
TextLayout text_layout(Text *t, Run *r, const RichText *rt, const Style *st, int width, int page,
                       int count, const Box *owner);

/* 1 when line ends with a space glyph of its own: text_layout gives one
 * to each line that a wrap ended at a space. The others that end between
 * two words (at a hard break) need their separator drawn apart. */
int text_line_shows_space(const PangoLayoutLine *line);

/* Frees tl's Pango layouts now rather than when the run ends, once its
 * lines have been drawn for good: they may no longer be used; its text,
 * links and positions stay. A second call does nothing. */
void text_release(const TextLayout *tl);

/* Warns at owner's line of each character of the n bytes at s that no font
 * of fonts/ has (it prints as a box); text_layout does it for its text, a
 * chart for its labels. */
void text_check_glyphs(Text *t, Run *r, const char *s, unsigned n, const Box *owner);

/* French typography on the n bytes at s; see typography.c. map, when not
 * NULL, has n + 1 entries and receives each input offset's output offset.
 * The result is in a; *out_len its length. */
char *text_typography(Arena *a, const char *s, unsigned n, unsigned *map, unsigned *out_len);

/* The ordinals typed in the n bytes at s (1er, 2e, 2nde, XXIe; see
 * ordinals.c), whose suffixes the layout sets in superscript: *count
 * triples of byte offsets, r[3k] where the ordinal starts, r[3k + 1] where
 * its suffix starts, r[3k + 2] where it ends; in order and apart. The
 * array is in a; NULL when there are none (or memory ran out). */
unsigned *text_ordinals(Arena *a, const char *s, unsigned n, int *count);

/* Inserts soft hyphens (U+00AD) into the words of s that libhyphen can
 * split, skipping capitalised words and the byte ranges [skip[2k],
 * skip[2k+1]) (links). map as above. */
char *text_hyphenate(Text *t, Arena *a, const char *s, unsigned n, const unsigned *skip, int nskip,
                     unsigned *map, unsigned *out_len);

#endif
