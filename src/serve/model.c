/*
 * serve/model.c — what the schemas declare (serve/model.h): declarations
 * found by name, a type's content in the schema's order, and new elements
 * that hold what their declaration requires, indented as the file is.
 *
 * The walks follow the forms our schemas use (sequences, choices, simple
 * and complex content, extensions of named types) and are bounded in
 * depth, so that a schema edited by an académie cannot make them loop.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "serve/model.h"

#define SCHEMA_MAX (4u << 20)
#define MODEL_MAX  64

Status
schemas_load(Session *s, Run *r, DocKind kind, xmlDocPtr into, xmlNode *parent, Schemas *sc)
{
    *sc = (Schemas){0};
    const char *names[] = {validate_kind_name(kind), "common"};
    if (kind == DOC_UNKNOWN)
        return STATUS_IO;
    for (int i = 0; i < 2; i++) {
        const char *path = arena_printf(&r->arena, "%s/schemas/%s.xsd", s->datadir, names[i]);
        xmlDocPtr doc = validate_parse_file(r, path, O_NOFOLLOW, SCHEMA_MAX);
        if (!doc)
            goto fail;
        sc->roots[i] = xmlDocGetRootElement(doc);
        if (into) {
            xmlNode *copy = xmlDocCopyNode(sc->roots[i], into, 1);
            if (!copy)
                goto fail;
            xmlAddChild(parent, copy);
            sc->roots[i] = copy;
        }
    }
    return STATUS_OK;
fail:
    *sc = (Schemas){0};
    return STATUS_IO;
}

int
schemas_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, XS_NS) &&
           !strcmp((const char *)n->name, name);
}

/* 1 when n's attribute name is value. */
static int
attr_is(const xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    int same = v && !strcmp((const char *)v, value);
    xmlFree(v);
    return same;
}

char *
schemas_local_attr(Arena *a, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    const char *colon = strchr((const char *)v, ':');
    char *s = arena_strdup(a, colon ? colon + 1 : (const char *)v);
    xmlFree(v);
    return s;
}

const char *
schemas_label(Arena *a, xmlNode *decl, const char *fallback)
{
    for (xmlNode *an = decl ? decl->children : NULL; an; an = an->next)
        for (xmlNode *d = schemas_is(an, "annotation") ? an->children : NULL; d; d = d->next) {
            if (!schemas_is(d, "documentation"))
                continue;
            xmlChar *t = xmlNodeGetContent(d);
            const char *text = t ? (const char *)t : "", *dash = strstr(text, " — ");
            char *label = arena_strndup(a, text, dash ? (size_t)(dash - text) : strlen(text));
            xmlFree(t);
            /* one line: its white space folded */
            for (char *p = label; p && *p; p++)
                if (*p == '\n' || *p == '\t')
                    *p = ' ';
            if (label && *label)
                return label;
        }
    return fallback;
}

xmlNode *
schemas_named(const Schemas *sc, const char *kind, const char *name)
{
    for (int i = 0; i < 2 && name; i++)
        for (xmlNode *c = sc->roots[i] ? sc->roots[i]->children : NULL; c; c = c->next)
            if (schemas_is(c, kind) && attr_is(c, "name", name))
                return c;
    return NULL;
}

xmlNode *
schemas_type_of(Arena *a, const Schemas *sc, xmlNode *decl)
{
    if (!decl)
        return NULL;
    for (xmlNode *c = decl->children; c; c = c->next)
        if (schemas_is(c, "complexType"))
            return c;
    return schemas_named(sc, "complexType", schemas_local_attr(a, decl, "type"));
}

/* Walks the content under n in the schema's order, calling found for each
 * declaration of what, not inside other elements' declarations; through
 * an extension or a restriction to its base first. Stops when found
 * returns 1, and returns that declaration. */
static xmlNode *
walk(Arena *a, const Schemas *sc, xmlNode *n, const char *what, int depth,
     int (*found)(xmlNode *decl, void *arg), void *arg)
{
    if (!n || depth > 32)
        return NULL;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || schemas_is(c, "annotation"))
            continue;
        if (schemas_is(c, what) && found(c, arg))
            return c;
        if (schemas_is(c, "element") || schemas_is(c, "attribute"))
            continue;
        xmlNode *hit = NULL;
        if (schemas_is(c, "extension") || schemas_is(c, "restriction"))
            hit = walk(a, sc, schemas_named(sc, "complexType", schemas_local_attr(a, c, "base")),
                       what, depth + 1, found, arg);
        if (!hit)
            hit = walk(a, sc, c, what, depth + 1, found, arg);
        if (hit)
            return hit;
    }
    return NULL;
}

