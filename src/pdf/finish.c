/*
 * pdf/finish.c — the finish stage with libqpdf's C API.
 *
 * Everything is done on object handles of one qpdf_data, released together
 * by qpdf_cleanup. libqpdf does not abort on errors: each phase ends with a
 * check of qpdf_has_error, and its warnings are drained so that none reaches
 * stderr. The structure tree is walked only through /K, never /P, so a
 * malformed tree cannot make the walk loop; depth and counts are bounded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "paint/paint.h"
#include "pdf/finish.h"
#include "pdf/internal.h"
#include "core/i18n.h"

/* Elements below the tree's root (arrays of kids do not count): as deep as
 * paint nests its tags, so that no Figure or Div painted is missed. */
#define MAX_DEPTH PAINT_MAX_TAGS
#define MAX_ELEMS 100000

/* --- signature fields and Figures from the pages ------------------------- */

int
pdf_signatures(Arena *a, const Pages *pages, FinishSignature **out)
{
    int n = 0;
    *out = NULL;
    for (const Page *pg = pages->first; pg; pg = pg->next)
        for (const Frag *f = pg->first; f; f = f->next)
            n += f->kind == FRAG_SIGNATURE;
    FinishSignature *s = n ? arena_alloc_array(a, n, sizeof(*s)) : NULL;
    if (!s)
        return 0;
    int i = 0;
    double height = doc_pt(pages->doc->page_height);
    for (const Page *pg = pages->first; pg; pg = pg->next)
        for (const Frag *f = pg->first; f; f = f->next) {
            if (f->kind != FRAG_SIGNATURE)
                continue;
            const Box *b = f->box;
            const char *role = b->sig_role ? b->sig_role->text : NULL;
            const char *name = b->sig_name ? b->sig_name->text : NULL;
            s[i].name = b->id ? b->id : arena_printf(a, "Signature-%d", i + 1);
            s[i].label = role && name ? arena_printf(a, "%s, %s", role, name)
                         : role       ? role
                         : name       ? name
                                      : s[i].name;
            s[i].page = pg->number - 1;
            s[i].x0 = doc_pt(f->x);
            s[i].x1 = doc_pt(f->x + f->w);
            s[i].y0 = height - doc_pt(f->y + f->h);
            s[i].y1 = height - doc_pt(f->y);
            i++;
        }
    if (a->failed)
        return 0; /* a name or a label is missing: the caller sees the arena's failure */
    *out = s;
    return n;
}

/* The fragments paint tags as a Figure (paint/paint.h). */
static int
is_figure(const Frag *f)
{
    return (f->kind == FRAG_IMAGE || f->kind == FRAG_CHART) && f->role != ROLE_ARTIFACT;
}

int
pdf_figures(Arena *a, const Pages *pages, const char ***out)
{
    int n = 0;
    *out = NULL;
    for (const Page *pg = pages->first; pg; pg = pg->next)
        for (const Frag *f = pg->first; f; f = f->next)
            n += is_figure(f);
    const char **alts = n ? arena_alloc_array(a, n, sizeof(*alts)) : NULL;
    if (!alts)
        return 0;
    int i = 0;
    for (const Page *pg = pages->first; pg; pg = pg->next)
        for (const Frag *f = pg->first; f; f = f->next)
            if (is_figure(f))
                alts[i++] = f->alt;
    *out = alts;
    return n;
}

int
pdf_is_signed(const unsigned char *data, size_t n)
{
    return data && memmem(data, n, "/ByteRange", 10) != NULL;
}

/* --- the structure tree ---------------------------------------------------- */

int
pdf_is_name(qpdf_data q, qpdf_oh oh, const char *key, const char *name)
{
    qpdf_oh v = qpdf_oh_get_key(q, oh, key);
    int yes = qpdf_oh_is_name(q, v) && !strcmp(qpdf_oh_get_name(q, v), name);
    qpdf_oh_release(q, v);
    return yes;
}

/* Appends oh to l; 0 out of memory (the list then no longer counts the tree). */
static int
list_push(PdfList *l, qpdf_oh oh)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        qpdf_oh *more = realloc(l->items, (size_t)cap * sizeof(*more));
        if (!more)
            return 0;
        l->items = more;
        l->cap = cap;
    }
    l->items[l->n++] = oh;
    return 1;
}

