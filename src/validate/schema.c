/*
 * validate/schema.c — XSD validation with messages people can act on.
 *
 * A schema is compiled once and kept with the hints read from its source: the
 * "expected" text of each named type and, for each identity constraint, the
 * attribute it compares and the element it keys. Validation errors are
 * collected as they come, grouped per element or attribute (libxml2 reports
 * one bad value two or three times), translated by messages.c and placed at
 * the line and column of the tag as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xmlschemas.h>

#include "core/utf8.h"
#include "validate/internal.h"
#include "core/i18n.h"

#define XS_NS          "http://www.w3.org/2001/XMLSchema"
#define MAX_INCLUDES   8
#define MAX_RAW_ERRORS 400

struct Schema {
    Arena arena;       /* hints and their strings */
    SchemaHint *hints; /* read on the first error: most files have none */
    int hints_read;
    xmlDocPtr docs[MAX_INCLUDES + 1]; /* the schema, and its includes once hints_read */
    int ndocs;
    xmlSchemaPtr compiled;
};

/* --- loading --------------------------------------------------------- */

static int
is_xs(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, XS_NS) &&
           !strcmp((const char *)n->name, name);
}

/* "c:members/c:member" → "member"; "@id" → "id". */
static const char *
last_step(Arena *a, const char *xpath)
{
    const char *s = strrchr(xpath, '/');
    s = s ? s + 1 : xpath;
    if (*s == '@')
        s++;
    const char *colon = strchr(s, ':');
    return arena_strdup(a, colon ? colon + 1 : s);
}

static void
collect_hints(Schema *s, xmlNode *node)
{
    const char *lang = i18n_language();
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_xs(n, "simpleType") && xmlHasProp(n, BAD_CAST "name")) {
            /* The English text has no xml:lang; a translation beside it
             * says its language, and wins when it is the user's. */
            xmlNode *english = NULL, *mine = NULL;
            for (xmlNode *ann = n->children; ann; ann = ann->next) {
                if (!is_xs(ann, "annotation"))
                    continue;
                for (xmlNode *ai = ann->children; ai; ai = ai->next) {
                    if (!is_xs(ai, "appinfo"))
                        continue;
                    const char *src = validate_attr(&s->arena, ai, "source");
                    if (!src || strcmp(src, "expected") != 0)
                        continue;
                    xmlChar *l = xmlGetNsProp(ai, BAD_CAST "lang", XML_XML_NAMESPACE);
                    if (!l)
                        english = english ? english : ai;
                    else if (!strcmp((const char *)l, lang))
                        mine = mine ? mine : ai;
                    xmlFree(l);
                }
            }
            if (english || mine) {
                SchemaHint *h = arena_alloc(&s->arena, sizeof(*h));
                if (!h)
                    return;
                h->name = validate_attr(&s->arena, n, "name");
                h->text = xml_text(&s->arena, mine ? mine : english);
                h->next = s->hints;
                s->hints = h;
            }
        } else if (is_xs(n, "key") || is_xs(n, "unique") || is_xs(n, "keyref")) {
            SchemaHint *h = arena_alloc(&s->arena, sizeof(*h));
            if (!h)
                return;
            h->name = validate_attr(&s->arena, n, "name");
            const char *refer = validate_attr(&s->arena, n, "refer");
            if (refer)
                h->refer = last_step(&s->arena, refer);
            for (xmlNode *c = n->children; c; c = c->next) {
                const char *xp = is_xs(c, "selector") || is_xs(c, "field")
                                     ? validate_attr(&s->arena, c, "xpath")
                                     : NULL;
                if (xp && is_xs(c, "selector"))
                    h->target = last_step(&s->arena, xp);
                else if (xp)
                    h->field = last_step(&s->arena, xp);
            }
            h->next = s->hints;
            s->hints = h;
        }
        collect_hints(s, n->children);
    }
}

