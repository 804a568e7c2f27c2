/*
 * pdf/internal.h — the finish stage's passes shared between its files.
 */
#ifndef COPIL_PDF_INTERNAL_H
#define COPIL_PDF_INTERNAL_H

#include <qpdf/qpdf-c.h>

#include "core/run.h"

/* Adds to q, once the catalog and the Info dictionary are final, what PDF/A-2
 * (conformance U) and PDF/UA-1 ask of the file as a whole: the XMP metadata
 * agreeing with the Info dictionary, with lang as dc:language and both
 * identifications; the sRGB output intent; /CIDToGIDMap on CIDFontType2
 * fonts; no /Interpolate on images. The writer must then be told PDF 1.7
 * (qpdf_set_minimum_pdf_version). Problems are Diags on r; libqpdf's own
 * errors are left for the caller's check. */
void pdf_conformance(Run *r, qpdf_data q, const char *lang);

#endif
