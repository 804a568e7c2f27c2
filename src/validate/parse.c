/*
 * validate/parse.c — bytes → xmlDoc, with nothing fetched and nothing expanded.
 *
 * The parser runs with XML_PARSE_NONET and without NOENT, DTDLOAD, DTDATTR,
 * XINCLUDE or HUGE. On top of that a DOCTYPE stops the parse before its
 * internal subset is read: copil files have no use for a DTD, and refusing it
 * outright closes XXE and entity expansion ("billion laughs") for good. Only
 * the first fatal error is kept: what libxml2 says after it is a consequence.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "validate/internal.h"

typedef struct ParseState {
    Run *run;
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
             "this file declares a DOCTYPE; copil files may not contain a DTD or entity "
             "declarations: remove the <!DOCTYPE …> part");
    ps->stopped = 1;
    xmlStopParser(ctxt);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = ctx;
    ParseState *ps = ctxt->_private;
    if (ps->stopped || !err)
        return;
    const char *msg =
        messages_parser(&ps->run->arena, err->code, err->message, err->str1, err->str2, err->int1);
    if (err->level == XML_ERR_WARNING) {
        run_diag(ps->run, DIAG_WARNING, err->line, err->int2, "%s", msg);
        return;
    }
    run_diag(ps->run, DIAG_ERROR, err->line, err->int2, "%s", msg);
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
    ParseState ps = {.run = r};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = NULL;
    unsigned errors_before = r->nerrors;

    *out = NULL;
    if (n > VALIDATE_MAX_FILE_SIZE || n > (size_t)INT32_MAX) {
        run_diag(r, DIAG_ERROR, 0, 0, "the file is too large");
        goto out;
    }
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        run_diag(r, DIAG_ERROR, 0, 0, "out of memory while reading the file");
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
            run_diag(r, DIAG_ERROR, 0, 0, "this file is not well-formed XML");
        goto out;
    }
    if (!xmlDocGetRootElement(doc)) {
        run_diag(r, DIAG_ERROR, 0, 0, "the file holds no element");
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