/* Collects the Figure, Div, TH, TD and Link elements under k (an element, or
 * an array of kids) in document order, through /K only, within MAX_DEPTH and
 * MAX_ELEMS (failed is set beyond them: the lists would be short). Only a
 * Link's kids are not looked at (its text and its OBJR); a P holds Links, a
 * cell may hold a table. Handles that are not kept are released at once:
 * the C API keeps every handle it returns until qpdf_cleanup. */
static void
walk(PdfTree *t, qpdf_oh k, int depth)
{
    qpdf_data q = t->q;
    if (depth > MAX_DEPTH || ++t->count > MAX_ELEMS) {
        t->failed = 1;
        goto release;
    }
    if (qpdf_oh_is_array(q, k)) {
        int n = qpdf_oh_get_array_n_items(q, k);
        for (int i = 0; i < n; i++)
            walk(t, qpdf_oh_get_array_item(q, k, i), depth);
        goto release;
    }
    if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
        goto release; /* a marked-content id, an OBJR */
    qpdf_oh s = qpdf_oh_get_key(q, k, "/S");
    const char *tag = qpdf_oh_is_name(q, s) ? qpdf_oh_get_name(q, s) : "";
    PdfList *list = !strcmp(tag, "/Figure")                      ? &t->figures
                    : !strcmp(tag, "/Div")                       ? &t->divs
                    : !strcmp(tag, "/TH") || !strcmp(tag, "/TD") ? &t->cells
                    : !strcmp(tag, "/Link")                      ? &t->links
                                                                 : NULL;
    int link = list == &t->links;
    qpdf_oh_release(q, s);
    if (list && !list_push(list, k)) {
        t->failed = 1;
        list = NULL;
    }
    if (!link && qpdf_oh_has_key(q, k, "/K"))
        walk(t, qpdf_oh_get_key(q, k, "/K"), depth + 1);
    if (list)
        return; /* kept */
release:
    qpdf_oh_release(q, k);
}

/* Appends item to the /K of element, making /K an array when it is not. */
static void
add_kid(qpdf_data q, qpdf_oh element, qpdf_oh item)
{
    qpdf_oh k = qpdf_oh_get_key(q, element, "/K");
    if (qpdf_oh_is_array(q, k)) {
        qpdf_oh_append_item(q, k, item);
        return;
    }
    qpdf_oh arr = qpdf_oh_new_array(q);
    if (!qpdf_oh_is_null(q, k))
        qpdf_oh_append_item(q, arr, k);
    qpdf_oh_append_item(q, arr, item);
    qpdf_oh_replace_key(q, element, "/K", arr);
}

/* The next free key of the parent tree (Cairo writes a flat /Nums). */
static int
next_parent_key(qpdf_data q, qpdf_oh tree)
{
    if (qpdf_oh_has_key(q, tree, "/ParentTreeNextKey"))
        return qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, tree, "/ParentTreeNextKey"));
    qpdf_oh nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, tree, "/ParentTree"), "/Nums");
    int next = 0, n = qpdf_oh_get_array_n_items(q, nums);
    for (int i = 0; i + 1 < n; i += 2) {
        int key = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, nums, i));
        next = key >= next ? key + 1 : next;
    }
    return next;
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
note_marks(qpdf_data q, qpdf_oh e, Artifacts *a)
{
    qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
    qpdf_oh pg = qpdf_oh_get_key(q, e, "/Pg");
    int page = qpdf_oh_get_object_id(q, pg);
    int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
    int start = a->n, ok = page > 0;
    for (int i = 0; ok && i < n; i++) {
        qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
        if (!qpdf_oh_is_integer(q, kid) || !room(a)) {
            ok = 0;
            break;
        }
        a->marks[a->n].page = page;
        a->marks[a->n].mcid = qpdf_oh_get_int_value_as_int(q, kid);
        a->elems[a->n] = qpdf_oh_get_object_id(q, e);
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

/* The page's content with its artifacts marked and its empty spans gone,
 * malloc'd in *out; 0 when nothing changed (or out of memory). */
static int
rewrite_content(const unsigned char *in, size_t n, int page, const Artifacts *a,
                unsigned char **out, size_t *out_len)
{
    static const char mc[] = "/NonStruct << /MCID ";
    unsigned char *o = malloc(n + 1);
    size_t len = 0;
    int changed = 0;
    if (!o)
        return 0;
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
                changed = 1;
                continue;
            }
        }
        if (line_is(line, ll, "/Span << /ActualText <feff00ad> >> BDC") ||
            line_is(line, ll, "/Span << /ActualText <feff0020> >> BDC")) {
            const unsigned char *nl2 = next < n ? memchr(in + next, '\n', n - next) : NULL;
            size_t end2 = nl2 ? (size_t)(nl2 - in) : n;
            if (next < n && line_is(in + next, end2 - next, "EMC")) {
                i = nl2 ? end2 + 1 : n;
                changed = 1;
                continue;
            }
        }
        memcpy(o + len, line, next - i);
        len += next - i;
        i = next;
    }
    if (!changed) {
        free(o);
        return 0;
    }
    *out = o;
    *out_len = len;
    return 1;
}

