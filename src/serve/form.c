/*
 * serve/form.c — a data file as a form, and the form back into the file.
 *
 * The form is derived: stylesheets/serve/form.xsl turns the file and its
 * schemas into fields (serve_form); the problems of the file, found by the
 * same validation as copil validate, go beside the fields of the elements
 * they were found at (by line). A save (serve_save) writes back the values
 * posted, and only those, into the file as it is on the disk: comments,
 * order, layout and whatever the form does not show stay byte for byte. It
 * refuses when the file changed since the form was made (another tab, a
 * text editor): nothing typed anywhere is lost without being shown.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>

#include <glib.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "core/file.h"
#include "core/i18n.h"
#include "serve/serve.h"

/* A data file is read whole; copil validate reads no more either. */
#define FILE_MAX (32u << 20)

#define SERVE_NS "urn:copil:serve"

/* The bytes of name in dir (a plain file, never a link), in r's arena, and
 * their SHA-256 in hex (65 bytes). */
static Status
read_file(Run *r, const char *dir, const char *name, char **data, size_t *len, char *hash)
{
    const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
    if (!path || file_load(path, O_NOFOLLOW, FILE_MAX, &r->arena, data, len) != 0)
        return STATUS_IO;
    gchar *h = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)*data, *len);
    if (!h)
        return STATUS_IO;
    g_strlcpy(hash, h, 65);
    g_free(h);
    return STATUS_OK;
}

/* The element at path ("1.5.2": the root, its 5th element, that one's 2nd)
 * of doc, or NULL. */
static xmlNode *
node_at(xmlDocPtr doc, const char *path)
{
    xmlNode *n = NULL;
    const char *p = path;
    for (int depth = 0; *p; depth++) {
        char *end;
        long k = strtol(p, &end, 10);
        if (end == p || k < 1 || (*end && *end != '.'))
            return NULL;
        xmlNode *c = depth == 0 ? xmlDocGetRootElement(doc) : n ? n->children : NULL;
        if (depth == 0 && k != 1)
            return NULL;
        if (depth > 0) {
            long i = 0;
            for (; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE && ++i == k)
                    break;
        }
        if (!c)
            return NULL;
        n = c;
        p = *end ? end + 1 : end;
    }
    return n;
}

/* 1 when e holds element children. */
static int
has_elements(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return 1;
    return 0;
}

/* s with its white space folded, in a's memory. */
static char *
folded(Arena *a, const char *s)
{
    Buf b;
    buf_init(&b, a);
    int space = 0;
    for (const char *p = s ? s : ""; *p; p++) {
        if (isspace((unsigned char)*p)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            buf_append(&b, " ", 1);
        space = 0;
        buf_append(&b, p, 1);
    }
    return b.s ? b.s : arena_strdup(a, "");
}

static char *
content_of(Arena *a, const xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *s = folded(a, (const char *)t);
    xmlFree(t);
    return s;
}

/* The paragraphs of e as the form shows them: each folded, a blank line
 * between two. NULL when e holds anything but plain paragraphs. */
static char *
paragraphs_of(Arena *a, const xmlNode *e)
{
    Buf b;
    buf_init(&b, a);
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
            return NULL; /* a note the text area would lose */
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "p") != 0 || has_elements(c))
            return NULL;
        if (b.len)
            buf_append(&b, "\n\n", 2);
        char *t = content_of(a, c);
        if (t)
            buf_append(&b, t, (unsigned)strlen(t));
    }
    return b.s ? b.s : arena_strdup(a, "");
}

/* Posted paragraphs (lines, blank ones between paragraphs), each folded. */
static char *
paragraphs_posted(Arena *a, const char *v)
{
    Buf b;
    buf_init(&b, a);
    const char *p = v;
    while (*p) {
        /* one paragraph: up to a blank line */
        const char *end = p;
        for (;;) {
            const char *nl = strchr(end, '\n');
            if (!nl) {
                end += strlen(end);
                break;
            }
            const char *q = nl + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\n' || !*q) {
                end = nl;
                break;
            }
            end = nl + 1;
        }
        char *para = folded(a, arena_strndup(a, p, (size_t)(end - p)));
        if (para && *para) {
            if (b.len)
                buf_append(&b, "\n\n", 2);
            buf_append(&b, para, (unsigned)strlen(para));
        }
        p = end;
        while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
            p++;
    }
    return b.s ? b.s : arena_strdup(a, "");
}

