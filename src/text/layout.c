/*
 * text/layout.c — a paragraph's text → PangoLayout lines, with attributes.
 *
 * A text up to 8 KB is one PangoLayout; a longer one is laid out in pieces
 * of a few KB, one PangoLayout each, whose lines are those one layout would
 * have had (see "long texts in pieces" below): Pango's line breaker is
 * quadratic on long texts.
 * The text goes through three rewrites, each with an offset map so that the
 * spans of the inline markup still point at their characters:
 *   fields (page number and count) → typography → hyphenation.
 * The ordinals users type (2e, XXIe) are found in the typeset text and
 * raised like <sup>. Justified text is laid out ragged and justified here
 * rather than by Pango (see "justification"), in the same pass that keeps
 * rivers out.
 * Markup becomes Pango attributes, never a markup string built by
 * concatenation, so no user text is ever parsed as markup. The rewrites'
 * copies and maps live in a scratch arena emptied after each paragraph:
 * only the layout and its links outlast the call.
 */
#include <string.h>

#include <pango/pangocairo.h>

#include "core/utf8.h"
#include "text/internal.h"
#include "core/i18n.h"

struct Text {
    Fonts *fonts;
    TextHyphens *hyphens; /* NULL: no dictionary, no hyphenation */
    Arena scratch;        /* one paragraph's rewrites; emptied by each layout */
};

Text *
text_new(Run *r, Fonts *fonts, const char *dict_path)
{
    Text *t = g_new0(Text, 1);
    t->fonts = fonts;
    t->hyphens = dict_path ? text_hyphens_load(dict_path) : NULL;
    arena_init(&t->scratch);
    if (!t->hyphens)
        run_diag(r, DIAG_WARNING, 0, 0,
                 _("the French hyphenation dictionary %s cannot be read: no word will be "
                   "hyphenated (install hyphen-fr)"),
                 dict_path ? dict_path : "(none)");
    return t;
}

Fonts *
text_fonts(Text *t)
{
    return t->fonts;
}

void
text_free(Text *t)
{
    if (!t)
        return;
    text_hyphens_free(t->hyphens);
    arena_free(&t->scratch);
    g_free(t);
}

char *
text_hyphenate(Text *t, Arena *a, const char *s, unsigned n, const unsigned *skip, int nskip,
               unsigned *map, unsigned *out_len)
{
    return text_hyphens_insert(t->hyphens, a, s, n, skip, nskip, map, out_len);
}

static PangoFontDescription *
font_for(Text *t, const Style *st)
{
    PangoFontDescription *d = pango_font_description_new();
    const char *family = fonts_family(t->fonts, st->font);
    pango_font_description_set_family(d, family ? family : fonts_family(t->fonts, "sans"));
    pango_font_description_set_size(d, st->size);
    pango_font_description_set_weight(d, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

/* The attributes of one text, kept in the order they are made until the
 * text is laid out (see by_start). */
typedef struct Pending {
    PangoAttribute *at;
    unsigned seq;
} Pending;

static void
add_attr(GArray *list, PangoAttribute *at, unsigned start, unsigned end)
{
    at->start_index = start;
    at->end_index = end;
    Pending p = {at, list->len};
    g_array_append_val(list, p);
}

static void
add_color(GArray *list, uint32_t rgb, unsigned start, unsigned end)
{
    add_attr(list,
             pango_attr_foreground_new((guint16)(((rgb >> 16) & 0xFF) * 257),
                                       (guint16)(((rgb >> 8) & 0xFF) * 257),
                                       (guint16)((rgb & 0xFF) * 257)),
             start, end);
}

/* Sets width, alignment, spacing and the base font of layout from st. */
static void
shape(Text *t, PangoLayout *layout, const Style *st, int width, Align align)
{
    PangoFontDescription *d = font_for(t, st);
    pango_layout_set_font_description(layout, d);
    const char *family = pango_font_description_get_family(d);
    int ratio = fonts_line_ratio(t->fonts, family);
    pango_font_description_free(d);
    pango_layout_set_width(layout, width > 0 ? width : -1);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                                       : align == ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                               : PANGO_ALIGN_LEFT);
    pango_layout_set_line_spacing(layout, (float)st->line_height / (float)ratio);
}

/* The text with its fields filled in; map[rt offset] = new offset. */
static char *
fill_fields(Arena *a, const RichText *rt, int page, int count, unsigned *map, unsigned *len)
{
    if (!rt->has_fields) {
        for (unsigned i = 0; i <= rt->len; i++)
            map[i] = i;
        *len = rt->len;
        return rt->text;
    }
    GString *g = g_string_new(NULL);
    unsigned i = 0;
    for (const Span *sp = rt->spans;; sp = sp->next) {
        unsigned upto = sp ? sp->start : rt->len;
        for (; i < upto && i < rt->len; i++) {
            map[i] = (unsigned)g->len;
            g_string_append_c(g, rt->text[i]);
        }
        if (!sp)
            break;
        if (sp->kind == SPAN_PAGE_NUMBER)
            g_string_append_printf(g, "%d", page);
        else if (sp->kind == SPAN_PAGE_COUNT)
            g_string_append_printf(g, "%d", count);
    }
    map[rt->len] = (unsigned)g->len;
    char *s = arena_strndup(a, g->str, g->len);
    *len = (unsigned)g->len;
    g_string_free(g, TRUE);
    return s;
}

/* A long run without spaces and without soft hyphens (a token, an address,
 * a path) broken only because it is wider than the line gets no hyphen at
 * the break: it would become part of what a reader copies. (The attribute
 * also silences soft hyphens, hence only these runs.) */
#define TOKEN_MIN 25

static void
no_hyphens_in_tokens(GArray *list, const char *s, unsigned n)
{
    unsigned start = 0;
    int soft = 0;
    for (unsigned i = 0; i <= n; i++) {
        int end = i == n || s[i] == ' ' || s[i] == '\n' ||
                  ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0);
        if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD)
            soft = 1;
        if (!end)
            continue;
        if (!soft && i - start >= TOKEN_MIN)
            add_attr(list, pango_attr_insert_hyphens_new(FALSE), start, i);
        start = i + 1;
        soft = 0;
    }
}

