/*
 * pdf/internal.h — what the files of the finish stage share, and no other
 * stage sees: the phases of pdf_finish that live in files of their own.
 */
#ifndef COPIL_PDF_INTERNAL_H
#define COPIL_PDF_INTERNAL_H

#include <qpdf/qpdf-c.h>

#include "pdf/finish.h"

/* Completes what paint tagged from opt->record (pdf/record.c): the
 * attributes of TH and TD elements, the /Contents of link annotations (of
 * every one: from its own target when the record cannot say). Mismatches
 * between the record and the tree are warnings on r; libqpdf's errors stay
 * in q for pdf_finish to check. */
void pdf_apply_record(Run *r, qpdf_data q, const FinishOptions *opt);

#endif