/* Takes the NonStruct kids of element e out of its /K (their marked content
 * goes to a), and does the same below the kids that paint may nest them in:
 * a list that crosses a page break holds that page's headers and footers
 * (paint/paint.c, crosses_pages). Bounded by depth: paint nests no deeper. */
static void
drop_artifacts(qpdf_data q, qpdf_oh e, Artifacts *a, int depth)
{
    qpdf_oh kids = qpdf_oh_get_key(q, e, "/K");
    if (depth > MAX_DEPTH)
        return;
    if (qpdf_oh_is_dictionary(q, kids)) { /* one kid: an L's only item */
        if (pdf_is_name(q, kids, "/S", "/L") || pdf_is_name(q, kids, "/S", "/LI") ||
            pdf_is_name(q, kids, "/S", "/LBody"))
            drop_artifacts(q, kids, a, depth + 1);
        return;
    }
    if (!qpdf_oh_is_array(q, kids))
        return;
    int n = qpdf_oh_get_array_n_items(q, kids), dropped = 0;
    qpdf_oh kept = qpdf_oh_new_array(q);
    for (int i = 0; i < n; i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
        if (!qpdf_oh_is_dictionary(q, kid)) {
            qpdf_oh_append_item(q, kept, kid);
            continue;
        }
        if (pdf_is_name(q, kid, "/S", "/NonStruct") && note_marks(q, kid, a)) {
            dropped = 1;
            continue;
        }
        if (pdf_is_name(q, kid, "/S", "/L") || pdf_is_name(q, kid, "/S", "/LI") ||
            pdf_is_name(q, kid, "/S", "/LBody"))
            drop_artifacts(q, kid, a, depth + 1);
        qpdf_oh_append_item(q, kept, kid);
    }
    if (dropped)
        qpdf_oh_replace_key(q, e, "/K", kept);
}

