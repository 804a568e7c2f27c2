/*
 * paginate/dump.c — a stable text picture of the pages, for golden tests.
 *
 * One line per fragment (kind, box as element#index, position in points),
 * and for text one line per printed line, so that a diff shows exactly which
 * word moved. In the text, a no-break space prints as "~", a narrow one as
 * "^", raised text (superscript) as "^{…}", and a line broken at a soft
 * hyphen ends with "-".
 */
#include <string.h>

#include <pango/pango.h>

#include "paginate/paginate.h"

/* 1 when byte i of the layout's text is raised (a superscript). */
static int
raised(GSList *attrs, int i)
{
    for (GSList *l = attrs; l; l = l->next) {
        const PangoAttribute *a = l->data;
        if (a->klass->type == PANGO_ATTR_RISE && ((const PangoAttrInt *)a)->value > 0 &&
            (guint)i >= a->start_index && (guint)i < a->end_index)
            return 1;
    }
    return 0;
}

static void
line_text(FILE *fp, PangoLayoutLine *line)
{
    PangoLayout *layout = line->layout;
    const char *text = pango_layout_get_text(layout);
    const unsigned char *s = (const unsigned char *)text + line->start_index;
    int n = line->length;
    int soft_end = 0, up = 0;
    PangoAttrList *list = pango_layout_get_attributes(layout);
    GSList *attrs = list ? pango_attr_list_get_attributes(list) : NULL;
    fputs("      | ", fp);
    for (int i = 0; i < n;) {
        int r = attrs && raised(attrs, line->start_index + i);
        if (r != up)
            fputs(r ? "^{" : "}", fp);
        up = r;
        if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
            fputc('~', fp);
            i += 2;
        } else if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xAF) {
            fputc('^', fp);
            i += 3;
        } else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xAD) {
            soft_end = i + 2 >= n;
            i += 2;
        } else if (s[i] == '\n') {
            i++;
        } else {
            fputc(s[i], fp);
            i++;
        }
    }
    if (up)
        fputc('}', fp);
    if (soft_end)
        fputc('-', fp);
    fputc('\n', fp);
    g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
}

static const char *
kind_name(FragKind k)
{
    switch (k) {
    case FRAG_TEXT:
        return "text";
    case FRAG_FILL:
        return "fill";
    case FRAG_BORDER:
        return "border";
    case FRAG_IMAGE:
        return "image";
    case FRAG_CHART:
        return "chart";
    case FRAG_SIGNATURE:
        return "signature";
    case FRAG_ANCHOR:
        return "anchor";
    }
    return "?";
}

void
pg_dump(const Pages *pages, FILE *fp)
{
    const Doc *d = pages->doc;
    fprintf(fp, "document \"%s\" pages=%d size=%.1fx%.1f\n", d->title ? d->title : "", pages->count,
            doc_pt(d->page_width), doc_pt(d->page_height));
    for (const Page *pg = pages->first; pg; pg = pg->next) {
        fprintf(fp, "page %d\n", pg->number);
        for (const Frag *f = pg->first; f; f = f->next) {
            fprintf(fp, "  %s %s#%u x=%.1f y=%.1f w=%.1f h=%.1f", kind_name(f->kind),
                    f->box ? f->box->element : "?", f->box ? f->box->index : 0, doc_pt(f->x),
                    doc_pt(f->y), doc_pt(f->w), doc_pt(f->h));
            if (f->kind == FRAG_TEXT)
                fprintf(fp, " lines=%d-%d%s", f->first_line, f->first_line + f->nlines - 1,
                        f->role == ROLE_ARTIFACT ? " artifact"
                        : f->role == ROLE_LABEL  ? " label"
                                                 : "");
            if (f->kind == FRAG_FILL || f->kind == FRAG_BORDER)
                fprintf(fp, " color=#%06x", (unsigned)f->color);
            if (f->kind == FRAG_BORDER)
                fprintf(fp, " width=%.2f sides=%s%s%s%s", doc_pt(f->border),
                        f->sides & SIDE_TOP ? "t" : "", f->sides & SIDE_RIGHT ? "r" : "",
                        f->sides & SIDE_BOTTOM ? "b" : "", f->sides & SIDE_LEFT ? "l" : "");
            /* Fills and borders are always artifacts: not worth a word. */
            if ((f->kind == FRAG_IMAGE || f->kind == FRAG_CHART) && f->role == ROLE_ARTIFACT)
                fputs(" artifact", fp);
            if ((f->kind == FRAG_SIGNATURE || f->kind == FRAG_ANCHOR) && f->box && f->box->id)
                fprintf(fp, " id=%s", f->box->id);
            fputc('\n', fp);
            if (f->kind == FRAG_CHART && f->alt)
                fprintf(fp, "      alt: %s\n", f->alt);
            if (f->kind == FRAG_TEXT)
                for (int i = 0; i < f->nlines; i++)
                    line_text(fp, f->para->lines[f->first_line + i]);
        }
    }
}

void
pg_dump_areas(const Pages *pages, FILE *fp)
{
    const Doc *d = pages->doc;
    double x0 = doc_pt(d->margin_left), x1 = doc_pt(d->page_width - d->margin_right);
    for (const Page *pg = pages->first; pg; pg = pg->next) {
        fprintf(fp, "page %d", pg->number);
        const char *name[3] = {"header", "body", "footer"};
        int y[6] = {pg->head_top,    pg->head_bottom, pg->body_top,
                    pg->body_bottom, pg->foot_top,    pg->foot_bottom};
        for (int i = 0; i < 3; i++)
            if (y[2 * i + 1] > y[2 * i])
                fprintf(fp, " %s=%.2f,%.2f,%.2f,%.2f", name[i], x0, doc_pt(y[2 * i]), x1,
                        doc_pt(y[2 * i + 1]));
        fputc('\n', fp);
    }
}
