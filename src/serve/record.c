/*
 * serve/record.c — a meeting's record, drafted in the form: the previous
 * meeting chosen among the folder's, its open actions to follow up and
 * its objectives to evaluate already listed.
 *
 * A meeting file is made for its agenda; after the meeting, the same file
 * gets its record. The draft holds what the secretary would otherwise
 * copy by hand: a discussion for each agenda item, the previous meeting's
 * actions still to do or under way (the same id: the minutes print them as
 * followed up), an evaluation for each of its objectives, each member's
 * attendance. What nobody has said yet stays empty (a result, a status of
 * approval), so that copil validate asks for it rather than the minutes
 * printing a guess. Every element is made from its declaration in the
 * schemas (model.c), so the draft follows them.
 *
 * Only plain files of the folder are read (serve_name_ok, never a link).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "serve/record.h"
#include "serve/serve.h"

#define DATA_MAX (32u << 20)

/* The folded text of e, in a; "" when e is NULL. */
static const char *
text_of(Arena *a, const xmlNode *e)
{
    xmlChar *t = e ? xmlNodeGetContent(e) : NULL;
    const char *s = serve_folded(a, t ? (const char *)t : "");
    xmlFree(t);
    return s ? s : "";
}

/* The value of e's attribute name, in a; "" when it has none. */
static const char *
attr_of(Arena *a, const xmlNode *e, const char *name)
{
    const char *v = validate_attr(a, e, name);
    return v ? v : "";
}

/* The data file name of dir, parsed in r; NULL when it is not a plain
 * file of the folder or not XML. */
static xmlDocPtr
read_data(Run *r, const char *dir, const char *name)
{
    if (!name || !serve_name_ok(name))
        return NULL;
    return validate_parse_file(r, arena_printf(&r->arena, "%s/%s", dir, name), O_NOFOLLOW,
                               DATA_MAX);
}

xmlDocPtr
serve_previous(Run *r, const char *dir, const char *name, xmlDocPtr doc)
{
    const char *href = attr_of(&r->arena, xml_child(xmlDocGetRootElement(doc), "previous"), "href");
    if (!*href || !strcmp(href, name))
        return NULL;
    xmlDocPtr prev = read_data(r, dir, href);
    xmlNode *root = prev ? xmlDocGetRootElement(prev) : NULL;
    return root && !strcmp((const char *)root->name, "meeting") ? prev : NULL;
}

void
serve_objectives(xmlDocPtr prev, xmlNode *into, xmlNsPtr ns)
{
    Arena a;
    arena_init(&a);
    xmlNode *objectives = xml_child(xml_child(xmlDocGetRootElement(prev), "record"), "objectives");
    for (xmlNode *o = objectives ? objectives->children : NULL; o; o = o->next) {
        if (o->type != XML_ELEMENT_NODE || strcmp((const char *)o->name, "objective"))
            continue;
        xmlNode *x = xmlNewTextChild(into, ns, BAD_CAST "objective",
                                     BAD_CAST text_of(&a, xml_child(o, "text")));
        if (x)
            xmlSetProp(x, BAD_CAST "id", BAD_CAST attr_of(&a, o, "id"));
    }
    arena_free(&a);
}

/* A meeting of the folder, as the previous meeting is chosen among them. */
typedef struct Meeting {
    const char *name, *date, *uai;
    int record;
} Meeting;

static int
later_first(const void *a, const void *b)
{
    const Meeting *x = a, *y = b;
    int c = strcmp(y->date, x->date);
    return c ? c : strcmp(x->name, y->name);
}

void
serve_meetings(Run *r, const ServeFile *files, int nfiles, const char *name, xmlDocPtr doc,
               xmlNode *into, xmlNsPtr ns)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    const char *date = text_of(&r->arena, xml_child(root, "date"));
    const char *uai = attr_of(&r->arena, xml_child(root, "establishment"), "uai");
    Meeting *list = nfiles ? arena_alloc_array(&r->arena, (size_t)nfiles, sizeof *list) : NULL;
    int n = 0;
    for (int i = 0; list && i < nfiles; i++)
        if (files[i].kind == DOC_MEETING && strcmp(files[i].name, name))
            list[n++] = (Meeting){
                .name = files[i].name,
                .date = files[i].date ? files[i].date : "",
                .uai = files[i].uai ? files[i].uai : "",
                .record = files[i].makes && files[i].makes->record,
            };
    if (n)
        qsort(list, (size_t)n, sizeof *list, later_first);
    /* the one a secretary would pick: the latest earlier meeting of the
     * same school, with its record */
    int pick = -1;
    for (int i = 0; i < n && pick < 0; i++)
        if (list[i].record && strcmp(list[i].date, date) < 0 && !strcmp(list[i].uai, uai))
            pick = i;
    for (int i = 0; i < n; i++) {
        /* only the earlier meetings of the same school */
        if ((*date && *list[i].date && strcmp(list[i].date, date) >= 0) ||
            (*uai && *list[i].uai && strcmp(list[i].uai, uai)))
            continue;
        int y, m, dd;
        const char *when = sscanf(list[i].date, "%4d-%2d-%2d", &y, &m, &dd) == 3
                               ? arena_printf(&r->arena, "%02d/%02d/%04d", dd, m, y)
                               : list[i].date;
        const char *label = arena_printf(&r->arena, _("Meeting of %s (%s)"), when, list[i].name);
        xmlNode *x = label ? xmlNewTextChild(into, ns, BAD_CAST "meeting", BAD_CAST label) : NULL;
        if (!x)
            return;
        xmlSetProp(x, BAD_CAST "name", BAD_CAST list[i].name);
        if (i == pick)
            xmlSetProp(x, BAD_CAST "default", BAD_CAST "1");
    }
}

