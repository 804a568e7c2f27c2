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
#include "serve/model.h"
#include "serve/record.h"
#include "serve/serve.h"

/* A data file is read whole; copil validate reads no more either. */
#define FILE_MAX (32u << 20)

Status
serve_read_file(Run *r, const char *dir, const char *name, char **data, size_t *len, char *hash)
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

static char *
content_of(Arena *a, const xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *s = serve_folded(a, (const char *)t);
    xmlFree(t);
    return s;
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

/* What the user would read as the place of an element: the labels the
 * schemas give it and its parents, from the root's child down, « Membres
 * convoqués › Membre 3 › Prénom et nom » (the element's name where the
 * schemas say nothing). */
static const char *
place_of(Arena *a, const Schemas *sc, xmlNode *n, const char *attr)
{
    const char *s = NULL;
    if (attr) {
        xmlNode *decl = schemas_decl_of(a, sc, n);
        xmlNode *ad =
            decl ? schemas_find(a, sc, schemas_type_of(a, sc, decl), "attribute", attr) : NULL;
        s = schemas_label(a, ad, attr);
    }
    for (; n && n->parent && n->parent->type == XML_ELEMENT_NODE; n = n->parent) {
        int same = 0, index = 0;
        for (const xmlNode *c = n->parent->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, (const char *)n->name))
                continue;
            same++;
            if (c == n)
                index = same;
        }
        const char *label = schemas_label(a, schemas_decl_of(a, sc, n), (const char *)n->name);
        const char *me = same > 1 ? arena_printf(a, "%s %d", label, index) : label;
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

/* 1 when the schemas require e's attribute attr (or do not know e). */
static int
attr_required(Arena *a, const Schemas *sc, xmlNode *e, const char *attr)
{
    xmlNode *decl = schemas_decl_of(a, sc, e);
    xmlNode *ad =
        decl ? schemas_find(a, sc, schemas_type_of(a, sc, decl), "attribute", attr) : NULL;
    return !ad || schemas_required(ad);
}

/* Empties the values of a copied group: the text of its elements without
 * elements, its attributes but the one that says what it is (kind): an
 * optional one goes, a required one is left empty for the user to fill. An
 * id gets a new one, unused in doc: its letters and the next number. */
static void
blank(Arena *a, const Schemas *sc, xmlNode *e)
{
    for (xmlAttr *at = e->properties, *next; at; at = next) {
        next = at->next;
        const char *name = (const char *)at->name;
        if (at->ns || !strcmp(name, "id") || !strcmp(name, "kind"))
            continue;
        if (attr_required(a, sc, e, name))
            xmlSetProp(e, at->name, BAD_CAST "");
        else
            xmlRemoveProp(at);
    }
    xmlChar *v = xmlGetProp(e, BAD_CAST "id");
    if (v) {
        char prefix[16] = "";
        size_t k = 0;
        while (v[k] && !isdigit(v[k]) && k < sizeof prefix - 1) {
            prefix[k] = (char)v[k];
            k++;
        }
        xmlFree(v);
        model_new_id(e, prefix);
    }
    if (!has_elements(e)) {
        xmlNodeSetContent(e, NULL);
        return;
    }
    for (xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            blank(a, sc, c);
}

/* Applies op ("add:PATH", "remove:PATH", "up:PATH", "down:PATH") to doc;
 * *at receives the path to show after it. 1 when it changed doc. */
static int
apply_op(Arena *a, const Schemas *sc, xmlDocPtr doc, const char *op, const char **at)
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
        model_adopt(copy, e->ns);
        xmlNode *after = xmlAddNextSibling(e, copy);
        blank(a, sc, copy); /* in the document: its new id unused there */
        if (space && after)
            xmlAddPrevSibling(after, xmlNewText(space->content));
        *at = model_path(a, copy);
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
    *at = model_path(a, e);
    return 1;
}

/* Adds what spec ("PATH:NAME") asks: a new NAME in the element at PATH,
 * made from its declaration and put where the schema orders it; a
 * meeting's record is drafted (record.c), previous naming the previous
 * meeting chosen. *at receives the new element's path. 1 when doc
 * changed. */
static int
add_new(Run *r, const Schemas *sc, const char *dir, const char *name, xmlDocPtr doc,
        const char *spec, const char *previous, const char **at)
{
    Arena *a = &r->arena;
    const char *colon = strchr(spec, ':');
    if (!colon || !sc->roots[0])
        return 0;
    xmlNode *parent = node_at(doc, arena_strndup(a, spec, (size_t)(colon - spec)));
    const char *what = colon + 1;
    if (!parent || !*what)
        return 0;
    if (parent == xmlDocGetRootElement(doc) && !strcmp(what, "record"))
        return serve_draft_record(r, sc, dir, name, doc, previous, at);
    xmlNode *pdecl = schemas_decl_of(a, sc, parent);
    xmlNode *decl = schemas_find(a, sc, schemas_type_of(a, sc, pdecl), "element", what);
    if (!decl)
        return 0;
    xmlNode *e = model_skeleton(a, sc, doc, decl, parent->ns, model_inner_indent(a, parent));
    if (!e)
        return 0;
    model_insert(a, sc, parent, pdecl, e);
    *at = model_path(a, e);
    return 1;
}

Status
serve_save(Session *s, Run *r, const char *dir, const char *name, const char *base,
           const ServeField *fields, int n, const char *op, ServeSaved *out)
{
    *out = (ServeSaved){0};
    char *data;
    size_t len;
    char hash[65];
    if (serve_read_file(r, dir, name, &data, &len, hash) != STATUS_OK)
        return STATUS_IO;
    xmlDocPtr doc = NULL;
    Run parse;
    run_init(&parse, name);
    Status st = validate_parse(&parse, data, len, &doc);
    if (st != STATUS_OK) {
        out->conflict = 1; /* the file is no longer XML: someone is editing it */
        st = STATUS_OK;
        goto out;
    }
    int conflict = !base || strcmp(base, hash) != 0;
    Schemas sc;
    DocKind dk = validate_kind_from_root((const char *)xmlDocGetRootElement(doc)->name);
    const char *previous = NULL;
    for (int i = 0; i < n; i++)
        if (!strcmp(fields[i].name, "previous"))
            previous = fields[i].value;
    if (schemas_load(s, &parse, dk, NULL, NULL, &sc) != STATUS_OK)
        sc = (Schemas){0}; /* not a kind of ours: values only, no new element */
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
        if (!e || (kind == 'a' && (!attr || xmlValidateNCName(BAD_CAST attr, 0) != 0))) {
            unknown++;
            continue;
        }
        char *now, *want;
        if (kind == 'p') {
            now = serve_text_of(&r->arena, e);
            want = serve_text_posted(&r->arena, f->value);
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
                now = serve_folded(&r->arena, t ? (const char *)t->content : "");
            } else {
                now = content_of(&r->arena, e);
            }
            want = serve_folded(&r->arena, f->value);
        }
        if (!now || !want) {
            st = STATUS_IO;
            goto out;
        }
        if (!strcmp(now, want))
            continue;
        if (conflict) {
            /* what differs between the disk and what was typed */
            if (report.len)
                buf_append(&report, "\n", 1);
            const char *line = arena_printf(&r->arena, _("%s: on the disk now “%s”, typed “%s”"),
                                            place_of(&r->arena, &sc, e, attr), now, want);
            if (line)
                buf_append(&report, line, (unsigned)strlen(line));
            continue;
        }
        changed++;
        if (kind == 'a' && !*want && !attr_required(&r->arena, &sc, e, attr)) {
            xmlUnsetProp(e, BAD_CAST attr); /* an optional value emptied: not there */
        } else if (kind == 'a') {
            xmlSetProp(e, BAD_CAST attr, BAD_CAST want);
        } else if (kind == 'p') {
            serve_set_text(&r->arena, e, want);
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
        goto out;
    }
    if (op && !strncmp(op, "new:", 4)) {
        if (add_new(r, &sc, dir, name, doc, op + 4, previous, &out->at))
            changed++;
    } else if (op && strcmp(op, "save") && apply_op(&r->arena, &sc, doc, op, &out->at)) {
        changed++;
    }
    if (changed) {
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
        const char *path = arena_printf(&r->arena, "%s/%s", dir, name);
        st = mem && path ? file_atomic_save(r, path, mem, (size_t)size) : STATUS_IO;
        xmlFree(mem);
    }
    out->changed = changed;
out:
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

/* The attribute of e a problem is about, by its message: copil validate
 * names it first (NAME="…") or after its element (<e> NAME="…"); NULL
 * when the problem is the element's. */
static const char *
attribute_of(const xmlNode *e, const char *message)
{
    for (const xmlAttr *at = e->properties; at; at = at->next) {
        if (at->ns)
            continue;
        char said[128];
        snprintf(said, sizeof said, "%s=\"", (const char *)at->name);
        const char *hit = strstr(message, said);
        if (hit && (hit == message || (hit - message >= 2 && !strncmp(hit - 2, "> ", 2))))
            return (const char *)at->name;
    }
    return NULL;
}

/* Puts each problem of r at the element of doc's data (data, a copy of the
 * file's root) it was found at, by its line, as an s:problem child; those
 * found nowhere (or in another file) go to the root; a problem of one of
 * the element's attributes says which (s:problem/@attr). */
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
        xmlNode *x = xmlNewTextChild(at ? at : data, ns, BAD_CAST "problem", BAD_CAST d->message);
        const char *attr = x && at ? attribute_of(at, d->message) : NULL;
        if (attr)
            xmlSetProp(x, BAD_CAST "attr", BAD_CAST attr);
    }
}

