/*
 * pdf/object.c — reading Cairo's PDF objects and editing them
 * (pdf/object.h); pdf/write.c writes the finished file.
 *
 * The reader is a recursive descent over PDF's syntax, bounded in depth and
 * in the number of values, that fails rather than guesses: its input is the
 * file paint has just written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "core/i18n.h"
#include "pdf/object.h"

#define MAX_DEPTH   64
#define MAX_VALUES  20000000L
#define MAX_OBJECTS 8000000

/* --- objects ------------------------------------------------------------- */

static PdfObj *
new_obj(PdfFile *f, PdfKind kind)
{
    PdfObj *o = arena_alloc(f->a, sizeof(*o));
    if (!o) {
        f->failed = 1;
        return NULL;
    }
    o->kind = kind;
    return o;
}

PdfObj *
pdf_new_int(PdfFile *f, long long v)
{
    PdfObj *o = new_obj(f, PDF_INT);
    if (o)
        o->i = v;
    return o;
}

PdfObj *
pdf_new_bool(PdfFile *f, int v)
{
    PdfObj *o = new_obj(f, PDF_BOOL);
    if (o)
        o->i = v != 0;
    return o;
}

PdfObj *
pdf_new_null(PdfFile *f)
{
    return new_obj(f, PDF_NULL);
}

/* An object of kind (a name, a real's token, a string) holding the n bytes
 * at s, which the arena (or the program) keeps: not copied. NULL when s is
 * NULL, which an allocation that failed gives. */
static PdfObj *
bytes_obj(PdfFile *f, PdfKind kind, const char *s, size_t n)
{
    PdfObj *o = s ? new_obj(f, kind) : NULL;
    if (!o) {
        f->failed = 1;
        return NULL;
    }
    o->s = s;
    o->len = n;
    return o;
}

PdfObj *
pdf_new_name(PdfFile *f, const char *name)
{
    return bytes_obj(f, PDF_NAME, name, strlen(name)); /* the callers' names are literals */
}

PdfObj *
pdf_new_bytes(PdfFile *f, const char *s, size_t n)
{
    return bytes_obj(f, PDF_STRING, arena_strndup(f->a, s, n), n);
}

/* PDFDocEncoding's characters from 0x80 to 0x9F that differ from Latin-1. */
static const unsigned short pdfdoc_80[32] = {
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
    0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
    0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD};

/* The PDFDocEncoding byte of code point c; 0 when it has none. */
static int
pdfdoc_byte(gunichar c)
{
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r')
        return (int)c;
    if (c >= 0xA1 && c <= 0xFF && c != 0xAD)
        return (int)c;
    for (int i = 0; i < 31; i++)
        if (pdfdoc_80[i] == c)
            return 0x80 + i;
    return 0;
}

PdfObj *
pdf_new_text(PdfFile *f, const char *utf8)
{
    if (!g_utf8_validate(utf8, -1, NULL)) /* the bytes as they are rather than nothing */
        return pdf_new_bytes(f, utf8, strlen(utf8));
    /* PDFDocEncoding when every character has a byte there, as other
     * writers do; else UTF-16BE. */
    size_t n = 0, len = strlen(utf8);
    char *b = arena_alloc(f->a, len + 1);
    const char *p = utf8;
    for (; b && *p; p = g_utf8_next_char(p)) {
        int c = pdfdoc_byte(g_utf8_get_char(p));
        if (!c)
            break;
        b[n++] = (char)c;
    }
    if (b && !*p)
        return bytes_obj(f, PDF_STRING, b, n);
    glong n16 = 0;
    gunichar2 *u16 = g_utf8_to_utf16(utf8, -1, NULL, &n16, NULL);
    char *w = u16 ? arena_alloc(f->a, (size_t)n16 * 2 + 3) : NULL;
    if (w) {
        w[0] = (char)0xFE;
        w[1] = (char)0xFF;
        for (glong i = 0; i < n16; i++) {
            w[2 + 2 * i] = (char)(u16[i] >> 8);
            w[3 + 2 * i] = (char)(u16[i] & 0xFF);
        }
    }
    g_free(u16);
    return bytes_obj(f, PDF_STRING, w, (size_t)n16 * 2 + 2);
}

PdfObj *
pdf_new_array(PdfFile *f)
{
    return new_obj(f, PDF_ARRAY);
}

