/*
 * pdf/finish.h — Cairo's PDF → the PDF copil ships, through libqpdf.
 *
 * Cairo 1.16 writes a tagged PDF with links, outline and metadata; it cannot
 * write a language, viewer preferences, alternative texts, form fields or
 * object streams. The finish stage reads Cairo's bytes with libqpdf and adds
 * them:
 *   - /Lang and /ViewerPreferences << /DisplayDocTitle true >>, "D:" dates,
 *     /Producer naming copil; a structure tree (one empty Document) and
 *     /MarkInfo when Cairo wrote none (nothing was tagged);
 *   - /Alt on every Figure structure element, in document order, when the
 *     tree holds one Figure per text (else none, with a warning: never the
 *     text of another Figure);
 *   - one empty signature field (/FT /Sig widget) over the blank area of each
 *     signature block, named after it, with the signatory as its accessible
 *     name (/TU), listed in document (signing) order, and tagged as a Form
 *     element inside its block's Div (in the document element, with a
 *     warning, when the tree does not hold one Div per field);
 *   - /F 4 (print) on links and /Tabs /S on pages with annotations;
 *   - from paint's record (pdf/record.c): /A << /O /Table /Scope /Column >>
 *     on every TH, /ColSpan and /RowSpan on the cells that span, and
 *     /Contents on every link annotation;
 *   - what PDF/A-2u and PDF/UA-1 ask of the whole file (pdf/metadata.c): XMP
 *     metadata agreeing with the Info dictionary and claiming both, the sRGB
 *     output intent, /CIDToGIDMap on CIDFontType2 fonts, no /Interpolate;
 * then writes the file as PDF 1.7 with object streams and a deterministic
 * /ID, so that the same input still gives the same bytes.
 */
#ifndef COPIL_PDF_FINISH_H
#define COPIL_PDF_FINISH_H

#include <stddef.h>

#include "core/run.h"
#include "paginate/paginate.h"
#include "paint/paint.h"

typedef struct FinishSignature {
    const char *name;      /* the field's name: "Signature-chef-etablissement" */
    const char *label;     /* its accessible name: role and signatory */
    int page;              /* 0-based */
    double x0, y0, x1, y1; /* in PDF space: points from the page's bottom-left */
} FinishSignature;

typedef struct FinishOptions {
    const char *lang;     /* "fr-FR" */
    const char *producer; /* "copil 0.1.0" */
    const FinishSignature *sigs;
    int nsigs; /* 0: no fields (the public copy) */
    const char *const *alts;
    int nalts;                 /* the Figures' alternative texts, in tree order (pdf_figures) */
    const PaintRecord *record; /* the cells and links paint tagged; NULL: none */
} FinishOptions;

/* The signature fields of pages: one per signature block's blank area, in
 * document order, in a. Returns how many; *out NULL when there are none. */
int pdf_signatures(Arena *a, const Pages *pages, FinishSignature **out);

/* The text alternatives of the Figures paint tags, one per image and chart
 * fragment that is not an artifact, in page order (the tree's order), in a.
 * Returns how many; *out NULL when there are none (or out of memory: the
 * count then no longer matches the tree, and pdf_finish gives no /Alt). */
int pdf_figures(Arena *a, const Pages *pages, const char ***out);

/* Rewrites the n bytes at in (a PDF from paint_pdf) as described above into
 * *out, *out_len, to free() by the caller. Problems are Diags on r;
 * returns STATUS_IO when libqpdf cannot read or write the file. */
Status pdf_finish(Run *r, const unsigned char *in, size_t n, const FinishOptions *opt,
                  unsigned char **out, size_t *out_len);

/* 1 when the n bytes at data hold a PDF signature (a /ByteRange, which
 * every signature dictionary has): such a file must never be rewritten. */
int pdf_is_signed(const unsigned char *data, size_t n);

#endif
