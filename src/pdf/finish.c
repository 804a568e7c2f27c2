/*
 * pdf/finish.c — the finish stage: Cairo's objects completed from paint's
 * record, then written once (pdf/object.c).
 *
 * Objects live in the run's arena and are parsed when first reached. The
 * structure tree is walked only through /K, never /P, so a malformed tree
 * cannot make the walk loop; depth and counts are bounded. What paint drew
 * (its record) says what each Figure, cell, link and signature area is;
 * the tree, walked once, says which element it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "paint/paint.h"
#include "pdf/finish.h"
#include "pdf/internal.h"
#include "core/i18n.h"

/* zlib's level for every stream written. Measured on the bench's minutes
 * (callgrind, one document): level 6, zlib's default, 60.8 KB for 12.7 M
 * instructions in compress2; level 3, 63.1 KB for 7.5 M; level 1, 64.4 KB
 * for 7.0 M. Level 3 keeps most of the time for little of the size. */
#ifndef FINISH_ZLIB_LEVEL
#define FINISH_ZLIB_LEVEL 3
#endif

/* Elements below the tree's root (arrays of kids do not count): as deep as
 * paint nests its tags, so that no Figure or Div painted is missed. */
#define MAX_DEPTH PAINT_MAX_TAGS
#define MAX_ELEMS 100000

int
pdf_is_signed(const unsigned char *data, size_t n)
{
    return data && memmem(data, n, "/ByteRange", 10) != NULL;
}

/* --- pages ------------------------------------------------------------------- */

/* Appends the pages under node (a /Pages or a /Page) to *list. */
static void
collect_pages(PdfFile *f, PdfObj *node, PdfObj ***list, int *n, int *cap, int depth)
{
    if (!node || depth > MAX_DEPTH)
        return;
    if (pdf_key_is(f, node, "Type", "Page")) {
        if (*n == *cap) {
            int more = *cap ? *cap * 2 : 16;
            PdfObj **grown = realloc(*list, (size_t)more * sizeof(**list));
            if (!grown) {
                f->failed = 1;
                return;
            }
            *list = grown;
            *cap = more;
        }
        (*list)[(*n)++] = node;
        return;
    }
    PdfObj *kids = pdf_key(f, node, "Kids");
    for (int i = 0; kids && kids->kind == PDF_ARRAY && i < kids->n; i++)
        collect_pages(f, pdf_resolve(f, kids->items[i]), list, n, cap, depth + 1);
}

int
pdf_pages(PdfFile *f, PdfObj ***out)
{
    int n = 0, cap = 0;
    *out = NULL;
    collect_pages(f, pdf_key(f, pdf_key(f, f->trailer, "Root"), "Pages"), out, &n, &cap, 0);
    return n;
}

/* --- the structure tree ---------------------------------------------------- */

/* Appends e to l; 0 out of memory (the list then no longer counts the tree). */
static int
list_push(PdfList *l, PdfObj *e)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        PdfObj **more = realloc(l->items, (size_t)cap * sizeof(*more));
        if (!more)
            return 0;
        l->items = more;
        l->cap = cap;
    }
    l->items[l->n++] = e;
    return 1;
}

/* Collects the Figure, Div, TH, TD and Link elements under k (an element, or
 * an array of kids) in document order, through /K only, within MAX_DEPTH and
 * MAX_ELEMS (failed is set beyond them: the lists would be short). Only a
 * Link's kids are not looked at (its text and its OBJR); a P holds Links, a
 * cell may hold a table. */
static void
walk(PdfFile *f, PdfTree *t, PdfObj *k, int depth)
{
    k = pdf_resolve(f, k);
    if (!k)
        return;
    if (depth > MAX_DEPTH || ++t->count > MAX_ELEMS) {
        t->failed = 1;
        return;
    }
    if (k->kind == PDF_ARRAY) {
        for (int i = 0; i < k->n; i++)
            walk(f, t, k->items[i], depth);
        return;
    }
    PdfObj *s = pdf_key(f, k, "S");
    if (k->kind != PDF_DICT || !s || s->kind != PDF_NAME)
        return; /* a marked-content id, an OBJR */
    PdfList *list = pdf_is_name(s, "Figure")                       ? &t->figures
                    : pdf_is_name(s, "Div")                        ? &t->divs
                    : pdf_is_name(s, "TH") || pdf_is_name(s, "TD") ? &t->cells
                    : pdf_is_name(s, "Link")                       ? &t->links
                                                                   : NULL;
    if (list && !list_push(list, k))
        t->failed = 1;
    if (list != &t->links)
        walk(f, t, pdf_key_raw(k, "K"), depth + 1);
}

