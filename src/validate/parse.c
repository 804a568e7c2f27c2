/*
 * validate/parse.c — bytes → xmlDoc, with nothing fetched and nothing expanded.
 *
 * The parser runs with XML_PARSE_NONET and without NOENT, DTDLOAD, DTDATTR,
 * XINCLUDE or HUGE. On top of that a DOCTYPE stops the parse before its
 * internal subset is read: copil files have no use for a DTD, and refusing it
 * outright closes XXE and entity expansion ("billion laughs") for good. Only
 * the first fatal error is kept: what libxml2 says after it is a consequence.
 */
#include <ctype.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "core/file.h"
#include "core/utf8.h"
#include "validate/internal.h"
#include "core/i18n.h"

typedef struct ParseState {
    Run *run;
    const char *data; /* the bytes parsed, to place errors on the token */
    size_t n;
    int stopped; /* a DOCTYPE was refused, or a fatal error reported */
} ParseState;

static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    ParseState *ps = ctxt->_private;
    (void)name;
    (void)external_id;
    (void)system_id;
    long line = ctxt->input ? ctxt->input->line : 0;
    run_diag(ps->run, DIAG_ERROR, line, 1,
             _("this file declares a DOCTYPE; copil files may not contain a DTD or entity "
               "declarations: remove the <!DOCTYPE …> part"));
    ps->stopped = 1;
    xmlStopParser(ctxt);
}

/* libxml2 reports where it noticed a problem, often a few characters after
 * where it starts: look back on the line for the token at fault ("</", "&",
 * "<", "<?xml", an attribute's name) and return its column, or col. */
static long
token_column(const ParseState *ps, long line, long col, const char *token)
{
    const char *p = ps->data, *end = ps->data + ps->n;
    for (long l = 1; l < line && p; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        p = p ? p + 1 : NULL;
    }
    if (!p || !token || !*token || col <= 0)
        return col;
    const char *bol = p, *at = p;
    uint32_t cp;
    for (long c = 1; c < col && at < end && *at != '\n'; c++)
        at += utf8_decode(at, (size_t)(end - at), &cp);
    size_t tl = strlen(token);
    for (const char *q = at; q >= bol; q--) {
        if ((size_t)(end - q) >= tl && !memcmp(q, token, tl))
            return (long)utf8_count(bol, (size_t)(q - bol)) + 1;
    }
    return col;
}

/* The name of the attribute whose '=' stands just before column col. */
static const char *
attribute_before(const ParseState *ps, long line, long col)
{
    const char *p = ps->data, *end = ps->data + ps->n;
    for (long l = 1; l < line && p; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        p = p ? p + 1 : NULL;
    }
    if (!p)
        return NULL;
    uint32_t cp;
    const char *q = p;
    for (long c = 1; c < col && q < end && *q != '\n'; c++)
        q += utf8_decode(q, (size_t)(end - q), &cp);
    while (q > p && q[-1] != '=')
        q--;
    if (q == p)
        return NULL;
    const char *stop = q - 1;
    while (stop > p && stop[-1] == ' ')
        stop--;
    const char *start = stop;
    while (start > p && (isalnum((unsigned char)start[-1]) || strchr("-_:.", start[-1])))
        start--;
    return start < stop ? arena_strndup(&ps->run->arena, start, (size_t)(stop - start)) : NULL;
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    ParseState *ps = ctxt->_private;
    if (ps->stopped || !err)
        return;
    ParserError pe = {.code = err->code,
                      .message = err->message,
                      .str1 = err->str1,
                      .str2 = err->str2,
                      .int1 = err->int1};
    long col = err->int2;
    const char *token = NULL;
    int entity = err->message && strstr(err->message, "EntityRef");
    switch (err->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
        token = "</";
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        token = "&";
        break;
    case XML_ERR_NAME_REQUIRED:
        token = entity ? "&" : "<";
        break;
    case XML_ERR_RESERVED_XML_NAME:
        token = "<?xml";
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        token = err->str1;
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        pe.name = attribute_before(ps, err->line, col);
        break;
    case XML_ERR_DOCUMENT_END: {
        xmlNodePtr root = ctxt->myDoc ? xmlDocGetRootElement(ctxt->myDoc) : NULL;
        pe.name = root ? arena_strdup(&ps->run->arena, (const char *)root->name) : NULL;
        break;
    }
    default:
        break;
    }
    col = token_column(ps, err->line, col, token);
    const char *msg = messages_parser(&ps->run->arena, &pe);
    if (err->level == XML_ERR_WARNING) {
        run_diag(ps->run, DIAG_WARNING, err->line, col, "%s", msg);
        return;
    }
    run_diag(ps->run, DIAG_ERROR, err->line, col, "%s", msg);
    if (err->level == XML_ERR_FATAL)
        ps->stopped = 1;
}

static void
free_doc(void *p)
{
    xmlFreeDoc(p);
}

Status
validate_parse(Run *r, const char *data, size_t n, xmlDocPtr *out)
{
    Status st = STATUS_INVALID;
    ParseState ps = {.run = r, .data = data, .n = n};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = NULL;
    unsigned errors_before = r->nerrors;

    *out = NULL;
    if (n > VALIDATE_MAX_FILE_SIZE || n > (size_t)INT32_MAX) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the file is too large"));
        goto out;
    }
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while reading the file"));
        st = STATUS_IO;
        goto out;
    }
    ctxt->_private = &ps;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->serror = on_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    doc = xmlCtxtReadMemory(ctxt, data, (int)n, r->file, NULL,
                            XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    if (!doc || !ctxt->wellFormed || ps.stopped || r->nerrors > errors_before) {
        if (r->nerrors == errors_before)
            run_diag(r, DIAG_ERROR, 0, 0, _("this file is not well-formed XML"));
        goto out;
    }
    if (!xmlDocGetRootElement(doc)) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the file holds no element"));
        goto out;
    }
    st = run_defer(r, free_doc, doc);
    if (st == STATUS_OK)
        *out = doc;
    doc = NULL;
out:
    if (doc)
        xmlFreeDoc(doc);
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    return st;
}

xmlDocPtr
validate_parse_file(Run *r, const char *path, int flags, size_t limit)
{
    char *data;
    size_t len;
    xmlDocPtr doc = NULL;
    if (!path || file_load(path, flags, limit, &r->arena, &data, &len) != 0 ||
        validate_parse(r, data, len, &doc) != STATUS_OK)
        return NULL;
    return doc;
}