/* --- what the schema declares for each element ------------------------ */

/* The schemas as the form's input holds them, and the numbers given to
 * their declarations (s:d), by which the form finds them. */
typedef struct Marks {
    Schemas sc;
    xmlNsPtr ns; /* s: */
    int next_id;
} Marks;

/* Marks decl with a number the form finds it by (s:d), once. */
static const char *
mark(Marks *m, xmlNode *decl, char *buf, size_t size)
{
    xmlChar *v = xmlGetNsProp(decl, BAD_CAST "d", BAD_CAST SERVE_NS);
    if (v) {
        g_strlcpy(buf, (const char *)v, size);
        xmlFree(v);
        return buf;
    }
    snprintf(buf, size, "%d", ++m->next_id);
    xmlSetNsProp(decl, m->ns, BAD_CAST "d", BAD_CAST buf);
    return buf;
}

/* Adds to e a note (s:attr, s:child) of each declaration of what its type
 * declares, in the schema's order: its name and its number. */
static void
note_model(Arena *a, Marks *m, xmlNode *e, xmlNode *type, const char *what, const char *note)
{
    xmlNode *decls[64];
    int n = schemas_model(a, &m->sc, type, what, decls, 64);
    for (int i = 0; i < n; i++) {
        char id[16];
        xmlChar *name = xmlGetProp(decls[i], BAD_CAST "name");
        int again = 0; /* declared twice (in two choices): noted once */
        for (int j = 0; j < i && name; j++) {
            xmlChar *other = xmlGetProp(decls[j], BAD_CAST "name");
            again |= other && !strcmp((const char *)other, (const char *)name);
            xmlFree(other);
        }
        if (again) {
            xmlFree(name);
            continue;
        }
        xmlNode *x = name ? xmlNewChild(e, m->ns, BAD_CAST note, NULL) : NULL;
        if (x) {
            xmlSetProp(x, BAD_CAST "name", name);
            xmlSetProp(x, BAD_CAST "d", BAD_CAST mark(m, decls[i], id, sizeof id));
        }
        xmlFree(name);
    }
}

