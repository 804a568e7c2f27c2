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

/* s with the ordinals found by text_ordinals marked: <2>[e]. */
static const char *
ordinals(Arena *a, const char *s)
{
    int count = 0;
    unsigned n = (unsigned)strlen(s), *r = text_ordinals(a, s, n, &count);
    GString *g = g_string_new(NULL);
    unsigned last = 0;
    for (int k = 0; k < count; k++) {
        g_string_append_len(g, s + last, r[3 * k] - last);
        g_string_append_c(g, '<');
        g_string_append_len(g, s + r[3 * k], r[3 * k + 1] - r[3 * k]);
        g_string_append(g, ">[");
        g_string_append_len(g, s + r[3 * k + 1], r[3 * k + 2] - r[3 * k + 1]);
        g_string_append_c(g, ']');
        last = r[3 * k + 2];
    }
    g_string_append(g, s + last);
    char *out = arena_strdup(a, g->str);
    g_string_free(g, TRUE);
    return out;
}

void
test_ordinals(void)
{
    Arena a;
    arena_init(&a);
    /* The standard abbreviations, wherever a word may start and end. */
    CHECK_STR(ordinals(&a, "le 1er octobre, la 1re réunion, les 1ers et les 1res"),
              "le <1>[er] octobre, la <1>[re] réunion, les <1>[ers] et les <1>[res]");
    CHECK_STR(ordinals(&a, "2e trimestre, 3e B, en 6e, les 3es ; 21e"),
              "<2>[e] trimestre, <3>[e] B, en <6>[e], les <3>[es] ; <21>[e]");
    CHECK_STR(ordinals(&a, "classe de 2nde, le 2nd degré, les 2ndes."),
              "classe de <2>[nde], le <2>[nd] degré, les <2>[ndes].");
    CHECK_STR(ordinals(&a, "(3e) «" NB "4e" NB "» 6e/5e 4e-3e 4e–3e"),
              "(<3>[e]) «" NB "<4>[e]" NB "» <6>[e]/<5>[e] <4>[e]-<3>[e] <4>[e]–<3>[e]");
    CHECK_STR(ordinals(&a, "élèves de 3e" NN "?" NB "2e" NB "trimestre"),
              "élèves de <3>[e]" NN "?" NB "<2>[e]" NB "trimestre");
    /* Roman numerals: canonical, two letters or more, or I, V, X alone. */
    CHECK_STR(ordinals(&a, "XXIe siècle, IIIe République, Ve République, XIXes, Ier, IVe, XLe"),
              "<XXI>[e] siècle, <III>[e] République, <V>[e] République, <XIX>[es], <I>[er], "
              "<IV>[e], <XL>[e]");
    /* Left as typed: words, wrong forms, codes, numbers, addresses. */
    const char *kept[] = {
        "Ce comité, Le collège, De même, Me Durand, Cette, Les",
        "2ème, 2è, 1ère, 2eme, 1e, 21er, 3nd, 0e, 02e, 1234567e",
        "B2e, v2e, #2e2e2e, 2e2e, 1.2e, 5e-3, 1e10, 2e_x, 2e.txt, 2e-B",
        "0370012A, décision 2027-01, IIIIe, VVe, Ie, IIer, Ce, Le, Ve1, MCe, CCCCe",
        "https://ent.example.fr/6e, www.example.fr/2e, 2e@example.fr, mailto:x@3e.fr",
        "",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        CHECK_STR(ordinals(&a, kept[i]), kept[i]);
    int count = 5;
    CHECK(text_ordinals(&a, "aucun", 5, &count) == NULL && count == 0);
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
    /* A word left whole keeps its offsets: a span inside it (the e of
     * XXIe) still points at its characters. */
    unsigned map[32];
    s = "Au XXIe siècle";
    CHECK_STR(text_hyphenate(t, &r.arena, s, (unsigned)strlen(s), NULL, 0, map, &n), s);
    CHECK(map[6] == 6 && map[7] == 7 && n == strlen(s));
    s = "voir documentation";
    unsigned skip[2] = {5, 18};
    CHECK_STR(text_hyphenate(t, &r.arena, s, (unsigned)strlen(s), skip, 1, NULL, &n), s);
    CHECK(r.nerrors == 0);
    text_free(t);
    run_free(&r);
}
