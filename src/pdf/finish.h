/*
 * pdf/finish.h — Cairo's PDF → the PDF copil ships.
 *
 * Cairo 1.16 writes a tagged PDF with links, outline and metadata; it cannot
 * write a language, viewer preferences, alternative texts, form fields,
 * artifacts or object streams. The finish stage reads Cairo's objects
 * (pdf/object.c), completes them from what paint recorded it drew, and
 * writes the file once:
 *   - /Lang and /ViewerPreferences << /DisplayDocTitle true >>, "D:" dates,
 *     /Producer naming copil; a structure tree (one empty Document) and
 *     /MarkInfo when Cairo wrote none (nothing was tagged);
 *   - running headers, footers, fills and borders (NonStruct elements of
 *     their own) marked /Artifact in the content and taken out of the tree;
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
 * then writes the file as PDF 1.7 with object streams, every stream
 * compressed once, and a deterministic /ID, so that the same input still
 * gives the same bytes.
 */
#ifndef COPIL_PDF_FINISH_H
#define COPIL_PDF_FINISH_H

#include <stddef.h>

#include "core/run.h"
#include "paint/paint.h"

typedef struct FinishOptions {
    const char *lang;     /* "fr-FR" */
    const char *producer; /* "copil 0.1.0" */
    int sign;             /* 1: a field over each signature area; 0: none (the public copy) */
    const PaintRecord
        *record; /* what paint drew: Figures, signature areas, cells, links; NULL: none */
} FinishOptions;

/* Rewrites the n bytes at in (a PDF from paint_pdf) as described above into
 * *out, *out_len, to free() by the caller. Problems are Diags on r;
 * returns STATUS_IO when the file cannot be read back or written. */
Status pdf_finish(Run *r, const unsigned char *in, size_t n, const FinishOptions *opt,
                  unsigned char **out, size_t *out_len);

/* 1 when the n bytes at data hold a PDF signature (a /ByteRange, which
 * every signature dictionary has): such a file must never be rewritten. */
int pdf_is_signed(const unsigned char *data, size_t n);

#endif
