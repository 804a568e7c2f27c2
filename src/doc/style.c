/*
 * doc/style.c — named styles: read, inherited, resolved once.
 *
 * A style's unset properties come from its parent, else from the built-in
 * style of the same name (h1, p, cell, th…), else from the built-in default.
 * So a layout that defines nothing still prints sensibly, and a stylesheet
 * overrides only what it cares about. Resolution is memoised; a parent chain
 * that loops is reported once.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc/internal.h"
#include "core/i18n.h"

/* Built-in styles, as attribute lists in the layout vocabulary's own words. */
static const char *const builtin[][2] = {
    {"default", "font=sans size=10pt color=#000000 align=left valign=top line-height=1.25 "
                "orphans=2 widows=2 hyphenate=true border-color=#808080 border-sides=all"},
    {"p", "space-after=4pt"},
    {"h1", "size=16pt weight=bold space-before=12pt space-after=6pt keep-with-next=true "
           "hyphenate=false"},
    {"h2", "size=13pt weight=bold space-before=10pt space-after=4pt keep-with-next=true "
           "hyphenate=false"},
    {"h3", "size=11pt weight=bold space-before=8pt space-after=3pt keep-with-next=true "
           "hyphenate=false"},
    {"li", "space-after=2pt"},
    {"cell", "padding=3pt border=0.5pt"},
    {"th", "padding=3pt border=0.5pt weight=bold background=#e8e8e8 hyphenate=false"},
    {"caption", "weight=bold space-after=3pt keep-with-next=true"},
    {"signature", "space-before=6pt"},
    {"chart", "font=sans space-before=2pt space-after=6pt"},
};

int
doc_parse_length(const char *s)
{
    char *end;
    if (!s || !*s)
        return -1;
    double v = strtod(s, &end);
    double pt;
    if (end == s || v < 0)
        return -1;
    if (!strcmp(end, "pt"))
        pt = v;
    else if (!strcmp(end, "mm"))
        pt = v * 72.0 / 25.4;
    else if (!strcmp(end, "cm"))
        pt = v * 72.0 / 2.54;
    else if (!strcmp(end, "in"))
        pt = v * 72.0;
    else
        return -1;
    if (pt > 100000)
        return -1;
    return (int)lround(pt * DOC_UNITS_PER_PT);
}

static uint32_t
parse_color(const char *s)
{
    return (uint32_t)strtoul(s + 1, NULL, 16) & 0xFFFFFF;
}

static int
parse_sides(const char *s)
{
    if (!strcmp(s, "all"))
        return SIDE_ALL;
    int sides = 0;
    sides |= strstr(s, "top") ? SIDE_TOP : 0;
    sides |= strstr(s, "right") ? SIDE_RIGHT : 0;
    sides |= strstr(s, "bottom") ? SIDE_BOTTOM : 0;
    sides |= strstr(s, "left") ? SIDE_LEFT : 0;
    return sides;
}

/* Sets one property of st from its written value (schema-valid). */
static void
set_property(Style *st, const char *name, const char *v)
{
    if (!strcmp(name, "font"))
        st->font = v;
    else if (!strcmp(name, "size"))
        st->size = (int)lround(strtod(v, NULL) * DOC_UNITS_PER_PT);
    else if (!strcmp(name, "weight"))
        st->bold = !strcmp(v, "bold");
    else if (!strcmp(name, "slant"))
        st->italic = !strcmp(v, "italic");
    else if (!strcmp(name, "color"))
        st->color = parse_color(v);
    else if (!strcmp(name, "align"))
        st->align = !strcmp(v, "right")     ? ALIGN_RIGHT
                    : !strcmp(v, "center")  ? ALIGN_CENTER
                    : !strcmp(v, "justify") ? ALIGN_JUSTIFY
                                            : ALIGN_LEFT;
    else if (!strcmp(name, "valign"))
        st->valign = !strcmp(v, "middle")   ? VALIGN_MIDDLE
                     : !strcmp(v, "bottom") ? VALIGN_BOTTOM
                                            : VALIGN_TOP;
    else if (!strcmp(name, "line-height"))
        st->line_height = (int)lround(strtod(v, NULL) * 1000);
    else if (!strcmp(name, "space-before"))
        st->space_before = doc_parse_length(v);
    else if (!strcmp(name, "space-after"))
        st->space_after = doc_parse_length(v);
    else if (!strcmp(name, "indent-left"))
        st->indent_left = doc_parse_length(v);
    else if (!strcmp(name, "indent-right"))
        st->indent_right = doc_parse_length(v);
    else if (!strcmp(name, "indent-first"))
        st->indent_first = doc_parse_length(v);
    else if (!strcmp(name, "border"))
        st->border = doc_parse_length(v);
    else if (!strcmp(name, "border-sides"))
        st->border_sides = parse_sides(v);
    else if (!strcmp(name, "border-color"))
        st->border_color = parse_color(v);
    else if (!strcmp(name, "background"))
        st->has_background = 1, st->background = parse_color(v);
    else if (!strcmp(name, "padding"))
        st->padding = doc_parse_length(v);
    else if (!strcmp(name, "keep-with-next"))
        st->keep_with_next = !strcmp(v, "true");
    else if (!strcmp(name, "hyphenate"))
        st->hyphenate = !strcmp(v, "true");
    else if (!strcmp(name, "orphans"))
        st->orphans = atoi(v);
    else if (!strcmp(name, "widows"))
        st->widows = atoi(v);
}