static void
artifacts(qpdf_data q)
{
    qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
    if (!qpdf_oh_is_dictionary(q, tree))
        return;
    qpdf_oh doc = qpdf_oh_get_key(q, tree, "/K");
    if (qpdf_oh_is_array(q, doc))
        doc = qpdf_oh_get_array_item(q, doc, 0);
    Artifacts a = {0};
    a.cap = 1024;
    a.elems = calloc((size_t)a.cap, sizeof(int));
    a.marks = calloc((size_t)a.cap, sizeof(Mark));
    if (!a.elems || !a.marks)
        goto out;

    /* The tree: every element keeps its other kids. */
    drop_artifacts(q, doc, &a, 0);
    qsort(a.elems, (size_t)a.n, sizeof(int), compare_ids);
    qsort(a.marks, (size_t)a.n, sizeof(Mark), compare_marks);

    /* The parent tree: their entries become null (Cairo's /Nums is flat). */
    qpdf_oh nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, tree, "/ParentTree"), "/Nums");
    int nn = a.n && qpdf_oh_is_array(q, nums) ? qpdf_oh_get_array_n_items(q, nums) : 0;
    for (int i = 1; i < nn; i += 2) {
        qpdf_oh list = qpdf_oh_get_array_item(q, nums, i);
        int m = qpdf_oh_is_array(q, list) ? qpdf_oh_get_array_n_items(q, list) : 0;
        for (int j = 0; j < m; j++)
            if (is_removed(&a, qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, list, j))))
                qpdf_oh_set_array_item(q, list, j, qpdf_oh_new_null(q));
    }

    /* The content streams. */
    int npages = qpdf_get_num_pages(q);
    for (int p = 0; p < npages; p++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
        int id = qpdf_oh_get_object_id(q, page);
        qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
        int ns = qpdf_oh_is_array(q, contents) ? qpdf_oh_get_array_n_items(q, contents) : 1;
        for (int k = 0; k < ns; k++) {
            qpdf_oh st =
                qpdf_oh_is_array(q, contents) ? qpdf_oh_get_array_item(q, contents, k) : contents;
            unsigned char *data = NULL, *done = NULL;
            size_t len = 0, done_len = 0;
            QPDF_BOOL filtered = QPDF_FALSE;
            if (!qpdf_oh_is_stream(q, st) ||
                qpdf_oh_get_stream_data(q, st, qpdf_dl_generalized, &filtered, &data, &len) !=
                    QPDF_SUCCESS ||
                !filtered) {
                free(data);
                continue;
            }
            if (rewrite_content(data, len, id, &a, &done, &done_len))
                qpdf_oh_replace_stream_data(q, st, done, done_len, qpdf_oh_new_null(q),
                                            qpdf_oh_new_null(q));
            free(data);
            free(done);
        }
    }
out:
    free(a.elems);
    free(a.marks);
}

/* --- the phases --------------------------------------------------------------- */

static void
catalog(qpdf_data q, const FinishOptions *opt)
{
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_replace_key(q, root, "/Lang",
                        qpdf_oh_new_unicode_string(q, opt->lang ? opt->lang : "fr-FR"));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                        qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
    /* Cairo writes no structure when nothing was tagged (an empty body):
     * PDF/UA still wants a marked file with a tree, here one empty Document. */
    if (!qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"))) {
        qpdf_oh tree = qpdf_make_indirect_object(
            q, qpdf_oh_parse(q, "<< /Type /StructTreeRoot /ParentTree << /Nums [] >> "
                                "/ParentTreeNextKey 0 >>"));
        qpdf_oh doc =
            qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /Type /StructElem /S /Document >>"));
        qpdf_oh_replace_key(q, doc, "/P", tree);
        qpdf_oh_replace_key(q, tree, "/K", doc);
        qpdf_oh_replace_key(q, root, "/StructTreeRoot", tree);
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
    }
    if (opt->producer)
        qpdf_set_info_key(q, "/Producer", opt->producer);
    /* Cairo 1.16 writes dates without their "D:" prefix. */
    static const char *const dates[] = {"/CreationDate", "/ModDate"};
    for (int i = 0; i < 2; i++) {
        const char *v = qpdf_get_info_key(q, dates[i]);
        if (v && *v && strncmp(v, "D:", 2) != 0) {
            char buf[64];
            snprintf(buf, sizeof buf, "D:%s", v);
            qpdf_set_info_key(q, dates[i], buf);
        }
    }
}

/* The i-th alternative text goes to the i-th Figure, only when the tree holds
 * as many Figures as the pages have images and charts: one missing would give
 * every later Figure the text of another. */
static void
alternative_texts(Run *r, qpdf_data q, const FinishOptions *opt, const PdfTree *t)
{
    if (t->figures.n != opt->nalts) {
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the images and charts are left without their text alternatives: the "
                          "PDF's structure holds %d Figure element for %d of them",
                          "the images and charts are left without their text alternatives: the "
                          "PDF's structure holds %d Figure elements for %d of them",
                          t->figures.n),
                 t->figures.n, opt->nalts);
        return;
    }
    for (int i = 0; i < t->figures.n; i++)
        if (opt->alts[i])
            qpdf_oh_replace_key(q, t->figures.items[i], "/Alt",
                                qpdf_oh_new_unicode_string(q, opt->alts[i]));
}