static int
is_named(xmlNode *decl, void *name)
{
    return attr_is(decl, "name", name);
}

xmlNode *
schemas_find(Arena *a, const Schemas *sc, xmlNode *type, const char *what, const char *name)
{
    return name ? walk(a, sc, type, what, 0, is_named, (void *)name) : NULL;
}

typedef struct Collect {
    xmlNode **out;
    int n, max;
} Collect;

static int
collect(xmlNode *decl, void *arg)
{
    Collect *c = arg;
    if (c->n < c->max)
        c->out[c->n++] = decl;
    return 0;
}

int
schemas_model(Arena *a, const Schemas *sc, xmlNode *type, const char *what, xmlNode **out, int max)
{
    Collect c = {out, 0, max};
    walk(a, sc, type, what, 0, collect, &c);
    return c.n;
}

xmlNode *
schemas_decl_of(Arena *a, const Schemas *sc, xmlNode *e)
{
    if (!e || e->type != XML_ELEMENT_NODE)
        return NULL;
    if (!e->parent || e->parent->type != XML_ELEMENT_NODE)
        return schemas_named(sc, "element", (const char *)e->name);
    xmlNode *up = schemas_decl_of(a, sc, e->parent);
    return up ? schemas_find(a, sc, schemas_type_of(a, sc, up), "element", (const char *)e->name)
              : NULL;
}

int
schemas_required(const xmlNode *decl)
{
    if (schemas_is(decl, "attribute"))
        return attr_is(decl, "use", "required");
    /* up to the type: each particle must be there, and be the first of a
     * choice it stands in */
    for (const xmlNode *n = decl; n && !schemas_is(n, "complexType"); n = n->parent) {
        if (attr_is(n, "minOccurs", "0"))
            return 0;
        if (n != decl && schemas_is(n, "choice")) {
            const xmlNode *first = n->children;
            while (first && (first->type != XML_ELEMENT_NODE || schemas_is(first, "annotation")))
                first = first->next;
            const xmlNode *under = decl;
            while (under && under->parent != n)
                under = under->parent;
            if (under != first)
                return 0;
        }
    }
    return 1;
}

/* --- new elements ---------------------------------------------------------- */

/* 1 when an element at or under n has id as its id. */
static int
id_used(const xmlNode *n, const char *id)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (attr_is(n, "id", id) || id_used(n->children, id))
            return 1;
    }
    return 0;
}

void
model_new_id(xmlNode *e, const char *prefix)
{
    const xmlNode *top = e;
    while (top->parent && top->parent->type == XML_ELEMENT_NODE)
        top = top->parent;
    for (int n = 1; n < 100000; n++) {
        char id[48];
        snprintf(id, sizeof id, "%.16s%d", prefix, n);
        if (!id_used(top, id) && !(e->doc && xmlGetID(e->doc, BAD_CAST id))) {
            xmlSetProp(e, BAD_CAST "id", BAD_CAST id);
            return;
        }
    }
}

/* Appends text to e (white space between elements). */
static void
add_space(xmlNode *e, const char *text)
{
    xmlNode *t = text ? xmlNewDocText(e->doc, BAD_CAST text) : NULL;
    if (t)
        xmlAddChild(e, t);
}

static xmlNode *
skeleton(Arena *a, const Schemas *sc, xmlDocPtr doc, xmlNode *decl, xmlNsPtr ns, const char *indent,
         int depth)
{
    xmlChar *name = xmlGetProp(decl, BAD_CAST "name");
    xmlNode *e = name ? xmlNewDocNode(doc, ns, name, NULL) : NULL;
    xmlFree(name);
    if (!e || depth > 16)
        return e;
    xmlNode *type = schemas_type_of(a, sc, decl);
    xmlNode *decls[MODEL_MAX];
    int n = schemas_model(a, sc, type, "attribute", decls, MODEL_MAX);
    for (int i = 0; i < n; i++) {
        if (!schemas_required(decls[i]))
            continue;
        if (attr_is(decls[i], "name", "id")) {
            char prefix[2] = {(char)e->name[0], '\0'};
            model_new_id(e, isalpha(prefix[0]) ? prefix : "x");
            continue;
        }
        xmlChar *an = xmlGetProp(decls[i], BAD_CAST "name");
        if (an)
            xmlSetProp(e, an, BAD_CAST "");
        xmlFree(an);
    }
    n = schemas_model(a, sc, type, "element", decls, MODEL_MAX);
    const char *inner = arena_printf(a, "%s  ", indent);
    int added = 0;
    for (int i = 0; i < n && inner; i++) {
        if (!schemas_required(decls[i]))
            continue;
        xmlNode *c = skeleton(a, sc, doc, decls[i], ns, inner, depth + 1);
        if (!c)
            continue;
        add_space(e, arena_printf(a, "\n%s", inner));
        xmlAddChild(e, c);
        added = 1;
    }
    if (added)
        add_space(e, arena_printf(a, "\n%s", indent));
    return e;
}