/* 1 when decl (of type type) holds running text: paragraphs and lists,
 * its type Paragraphs or an extension of it. */
static int
running_text(Arena *a, xmlNode *decl, xmlNode *type)
{
    const char *t = schemas_local_attr(a, decl, "type");
    if (t && !strcmp(t, "Paragraphs"))
        return 1;
    for (xmlNode *c = type ? type->children : NULL; c; c = c->next)
        for (xmlNode *x = schemas_is(c, "complexContent") ? c->children : NULL; x; x = x->next) {
            const char *base = schemas_is(x, "extension") ? schemas_local_attr(a, x, "base") : NULL;
            if (base && !strcmp(base, "Paragraphs"))
                return 1;
        }
    return 0;
}

/* Gives e (a data element) the number of its declaration decl, notes of
 * the attributes and elements its type declares (s:attr, s:child: the
 * form shows each attribute, and offers to add an element that is not
 * there), for running text its text area's text (s:text) or s:readonly,
 * then does the same for its children. */
static void
declare(Arena *a, Marks *m, xmlNode *e, xmlNode *decl, int depth)
{
    if (!decl || depth > 64)
        return;
    char id[16];
    xmlSetNsProp(e, m->ns, BAD_CAST "d", BAD_CAST mark(m, decl, id, sizeof id));
    xmlNode *type = schemas_type_of(a, &m->sc, decl);
    for (xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->ns != m->ns)
            declare(a, m, c, schemas_find(a, &m->sc, type, "element", (const char *)c->name),
                    depth + 1);
    note_model(a, m, e, type, "attribute", "attr");
    note_model(a, m, e, type, "element", "child");
    if (running_text(a, decl, type)) {
        /* its text area's text, or read only when it could not be kept */
        char *text = serve_text_of(a, e);
        xmlSetNsProp(e, m->ns, BAD_CAST(text ? "text" : "readonly"), BAD_CAST(text ? text : "1"));
    }
}