/* Appends item to the /K of element, making /K an array when it is not. */
static void
add_kid(PdfFile *f, PdfObj *element, PdfObj *item)
{
    PdfObj *k = pdf_key(f, element, "K");
    if (k && k->kind == PDF_ARRAY) {
        pdf_push(f, k, item);
        return;
    }
    PdfObj *arr = pdf_new_array(f);
    PdfObj *raw = pdf_key_raw(element, "K");
    if (raw && raw->kind != PDF_NULL)
        pdf_push(f, arr, raw);
    pdf_push(f, arr, item);
    pdf_set(f, element, "K", arr);
}

/* The next free key of the parent tree (Cairo writes a flat /Nums). */
static int
next_parent_key(PdfFile *f, PdfObj *tree)
{
    PdfObj *next = pdf_key(f, tree, "ParentTreeNextKey");
    if (next && next->kind == PDF_INT)
        return (int)next->i;
    PdfObj *nums = pdf_key(f, pdf_key(f, tree, "ParentTree"), "Nums");
    int key = 0;
    for (int i = 0; nums && nums->kind == PDF_ARRAY && i + 1 < nums->n; i += 2) {
        PdfObj *v = pdf_resolve(f, nums->items[i]);
        if (v && v->kind == PDF_INT && v->i >= key)
            key = (int)v->i + 1;
    }
    return key;
}

/* --- artifacts --------------------------------------------------------------
 *
 * Cairo 1.16 cannot mark an artifact, so paint draws running headers and
 * footers, and frames that belong to no block, inside NonStruct elements of
 * their own (paint/paint.c). Here each such element whose kids are only
 * marked content leaves the structure tree and the parent tree, and its
 * marked content "/NonStruct << /MCID n >> BDC" becomes "/Artifact BMC".
 * The same pass drops the empty spans Cairo writes for the characters that
 * have no glyph (a soft hyphen inside a line, the space at a line's end):
 * "/Span << /ActualText <feff00ad> >> BDC" then "EMC" show nothing, and
 * nested spans cut the text of their paragraph short for some readers
 * (poppler's). Cairo writes each of these operators on a line of its own. */

typedef struct Mark {
    int page; /* object id of the page */
    int mcid;
} Mark;

typedef struct Artifacts {
    int *elems;  /* object ids of the elements taken out of the tree */
    Mark *marks; /* their marked content; both sorted once collected */
    int n, cap;
} Artifacts;

/* 1 when a has room for one more mark, grown when full; 0 out of memory. */
static int
room(Artifacts *a)
{
    if (a->n < a->cap)
        return 1;
    int cap = a->cap * 2;
    int *elems = realloc(a->elems, (size_t)cap * sizeof(int));
    if (elems)
        a->elems = elems;
    Mark *marks = elems ? realloc(a->marks, (size_t)cap * sizeof(Mark)) : NULL;
    if (!marks)
        return 0;
    a->marks = marks;
    a->cap = cap;
    return 1;
}

/* 1 when the kids of element e are only marked-content ids; their ids and
 * page go to a. */
static int
note_marks(PdfFile *f, PdfObj *e, Artifacts *a)
{
    PdfObj *k = pdf_key(f, e, "K");
    int page = pdf_id(pdf_key_raw(e, "Pg"));
    int n = k && k->kind == PDF_ARRAY ? k->n : 1;
    int start = a->n, ok = page > 0 && e->id > 0 && k;
    for (int i = 0; ok && i < n; i++) {
        PdfObj *kid = k->kind == PDF_ARRAY ? pdf_resolve(f, k->items[i]) : k;
        if (!kid || kid->kind != PDF_INT || !room(a)) {
            ok = 0;
            break;
        }
        a->marks[a->n].page = page;
        a->marks[a->n].mcid = (int)kid->i;
        a->elems[a->n] = e->id;
        a->n++;
    }
    if (!ok)
        a->n = start;
    return ok;
}

static int
compare_marks(const void *x, const void *y)
{
    const Mark *a = x, *b = y;
    return a->page != b->page ? (a->page > b->page) - (a->page < b->page)
                              : (a->mcid > b->mcid) - (a->mcid < b->mcid);
}

static int
is_marked(const Artifacts *a, int page, int mcid)
{
    Mark key = {page, mcid};
    return bsearch(&key, a->marks, (size_t)a->n, sizeof(Mark), compare_marks) != NULL;
}