static void
add_superscript(GArray *list, const Style *st, unsigned start, unsigned end)
{
    add_attr(list, pango_attr_rise_new(st->size * 27 / 100), start, end);
    add_attr(list, pango_attr_scale_new(0.7), start, end);
}

/* The ordinals typed in the text (2e trimestre, XXIe siècle) get the
 * superscript of <sup>, unless the markup already raises them (the
 * stylesheets' « 1<sup>re</sup> réunion »). s1 is the typeset text, m0 and
 * m1 the maps to it, m2 the hyphenation's map from it (NULL: none).
 *
 * Their number is drawn at a size 1/10,000 smaller, invisible but a font
 * change, for which Cairo places the text at its exact position: Cairo
 * 1.16 writes glyph widths rounded to 1/1000 em, so within a run of one
 * font the text drifts from Pango's positions (up to 0.4 pt at a line's
 * end), while the raised suffix, in another font, is placed exactly. The
 * drift would open a gap between 4 and e, which readers (pdftotext, a
 * viewer's search and copy) take for a space: "4 e B". With the number
 * placed exactly too, the gap goes to the space before it. */
static void
superscript_ordinals(GArray *list, Arena *a, const RichText *rt, const Style *st, const char *s1,
                     unsigned n1, const unsigned *m0, const unsigned *m1, const unsigned *m2)
{
    int count = 0;
    const unsigned *r = text_ordinals(a, s1, n1, &count);
    for (int k = 0; k < count; k++) {
        unsigned b = r[3 * k], s = r[3 * k + 1], e = r[3 * k + 2];
        int raised = 0;
        for (const Span *sp = rt->spans; sp && !raised; sp = sp->next)
            raised = sp->kind == SPAN_SUP && m1[m0[sp->start]] < e && s < m1[m0[sp->end]];
        if (raised)
            continue;
        add_attr(list, pango_attr_scale_new(0.9999), m2 ? m2[b] : b, m2 ? m2[s] : s);
        add_superscript(list, st, m2 ? m2[s] : s, m2 ? m2[e] : e);
    }
}

/* Warns once per character that no shipped font can print. */
void
text_check_glyphs(Text *t, Run *r, const char *s, unsigned n, const Box *owner)
{
    uint32_t seen[8];
    int nseen = 0;
    for (unsigned i = 0; i < n;) {
        uint32_t cp;
        i += (unsigned)utf8_decode(s + i, n - i, &cp);
        if (cp < 0x20 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
            cp == 0xFEFF || fonts_has_char(t->fonts, cp))
            continue;
        int dup = 0;
        for (int k = 0; k < nseen; k++)
            dup |= seen[k] == cp;
        if (dup)
            continue;
        if (nseen < 8)
            seen[nseen++] = cp;
        char utf8[8] = {0};
        g_unichar_to_utf8(cp, utf8);
        run_diag(r, DIAG_WARNING, owner ? owner->line : 0, 0,
                 _("the character \"%s\" (U+%04X) in <%s> is in no font of fonts/: it prints as "
                   "a box"),
                 cp == UTF8_REPLACEMENT ? "?" : utf8, (unsigned)cp,
                 owner ? owner->element : "text");
    }
}

/* By start, and in the order made among equals: the order
 * pango_attr_list_insert keeps, so that inserting them in this order gives
 * the list that inserting them as made would, each in constant time. */
static gint
by_start(gconstpointer a, gconstpointer b)
{
    const Pending *x = a, *y = b;
    if (x->at->start_index != y->at->start_index)
        return x->at->start_index < y->at->start_index ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* --- long texts in pieces ---------------------------------------------
 *
 * Pango 1.50 breaks the lines of an item (a run of text in one font) by
 * measuring what is left of it, line after line; when what is left holds no
 * break opportunity but its end, the end of the text, it shapes all of it
 * again for each line (pango-layout.c, process_item). And after breaking,
 * it walks the attribute list from its start for each run. A long
 * paragraph, worse a long unbroken word, costs the square of its length.
 *
 * So a text longer than PIECE_FROM is laid out in pieces of about PIECE
 * bytes, one PangoLayout each: a piece's lines but its last are kept, and
 * the next piece starts where that last line started. Pango breaks lines
 * greedily, one after the other, so the kept lines are those the whole
 * text would have had. A piece ends inside a word, and its last character
 * is made an item of its own (by an attribute that changes nothing): what
 * Pango measures again for each line then stops there, in the line that is
 * dropped. The rest of a paragraph up to a hard line break (<br>), once
 * short, is laid out as it is and kept whole. Shorter texts, every real
 * paragraph, are laid out in one layout as they always were.
 *
 * A piece that holds on one line (invisible characters: zero-width spaces,
 * soft hyphens, joiners) is tried again twice as long, up to PIECE_MAX
 * bytes; one that still holds on one line at PIECE_MAX is kept as a line
 * of its own, cut at a grapheme boundary, since laying out the rest whole
 * would be the quadratic case again. Such a text then prints as several
 * (empty-looking) lines where one layout would have made one.
 *
 *   text   |-------- piece 1 --------|
 *          [line][line][line][dropped]
 *                            |-------- piece 2 --------|
 *                            [line][line][line][dropped]
 *                                              |-- last piece --|
 */
#define PIECE_FROM 8192
#define PIECE      2048
#define PIECE_LAST 256
#define PIECE_MAX  (4 * PIECE)

/* Lines taller than this in all (Pango units, about 1,000 A4 pages): the
 * sums of positions would overflow. */
#define MAX_HEIGHT (1 << 30)

/* Where the text being laid out is, and what has been kept of it. */
typedef struct Pieces {
    Text *t;
    Run *r;
    const Style *st;
    int width;
    const char *s; /* the whole text */
    unsigned n;
    GArray *attrs;    /* Pending, sorted by start */
    GPtrArray *live;  /* attributes that may cross the next piece */
    unsigned next;    /* first attribute of attrs not yet in live */
    GArray *lines;    /* Line */
    GPtrArray *owned; /* the layouts whose lines are kept */
    int failed;       /* out of memory, or too tall */
} Pieces;

typedef struct Line {
    PangoLayoutLine *line;
    unsigned base;
    int top, bottom, baseline, x;
} Line;

/* 1 for a character that ends a line whatever the width: <br> and the
 * paragraph separator. */
static unsigned
hard_break_len(const char *s, unsigned i, unsigned n)
{
    if (s[i] == '\n')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0xA9)
        return 3;
    return 0;
}

