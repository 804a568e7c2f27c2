/*
 * pdf/object.h — PDF objects for the finish stage: a reader for the file
 * Cairo 1.16 writes, a few edits, and a writer for the file copil ships.
 *
 * Cairo writes one classic cross-reference table, objects numbered from 1
 * with generation 0 and dictionaries as plain text; its streams are read in
 * place, never copied or decoded (paint asks for uncompressed content, see
 * paint/paint.c). Objects are parsed when first asked for, into the run's
 * arena. The writer keeps only what the trailer's Root and Info reach,
 * numbers it again in that order, puts every object but the streams in
 * compressed object streams, compresses the streams that are not, and ends
 * with a cross-reference stream whose /ID is a digest of the file: the same
 * input gives the same bytes. It reads no other producer's files (no
 * object streams, no incremental updates, no encryption): only Cairo's.
 */
#ifndef COPIL_PDF_OBJECT_H
#define COPIL_PDF_OBJECT_H

#include <stddef.h>

#include "core/arena.h"
#include "core/run.h"

typedef enum PdfKind {
    PDF_NULL,
    PDF_BOOL,
    PDF_INT,
    PDF_REAL,
    PDF_NAME,
    PDF_STRING,
    PDF_ARRAY,
    PDF_DICT,
    PDF_REF,
    PDF_STREAM
} PdfKind;

typedef struct PdfObj PdfObj;
struct PdfObj {
    PdfKind kind;
    int id; /* its object number when it is an indirect object; else 0 */
    /* What kind holds: only its own fields may be read (a long document's
     * structure tree is some 150,000 objects). */
    union {
        long long i; /* BOOL, INT; REF: the object number */
        struct {
            const char *s; /* NAME without its '/' (as written), REAL's token, STRING's bytes */
            size_t len;    /* of s */
        };
        struct {
            int n, cap;        /* ARRAY, DICT: items */
            PdfObj **items;    /* ARRAY: the items; DICT: the values */
            const char **keys; /* DICT: the keys, names without '/' */
        };
        struct {
            PdfObj *dict;              /* STREAM: its dictionary */
            const unsigned char *data; /* STREAM: its bytes, encoded as its /Filter says */
            size_t data_len;
        };
    };
};

/* One file being finished. Everything is in the arena a; failed sticks
 * (out of memory, or an object that does not parse) and later calls do
 * nothing harmful: the caller checks it once. */
typedef struct PdfFile {
    Arena *a;
    const unsigned char *in;
    size_t n;
    size_t *offset;       /* per object number: where "N 0 obj" starts; 0: none */
    PdfObj **obj;         /* per object number: parsed or added; NULL not yet */
    unsigned char *state; /* per object number: 0 unread, 1 being read, 2 read */
    int size, cap;        /* object numbers 1 .. size - 1 */
    PdfObj *trailer;
    long parsed; /* values parsed, against a runaway file */
    int failed;
} PdfFile;

/* Reads the cross-reference table and trailer of the n bytes at in (which
 * must outlive f), into f, allocating from a. STATUS_IO when the bytes are
 * not a PDF as Cairo writes them. */
Status pdf_read(PdfFile *f, Arena *a, const unsigned char *in, size_t n);

/* The indirect object id, parsed on first use; NULL when there is none or
 * it does not parse (then f->failed). */
PdfObj *pdf_get(PdfFile *f, int id);

/* o, or the object it refers to; NULL stays NULL. */
PdfObj *pdf_resolve(PdfFile *f, PdfObj *o);

/* The value at key of dict (a stream: of its dictionary), references
 * followed; NULL when dict is no dictionary or has no such key. */
PdfObj *pdf_key(PdfFile *f, PdfObj *dict, const char *key);

/* The same, without following a reference: to learn which object it is. */
PdfObj *pdf_key_raw(PdfObj *dict, const char *key);

/* Sets key of dict (a stream: of its dictionary) to v; v NULL removes it. */
void pdf_set(PdfFile *f, PdfObj *dict, const char *key, PdfObj *v);

/* 1 when o is the name `name` (given without '/'). */
int pdf_is_name(const PdfObj *o, const char *name);

/* 1 when the value at key of dict is the name `name`. */
int pdf_key_is(PdfFile *f, PdfObj *dict, const char *key, const char *name);

/* The object number o refers to (a reference, or an indirect object
 * itself); 0 for anything else. */
int pdf_id(const PdfObj *o);

/* New direct objects, in the arena; NULL (and f->failed) out of memory. */
PdfObj *pdf_new_int(PdfFile *f, long long v);
PdfObj *pdf_new_name(PdfFile *f, const char *name);
PdfObj *pdf_new_bool(PdfFile *f, int v);
/* A text string from UTF-8: in PDFDocEncoding when every character has a
 * byte there, else UTF-16BE with its byte order mark. */
PdfObj *pdf_new_text(PdfFile *f, const char *utf8);
/* A string of exactly these bytes (a date, an identifier). */
PdfObj *pdf_new_bytes(PdfFile *f, const char *s, size_t n);
PdfObj *pdf_new_array(PdfFile *f);
PdfObj *pdf_new_dict(PdfFile *f);
PdfObj *pdf_new_null(PdfFile *f);
PdfObj *pdf_new_ref(PdfFile *f, int id);
/* A stream of n bytes (copied), with dict (NULL: an empty one). */
PdfObj *pdf_new_stream(PdfFile *f, PdfObj *dict, const void *data, size_t n);

/* The object that text (PDF syntax, such as "<< /Type /OBJR >>") writes. */
PdfObj *pdf_parse(PdfFile *f, const char *text);

/* Makes o an indirect object of f; returns its number (0 on failure). */
int pdf_add(PdfFile *f, PdfObj *o);

/* Appends v to the array arr. */
void pdf_push(PdfFile *f, PdfObj *arr, PdfObj *v);

/* A text string's value as UTF-8 (UTF-16BE with a byte order mark, else
 * PDFDocEncoding), in the arena; NULL when s is no string. */
const char *pdf_utf8(PdfFile *f, const PdfObj *s);

/* Writes the file as described above, PDF 1.7, into *out (malloc'd, the
 * caller frees it), with streams compressed at zlib's level. Problems are
 * Diags on r; STATUS_IO then. */
Status pdf_write(PdfFile *f, Run *r, int level, unsigned char **out, size_t *out_len);

#endif