static int
compare_ids(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* a->elems is sorted (see artifacts): one lookup per parent-tree entry. */
static int
is_removed(const Artifacts *a, int id)
{
    return id > 0 && bsearch(&id, a->elems, (size_t)a->n, sizeof(int), compare_ids) != NULL;
}

static int
line_is(const unsigned char *s, size_t n, const char *text)
{
    size_t k = strlen(text);
    return n == k && !memcmp(s, text, k);
}

/* Appends the page's content in[0, n) to o + *len with its artifacts
 * marked and its empty spans gone; o has room for n more bytes. page is
 * the object id of the page it was drawn on. */
static void
rewrite_content(unsigned char *o, size_t *len_io, const unsigned char *in, size_t n, int page,
                const Artifacts *a)
{
    static const char mc[] = "/NonStruct << /MCID ";
    size_t len = *len_io;
    for (size_t i = 0; i < n;) {
        const unsigned char *nl = memchr(in + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - in) : n, next = nl ? end + 1 : n;
        const unsigned char *line = in + i;
        size_t ll = end - i;
        if (ll > sizeof mc - 1 && !memcmp(line, mc, sizeof mc - 1)) {
            char buf[32];
            size_t k =
                ll - (sizeof mc - 1) < sizeof buf - 1 ? ll - (sizeof mc - 1) : sizeof buf - 1;
            memcpy(buf, line + sizeof mc - 1, k);
            buf[k] = '\0';
            char *rest;
            long mcid = strtol(buf, &rest, 10);
            if (rest != buf && !strcmp(rest, " >> BDC") && is_marked(a, page, (int)mcid)) {
                memcpy(o + len, "/Artifact BMC\n", 14);
                len += 14;
                i = next;
                continue;
            }
        }
        if (line_is(line, ll, "/Span << /ActualText <feff00ad> >> BDC") ||
            line_is(line, ll, "/Span << /ActualText <feff0020> >> BDC")) {
            const unsigned char *nl2 = next < n ? memchr(in + next, '\n', n - next) : NULL;
            size_t end2 = nl2 ? (size_t)(nl2 - in) : n;
            if (next < n && line_is(in + next, end2 - next, "EMC")) {
                i = nl2 ? end2 + 1 : n;
                continue;
            }
        }
        memcpy(o + len, line, next - i);
        len += next - i;
        i = next;
    }
    *len_io = len;
}

/* Takes the NonStruct kids of element e out of its /K (their marked content
 * goes to a), and does the same below the kids that paint may nest them in:
 * a list that crosses a page break holds that page's headers and footers
 * (paint/paint.c, crosses_pages). Bounded by depth: paint nests no deeper. */
static void
drop_artifacts(PdfFile *f, PdfObj *e, Artifacts *a, int depth)
{
    PdfObj *kids = pdf_key(f, e, "K");
    if (!kids || depth > MAX_DEPTH)
        return;
    if (kids->kind == PDF_DICT) { /* one kid: an L's only item */
        if (pdf_key_is(f, kids, "S", "L") || pdf_key_is(f, kids, "S", "LI") ||
            pdf_key_is(f, kids, "S", "LBody"))
            drop_artifacts(f, kids, a, depth + 1);
        return;
    }
    if (kids->kind != PDF_ARRAY)
        return;
    int kept = 0;
    for (int i = 0; i < kids->n; i++) {
        PdfObj *kid = pdf_resolve(f, kids->items[i]);
        if (kid && kid->kind == PDF_DICT) {
            if (pdf_key_is(f, kid, "S", "NonStruct") && note_marks(f, kid, a))
                continue;
            if (pdf_key_is(f, kid, "S", "L") || pdf_key_is(f, kid, "S", "LI") ||
                pdf_key_is(f, kid, "S", "LBody"))
                drop_artifacts(f, kid, a, depth + 1);
        }
        kids->items[kept++] = kids->items[i];
    }
    kids->n = kept;
}

/* A stream's bytes decoded when Flate-compressed (by a Cairo that
 * compressed its content: paint asks for plain content only for short
 * documents, paint.c), into *owned, malloc'd, which the caller frees; its
 * bytes as they are when not compressed (*owned NULL). NULL when they
 * cannot be decoded. */
static const unsigned char *
plain_content(PdfObj *st, PdfFile *f, size_t *len, unsigned char **owned)
{
    *owned = NULL;
    PdfObj *filter = pdf_key(f, st, "Filter");
    if (!filter) {
        *len = st->data_len;
        return st->data;
    }
    if (!pdf_is_name(filter, "FlateDecode") || pdf_key_raw(st, "DecodeParms"))
        return NULL;
    z_stream z = {0};
    size_t cap = st->data_len * 4 + 1024, n = 0;
    unsigned char *buf = NULL;
    if (inflateInit(&z) != Z_OK)
        return NULL;
    z.next_in = (unsigned char *)st->data;
    z.avail_in = (uInt)st->data_len;
    for (;;) {
        unsigned char *more = realloc(buf, cap);
        if (!more)
            break;
        buf = more;
        z.next_out = buf + n;
        z.avail_out = (uInt)(cap - n);
        int ret = inflate(&z, Z_NO_FLUSH);
        n = cap - z.avail_out;
        if (ret == Z_STREAM_END) {
            inflateEnd(&z);
            *len = n;
            *owned = buf;
            return buf;
        }
        if (ret != Z_OK || cap > ((size_t)1 << 30))
            break;
        cap *= 2;
    }
    inflateEnd(&z);
    free(buf);
    return NULL;
}

/* The content streams of page pg, at most MAX_PARTS of them, decoded into
 * parts; their count, or -1 when one cannot be read (what was decoded is
 * then freed). */
enum { MAX_PARTS = 64 };

typedef struct Part {
    const unsigned char *data;
    size_t len;
    unsigned char *owned; /* decoded here: freed by free_parts */
} Part;

static void
free_parts(Part *parts, int n)
{
    for (int k = 0; k < n; k++)
        free(parts[k].owned);
}

static int
content_parts(PdfFile *f, PdfObj *pg, Part *parts)
{
    PdfObj *contents = pdf_key(f, pg, "Contents");
    if (!contents)
        return 0;
    int ns = contents->kind == PDF_ARRAY ? contents->n : 1;
    if (ns > MAX_PARTS)
        return -1;
    for (int k = 0; k < ns; k++) {
        PdfObj *st = contents->kind == PDF_ARRAY ? pdf_resolve(f, contents->items[k]) : contents;
        parts[k].data = st && st->kind == PDF_STREAM
                            ? plain_content(st, f, &parts[k].len, &parts[k].owned)
                            : NULL;
        if (!parts[k].data) {
            free_parts(parts, k);
            return -1;
        }
    }
    return ns;
}

/* The first content stream of page pg, or NULL. */
static PdfObj *
first_content(PdfFile *f, PdfObj *pg)
{
    PdfObj *contents = pdf_key(f, pg, "Contents");
    if (contents && contents->kind == PDF_ARRAY)
        contents = contents->n ? pdf_resolve(f, contents->items[0]) : NULL;
    return contents && contents->kind == PDF_STREAM && contents->id ? contents : NULL;
}

/* Page pg's content rewritten (see rewrite_content), and then, when late
 * is not NULL, the late page's after it, the body's wrapped in q and Q so
 * that both start from the page's initial state: one stream, compressed
 * here, at once, so that a long document never holds all its content
 * uncompressed; it becomes pg's only one. 0 when a stream cannot be read
 * or memory runs out. */
static int
page_content(PdfFile *f, PdfObj *pg, PdfObj *late, const Artifacts *a, int level)
{
    Part body[MAX_PARTS], more[MAX_PARTS];
    int nb = content_parts(f, pg, body);
    int nm = nb >= 0 && late ? content_parts(f, late, more) : 0;
    int ok = 0;
    unsigned char *o = NULL;
    if (nb < 0 || nm < 0)
        goto out;
    ok = 1;
    if (nb == 0 && nm == 0)
        goto out;
    size_t total = 8;
    for (int k = 0; k < nb; k++)
        total += body[k].len + 1;
    for (int k = 0; k < nm; k++)
        total += more[k].len + 1;
    ok = 0;
    o = malloc(total);
    if (!o)
        goto out;
    size_t len = 0;
    if (nm) {
        memcpy(o, "q\n", 2);
        len = 2;
    }
    for (int k = 0; k < nb; k++) {
        rewrite_content(o, &len, body[k].data, body[k].len, pg->id, a);
        if (len && o[len - 1] != '\n')
            o[len++] = '\n'; /* streams in an array join at a token's end */
    }
    if (nm) {
        memcpy(o + len, "Q\n", 2);
        len += 2;
    }
    for (int k = 0; k < nm; k++) {
        rewrite_content(o, &len, more[k].data, more[k].len, late->id, a);
        if (len && o[len - 1] != '\n')
            o[len++] = '\n';
    }
    /* The body page's first stream holds it all; a page with no content of
     * its own takes its late page's. */
    PdfObj *st = first_content(f, pg);
    if (!st && late)
        st = first_content(f, late);
    uLongf zn = compressBound((uLong)len);
    unsigned char *z = st ? malloc(zn) : NULL;
    unsigned char *kept = z && compress2(z, &zn, o, (uLong)len, level) == Z_OK
                              ? arena_alloc(f->a, zn ? zn : 1)
                              : NULL;
    if (kept)
        memcpy(kept, z, zn);
    free(z);
    if (!kept)
        goto out;
    st->data = kept;
    st->data_len = zn;
    pdf_set(f, st, "Filter", pdf_new_name(f, "FlateDecode"));
    pdf_set(f, st, "DecodeParms", NULL);
    pdf_set(f, pg, "Contents", pdf_new_ref(f, st->id));
    ok = 1;
out:
    free(o);
    if (nb > 0)
        free_parts(body, nb);
    if (nm > 0)
        free_parts(more, nm);
    return ok;
}

/* Marks the artifacts of every page's content and empties its empty
 * spans, each body page getting its late page's content after its own
 * (late_of[p]: the late page of body page p, or NULL). */
static void
artifacts(PdfFile *f, PdfObj **pages, int npages, PdfObj **late_of, int level)
{
    Artifacts a = {0};
    a.cap = 1024;
    a.elems = calloc((size_t)a.cap, sizeof(int));
    a.marks = calloc((size_t)a.cap, sizeof(Mark));
    if (!a.elems || !a.marks) {
        f->failed = 1;
        goto out;
    }
    PdfObj *tree = pdf_key(f, pdf_key(f, f->trailer, "Root"), "StructTreeRoot");
    PdfObj *doc = tree && tree->kind == PDF_DICT ? pdf_key(f, tree, "K") : NULL;
    if (doc && doc->kind == PDF_ARRAY)
        doc = doc->n ? pdf_resolve(f, doc->items[0]) : NULL;
    if (doc) {
        /* The tree: every element keeps its other kids. */
        drop_artifacts(f, doc, &a, 0);
        qsort(a.elems, (size_t)a.n, sizeof(int), compare_ids);
        qsort(a.marks, (size_t)a.n, sizeof(Mark), compare_marks);

        /* The parent tree: their entries become null (Cairo's /Nums is flat). */
        PdfObj *nums = pdf_key(f, pdf_key(f, tree, "ParentTree"), "Nums");
        for (int i = 1; a.n && nums && nums->kind == PDF_ARRAY && i < nums->n; i += 2) {
            PdfObj *list = pdf_resolve(f, nums->items[i]);
            for (int j = 0; list && list->kind == PDF_ARRAY && j < list->n; j++)
                if (is_removed(&a, pdf_id(list->items[j])))
                    list->items[j] = pdf_new_null(f);
        }
    }

    /* The content streams. */
    for (int p = 0; p < npages; p++)
        if (!page_content(f, pages[p], late_of ? late_of[p] : NULL, &a, level))
            f->failed = 1;
out:
    free(a.elems);
    free(a.marks);
}

/* --- late margins -------------------------------------------------------------
 *
 * Paint draws the headers and footers that show the page count once the
 * count is known, after every body page, each on a page of its own
 * (paint.h, PaintRecord). artifacts() put each such page's content after
 * its body page's; here its resources join the body page's (Cairo names
 * each resource once for the whole document, so a name means the same
 * object on every page), its annotations move too, and the page leaves the
 * page tree and the parent tree. */

/* Adds to dict `to` the keys of dict `from` it lacks; a key both hold with
 * dictionaries is merged the same way, one level down. */
static void
merge_dict(PdfFile *f, PdfObj *to, PdfObj *from, int depth)
{
    for (int i = 0; from && to && i < from->n; i++) {
        const char *key = from->keys[i];
        PdfObj *mine = pdf_key(f, to, key);
        if (!mine) {
            pdf_set(f, to, key, from->items[i]);
            continue;
        }
        PdfObj *theirs = pdf_resolve(f, from->items[i]);
        if (depth == 0 && mine->kind == PDF_DICT && theirs && theirs->kind == PDF_DICT)
            merge_dict(f, mine, theirs, depth + 1);
    }
}

static void
drop_parent_key(PdfFile *f, PdfObj *page)
{
    PdfObj *key = pdf_key(f, page, "StructParents");
    PdfObj *tree = pdf_key(f, pdf_key(f, f->trailer, "Root"), "StructTreeRoot");
    PdfObj *nums = pdf_key(f, pdf_key(f, tree, "ParentTree"), "Nums");
    if (!key || key->kind != PDF_INT || !nums || nums->kind != PDF_ARRAY)
        return;
    int kept = 0;
    for (int i = 0; i + 1 < nums->n; i += 2) {
        PdfObj *k = pdf_resolve(f, nums->items[i]);
        if (k && k->kind == PDF_INT && k->i == key->i)
            continue;
        nums->items[kept++] = nums->items[i];
        nums->items[kept++] = nums->items[i + 1];
    }
    nums->n = kept;
}

/* The late pages of rec (pages npages .. npages + nlate - 1 of pages,
 * paired in late_of with their body pages), merged into them and gone
 * from the page tree. 0 when the file is not as paint drew it. */
static int
late_pages(PdfFile *f, PdfObj **pages, int npages, const PaintRecord *rec, PdfObj ***late_of)
{
    *late_of = NULL;
    int nlate = rec ? rec->nlate : 0;
    if (!nlate)
        return 1;
    int nbody = rec->npages;
    if (npages != nbody + nlate)
        return 0;
    PdfObj *tree = pdf_key(f, pdf_key(f, f->trailer, "Root"), "Pages");
    PdfObj *kids = pdf_key(f, tree, "Kids");
    /* Cairo's page tree is one node: its kids are the pages in order. */
    if (!kids || kids->kind != PDF_ARRAY || kids->n != npages)
        return 0;
    for (int i = 0; i < npages; i++)
        if (pdf_id(kids->items[i]) != pages[i]->id)
            return 0;
    PdfObj **of = arena_alloc_array(f->a, (size_t)nbody, sizeof(*of));
    if (!of)
        return 0;
    for (int j = 0; j < nlate; j++) {
        int b = rec->late[j];
        if (b < 0 || b >= nbody || of[b])
            return 0;
        PdfObj *body = pages[b], *late = pages[nbody + j];
        of[b] = late;
        PdfObj *res = pdf_key(f, body, "Resources");
        PdfObj *more = pdf_key(f, late, "Resources");
        if (more && more->kind == PDF_DICT) {
            if (!res || res->kind != PDF_DICT) {
                res = pdf_new_dict(f);
                pdf_set(f, body, "Resources", res);
            }
            merge_dict(f, res, more, 0);
        }
        PdfObj *annots = pdf_key(f, late, "Annots");
        for (int i = 0; annots && annots->kind == PDF_ARRAY && i < annots->n; i++) {
            PdfObj *a = pdf_resolve(f, annots->items[i]);
            PdfObj *mine = pdf_key(f, body, "Annots");
            if (!mine || mine->kind != PDF_ARRAY) {
                mine = pdf_new_array(f);
                pdf_set(f, body, "Annots", mine);
            }
            if (a && a->kind == PDF_DICT)
                pdf_set(f, a, "P", pdf_new_ref(f, body->id));
            pdf_push(f, mine, annots->items[i]);
        }
        drop_parent_key(f, late);
    }
    kids->n = nbody;
    pdf_set(f, tree, "Count", pdf_new_int(f, nbody));
    *late_of = of;
    return 1;
}

/* --- the phases --------------------------------------------------------------- */

/* Sets the Info dictionary's key to the bytes of value. */
static void
set_info(PdfFile *f, PdfObj *info, const char *key, const char *value, size_t n)
{
    if (info && info->kind == PDF_DICT)
        pdf_set(f, info, key, pdf_new_bytes(f, value, n));
}

static void
catalog(PdfFile *f, const FinishOptions *opt)
{
    PdfObj *root = pdf_key(f, f->trailer, "Root");
    pdf_set(f, root, "Lang", pdf_new_text(f, opt->lang ? opt->lang : "fr-FR"));
    pdf_set(f, root, "ViewerPreferences", pdf_parse(f, "<< /DisplayDocTitle true >>"));
    /* Cairo writes no structure when nothing was tagged (an empty body):
     * PDF/UA still wants a marked file with a tree, here one empty Document. */
    PdfObj *tree = pdf_key(f, root, "StructTreeRoot");
    if (!tree || tree->kind != PDF_DICT) {
        tree = pdf_parse(f, "<< /Type /StructTreeRoot /ParentTree << /Nums [] >> "
                            "/ParentTreeNextKey 0 >>");
        PdfObj *doc = pdf_parse(f, "<< /Type /StructElem /S /Document >>");
        int tid = pdf_add(f, tree), did = pdf_add(f, doc);
        pdf_set(f, doc, "P", pdf_new_ref(f, tid));
        pdf_set(f, tree, "K", pdf_new_ref(f, did));
        pdf_set(f, root, "StructTreeRoot", pdf_new_ref(f, tid));
        pdf_set(f, root, "MarkInfo", pdf_parse(f, "<< /Marked true >>"));
    }
    PdfObj *info = pdf_key(f, f->trailer, "Info");
    if (opt->producer)
        pdf_set(f, info, "Producer", pdf_new_text(f, opt->producer));
    /* Cairo 1.16 writes dates without their "D:" prefix. */
    static const char *const dates[] = {"CreationDate", "ModDate"};
    for (int i = 0; i < 2; i++) {
        PdfObj *v = pdf_key(f, info, dates[i]);
        if (v && v->kind == PDF_STRING && v->len && v->len < 60 && strncmp(v->s, "D:", 2)) {
            char buf[64];
            int k = snprintf(buf, sizeof buf, "D:%.*s", (int)v->len, v->s);
            set_info(f, info, dates[i], buf, (size_t)k);
        }
    }
}

/* The i-th alternative text goes to the i-th Figure, only when the tree holds
 * as many Figures as paint drew: one missing would give every later Figure
 * the text of another. */
static void
alternative_texts(Run *r, PdfFile *f, const PaintRecord *rec, const PdfTree *t)
{
    int nalts = rec ? rec->nfigures : 0;
    if (t->figures.n != nalts) {
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the images and charts are left without their text alternatives: the "
                          "PDF's structure holds %d Figure element for %d of them",
                          "the images and charts are left without their text alternatives: the "
                          "PDF's structure holds %d Figure elements for %d of them",
                          t->figures.n),
                 t->figures.n, nalts);
        return;
    }
    for (int i = 0; i < t->figures.n; i++)
        if (rec->figures[i])
            pdf_set(f, t->figures.items[i], "Alt", pdf_new_text(f, rec->figures[i]));
}