static void
links_and_tabs(qpdf_data q)
{
    int npages = qpdf_get_num_pages(q);
    for (int p = 0; p < npages; p++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
        for (int i = 0; i < n; i++) {
            qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
            if (pdf_is_name(q, a, "/Subtype", "/Link"))
                qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4));
        }
        if (n > 0)
            qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
    }
}

static void
signature_fields(Run *r, qpdf_data q, const FinishOptions *opt, const PdfTree *t)
{
    if (opt->nsigs <= 0)
        return;
    /* Each field's Form element goes in its block's Div when the tree holds
     * one Div per field, else in the document element: never in the Div of
     * another signatory. */
    int in_divs = t->divs.n == opt->nsigs;
    if (!in_divs)
        run_diag(r, DIAG_WARNING, 0, 0,
                 ngettext("the signature fields are tagged outside their blocks: the PDF's "
                          "structure holds %d Div element for %d of them",
                          "the signature fields are tagged outside their blocks: the PDF's "
                          "structure holds %d Div elements for %d of them",
                          t->divs.n),
                 t->divs.n, opt->nsigs);
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
    int tagged = qpdf_oh_is_dictionary(q, tree) && qpdf_oh_has_key(q, tree, "/ParentTree");
    int key = tagged ? next_parent_key(q, tree) : 0;
    qpdf_oh nums = tagged ? qpdf_oh_get_key(q, qpdf_oh_get_key(q, tree, "/ParentTree"), "/Nums")
                          : qpdf_oh_new_null(q);
    qpdf_oh fields = qpdf_oh_new_array(q);
    int npages = qpdf_get_num_pages(q);

    for (int i = 0; i < opt->nsigs; i++) {
        const FinishSignature *s = &opt->sigs[i];
        if (s->page < 0 || s->page >= npages)
            continue;
        qpdf_oh page = qpdf_get_page_n(q, (size_t)s->page);
        double w_ = s->x1 - s->x0, h_ = s->y1 - s->y0;

        /* An empty appearance: the visible frame is in the page content. */
        qpdf_oh ap = qpdf_oh_new_stream(q);
        qpdf_oh_replace_stream_data(q, ap, (unsigned char const *)"", 0, qpdf_oh_new_null(q),
                                    qpdf_oh_new_null(q));
        qpdf_oh apd = qpdf_oh_get_dict(q, ap);
        qpdf_oh_replace_key(q, apd, "/Type", qpdf_oh_new_name(q, "/XObject"));
        qpdf_oh_replace_key(q, apd, "/Subtype", qpdf_oh_new_name(q, "/Form"));
        char bbox[96];
        snprintf(bbox, sizeof bbox, "[0 0 %.2f %.2f]", w_, h_);
        qpdf_oh_replace_key(q, apd, "/BBox", qpdf_oh_parse(q, bbox));

        char rect[128];
        snprintf(rect, sizeof rect, "[%.2f %.2f %.2f %.2f]", s->x0, s->y0, s->x1, s->y1);
        qpdf_oh field = qpdf_make_indirect_object(
            q, qpdf_oh_parse(q, "<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 >>"));
        qpdf_oh_replace_key(q, field, "/T", qpdf_oh_new_unicode_string(q, s->name));
        qpdf_oh_replace_key(q, field, "/TU", qpdf_oh_new_unicode_string(q, s->label));
        qpdf_oh_replace_key(q, field, "/Rect", qpdf_oh_parse(q, rect));
        qpdf_oh_replace_key(q, field, "/P", page);
        qpdf_oh apdict = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, apdict, "/N", ap);
        qpdf_oh_replace_key(q, field, "/AP", apdict);

        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        if (!qpdf_oh_is_array(q, annots)) {
            annots = qpdf_oh_new_array(q);
            qpdf_oh_replace_key(q, page, "/Annots", annots);
        }
        qpdf_oh_append_item(q, annots, field);
        qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
        qpdf_oh_append_item(q, fields, field);

        if (tagged && qpdf_oh_is_array(q, nums)) {
            /* A Form element in the signature block's Div (else in the
             * document element), reaching the widget by an OBJR. */
            qpdf_oh parent = in_divs ? t->divs.items[i] : qpdf_oh_get_key(q, tree, "/K");
            if (qpdf_oh_is_array(q, parent))
                parent = qpdf_oh_get_array_item(q, parent, 0);
            qpdf_oh objr = qpdf_oh_parse(q, "<< /Type /OBJR >>");
            qpdf_oh_replace_key(q, objr, "/Obj", field);
            qpdf_oh_replace_key(q, objr, "/Pg", page);
            qpdf_oh form =
                qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /Type /StructElem /S /Form >>"));
            qpdf_oh_replace_key(q, form, "/P", parent);
            qpdf_oh_replace_key(q, form, "/K", objr);
            qpdf_oh_replace_key(q, form, "/Alt", qpdf_oh_new_unicode_string(q, s->label));
            add_kid(q, parent, form);
            qpdf_oh_replace_key(q, field, "/StructParent", qpdf_oh_new_integer(q, key));
            qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, key));
            qpdf_oh_append_item(q, nums, form);
            key++;
        }
    }
    if (tagged)
        qpdf_oh_replace_key(q, tree, "/ParentTreeNextKey", qpdf_oh_new_integer(q, key));
    qpdf_oh form = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, form, "/Fields", fields);
    qpdf_oh_replace_key(q, root, "/AcroForm", qpdf_make_indirect_object(q, form));
}

