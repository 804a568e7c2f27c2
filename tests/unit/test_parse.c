/*
 * tests/unit/test_parse.c — the safe parser: DOCTYPE refused, entities not
 * expanded, one message per fatal error.
 */
#include "test.h"
#include "validate/internal.h"

static Status
parse(const char *xml, Run *r)
{
    xmlDocPtr doc;
    run_init(r, "t.xml");
    return validate_parse(r, xml, strlen(xml), &doc);
}

void
test_parse(void)
{
    Run r;
    CHECK(parse("<a xmlns='urn:copil:data'/>", &r) == STATUS_OK);
    run_free(&r);

    /* A DOCTYPE is refused before its subset is read: one message. */
    CHECK(parse("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x 'y'>]>\n<a>&x;</a>", &r) ==
          STATUS_INVALID);
    CHECK(r.nerrors == 1 && r.diags && r.diags->line == 2 &&
          strstr(r.diags->message, "DOCTYPE") != NULL);
    run_free(&r);

    /* An undeclared entity is one clear error, not an expansion. */
    CHECK(parse("<a>&nbsp;</a>", &r) == STATUS_INVALID);
    CHECK(r.nerrors == 1 && strstr(r.diags->message, "&nbsp; is not known in XML") != NULL);
    run_free(&r);

    /* Only the first fatal error is kept. */
    CHECK(parse("<a>\n<b></c>\n</a", &r) == STATUS_INVALID);
    CHECK(r.nerrors == 1 && r.diags->line == 2);
    run_free(&r);

    CHECK(parse("", &r) == STATUS_INVALID);
    CHECK(r.nerrors == 1);
    run_free(&r);
}