/* Replaces the paragraphs of e by those of v (as paragraphs_posted gives
 * them), indented as the first one was. */
static void
set_paragraphs(xmlNode *e, const char *v)
{
    const char *indent = "\n", *closing = "\n";
    xmlNode *first = NULL;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !first) {
            first = c;
            if (c->prev && c->prev->type == XML_TEXT_NODE)
                indent = (const char *)c->prev->content;
        }
        if (!c->next && c->type == XML_TEXT_NODE)
            closing = (const char *)c->content;
    }
    char *in = g_strdup(indent), *out = g_strdup(closing);
    xmlNode *c = e->children;
    while (c) {
        xmlNode *next = c->next;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
        c = next;
    }
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, "\n");
        xmlNodeAddContent(e, BAD_CAST in);
        xmlNode *para = xmlNewChild(e, e->ns, BAD_CAST "p", NULL);
        if (para)
            xmlNodeAddContentLen(para, BAD_CAST p, (int)n);
        p += n;
        while (*p == '\n')
            p++;
    }
    xmlNodeAddContent(e, BAD_CAST out);
    g_free(in);
    g_free(out);
}

/* Replaces the text of e, an element without elements, by v; a comment in
 * it stays (after the text). */
static void
set_text(xmlNode *e, const char *v)
{
    xmlNode *c = e->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
            c->type == XML_ENTITY_REF_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
    xmlNode *t = xmlNewDocText(e->doc, BAD_CAST v);
    if (t && e->children)
        xmlAddPrevSibling(e->children, t);
    else if (t)
        xmlAddChild(e, t);
}

/* What the user would read as the place of an element: its names from the
 * root's child down, "members › member 3 › name". */
static const char *
place_of(Arena *a, const xmlNode *n, const char *attr)
{
    const char *s = attr ? arena_printf(a, "@%s", attr) : NULL;
    for (; n && n->parent && n->parent->type == XML_ELEMENT_NODE; n = n->parent) {
        int same = 0, index = 0;
        for (const xmlNode *c = n->parent->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, (const char *)n->name))
                continue;
            same++;
            if (c == n)
                index = same;
        }
        const char *me = same > 1 ? arena_printf(a, "%s %d", n->name, index)
                                  : arena_strdup(a, (const char *)n->name);
        s = s ? arena_printf(a, "%s › %s", me, s) : me;
    }
    return s ? s : "";
}

/* --- repeated groups: add, remove, move ---------------------------------- */

/* The white space before n (its indentation), when there is. */
static xmlNode *
space_before(xmlNode *n)
{
    xmlNode *p = n->prev;
    return p && p->type == XML_TEXT_NODE && xmlIsBlankNode(p) ? p : NULL;
}

/* The sibling element of n called as n, before (dir < 0) or after it. */
static xmlNode *
same_sibling(xmlNode *n, int dir)
{
    for (xmlNode *c = dir < 0 ? n->prev : n->next; c; c = dir < 0 ? c->prev : c->next)
        if (c->type == XML_ELEMENT_NODE)
            return !strcmp((const char *)c->name, (const char *)n->name) ? c : NULL;
    return NULL;
}

/* 1 when an element under n has id as its id. */
static int
id_used(const xmlNode *n, const char *id)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlGetProp(n, BAD_CAST "id");
        int used = v && !strcmp((const char *)v, id);
        xmlFree(v);
        if (used || id_used(n->children, id))
            return 1;
    }
    return 0;
}

/* Empties the values of a copied group: the text of its elements without
 * elements, its attributes but those that say what it is (its kind). An
 * id gets a new one, unused in doc: its letters and the next number. */