/* "@member/" lists the attributes an element may have, space-separated, to
 * suggest the right one for a misspelt attribute. */
static void
add_allowed_attribute(Schema *s, const char *elem, const char *attr)
{
    const char *key = arena_printf(&s->arena, "@%s/", elem);
    if (!key)
        return;
    for (SchemaHint *h = s->hints; h; h = h->next) {
        if (!h->name || strcmp(h->name, key) != 0)
            continue;
        const char *words = arena_printf(&s->arena, " %s ", h->text);
        const char *word = arena_printf(&s->arena, " %s ", attr);
        if (words && word && !strstr(words, word))
            h->text = arena_printf(&s->arena, "%s %s", h->text, attr);
        return;
    }
    SchemaHint *h = arena_alloc(&s->arena, sizeof(*h));
    if (!h)
        return;
    h->name = key;
    h->text = arena_strdup(&s->arena, attr);
    h->next = s->hints;
    s->hints = h;
}

static void
add_decl(Schema *s, const char *elem, const char *attr, const char *type)
{
    if (elem && attr)
        add_allowed_attribute(s, elem, attr);
    if (!elem || !type)
        return;
    const char *colon = strchr(type, ':');
    type = colon ? colon + 1 : type;
    const char *key =
        attr ? arena_printf(&s->arena, "@%s/%s", elem, attr) : arena_printf(&s->arena, "@%s", elem);
    for (SchemaHint *h = s->hints; h; h = h->next) {
        if (h->name && key && !strcmp(h->name, key)) {
            /* The same name with two types: no hint rather than a wrong one. */
            if (h->text && strcmp(h->text, type) != 0)
                h->text = NULL;
            return;
        }
    }
    SchemaHint *h = arena_alloc(&s->arena, sizeof(*h));
    if (!h || !key)
        return;
    h->name = key;
    h->text = arena_strdup(&s->arena, type); /* a type name, resolved on use */
    h->next = s->hints;
    s->hints = h;
}

static xmlNode *
named_complex_type(Schema *s, const char *qname)
{
    if (!qname)
        return NULL;
    const char *colon = strchr(qname, ':');
    const char *name = colon ? colon + 1 : qname;
    for (int i = 0; i < s->ndocs; i++) {
        for (xmlNode *n = xmlDocGetRootElement(s->docs[i])->children; n; n = n->next) {
            if (!is_xs(n, "complexType"))
                continue;
            xmlChar *v = xmlGetProp(n, BAD_CAST "name");
            int match = v && !strcmp((const char *)v, name);
            xmlFree(v);
            if (match)
                return n;
        }
    }
    return NULL;
}

/* Records the attributes of the complex type ct as declared for element
 * elem, following extension bases (depth-limited) but not nested elements. */
static void
collect_type_decls(Schema *s, const char *elem, xmlNode *ct, int depth)
{
    if (!ct || depth > 4)
        return;
    for (xmlNode *n = ct->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_xs(n, "element"))
            continue;
        if (is_xs(n, "attribute"))
            add_decl(s, elem, validate_attr(&s->arena, n, "name"),
                     validate_attr(&s->arena, n, "type"));
        if (is_xs(n, "extension") || is_xs(n, "restriction")) {
            const char *base = validate_attr(&s->arena, n, "base");
            if (is_xs(n->parent, "simpleContent") && base && strncmp(base, "xs:", 3) != 0 &&
                !named_complex_type(s, base))
                add_decl(s, elem, NULL, base);
            collect_type_decls(s, elem, named_complex_type(s, base), depth + 1);
        }
        collect_type_decls(s, elem, n, depth + 1);
    }
}

/* Element and attribute declarations → the named simple type of their
 * value, so that a facet error (libxml2 names no type for attributes) still
 * finds its hint. */
