/*
 * pdf/record.c — the finish stage's part that completes what paint tagged:
 * table cells and links (paint's record, paint/paint.h) → structure
 * attributes and annotation descriptions.
 *
 * Cairo 1.16 writes TH, TD and Link elements but no attribute dictionary and
 * no /Contents. In the tree pdf_finish walked once, in order, the n-th TH or
 * TD gets the attributes of the n-th cell paint tagged, the n-th Link's
 * annotation the text of the n-th link: only when the tree holds exactly
 * what the record says (else a warning, and never the attributes of another
 * cell). A link annotation left without /Contents gets its own target.
 * A header row's cells say /Scope /Column, a body row's header cell
 * (header="row") /Scope /Row. It does not add header ids (/Headers): a
 * table's headers are its top rows and its rows' header cells, which the
 * scopes describe.
 */
#include <string.h>

#include "pdf/internal.h"
#include "core/i18n.h"

/* --- table cells ---------------------------------------------------------- */

/* The i-th TH or TD of the tree gets the attributes of the i-th cell paint
 * tagged, when the tree holds as many, each of the kind its cell is. */
static void
cell_attributes(Run *r, PdfFile *f, const PaintRecord *rec, const PdfList *cells)
{
    int same = cells->n == rec->ncells;
    for (int i = 0; same && i < cells->n; i++)
        same = pdf_key_is(f, cells->items[i], "S", rec->cells[i].header ? "TH" : "TD");
    if (!same) {
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the table cells are left without their header scopes and spans: the "
                          "PDF's structure holds %d TH and TD element for %d tagged cells",
                          "the table cells are left without their header scopes and spans: the "
                          "PDF's structure holds %d TH and TD elements for %d tagged cells",
                          cells->n),
                 cells->n, rec->ncells);
        return;
    }
    for (int i = 0; i < cells->n; i++) {
        const PaintCell *cell = &rec->cells[i];
        int cols = cell->cols, rows = cell->rows;
        if (!cell->header && cols <= 1 && rows <= 1)
            continue;
        PdfObj *a = pdf_new_dict(f);
        pdf_set(f, a, "O", pdf_new_name(f, "Table"));
        if (cell->header)
            pdf_set(f, a, "Scope", pdf_new_name(f, cell->header == 1 ? "Column" : "Row"));
        if (cols > 1)
            pdf_set(f, a, "ColSpan", pdf_new_int(f, cols));
        if (rows > 1)
            pdf_set(f, a, "RowSpan", pdf_new_int(f, rows));
        pdf_set(f, cells->items[i], "A", a);
    }
}

/* --- links ------------------------------------------------------------------ */

/* Appends the n bytes at s to b (cap bytes), as read aloud: soft hyphens
 * dropped, line breaks and tabs as spaces, spaces collapsed, none leading. */
static void
append_words(char *b, size_t *len, size_t cap, const char *s, size_t n)
{
    for (size_t i = 0; i < n && *len + 4 < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) { /* U+00AD */
            i += 2;
            continue;
        }
        int line_sep = c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                       ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || line_sep) {
            if (*len > 0 && b[*len - 1] != ' ')
                b[(*len)++] = ' ';
            i += line_sep ? 3 : 1;
            continue;
        }
        b[(*len)++] = (char)c;
        i++;
    }
    b[*len] = '\0';
}

/* The target of a link without its scheme: "a@b.fr" for "mailto:a@b.fr",
 * "example.fr/x" for "https://example.fr/x"; *mail says which. */
static const char *
bare_target(const char *href, int *mail)
{
    *mail = !strncmp(href, "mailto:", 7);
    if (*mail)
        return href + 7;
    const char *p = strstr(href, "://");
    return p ? p + 3 : href;
}

/* The description of a link: its text, or, when its text is only its
 * address (a bare URI or e-mail address), that address said as what it is.
 * In out, cap bytes. */
static void
describe(char *out, size_t cap, const char *lang, const char *text, size_t n, const char *href)
{
    size_t len = 0;
    out[0] = '\0';
    append_words(out, &len, cap, text, n);
    while (len > 0 && out[len - 1] == ' ')
        out[--len] = '\0';
    if (!href)
        return;
    int mail;
    const char *bare = bare_target(href, &mail);
    size_t bl = strlen(bare);
    while (bl > 0 && bare[bl - 1] == '/')
        bl--; /* "example.fr/" is written "example.fr" */
    int only_address = len == 0 || !strcmp(out, href) || (len == bl && !strncmp(out, bare, bl));
    if (!only_address)
        return;
    int fr = lang && !strncmp(lang, "fr", 2);
    const char *say = mail ? (fr ? "Écrire à " : "Write to ") : (fr ? "Lien vers " : "Link to ");
    len = 0;
    out[0] = '\0';
    append_words(out, &len, cap, say, strlen(say));
    append_words(out, &len, cap, bare, bl);
}

