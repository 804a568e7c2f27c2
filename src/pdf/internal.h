/*
 * pdf/internal.h — what the files of the finish stage share, and no other
 * stage sees: the phases of pdf_finish that live in files of their own.
 */
#ifndef COPIL_PDF_INTERNAL_H
#define COPIL_PDF_INTERNAL_H

#include <qpdf/qpdf-c.h>

#include "core/run.h"
#include "pdf/finish.h"

/* 1 when the dictionary oh has the name `name` at key. */
int pdf_is_name(qpdf_data q, qpdf_oh oh, const char *key, const char *name);

/* Elements of the structure tree, in document order; malloc'd items. */
typedef struct PdfList {
    qpdf_oh *items;
    int n, cap;
} PdfList;

/* The elements pdf_finish pairs with what paint drew, from one walk of the
 * tree (pdf/finish.c): failed when the tree was too large or too deep, or
 * memory ran out, so that the lists may be short. */
typedef struct PdfTree {
    qpdf_data q;
    PdfList figures, divs; /* alternative texts, signature fields */
    PdfList cells, links;  /* TH and TD, Link: pdf_apply_record */
    int count, failed;
} PdfTree;

/* Completes what paint tagged from opt->record (pdf/record.c), with the
 * elements of t: the attributes of TH and TD elements, the /Contents of link
 * annotations (of every one: from its own target when the record cannot
 * say). Mismatches between the record and the tree are warnings on r;
 * libqpdf's errors stay in q for pdf_finish to check. */
void pdf_apply_record(Run *r, qpdf_data q, const FinishOptions *opt, const PdfTree *t);

/* Adds to q, once the catalog and the Info dictionary are final, what PDF/A-2
 * (conformance U) and PDF/UA-1 ask of the file as a whole: the XMP metadata
 * agreeing with the Info dictionary, with lang as dc:language and both
 * identifications; the sRGB output intent; /CIDToGIDMap on CIDFontType2
 * fonts; no /Interpolate on images (pdf/metadata.c). The writer must then be
 * told PDF 1.7 (qpdf_set_minimum_pdf_version). Problems are Diags on r;
 * libqpdf's own errors are left for the caller's check. */
void pdf_conformance(Run *r, qpdf_data q, const char *lang);

#endif