static void
collect_decls(Schema *s, xmlNode *node)
{
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_xs(n, "element") && xmlHasProp(n, BAD_CAST "name")) {
            const char *name = validate_attr(&s->arena, n, "name");
            const char *type = validate_attr(&s->arena, n, "type");
            xmlNode *ct = type ? named_complex_type(s, type) : NULL;
            if (type && !ct && strncmp(type, "xs:", 3) != 0)
                add_decl(s, name, NULL, type);
            collect_type_decls(s, name, ct, 0);
            for (xmlNode *c = n->children; c; c = c->next)
                if (is_xs(c, "complexType"))
                    collect_type_decls(s, name, c, 0);
        }
        collect_decls(s, n->children);
    }
}

/* The schema's includes, one level deep as in schemas/, after the schema
 * in s->docs: their hints are the shared types'. Read for the hints only,
 * for xmlSchemaParse reads them itself; they compiled, so an include that
 * cannot be read again now only goes without its hints. */
static void
read_includes(Schema *s)
{
    for (xmlNode *n = xmlDocGetRootElement(s->docs[0])->children; n; n = n->next) {
        if (!is_xs(n, "include") || s->ndocs > MAX_INCLUDES)
            continue;
        xmlChar *loc = xmlGetProp(n, BAD_CAST "schemaLocation");
        xmlChar *full = loc ? xmlBuildURI(loc, s->docs[0]->URL) : NULL;
        xmlDocPtr doc = full
                            ? xmlReadFile((const char *)full, NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                            : NULL;
        xmlFree(loc);
        xmlFree(full);
        if (doc && xmlDocGetRootElement(doc))
            s->docs[s->ndocs++] = doc;
        else
            xmlFreeDoc(doc);
    }
}

/* The hints cost a few milliseconds to read, on every run: only a file
 * with an error needs them. */
static void
read_hints(Schema *s)
{
    if (s->hints_read)
        return;
    s->hints_read = 1;
    read_includes(s);
    for (int i = 0; i < s->ndocs; i++)
        collect_hints(s, xmlDocGetRootElement(s->docs[i]));
    for (int i = 0; i < s->ndocs; i++)
        collect_decls(s, xmlDocGetRootElement(s->docs[i]));
}

static const SchemaHint *
find_hint(const void *ctx, const char *name)
{
    Schema *s = (Schema *)ctx; /* the hints are a cache, read on demand */
    read_hints(s);
    for (const SchemaHint *h = s->hints; h; h = h->next)
        if (h->name && !strcmp(h->name, name))
            return h;
    return NULL;
}

static void
report_schema_error(Run *r, xmlErrorPtr err)
{
    if (err && err->level != XML_ERR_WARNING)
        run_diag_at(r, DIAG_ERROR, err->file, err->line, 0, _("schema: %s"),
                    err->message ? err->message : "unknown error");
}

/* The reader's handler gets the parser context, whose _private is the run. */
static void
on_schema_read_error(void *ctx, xmlErrorPtr err)
{
    report_schema_error(((xmlParserCtxtPtr)ctx)->_private, err);
}

static void
on_schema_parse_error(void *ctx, xmlErrorPtr err)
{
    report_schema_error(ctx, err);
}

static xmlDocPtr
read_schema_doc(Run *r, const char *path)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    ctxt->sax->serror = on_schema_read_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->_private = r;
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, XML_PARSE_NONET);
    xmlFreeParserCtxt(ctxt);
    if (!doc)
        run_diag_at(r, DIAG_ERROR, path, 0, 0, _("cannot read this schema"));
    return doc;
}

