/*
 * pdf/internal.h — what the files of the finish stage share, and no other
 * stage sees: the phases of pdf_finish that live in files of their own.
 */
#ifndef COPIL_PDF_INTERNAL_H
#define COPIL_PDF_INTERNAL_H

#include "core/run.h"
#include "pdf/finish.h"
#include "pdf/object.h"

/* Elements of the structure tree, in document order; malloc'd items. */
typedef struct PdfList {
    PdfObj **items;
    int n, cap;
} PdfList;

/* The elements pdf_finish pairs with what paint drew, from one walk of the
 * tree (pdf/finish.c): failed when the tree was too large or too deep, or
 * memory ran out, so that the lists may be short. */
typedef struct PdfTree {
    PdfList figures, divs; /* alternative texts, signature fields */
    PdfList cells, links;  /* TH and TD, Link: pdf_apply_record */
    int count, failed;
} PdfTree;

/* The page objects of f in order, malloc'd into *out (the caller frees
 * it); returns how many. */
int pdf_pages(PdfFile *f, PdfObj ***out);

/* Completes what paint tagged from opt->record (pdf/record.c), with the
 * elements of t: the attributes of TH and TD elements, the /Contents of link
 * annotations (of every one: from its own target when the record cannot
 * say). Mismatches between the record and the tree are warnings on r. */
void pdf_apply_record(Run *r, PdfFile *f, PdfObj **pages, int npages, const FinishOptions *opt,
                      const PdfTree *t);

/* Adds to f, once the catalog and the Info dictionary are final, what
 * PDF/A-2 (conformance U) and PDF/UA-1 ask of the file as a whole: the XMP
 * metadata agreeing with the Info dictionary, with lang as dc:language and
 * both identifications; the sRGB output intent; /CIDToGIDMap on
 * CIDFontType2 fonts; no /Interpolate on images (pdf/metadata.c). Problems
 * are Diags on r. */
void pdf_conformance(Run *r, PdfFile *f, const char *lang);

#endif