static void
blank(xmlDocPtr doc, xmlNode *e)
{
    for (xmlAttr *at = e->properties; at; at = at->next) {
        if (!strcmp((const char *)at->name, "id")) {
            xmlChar *v = xmlNodeGetContent((xmlNode *)at);
            char prefix[16] = "";
            size_t k = 0;
            while (v && v[k] && !isdigit(v[k]) && k < sizeof prefix - 1) {
                prefix[k] = (char)v[k];
                k++;
            }
            xmlFree(v);
            for (int n = 1; n < 100000; n++) {
                char id[32];
                snprintf(id, sizeof id, "%s%d", prefix, n);
                if (!xmlGetID(doc, BAD_CAST id) && !id_used(xmlDocGetRootElement(doc), id)) {
                    xmlSetProp(e, BAD_CAST "id", BAD_CAST id);
                    break;
                }
            }
        }
    }
    if (!has_elements(e)) {
        xmlNodeSetContent(e, NULL);
        return;
    }
    for (xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            blank(doc, c);
}

/* Puts n and the elements under it in ns. */
static void
same_ns(xmlNode *n, xmlNsPtr ns)
{
    n->ns = ns;
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            same_ns(c, ns);
}

/* Applies op ("add:PATH", "remove:PATH", "up:PATH", "down:PATH") to doc;
 * *at receives the path to show after it. 1 when it changed doc. */
static int
apply_op(Arena *a, xmlDocPtr doc, const char *op, const char **at)
{
    const char *colon = strchr(op, ':');
    xmlNode *e = colon ? node_at(doc, colon + 1) : NULL;
    if (!e || e == xmlDocGetRootElement(doc))
        return 0;
    size_t verb = (size_t)(colon - op);
    xmlNode *space = space_before(e);
    if (verb == 3 && !strncmp(op, "add", 3)) {
        xmlNode *copy = xmlDocCopyNode(e, doc, 1);
        if (!copy)
            return 0;
        /* The copy, made apart, declares its namespace again: it takes
         * e's instead, in scope where it goes. */
        if (copy->nsDef) {
            xmlFreeNsList(copy->nsDef);
            copy->nsDef = NULL;
        }
        same_ns(copy, e->ns);
        blank(doc, copy);
        xmlNode *after = xmlAddNextSibling(e, copy);
        if (space && after)
            xmlAddPrevSibling(after, xmlNewText(space->content));
        /* the new group's path: the same as e's, one further */
        const char *last = strrchr(colon + 1, '.');
        long k = last ? strtol(last + 1, NULL, 10) : 0;
        *at = last ? arena_printf(a, "%.*s.%ld", (int)(last - colon - 1), colon + 1, k + 1) : NULL;
        return 1;
    }
    if (verb == 6 && !strncmp(op, "remove", 6)) {
        if (space) {
            xmlUnlinkNode(space);
            xmlFreeNode(space);
        }
        xmlUnlinkNode(e);
        xmlFreeNode(e);
        *at = NULL;
        return 1;
    }
    int up = verb == 2 && !strncmp(op, "up", 2), down = verb == 4 && !strncmp(op, "down", 4);
    xmlNode *other = up ? same_sibling(e, -1) : down ? same_sibling(e, 1) : NULL;
    if (!other)
        return 0;
    /* e and its indentation go before the one above, or after the one below */
    if (space)
        xmlUnlinkNode(space);
    xmlUnlinkNode(e);
    if (up) {
        xmlNode *other_space = space_before(other);
        xmlAddPrevSibling(other_space ? other_space : other, e);
        if (space)
            xmlAddPrevSibling(e, space);
    } else {
        xmlAddNextSibling(other, e);
        if (space)
            xmlAddPrevSibling(e, space);
    }
    const char *last = strrchr(colon + 1, '.');
    long k = last ? strtol(last + 1, NULL, 10) : 0;
    *at = last ? arena_printf(a, "%.*s.%ld", (int)(last - colon - 1), colon + 1, up ? k - 1 : k + 1)
               : NULL;
    return 1;
}

Status
serve_save(Run *r, const char *dir, const char *name, const char *base, const ServeField *fields,
           int n, const char *op, ServeSaved *out)
{
    *out = (ServeSaved){0};
    char *data;
    size_t len;
    char hash[65];
    if (read_file(r, dir, name, &data, &len, hash) != STATUS_OK)
        return STATUS_IO;
    xmlDocPtr doc = NULL;
    Run parse;
    run_init(&parse, name);
    Status st = validate_parse(&parse, data, len, &doc);
    if (st != STATUS_OK) {
        run_free(&parse);
        out->conflict = 1; /* the file is no longer XML: someone is editing it */
        out->changes = NULL;
        return STATUS_OK;
    }
    int conflict = !base || strcmp(base, hash) != 0;
    int changed = 0, unknown = 0;
    Buf report;
    buf_init(&report, &r->arena);
    for (int i = 0; i < n; i++) {
        const ServeField *f = &fields[i];
        char kind = f->name[0];
        if ((kind != 'e' && kind != 'a' && kind != 'p') || f->name[1] != ':')
            continue;
        char *path = arena_strdup(&r->arena, f->name + 2), *attr = NULL;
        if (kind == 'a' && path && (attr = strchr(path, ':')))
            *attr++ = '\0';
        xmlNode *e = path ? node_at(doc, path) : NULL;
        if (!e || (kind == 'a' && (!attr || !xmlHasProp(e, BAD_CAST attr)))) {
            unknown++;
            continue;
        }
        char *now, *want;
        if (kind == 'p') {
            now = paragraphs_of(&r->arena, e);
            want = paragraphs_posted(&r->arena, f->value);
            if (!now) {
                unknown++; /* markup the form does not show: left alone */
                continue;
            }
        } else if (kind == 'a') {
            xmlChar *v = xmlGetProp(e, BAD_CAST attr);
            now = arena_strdup(&r->arena, v ? (const char *)v : "");
            xmlFree(v);
            want = arena_strdup(&r->arena, f->value);
        } else {
            if (has_elements(e)) {
                /* an element with text and elements: its first text only */
                xmlNode *t = e->children;
                while (t && t->type != XML_TEXT_NODE)
                    t = t->next;
                now = folded(&r->arena, t ? (const char *)t->content : "");
            } else {
                now = content_of(&r->arena, e);
            }
            want = folded(&r->arena, f->value);
        }
        if (!now || !want)
            return STATUS_IO;
        if (!strcmp(now, want))
            continue;
        if (conflict) {
            /* what differs between the disk and what was typed */
            if (report.len)
                buf_append(&report, "\n", 1);
            const char *line = arena_printf(&r->arena, _("%s: on the disk now “%s”, typed “%s”"),
                                            place_of(&r->arena, e, attr), now, want);
            if (line)
                buf_append(&report, line, (unsigned)strlen(line));
            continue;
        }
        changed++;
        if (kind == 'a') {
            xmlSetProp(e, BAD_CAST attr, BAD_CAST want);
        } else if (kind == 'p') {
            set_paragraphs(e, want);
        } else if (has_elements(e)) {
            xmlNode *t = e->children;
            while (t && t->type != XML_TEXT_NODE)
                t = t->next;
            if (t)
                xmlNodeSetContent(t, NULL), xmlNodeAddContent(t, BAD_CAST want);
        } else {
            set_text(e, want);
        }
    }
    out->unknown = unknown;
    if (conflict) {
        out->conflict = 1;
        out->changes = report.s;
        run_free(&parse);
        return STATUS_OK;
    }
    st = STATUS_OK;
    if (op && strcmp(op, "save") && apply_op(&r->arena, doc, op, &out->at))
        changed++;
    if (changed) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
        const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
        st = mem && path ? file_atomic_save(r, path, mem, (size_t)size) : STATUS_IO;
        xmlFree(mem);
    }
    out->changed = changed;
    run_free(&parse);
    return st;
}

