/*
 * serve/record.h — a meeting's record drafted in the form (record.c), and
 * what the form chooses a meeting's references among. Internal to
 * src/serve/.
 */
#ifndef COPIL_SERVE_RECORD_H
#define COPIL_SERVE_RECORD_H

#include <libxml/tree.h>

#include "serve/model.h"
#include "serve/serve.h"

/* The previous meeting of doc (the meeting file name of dir), named by
 * its <previous href>, parsed in r: NULL when there is none, or when it is
 * not a plain file of the folder that holds a meeting. */
xmlDocPtr serve_previous(Run *r, const char *dir, const char *name, xmlDocPtr doc);

/* Adds to into an s:objective note (its id, its text) for each objective
 * that the meeting prev set. */
void serve_objectives(xmlDocPtr prev, xmlNode *into, xmlNsPtr ns);

/* Adds to into an s:meeting note for each other meeting among files (n of
 * them, as serve_list gives them), the latest first: its name, a label
 * with its date, and default="1" on the one a secretary would take as the
 * previous meeting of doc (the file name): the latest earlier one of the
 * same school that has its record. */
void serve_meetings(Run *r, const ServeFile *files, int n, const char *name, xmlDocPtr doc,
                    xmlNode *into, xmlNsPtr ns);

/* Drafts the record of doc, the meeting file name of dir that has none:
 * previous (a file of dir, or NULL) becomes its previous meeting when it
 * names none; then a record is added, with an approval and, from the
 * previous meeting, its open actions (a-faire, en-cours) as they stand and
 * an evaluation of each of its objectives to write; a discussion for each
 * agenda item; and each member without an attendance is marked present.
 * *at receives the record's path (as the form names elements). 1 when doc
 * changed. */
int serve_draft_record(Run *r, const Schemas *sc, const char *dir, const char *name, xmlDocPtr doc,
                       const char *previous, const char **at);

#endif
