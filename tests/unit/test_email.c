/*
 * tests/unit/test_email.c — validate_email: the addresses copil sends to,
 * the reason it gives for each one it refuses, and the form that goes on
 * the wire (an internationalised domain as A-labels).
 */
#include "test.h"
#include "validate/validate.h"

/* The reason validate_email gives for addr starts with want. */
static void
refused(Arena *a, const char *addr, const char *want)
{
    const char *wire = "unset";
    const char *why = validate_email(a, addr, "address", &wire);
    if (why && !strncmp(why, want, strlen(want)) && !wire) {
        test_passed++;
    } else {
        test_failed++;
        fprintf(stderr, "test_email.c: \"%s\": got \"%s\", want \"%s…\"\n", addr,
                why ? why : "(accepted)", want);
    }
}

static void
accepted(Arena *a, const char *addr, const char *want_wire)
{
    const char *wire = NULL;
    const char *why = validate_email(a, addr, NULL, &wire);
    if (why)
        fprintf(stderr, "test_email.c: \"%s\" refused: %s\n", addr, why);
    CHECK_STR(wire, want_wire);
}

/* 100 times c. */
static const char *
many(char c)
{
    static char s[101];
    memset(s, c, 100);
    s[100] = '\0';
    return s;
}

void
test_email(void)
{
    Arena a;
    arena_init(&a);
    char buf[400], idn[200];

    accepted(&a, "prenom.nom@ac-orleans-tours.fr", "prenom.nom@ac-orleans-tours.fr");
    accepted(&a, "  ce.0370012a@ac-orleans-tours.fr\n ", "ce.0370012a@ac-orleans-tours.fr");
    accepted(&a, "o'neil+copil@Example.ORG", "o'neil+copil@Example.ORG");
    accepted(&a, "a#$&*/=?^_`{|}~-b@x1.fr", "a#$&*/=?^_`{|}~-b@x1.fr");
    accepted(&a, "jean@académie.fr", "jean@xn--acadmie-eya.fr");
    accepted(&a, "jean@ACADÉMIE.fr", "jean@xn--acadmie-eya.fr");
    accepted(&a, "ce@ac-réunion.fr", "ce@xn--ac-runion-e4a.fr");
    accepted(&a, "ce@xn--ac-runion-e4a.fr", "ce@xn--ac-runion-e4a.fr");

    /* What would split, redirect or break a header. */
    refused(&a, "x,spy@evil.example",
            "a comma cannot appear in an address; write one address per <address>");
    refused(&a, "a@x.fr;b@y.fr", "a semicolon cannot appear in an address; write one address");
    refused(&a, "ce\"><x@evil.example", "quotation marks cannot appear");
    refused(&a, "\"a\"@x.fr", "quotation marks cannot appear");
    refused(&a, "<a@x.fr>", "angle brackets < > cannot appear");
    refused(&a, "Jean <a@x.fr>", "a space cannot appear");
    refused(&a, "a@x.fr>", "angle brackets < > cannot appear");
    refused(&a, "a b@x.fr", "a space cannot appear");
    refused(&a, "a\r\n@x.fr", "a space cannot appear");
    refused(&a, "a\t@x.fr", "a space cannot appear");
    refused(&a, "a(c)@x.fr", "brackets ( ) cannot appear");
    refused(&a, "a@[127.0.0.1]", "square brackets cannot appear");
    refused(&a, "mailto:a@x.fr", "a colon cannot appear");
    refused(&a, "a\\b@x.fr", "a backslash cannot appear");
    refused(&a, "x%evil.example@x.fr", "the sign % cannot appear");
    refused(&a, "evil!x@x.fr", "the sign ! cannot appear");
    refused(&a, "a\x7f@x.fr", "an invisible control character");
    refused(&a,
            "a\xc2\xa0"
            "b@x.fr",
            "a non-breaking or invisible space");
    refused(&a, "a@x.fr\xe2\x80\x8b", "a non-breaking or invisible space");

    /* The grammar: one @, dot-atom before it, LDH labels after. */
    refused(&a, "", "it is empty");
    refused(&a, "[[COURRIEL_ETABLISSEMENT]]", "it is still a blank of the template");
    refused(&a, "[x]@x.fr", "square brackets cannot appear");
    refused(&a, "  ", "it is empty");
    refused(&a, "a.x.fr", "it has no @");
    refused(&a, "a@b@x.fr", "it has more than one @");
    refused(&a, "@x.fr", "nothing comes before the @");
    refused(&a, ".a@x.fr", "the address starts with a dot");
    refused(&a, "a.@x.fr", "a dot comes just before the @");
    refused(&a, "a..b@x.fr", "two dots in a row before the @");
    refused(&a, "a@", "nothing comes after the @");
    refused(&a, "a@.x.fr", "the domain starts with a dot");
    refused(&a, "a@x.fr.", "the address ends with a dot");
    refused(&a, "a@x..fr", "two dots in a row after the @");
    refused(&a, "a@x", "the domain \"x\" is incomplete");
    refused(&a, "a@localhost", "the domain \"localhost\" is incomplete");
    refused(&a, "a@-x.fr", "the part \"-x\" of the domain begins with a hyphen");
    refused(&a, "a@x-.fr", "the part \"x-\" of the domain ends with a hyphen");
    refused(&a, "a@x_y.fr", "the character \"_\" cannot appear in the domain");
    refused(&a, "a@x.fr'", "the character \"'\" cannot appear in the domain");
    refused(&a, "a@127.0.0.1", "the last part of the domain, \"1\", does not begin with a letter");
    refused(&a, "a@x.1fr", "the last part of the domain, \"1fr\", does not begin with a letter");
    accepted(&a, "a@1x.fr", "a@1x.fr");
    refused(&a, "é@ac-réunion.fr", "the part before the @ has accented or non-Latin letters");
    refused(&a, "jérôme.martin@ac-orleans-tours.fr", "the part before the @ has accented");

    /* Lengths: 64 before the @, 63 a label, 253 the domain, 254 in all. */
    snprintf(buf, sizeof buf, "%.65s@x.fr", many('l'));
    refused(&a, buf, "the part before the @ is 65 characters long; at most 64");
    snprintf(buf, sizeof buf, "%.64s@x.fr", many('l'));
    accepted(&a, buf, buf);
    snprintf(buf, sizeof buf, "a@%.64s.fr", many('b'));
    refused(&a, buf, "the part \"bbbbbbbbbbbbbbbbbbbb…\" of the domain is 64 characters long");
    snprintf(buf, sizeof buf, "a@%.63s.fr", many('b'));
    accepted(&a, buf, buf);
    /* A domain of 61 × 4 + 4 + 2 = 250: with "a@", 252 in all; "aaaa@" makes 255. */
    snprintf(buf, sizeof buf, "a@%.61s.%.61s.%.61s.%.61s.fr", many('c'), many('c'), many('c'),
             many('c'));
    accepted(&a, buf, buf);
    snprintf(buf, sizeof buf, "aaaa@%.61s.%.61s.%.61s.%.61s.fr", many('c'), many('c'), many('c'),
             many('c'));
    refused(&a, buf, "the address is 255 characters long; at most 254");

    /* An accented label is measured as it is sent: "aéb" × 21 is 63
     * characters, and its A-label 70. */
    strcpy(idn, "a@");
    for (int i = 0; i < 21; i++)
        strcat(idn, "a\xc3\xa9"
                    "b");
    strcat(idn, ".fr");
    refused(&a, idn, "the part \"");
    const char *why = validate_email(&a, idn, NULL, NULL);
    CHECK(why && strstr(why, "it is too long once converted (at most 63 characters)"));
    /* Five labels of "aéb" × 15, 45 characters and 52 once sent: a domain
     * of 232 characters as written, 267 as sent. */
    char lab[64] = "";
    for (int i = 0; i < 15; i++)
        strcat(lab, "a\xc3\xa9"
                    "b");
    snprintf(buf, sizeof buf, "a@%s.%s.%s.%s.%s.fr", lab, lab, lab, lab, lab);
    refused(&a, buf, "the domain is 267 characters long once written for mail; at most 253");
    /* 64 + 1 + 4 × 45 + 6 = 251 characters as written, 279 as sent. */
    snprintf(buf, sizeof buf, "%.64s@%s.%s.%s.%s.fr", many('l'), lab, lab, lab, lab);
    refused(&a, buf, "the address is 279 characters long once written for mail; at most 254");
    accepted(&a, "a@b.acad\xc3\xa9mie.c.fr", "a@b.xn--acadmie-eya.c.fr");
    /* IDNA would send "ﬁ" as "fi": another name than the one written. */
    refused(&a, "a@\xef\xac\x81nances.fr",
            "the part \"\xef\xac\x81nances\" of the domain would be sent as \"finances\"");
    refused(&a, "a@caf\xe2\x98\x95.fr", "the domain (after the @) has a sign that is not a letter");
    refused(&a, "a@\xcc\x81x.fr", "the domain (after the @) has a sign that is not a letter");

    arena_free(&a);
}
