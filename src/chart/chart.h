/*
 * chart/chart.h — native vector charts: bar, horizontal bar, grouped bar,
 * pie, donut and line.
 *
 * A chart is a layout element like an image: it has a fixed size, moves whole
 * from page to page, and is tagged as a Figure whose alternative text is
 * generated from its data (chart_alt). Numbers are written the French way
 * (« 1 234,5 », « 20 % »). The palette keeps neighbouring series apart in
 * greyscale and for colour-blind readers (Okabe–Ito colours ordered by
 * lightness), and every mark carries its value, so no chart depends on
 * colour alone.
 */
#ifndef COPIL_CHART_CHART_H
#define COPIL_CHART_CHART_H

#include <cairo.h>
#include <pango/pango.h>

#include "core/arena.h"

#define CHART_MAX_SERIES 6
#define CHART_MAX_POINTS 40

typedef enum ChartKind {
    CHART_BAR,     /* vertical bars, one per point */
    CHART_HBAR,    /* horizontal bars: long labels read on the left */
    CHART_GROUPED, /* vertical bars, one group per point (value vs target) */
    CHART_PIE,
    CHART_DONUT,
    CHART_LINE, /* one line per series */
} ChartKind;

typedef struct Chart {
    ChartKind kind;
    const char *title;
    const char *unit;     /* after each value: "%", "h", "" */
    int decimals;         /* digits after the comma; -1: none for whole numbers, else 1 */
    double max;           /* top of the value axis; 0: rounded up from the data */
    int nseries;          /* 1..CHART_MAX_SERIES */
    const char **series;  /* nseries names; NULL for a single unnamed series */
    int npoints;          /* 1..CHART_MAX_POINTS */
    const char **labels;  /* npoints */
    const double *values; /* npoints × nseries, point by point; all ≥ 0 */
} Chart;

/* Writes v the French way: comma, U+202F between thousands, then the unit
 * after U+202F for "%" and U+00A0 otherwise. decimals as in Chart. The
 * result is in a; NULL when out of memory. */
char *chart_number(Arena *a, double v, int decimals, const char *unit);

/* The text alternative of c, in French, from its data: « Répartition du
 * temps : accompagnement des usages 20 %, … ». In a; NULL when out of
 * memory. */
char *chart_alt(Arena *a, const Chart *c);

/* Draws c into the rectangle (x, y, w, h), in points, on cr, with labels in
 * family laid out through ctx. Draws nothing but the title when the
 * rectangle is too small for the plot. */
void chart_draw(cairo_t *cr, PangoContext *ctx, const char *family, const Chart *c, double x,
                double y, double w, double h);

#endif
