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
    return doc_redact(a, s, NULL, n);
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
    CHECK_STR(redact(&a, "+262 692 12 34 56, +687 27 12 34 et +689 87 12 34 56", NULL),
              PHONE ", " PHONE " et " PHONE);
    CHECK_STR(redact(&a, "0692 12 34 56", NULL), PHONE);
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
        "+12 000 000 € de crédits", /* six digits are a phone only in +508, +681, +687 */
        "+687 27 12 3",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        int none = 0;
        CHECK_STR(redact(&a, kept[i], &none), kept[i]);
        CHECK(none == 0);
    }
    CHECK(doc_redact(&a, NULL, NULL, NULL) == NULL);

    /* The offset map, which moves a paragraph's spans: text around a mark
     * keeps its place, the bytes of an address or a number go to the start
     * of its mark, the offset just after one to the end of its mark. Both
     * passes change this text, so the map is the two composed. */
    const unsigned lm = (unsigned)strlen(MAIL), lp = (unsigned)strlen(PHONE);
    unsigned map[64];
    const char *in = "à a.b@c.fr, 06 12 34 56 78.";
    CHECK(strlen(in) + 1 <= sizeof map / sizeof *map);
    n = 0;
    CHECK_STR(doc_redact(&a, in, map, &n), "à " MAIL ", " PHONE ".");
    CHECK(n == 2);
    CHECK(map[0] == 0 && map[2] == 2);
    CHECK(map[3] == 3 && map[7] == 3 && map[10] == 3); /* a.b@c.fr is [3, 11) */
    CHECK(map[11] == 3 + lm && map[12] == 4 + lm);
    CHECK(map[13] == 5 + lm && map[20] == 5 + lm && map[26] == 5 + lm); /* [13, 27) */
    CHECK(map[27] == 5 + lm + lp && map[28] == 6 + lm + lp);
    /* Only the phone pass changes this one; only the e-mail pass the next. */
    CHECK_STR(doc_redact(&a, "au 0612345678 !", map, NULL), "au " PHONE " !");
    CHECK(map[2] == 2 && map[3] == 3 && map[12] == 3 && map[13] == 3 + lp && map[15] == 5 + lp);
    CHECK_STR(doc_redact(&a, "x a@b.fr", map, NULL), "x " MAIL);
    CHECK(map[1] == 1 && map[2] == 2 && map[7] == 2 && map[8] == 2 + lm);
    /* Nothing to leave out: the map is the identity. */
    CHECK_STR(doc_redact(&a, "le 18 juin", map, NULL), "le 18 juin");
    int identity = 1;
    for (unsigned i = 0; i <= strlen("le 18 juin"); i++)
        identity &= map[i] == i;
    CHECK(identity);
    arena_free(&a);
}
