/*
 * serve/model.h — what the schemas declare, read by copil serve: the
 * declaration of each element of a data file, the elements and attributes
 * its type allows in their order, and new elements built from them.
 *
 * Internal to src/serve/: the form (form.c) shows what the schemas allow,
 * a save (form.c) adds what they declare, and the record of a meeting
 * (record.c) is drafted with them. Nothing here knows a kind of document:
 * a change to the schemas shows in the form without a change here.
 */
#ifndef COPIL_SERVE_MODEL_H
#define COPIL_SERVE_MODEL_H

#include <libxml/tree.h>

#include "render/render.h"

#define XS_NS "http://www.w3.org/2001/XMLSchema"

/* The kind's schema and common.xsd, as parsed XML. */
typedef struct Schemas {
    xmlNode *roots[2]; /* their xs:schema elements */
} Schemas;

/* Reads the schema of kind (a data kind) and common.xsd from the
 * session's data folder, parsed in r (which frees them). With into, the
 * two xs:schema elements are copied under parent, in into, and roots point
 * at the copies. STATUS_IO when they cannot be read. */
Status schemas_load(Session *s, Run *r, DocKind kind, xmlDocPtr into, xmlNode *parent, Schemas *sc);

/* 1 when n is the element xs:name of the XML Schema namespace. */
int schemas_is(const xmlNode *n, const char *name);

/* The top-level declaration of kind kind ("complexType", "element") named
 * name in either schema, or NULL. */
xmlNode *schemas_named(const Schemas *sc, const char *kind, const char *name);

/* The complex type of a declaration: its own or the named one; NULL for
 * a simple type. */
xmlNode *schemas_type_of(Arena *a, const Schemas *sc, xmlNode *decl);

/* The declaration of what ("element", "attribute") called name in the
 * type's content, through extensions to their base; NULL. */
xmlNode *schemas_find(Arena *a, const Schemas *sc, xmlNode *type, const char *what,
                      const char *name);

/* The declarations of what ("element", "attribute") a type allows, in the
 * order the schema gives them (a base's before its extension's): at most
 * max into out; returns their number. */
int schemas_model(Arena *a, const Schemas *sc, xmlNode *type, const char *what, xmlNode **out,
                  int max);

/* The declaration of e, an element of a data file: its root's by name,
 * and each element's in its parent's type. NULL when undeclared. */
xmlNode *schemas_decl_of(Arena *a, const Schemas *sc, xmlNode *e);

/* 1 when a declaration must be there: an attribute of use "required", an
 * element whose minOccurs is not 0 and that is the first choice of every
 * xs:choice it stands in. */
int schemas_required(const xmlNode *decl);

/* The label a declaration gives what it declares: the French words
 * before " — " in its xs:documentation, in a; fallback when there are
 * none (or no declaration). */
const char *schemas_label(Arena *a, xmlNode *decl, const char *fallback);

/* The value of n's attribute name without a prefix ("c:Date" → "Date"),
 * in a; NULL when n has none. */
char *schemas_local_attr(Arena *a, xmlNode *n, const char *name);

/* Gives e an id attribute unused in its document: prefix and the first
 * number free ("a1", "a2"…). */
void model_new_id(xmlNode *e, const char *prefix);

/* A new element of doc for the declaration decl, in ns, with what it
 * requires: its required attributes (empty, but an id, which gets a new
 * one) and its required elements, indented one step further than indent
 * (the spaces before the new element). NULL when memory fails. */
xmlNode *model_skeleton(Arena *a, const Schemas *sc, xmlDocPtr doc, xmlNode *decl, xmlNsPtr ns,
                        const char *indent);

/* Puts child (made for parent) among parent's elements where parent's
 * declaration pdecl orders it, on a line of its own, indented as its
 * siblings are. */
void model_insert(Arena *a, const Schemas *sc, xmlNode *parent, xmlNode *pdecl, xmlNode *child);

/* The spaces that indent the elements inside e (their line's), in a. */
const char *model_inner_indent(Arena *a, const xmlNode *e);

/* The path of e as the form names its fields ("1.5.2": the root, its 5th
 * element, that one's 2nd), in a. */
const char *model_path(Arena *a, const xmlNode *e);

/* Puts copy (an element copied apart, which declares its namespace again)
 * and the elements under it in ns, in scope where it goes. */
void model_adopt(xmlNode *copy, xmlNsPtr ns);

#endif
