/*
 * serve/text.c — running text (paragraphs and lists) as one text area.
 *
 * What a secretary types is what a mail is written in: paragraphs
 * separated by a blank line, a bulleted list as lines that start with
 * "- ", a numbered one as lines that start with "1. ", "2. "…; a line
 * that follows a list's line without a marker goes on with that entry.
 * The text area shows the file's text in that form, and a save turns it
 * back into <p>, <ul> and <ol> with their <li>. Text the form could not
 * give back as it is (inline markup, a nested list, a note in it, a
 * paragraph that begins as a list's line would) is not put in a text area
 * at all: serve_text_of says so, and the form shows it read only.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

/* A block of running text: a paragraph, or a list and its entries. */
typedef struct Block {
    char kind; /* 'p', 'u' (bulleted), 'o' (numbered) */
    Buf text;  /* a paragraph's text; a list's entries, one a line */
} Block;

char *
serve_folded(Arena *a, const char *s)
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

/* The kind of list a line's marker starts ('u' for "- ", 'o' for "12. ")
 * and, in *rest, the entry after it; 0 when the line has none. */
static char
marker(const char *line, const char **rest)
{
    if (line[0] == '-' && line[1] == ' ') {
        *rest = line + 2;
        return 'u';
    }
    const char *p = line;
    while (isdigit((unsigned char)*p) && p - line < 4)
        p++;
    if (p > line && p[0] == '.' && p[1] == ' ') {
        *rest = p + 2;
        return 'o';
    }
    return 0;
}

/* 1 when e is a data element (not one of the form's notes). */
static int
is_data(const xmlNode *e)
{
    return e->type == XML_ELEMENT_NODE && !(e->ns && !strcmp((const char *)e->ns->href, SERVE_NS));
}

/* The folded text of e when it holds text alone (no element of the
 * data's, no note); NULL otherwise. */
static char *
plain_text(Arena *a, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (is_data(c) || c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
            return NULL;
    xmlChar *t = xmlNodeGetContent(e);
    char *s = serve_folded(a, (const char *)t);
    xmlFree(t);
    return s;
}

char *
serve_text_of(Arena *a, const xmlNode *e)
{
    Buf b;
    buf_init(&b, a);
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
            return NULL; /* a note the text area would lose */
        if (!is_data(c))
            continue;
        const char *name = (const char *)c->name, *rest;
        if (!strcmp(name, "p")) {
            char *t = plain_text(a, c);
            if (!t || marker(t, &rest))
                return NULL; /* markup, or a paragraph that reads as a list's line */
            if (!*t)
                continue; /* an empty paragraph: nothing to show */
            if (b.len)
                buf_append(&b, "\n\n", 2);
            buf_append(&b, t, (unsigned)strlen(t));
            continue;
        }
        int numbered = !strcmp(name, "ol");
        if (!numbered && strcmp(name, "ul"))
            return NULL;
        int k = 0;
        for (const xmlNode *li = c->children; li; li = li->next) {
            if (li->type == XML_COMMENT_NODE || li->type == XML_PI_NODE)
                return NULL;
            if (!is_data(li))
                continue;
            char *t = strcmp((const char *)li->name, "li") ? NULL : plain_text(a, li);
            if (!t)
                return NULL; /* markup or a nested list */
            char num[16];
            snprintf(num, sizeof num, "%d. ", ++k);
            if (b.len)
                buf_append(&b, k == 1 ? "\n\n" : "\n", k == 1 ? 2 : 1);
            buf_append(&b, numbered ? num : "- ", numbered ? (unsigned)strlen(num) : 2);
            buf_append(&b, t, (unsigned)strlen(t));
        }
    }
    return b.s ? b.s : arena_strdup(a, "");
}