PdfObj *
pdf_new_dict(PdfFile *f)
{
    return new_obj(f, PDF_DICT);
}

PdfObj *
pdf_new_ref(PdfFile *f, int id)
{
    PdfObj *o = new_obj(f, PDF_REF);
    if (o)
        o->i = id;
    return o;
}

PdfObj *
pdf_new_stream(PdfFile *f, PdfObj *dict, const void *data, size_t n)
{
    PdfObj *o = new_obj(f, PDF_STREAM);
    unsigned char *copy = o ? arena_alloc(f->a, n ? n : 1) : NULL;
    if (!copy) {
        f->failed = 1;
        return NULL;
    }
    memcpy(copy, data, n);
    o->dict = dict ? dict : pdf_new_dict(f);
    o->data = copy;
    o->data_len = n;
    return o->dict ? o : NULL;
}

/* Room for one more item in o (an array or a dictionary). */
static int
grow(PdfFile *f, PdfObj *o)
{
    if (o->n < o->cap)
        return 1;
    int cap = o->cap ? o->cap * 2 : 4;
    PdfObj **items = arena_alloc_array(f->a, (size_t)cap, sizeof(*items));
    const char **keys =
        o->kind == PDF_DICT ? arena_alloc_array(f->a, (size_t)cap, sizeof(*keys)) : NULL;
    if (!items || (o->kind == PDF_DICT && !keys)) {
        f->failed = 1;
        return 0;
    }
    if (o->n) {
        memcpy(items, o->items, (size_t)o->n * sizeof(*items));
        if (keys)
            memcpy(keys, o->keys, (size_t)o->n * sizeof(*keys));
    }
    o->items = items;
    o->keys = keys;
    o->cap = cap;
    return 1;
}

void
pdf_push(PdfFile *f, PdfObj *arr, PdfObj *v)
{
    if (arr && v && arr->kind == PDF_ARRAY && grow(f, arr))
        arr->items[arr->n++] = v;
}

static PdfObj *
dict_of(PdfObj *o)
{
    if (o && o->kind == PDF_STREAM)
        o = o->dict;
    return o && o->kind == PDF_DICT ? o : NULL;
}

PdfObj *
pdf_key_raw(PdfObj *dict, const char *key)
{
    PdfObj *d = dict_of(dict);
    for (int i = 0; d && i < d->n; i++)
        if (!strcmp(d->keys[i], key))
            return d->items[i];
    return NULL;
}

void
pdf_set(PdfFile *f, PdfObj *dict, const char *key, PdfObj *v)
{
    PdfObj *d = dict_of(dict);
    if (!d)
        return;
    for (int i = 0; i < d->n; i++)
        if (!strcmp(d->keys[i], key)) {
            if (v) {
                d->items[i] = v;
            } else {
                memmove(d->items + i, d->items + i + 1, (size_t)(d->n - i - 1) * sizeof(PdfObj *));
                memmove(d->keys + i, d->keys + i + 1, (size_t)(d->n - i - 1) * sizeof(char *));
                d->n--;
            }
            return;
        }
    if (v && grow(f, d)) {
        d->keys[d->n] = key; /* the callers' keys are literals, or the file's */
        d->items[d->n++] = v;
    }
}

int
pdf_is_name(const PdfObj *o, const char *name)
{
    return o && o->kind == PDF_NAME && o->len == strlen(name) && !memcmp(o->s, name, o->len);
}

int
pdf_id(const PdfObj *o)
{
    return !o ? 0 : o->kind == PDF_REF ? (int)o->i : o->id;
}

int
pdf_add(PdfFile *f, PdfObj *o)
{
    if (!o || f->failed)
        return 0;
    if (f->size == f->cap) {
        int cap = f->cap * 2;
        PdfObj **obj = arena_alloc_array(f->a, (size_t)cap, sizeof(*obj));
        size_t *offset = arena_alloc_array(f->a, (size_t)cap, sizeof(*offset));
        unsigned char *state = arena_alloc_array(f->a, (size_t)cap, 1);
        if (!obj || !offset || !state || cap > MAX_OBJECTS) {
            f->failed = 1;
            return 0;
        }
        memcpy(obj, f->obj, (size_t)f->size * sizeof(*obj));
        memcpy(offset, f->offset, (size_t)f->size * sizeof(*offset));
        memcpy(state, f->state, (size_t)f->size);
        f->obj = obj;
        f->offset = offset;
        f->state = state;
        f->cap = cap;
    }
    int id = f->size++;
    f->obj[id] = o;
    f->state[id] = 2;
    o->id = id;
    return id;
}

