/*
 * validate/validate.h — data file → xmlDoc, parsed safely and checked.
 *
 * input: a file path; output: an xmlDoc that conforms to the schema of its
 * kind (schemas/meeting.xsd, mission-letter.xsd, activity-report.xsd) and to
 * the rules a schema cannot say (shares adding up to 100, attendance in a
 * record...). Every problem becomes a Diag in the run, in plain words, with the
 * line and column of the element or attribute as the user wrote it. Of the
 * files a data file names, this stage reads one: a meeting's previous meeting
 * (<previous href>), parsed and schema-checked once, without following its own
 * <previous> (no walk down the chain), for the rules that span two meetings:
 * action owners, follow-up of open actions, evaluation of objectives. The
 * other links (logos, an activity report's meetings, documents to read) are
 * only checked to be there; the transform reads them.
 */
#ifndef COPIL_VALIDATE_VALIDATE_H
#define COPIL_VALIDATE_VALIDATE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "core/run.h"

/* The namespace of every data file. */
#define COPIL_DATA_NS "urn:copil:data"

/* The largest data file copil reads; a meeting of 200 members is about 60 kB. */
#define VALIDATE_MAX_FILE_SIZE (8u * 1000u * 1000u)

typedef enum DocKind {
    DOC_UNKNOWN = 0,
    DOC_MEETING,
    DOC_MISSION_LETTER,
    DOC_ACTIVITY_REPORT,
    DOC_LAYOUT,    /* a layout document (schemas/layout.xsd), for the renderer */
    DOC_DASHBOARD, /* the académie's figures, made by copil dashboard */
} DocKind;

#define DOC_KIND_COUNT 6

/* The namespace of layout documents (schemas/layout.xsd). */
#define COPIL_LAYOUT_NS "urn:copil:layout"

/* Compiled schemas and what the messages need from them, made once per
 * process (it belongs to the Session) and shared by every run. */
typedef struct Validator Validator;

/* Makes a validator reading its schemas from schema_dir (e.g. "DATADIR/schemas").
 * Schemas are compiled lazily, on the first file of each kind. Returns NULL
 * only when out of memory. The caller owns the result: validate_free(). */
Validator *validate_new(const char *schema_dir);

/* Lets libxml2 read files under dir too (the stylesheets): the program's
 * external-entity loader refuses every other path and the network. */
void validate_allow_folder(const char *dir);

/* Frees v and its compiled schemas; NULL is fine. */
void validate_free(Validator *v);

/* Parses the data file at path and validates it. *doc receives the
 * document (owned by the run: freed by run_free) and *kind its kind as soon
 * as its root element says it, even when it has problems: trust the
 * document's content only on STATUS_OK; NULL when it is not XML or not a
 * copil file.
 * Returns STATUS_INVALID when the file has problems (each one a Diag on the
 * run), STATUS_IO when it cannot be read or a schema cannot be loaded. The
 * run's file name is used in every Diag. */
Status validate_file(Validator *v, Run *r, const char *path, xmlDocPtr *doc, DocKind *kind);

/* As validate_file, for a file that another one names (a previous meeting,
 * a report's meeting file): the rules that read a further file (its own
 * previous meeting) are left out, so that a chain of meetings is never
 * read down to its first. */
Status validate_file_alone(Validator *v, Run *r, const char *path, xmlDocPtr *doc, DocKind *kind);

/* Validates doc, already parsed (a stylesheet's output), against the schema
 * of kind. Problems are Diags on r, without columns (the document has no
 * source text). */
Status validate_doc(Validator *v, Run *r, xmlDocPtr doc, DocKind kind);

/* 1 when doc, a valid meeting, has its <record> (it prints as minutes, not
 * as an agenda). */
int validate_meeting_has_record(xmlDocPtr doc);

/* For a valid meeting: the minutes by which its agenda items, one after the
 * other from <start>, run past its planned <end>; 0 when they fit. *items
 * receives the items' total in minutes, *planned the minutes from start to
 * end, *line the line of <end>. */
