/*
 * validate/internal.h — what the files of the validate stage share.
 *
 * The message translation is kept apart from libxml2 calls (messages.c works
 * on strings only) so that its unit tests need no schema and no document.
 */
#ifndef COPIL_VALIDATE_INTERNAL_H
#define COPIL_VALIDATE_INTERNAL_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/run.h"
#include "validate/validate.h"

/* What the messages need to know about a schema, read from its source. */
typedef struct SchemaHint SchemaHint;
struct SchemaHint {
    SchemaHint *next;
    const char *name;   /* a simple type, or an identity constraint's name */
    const char *text;   /* types: what a user must write ("a date as …") */
    const char *field;  /* constraints: the attribute compared ("id", "owner") */
    const char *target; /* constraints: the element keyed ("member") */
    const char *refer;  /* keyrefs: the key they point at */
};

/* A compiled schema and its hints. */
typedef struct Schema Schema;

/* Loads and compiles the schema at path, with the hints of it and of the
 * files it includes. Problems are reported on r (file = the schema's path);
 * returns STATUS_IO then, since a broken schema is the program's fault. */
Status schema_load(Run *r, const char *path, Schema **out);
void schema_free(Schema *s);

/* Validates doc (parsed from src, len bytes: used to find columns) against s.
 * Every problem becomes a plain-language Diag on r. */
Status schema_check(Schema *s, Run *r, xmlDocPtr doc, const char *src, size_t len);

/* The meeting a meeting names in <previous href>, as the rules that span two
 * meetings see it: the follow-up of its actions, the evaluation of its
 * objectives, the owners who sat on it. */
typedef enum PreviousState {
    PREVIOUS_NONE,   /* no <previous>, or not a meeting: nothing to compare */
    PREVIOUS_BROKEN, /* named but unusable (missing, outside, invalid): reported
                        already; the rules that need it are skipped */
    PREVIOUS_OK,
} PreviousState;

typedef struct Previous {
    PreviousState state;
    const char *href; /* as written in <previous>, to name it in messages */
    xmlDocPtr doc;    /* PREVIOUS_OK: a schema-valid meeting */
    const char *src;  /* its bytes, for the lines of its elements */
    size_t len;
} Previous;

/* The rules XSD 1.0 cannot say, for a schema-valid doc of the given kind
 * read from path (its folder confines the files it names); prev is the
 * previous meeting of a meeting (NULL, or state PREVIOUS_NONE: none). */
Status rules_check(Run *r, xmlDocPtr doc, DocKind kind, const char *path, const char *src,
                   size_t len, const Previous *prev);

/* Finds where node's start tag begins in src (or its attribute attr, when
 * not NULL): *line and *col, 1-based, the column in characters. libxml2 only
 * knows the line where a start tag ends; a tag over several lines is followed
 * back to its "<". When the tag cannot be found, *line is libxml2's and *col
 * is 0 (unknown). */
void source_position(const char *src, size_t len, const xmlNode *node, const char *attr, long *line,
                     long *col);

/* One schema error as libxml2 reported it, and where. */
typedef struct RawError {
    const char *message; /* libxml2's text, namespace and all */
    const char *element; /* the element's name as written (with prefix) */
    const char *local;   /* its local name, as declared in the schema */
    const char *value;   /* the attribute's value or the element's text, if any */
    const char *attr;    /* the attribute concerned, or NULL */
    const char *parent;  /* the enclosing element's name as written, or NULL */
    const char *ns;      /* the element's namespace, or NULL */
    int foreign_ns;      /* the element is not in COPIL_DATA_NS */
    /* The local names of the elements before and after it in its parent, to
     * tell a misplaced element from a repeated or a missing one. */
    const char **before, **after;
    int nbefore, nafter;
} RawError;

/* Looks up a hint by type or constraint name (namespace stripped), or the
 * type of a declaration by "@element" or "@element/attribute"; NULL if none. */
typedef const SchemaHint *(*HintLookup)(const void *ctx, const char *name);

/* Turns a group of consecutive libxml2 errors about one element or attribute
 * into one sentence, allocated in a. n >= 1. */
const char *messages_translate(Arena *a, const RawError *errs, int n, HintLookup lookup,
                               const void *ctx);

/* One libxml2 parser error, with what parse.c found around it. */
typedef struct ParserError {
    int code;            /* xmlParserErrors */
    const char *message; /* libxml2's text */
    const char *str1, *str2;
    int int1;
    const char *name; /* the root element's name, or the attribute at fault */
} ParserError;

/* Cleans one libxml2 parser error into plain words. */
const char *messages_parser(Arena *a, const ParserError *pe);

/* The n bytes at s without a leading "{namespace}": "{urn:copil:data}date"
 * → "date"; "xs:boolean" stays. A copy in a. */
const char *messages_local_name(Arena *a, const char *s, size_t n);

/* The closest of the n candidates to word (edit distance at most 2, or a
 * difference of case only), or NULL. */
const char *messages_closest(const char *word, const char *const *candidates, int n);

/* The planned minutes of an agenda item: its sub-points' added up when it
 * has any, else its own minutes (0 when it has none). *own, when not NULL,
 * receives its own minutes attribute, or -1 when it has none. */
int item_minutes(const xmlNode *item, int *own);

#endif