/* --- the lexer and the parser ---------------------------------------------- */

typedef struct Lexer {
    const unsigned char *p, *end;
} Lexer;

static int
is_space(int c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static int
is_delim(int c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

static void
skip_space(Lexer *L)
{
    while (L->p < L->end) {
        if (is_space(*L->p)) {
            L->p++;
        } else if (*L->p == '%') {
            while (L->p < L->end && *L->p != '\n' && *L->p != '\r')
                L->p++;
        } else {
            break;
        }
    }
}

/* The regular characters from L->p: a name's, a number's or a keyword's. */
static size_t
token_len(const Lexer *L)
{
    const unsigned char *q = L->p;
    while (q < L->end && !is_space(*q) && !is_delim(*q))
        q++;
    return (size_t)(q - L->p);
}

static int
keyword(Lexer *L, const char *word)
{
    size_t n = strlen(word);
    if (token_len(L) != n || memcmp(L->p, word, n))
        return 0;
    L->p += n;
    return 1;
}

/* A non-negative integer token at L->p into *v; L moves past it. */
static int
unsigned_int(Lexer *L, long long *v)
{
    size_t n = token_len(L);
    if (n == 0 || n > 18)
        return 0;
    long long x = 0;
    for (size_t i = 0; i < n; i++) {
        if (L->p[i] < '0' || L->p[i] > '9')
            return 0;
        x = x * 10 + (L->p[i] - '0');
    }
    L->p += n;
    *v = x;
    return 1;
}

static PdfObj *parse_value(PdfFile *f, Lexer *L, int depth);

/* The length of the literal string whose '(' is at L->p, through its
 * closing ')'; 0 when it does not close. */
static size_t
literal_len(const Lexer *L)
{
    int nest = 0;
    for (const unsigned char *q = L->p + 1; q < L->end; q++) {
        if (*q == '\\')
            q++;
        else if (*q == '(')
            nest++;
        else if (*q == ')' && nest-- == 0)
            return (size_t)(q - L->p) + 1;
    }
    return 0;
}

static PdfObj *
parse_literal(PdfFile *f, Lexer *L)
{
    size_t total = literal_len(L);
    char *out = total ? arena_alloc(f->a, total) : NULL;
    size_t n = 0;
    if (!out)
        return NULL;
    const unsigned char *end = L->p + total - 1; /* the closing ')' */
    L->p++;
    while (L->p < end) {
        int c = *L->p++;
        if (c == '\\' && L->p < end) {
            c = *L->p++;
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case '\r':
                if (L->p < end && *L->p == '\n')
                    L->p++;
                continue;
            case '\n':
                continue;
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int k = 0; k < 2 && L->p < end && *L->p >= '0' && *L->p <= '7'; k++)
                        v = v * 8 + (*L->p++ - '0');
                    c = v & 0xFF;
                }
            }
        }
        out[n++] = (char)c;
    }
    L->p = end + 1;
    return bytes_obj(f, PDF_STRING, out, n);
}

static PdfObj *
parse_hex(PdfFile *f, Lexer *L)
{
    const unsigned char *start = ++L->p;
    const unsigned char *close = memchr(start, '>', (size_t)(L->end - start));
    if (!close)
        return NULL;
    char *out = arena_alloc(f->a, (size_t)(close - start) / 2 + 2);
    size_t n = 0;
    int hi = -1;
    if (!out)
        return NULL;
    for (const unsigned char *q = start; q < close; q++) {
        if (is_space(*q))
            continue;
        int v = g_ascii_xdigit_value((gchar)*q);
        if (v < 0)
            return NULL;
        if (hi < 0) {
            hi = v;
        } else {
            out[n++] = (char)(hi << 4 | v);
            hi = -1;
        }
    }
    if (hi >= 0)
        out[n++] = (char)(hi << 4);
    L->p = close + 1;
    return bytes_obj(f, PDF_STRING, out, n);
}