Status
schema_load(Run *r, const char *path, Schema **out)
{
    Status st = STATUS_IO;
    xmlSchemaParserCtxtPtr pctxt = NULL;
    Schema *s = calloc(1, sizeof(*s));

    *out = NULL;
    if (!s)
        goto out;
    arena_init(&s->arena);
    s->docs[s->ndocs] = read_schema_doc(r, path);
    if (!s->docs[s->ndocs])
        goto out;
    s->ndocs++;

    pctxt = xmlSchemaNewDocParserCtxt(s->docs[0]);
    if (!pctxt)
        goto out;
    xmlSchemaSetParserStructuredErrors(pctxt, on_schema_parse_error, r);
    s->compiled = xmlSchemaParse(pctxt);
    if (!s->compiled) {
        run_diag_at(r, DIAG_ERROR, path, 0, 0, _("this schema does not compile"));
        goto out;
    }
    *out = s;
    s = NULL;
    st = STATUS_OK;
out:
    if (pctxt)
        xmlSchemaFreeParserCtxt(pctxt);
    schema_free(s);
    return st;
}

void
schema_free(Schema *s)
{
    if (!s)
        return;
    if (s->compiled)
        xmlSchemaFree(s->compiled);
    for (int i = 0; i < s->ndocs; i++)
        xmlFreeDoc(s->docs[i]);
    arena_free(&s->arena);
    free(s);
}

/* --- positions ------------------------------------------------------- */

/* Start of line `line` (1-based) in src, or NULL. */
static const char *
line_start(const char *src, size_t len, long line)
{
    const char *p = src, *end = src + len;
    for (long l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    return p;
}

static int
is_name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '=';
}

/* Sets *line and *col (1-based, in characters) to the place of `at`, which
 * lies on or before line `known_line` (the line of `known_bol`). */
static void
place_of(const char *src, const char *at, const char *known_bol, long known_line, long *line,
         long *col)
{
    const char *bol = at;
    while (bol > src && bol[-1] != '\n')
        bol--;
    long l = known_line;
    for (const char *p = bol; p < known_bol; p++)
        l -= *p == '\n';
    *line = l;
    *col = (long)utf8_count(bol, (size_t)(at - bol)) + 1;
}

void
source_position(const char *src, size_t len, const xmlNode *node, const char *attr, long *line_out,
                long *col_out)
{
    *line_out = node ? xmlGetLineNo(node) : 0;
    *col_out = 0;
    if (*line_out < 0)
        *line_out = 0;
    if (!src || !node || node->type != XML_ELEMENT_NODE)
        return;
    long line = *line_out;
    const char *bol = line > 0 ? line_start(src, len, line) : NULL;
    if (!bol)
        return;
    const char *eol = memchr(bol, '\n', (size_t)(src + len - bol));
    if (!eol)
        eol = src + len;

    /* libxml2 gives the line where the start tag ends: look back from the
     * end of that line for "<name" (with the prefix as written). */
    char qname[256];
    if (node->ns && node->ns->prefix)
        snprintf(qname, sizeof(qname), "<%s:%s", node->ns->prefix, node->name);
    else
        snprintf(qname, sizeof(qname), "<%s", node->name);
    size_t qlen = strlen(qname);
    const char *tag = NULL;
    for (const char *p = eol - 1; p >= src && p + qlen <= src + len; p--) {
        if (*p == '<' && !strncmp(p, qname, qlen) && p + qlen < src + len && is_name_end(p[qlen])) {
            tag = p;
            break;
        }
        if (eol - p > 100000)
            break;
    }
    if (!tag)
        return;
    const char *at = tag;
    size_t alen = attr ? strlen(attr) : 0;
    for (const char *p = tag + qlen; attr && p + alen < src + len && *p != '>'; p++) {
        if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r') &&
            !strncmp(p, attr, alen) && is_name_end(p[alen])) {
            at = p;
            break;
        }
    }
    place_of(src, at, bol, line, line_out, col_out);
}

/* --- validation ------------------------------------------------------ */

typedef struct Collected {
    const xmlNode *node;
    const char *attr;
    const char *message;
} Collected;

typedef struct CheckState {
    Run *run;
    xmlDocPtr doc;
    const Schema *schema;
    Collected *errs;
    int n;
    int dropped;
} CheckState;

