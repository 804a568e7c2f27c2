/*
 * tests/unit/test_typography.c — French typography as typed text meets it.
 *
 * Expected strings spell the special spaces out: NB = U+00A0 (no-break),
 * NN = U+202F (narrow no-break).
 */
#include "test.h"
#include "text/text.h"

#define NB "\xc2\xa0"
#define NN "\xe2\x80\xaf"

static const char *
typo(Arena *a, const char *s)
{
    unsigned n;
    return text_typography(a, s, (unsigned)strlen(s), NULL, &n);
}

void
test_typography(void)
{
    Arena a;
    arena_init(&a);
    CHECK_STR(typo(&a, "Qui décide ? Le comité !"), "Qui décide" NN "? Le comité" NN "!");
    CHECK_STR(typo(&a, "Objet : réunion ; suite"), "Objet" NB ": réunion" NN "; suite");
    CHECK_STR(typo(&a, "Objet: réunion"), "Objet" NB ": réunion");
    CHECK_STR(typo(&a, "Vraiment?"), "Vraiment" NN "?");
    CHECK_STR(typo(&a, "« ENT »"), "«" NB "ENT" NB "»");
    CHECK_STR(typo(&a, "«ENT»"), "«" NB "ENT" NB "»");
    CHECK_STR(typo(&a, "34 % des familles"), "34" NN "% des familles");
    CHECK_STR(typo(&a, "1 234,5 €"), "1" NN "234,5" NB "€");
    CHECK_STR(typo(&a, "de 17 h 30 à 19 h"), "de 17" NB "h" NB "30 à 19" NB "h");
    CHECK_STR(typo(&a, "Mme Rousseau et M. Benali"), "Mme" NB "Rousseau et M." NB "Benali");
    CHECK_STR(typo(&a, "jeudi 18 juin 2026"), "jeudi" NB "18" NB "juin" NB "2026");
    CHECK_STR(typo(&a, "le 1er octobre"), "le 1er" NB "octobre");
    CHECK_STR(typo(&a, "l'ENT d'aujourd'hui"), "l\xe2\x80\x99"
                                               "ENT d\xe2\x80\x99"
                                               "aujourd\xe2\x80\x99hui");
    CHECK_STR(typo(&a, "et ensuite..."), "et ensuite\xe2\x80\xa6");
    /* Addresses are left alone; times in digits too. */
    CHECK_STR(typo(&a, "https://ent.fr/?a=b et 17:30"), "https://ent.fr/?a=b et 17:30");
    CHECK_STR(typo(&a, "mailto:x@y.fr"), "mailto:x@y.fr");
    /* What is already right stays right. */
    CHECK_STR(typo(&a, "Qui" NN "?"), "Qui" NN "?");
    CHECK_STR(typo(&a, "Quoi ?!"), "Quoi" NN "?!");
    CHECK_STR(typo(&a, ""), "");

    /* The offset map follows every change. */
    unsigned map[16], n;
    const char *s = "a ? b";
    text_typography(&a, s, 5, map, &n);
    CHECK(n == 7);      /* "a" NN "? b" */
    CHECK(map[2] == 4); /* the "?" */
    CHECK(map[5] == 7); /* the end */
    arena_free(&a);
}

void
test_hyphen(void)
{
    Run r;
    run_init(&r, NULL);
    Text *t = text_new(&r, NULL, "/usr/share/hyphen/hyph_fr.dic");
    unsigned n;
    const char *s = "l’établissement numérique";
    const char *h = text_hyphenate(t, &r.arena, s, (unsigned)strlen(s), NULL, 0, NULL, &n);
    CHECK_STR(h, "l’éta\xc2\xad"
                 "blis\xc2\xad"
                 "se\xc2\xad"
                 "ment nu\xc2\xad"
                 "mé\xc2\xad"
                 "rique");
    /* Capitalised words, short words and skipped ranges stay whole. */
    s = "Établissement ENT élèves";
    CHECK_STR(text_hyphenate(t, &r.arena, s, (unsigned)strlen(s), NULL, 0, NULL, &n), s);
    s = "voir documentation";
    unsigned skip[2] = {5, 18};
    CHECK_STR(text_hyphenate(t, &r.arena, s, (unsigned)strlen(s), skip, 1, NULL, &n), s);
    CHECK(r.nerrors == 0);
    text_free(t);
    run_free(&r);
}