int validate_agenda_overrun(xmlDocPtr doc, int *items, int *planned, long *line);

/* The files a data file of kind names and copil reads: its logos, a
 * meeting's previous meeting, an activity report's mission letter and
 * meeting files. fn gets the element naming each, and the attribute holding
 * its path (NULL: the element's text). Validation checks them (relative,
 * present, inside the file's folder); copil mail asks them whether a PDF is
 * older than them. */
typedef void (*LinkedFileFn)(void *ctx, const xmlNode *node, const char *attr);
void validate_linked_files(xmlDocPtr doc, DocKind kind, LinkedFileFn fn, void *ctx);

/* Whether addr is an e-mail address copil sends to: RFC 5322's addr-spec
 * with a dot-atom of ASCII before the @ (no quoted string, no comment, no %
 * or !) and a domain of at least two labels of letters, digits and hyphens,
 * or internationalised labels (IDN); lengths within RFC 5321's. It is read
 * as xs:token reads it (spaces around ignored). Returns NULL when it is one;
 * *wire (when not NULL) then receives the one form that goes into the
 * headers and the SMTP envelope alike: the IDN labels as A-labels (xn--…),
 * the rest as written. Otherwise returns why not, in words a principal can
 * act on ("a comma cannot appear in an address; write one address per
 * <address>"); element names the element the address was written in, for
 * those words (NULL: none). Strings are in a. */
const char *validate_email(Arena *a, const char *addr, const char *element, const char **wire);

/* Where node's start tag begins in the file doc was read from by
 * validate_file (or validate_file_alone): *line and *col, 1-based. For a
 * document made otherwise (a stylesheet's output), libxml2's line and
 * column 0 (unknown). */
void validate_position(xmlDocPtr doc, const xmlNode *node, long *line, long *col);

/* The value of node's attribute name (one without a namespace), copied into
 * a; NULL when node is NULL, when it has no such attribute, or when a runs
 * out of memory. The one way every stage reads an attribute into an arena:
 * nothing to xmlFree. */
const char *validate_attr(Arena *a, const xmlNode *node, const char *name);

/* Small helpers over data files (validate/xmlutil.c), for the rules and
 * every stage that reads a data file: the first child of parent that is
 * the data namespace's element name, the next such sibling of node (NULL
 * when none; name NULL: any), and node's text without the white space
 * around it, copied into a (NULL when node is NULL). */
xmlNodePtr xml_child(const xmlNode *parent, const char *name);
xmlNodePtr xml_next(const xmlNode *node, const char *name);
const char *xml_text(Arena *a, const xmlNode *node);

/* The school year of a data file, in a: its <school-year>, else, for a
 * letter given a period, the year the period ends in ("2026-2027" from
 * September 2026 to August 2027); NULL when it has neither. */
const char *validate_school_year(Arena *a, xmlDocPtr doc);

/* Returns the kind's root element name ("meeting"..., "document" for a
 * layout), or "unknown". */
const char *validate_kind_name(DocKind kind);

/* Returns the kind whose root element is named name, or DOC_UNKNOWN. */
DocKind validate_kind_from_root(const char *name);

/* Parses the n bytes at data (named path in messages) with the program's safe
 * settings: no network, no DTD, no entity substitution, no XInclude, libxml2's
 * size limits kept. A document that declares a DOCTYPE is refused before its
 * internal subset is read. On STATUS_OK *doc is registered with the run. */
Status validate_parse(Run *r, const char *data, size_t n, xmlDocPtr *doc);

/* Reads the file at path, of at most limit bytes (flags as file_load's:
 * O_NOFOLLOW refuses a link), into r's arena and parses it as
 * validate_parse does. The document, registered with the run, or NULL:
 * parse problems go to r's diagnostics; a file that cannot be read says
 * nothing, for the callers that look at files only to learn what they are. */
xmlDocPtr validate_parse_file(Run *r, const char *path, int flags, size_t limit);

#endif