static PdfObj *
parse_number(PdfFile *f, Lexer *L)
{
    size_t n = token_len(L);
    char buf[40];
    if (n == 0 || n >= sizeof buf)
        return NULL;
    memcpy(buf, L->p, n);
    buf[n] = '\0';
    char *end;
    if (!strpbrk(buf, ".")) {
        long long v = strtoll(buf, &end, 10);
        if (*end)
            return NULL;
        L->p += n;
        /* "N G R": a reference. */
        Lexer look = *L;
        long long gen;
        skip_space(&look);
        if (v > 0 && look.p > L->p && unsigned_int(&look, &gen)) {
            skip_space(&look);
            if (keyword(&look, "R")) {
                *L = look;
                PdfObj *o = new_obj(f, PDF_REF);
                if (o)
                    o->i = v;
                return v < MAX_OBJECTS ? o : NULL;
            }
        }
        return pdf_new_int(f, v);
    }
    strtod(buf, &end);
    if (*end)
        return NULL;
    L->p += n;
    return bytes_obj(f, PDF_REAL, arena_strndup(f->a, buf, n), n);
}

/* Dictionaries and arrays are read into a few items on the stack, then
 * stored at their size: a structure tree is mostly small ones, which
 * grown by doubling would take twice the room. */
#define SMALL 32

/* Gives o (an empty array or dictionary) the n items vals (and keys: a
 * dictionary's), exactly; 0 out of memory. */
static int
set_items(PdfFile *f, PdfObj *o, PdfObj **vals, const char **keys, int n)
{
    int cap = n ? n : 1;
    o->items = arena_alloc_array(f->a, (size_t)cap, sizeof(*o->items));
    o->keys = keys ? arena_alloc_array(f->a, (size_t)cap, sizeof(*o->keys)) : NULL;
    if (!o->items || (keys && !o->keys)) {
        f->failed = 1;
        return 0;
    }
    if (n) {
        memcpy(o->items, vals, (size_t)n * sizeof(*vals));
        if (keys)
            memcpy(o->keys, keys, (size_t)n * sizeof(*keys));
    }
    o->n = n;
    o->cap = cap;
    return 1;
}

/* The names Cairo writes most, once for the program rather than once per
 * use; sorted. */
static const char *const common_names[] = {
    "A",
    "ActualText",
    "Alt",
    "Annots",
    "BaseFont",
    "Border",
    "C",
    "Contents",
    "Count",
    "D",
    "Dest",
    "Document",
    "Encoding",
    "ExtGState",
    "F",
    "Figure",
    "Filter",
    "First",
    "Font",
    "FontDescriptor",
    "Group",
    "H1",
    "H2",
    "H3",
    "K",
    "Kids",
    "L",
    "LBody",
    "LI",
    "Lbl",
    "Length",
    "Link",
    "MCID",
    "MediaBox",
    "NonStruct",
    "Nums",
    "OBJR",
    "Obj",
    "P",
    "Page",
    "Pages",
    "Parent",
    "Pattern",
    "Pg",
    "ProcSet",
    "Rect",
    "Resources",
    "S",
    "Span",
    "StructElem",
    "StructParent",
    "StructParents",
    "Subtype",
    "TD",
    "TH",
    "TR",
    "Table",
    "Title",
    "Type",
    "XObject",
};

/* The name of n bytes at p, NUL-terminated: a common one shared, any other
 * copied into the arena; NULL out of memory. */
static const char *
name_of(PdfFile *f, const char *p, size_t n)
{
    size_t lo = 0, hi = sizeof common_names / sizeof *common_names;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *c = common_names[mid];
        size_t cn = strlen(c);
        int cmp = memcmp(c, p, cn < n ? cn : n);
        if (cmp == 0)
            cmp = (cn > n) - (cn < n);
        if (cmp == 0)
            return c;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return arena_strndup(f->a, p, n);
}