static const char *
written_name(Arena *a, const xmlNode *n)
{
    if (n->ns && n->ns->prefix)
        return arena_printf(a, "%s:%s", n->ns->prefix, n->name);
    return arena_strdup(a, (const char *)n->name);
}

/* The element named local on the given line, for the errors libxml2 reports
 * with a line but no node (identity constraints). */
static const xmlNode *
element_at_line(const xmlNode *n, const char *local, long line)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlGetLineNo(n) == line && !strcmp((const char *)n->name, local))
            return n;
        const xmlNode *found = element_at_line(n->children, local, line);
        if (found)
            return found;
    }
    return NULL;
}

static void
on_validity_error(void *ctx, xmlErrorPtr err)
{
    CheckState *cs = ctx;
    if (!err || !err->message)
        return;
    if (cs->n >= MAX_RAW_ERRORS) {
        cs->dropped++;
        return;
    }
    Arena *a = &cs->run->arena;
    const xmlNode *node = err->node;
    const char *attr = NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE) {
        attr = arena_strdup(a, (const char *)node->name);
        node = node->parent;
    }
    size_t n;
    if (!node && err->line > 0 && !strncmp(err->message, "Element '", 9)) {
        const char *name = err->message + 9;
        const char *local = messages_local_name(a, name, strcspn(name, "'"));
        if (local)
            node = element_at_line(xmlDocGetRootElement(cs->doc), local, err->line);
    }
    const char *p = strstr(err->message, "', attribute '");
    if (!attr && p && !strncmp(err->message, "Element '", 9)) {
        p += 14;
        n = strcspn(p, "'");
        attr = arena_strndup(a, p, n);
    }
    /* Identity constraints are about one attribute: point at it. */
    const char *cname = strstr(err->message, "of keyref '");
    if (!cname)
        cname = strstr(err->message, "identity-constraint '");
    if (!attr && cname) {
        cname = strchr(cname, '\'') + 1;
        const char *name = messages_local_name(a, cname, strcspn(cname, "'"));
        const SchemaHint *h = name ? find_hint(cs->schema, name) : NULL;
        if (h && h->field)
            attr = h->field;
    }
    Collected *c = &cs->errs[cs->n++];
    c->node = node;
    c->attr = attr;
    c->message = arena_strdup(a, err->message);
}

#define MAX_SIBLINGS 64