static void
links_and_tabs(PdfFile *f, PdfObj **pages, int npages)
{
    for (int p = 0; p < npages; p++) {
        PdfObj *annots = pdf_key(f, pages[p], "Annots");
        int n = annots && annots->kind == PDF_ARRAY ? annots->n : 0;
        for (int i = 0; i < n; i++) {
            PdfObj *a = pdf_resolve(f, annots->items[i]);
            if (pdf_key_is(f, a, "Subtype", "Link"))
                pdf_set(f, a, "F", pdf_new_int(f, 4));
        }
        if (n > 0)
            pdf_set(f, pages[p], "Tabs", pdf_new_name(f, "S"));
    }
}

static void
signature_fields(Run *r, PdfFile *f, PdfObj **pages, int npages, const FinishOptions *opt,
                 const PdfTree *t)
{
    const PaintRecord *rec = opt->record;
    int nsigs = opt->sign && rec ? rec->nsigs : 0;
    if (nsigs <= 0)
        return;
    /* Each field's Form element goes in its block's Div when the tree holds
     * one Div per field, else in the document element: never in the Div of
     * another signatory. */
    int in_divs = t->divs.n == nsigs;
    if (!in_divs)
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the signature fields are tagged outside their blocks: the PDF's "
                          "structure holds %d Div element for %d of them",
                          "the signature fields are tagged outside their blocks: the PDF's "
                          "structure holds %d Div elements for %d of them",
                          t->divs.n),
                 t->divs.n, nsigs);
    PdfObj *root = pdf_key(f, f->trailer, "Root");
    PdfObj *tree = pdf_key(f, root, "StructTreeRoot");
    PdfObj *nums = pdf_key(f, pdf_key(f, tree, "ParentTree"), "Nums");
    int tagged = nums && nums->kind == PDF_ARRAY;
    int key = tagged ? next_parent_key(f, tree) : 0;
    PdfObj *fields = pdf_new_array(f);

    for (int i = 0; i < nsigs; i++) {
        const PaintSignature *s = &rec->sigs[i];
        if (s->page < 0 || s->page >= npages)
            continue;
        PdfObj *page = pages[s->page];
        char buf[160];

        /* An empty appearance: the visible frame is in the page content. */
        snprintf(buf, sizeof buf, "<< /Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] >>",
                 s->x1 - s->x0, s->y1 - s->y0);
        int ap = pdf_add(f, pdf_new_stream(f, pdf_parse(f, buf), "", 0));

        snprintf(buf, sizeof buf,
                 "<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect [%.2f %.2f %.2f %.2f] >>",
                 s->x0, s->y0, s->x1, s->y1);
        PdfObj *field = pdf_parse(f, buf);
        int fid = pdf_add(f, field);
        pdf_set(f, field, "T", pdf_new_text(f, s->name));
        pdf_set(f, field, "TU", pdf_new_text(f, s->label));
        pdf_set(f, field, "P", pdf_new_ref(f, page->id));
        PdfObj *apdict = pdf_new_dict(f);
        pdf_set(f, apdict, "N", pdf_new_ref(f, ap));
        pdf_set(f, field, "AP", apdict);

        PdfObj *annots = pdf_key(f, page, "Annots");
        if (!annots || annots->kind != PDF_ARRAY) {
            annots = pdf_new_array(f);
            pdf_set(f, page, "Annots", annots);
        }
        pdf_push(f, annots, pdf_new_ref(f, fid));
        pdf_set(f, page, "Tabs", pdf_new_name(f, "S"));
        pdf_push(f, fields, pdf_new_ref(f, fid));

        if (tagged) {
            /* A Form element in the signature block's Div (else in the
             * document element), reaching the widget by an OBJR. */
            PdfObj *parent = in_divs ? t->divs.items[i] : pdf_key(f, tree, "K");
            if (parent && parent->kind == PDF_ARRAY)
                parent = parent->n ? pdf_resolve(f, parent->items[0]) : NULL;
            if (!parent || !parent->id)
                continue;
            PdfObj *objr = pdf_parse(f, "<< /Type /OBJR >>");
            pdf_set(f, objr, "Obj", pdf_new_ref(f, fid));
            pdf_set(f, objr, "Pg", pdf_new_ref(f, page->id));
            PdfObj *form = pdf_parse(f, "<< /Type /StructElem /S /Form >>");
            int formid = pdf_add(f, form);
            pdf_set(f, form, "P", pdf_new_ref(f, parent->id));
            pdf_set(f, form, "K", objr);
            pdf_set(f, form, "Alt", pdf_new_text(f, s->label));
            add_kid(f, parent, pdf_new_ref(f, formid));
            pdf_set(f, field, "StructParent", pdf_new_int(f, key));
            pdf_push(f, nums, pdf_new_int(f, key));
            pdf_push(f, nums, pdf_new_ref(f, formid));
            key++;
        }
    }
    if (tagged)
        pdf_set(f, tree, "ParentTreeNextKey", pdf_new_int(f, key));
    PdfObj *form = pdf_new_dict(f);
    pdf_set(f, form, "Fields", fields);
    pdf_set(f, root, "AcroForm", pdf_new_ref(f, pdf_add(f, form)));
}