/* The annotation a Link element reaches by its OBJR; NULL when none. */
static PdfObj *
annotation_of(PdfFile *f, PdfObj *link)
{
    PdfObj *k = pdf_key(f, link, "K");
    int n = k && k->kind == PDF_ARRAY ? k->n : 1;
    for (int i = 0; k && i < n; i++) {
        PdfObj *kid = k->kind == PDF_ARRAY ? pdf_resolve(f, k->items[i]) : k;
        PdfObj *obj = pdf_key(f, kid, "Obj");
        if (obj)
            return obj;
    }
    return NULL;
}

/* The i-th Link element's annotation gets the description of the i-th link
 * paint tagged, when the tree holds as many Link elements. */
static void
link_contents(Run *r, PdfFile *f, const PaintRecord *rec, const PdfList *links, const char *lang)
{
    if (links->n != rec->nlinks) {
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the links are described by their targets, not their texts: the PDF's "
                          "structure holds %d Link element for %d links",
                          "the links are described by their targets, not their texts: the PDF's "
                          "structure holds %d Link elements for %d links",
                          links->n),
                 links->n, rec->nlinks);
        return;
    }
    for (int i = 0; i < links->n; i++) {
        const PaintLink *l = &rec->links[i];
        PdfObj *annot = annotation_of(f, links->items[i]);
        if (!annot || annot->kind != PDF_DICT || l->start < 0 || l->end > (int)l->len ||
            l->end < l->start)
            continue;
        char text[1024];
        describe(text, sizeof text, lang, l->text + l->start, (size_t)(l->end - l->start), l->href);
        if (!*text)
            continue; /* the fallback below gives its target */
        pdf_set(f, annot, "Contents", pdf_new_text(f, text));
    }
}

/* Every link annotation still without /Contents is described by its own
 * target: its URI, else its destination's name. Never wrong, if less
 * telling than its text. */
static void
link_fallbacks(PdfFile *f, PdfObj **pages, int npages, const char *lang)
{
    for (int p = 0; p < npages; p++) {
        PdfObj *annots = pdf_key(f, pages[p], "Annots");
        int n = annots && annots->kind == PDF_ARRAY ? annots->n : 0;
        for (int i = 0; i < n; i++) {
            PdfObj *a = pdf_resolve(f, annots->items[i]);
            if (!pdf_key_is(f, a, "Subtype", "Link") || pdf_key_raw(a, "Contents"))
                continue;
            PdfObj *action = pdf_key(f, a, "A");
            PdfObj *uri = pdf_key(f, action, "URI");
            PdfObj *dest = pdf_key_raw(a, "Dest") ? pdf_key(f, a, "Dest") : pdf_key(f, action, "D");
            int is_uri = uri && uri->kind == PDF_STRING;
            const char *href = is_uri                             ? pdf_utf8(f, uri)
                               : dest && dest->kind == PDF_STRING ? pdf_utf8(f, dest)
                                                                  : NULL;
            if (!href || !*href)
                continue;
            char text[1024];
            describe(text, sizeof text, lang, "", 0, is_uri ? href : NULL);
            if (!*text) /* a destination's name */
                describe(text, sizeof text, lang, href, strlen(href), NULL);
            pdf_set(f, a, "Contents", pdf_new_text(f, text));
        }
    }
}

/* --- the phase ---------------------------------------------------------------- */

void
pdf_apply_record(Run *r, PdfFile *f, PdfObj **pages, int npages, const FinishOptions *opt,
                 const PdfTree *t)
{
    const PaintRecord *rec = opt->record;
    if (rec && (rec->ncells || rec->nlinks || t->cells.n || t->links.n)) {
        if (t->failed)
            run_diag(r, DIAG_WARNING, 0, 0,
                     _("the PDF's structure is too large or too deep to give its table cells "
                       "their header scopes and spans, and its links their texts"));
        else {
            if (rec->ncells || t->cells.n)
                cell_attributes(r, f, rec, &t->cells);
            if (rec->nlinks || t->links.n)
                link_contents(r, f, rec, &t->links, opt->lang);
        }
    }
    link_fallbacks(f, pages, npages, opt->lang);
}