static PdfObj *
parse_value(PdfFile *f, Lexer *L, int depth)
{
    skip_space(L);
    if (L->p >= L->end || depth > MAX_DEPTH || ++f->parsed > MAX_VALUES)
        return NULL;
    int c = *L->p;
    if (c == '/') {
        L->p++;
        size_t n = token_len(L);
        const char *name = name_of(f, (const char *)L->p, n);
        L->p += n;
        return bytes_obj(f, PDF_NAME, name, n);
    }
    if (c == '(')
        return parse_literal(f, L);
    if (c == '<' && L->p + 1 < L->end && L->p[1] == '<') {
        L->p += 2;
        PdfObj *d = new_obj(f, PDF_DICT);
        const char *keys[SMALL];
        PdfObj *vals[SMALL];
        int n = 0;
        while (d) {
            skip_space(L);
            if (L->p + 1 < L->end && L->p[0] == '>' && L->p[1] == '>') {
                L->p += 2;
                return d->cap || set_items(f, d, vals, keys, n) ? d : NULL;
            }
            if (L->p >= L->end || *L->p != '/')
                return NULL;
            L->p++;
            size_t len = token_len(L);
            const char *key = name_of(f, (const char *)L->p, len);
            L->p += len;
            PdfObj *v = key ? parse_value(f, L, depth + 1) : NULL;
            if (!v)
                return NULL;
            /* A key twice (Cairo 1.16 names an image's XObject once per
             * use): the last one counts, as for every reader. */
            int i = 0;
            while (!d->cap && i < n && strcmp(keys[i], key))
                i++;
            if (d->cap) {
                pdf_set(f, d, key, v);
            } else if (i < n) {
                vals[i] = v;
            } else if (n < SMALL) {
                keys[n] = key;
                vals[n++] = v;
            } else {
                if (!set_items(f, d, vals, keys, n))
                    return NULL;
                pdf_set(f, d, key, v);
            }
        }
        return NULL;
    }
    if (c == '<')
        return parse_hex(f, L);
    if (c == '[') {
        L->p++;
        PdfObj *a = new_obj(f, PDF_ARRAY);
        PdfObj *vals[SMALL];
        int n = 0;
        while (a) {
            skip_space(L);
            if (L->p < L->end && *L->p == ']') {
                L->p++;
                return a->cap || set_items(f, a, vals, NULL, n) ? a : NULL;
            }
            PdfObj *v = parse_value(f, L, depth + 1);
            if (!v)
                return NULL;
            if (n < SMALL && !a->cap) {
                vals[n++] = v;
                continue;
            }
            if ((!a->cap && !set_items(f, a, vals, NULL, n)) || !grow(f, a))
                return NULL;
            a->items[a->n++] = v;
        }
        return NULL;
    }
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')
        return parse_number(f, L);
    if (keyword(L, "true"))
        return pdf_new_bool(f, 1);
    if (keyword(L, "false"))
        return pdf_new_bool(f, 0);
    if (keyword(L, "null"))
        return pdf_new_null(f);
    return NULL;
}

/* The object "id 0 obj … endobj" at f->offset[id], with its stream's bytes
 * when it has one. */
static PdfObj *
parse_indirect(PdfFile *f, int id)
{
    Lexer L = {f->in + f->offset[id], f->in + f->n};
    long long num, gen;
    if (!unsigned_int(&L, &num) || num != id)
        return NULL;
    skip_space(&L);
    if (!unsigned_int(&L, &gen) || gen != 0)
        return NULL;
    skip_space(&L);
    if (!keyword(&L, "obj"))
        return NULL;
    PdfObj *o = parse_value(f, &L, 0);
    if (!o || o->kind != PDF_DICT)
        return o;
    skip_space(&L);
    if (!keyword(&L, "stream"))
        return o;
    if (L.p < L.end && *L.p == '\r')
        L.p++;
    if (L.p >= L.end || *L.p != '\n')
        return NULL;
    L.p++;
    PdfObj *len = pdf_key(f, o, "Length");
    if (!len || len->kind != PDF_INT || len->i < 0 || len->i > L.end - L.p)
        return NULL;
    PdfObj *s = new_obj(f, PDF_STREAM);
    if (!s)
        return NULL;
    s->dict = o;
    s->data = L.p;
    s->data_len = (size_t)len->i;
    L.p += len->i;
    skip_space(&L);
    return keyword(&L, "endstream") ? s : NULL;
}

PdfObj *
pdf_get(PdfFile *f, int id)
{
    if (id <= 0 || id >= f->size)
        return NULL;
    if (f->state[id] == 2)
        return f->obj[id];
    if (f->state[id] == 1 || !f->offset[id])
        return NULL; /* a /Length that refers to its own stream, or a free entry */
    f->state[id] = 1;
    PdfObj *o = parse_indirect(f, id);
    if (!o)
        f->failed = 1;
    else
        o->id = id;
    f->obj[id] = o;
    f->state[id] = 2;
    return o;
}

PdfObj *
pdf_resolve(PdfFile *f, PdfObj *o)
{
    return o && o->kind == PDF_REF ? pdf_get(f, (int)o->i) : o;
}