Status
pdf_finish(Run *r, const unsigned char *in, size_t n, const FinishOptions *opt, unsigned char **out,
           size_t *out_len)
{
    Status st = STATUS_IO;
    PdfFile f;
    PdfTree t = {0};
    PdfObj **pages = NULL;

    *out = NULL;
    *out_len = 0;
    if (pdf_read(&f, &r->arena, in, n) != STATUS_OK || !pdf_key(&f, f.trailer, "Root")) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the PDF just drawn could not be read back: %s"),
                 _("its structure is not the one Cairo writes"));
        goto out;
    }
    int npages = pdf_pages(&f, &pages);
    PdfObj **late_of = NULL;
    if (!late_pages(&f, pages, npages, opt->record, &late_of)) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the PDF just drawn could not be read back: %s"),
                 _("its structure is not the one Cairo writes"));
        goto out;
    }
    if (late_of)
        npages = opt->record->npages;

    catalog(&f, opt);
    artifacts(&f, pages, npages, late_of, FINISH_ZLIB_LEVEL);
    /* The tree is walked once, for every pass that pairs its elements with
     * what paint drew; with nothing to pair, not at all. */
    const PaintRecord *rec = opt->record;
    PdfObj *tree = pdf_key(&f, pdf_key(&f, f.trailer, "Root"), "StructTreeRoot");
    if (tree && rec && (rec->nfigures || (opt->sign && rec->nsigs) || rec->ncells || rec->nlinks))
        walk(&f, &t, pdf_key_raw(tree, "K"), 0);
    alternative_texts(r, &f, rec, &t);
    pdf_apply_record(r, &f, pages, npages, opt, &t);
    links_and_tabs(&f, pages, npages);
    signature_fields(r, &f, pages, npages, opt, &t);
    pdf_conformance(r, &f, opt->lang ? opt->lang : "fr-FR");
    if (f.failed) {
        if (r->arena.failed)
            run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while finishing the PDF"));
        else
            run_diag(r, DIAG_ERROR, 0, 0, _("the PDF just drawn could not be read back: %s"),
                     _("its structure is not the one Cairo writes"));
        goto out;
    }
    st = pdf_write(&f, r, FINISH_ZLIB_LEVEL, out, out_len);
out:
    free(pages);
    free(t.figures.items);
    free(t.divs.items);
    free(t.cells.items);
    free(t.links.items);
    return st;
}
