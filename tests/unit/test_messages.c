/*
 * tests/unit/test_messages.c — libxml2's words turned into plain ones.
 *
 * The libxml2 texts below are copied from real runs of libxml2 2.9.14, so a
 * change in libxml2's wording shows here first.
 */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "test.h"
#include "validate/internal.h"

static const SchemaHint hints[] = {
    {.name = "Date", .text = "a date as YYYY-MM-DD, e.g. 2026-10-08"},
    {.name = "Uai", .text = "a UAI: 7 digits and a capital letter, e.g. 0370012A"},
    {.name = "@establishment/uai", .text = "Uai"},
    {.name = "member", .field = "id", .target = "member"},
    {.name = "owner-ref", .field = "owner", .target = "action", .refer = "member"},
};

static const SchemaHint *
lookup(const void *ctx, const char *name)
{
    (void)ctx;
    for (size_t i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
        if (!strcmp(hints[i].name, name))
            return &hints[i];
    return NULL;
}

static const char *
one(Arena *a, const char *msg, const char *elem, const char *attr, const char *value)
{
    RawError e = {.message = msg, .element = elem, .local = elem, .attr = attr, .value = value};
    return messages_translate(a, &e, 1, lookup, NULL);
}

void
test_messages(void)
{
    Arena a;
    arena_init(&a);

    RawError date[2] = {
        {.message = "Element '{urn:copil:data}date': [facet 'pattern'] The value '2026-13-01' "
                    "is not accepted by the pattern '\\d{4}-\\d{2}-\\d{2}'.\n",
         .element = "date",
         .local = "date",
         .value = "2026-13-01"},
        {.message = "Element '{urn:copil:data}date': '2026-13-01' is not a valid value of the "
                    "atomic type '{urn:copil:data}Date'.\n",
         .element = "date",
         .local = "date",
         .value = "2026-13-01"},
    };
    CHECK_STR(messages_translate(&a, date, 2, lookup, NULL),
              "<date> \"2026-13-01\" is not valid: expected a date as YYYY-MM-DD, e.g. 2026-10-08");

    /* libxml2 names no type for attributes: the declaration supplies it. */
    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}establishment', attribute 'uai': [facet 'pattern'] "
                  "The value '0370012a' is not accepted by the pattern '[0-9]{7}[A-Z]'.\n",
                  "establishment", "uai", "0370012a"),
              "uai=\"0370012a\" in <establishment> is not valid: expected a UAI: 7 digits and a "
              "capital letter, e.g. 0370012A");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}establishment', attribute 'kind': [facet "
                  "'enumeration'] The value 'colege' is not an element of the set {'ecole', "
                  "'college', 'lycee'}.\n",
                  "establishment", "kind", "colege"),
              "kind=\"colege\" in <establishment> is not allowed: did you mean \"college\"? "
              "(allowed: ecole, college, lycee)");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}dat': This element is not expected. Expected is ( "
                  "{urn:copil:data}date ).\n",
                  "dat", NULL, NULL),
              "<dat> is not expected here: did you mean <date>?");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}record': Missing child element(s). Expected is one "
                  "of ( {urn:copil:data}actions, {urn:copil:data}objectives ).\n",
                  "record", NULL, NULL),
              "<record> is incomplete: expected one of <actions> or <objectives> before </record>");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}member': The attribute 'role' is required but "
                  "missing.\n",
                  "member", NULL, NULL),
              "<member> is missing its role=\"…\" attribute");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}action': No match found for key-sequence ['m99'] of "
                  "keyref '{urn:copil:data}owner-ref'.\n",
                  "action", NULL, NULL),
              "owner=\"m99\" in <action> does not match the id of any <member>");

    CHECK_STR(one(&a,
                  "Element '{urn:copil:data}member': Duplicate key-sequence ['m1'] in key "
                  "identity-constraint '{urn:copil:data}member'.\n",
                  "member", NULL, NULL),
              "id=\"m1\" in <member> is used twice; each <member> needs its own id");

    /* Unknown wording keeps libxml2's text, without the namespace noise. */
    CHECK_STR(one(&a, "Element '{urn:copil:data}x': Something new about {urn:copil:data}y.\n", "x",
                  NULL, NULL),
              "<x>: Something new about y.");

    /* Values quoted back are cut, on a character boundary. */
    const char *cut = one(&a,
                          "Element '{urn:copil:data}date': 'ééééééééééééééééééééééééééééééééééééé"
                          "ééééééééééééééééééééééééééé' is not a valid value of the atomic type "
                          "'{urn:copil:data}Date'.\n",
                          "date", NULL, NULL);
    CHECK(cut && strstr(cut, "…\" is not valid") != NULL);

    static const char *const roots[] = {"meeting", "mission-letter", "activity-report"};
    CHECK_STR(messages_closest("meting", roots, 3), "meeting");
    CHECK_STR(messages_closest("Meeting", roots, 3), "meeting");
    CHECK(messages_closest("agenda", roots, 3) == NULL);

    ParserError mismatch = {.code = XML_ERR_TAG_NAME_MISMATCH,
                            .message = "Opening and ending tag mismatch: name line 4 and nam\n",
                            .str1 = "name",
                            .str2 = "nam",
                            .int1 = 4};
    CHECK_STR(messages_parser(&a, &mismatch),
              "the closing tag </nam> does not match <name>, opened on line 4: write </name>");
    ParserError amp = {.code = XML_ERR_NAME_REQUIRED, .message = "xmlParseEntityRef: no name\n"};
    CHECK_STR(messages_parser(&a, &amp),
              "a \"&\" must be written &amp; (or end a character reference with \";\")");
    ParserError bell = {.code = XML_ERR_INVALID_CHAR, .message = "PCDATA invalid Char value 7\n"};
    CHECK_STR(messages_parser(&a, &bell),
              "the file contains a control character (U+0007) that XML does not allow: delete it "
              "(it often comes with a copy and paste)");
    ParserError other = {.code = 9999, .message = "Some new complaint\nwith detail\n"};
    CHECK_STR(messages_parser(&a, &other), "Some new complaint");
    arena_free(&a);
}