/* The blocks of typed text v, at most max (the rest joins the last). */
static int
parse(Arena *a, const char *v, Block *blocks, int max)
{
    int n = 0;
    Block *cur = NULL;
    for (const char *p = v; *p;) {
        size_t len = strcspn(p, "\n");
        char *line = serve_folded(a, arena_strndup(a, p, len));
        p += len + (p[len] == '\n');
        if (!line || !*line) {
            cur = NULL; /* a blank line ends a block */
            continue;
        }
        const char *rest;
        char kind = marker(line, &rest);
        if (kind && !(cur && cur->kind == kind) && n < max) {
            cur = &blocks[n++];
            cur->kind = kind;
            buf_init(&cur->text, a);
        } else if (!kind && !cur && n < max) {
            cur = &blocks[n++];
            cur->kind = 'p';
            buf_init(&cur->text, a);
        } else if (!cur) {
            cur = &blocks[n - 1];
        }
        if (kind) {
            if (cur->text.len)
                buf_append(&cur->text, "\n", 1);
            buf_append(&cur->text, rest, (unsigned)strlen(rest));
        } else {
            /* a paragraph's next line, or an entry's */
            if (cur->text.len)
                buf_append(&cur->text, " ", 1);
            buf_append(&cur->text, line, (unsigned)strlen(line));
        }
    }
    return n;
}

#define BLOCKS_MAX 200

char *
serve_text_posted(Arena *a, const char *v)
{
    Block *blocks = arena_alloc_array(a, BLOCKS_MAX, sizeof *blocks);
    if (!blocks)
        return NULL;
    int n = parse(a, v, blocks, BLOCKS_MAX);
    Buf b;
    buf_init(&b, a);
    for (int i = 0; i < n; i++) {
        if (b.len)
            buf_append(&b, "\n\n", 2);
        if (blocks[i].kind == 'p') {
            buf_append(&b, blocks[i].text.s, blocks[i].text.len);
            continue;
        }
        int k = 0;
        for (const char *e = blocks[i].text.s; e && *e;) {
            size_t len = strcspn(e, "\n");
            char num[16];
            snprintf(num, sizeof num, "%d. ", ++k);
            if (k > 1)
                buf_append(&b, "\n", 1);
            if (blocks[i].kind == 'o')
                buf_append(&b, num, (unsigned)strlen(num));
            else
                buf_append(&b, "- ", 2);
            buf_append(&b, e, (unsigned)len);
            e += len + (e[len] == '\n');
        }
    }
    return b.s ? b.s : arena_strdup(a, "");
}

/* Appends a new element name to parent, on its own line after indent,
 * holding text (when not NULL). */
static xmlNode *
add_line(xmlNode *parent, const char *indent, const char *name, const char *text, size_t len)
{
    xmlNodeAddContent(parent, BAD_CAST indent);
    xmlNode *e = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
    if (e && text)
        xmlNodeAddContentLen(e, BAD_CAST text, (int)len);
    return e;
}

void
serve_set_text(Arena *a, xmlNode *e, const char *v)
{
    const char *indent = "\n", *closing = "\n";
    xmlNode *first = NULL;
    for (xmlNode *c = e->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !first) {
            first = c;
            if (c->prev && c->prev->type == XML_TEXT_NODE)
                indent = arena_strdup(a, (const char *)c->prev->content);
        }
        if (!c->next && c->type == XML_TEXT_NODE)
            closing = arena_strdup(a, (const char *)c->content);
    }
    const char *inner = arena_printf(a, "%s  ", indent);
    xmlNode *c = e->children;
    while (c) {
        xmlNode *next = c->next;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
        c = next;
    }
    Block *blocks = arena_alloc_array(a, BLOCKS_MAX, sizeof *blocks);
    int n = blocks && indent && closing && inner ? parse(a, v, blocks, BLOCKS_MAX) : 0;
    for (int i = 0; i < n; i++) {
        if (blocks[i].kind == 'p') {
            add_line(e, indent, "p", blocks[i].text.s, blocks[i].text.len);
            continue;
        }
        xmlNode *list = add_line(e, indent, blocks[i].kind == 'o' ? "ol" : "ul", NULL, 0);
        for (const char *t = blocks[i].text.s; list && t && *t;) {
            size_t len = strcspn(t, "\n");
            add_line(list, inner, "li", t, len);
            t += len + (t[len] == '\n');
        }
        if (list)
            xmlNodeAddContent(list, BAD_CAST indent);
    }
    xmlNodeAddContent(e, BAD_CAST closing);
}
