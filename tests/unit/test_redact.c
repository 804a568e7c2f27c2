/*
 * tests/unit/test_redact.c — what the public copy leaves out, and what it
 * must not touch (amounts, dates, years, web addresses).
 */
#include "doc/internal.h"
#include "test.h"

#define MAIL  "[courriel retiré]"
#define PHONE "[téléphone retiré]"

static const char *
redact(Arena *a, const char *s, int *n)
{
    return doc_redact(a, s, n);
}

void
test_redact(void)
{
    Arena a;
    arena_init(&a);
    int n = 0;
    CHECK_STR(redact(&a, "écrire à julien.moreau@ac-orleans-tours.fr.", &n), "écrire à " MAIL ".");
    CHECK(n == 1);
    CHECK_STR(redact(&a, "(mailto:a.b@c.fr)", NULL), "(" MAIL ")");
    CHECK_STR(redact(&a, "tél. 06 12 34 56 78, bureau", NULL), "tél. " PHONE ", bureau");
    CHECK_STR(redact(&a, "06.12.34.56.78", NULL), PHONE);
    CHECK_STR(redact(&a, "0612345678", NULL), PHONE);
    CHECK_STR(redact(&a, "02-47-12-34-56", NULL), PHONE);
    CHECK_STR(redact(&a,
                     "au 02\xc2\xa0"
                     "47\xc2\xa0"
                     "12\xc2\xa0"
                     "34\xc2\xa0"
                     "56 !",
                     NULL),
              "au " PHONE " !");
    CHECK_STR(redact(&a, "+33 (0)6 98 76 54 32", NULL), PHONE);
    CHECK_STR(redact(&a, "+33 6 98 76 54 32 ou +32 2 555 12 34", NULL), PHONE " ou " PHONE);
    CHECK_STR(redact(&a, "06 12 34 56 78 et 0612345678@sms.example.fr", &n), PHONE " et " MAIL);
    CHECK(n == 3);

    /* Left alone: not contact details. */
    const char *kept[] = {
        "12 500 € en 2027",
        "le 18 juin 2026 à 17 h 30",
        "31 enseignants sur 38 ; 87 %",
        "décision 2026-03",
        "06 12 34 56",       /* too short for a phone number */
        "06 12 34 56 78 90", /* too long */
        "0012345678",
        "A06 12 34 56 78",
        "https://www.ac-orleans-tours.fr/ent?x=1",
        "un @ seul, a@b, a@b.c, x@y.12",
        "+3",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        int none = 0;
        CHECK_STR(redact(&a, kept[i], &none), kept[i]);
        CHECK(none == 0);
    }
    CHECK(doc_redact(&a, NULL, NULL) == NULL);
    arena_free(&a);
}