static int
failed(Run *r, qpdf_data q, const char *fmt)
{
    while (qpdf_more_warnings(q))
        qpdf_next_warning(q);
    if (!qpdf_has_error(q))
        return 0;
    qpdf_error e = qpdf_get_error(q);
    run_diag(r, DIAG_ERROR, 0, 0, fmt,
             e ? qpdf_get_error_full_text(q, e) : _("unknown libqpdf error"));
    return 1;
}

Status
pdf_finish(Run *r, const unsigned char *in, size_t n, const FinishOptions *opt, unsigned char **out,
           size_t *out_len)
{
    Status st = STATUS_IO;
    qpdf_data q = qpdf_init();
    PdfTree t = {.q = q};

    *out = NULL;
    *out_len = 0;
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (qpdf_read_memory(q, "paint", (const char *)in, (unsigned long long)n, NULL) & QPDF_ERRORS ||
        failed(r, q, _("the PDF just drawn could not be read back: %s")))
        goto out;

    catalog(q, opt);
    artifacts(q);
    /* The tree is walked once, for every pass that pairs its elements with
     * what paint drew; with nothing to pair, not at all: loading every
     * element of a long document takes time, to no use. */
    const PaintRecord *rec = opt->record;
    qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
    if (qpdf_oh_is_dictionary(q, tree) &&
        (opt->nalts || opt->nsigs || (rec && (rec->ncells || rec->nlinks))))
        walk(&t, qpdf_oh_get_key(q, tree, "/K"), 0);
    alternative_texts(r, q, opt, &t);
    pdf_apply_record(r, q, opt, &t);
    links_and_tabs(q);
    signature_fields(r, q, opt, &t);
    pdf_conformance(r, q, opt->lang ? opt->lang : "fr-FR");
    if (failed(r, q, _("the PDF could not be finished: %s")))
        goto out;

    qpdf_init_write_memory(q);
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_set_minimum_pdf_version(q, "1.7"); /* PDF/A-2 and PDF/UA-1 are on 1.7 */
    qpdf_set_suppress_original_object_IDs(q, QPDF_TRUE);
    if (qpdf_write(q) & QPDF_ERRORS || failed(r, q, _("the PDF could not be written: %s")))
        goto out;
    size_t len = qpdf_get_buffer_length(q);
    *out = malloc(len ? len : 1);
    if (!*out) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while writing the PDF"));
        goto out;
    }
    memcpy(*out, qpdf_get_buffer(q), len);
    *out_len = len;
    st = STATUS_OK;
out:
    free(t.figures.items);
    free(t.divs.items);
    free(t.cells.items);
    free(t.links.items);
    qpdf_cleanup(&q);
    return st;
}