/* The last element under n (n included) that starts on line. */
static xmlNode *
element_on_line(xmlNode *n, long line)
{
    xmlNode *found = NULL;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlGetLineNo(n) == line)
            found = n;
        xmlNode *inner = element_on_line(n->children, line);
        if (inner)
            found = inner;
    }
    return found;
}

/* Puts each problem of r at the element of doc's data (data, a copy of the
 * file's root) it was found at, by its line, as an s:problem child; those
 * found nowhere (or in another file) go to the root. */
static void
place_problems(const Run *r, const char *name, xmlNode *data, xmlNsPtr ns)
{
    for (const Diag *d = r->diags; d; d = d->next) {
        if (d->level != DIAG_ERROR)
            continue;
        xmlNode *at = NULL;
        if (d->line > 0 && (!d->file || !strcmp(d->file, name))) {
            at = xmlGetLineNo(data) == d->line ? data : NULL;
            xmlNode *inner = element_on_line(data->children, d->line);
            if (inner)
                at = inner;
        }
        xmlNewTextChild(at ? at : data, ns, BAD_CAST "problem", BAD_CAST d->message);
    }
}

/* --- what the schema declares for each element ------------------------ */

#define XS_NS "http://www.w3.org/2001/XMLSchema"

typedef struct Schemas {
    xmlNode *roots[2]; /* the kind's schema and common.xsd, in the input */
    xmlNsPtr ns;       /* s: */
    int next_id;
} Schemas;