xmlNode *
model_skeleton(Arena *a, const Schemas *sc, xmlDocPtr doc, xmlNode *decl, xmlNsPtr ns,
               const char *indent)
{
    return skeleton(a, sc, doc, decl, ns, indent ? indent : "", 0);
}

/* The spaces that indent e's line ("" when e is not on a line of its
 * own), in a. */
static const char *
model_indent(Arena *a, const xmlNode *e)
{
    const xmlNode *p = e->prev;
    if (!p || p->type != XML_TEXT_NODE || !p->content)
        return "";
    const char *s = (const char *)p->content, *nl = strrchr(s, '\n');
    if (!nl)
        return "";
    for (const char *q = nl + 1; *q; q++)
        if (*q != ' ' && *q != '\t')
            return "";
    return arena_strdup(a, nl + 1);
}

const char *
model_inner_indent(Arena *a, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            const char *in = model_indent(a, c);
            if (*in)
                return in;
            break;
        }
    return arena_printf(a, "%s  ", model_indent(a, e));
}

/* The rank of an element called name in parent's content; -1 when the
 * type does not declare it. */
static int
rank(const char *name, xmlNode **decls, int n)
{
    for (int i = 0; i < n; i++)
        if (attr_is(decls[i], "name", name))
            return i;
    return -1;
}

void
model_insert(Arena *a, const Schemas *sc, xmlNode *parent, xmlNode *pdecl, xmlNode *child)
{
    xmlNode *decls[MODEL_MAX];
    int n = schemas_model(a, sc, schemas_type_of(a, sc, pdecl), "element", decls, MODEL_MAX);
    int mine = rank((const char *)child->name, decls, n);
    const char *inner = model_inner_indent(a, parent);
    const char *line = arena_printf(a, "\n%s", inner);
    /* before the first element that the type puts after it */
    xmlNode *before = NULL;
    for (xmlNode *c = parent->children; c && mine >= 0; c = c->next) {
        int r = c->type == XML_ELEMENT_NODE ? rank((const char *)c->name, decls, n) : -1;
        if (r > mine) {
            before = c;
            break;
        }
    }
    if (!line)
        return;
    /* libxml2 merges a text put beside a text: the child goes in first,
     * then its line's white space, between two elements */
    if (before) {
        xmlAddPrevSibling(before, child);
        xmlNode *t = xmlNewDocText(parent->doc, BAD_CAST line);
        if (t)
            xmlAddPrevSibling(before, t);
        return;
    }
    /* last: before the white space that closes the parent */
    xmlNode *last = parent->last;
    if (last && last->type == XML_TEXT_NODE && xmlIsBlankNode(last) && last->prev &&
        last->prev->type == XML_ELEMENT_NODE) {
        xmlAddPrevSibling(last, child);
        xmlNode *t = xmlNewDocText(parent->doc, BAD_CAST line);
        if (t)
            xmlAddPrevSibling(child, t);
        return;
    }
    add_space(parent, line);
    xmlAddChild(parent, child);
    add_space(parent, arena_printf(a, "\n%s", model_indent(a, parent)));
}

const char *
model_path(Arena *a, const xmlNode *e)
{
    if (!e->parent || e->parent->type != XML_ELEMENT_NODE)
        return "1";
    int k = 0;
    for (const xmlNode *c = e->parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            k++;
            if (c == e)
                break;
        }
    return arena_printf(a, "%s.%d", model_path(a, e->parent), k);
}

void
model_adopt(xmlNode *copy, xmlNsPtr ns)
{
    copy->ns = ns;
    if (copy->nsDef) {
        xmlFreeNsList(copy->nsDef);
        copy->nsDef = NULL;
    }
    for (xmlNode *c = copy->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            model_adopt(c, ns);
}
