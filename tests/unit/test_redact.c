/*
 * tests/unit/test_redact.c — what the public copy leaves out, however it is
 * written, and what it must not touch (amounts, dates, years, codes, web
 * addresses); the offset map; a 200 KB paragraph. tests/public.sh reads the
 * whole table of spellings (tests/public/spellings.tsv) back from PDFs.
 */
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "doc/internal.h"
#include "test.h"

#define MAIL  "[courriel retiré]"
#define PHONE "[téléphone retiré]"

static const char *
redact(Arena *a, const char *s, int *n)
{
    return doc_redact(a, s, NULL, n);
}

/* The links of the first paragraph of a layout document built by
 * doc_build: how many, and how many go to an https:// address; -1 when the
 * document does not build. */
static int
links(const char *layout, int public_copy, int *web)
{
    Run r;
    Doc *d = NULL;
    int count = -1;
    run_init(&r, "links.layout.xml");
    xmlDocPtr x = xmlReadMemory(layout, (int)strlen(layout), "links.layout.xml", NULL, 0);
    if (!x || doc_build(&r, x, ".", NULL, 0, public_copy, &d) != STATUS_OK)
        goto out;
    const Box *bx = d->body ? d->body->first : NULL;
    if (!bx || !bx->text)
        goto out;
    count = 0, *web = 0;
    for (const Span *sp = bx->text->spans; sp; sp = sp->next)
        if (sp->kind == SPAN_LINK) {
            count++;
            *web += sp->href && !strncmp(sp->href, "https://", 8);
        }
out:
    xmlFreeDoc(x);
    run_free(&r);
    return count;
}

/* Every mailto:, tel:, sms: and callto: link, in any case and whatever it
 * holds, is only its text in the public copy. layout.xsd admits only
 * lower-case mailto: today; doc_build does not rely on it (the document is
 * built here without the schema). */
static void
test_personal_links(void)
{
    static const char layout[] =
        "<document xmlns=\"urn:copil:layout\" title=\"Liens\"><body><p>"
        "<a href=\"TEL:0612\">le bureau</a>, <a href=\"sms:+99\">texto</a>, "
        "<a href=\" MAILTO:Jean@X.FR\">écrire</a>, <a href=\"Callto:12\">appel</a>, "
        "<a href=\"tel:3631\">service</a>, <a href=\"mailto:a@b\">boîte</a>, "
        "<a href=\"https://www.ac-reunion.fr/\">site</a>"
        "</p></body></document>";
    int web = -1;
    CHECK(links(layout, 0, &web) == 7 && web == 1);
    CHECK(links(layout, 1, &web) == 1 && web == 1);
}