static int
is_xs(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, XS_NS) &&
           !strcmp((const char *)n->name, name);
}

/* The value of n's attribute name without a prefix ("c:Date" → "Date"),
 * in a. */
static char *
local_attr(Arena *a, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    const char *colon = strchr((const char *)v, ':');
    char *s = arena_strdup(a, colon ? colon + 1 : (const char *)v);
    xmlFree(v);
    return s;
}

/* The top-level declaration of kind kind ("complexType", "element") named
 * name, in either schema. */
static xmlNode *
named(const Schemas *sc, const char *kind, const char *name)
{
    for (int i = 0; i < 2 && name; i++)
        for (xmlNode *c = sc->roots[i] ? sc->roots[i]->children : NULL; c; c = c->next) {
            if (!is_xs(c, kind))
                continue;
            xmlChar *v = xmlGetProp(c, BAD_CAST "name");
            int same = v && !strcmp((const char *)v, name);
            xmlFree(v);
            if (same)
                return c;
        }
    return NULL;
}

/* The complex type of the declaration decl: its own, or the named one. */
static xmlNode *
type_of(Arena *a, const Schemas *sc, xmlNode *decl)
{
    for (xmlNode *c = decl->children; c; c = c->next)
        if (is_xs(c, "complexType"))
            return c;
    return named(sc, "complexType", local_attr(a, decl, "type"));
}

/* The declaration of what (xs:element or xs:attribute) called name in the
 * content model under n, not inside the declarations of other elements;
 * through a complex content's extension to its base. */