Status
serve_form(Session *s, Run *r, const char *dir, const ServeFile *f, const ServeFile *files,
           int nfiles, const Run *problems, Buf *b, char *hash)
{
    char *data;
    size_t len;
    if (serve_read_file(r, dir, f->name, &data, &len, hash) != STATUS_OK)
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
    static const struct {
        const char *name, *words;
    } labels[] = {
        {"save-label", N_("Save")},
        {"problems-label", N_("Problems to correct")},
        {"readonly-label", N_("This text holds formatting the form cannot keep yet: change it in "
                              "a text editor.")},
        {"none-label", N_("(none)")},
        {"choose-label", N_("(to choose)")},
        {"text-hint", N_("A blank line between two paragraphs; a list's entries each on a line "
                         "that starts with \"- \", or \"1. \" for a numbered list.")},
        {"add-label", N_("Add another after this one")},
        {"new-label", N_("Add:")},
        {"remove-label", N_("Remove")},
        {"up-label", N_("Move up")},
        {"down-label", N_("Move down")},
        {"record-title", N_("After the meeting: its record")},
        {"record-text", N_("The minutes are written in this same file. The record is drafted "
                           "with a discussion for each item of the agenda and, when there was a "
                           "previous meeting, its open actions to follow up and its objectives "
                           "to evaluate. Every member is marked present: correct those who "
                           "were not.")},
        {"previous-label", N_("Previous meeting")},
        {"record-label", N_("Write the record")},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        xmlSetProp(top, BAD_CAST labels[i].name, BAD_CAST _(labels[i].words));
    xmlNode *root = xmlDocGetRootElement(doc);
    DocKind kind = validate_kind_from_root((const char *)root->name);
    if (!render_data_typed(kind)) {
        run_diag(r, DIAG_ERROR, 0, 0, "%s",
                 _("This file is not one that people type (copil made it): it has no form."));
        st = STATUS_INVALID;
        goto out;
    }
    if (kind == DOC_MEETING) {
        /* what the references of a meeting are chosen among */
        serve_meetings(r, files, nfiles, f->name, doc, top, ns);
        xmlDocPtr prev = serve_previous(r, dir, f->name, doc);
        if (prev)
            serve_objectives(prev, top, ns);
    }
    xmlNode *copy = xmlDocCopyNode(root, in, 1);
    if (!copy)
        goto out;
    xmlAddChild(top, copy);
    place_problems(problems, f->name, copy, ns);
    Marks m = {.ns = ns};
    if (schemas_load(s, r, kind, in, top, &m.sc) != STATUS_OK)
        goto out;
    declare(&r->arena, &m, copy, schemas_named(&m.sc, "element", (const char *)root->name), 0);
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