/* A character a piece may end before and after: inside a word, not next
 * to anything that binds to what precedes it (a combining mark, a joiner,
 * a variation selector). */
static int
inside_word(uint32_t cp)
{
    GUnicodeType type = g_unichar_type(cp);
    return cp > ' ' && cp != 0xA0 && cp != 0xAD && cp != 0x202F && cp != '-' && cp != 0x200C &&
           cp != 0x200D && !(cp >= 0xFE00 && cp <= 0xFE0F) && type != G_UNICODE_SPACE_SEPARATOR &&
           type != G_UNICODE_LINE_SEPARATOR && type != G_UNICODE_PARAGRAPH_SEPARATOR &&
           type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT && !g_unichar_ismark(cp);
}

/* Where a piece starting at pos should end, near target (pos < target <=
 * n): between two characters of a word when there is one close by, else at
 * the character boundary at or before target. */
static unsigned
piece_end(const char *s, unsigned pos, unsigned target)
{
    while (target > pos + 1 && ((unsigned char)s[target] & 0xC0) == 0x80)
        target--;
    for (unsigned e = target; e > pos + 8 && target - e < 64; e--) {
        if (((unsigned char)s[e] & 0xC0) == 0x80)
            continue;
        unsigned b = e - 1;
        while (b > pos && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
        uint32_t before, at;
        utf8_decode(s + b, e - b, &before);
        utf8_decode(s + e, 4, &at);
        if (inside_word(before) && inside_word(at))
            return e;
    }
    return target;
}

/* The last grapheme boundary after pos and at or before target (pos <
 * target < hard, hard the end of the paragraph's part being laid out), as
 * Pango finds it with the characters around it; the character boundary at
 * or before target when a cluster runs longer than the window looked at. */
static unsigned
grapheme_end(const char *s, unsigned pos, unsigned target, unsigned hard)
{
    while (target > pos + 1 && ((unsigned char)s[target] & 0xC0) == 0x80)
        target--;
    unsigned w0 = target - pos > 256 ? target - 256 : pos;
    while (w0 > pos && ((unsigned char)s[w0] & 0xC0) == 0x80)
        w0--;
    unsigned w1 = hard - target > 32 ? target + 32 : hard;
    while (w1 < hard && ((unsigned char)s[w1] & 0xC0) == 0x80)
        w1++;
    int nchars = (int)g_utf8_strlen(s + w0, (gssize)(w1 - w0));
    PangoLogAttr *la = g_new(PangoLogAttr, (gsize)nchars + 1);
    pango_get_log_attrs(s + w0, (int)(w1 - w0), -1, pango_language_from_string("fr"), la,
                        nchars + 1);
    unsigned best = target, off = w0;
    for (int i = 0; off <= target; i++) {
        if (off > w0 && la[i].is_cursor_position)
            best = off;
        if (off == w1)
            break;
        off = (unsigned)(g_utf8_next_char(s + off) - s);
    }
    g_free(la);
    return best;
}

/* The attributes of the whole text that cross [pos, end), moved to the
 * piece's offsets, in order. */
static PangoAttrList *
piece_attrs(Pieces *p, unsigned pos, unsigned end)
{
    unsigned k = 0;
    for (unsigned i = 0; i < p->live->len; i++) {
        PangoAttribute *at = g_ptr_array_index(p->live, i);
        if (at->end_index > pos)
            g_ptr_array_index(p->live, k++) = at;
    }
    g_ptr_array_set_size(p->live, k);
    for (; p->next < p->attrs->len; p->next++) {
        PangoAttribute *at = g_array_index(p->attrs, Pending, p->next).at;
        if (at->start_index >= end)
            break;
        if (at->end_index > pos)
            g_ptr_array_add(p->live, at);
    }
    PangoAttrList *list = pango_attr_list_new();
    for (unsigned i = 0; i < p->live->len; i++) {
        const PangoAttribute *at = g_ptr_array_index(p->live, i);
        if (at->start_index >= end)
            continue;
        PangoAttribute *c = pango_attribute_copy(at);
        c->start_index = at->start_index > pos ? at->start_index - pos : 0;
        c->end_index = (at->end_index < end ? at->end_index : end) - pos;
        pango_attr_list_insert(list, c);
    }
    return list;
}

/* The width of line, summed from its glyphs (Pango units). */
static int
line_width(PangoLayoutLine *line)
{
    int w = 0;
    for (GSList *l = line->runs; l; l = l->next) {
        const PangoGlyphItem *run = l->data;
        w += pango_glyph_string_get_width(run->glyphs);
    }
    return w;
}

/* --- justification -------------------------------------------------- */

/* A justified line whose word spaces would be stretched to more than RIVER
 * times their width is set ragged instead (left-aligned, its spaces as
 * they are): wider gaps line up from line to line into rivers of white,
 * worst in the narrow measure of a decision box or a table cell. */
#define RIVER 2

/* 1 when the character at byte i of text is a space of any width (the
 * no-break and narrow no-break spaces of French typography included). */
static int
space_at(const char *text, int i)
{
    gunichar c = g_utf8_get_char(text + i);
    return g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Pango's rounding of an adjustment to whole points when the room to fill
 * is itself whole (pango-layout.c: is_hinted). */
static int
hinted(int v, int whole)
{
    return whole ? PANGO_UNITS_ROUND(v) : v;
}

/* The index in the layout's log attributes of the first character of run,
 * on line, which starts after chars characters (runs are in visual order:
 * counted from the line's start). */
static int
run_offset(const char *text, const PangoLayoutLine *line, const PangoGlyphItem *run, int chars)
{
    return chars +
           (int)g_utf8_strlen(text + line->start_index, run->item->offset - line->start_index);
}

/* The room of a line without word spaces spread between its characters,
 * as Pango 1.50 does (pango-layout.c, justify_clusters): not before the
 * first nor after the last, not inside a grapheme nor at an empty
 * cluster. chars counts the characters before the line. */
static void
spread_clusters(PangoLayoutLine *line, const char *text, const PangoLogAttr *la, int chars,
                int room)
{
    int whole = (room & (PANGO_SCALE - 1)) == 0, gaps = 0;
    for (int pass = 0; pass < 2; pass++) {
        int seen = 0, residual = 0, left_edge = 1;
        PangoGlyphString *rightmost = NULL;
        int right_space = 0;
        for (GSList *l = line->runs; l; l = l->next) {
            PangoGlyphItem *run = l->data;
            int ltr = run->item->analysis.level % 2 == 0;
            int offset = run_offset(text, line, run, chars);
            PangoGlyphItemIter it;
            for (gboolean more = ltr ? pango_glyph_item_iter_init_start(&it, run, text)
                                     : pango_glyph_item_iter_init_end(&it, run, text);
                 more; more = ltr ? pango_glyph_item_iter_next_cluster(&it)
                                  : pango_glyph_item_iter_prev_cluster(&it)) {
                if (!la[offset + it.start_char].is_cursor_position)
                    continue;
                int step = ltr ? 1 : -1, w = 0;
                for (int g = it.start_glyph; g != it.end_glyph; g += step)
                    w += run->glyphs->glyphs[g].geometry.width;
                if (w == 0)
                    continue;
                seen++;
                if (pass == 0)
                    continue;
                int add = room / gaps + residual;
                if (whole) {
                    int rounded = PANGO_UNITS_ROUND(add);
                    residual = add - rounded;
                    add = rounded;
                }
                int left = (add & (PANGO_SCALE - 1)) == 0 ? PANGO_UNITS_ROUND(add / 2) : add / 2;
                int leftmost = ltr ? it.start_glyph : it.end_glyph + 1;
                int rightmost_glyph = ltr ? it.end_glyph - 1 : it.start_glyph;
                if (left_edge) {
                    left_edge = 0;
                } else {
                    run->glyphs->glyphs[leftmost].geometry.width += left;
                    run->glyphs->glyphs[leftmost].geometry.x_offset += left;
                }
                run->glyphs->glyphs[rightmost_glyph].geometry.width += add - left;
                rightmost = run->glyphs;
                right_space = add - left;
            }
        }
        if (pass == 0 && (gaps = seen - 1) == 0)
            return; /* a single cluster */
        if (pass == 1 && rightmost)
            rightmost->glyphs[rightmost->num_glyphs - 1].geometry.width -= right_space;
    }
}

/* Justifies the lines of layout, laid out ragged, that a wrap ended: the
 * room left on each is spread over its word spaces in proportion to their
 * widths, the last one taking the rounding, as Pango 1.50 does
 * (pango-layout.c, justify_words); on a line without word spaces, between
 * its characters. Two differences with Pango's own, which is why copil
 * does it:
 *
 * - a line broken at a soft hyphen is filled to the margin with its
 *   hyphen: Pango fills it as if the hyphen it draws had no width, which
 *   then ends past the margin by its advance (about 3 pt in 11 pt type);
 * - a line whose spaces would be stretched past RIVER times their width
 *   is left ragged (a screen that needs no second layout of the text: the
 *   room and the spaces are known before stretching).
 *
 * indent is the layout's (never negative). */
static void
justify_lines(PangoLayout *layout, int width, int indent)
{
    const char *text = pango_layout_get_text(layout);
    int nattrs = 0;
    const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(layout, &nattrs);
    int chars = 0, at = 0; /* characters before byte at, a line's start */
    /* Pango measures the lines as it makes them and keeps their extents:
     * lines taken through pango_layout_get_lines are measured again when
     * asked, from the glyphs as they are then. */
    for (GSList *ls = pango_layout_get_lines(layout); ls; ls = ls->next) {
        PangoLayoutLine *line = ls->data;
        chars += (int)g_utf8_strlen(text + at, line->start_index - at);
        at = line->start_index;
        const PangoLayoutLine *next = ls->next ? ls->next->data : NULL;
        int room = width - (line->is_paragraph_start ? indent : 0) - line_width(line);
        if (!next || next->is_paragraph_start || room <= 0 ||
            chars + (int)g_utf8_strlen(text + at, line->length) >= nattrs)
            continue; /* the last line of a paragraph stays ragged */
        /* Word spaces: those Pango stretches, and all of them for the
         * measure of rivers. */
        long stretched = 0, spaces = 0;
        for (GSList *l = line->runs; l; l = l->next) {
            const PangoGlyphItem *run = l->data;
            int offset = run_offset(text, line, run, chars);
            PangoGlyphItemIter it;
            for (gboolean more = pango_glyph_item_iter_init_start(&it, (PangoGlyphItem *)run, text);
                 more; more = pango_glyph_item_iter_next_cluster(&it)) {
                int step = it.start_glyph < it.end_glyph ? 1 : -1;
                for (int g = it.start_glyph; g != it.end_glyph; g += step) {
                    int w = run->glyphs->glyphs[g].geometry.width;
                    if (space_at(text, run->item->offset + run->glyphs->log_clusters[g]))
                        spaces += w;
                    if (la[offset + it.start_char].is_expandable_space)
                        stretched += w;
                }
            }
        }
        if (stretched == 0) {
            spread_clusters(line, text, la, chars, room);
        } else if (spaces + room <= RIVER * spaces) {
            int whole = (room & (PANGO_SCALE - 1)) == 0, added = 0;
            long so_far = 0;
            for (GSList *l = line->runs; l; l = l->next) {
                PangoGlyphItem *run = l->data;
                int offset = run_offset(text, line, run, chars);
                PangoGlyphItemIter it;
                for (gboolean more = pango_glyph_item_iter_init_start(&it, run, text); more;
                     more = pango_glyph_item_iter_next_cluster(&it)) {
                    if (!la[offset + it.start_char].is_expandable_space)
                        continue;
                    int step = it.start_glyph < it.end_glyph ? 1 : -1;
                    for (int g = it.start_glyph; g != it.end_glyph; g += step) {
                        PangoGlyphGeometry *geo = &run->glyphs->glyphs[g].geometry;
                        if (geo->width == 0)
                            continue;
                        so_far += geo->width;
                        int add = hinted((int)(so_far * room / stretched) - added, whole);
                        geo->width += add;
                        added += add;
                    }
                }
            }
        }
    }
}

/* A layout of s[pos, end) in the paragraph's style, with list (taken);
 * indent says whether its first line starts a paragraph. The caller owns
 * it: a layout whose lines are kept is handed to the run (adopt_layout),
 * one tried and dropped is freed at once. */
static PangoLayout *
piece_layout(Pieces *p, unsigned pos, unsigned end, int indent, PangoAttrList *list)
{
    PangoLayout *layout = pango_layout_new(fonts_context(p->t->fonts));
    shape(p->t, layout, p->st, p->width, p->st->align);
    /* A piece that starts inside a paragraph has only continuation lines,
     * which an indent (never negative) leaves alone. */
    pango_layout_set_indent(layout, indent ? p->st->indent_first : 0);
    pango_layout_set_text(layout, p->s + pos, (int)(end - pos));
    pango_layout_set_attributes(layout, list);
    pango_attr_list_unref(list);
    if (p->st->align == ALIGN_JUSTIFY && p->width > 0)
        justify_lines(layout, p->width, indent ? p->st->indent_first : 0);
    return layout;
}

/* Keeps layout, whose lines are being kept, until the text is handed to
 * the run (own_layouts). */
static int
adopt_layout(Pieces *p, PangoLayout *layout)
{
    g_ptr_array_add(p->owned, layout);
    return 1;
}

static void
unref_owned(void *ptr)
{
    text_release(&(TextLayout){.owned = ptr});
}

void
text_release(const TextLayout *tl)
{
    TextOwned *o = tl->owned;
    for (int i = 0; o && i < o->n; i++)
        g_object_unref(o->layouts[i]);
    if (o)
        o->n = 0;
}

/* The layouts p kept, handed to the run in one block that text_release
 * may empty first; NULL when memory runs out (they are then freed). */
static TextOwned *
own_layouts(Pieces *p)
{
    unsigned n = p->owned->len;
    TextOwned *o = arena_alloc(&p->r->arena, sizeof(*o) + (size_t)n * sizeof(PangoLayout *));
    if (o) {
        memcpy(o->layouts, p->owned->pdata, (size_t)n * sizeof(PangoLayout *));
        o->n = (int)n;
        g_ptr_array_set_size(p->owned, 0);
        if (run_defer(p->r, unref_owned, o) == STATUS_OK)
            return o;
        return NULL; /* run_defer ran the cleanup */
    }
    return NULL;
}

/* The last glyph of line in logical order, and the run that holds it, when
 * that run is left-to-right. NULL otherwise. */
static PangoGlyphInfo *
final_glyph(const PangoLayoutLine *line, const PangoGlyphItem **run)
{
    const PangoGlyphItem *last = NULL;
    for (GSList *l = line->runs; l; l = l->next)
        last = l->data;
    if (!last || last->glyphs->num_glyphs == 0 || last->item->analysis.level % 2)
        return NULL;
    *run = last;
    return &last->glyphs->glyphs[last->glyphs->num_glyphs - 1];
}

int
text_line_shows_space(const PangoLayoutLine *line)
{
    const PangoGlyphItem *run;
    const PangoGlyphInfo *g = final_glyph(line, &run);
    return g && g->glyph != PANGO_GLYPH_EMPTY && !(g->glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
           g_unichar_isspace(
               g_utf8_get_char(pango_layout_get_text(line->layout) + run->item->offset +
                               run->glyphs->log_clusters[run->glyphs->num_glyphs - 1]));
}

/* A line that a wrap ended at a space: Pango draws that space as no glyph
 * (PANGO_GLYPH_EMPTY, of no width), which Cairo writes as an empty
 * /ActualText span only. It gets the font's space glyph instead, still of
 * no width, at the line's end: the separator that a reader of the PDF's
 * text (a screen reader, a copy, pdftotext) finds between the last word of
 * the line and the first of the next, drawn within the line's own text
 * with nothing to see. */
static void
show_final_space(PangoLayoutLine *line)
{
    const PangoGlyphItem *run;
    PangoGlyphInfo *g = final_glyph(line, &run);
    if (!g || g->glyph != PANGO_GLYPH_EMPTY || g->geometry.width != 0)
        return;
    const char *text = pango_layout_get_text(line->layout);
    if (!g_unichar_isspace(g_utf8_get_char(text + run->item->offset +
                                           run->glyphs->log_clusters[run->glyphs->num_glyphs - 1])))
        return;
    hb_codepoint_t space;
    if (run->item->analysis.font &&
        hb_font_get_nominal_glyph(pango_font_get_hb_font(run->item->analysis.font), ' ', &space))
        g->glyph = space;
}

/* Keeps the first `keep` lines of layout, whose text starts at pos, below
 * those kept before. Where one layout of the whole text would have put
 * them (pango-layout.c, get_line_extents_layout_coords): with a line
 * spacing, each baseline is the previous one plus the spacing times the
 * line's height, computed in float as Pango does, so that the positions
 * come out the same to the unit; without, each line starts where the
 * previous one ends. */
static void
keep_lines(Pieces *p, PangoLayout *layout, unsigned pos, int keep)
{
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    float spacing = pango_layout_get_line_spacing(layout);
    for (int j = 0; j < keep; j++) {
        Line l = {pango_layout_iter_get_line_readonly(it), pos, 0, 0, 0, 0};
        show_final_space(l.line);
        PangoRectangle logical;
        pango_layout_iter_get_line_yrange(it, &l.top, &l.bottom);
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        l.baseline = pango_layout_iter_get_baseline(it);
        l.x = logical.x;
        if (pos > 0) {
            const Line *prev = &g_array_index(p->lines, Line, p->lines->len - 1);
            int at;
            if (spacing == 0.0f) {
                at = prev->bottom + (l.baseline - l.top);
            } else {
                int height;
                pango_layout_line_get_height(l.line, &height);
                at = (int)((float)prev->baseline + spacing * (float)height);
            }
            int dy = at - l.baseline;
            l.top += dy;
            l.bottom += dy;
            l.baseline += dy;
        }
        if (l.bottom > MAX_HEIGHT) {
            p->failed = 2;
            break;
        }
        g_array_append_val(p->lines, l);
        if (!pango_layout_iter_next_line(it))
            break;
    }
    pango_layout_iter_free(it);
}

/* Lays out the whole text, piece by piece, into p->lines. */
static void
lay_out_pieces(Pieces *p)
{
    unsigned pos = 0, want = PIECE, hard = 0;
    int starts_paragraph = 1, hard_checked = 0, whole = 0;
    while (!p->failed) {
        if (!hard_checked) {
            for (hard = pos; hard < p->n && !hard_break_len(p->s, hard, p->n); hard++)
                ;
            hard_checked = 1;
        }
        /* The rest up to the hard break, when short, is laid out whole;
         * else a piece ends inside a word, before the rest gets short. */
        unsigned end = hard;
        int last = whole || hard - pos <= PIECE_LAST;
        if (!last && hard - pos > want && want >= PIECE_MAX)
            end = grapheme_end(p->s, pos, pos + want, hard);
        else if (!last)
            end = piece_end(p->s, pos, hard - pos <= want ? hard - PIECE_LAST / 2 : pos + want);
        PangoAttrList *list = piece_attrs(p, pos, end);
        if (!last) {
            /* The sentinel: its last character, an item of its own. */
            unsigned b = end - 1;
            while (b > pos && ((unsigned char)p->s[b] & 0xC0) == 0x80)
                b--;
            PangoAttribute *at = pango_attr_fallback_new(TRUE);
            at->start_index = b - pos;
            at->end_index = end - pos;
            pango_attr_list_insert(list, at);
        }
        PangoLayout *layout = piece_layout(p, pos, end, starts_paragraph, list);
        int n = pango_layout_get_line_count(layout);
        if (!last && n < 2 && (hard - pos <= want || want < PIECE_MAX)) {
            /* The piece fits on one line: a longer one, or the rest whole
             * (then at most PIECE_MAX bytes). */
            g_object_unref(layout);
            if (hard - pos <= want)
                whole = 1;
            else
                want *= 2;
            continue;
        }
        if (!adopt_layout(p, layout))
            return;
        if (!last && n < 2) {
            /* PIECE_MAX bytes on one line: kept as a line, cut there. */
            keep_lines(p, layout, pos, 1);
            pos = end;
            starts_paragraph = 0;
            continue;
        }
        keep_lines(p, layout, pos, last ? n : n - 1);
        want = PIECE;
        whole = 0;
        if (last) {
            if (hard >= p->n)
                return;
            pos = hard + hard_break_len(p->s, hard, p->n);
            starts_paragraph = 1;
            hard_checked = 0;
            continue;
        }
        PangoLayoutLine *dropped = pango_layout_get_line_readonly(layout, n - 1);
        starts_paragraph = dropped->is_paragraph_start;
        pos += (unsigned)dropped->start_index;
    }
}

/* Whether the text of owner, in style st, is hyphenated: not in a heading
 * nor in a table's header cell, whatever their style says (a title, a
 * column's name are read at a glance: « Partici-pants » is not). */
static int
hyphenates(const Style *st, const Box *owner)
{
    if (!st->hyphenate)
        return 0;
    if (owner && owner->level > 0)
        return 0;
    for (const Box *b = owner; b; b = b->parent)
        if (b->kind == BOX_CELL)
            return !b->header;
    return 1;
}

/* --- better breaks, after Pango's ------------------------------------- */

/* 1 when byte i of s starts a soft hyphen. */
static int
soft_at(const char *s, unsigned n, unsigned i)
{
    return i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAD;
}

/* The word whose tail stands alone on the last line of layout, which the
 * line before broke at a soft hyphen (« tal. », « sions. »): its bytes
 * [*start, *end) in the layout's text and its characters. 0 when the last
 * line is not such a tail. */
static int
last_line_tail(PangoLayout *layout, unsigned *start, unsigned *end, unsigned *chars)
{
    int n = pango_layout_get_line_count(layout);
    if (n < 2)
        return 0;
    const char *s = pango_layout_get_text(layout);
    unsigned len = (unsigned)strlen(s);
    PangoLayoutLine *prev = pango_layout_get_line_readonly(layout, n - 2);
    PangoLayoutLine *last = pango_layout_get_line_readonly(layout, n - 1);
    unsigned b = (unsigned)last->start_index, e = b + (unsigned)last->length;
    if (b < 2 || !soft_at(s, len, b - 2) || prev->start_index + prev->length != (int)b)
        return 0;
    for (unsigned i = b; i < e; i++)
        if (s[i] == ' ' || s[i] == '\n')
            return 0;
    unsigned w = b - 2;
    while (w > (unsigned)prev->start_index && s[w - 1] != ' ')
        w--;
    *start = w;
    *end = e;
    *chars = (unsigned)g_utf8_strlen(s + w, (gssize)(e - w));
    return 1;
}

TextLayout
text_layout(Text *t, Run *r, const RichText *rt, const Style *st, int width, int page, int count,
            const Box *owner)
{
    TextLayout out = {0};
    int settled = 0;          /* laid out, or its own message given: else out of memory */
    PangoLayout *head = NULL; /* see below: the first layout, when laid out again */
    Arena *a = &t->scratch;
    GArray *attrs = g_array_new(FALSE, FALSE, sizeof(Pending));
    Pieces p = {.t = t,
                .r = r,
                .st = st,
                .width = width,
                .attrs = attrs,
                .live = g_ptr_array_new(),
                .lines = g_array_new(FALSE, FALSE, sizeof(Line)),
                .owned = g_ptr_array_new()};
    unsigned n0, n1, n2;
    unsigned *m0 = arena_alloc_array(a, (size_t)rt->len + 1, sizeof(unsigned));
    if (!m0)
        goto out;
    char *s0 = fill_fields(a, rt, page, count, m0, &n0);
    unsigned *m1 = arena_alloc_array(a, (size_t)n0 + 1, sizeof(unsigned));
    if (!m1 || !s0)
        goto out;
    char *s1 = text_typography(a, s0, n0, m1, &n1);

    /* Links are not hyphenated: their ranges, in s1's offsets. */
    int nlinks = 0;
    for (const Span *sp = rt->spans; sp; sp = sp->next)
        nlinks += sp->kind == SPAN_LINK;
    unsigned *skip = arena_alloc_array(a, (size_t)nlinks * 2 + 3, sizeof(unsigned));
    int k = 0;
    for (const Span *sp = rt->spans; skip && sp; sp = sp->next) {
        if (sp->kind != SPAN_LINK)
            continue;
        skip[k++] = m1[m0[sp->start]];
        skip[k++] = m1[m0[sp->end]];
    }
    text_check_glyphs(t, r, s1, n1, owner);
    /* Laid out once; again when a hyphenated word's tail would stand alone
     * on the last line: the word then joins the links, left whole, and the
     * text is laid out again from the line that held the word's head (the
     * tail). The lines before it are the first layout's (the head): Pango
     * breaks lines one after the other, and hyphenation is word by word,
     * so the text is the same up to there. */
    int hyphenate = hyphenates(st, owner) && t->hyphens, whole_word = 0;
    char *s2;
    unsigned *m2;
    PangoLayout *layout = NULL;
    unsigned tail = 0;
    int head_lines = 0, tail_starts = 0;
    PangoDirection tail_dir = PANGO_DIRECTION_LTR;
    for (;;) {
        s2 = s1;
        m2 = NULL;
        n2 = n1;
        if (hyphenate) {
            m2 = arena_alloc_array(a, (size_t)n1 + 1, sizeof(unsigned));
            if (!m2)
                goto out;
            s2 = text_hyphenate(t, a, s1, n1, skip, nlinks, m2, &n2);
        }
#define MAP(off) (m2 ? m2[m1[m0[(off)]]] : m1[m0[(off)]])

        add_color(attrs, st->color, 0, n2);
        no_hyphens_in_tokens(attrs, s2, n2);
        if (st->underline)
            add_attr(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), 0, n2);
        for (const Span *sp = rt->spans; sp; sp = sp->next) {
            unsigned s = MAP(sp->start), e = MAP(sp->end);
            if (s >= e)
                continue;
            switch (sp->kind) {
            case SPAN_BOLD:
                add_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), s, e);
                break;
            case SPAN_ITALIC:
                add_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), s, e);
                break;
            case SPAN_UNDERLINE:
                add_attr(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
                break;
            case SPAN_SUP:
                add_superscript(attrs, st, s, e);
                break;
            case SPAN_STYLE: {
                PangoFontDescription *d = font_for(t, sp->style);
                add_attr(attrs, pango_attr_font_desc_new(d), s, e);
                pango_font_description_free(d);
                add_color(attrs, sp->style->color, s, e);
                if (sp->style->underline)
                    add_attr(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
                break;
            }
            case SPAN_LINK: {
                add_attr(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
                add_color(attrs, 0x1F4E8C, s, e);
                TextLink *l = arena_alloc(&r->arena, sizeof(*l));
                if (!l)
                    goto out;
                l->start = (int)s;
                l->end = (int)e;
                l->href = sp->href;
                l->to = sp->to;
                l->next = out.links;
                out.links = l;
                break;
            }
            case SPAN_PAGE_NUMBER:
            case SPAN_PAGE_COUNT:
                break;
            }
        }
        superscript_ordinals(attrs, a, rt, st, s1, n1, m0, m1, m2);
#undef MAP
        int nbound = 0;
        const unsigned *bound = text_bound_breaks(a, s2, n2, width, st->size, &nbound);
        for (int b = 0; b < nbound; b++)
            add_attr(attrs, pango_attr_allow_breaks_new(FALSE), bound[2 * b], bound[2 * b + 1]);
        g_array_sort(attrs, by_start);
        if (a->failed)
            goto out; /* a rewrite came back empty: the layout would lose text */

        p.s = s2;
        p.n = n2;
        if (n2 > PIECE_FROM)
            break;
        if (head) {
            layout = piece_layout(&p, tail, n2, tail_starts, piece_attrs(&p, tail, n2));
            if (pango_layout_get_line_readonly(layout, 0)->resolved_dir == tail_dir)
                break;
            /* The tail alone took another direction: the whole again. */
            g_object_unref(layout);
            g_object_unref(head);
            head = NULL;
        }
        PangoAttrList *list = pango_attr_list_new();
        for (unsigned i = 0; i < attrs->len; i++)
            pango_attr_list_insert(list, pango_attribute_copy(g_array_index(attrs, Pending, i).at));
        layout = piece_layout(&p, 0, n2, 1, list);
        unsigned ws, we, wc;
        if (!hyphenate || whole_word || !skip || !last_line_tail(layout, &ws, &we, &wc) ||
            !text_fits(wc, st->size, width))
            break;
        head_lines = pango_layout_get_line_count(layout) - 2;
        const PangoLayoutLine *held = pango_layout_get_line_readonly(layout, head_lines);
        tail = (unsigned)held->start_index;
        tail_starts = held->is_paragraph_start;
        tail_dir = held->resolved_dir;
        /* Again, with the word whole: its range in s1, among the links'. */
        unsigned w1 = 0, e1 = 0;
        while (w1 < n1 && m2[w1] < ws)
            w1++;
        for (e1 = w1; e1 < n1 && m2[e1] < we;)
            e1++;
        int at = k;
        while (at > 0 && skip[at - 2] > w1)
            at -= 2;
        memmove(skip + at + 2, skip + at, (size_t)(k - at) * sizeof(unsigned));
        skip[at] = w1;
        skip[at + 1] = e1;
        k += 2;
        nlinks++;
        whole_word = 1;
        head = layout;
        layout = NULL;
        for (unsigned i = 0; i < attrs->len; i++)
            pango_attribute_destroy(g_array_index(attrs, Pending, i).at);
        g_array_set_size(attrs, 0);
        out.links = NULL;
    }
    if (layout) {
        unsigned from = 0;
        if (head) {
            adopt_layout(&p, head);
            keep_lines(&p, head, 0, head_lines);
            head = NULL;
            from = tail;
        }
        adopt_layout(&p, layout);
        keep_lines(&p, layout, from, pango_layout_get_line_count(layout));
    } else {
        lay_out_pieces(&p);
    }
    if (p.failed == 2) {
        run_diag(r, DIAG_ERROR, owner ? owner->line : 0, 0,
                 _("this text is too long for its width: it would be more than a thousand pages "
                   "tall; split it, or widen its column"));
        settled = 1;
        goto out;
    }
    int nl = (int)p.lines->len;
    out.lines = arena_alloc_array(&r->arena, (size_t)nl, sizeof(PangoLayoutLine *));
    out.base = arena_alloc_array(&r->arena, (size_t)nl, sizeof(unsigned));
    out.top = arena_alloc_array(&r->arena, (size_t)nl + 1, sizeof(int));
    out.baseline = arena_alloc_array(&r->arena, (size_t)nl, sizeof(int));
    out.xoff = arena_alloc_array(&r->arena, (size_t)nl, sizeof(int));
    out.text = arena_strndup(&r->arena, s2, n2);
    out.len = n2;
    if (p.failed || nl == 0 || !out.lines || !out.base || !out.top || !out.baseline || !out.xoff ||
        !out.text)
        goto out;
    out.owned = own_layouts(&p);
    if (!out.owned)
        goto out;
    for (int i = 0; i < nl; i++) {
        const Line *l = &g_array_index(p.lines, Line, i);
        out.lines[i] = l->line;
        out.base[i] = l->base;
        out.top[i] = l->top;
        out.top[i + 1] = l->bottom;
        out.baseline[i] = l->baseline;
        out.xoff[i] = l->x;
    }
    out.nlines = nl;
    settled = 1;
out:
    /* The scratch arena forgets its failure when emptied: said here. */
    if (!settled)
        run_diag(r, DIAG_ERROR, owner ? owner->line : 0, 0,
                 _("out of memory while laying out this text"));
    if (head)
        g_object_unref(head);
    for (unsigned i = 0; i < attrs->len; i++)
        pango_attribute_destroy(g_array_index(attrs, Pending, i).at);
    g_array_free(attrs, TRUE);
    g_ptr_array_free(p.live, TRUE);
    for (unsigned i = 0; i < p.owned->len; i++)
        g_object_unref(p.owned->pdata[i]);
    g_ptr_array_free(p.owned, TRUE);
    g_array_free(p.lines, TRUE);
    arena_free(a);
    if (out.nlines == 0)
        out = (TextLayout){0};
    return out;
}
