/*
 * text/layout.c — one PangoLayout per paragraph, with attributes.
 *
 * The text goes through three rewrites, each with an offset map so that the
 * spans of the inline markup still point at their characters:
 *   fields (page number and count) → typography → hyphenation.
 * The ordinals users type (2e, XXIe) are found in the typeset text and
 * raised like <sup>.
 * Markup becomes Pango attributes, never a markup string built by
 * concatenation, so no user text is ever parsed as markup. The rewrites'
 * copies and maps live in a scratch arena emptied after each paragraph:
 * only the layout and its links outlast the call.
 */
#include <string.h>

#include <pango/pangocairo.h>

#include "core/utf8.h"
#include "text/internal.h"

struct Text {
    Fonts *fonts;
    HyphenDict *dict;
    GHashTable *points; /* lower-case word -> break points (text/hyphen.c) */
    Arena scratch;      /* one paragraph's rewrites; emptied by each layout */
};

Text *
text_new(Run *r, Fonts *fonts, const char *dict_path)
{
    Text *t = g_new0(Text, 1);
    t->fonts = fonts;
    t->dict = dict_path ? hnj_hyphen_load(dict_path) : NULL;
    t->points = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    arena_init(&t->scratch);
    if (!t->dict)
        run_diag(r, DIAG_WARNING, 0, 0,
                 "the French hyphenation dictionary %s cannot be read: no word will be "
                 "hyphenated (install hyphen-fr)",
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
    if (t->dict)
        hnj_hyphen_free(t->dict);
    g_hash_table_destroy(t->points);
    arena_free(&t->scratch);
    g_free(t);
}

HyphenDict *
text_dict(Text *t)
{
    return t->dict;
}

GHashTable *
text_cache(Text *t)
{
    return t->points;
}

static void
unref_layout(void *p)
{
    g_object_unref(p);
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

static void
add_attr(PangoAttrList *list, PangoAttribute *at, unsigned start, unsigned end)
{
    at->start_index = start;
    at->end_index = end;
    pango_attr_list_insert(list, at);
}

static void
add_color(PangoAttrList *list, uint32_t rgb, unsigned start, unsigned end)
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
    pango_layout_set_justify(layout, align == ALIGN_JUSTIFY);
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
no_hyphens_in_tokens(PangoAttrList *list, const char *s, unsigned n)
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
add_superscript(PangoAttrList *list, const Style *st, unsigned start, unsigned end)
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
superscript_ordinals(PangoAttrList *list, Arena *a, const RichText *rt, const Style *st,
                     const char *s1, unsigned n1, const unsigned *m0, const unsigned *m1,
                     const unsigned *m2)
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
                 "the character \"%s\" (U+%04X) in <%s> is in no font of fonts/: it prints as "
                 "a box",
                 cp == UTF8_REPLACEMENT ? "?" : utf8, (unsigned)cp,
                 owner ? owner->element : "text");
    }
}

TextLayout
text_layout(Text *t, Run *r, const RichText *rt, const Style *st, int width, int page, int count,
            const Box *owner)
{
    TextLayout out = {0};
    Arena *a = &t->scratch;
    unsigned n0, n1, n2;
    unsigned *m0 = arena_alloc_array(a, (size_t)rt->len + 1, sizeof(unsigned));
    if (!m0)
        goto fail;
    char *s0 = fill_fields(a, rt, page, count, m0, &n0);
    unsigned *m1 = arena_alloc_array(a, (size_t)n0 + 1, sizeof(unsigned));
    if (!m1 || !s0)
        goto fail;
    char *s1 = text_typography(a, s0, n0, m1, &n1);

    /* Links are not hyphenated: their ranges, in s1's offsets. */
    int nlinks = 0;
    for (const Span *sp = rt->spans; sp; sp = sp->next)
        nlinks += sp->kind == SPAN_LINK;
    unsigned *skip = arena_alloc_array(a, (size_t)nlinks * 2 + 1, sizeof(unsigned));
    int k = 0;
    for (const Span *sp = rt->spans; skip && sp; sp = sp->next) {
        if (sp->kind != SPAN_LINK)
            continue;
        skip[k++] = m1[m0[sp->start]];
        skip[k++] = m1[m0[sp->end]];
    }
    char *s2 = s1;
    unsigned *m2 = NULL;
    n2 = n1;
    if (st->hyphenate && t->dict) {
        m2 = arena_alloc_array(a, (size_t)n1 + 1, sizeof(unsigned));
        if (!m2)
            goto fail;
        s2 = text_hyphenate(t, a, s1, n1, skip, nlinks, m2, &n2);
    }
#define MAP(off) (m2 ? m2[m1[m0[(off)]]] : m1[m0[(off)]])

    PangoLayout *layout = pango_layout_new(fonts_context(t->fonts));
    if (run_defer(r, unref_layout, layout) != STATUS_OK) {
        g_object_unref(layout);
        goto fail;
    }
    shape(t, layout, st, width, st->align);
    pango_layout_set_indent(layout, st->indent_first);
    pango_layout_set_text(layout, s2, (int)n2);

    PangoAttrList *list = pango_attr_list_new();
    add_color(list, st->color, 0, n2);
    no_hyphens_in_tokens(list, s2, n2);
    if (st->underline)
        add_attr(list, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), 0, n2);
    for (const Span *sp = rt->spans; sp; sp = sp->next) {
        unsigned s = MAP(sp->start), e = MAP(sp->end);
        if (s >= e)
            continue;
        switch (sp->kind) {
        case SPAN_BOLD:
            add_attr(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), s, e);
            break;
        case SPAN_ITALIC:
            add_attr(list, pango_attr_style_new(PANGO_STYLE_ITALIC), s, e);
            break;
        case SPAN_UNDERLINE:
            add_attr(list, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
            break;
        case SPAN_SUP:
            add_superscript(list, st, s, e);
            break;
        case SPAN_STYLE: {
            PangoFontDescription *d = font_for(t, sp->style);
            add_attr(list, pango_attr_font_desc_new(d), s, e);
            pango_font_description_free(d);
            add_color(list, sp->style->color, s, e);
            if (sp->style->underline)
                add_attr(list, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
            break;
        }
        case SPAN_LINK: {
            add_attr(list, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s, e);
            add_color(list, 0x1F4E8C, s, e);
            TextLink *l = arena_alloc(&r->arena, sizeof(*l));
            if (!l) {
                pango_attr_list_unref(list);
                goto fail;
            }
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
    superscript_ordinals(list, a, rt, st, s1, n1, m0, m1, m2);
#undef MAP
    pango_layout_set_attributes(layout, list);
    pango_attr_list_unref(list);
    text_check_glyphs(t, r, s2, n2, owner);
    out.layout = layout;
    if (a->failed)
        goto fail; /* a rewrite came back empty: the layout would lose text */
    arena_free(a);
    return out;
fail:
    /* The scratch arena forgets its failure when emptied: said here. */
    run_diag(r, DIAG_ERROR, owner ? owner->line : 0, 0, "out of memory while laying out this text");
    arena_free(a);
    out.layout = NULL;
    out.links = NULL;
    return out;
}
