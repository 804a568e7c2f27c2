/*
 * pdf/write.c — the finished file, written once from the objects of
 * pdf/object.c (pdf_write in pdf/object.h).
 *
 * Every object kept is serialised once; non-stream objects go into object
 * streams, streams without a filter are compressed, and a cross-reference
 * stream ends the file. Its cost is one pass over the file plus zlib's on
 * what it compresses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <zlib.h>

#include "core/i18n.h"
#include "pdf/object.h"

#define MAX_DEPTH   64
#define OBJSTM_SIZE 100 /* objects per object stream, as qpdf does */

/* --- writing ------------------------------------------------------------------ */

typedef struct Out {
    unsigned char *p;
    size_t n, cap;
    int failed;
} Out;

static void
out_bytes(Out *o, const void *s, size_t n)
{
    if (o->failed)
        return;
    if (o->n + n > o->cap) {
        size_t cap = o->cap ? o->cap : 1 << 16;
        while (cap < o->n + n)
            cap *= 2;
        unsigned char *p = realloc(o->p, cap);
        if (!p) {
            o->failed = 1;
            return;
        }
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
}

static void
out_str(Out *o, const char *s)
{
    out_bytes(o, s, strlen(s));
}

static void
out_fmt(Out *o, const char *fmt, long long v)
{
    char buf[32];
    int k = snprintf(buf, sizeof buf, fmt, v);
    out_bytes(o, buf, (size_t)k);
}

typedef struct Writer {
    PdfFile *f;
    int *num;   /* per object number of f: its number in the output; 0 not kept */
    int *order; /* the objects kept, in their output order */
    int nkept;
    int level;
} Writer;

static void
put_string(Out *o, const PdfObj *s)
{
    out_bytes(o, "(", 1);
    const unsigned char *b = (const unsigned char *)s->s;
    size_t from = 0;
    for (size_t i = 0; i < s->len; i++) {
        const char *esc = b[i] == '('    ? "\\("
                          : b[i] == ')'  ? "\\)"
                          : b[i] == '\\' ? "\\\\"
                          : b[i] == '\r' ? "\\r"
                                         : NULL;
        if (!esc)
            continue;
        out_bytes(o, b + from, i - from);
        out_str(o, esc);
        from = i + 1;
    }
    out_bytes(o, b + from, s->len - from);
    out_bytes(o, ")", 1);
}

typedef struct KeyValue {
    const char *key;
    PdfObj *value;
} KeyValue;

static int
by_key(const void *a, const void *b)
{
    return strcmp(((const KeyValue *)a)->key, ((const KeyValue *)b)->key);
}

/* Puts the keys of dictionary d in name order, as qpdf and most writers
 * do: readers that list a dictionary as it is written (poppler's
 * structure attributes) then show every file the same way, whatever order
 * the finish stage set its keys in. Left as it is when memory runs out. */
static void
sort_keys(PdfObj *d)
{
    int sorted = 1;
    for (int i = 1; sorted && i < d->n; i++)
        sorted = strcmp(d->keys[i - 1], d->keys[i]) <= 0;
    KeyValue *kv = sorted ? NULL : malloc((size_t)d->n * sizeof(*kv));
    if (!kv)
        return;
    for (int i = 0; i < d->n; i++)
        kv[i] = (KeyValue){d->keys[i], d->items[i]};
    qsort(kv, (size_t)d->n, sizeof(*kv), by_key);
    for (int i = 0; i < d->n; i++) {
        d->keys[i] = kv[i].key;
        d->items[i] = kv[i].value;
    }
    free(kv);
}

/* Writes the direct object v; a reference to an object not kept is null. */
static void
put_value(Writer *w, Out *o, PdfObj *v)
{
    switch (v ? v->kind : PDF_NULL) {
    case PDF_NULL:
        out_str(o, "null");
        break;
    case PDF_BOOL:
        out_str(o, v->i ? "true" : "false");
        break;
    case PDF_INT:
        out_fmt(o, "%lld", v->i);
        break;
    case PDF_REAL:
        out_bytes(o, v->s, v->len);
        break;
    case PDF_NAME:
        out_bytes(o, "/", 1);
        out_bytes(o, v->s, v->len);
        break;
    case PDF_STRING:
        put_string(o, v);
        break;
    case PDF_ARRAY:
        out_bytes(o, "[", 1);
        for (int i = 0; i < v->n; i++) {
            if (i)
                out_bytes(o, " ", 1);
            put_value(w, o, v->items[i]);
        }
        out_bytes(o, "]", 1);
        break;
    case PDF_DICT:
        sort_keys(v);
        out_bytes(o, "<<", 2);
        for (int i = 0; i < v->n; i++) {
            out_bytes(o, "/", 1);
            out_str(o, v->keys[i]);
            out_bytes(o, " ", 1);
            put_value(w, o, v->items[i]);
        }
        out_bytes(o, ">>", 2);
        break;
    case PDF_REF: {
        int id = (int)v->i;
        int n = id > 0 && id < w->f->size ? w->num[id] : 0;
        if (n)
            out_fmt(o, "%lld 0 R", n);
        else
            out_str(o, "null");
        break;
    }
    case PDF_STREAM:
        out_str(o, "null"); /* a stream is never direct */
        break;
    }
}

/* Numbers the objects v refers to, in the order found (breadth first
 * through w->order, which this appends to). A stream's /Length is not
 * followed: the writer gives each stream its length directly. */
static void
reach(Writer *w, const PdfObj *v, int depth)
{
    if (!v || depth > MAX_DEPTH)
        return;
    switch (v->kind) {
    case PDF_REF: {
        int id = (int)v->i;
        if (id > 0 && id < w->f->size && !w->num[id] && pdf_get(w->f, id)) {
            w->order[w->nkept] = id;
            w->num[id] = ++w->nkept;
        }
        break;
    }
    case PDF_ARRAY:
        for (int i = 0; i < v->n; i++)
            reach(w, v->items[i], depth + 1);
        break;
    case PDF_DICT:
        for (int i = 0; i < v->n; i++)
            reach(w, v->items[i], depth + 1);
        break;
    case PDF_STREAM:
        for (int i = 0; i < v->dict->n; i++)
            if (strcmp(v->dict->keys[i], "Length"))
                reach(w, v->dict->items[i], depth + 1);
        break;
    default:
        break;
    }
}

/* n bytes at data compressed by zlib at level into *out (malloc'd). */
static int
deflate_bytes(const unsigned char *data, size_t n, int level, unsigned char **out, size_t *len)
{
    uLongf cap = compressBound((uLong)n);
    *out = malloc(cap);
    if (!*out)
        return 0;
    if (compress2(*out, &cap, data, (uLong)n, level) != Z_OK) {
        free(*out);
        *out = NULL;
        return 0;
    }
    *len = cap;
    return 1;
}

/* "N 0 obj <<dict>> stream … endstream endobj", data compressed first
 * when compress says so; dict gets the stream's /Length (and /Filter). */
static void
put_stream(Writer *w, Out *o, int num, PdfObj *dict, const unsigned char *data, size_t n,
           int compress)
{
    unsigned char *z = NULL;
    size_t zn = 0;
    if (compress && !deflate_bytes(data, n, w->level, &z, &zn)) {
        o->failed = 1;
        return;
    }
    if (compress)
        pdf_set(w->f, dict, "Filter", pdf_new_name(w->f, "FlateDecode"));
    pdf_set(w->f, dict, "Length", pdf_new_int(w->f, (long long)(compress ? zn : n)));
    out_fmt(o, "%lld 0 obj\n", num);
    put_value(w, o, dict);
    out_str(o, "\nstream\n");
    out_bytes(o, compress ? z : data, compress ? zn : n);
    out_str(o, "\nendstream\nendobj\n");
    free(z);
}

/* Streams without a filter are compressed, but for the XMP metadata, which
 * PDF/A wants readable as it is. */
static int
to_compress(const PdfObj *s)
{
    return !pdf_key_raw(s->dict, "Filter") &&
           !pdf_is_name(pdf_key_raw(s->dict, "Type"), "Metadata");
}

static void
put_xref_field(Out *o, unsigned long long v, int bytes)
{
    unsigned char b[8];
    for (int i = bytes - 1; i >= 0; i--) {
        b[i] = (unsigned char)(v & 0xFF);
        v >>= 8;
    }
    out_bytes(o, b, (size_t)bytes);
}

Status
pdf_write(PdfFile *f, Run *r, int level, unsigned char **out, size_t *out_len)
{
    Status st = STATUS_IO;
    Writer w = {.f = f, .level = level};
    Out o = {0}, xref = {0};
    size_t *where = NULL;            /* per output number: offset (a stream, an object stream) */
    int *in_stm = NULL, *idx = NULL; /* per output number: its object stream and index */
    *out = NULL;
    *out_len = 0;

    w.num = calloc((size_t)f->size, sizeof(int));
    w.order = calloc((size_t)f->size, sizeof(int));
    PdfObj *root = pdf_key_raw(f->trailer, "Root"), *info = pdf_key_raw(f->trailer, "Info");
    if (!w.num || !w.order || !root || root->kind != PDF_REF)
        goto out;
    reach(&w, root, 0);
    reach(&w, info, 0);
    for (int k = 0; k < w.nkept && !f->failed; k++)
        reach(&w, f->obj[w.order[k]], 0);
    if (f->failed)
        goto out;

    /* Numbers: the objects kept 1..nkept, then their object streams, then
     * the cross-reference stream. */
    int nplain = 0;
    for (int k = 0; k < w.nkept; k++)
        nplain += f->obj[w.order[k]]->kind != PDF_STREAM;
    int nstm = (nplain + OBJSTM_SIZE - 1) / OBJSTM_SIZE;
    int total = w.nkept + nstm + 1; /* the xref stream's number */
    where = calloc((size_t)total + 1, sizeof(*where));
    in_stm = calloc((size_t)total + 1, sizeof(int));
    idx = calloc((size_t)total + 1, sizeof(int));
    if (!where || !in_stm || !idx)
        goto out;

    out_bytes(&o, "%PDF-1.7\n%\xBF\xF7\xA2\xFE\n", 15);
    /* The object streams first, then the streams. */
    int k = 0;
    for (int s = 0; s < nstm; s++) {
        Out head = {0}, body = {0};
        int count = 0, stm = w.nkept + 1 + s;
        for (; k < w.nkept && count < OBJSTM_SIZE; k++) {
            PdfObj *v = f->obj[w.order[k]];
            if (v->kind == PDF_STREAM)
                continue;
            int num = k + 1;
            char buf[48];
            snprintf(buf, sizeof buf, "%s%d %zu", count ? " " : "", num, body.n);
            out_str(&head, buf);
            put_value(&w, &body, v);
            out_bytes(&body, "\n", 1);
            in_stm[num] = stm;
            idx[num] = count++;
        }
        out_bytes(&head, "\n", 1);
        size_t first = head.n;
        out_bytes(&head, body.p, body.n);
        free(body.p);
        if (head.failed || body.failed) {
            free(head.p);
            goto out;
        }
        char dict[96];
        snprintf(dict, sizeof dict, "<< /Type /ObjStm /N %d /First %zu >>", count, first);
        where[stm] = o.n;
        put_stream(&w, &o, stm, pdf_parse(f, dict), head.p, head.n, 1);
        free(head.p);
    }
    for (k = 0; k < w.nkept; k++) {
        PdfObj *v = f->obj[w.order[k]];
        if (v->kind != PDF_STREAM)
            continue;
        where[k + 1] = o.n;
        put_stream(&w, &o, k + 1, v->dict, v->data, v->data_len, to_compress(v));
    }
    if (o.failed || f->failed)
        goto out;

    /* The cross-reference stream: 1 byte of type, 4 of offset or object
     * stream, 2 of generation or index; /ID a digest of all before it. */
    where[total] = o.n;
    for (int num = 0; num <= total; num++) {
        if (num == 0) {
            put_xref_field(&xref, 0, 1), put_xref_field(&xref, 0, 4),
                put_xref_field(&xref, 0xFFFF, 2);
        } else if (in_stm[num]) {
            put_xref_field(&xref, 2, 1), put_xref_field(&xref, (unsigned)in_stm[num], 4),
                put_xref_field(&xref, (unsigned)idx[num], 2);
        } else {
            put_xref_field(&xref, 1, 1), put_xref_field(&xref, where[num], 4),
                put_xref_field(&xref, 0, 2);
        }
    }
    if (xref.failed || o.n > 0xFFFFFFFFu)
        goto out;
    gchar *md5 = g_compute_checksum_for_data(G_CHECKSUM_MD5, o.p, o.n);
    char dict[256];
    snprintf(dict, sizeof dict, "<< /Type /XRef /Size %d /W [1 4 2] /ID [<%s><%s>] >>", total + 1,
             md5 ? md5 : "", md5 ? md5 : "");
    PdfObj *xd = pdf_parse(f, dict);
    pdf_set(f, xd, "Root", root);
    if (info && info->kind == PDF_REF && pdf_id(info) < f->size && w.num[pdf_id(info)])
        pdf_set(f, xd, "Info", info);
    g_free(md5);
    if (!xd || f->failed)
        goto out;
    put_stream(&w, &o, total, xd, xref.p, xref.n, 1);
    out_fmt(&o, "startxref\n%lld\n%%%%EOF\n", (long long)where[total]);
    if (o.failed || f->failed)
        goto out;
    *out = o.p;
    *out_len = o.n;
    o.p = NULL;
    st = STATUS_OK;
out:
    if (st != STATUS_OK && f->failed && !f->a->failed)
        run_diag(r, DIAG_ERROR, 0, 0, _("the PDF just drawn could not be read back: %s"),
                 _("its structure is not the one Cairo writes"));
    else if (st != STATUS_OK)
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while writing the PDF"));
    free(o.p);
    free(xref.p);
    free(where);
    free(in_stm);
    free(idx);
    free(w.num);
    free(w.order);
    return st;
}
