/*
 * tests/unit/test_chart.c — French numbers and generated text alternatives.
 */
#include "chart/chart.h"
#include "test.h"

#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

void
test_chart(void)
{
    Arena a;
    arena_init(&a);
    CHECK_STR(chart_number(&a, 34, -1, "%"), "34" NNBSP "%");
    CHECK_STR(chart_number(&a, 1234.5, -1, "€"), "1" NNBSP "234,5" NBSP "€");
    CHECK_STR(chart_number(&a, 999, -1, NULL), "999");
    CHECK_STR(chart_number(&a, 1234567, -1, ""), "1" NNBSP "234" NNBSP "567");
    CHECK_STR(chart_number(&a, 12.25, 2, "h"), "12,25" NBSP "h");
    CHECK_STR(chart_number(&a, 16, 1, NULL), "16,0");
    CHECK_STR(chart_number(&a, 0.04, 1, NULL), "0,0");
    CHECK_STR(chart_number(&a, 2.499, -1, NULL), "2,5");
    CHECK_STR(chart_number(&a, -3, 0, NULL), "\xe2\x88\x92"
                                             "3");
    CHECK_STR(chart_number(&a, -0.01, 1, NULL), "0,0");

    const char *labels[] = {"Accompagnement des usages", "Formation"};
    const double shares[] = {20, 80};
    Chart pie = {CHART_PIE, "Répartition du temps", "%", -1, 0, 1, NULL, 2, labels, shares};
    CHECK_STR(chart_alt(&a, &pie),
              "Répartition du temps" NBSP ": Accompagnement des usages 20" NNBSP
              "%, Formation 80" NNBSP "%.");
    const double hours[] = {3, 1};
    Chart donut = {CHART_DONUT, "Heures", "h", -1, 0, 1, NULL, 2, labels, hours};
    CHECK_STR(chart_alt(&a, &donut), "Heures" NBSP ": Accompagnement des usages 3" NBSP
                                     "h (75" NNBSP "%), Formation 1" NBSP "h (25" NNBSP "%).");
    const char *series[] = {"Réalisé", "Cible"};
    const double pairs[] = {72, 80, 41.5, 50};
    Chart grouped = {CHART_GROUPED, "Indicateurs", "%", -1, 100, 2, series, 2, labels, pairs};
    CHECK_STR(chart_alt(&a, &grouped),
              "Indicateurs" NBSP ": Accompagnement des usages" NBSP ": Réalisé 72" NNBSP
              "%, Cible 80" NNBSP "%" NBSP "; Formation" NBSP ": Réalisé 41,5" NNBSP
              "%, Cible 50" NNBSP "%.");
    arena_free(&a);
}
