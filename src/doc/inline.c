/*
 * doc/inline.c — inline nodes → RichText: one string, spans over it.
 *
 * In the text of a paragraph, a cell or an item, b i u sup span and a become
 * spans, br and nbsp characters, page-number and page-count empty spans that
 * text layout fills in. White space is folded as a browser does: runs of
 * spaces, tabs and newlines become one space, and a paragraph's leading and
 * trailing spaces go. A link with both or neither of href and to is an error.
 * The public copy's contact details are redacted here, and a link to a
 * person left as its text. Blocks and boxes are doc.c's.
 */
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "doc/internal.h"
#include "core/i18n.h"

typedef struct TextBuf {
    Buf buf;
    Span *spans, **tail;
    int has_fields;
    unsigned field_end; /* len + 1 just after a field: it counts as a word */
} TextBuf;

static int
tb_ends_with_space(const TextBuf *tb)
{
    const Buf *b = &tb->buf;
    if (tb->field_end == b->len + 1)
        return 0;
    return b->len == 0 || b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\n';
}

/* Appends text with XML white space folded to single spaces. */
static void
tb_text(TextBuf *tb, const char *t)
{
    for (; *t; t++) {
        if (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r') {
            if (!tb_ends_with_space(tb))
                buf_append(&tb->buf, " ", 1);
            continue;
        }
        size_t run = strcspn(t, " \t\n\r");
        buf_append(&tb->buf, t, (unsigned)run);
        t += run - 1;
    }
}

static Span *
tb_span(TextBuf *tb, SpanKind kind, unsigned start)
{
    Span *sp = arena_alloc(tb->buf.a, sizeof(*sp));
    if (!sp) {
        tb->buf.failed = 1;
        return NULL;
    }
    sp->kind = kind;
    sp->start = start;
    sp->end = start;
    *tb->tail = sp;
    tb->tail = &sp->next;
    return sp;
}

int
doc_is_inline(const xmlNode *n)
{
    static const char *const names[] = {"b", "i",  "u",    "sup",         "span",
                                        "a", "br", "nbsp", "page-number", "page-count"};
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return 1;
    if (!doc_is_layout(n, NULL))
        return 0;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp((const char *)n->name, names[i]))
            return 1;
    return 0;
}

/* A link to a person: any mailto:, tel:, sms: or callto: link, whatever
 * its case and whatever number it holds (a short or foreign one the text
 * scan would not know), or a web address that holds an e-mail address or a
 * phone number (https://…?contact=jean@…). In the public copy it is only
 * its text. */
static int
personal_link(Builder *b, const xmlNode *n)
{
    static const char *const schemes[] = {"mailto:", "tel:", "sms:", "callto:"};
    const char *href = doc_attr(b, n, "href");
    int found = 0;
    if (!href)
        return 0;
    while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
        href++;
    for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
        if (!strncasecmp(href, schemes[i], strlen(schemes[i])))
            return 1;
    doc_redact(b->a, href, NULL, &found);
    return found > 0;
}

static void
inline_nodes(Builder *b, TextBuf *tb, const xmlNode *first, const xmlNode *stop)
{
    for (const xmlNode *n = first; n && n != stop; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            tb_text(tb, (const char *)n->content);
            continue;
        }
        if (!doc_is_layout(n, NULL))
            continue;
        const char *name = (const char *)n->name;
        if (!strcmp(name, "br")) {
            while (tb->buf.len && tb->buf.s[tb->buf.len - 1] == ' ')
                tb->buf.s[--tb->buf.len] = '\0';
            buf_append(&tb->buf, "\n", 1);
            continue;
        }
        if (!strcmp(name, "nbsp")) {
            buf_append(&tb->buf, "\xc2\xa0", 2);
            continue;
        }
        if (!strcmp(name, "page-number") || !strcmp(name, "page-count")) {
            tb_span(tb, name[5] == 'n' ? SPAN_PAGE_NUMBER : SPAN_PAGE_COUNT, tb->buf.len);
            tb->has_fields = 1;
            tb->field_end = tb->buf.len + 1;
            continue;
        }
        if (!strcmp(name, "a") && b->public_copy && !b->keep && personal_link(b, n)) {
            inline_nodes(b, tb, n->children, NULL); /* its text, unlinked (redacted later) */
            continue;
        }
        SpanKind kind = !strcmp(name, "b")     ? SPAN_BOLD
                        : !strcmp(name, "i")   ? SPAN_ITALIC
                        : !strcmp(name, "u")   ? SPAN_UNDERLINE
                        : !strcmp(name, "sup") ? SPAN_SUP
                        : !strcmp(name, "a")   ? SPAN_LINK
                                               : SPAN_STYLE;
        Span *sp = tb_span(tb, kind, tb->buf.len);
        if (!sp)
            return;
        if (kind == SPAN_STYLE)
            sp->style = styles_get(&b->styles, doc_attr(b, n, "style"), "default");
        if (kind == SPAN_LINK) {
            sp->href = doc_attr(b, n, "href");
            sp->to = doc_attr(b, n, "to");
            if (!!sp->href == !!sp->to)
                run_diag(b->run, DIAG_ERROR, xmlGetLineNo(n), 0,
                         _("<a> needs exactly one of href=\"…\" (a web or mail address) and "
                           "to=\"…\" (the id of a block)"));
        }
        inline_nodes(b, tb, n->children, NULL);
        sp->end = tb->buf.len;
    }
}