static void
siblings(Arena *a, const xmlNode *node, RawError *e)
{
    e->before = arena_alloc_array(a, MAX_SIBLINGS, sizeof(*e->before));
    e->after = arena_alloc_array(a, MAX_SIBLINGS, sizeof(*e->after));
    e->nbefore = e->nafter = 0;
    if (!node || !e->before || !e->after)
        return;
    for (const xmlNode *n = node->prev; n && e->nbefore < MAX_SIBLINGS; n = n->prev)
        if (n->type == XML_ELEMENT_NODE)
            e->before[e->nbefore++] = (const char *)n->name;
    for (const xmlNode *n = node->next; n && e->nafter < MAX_SIBLINGS; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            e->after[e->nafter++] = (const char *)n->name;
}

static int
same_place(const Collected *a, const Collected *b)
{
    if (a->node != b->node)
        return 0;
    if (!a->attr || !b->attr)
        return a->attr == b->attr;
    return !strcmp(a->attr, b->attr);
}

/* Text typed where only elements may stand: point at the text itself. It
 * starts after the parent's start tag (node's line) and its leading blanks. */
static void
stray_text_position(const xmlNode *node, long *line, long *col)
{
    for (const xmlNode *t = node ? node->children : NULL; t; t = t->next) {
        if (t->type != XML_TEXT_NODE || !t->content)
            continue;
        const char *s = (const char *)t->content;
        size_t lead = strspn(s, " \t\r\n");
        if (!s[lead])
            continue;
        long newlines = 0;
        const char *last_nl = NULL;
        for (size_t i = 0; i < lead; i++)
            if (s[i] == '\n')
                newlines++, last_nl = s + i;
        if (t->prev || !last_nl)
            return; /* after a child element, or on the tag's line: keep the tag */
        *line += newlines;
        *col = (long)utf8_count(last_nl + 1, (size_t)(s + lead - last_nl - 1)) + 1;
        return;
    }
}

Status
schema_check(Schema *s, Run *r, xmlDocPtr doc, const char *src, size_t len)
{
    Status st = STATUS_IO;
    Arena *a = &r->arena;
    CheckState cs = {.run = r, .doc = doc, .schema = s};
    xmlSchemaValidCtxtPtr vctxt = NULL;
    const char **said = NULL;
    int nsaid = 0;

    cs.errs = arena_alloc_array(a, MAX_RAW_ERRORS, sizeof(*cs.errs));
    said = arena_alloc_array(a, MAX_RAW_ERRORS, sizeof(*said));
    vctxt = xmlSchemaNewValidCtxt(s->compiled);
    if (!cs.errs || !said || !vctxt) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while checking the file"));
        goto out;
    }
    xmlSchemaSetValidStructuredErrors(vctxt, on_validity_error, &cs);
    int rc = xmlSchemaValidateDoc(vctxt, doc);
    if (rc < 0 && cs.n == 0) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("internal error while checking the file against its schema"));
        goto out;
    }

    for (int i = 0; i < cs.n;) {
        int j = i + 1;
        while (j < cs.n && same_place(&cs.errs[i], &cs.errs[j]))
            j++;
        RawError raw[8];
        int k = 0;
        for (int g = i; g < j && k < 8; g++, k++) {
            const xmlNode *node = cs.errs[g].node;
            raw[k].message = cs.errs[g].message;
            raw[k].attr = cs.errs[g].attr;
            raw[k].element = node ? written_name(a, node) : "?";
            raw[k].local = node ? (const char *)node->name : "?";
            raw[k].value = !node ? NULL
                           : raw[k].attr
                               ? validate_attr(a, node, raw[k].attr)
                               : (node->children && node->children->type == XML_TEXT_NODE &&
                                          !node->children->next
                                      ? xml_text(a, node)
                                      : NULL);
            raw[k].parent = node && node->parent && node->parent->type == XML_ELEMENT_NODE
                                ? written_name(a, node->parent)
                                : NULL;
            raw[k].foreign_ns =
                node && (!node->ns || strcmp((const char *)node->ns->href, COPIL_DATA_NS) != 0);
            raw[k].ns = node && node->ns ? (const char *)node->ns->href : NULL;
            siblings(a, node, &raw[k]);
        }
        const char *msg = messages_translate(a, raw, k, find_hint, s);
        const xmlNode *node = cs.errs[i].node;
        long line, col;
        source_position(src, len, node, cs.errs[i].attr, &line, &col);
        if (strstr(cs.errs[i].message, "Character content other than whitespace"))
            stray_text_position(node, &line, &col);
        /* The same sentence at the same place once only (a missing key
         * attribute is reported both as missing and as an empty key). */
        const char *key = arena_printf(a, "%ld:%ld:%s", line, col, msg ? msg : "");
        int seen = 0;
        for (int q = 0; q < nsaid && key; q++)
            if (!strcmp(said[q], key))
                seen = 1;
        if (!seen && key)
            said[nsaid++] = key;
        if (!seen)
            run_diag(r, DIAG_ERROR, line > 0 ? line : 0, col, "%s", msg ? msg : "invalid");
        i = j;
    }
    if (cs.dropped)
        run_diag(r, DIAG_ERROR, 0, 0,
                 ngettext("%d more problem was found and not listed",
                          "%d more problems were found and not listed", (unsigned long)cs.dropped),
                 cs.dropped);
    st = (rc == 0 && cs.n == 0) ? STATUS_OK : STATUS_INVALID;
out:
    if (vctxt)
        xmlSchemaFreeValidCtxt(vctxt);
    return st;
}