/* Applies "name=value name=value" (built-in lists). */
static void
apply_builtin(Arena *a, Style *st, const char *list)
{
    char *copy = arena_strdup(a, list);
    char *save = NULL;
    for (char *w = copy ? strtok_r(copy, " ", &save) : NULL; w; w = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(w, '=');
        if (!eq)
            continue;
        *eq = '\0';
        set_property(st, w, eq + 1);
    }
}

static const char *
builtin_of(const char *name)
{
    for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
        if (!strcmp(builtin[i][0], name))
            return builtin[i][1];
    return NULL;
}

static StyleDef *
find_def(Styles *ss, const char *name)
{
    for (StyleDef *d = ss->defs; d; d = d->next)
        if (!strcmp(d->name, name))
            return d;
    return NULL;
}

/* The built-in style `name` over the default; memoised in ss. */
static const Style *
builtin_style(Styles *ss, const char *name)
{
    for (BuiltinCache *c = ss->builtins; c; c = c->next)
        if (!strcmp(c->name, name))
            return c->style;
    Style *st = arena_alloc(ss->arena, sizeof(*st));
    BuiltinCache *c = arena_alloc(ss->arena, sizeof(*c));
    if (!st || !c)
        return NULL;
    apply_builtin(ss->arena, st, builtin[0][1]);
    const char *list = builtin_of(name);
    if (list && strcmp(name, "default") != 0)
        apply_builtin(ss->arena, st, list);
    st->name = arena_strdup(ss->arena, name);
    c->name = st->name;
    c->style = st;
    c->next = ss->builtins;
    ss->builtins = c;
    return st;
}

static const Style *
resolve(Styles *ss, StyleDef *d, int depth)
{
    if (d->resolved)
        return d->resolved;
    if (d->resolving || depth > 32) {
        if (!d->cycle_reported)
            run_diag(ss->run, DIAG_ERROR, d->line, 0,
                     _("the style \"%s\" inherits from itself through its parents"), d->name);
        d->cycle_reported = 1;
        return builtin_style(ss, "default");
    }
    d->resolving = 1;
    const Style *base;
    if (d->parent) {
        StyleDef *p = find_def(ss, d->parent);
        base = p ? resolve(ss, p, depth + 1) : builtin_style(ss, "default");
    } else {
        base = builtin_style(ss, builtin_of(d->name) ? d->name : "default");
    }
    Style *st = arena_alloc(ss->arena, sizeof(*st));
    if (!st || !base) {
        d->resolving = 0;
        return base;
    }
    *st = *base;
    st->name = d->name;
    for (xmlAttr *at = d->node->properties; at; at = at->next) {
        const char *n = (const char *)at->name;
        if (!strcmp(n, "name") || !strcmp(n, "parent"))
            continue;
        xmlChar *v = xmlNodeListGetString(d->node->doc, at->children, 1);
        if (v) {
            set_property(st, n, arena_strdup(ss->arena, (const char *)v));
            xmlFree(v);
        }
    }
    d->resolving = 0;
    d->resolved = st;
    return st;
}

void
styles_read(Styles *ss, Run *r, Arena *a, xmlNode *styles)
{
    memset(ss, 0, sizeof(*ss));
    ss->run = r;
    ss->arena = a;
    for (xmlNode *n = styles ? styles->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        StyleDef *d = arena_alloc(ss->arena, sizeof(*d));
        if (!d)
            return;
        d->node = n;
        d->line = xmlGetLineNo(n);
        /* Without a namespace: layout.xsd allows no other (the document
         * was checked against it). */
        const char *name = validate_attr(ss->arena, n, "name");
        d->name = name ? name : "";
        d->parent = validate_attr(ss->arena, n, "parent");
        d->next = ss->defs;
        ss->defs = d;
    }
    for (StyleDef *d = ss->defs; d; d = d->next)
        resolve(ss, d, 0);
}

const Style *
styles_get(Styles *ss, const char *name, const char *fallback)
{
    StyleDef *d = name ? find_def(ss, name) : NULL;
    if (d)
        return resolve(ss, d, 0);
    d = fallback ? find_def(ss, fallback) : NULL;
    if (d)
        return resolve(ss, d, 0);
    return builtin_style(ss, fallback && builtin_of(fallback) ? fallback : "default");
}
