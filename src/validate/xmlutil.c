/*
 * validate/xmlutil.c — tiny helpers over libxml2 trees.
 *
 * They read elements of the data namespace by local name and copy strings
 * into the run's arena, so callers never xmlFree anything. validate_attr is
 * also the other stages' (doc, transform, mail) way of reading an attribute.
 */
#include <stdio.h>
#include <string.h>

#include "validate/internal.h"

static int
is_data_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && (!name || !strcmp((const char *)n->name, name)) &&
           n->ns && !strcmp((const char *)n->ns->href, COPIL_DATA_NS);
}

xmlNodePtr
xml_child(const xmlNode *parent, const char *name)
{
    for (xmlNode *n = parent ? parent->children : NULL; n; n = n->next)
        if (is_data_element(n, name))
            return n;
    return NULL;
}

xmlNodePtr
xml_next(const xmlNode *node, const char *name)
{
    for (xmlNode *n = node ? node->next : NULL; n; n = n->next)
        if (is_data_element(n, name))
            return n;
    return NULL;
}

const char *
validate_attr(Arena *a, const xmlNode *node, const char *name)
{
    xmlChar *v = node ? xmlGetNoNsProp(node, BAD_CAST name) : NULL;
    if (!v)
        return NULL;
    const char *s = arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

const char *
xml_text(Arena *a, const xmlNode *node)
{
    xmlChar *v = node ? xmlNodeGetContent(node) : NULL;
    if (!v)
        return NULL;
    /* Trim the white space of indentation around the text. */
    const char *s = (const char *)v;
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\r\n", s[n - 1]))
        n--;
    while (n > 0 && strchr(" \t\r\n", *s))
        s++, n--;
    const char *d = arena_strndup(a, s, n);
    xmlFree(v);
    return d;
}

const char *
validate_school_year(Arena *a, xmlDocPtr doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const char *year = xml_text(a, xml_child(root, "school-year"));
    if (year && *year)
        return year;
    /* a letter for a period: the year its period ends in (a year runs from
     * September to August) */
    const char *to = validate_attr(a, xml_child(root, "period"), "to");
    int y, m;
    if (!to || sscanf(to, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
        return NULL;
    return m >= 9 ? arena_printf(a, "%d-%d", y, y + 1) : arena_printf(a, "%d-%d", y - 1, y);
}