/* The public copy: contact details are looked for in the paragraph's whole
 * text, not node by node, so that one split by markup
 * (jean.dupont@<b>ac-orleans.fr</b>, 02<nbsp/>47<nbsp/>…) is found; the
 * spans follow the offset map. */
static void
tb_redact(Builder *b, TextBuf *tb)
{
    Buf *buf = &tb->buf;
    unsigned *map = arena_alloc_array(b->a, (size_t)buf->len + 1, sizeof(*map));
    if (!map) {
        buf->failed = 1;
        return;
    }
    const char *s = doc_redact(b->a, buf->s, map, &b->doc->redactions);
    if (s == buf->s)
        return;
    for (Span *sp = tb->spans; sp; sp = sp->next) {
        /* (A <br> trims the spaces before it, maybe after a span's end.) */
        sp->start = map[sp->start < buf->len ? sp->start : buf->len];
        sp->end = map[sp->end < buf->len ? sp->end : buf->len];
    }
    size_t n = strlen(s);
    buf->s = arena_strndup(b->a, s, n); /* writable: doc_rich_text trims in place */
    buf->len = (unsigned)n;
    buf->cap = buf->len + 1;
    if (!buf->s)
        buf->failed = 1;
}

RichText *
doc_rich_text(Builder *b, const xmlNode *first, const xmlNode *stop)
{
    TextBuf tb = {0};
    buf_init(&tb.buf, b->a);
    tb.tail = &tb.spans;
    buf_reserve(&tb.buf, 16);
    inline_nodes(b, &tb, first, stop);
    if (b->public_copy && !b->keep && !tb.buf.failed)
        tb_redact(b, &tb);
    if (tb.buf.failed)
        return NULL;
    /* Trim: a leading space, and trailing spaces (spans are clamped). */
    unsigned lead = (tb.buf.len && tb.buf.s[0] == ' ') ? 1 : 0;
    unsigned end = tb.buf.len, keep = 0;
    for (Span *sp = tb.spans; sp; sp = sp->next)
        if ((sp->kind == SPAN_PAGE_NUMBER || sp->kind == SPAN_PAGE_COUNT) && sp->start > keep)
            keep = sp->start; /* a space before a field at the end stays */
    while (end > lead && end > keep && tb.buf.s[end - 1] == ' ')
        end--;
    if (end == lead && !tb.has_fields)
        return NULL;
    RichText *rt = arena_alloc(b->a, sizeof(*rt));
    if (!rt)
        return NULL;
    rt->text = tb.buf.s + lead;
    rt->len = end - lead;
    rt->text[rt->len] = '\0';
    rt->has_fields = tb.has_fields;
    for (Span *sp = tb.spans; sp; sp = sp->next) {
        sp->start = sp->start < lead ? 0 : sp->start - lead;
        sp->end = sp->end < lead ? 0 : sp->end - lead;
        if (sp->start > rt->len)
            sp->start = rt->len;
        if (sp->end > rt->len)
            sp->end = rt->len;
    }
    rt->spans = tb.spans;
    return rt;
}
