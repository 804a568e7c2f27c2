/*
 * transform/transform.h — data xmlDoc + stylesheet → layout xmlDoc.
 *
 * The stylesheets of stylesheets/ (agenda.xsl, minutes.xsl…, sharing
 * common.xsl) run under libxslt with a confined loader: document() reads only
 * files inside the input's folder tree, each parsed safely and validated like
 * any input (the previous meeting, the year's meetings, the mission letter);
 * stylesheets are read only from the stylesheets folder; nothing is written
 * and nothing is fetched. Problems in a linked file are reported with that
 * file's name and line.
 */
#ifndef COPIL_TRANSFORM_TRANSFORM_H
#define COPIL_TRANSFORM_TRANSFORM_H

#include <libxml/tree.h>

#include "core/run.h"
#include "validate/validate.h"

typedef struct Transformer Transformer;

/* Makes a transformer over the stylesheets in dir; linked data files are
 * validated with v (borrowed). Stylesheets compile on first use. The caller
 * owns the result. */
Transformer *transform_new(const char *dir, Validator *v);
void transform_free(Transformer *t);

/* Compiles the stylesheet `name` now rather than on first use (a batch does
 * this before forking its workers, so that they share the result). Problems
 * are Diags on r; STATUS_IO when it is missing or broken. */
Status transform_compile(Transformer *t, Run *r, const char *name);

/* Runs the stylesheet `name` ("agenda", "minutes"…) on data, read from
 * input_path. On STATUS_OK *out is the layout document, valid against
 * layout.xsd, without line numbers (they are not the data file's), owned by
 * the run. STATUS_INVALID when a linked file is missing, outside the folder
 * or invalid; STATUS_IO when the stylesheet itself fails or makes an invalid
 * layout (said under the stylesheet's name). */
Status transform_apply(Transformer *t, Run *r, xmlDocPtr data, const char *input_path,
                       const char *name, xmlDocPtr *out);

/* As transform_apply, for a stylesheet whose result is not a layout (mail.xsl):
 * the result is not checked against any schema, and its reader checks it. */
Status transform_apply_plain(Transformer *t, Run *r, xmlDocPtr data, const char *input_path,
                             const char *name, xmlDocPtr *out);

#endif