PdfObj *
pdf_key(PdfFile *f, PdfObj *dict, const char *key)
{
    return pdf_resolve(f, pdf_key_raw(dict, key));
}

int
pdf_key_is(PdfFile *f, PdfObj *dict, const char *key, const char *name)
{
    return pdf_is_name(pdf_key(f, dict, key), name);
}

PdfObj *
pdf_parse(PdfFile *f, const char *text)
{
    Lexer L = {(const unsigned char *)text, (const unsigned char *)text + strlen(text)};
    PdfObj *o = parse_value(f, &L, 0);
    if (!o)
        f->failed = 1;
    return o;
}

const char *
pdf_utf8(PdfFile *f, const PdfObj *s)
{
    if (!s || s->kind != PDF_STRING)
        return NULL;
    const unsigned char *b = (const unsigned char *)s->s;
    if (s->len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        size_t n = (s->len - 2) / 2;
        gunichar2 *u16 = g_new(gunichar2, n + 1);
        for (size_t i = 0; i < n; i++)
            u16[i] = (gunichar2)(b[2 + 2 * i] << 8 | b[3 + 2 * i]);
        gchar *utf8 = g_utf16_to_utf8(u16, (glong)n, NULL, NULL, NULL);
        g_free(u16);
        const char *out = utf8 ? arena_strdup(f->a, utf8) : NULL;
        g_free(utf8);
        return out;
    }
    char *out = arena_alloc(f->a, s->len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < s->len; i++) {
        unsigned c = b[i];
        if (c >= 0x80 && c < 0xA0)
            c = pdfdoc_80[c - 0x80];
        o += g_unichar_to_utf8(c, o);
    }
    *o = '\0';
    return out;
}

/* --- reading the file ------------------------------------------------------- */

Status
pdf_read(PdfFile *f, Arena *a, const unsigned char *in, size_t n)
{
    memset(f, 0, sizeof(*f));
    f->a = a;
    f->in = in;
    f->n = n;
    /* "startxref\nOFFSET\n%%EOF" in the last bytes. */
    size_t tail = n < 64 ? n : 64;
    const unsigned char *sx = NULL;
    for (size_t i = n - tail; i + 9 <= n; i++)
        if (!memcmp(in + i, "startxref", 9))
            sx = in + i;
    Lexer L;
    long long at, start, count;
    if (n < 16 || memcmp(in, "%PDF-", 5) || !sx)
        return STATUS_IO;
    L = (Lexer){sx + 9, in + n};
    skip_space(&L);
    if (!unsigned_int(&L, &at) || at <= 0 || (size_t)at >= n)
        return STATUS_IO;
    L = (Lexer){in + at, in + n};
    if (!keyword(&L, "xref"))
        return STATUS_IO;
    skip_space(&L);
    /* Cairo writes one section from 0. */
    if (!unsigned_int(&L, &start) || start != 0)
        return STATUS_IO;
    skip_space(&L);
    if (!unsigned_int(&L, &count) || count < 1 || count > MAX_OBJECTS ||
        (size_t)count * 20 > (size_t)(L.end - L.p))
        return STATUS_IO;
    f->cap = (int)count * 2 + 64;
    f->size = (int)count;
    f->offset = arena_alloc_array(a, (size_t)f->cap, sizeof(*f->offset));
    f->obj = arena_alloc_array(a, (size_t)f->cap, sizeof(*f->obj));
    f->state = arena_alloc_array(a, (size_t)f->cap, 1);
    if (!f->offset || !f->obj || !f->state)
        return STATUS_IO;
    for (long long i = 0; i < count; i++) {
        long long off, gen;
        skip_space(&L);
        if (!unsigned_int(&L, &off))
            return STATUS_IO;
        skip_space(&L);
        if (!unsigned_int(&L, &gen))
            return STATUS_IO;
        skip_space(&L);
        if (keyword(&L, "n")) {
            if (i == 0 || gen != 0 || off <= 0 || (size_t)off >= n)
                return STATUS_IO;
            f->offset[i] = (size_t)off;
        } else if (!keyword(&L, "f")) {
            return STATUS_IO;
        }
    }
    skip_space(&L);
    if (!keyword(&L, "trailer"))
        return STATUS_IO;
    f->trailer = parse_value(f, &L, 0);
    if (!f->trailer || f->trailer->kind != PDF_DICT || f->failed)
        return STATUS_IO;
    return STATUS_OK;
}