void
test_redact(void)
{
    test_personal_links();
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

    /* As people write them: prefixes, groupings, separators, invisible
     * characters inside, obfuscations. */
    const struct {
        const char *typed, *want;
    } spelled[] = {
        {"0033 6 12 34 56 76", PHONE},
        {"(+33)6.12.34.56.77", PHONE},
        {"+33(0)6 12 34 56 78 !", PHONE " !"},
        {"00262 692 12 34 51", PHONE},
        {"06/12/34/56/52", PHONE},
        {"06\u201312\u201334\u201356\u201353", PHONE}, /* en dashes */
        {"06\u201012\u201034\u201056\u201054", PHONE}, /* hyphens */
        {"0612 345 679", PHONE},
        {"06 1234 5675", PHONE},
        {"06.12 34-56/57", PHONE},
        {"06\u202f12\u202f34\u202f56\u202f59", PHONE},
        {"\uff10\uff16 \uff11\uff12 \uff13\uff14 \uff15\uff16 \uff16\uff10", PHONE},
        {"0 800 123 456", PHONE},
        {"06\u00ad12\u00ad34\u00ad56\u00ad71", PHONE},
        {"tél. 02 47 12 34 56 / 06 12 34 56 78.", "tél. " PHONE " / " PHONE "."},
        {"02 47 12 34 56 06 12 34 56 87", PHONE " " PHONE},
        {"prénom.nom@académie.fr", MAIL},
        {"jean @ ac-reunion.fr", MAIL},
        {"jean@ ac-reunion.fr", MAIL},
        {"jean\u00ad.dupont@ac-reunion.fr", MAIL},
        {"x jean.du\u200dpont@ac-re\u200bunion.fr", "x " MAIL},
        {"jean.dupont\u2060@\ufeffac-reunion.fr", MAIL},
        {"prenom [at] domaine.fr", MAIL},
        {"prenom (at) domaine (dot) fr.", MAIL "."},
        {"prenom{at}domaine{dot}fr", MAIL},
        {"PRENOM [AT] DOMAINE [DOT] FR", MAIL},
        {"prenom arobase domaine point fr", MAIL},
        {"prenom [arobase] domaine [point] fr", MAIL},
        {"prenom AT domaine DOT fr", MAIL},
        {"prenom\uff20domaine.fr", MAIL},
        {"MAILTO:PRENOM.NOM@DOMAINE.FR", MAIL},
        {"a+b@x-college.fr,", MAIL ","},
        {"« jean.dupont@ac-reunion.fr »", "« " MAIL " »"},
        {"jean@ac-reunion.fr point 3 de l’ordre du jour", MAIL " point 3 de l’ordre du jour"},
        /* A space before the '@' only, when a whole domain follows. */
        {"jean @ac-reunion.fr", MAIL},
        {"écrire à jean.dupont\u00a0@ac-reunion.fr.", "écrire à " MAIL "."},
        /* The local part's characters, as the validator accepts them. */
        {"o'neil@ac-reunion.fr", MAIL},
        {"jean&marie@ac-reunion.fr", MAIL},
        {"a!b#c$d%e*f/g=h?i^j`k{l|m}n~o@ac-reunion.fr", MAIL},
        /* A French elision is not part of an address. */
        {"l'adresse jean@ac-reunion.fr", "l'adresse " MAIL},
        {"écrire à l'assistance@ac-reunion.fr", "écrire à l'" MAIL},
        {"qu'alice@ac-reunion.fr", "qu'" MAIL},
        {"D’jean@ac-reunion.fr", "D’" MAIL},
        {"'jean@ac-reunion.fr'", "'" MAIL "'"},
        /* Cut by a line break (<br/>, U+2028). */
        {"06 12 34\n56 75", PHONE},
        {"06 12 34\u202856 75", PHONE},
        {"jean@\nac-reunion.fr", MAIL},
        {"jean\n@ac-reunion.fr", MAIL},
        {"jean@\u2028ac-reunion.fr", MAIL},
        {"Salle 12\n06 12 34 56 78", "Salle 12\n" PHONE},
        {"06 12 34 56 78\n2026", PHONE "\n2026"},
    };
    for (size_t i = 0; i < sizeof spelled / sizeof *spelled; i++) {
        int one = 0;
        CHECK_STR(redact(&a, spelled[i].typed, &one), spelled[i].want);
        CHECK(one >= 1);
    }
    /* What only looks like them. */
    const char *lookalikes[] = {
        "05/12/2026",
        "le 06/12/2026 à 18 h 30",
        "du 03.05.2026 au 04.06.2026",
        "03.05.2026-04.06.2026",
        "01/09/2026 - 04/07/2027",
        "14 h 30 – 16 h 00",
        "2025-2026",
        "0371234A et RNE 0970001A",
        "L. 421-4, article D. 422-9",
        "n° 2026/0123",
        "SIRET 130 002 736 00017",
        "ISBN 978-2-07-036822-8",
        "+1 234 567 €, 0,5 %",
        "Twitter @college, Suivez @college.jean-moulin",
        "meet at the school, contact AT home",
        "point 3 de l’ordre du jour",
        "le signe arobase",
        "(point) de vue",
        "enseignant·e·s",
        "Suivez @college, jean@college",
        "Suivez @college.jean-moulin\n@ac-reunion",
        "06 12 34 56 78 2026\n12",
    };
    for (size_t i = 0; i < sizeof lookalikes / sizeof *lookalikes; i++) {
        int none = 0;
        CHECK_STR(redact(&a, lookalikes[i], &none), lookalikes[i]);
        CHECK(none == 0);
    }

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
    /* The invisible characters inside a number or an address go with it;
     * the typed words of an obfuscation too. */
    CHECK_STR(doc_redact(&a, "au 06\u00ad12 34 56 78 !", map, NULL), "au " PHONE " !");
    CHECK(map[2] == 2 && map[3] == 3 && map[5] == 3 && map[17] == 3); /* [3, 18) */
    CHECK(map[18] == 3 + lp && map[20] == 5 + lp);
    CHECK_STR(doc_redact(&a, "prenom [at] domaine.fr !", map, NULL), MAIL " !");
    CHECK(map[0] == 0 && map[7] == 0 && map[21] == 0 && map[22] == lm && map[24] == lm + 2);

    /* A 200 KB paragraph, and runs made to slow down a careless scanner:
     * each found once, in one pass (no time is asserted: a quadratic scan
     * would take minutes, not milliseconds). */
    static const char block[] = "Le 05/12/2026 à 18 h 30, 1 234 567 € ; écrire à "
                                "jean.dupont@ac-reunion.fr ou au 06 12 34 56 75, "
                                "prenom [at] domaine [dot] fr. ";
    size_t blen = strlen(block), cap = 300000, len = 0, blocks = 0;
    char *big = malloc(cap);
    unsigned *bigmap = malloc((cap + 1) * sizeof(*bigmap));
    CHECK(big && bigmap);
    if (big && bigmap) {
        while (len + blen < 200000)
            memcpy(big + len, block, blen), len += blen, blocks++;
        memset(big + len, 'a', 20000), len += 20000; /* a 20 KB local part */
        memcpy(big + len, "@x.fr ", 6), len += 6;
        for (int i = 0; i < 4000; i++) /* a zero, a space, an invisible */
            memcpy(big + len, "0 \u200b", 5), len += 5;
        memset(big + len, '@', 10000), len += 10000;
        for (int i = 0; i < 2000; i++)
            memcpy(big + len, " [at]", 5), len += 5;
        for (int i = 0; i < 2000; i++) /* a space before the '@' only, no local part */
            memcpy(big + len, " @ab.cd,", 8), len += 8;
        big[len] = '\0';
        n = 0;
        const char *out = doc_redact(&a, big, bigmap, &n);
        CHECK(n == (int)(3 * blocks + 1));
        CHECK(out && strlen(out) < len && bigmap[len] == strlen(out));
        CHECK(out && !strstr(out, "dupont") && !strstr(out, "domaine") && !strstr(out, "aaaa@"));
        CHECK(out && strstr(out, "Le 05/12/2026 à 18 h 30, 1 234 567 €"));
    }
    free(big);
    free(bigmap);
    arena_free(&a);
}