static xmlNode *
find_decl(Arena *a, const Schemas *sc, xmlNode *n, const char *what, const char *name, int depth)
{
    if (!n || depth > 32)
        return NULL;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_xs(c, what)) {
            xmlChar *v = xmlGetProp(c, BAD_CAST "name");
            int same = v && !strcmp((const char *)v, name);
            xmlFree(v);
            if (same)
                return c;
        }
        if (is_xs(c, "element") || is_xs(c, "annotation"))
            continue;
        xmlNode *found = NULL;
        if (is_xs(c, "extension") || is_xs(c, "restriction"))
            found = find_decl(a, sc, named(sc, "complexType", local_attr(a, c, "base")), what, name,
                              depth + 1);
        if (!found)
            found = find_decl(a, sc, c, what, name, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

/* Marks decl with a number the form finds it by (s:d), once. */
static const char *
mark(Schemas *sc, xmlNode *decl, char *buf, size_t size)
{
    xmlChar *v = xmlGetNsProp(decl, BAD_CAST "d", BAD_CAST SERVE_NS);
    if (v) {
        g_strlcpy(buf, (const char *)v, size);
        xmlFree(v);
        return buf;
    }
    snprintf(buf, size, "%d", ++sc->next_id);
    xmlSetNsProp(decl, sc->ns, BAD_CAST "d", BAD_CAST buf);
    return buf;
}

/* Gives e (a data element) and its attributes the numbers of their
 * declarations, decl being e's; then its children, from e's type. */
static void
declare(Arena *a, Schemas *sc, xmlNode *e, xmlNode *decl, int depth)
{
    if (!decl || depth > 64)
        return;
    char id[16];
    xmlSetNsProp(e, sc->ns, BAD_CAST "d", BAD_CAST mark(sc, decl, id, sizeof id));
    xmlNode *type = type_of(a, sc, decl);
    for (xmlAttr *at = e->properties; at; at = at->next) {
        if (at->ns)
            continue;
        xmlNode *ad = find_decl(a, sc, type, "attribute", (const char *)at->name, 0);
        if (!ad)
            continue;
        xmlNode *note = xmlNewChild(e, sc->ns, BAD_CAST "attr", NULL);
        xmlSetProp(note, BAD_CAST "name", at->name);
        xmlSetProp(note, BAD_CAST "d", BAD_CAST mark(sc, ad, id, sizeof id));
    }
    for (xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->ns != sc->ns)
            declare(a, sc, c, find_decl(a, sc, type, "element", (const char *)c->name, 0),
                    depth + 1);
}

Status
serve_form(Session *s, Run *r, const char *dir, const ServeFile *f, const Run *problems, Buf *b,
           char *hash)
{
    char *data;
    size_t len;
    if (read_file(r, dir, f->name, &data, &len, hash) != STATUS_OK)
        return STATUS_IO;
    xmlDocPtr doc = NULL;
    if (validate_parse(r, data, len, &doc) != STATUS_OK)
        return STATUS_INVALID;
    xmlDocPtr in = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *top = in ? xmlNewNode(NULL, BAD_CAST "input") : NULL;
    xmlNsPtr ns = top ? xmlNewNs(top, BAD_CAST SERVE_NS, BAD_CAST "s") : NULL;
    Status st = STATUS_IO;
    if (!top || !ns)
        goto out;
    xmlSetNs(top, ns);
    xmlDocSetRootElement(in, top);
    xmlSetProp(top, BAD_CAST "file", BAD_CAST f->name);
    xmlSetProp(top, BAD_CAST "base", BAD_CAST hash);
    xmlSetProp(top, BAD_CAST "save-label", BAD_CAST _("Save"));
    xmlSetProp(top, BAD_CAST "problems-label", BAD_CAST _("Problems to correct"));
    xmlSetProp(top, BAD_CAST "readonly-label",
               BAD_CAST _("This text holds formatting the form cannot keep yet: change it in a "
                          "text editor."));
    xmlSetProp(top, BAD_CAST "none-label", BAD_CAST _("(none)"));
    xmlSetProp(top, BAD_CAST "add-label", BAD_CAST _("Add another after this one"));
    xmlSetProp(top, BAD_CAST "remove-label", BAD_CAST _("Remove"));
    xmlSetProp(top, BAD_CAST "up-label", BAD_CAST _("Move up"));
    xmlSetProp(top, BAD_CAST "down-label", BAD_CAST _("Move down"));
    xmlNode *copy = xmlDocCopyNode(xmlDocGetRootElement(doc), in, 1);
    if (!copy)
        goto out;
    Schemas sc = {.ns = ns};
    xmlAddChild(top, copy);
    place_problems(problems, f->name, copy, ns);
    DocKind kind = validate_kind_from_root((const char *)xmlDocGetRootElement(doc)->name);
    if (kind != DOC_MEETING && kind != DOC_MISSION_LETTER && kind != DOC_ACTIVITY_REPORT) {
        st = STATUS_INVALID;
        goto out;
    }
    const char *schemas[] = {validate_kind_name(kind), "common"};
    for (int i = 0; i < 2; i++) {
        const char *path = arena_printf(&r->arena, "%s/schemas/%s.xsd", s->datadir, schemas[i]);
        char *sx;
        size_t sn;
        xmlDocPtr sd = NULL;
        if (!path || file_load(path, O_NOFOLLOW, FILE_MAX, &r->arena, &sx, &sn) != 0 ||
            validate_parse(r, sx, sn, &sd) != STATUS_OK)
            goto out;
        xmlNode *sroot = xmlDocCopyNode(xmlDocGetRootElement(sd), in, 1);
        if (!sroot)
            goto out;
        xmlAddChild(top, sroot);
        sc.roots[i] = sroot;
    }
    declare(&r->arena, &sc, copy,
            named(&sc, "element", (const char *)xmlDocGetRootElement(doc)->name), 0);
    xmlDocPtr html = NULL;
    const char *input = arena_printf(&r->arena, "%s/%s", dir, f->name);
    st = transform_apply_plain(s->transformer, r, in, input, "serve/form", &html);
    if (st != STATUS_OK || !html)
        goto out;
    xmlBufferPtr xb = xmlBufferCreate();
    xmlNode *form = xmlDocGetRootElement(html);
    if (!xb || !form) {
        st = STATUS_IO;
    } else {
        htmlNodeDump(xb, html, form);
        buf_append(b, (const char *)xmlBufferContent(xb), (unsigned)xmlBufferLength(xb));
    }
    if (xb)
        xmlBufferFree(xb);
out:
    if (in)
        xmlFreeDoc(in);
    return st;
}