/* A new element name for parent (whose declaration is pdecl), made from
 * its declaration and put in its place; NULL when the schemas do not
 * declare it there. */
static xmlNode *
add(Arena *a, const Schemas *sc, xmlNode *parent, xmlNode *pdecl, const char *name)
{
    xmlNode *decl = schemas_find(a, sc, schemas_type_of(a, sc, pdecl), "element", name);
    if (!decl)
        return NULL;
    /* made bare, then filled: what it requires is added by the caller */
    xmlNode *e = xmlNewDocNode(parent->doc, parent->ns, BAD_CAST name, NULL);
    if (!e)
        return NULL;
    model_insert(a, sc, parent, pdecl, e);
    return e;
}

/* A new element name for parent with what its declaration requires. */
static xmlNode *
add_full(Arena *a, const Schemas *sc, xmlNode *parent, xmlNode *pdecl, const char *name)
{
    xmlNode *decl = schemas_find(a, sc, schemas_type_of(a, sc, pdecl), "element", name);
    xmlNode *e =
        decl ? model_skeleton(a, sc, parent->doc, decl, parent->ns, model_inner_indent(a, parent))
             : NULL;
    if (e)
        model_insert(a, sc, parent, pdecl, e);
    return e;
}

int
serve_draft_record(Run *r, const Schemas *sc, const char *dir, const char *name, xmlDocPtr doc,
                   const char *previous, const char **at)
{
    Arena *a = &r->arena;
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *rdecl = schemas_named(sc, "element", "meeting");
    if (!root || strcmp((const char *)root->name, "meeting") || xml_child(root, "record") || !rdecl)
        return 0;
    if (previous && *previous && !xml_child(root, "previous") && serve_name_ok(previous) &&
        strcmp(previous, name)) {
        xmlNode *p = add(a, sc, root, rdecl, "previous");
        if (p)
            xmlSetProp(p, BAD_CAST "href", BAD_CAST previous);
    }
    xmlDocPtr prev = serve_previous(r, dir, name, doc);
    xmlNode *precord = prev ? xml_child(xmlDocGetRootElement(prev), "record") : NULL;

    xmlNode *record = add(a, sc, root, rdecl, "record");
    xmlNode *decl = schemas_find(a, sc, schemas_type_of(a, sc, rdecl), "element", "record");
    if (!record || !decl)
        return 0;
    for (xmlNode *m = xml_child(xml_child(root, "members"), "member"); m; m = m->next)
        if (m->type == XML_ELEMENT_NODE && !xmlHasProp(m, BAD_CAST "attendance"))
            xmlSetProp(m, BAD_CAST "attendance", BAD_CAST "present");
    if (precord)
        add_full(a, sc, record, decl, "approval");
    for (xmlNode *item = xml_child(xml_child(root, "agenda"), "item"); item; item = item->next) {
        if (item->type != XML_ELEMENT_NODE || !xmlHasProp(item, BAD_CAST "id"))
            continue;
        xmlNode *dn = add_full(a, sc, record, decl, "discussion");
        if (dn)
            xmlSetProp(dn, BAD_CAST "item", BAD_CAST attr_of(a, item, "id"));
    }
    /* the previous meeting's actions still open, as they stand */
    xmlNode *actions = NULL;
    xmlNode *adecl = schemas_find(a, sc, schemas_type_of(a, sc, decl), "element", "actions");
    for (xmlNode *act = xml_child(xml_child(precord, "actions"), "action"); act; act = act->next) {
        const char *status = act->type == XML_ELEMENT_NODE ? attr_of(a, act, "status") : "";
        if (strcmp(status, "a-faire") && strcmp(status, "en-cours"))
            continue;
        if (!actions && !(actions = add(a, sc, record, decl, "actions")))
            break;
        xmlNode *copy = xmlDocCopyNode(act, doc, 1);
        if (!copy)
            break;
        model_adopt(copy, record->ns);
        model_insert(a, sc, actions, adecl, copy);
    }
    /* an evaluation of each of its objectives, to be written */
    xmlNode *evaluations = NULL;
    xmlNode *edecl = schemas_find(a, sc, schemas_type_of(a, sc, decl), "element", "evaluations");
    for (xmlNode *o = xml_child(xml_child(precord, "objectives"), "objective"); o; o = o->next) {
        if (o->type != XML_ELEMENT_NODE)
            continue;
        if (!evaluations && !(evaluations = add(a, sc, record, decl, "evaluations")))
            break;
        xmlNode *ev = add_full(a, sc, evaluations, edecl, "evaluation");
        if (!ev)
            break;
        xmlSetProp(ev, BAD_CAST "objective", BAD_CAST attr_of(a, o, "id"));
        xmlNode *evdecl =
            schemas_find(a, sc, schemas_type_of(a, sc, edecl), "element", "evaluation");
        add_full(a, sc, ev, evdecl, "measured");
        add_full(a, sc, ev, evdecl, "comment");
    }
    *at = model_path(a, record);
    return 1;
}
