/*
 * chart/chart.c — charts drawn with Cairo paths and Pango labels.
 *
 * Every chart is drawn in the same frame: the title on top, a legend under
 * it when there are several series, then the plot. Bar, grouped and line
 * charts share a category axis along the bottom and a value axis on the left
 * with round steps (1, 2, 2.5 or 5 times a power of ten) and light grid
 * lines; horizontal bars swap the axes so that long labels read on the left;
 * pies and donuts put their legend, with each value, on the right. Labels are
 * wrapped to the room they have and ellipsized after a few lines, so no
 * data makes a label overflow its chart.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart/chart.h"
#include "core/buf.h"

/* Okabe–Ito colours, in an order that alternates dark and light so that
 * neighbours stay apart in greyscale (lightness 46, 72, 21, 70, 55, 89). */
static const uint32_t palette[CHART_MAX_SERIES] = {0x0072B2, 0xE69F00, 0x1F3346,
                                                   0x56B4E9, 0xD55E00, 0xF0E442};

#define TEXT_COLOR 0x222222
#define AXIS_COLOR 0x555555
#define GRID_COLOR 0xD4D4D4
#define TITLE_SIZE 9.0
#define LABEL_SIZE 7.5
#define VALUE_SIZE 7.0
#define GAP        4.0

/* --- numbers --------------------------------------------------------- */

char *
chart_number(Arena *a, double v, int decimals, const char *unit)
{
    if (!isfinite(v))
        v = 0;
    if (decimals < 0)
        decimals = fabs(v - round(v)) < 0.005 ? 0 : 1;
    if (decimals > 3)
        decimals = 3;
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v) < 1e15 ? v : 0);
    if (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1))
        memmove(raw, raw + 1, strlen(raw)); /* "-0.0" */
    Buf b;
    buf_init(&b, a);
    const char *p = raw;
    if (*p == '-')
        buf_put(&b, 0x2212), p++; /* the minus sign, not a hyphen */
    size_t digits = strcspn(p, ".");
    for (size_t i = 0; i < digits; i++) {
        /* Groups of three from four digits on: « 1 234 », « 12 345 ». */
        if (i > 0 && digits >= 4 && (digits - i) % 3 == 0)
            buf_put(&b, 0x202F);
        buf_append(&b, p + i, 1);
    }
    if (p[digits] == '.') {
        buf_append(&b, ",", 1);
        buf_append(&b, p + digits + 1, (unsigned)strlen(p + digits + 1));
    }
    if (unit && *unit) {
        buf_put(&b, !strcmp(unit, "%") ? 0x202F : 0x00A0);
        buf_append(&b, unit, (unsigned)strlen(unit));
    }
    return b.failed || !b.s ? NULL : b.s;
}

static double
value_at(const Chart *c, int point, int series)
{
    return c->values[point * c->nseries + series];
}

static double
total(const Chart *c)
{
    double t = 0;
    for (int i = 0; i < c->npoints; i++)
        t += value_at(c, i, 0);
    return t;
}

char *
chart_alt(Arena *a, const Chart *c)
{
    int pie = c->kind == CHART_PIE || c->kind == CHART_DONUT;
    int share = pie && (!c->unit || strcmp(c->unit, "%") != 0) && total(c) > 0;
    Buf b;
    buf_init(&b, a);
    const char *title = c->title ? c->title : "Graphique";
    buf_append(&b, title, (unsigned)strlen(title));
    buf_append(&b, "\u00A0: ", 4);
    for (int i = 0; i < c->npoints; i++) {
        if (i > 0)
            buf_append(&b, c->nseries > 1 ? "\u00A0; " : ", ", c->nseries > 1 ? 4 : 2);
        buf_append(&b, c->labels[i], (unsigned)strlen(c->labels[i]));
        if (c->nseries > 1)
            buf_append(&b, "\u00A0:", 3);
        for (int s = 0; s < c->nseries; s++) {
            if (s > 0)
                buf_append(&b, ",", 1);
            buf_append(&b, " ", 1);
            if (c->nseries > 1 && c->series && c->series[s]) {
                buf_append(&b, c->series[s], (unsigned)strlen(c->series[s]));
                buf_append(&b, " ", 1);
            }
            const char *n = chart_number(a, value_at(c, i, s), c->decimals, c->unit);
            if (n)
                buf_append(&b, n, (unsigned)strlen(n));
            if (share) {
                const char *pc = chart_number(a, 100 * value_at(c, i, 0) / total(c), 0, "%");
                if (pc) {
                    buf_append(&b, " (", 2);
                    buf_append(&b, pc, (unsigned)strlen(pc));
                    buf_append(&b, ")", 1);
                }
            }
        }
    }
    buf_append(&b, ".", 1);
    return b.failed || !b.s ? NULL : b.s;
}

/* --- drawing helpers ------------------------------------------------- */

typedef struct Pen {
    cairo_t *cr;
    PangoContext *ctx;
    const char *family;
    Arena scratch; /* the numbers' strings, freed when the chart is drawn */
} Pen;

static void
set_rgb(cairo_t *cr, uint32_t c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0,
                         (c & 0xFF) / 255.0);
}

/* Relative lightness of a colour, 0..1, to choose black or white text on it. */
static double
lightness(uint32_t c)
{
    return (0.2126 * ((c >> 16) & 0xFF) + 0.7152 * ((c >> 8) & 0xFF) + 0.0722 * (c & 0xFF)) / 255.0;
}

/* A label of at most lines lines in width points (0: one unbroken line),
 * ellipsized beyond. The caller unrefs it. */
static PangoLayout *
label(Pen *p, const char *text, double size, int bold, double width, int lines,
      PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(p->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, p->family);
    pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height(l, -lines);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

static void
size_of(PangoLayout *l, double *w, double *h)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    if (w)
        *w = r.width / (double)PANGO_SCALE;
    if (h)
        *h = r.height / (double)PANGO_SCALE;
}

/* Draws l with its top-left corner at (x, y) and releases it. */
static void
show(Pen *p, PangoLayout *l, double x, double y, uint32_t color)
{
    cairo_save(p->cr);
    set_rgb(p->cr, color);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
    cairo_new_path(p->cr); /* or the next arc would start with a line from here */
    cairo_restore(p->cr);
    g_object_unref(l);
}

/* v with the chart's unit, on one line: decimals as in Chart (-1 for the
 * axis's round steps). */
static PangoLayout *
number_label(Pen *p, const Chart *c, double v, int decimals)
{
    return label(p, chart_number(&p->scratch, v, decimals, c->unit), VALUE_SIZE, 0, 0, 1,
                 PANGO_ALIGN_LEFT);
}

/* The width of l, which is released. */
static double
width_of(PangoLayout *l)
{
    double w;
    size_of(l, &w, NULL);
    g_object_unref(l);
    return w;
}

/* A value's label centred on cx, its bottom at y. */
static void
value_above(Pen *p, const Chart *c, double v, double cx, double y)
{
    PangoLayout *l = number_label(p, c, v, c->decimals);
    double w, h;
    size_of(l, &w, &h);
    show(p, l, cx - w / 2, y - h, TEXT_COLOR);
}

static void
fill_rect(cairo_t *cr, double x, double y, double w, double h, uint32_t color)
{
    set_rgb(cr, color);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill_preserve(cr);
    /* A thin dark edge keeps light colours visible on white paper. */
    set_rgb(cr, 0x333333);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
}

static void
line(cairo_t *cr, double x0, double y0, double x1, double y1, double width, uint32_t color)
{
    set_rgb(cr, color);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
}

/* A marker that tells series apart without colour: circle, square,
 * triangle, diamond, then again. */
static void
marker(cairo_t *cr, int series, double x, double y, uint32_t color)
{
    double r = 2.4;
    cairo_new_path(cr);
    switch (series % 4) {
    case 0:
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        break;
    case 1:
        cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
        break;
    case 2:
        cairo_move_to(cr, x, y - r * 1.2);
        cairo_line_to(cr, x + r * 1.2, y + r);
        cairo_line_to(cr, x - r * 1.2, y + r);
        cairo_close_path(cr);
        break;
    default:
        cairo_move_to(cr, x, y - r * 1.3);
        cairo_line_to(cr, x + r * 1.3, y);
        cairo_line_to(cr, x, y + r * 1.3);
        cairo_line_to(cr, x - r * 1.3, y);
        cairo_close_path(cr);
    }
    set_rgb(cr, color);
    cairo_fill_preserve(cr);
    set_rgb(cr, 0x333333);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
}

/* The legend of the series on one or more rows from (x, y) in width;
 * returns its height. Line charts show each series' marker. */
static double
legend(Pen *p, const Chart *c, double x, double y, double width)
{
    double cx = x, cy = y, row = 0;
    for (int s = 0; s < c->nseries; s++) {
        const char *name = c->series && c->series[s] ? c->series[s] : "";
        PangoLayout *l = label(p, name, LABEL_SIZE, 0, width * 0.45, 1, PANGO_ALIGN_LEFT);
        double w, h;
        size_of(l, &w, &h);
        double item = 12 + w + 10;
        if (cx > x && cx + item > x + width) {
            cx = x;
            cy += row + 2;
        }
        if (c->kind == CHART_LINE) {
            line(p->cr, cx, cy + h / 2, cx + 9, cy + h / 2, 1.5, palette[s]);
            marker(p->cr, s, cx + 4.5, cy + h / 2, palette[s]);
        } else {
            fill_rect(p->cr, cx + 0.5, cy + h / 2 - 3.5, 7, 7, palette[s]);
        }
        show(p, l, cx + 12, cy, TEXT_COLOR);
        cx += item;
        row = h > row ? h : row;
    }
    return cy + row - y;
}

/* A round step for about target intervals up to max. */
static double
nice_step(double max, int target)
{
    double raw = max / target;
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * mag;
}

/* The top of the value axis and its step. */
static void
value_axis(const Chart *c, int target, double *top, double *step)
{
    double max = 0;
    for (int i = 0; i < c->npoints * c->nseries; i++)
        max = c->values[i] > max ? c->values[i] : max;
    if (c->max > 0 && c->max >= max) {
        *step = nice_step(c->max, target);
        *top = c->max;
        return;
    }
    if (max <= 0)
        max = 1;
    *step = nice_step(max, target);
    *top = ceil(max / *step - 1e-9) * *step;
}

/* --- bar, grouped bar and line --------------------------------------- */

static void
draw_vertical(Pen *p, const Chart *c, double x, double y, double w, double h)
{
    cairo_t *cr = p->cr;
    double top, step;
    value_axis(c, h > 120 ? 5 : 4, &top, &step);

    /* The widest tick label sets the axis's room. */
    double axis_w = 0;
    for (double t = 0; t <= top + step / 2; t += step) {
        double tw = width_of(number_label(p, c, t, -1));
        axis_w = tw > axis_w ? tw : axis_w;
    }
    double px0 = x + axis_w + GAP, px1 = x + w - 2;
    double slot = (px1 - px0) / c->npoints;

    /* Category labels: up to three lines in their slot. */
    double cat_h = 0;
    PangoLayout *cats[CHART_MAX_POINTS];
    for (int i = 0; i < c->npoints; i++) {
        cats[i] = label(p, c->labels[i], LABEL_SIZE, 0, slot - 2, 3, PANGO_ALIGN_CENTER);
        double lh;
        size_of(cats[i], NULL, &lh);
        cat_h = lh > cat_h ? lh : cat_h;
    }
    double py0 = y + VALUE_SIZE * 1.6, py1 = y + h - cat_h - GAP;
    if (py1 - py0 < 20 || slot < 6) {
        for (int i = 0; i < c->npoints; i++)
            g_object_unref(cats[i]);
        return;
    }
    double scale = (py1 - py0) / top;

    for (double t = 0; t <= top + step / 2; t += step) {
        double ty = py1 - t * scale;
        if (t > 0)
            line(cr, px0, ty, px1, ty, 0.4, GRID_COLOR);
        PangoLayout *l = number_label(p, c, t, -1);
        double tw, th;
        size_of(l, &tw, &th);
        show(p, l, px0 - GAP - tw, ty - th / 2, AXIS_COLOR);
    }

    if (c->kind == CHART_LINE) {
        for (int s = 0; s < c->nseries; s++) {
            set_rgb(cr, palette[s]);
            cairo_set_line_width(cr, 1.5);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            for (int i = 0; i < c->npoints; i++) {
                double vx = px0 + slot * (i + 0.5), vy = py1 - value_at(c, i, s) * scale;
                if (i == 0)
                    cairo_move_to(cr, vx, vy);
                else
                    cairo_line_to(cr, vx, vy);
            }
            cairo_stroke(cr);
            for (int i = 0; i < c->npoints; i++) {
                double v = value_at(c, i, s);
                double vx = px0 + slot * (i + 0.5), vy = py1 - v * scale;
                marker(cr, s, vx, vy, palette[s]);
                value_above(p, c, v, vx, vy - 3.5);
            }
        }
    } else {
        double group = slot * (c->nseries > 1 ? 0.8 : 0.6);
        if (group > 36.0 * c->nseries) /* a lone point is not a wall */
            group = 36.0 * c->nseries;
        double bar = group / c->nseries;
        for (int i = 0; i < c->npoints; i++) {
            double gx = px0 + slot * i + (slot - group) / 2;
            for (int s = 0; s < c->nseries; s++) {
                double v = value_at(c, i, s);
                double bh = (v > top ? top : v) * scale;
                fill_rect(cr, gx + bar * s, py1 - bh, bar, bh, palette[s]);
                value_above(p, c, v, gx + bar * (s + 0.5), py1 - bh - 1.5);
            }
        }
    }
    line(cr, px0, py1, px1, py1, 0.7, AXIS_COLOR);
    for (int i = 0; i < c->npoints; i++)
        show(p, cats[i], px0 + slot * i + 1, py1 + GAP, TEXT_COLOR);
}

/* --- horizontal bars ------------------------------------------------- */

static void
draw_horizontal(Pen *p, const Chart *c, double x, double y, double w, double h)
{
    cairo_t *cr = p->cr;
    double top, step;
    value_axis(c, 4, &top, &step);

    /* Labels on the left: their natural width, up to two fifths of the
     * chart, on at most two lines. */
    double lab_w = 0;
    for (int i = 0; i < c->npoints; i++) {
        double lw = width_of(label(p, c->labels[i], LABEL_SIZE, 0, 0, 1, PANGO_ALIGN_LEFT));
        lab_w = lw > lab_w ? lw : lab_w;
    }
    if (lab_w > w * 0.4)
        lab_w = w * 0.4;
    /* Room on the right for the longest value. */
    double val_w = 0;
    for (int i = 0; i < c->npoints * c->nseries; i++) {
        double vw = width_of(number_label(p, c, c->values[i], c->decimals));
        val_w = vw > val_w ? vw : val_w;
    }
    double px0 = x + lab_w + GAP, px1 = x + w - val_w - GAP;
    double py0 = y, py1 = y + h - VALUE_SIZE * 1.6;
    double row = (py1 - py0) / c->npoints;
    if (px1 - px0 < 20 || row < 5)
        return;
    double scale = (px1 - px0) / top;

    for (double t = 0; t <= top + step / 2; t += step) {
        double tx = px0 + t * scale;
        if (t > 0)
            line(cr, tx, py0, tx, py1, 0.4, GRID_COLOR);
        PangoLayout *l = number_label(p, c, t, -1);
        double tw;
        size_of(l, &tw, NULL);
        show(p, l, tx - tw / 2, py1 + 2, AXIS_COLOR);
    }
    double band = row * (c->nseries > 1 ? 0.8 : 0.62);
    double bar = band / c->nseries;
    for (int i = 0; i < c->npoints; i++) {
        double ry = py0 + row * i;
        PangoLayout *l = label(p, c->labels[i], LABEL_SIZE, 0, lab_w, 2, PANGO_ALIGN_RIGHT);
        double lh;
        size_of(l, NULL, &lh);
        show(p, l, x, ry + (row - lh) / 2, TEXT_COLOR);
        for (int s = 0; s < c->nseries; s++) {
            double v = value_at(c, i, s);
            double bw = (v > top ? top : v) * scale;
            double by = ry + (row - band) / 2 + bar * s;
            fill_rect(cr, px0, by, bw, bar, palette[s]);
            PangoLayout *vl = number_label(p, c, v, c->decimals);
            double vh;
            size_of(vl, NULL, &vh);
            show(p, vl, px0 + bw + 2, by + (bar - vh) / 2, TEXT_COLOR);
        }
    }
    line(cr, px0, py0, px0, py1, 0.7, AXIS_COLOR);
}

/* --- pie and donut --------------------------------------------------- */

static void
draw_pie(Pen *p, const Chart *c, double x, double y, double w, double h)
{
    cairo_t *cr = p->cr;
    double sum = total(c);
    double d = h < w * 0.42 ? h : w * 0.42;
    if (d < 20)
        return;
    double r = d / 2 - 1, cx = x + d / 2, cy = y + h / 2;
    double inner = c->kind == CHART_DONUT ? r * 0.55 : 0;
    int percent_unit = c->unit && !strcmp(c->unit, "%");

    double a0 = -M_PI / 2;
    for (int i = 0; i < c->npoints && sum > 0; i++) {
        double v = value_at(c, i, 0);
        double a1 = a0 + 2 * M_PI * v / sum;
        uint32_t col = palette[i % CHART_MAX_SERIES];
        if (v > 0) {
            cairo_new_path(cr);
            if (inner > 0) {
                cairo_arc(cr, cx, cy, r, a0, a1);
                cairo_arc_negative(cr, cx, cy, inner, a1, a0);
            } else {
                cairo_move_to(cr, cx, cy);
                cairo_arc(cr, cx, cy, r, a0, a1);
            }
            cairo_close_path(cr);
            set_rgb(cr, col);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0xFFFFFF);
            cairo_set_line_width(cr, 1);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
            cairo_stroke(cr);
        }
        /* The share on the slice itself when it has room. */
        double share = 100 * v / sum;
        if (share >= 7) {
            double mid = (a0 + a1) / 2, rr = inner > 0 ? (r + inner) / 2 : r * 0.62;
            /* Percentages as given, other units as a rounded share. */
            const char *text = percent_unit ? chart_number(&p->scratch, v, c->decimals, "%")
                                            : chart_number(&p->scratch, share, 0, "%");
            PangoLayout *l = label(p, text, VALUE_SIZE, 1, 0, 1, PANGO_ALIGN_LEFT);
            double lw, lh;
            size_of(l, &lw, &lh);
            show(p, l, cx + rr * cos(mid) - lw / 2, cy + rr * sin(mid) - lh / 2,
                 lightness(col) < 0.5 ? 0xFFFFFF : 0x000000);
        }
        a0 = a1;
    }

    /* The legend, with each value, on the right. */
    double lx = x + d + 10, lw = x + w - lx;
    if (lw < 30)
        return;
    double size = LABEL_SIZE, rows_h;
    PangoLayout *rows[CHART_MAX_POINTS];
    for (;;) {
        rows_h = 0;
        for (int i = 0; i < c->npoints; i++) {
            double v = value_at(c, i, 0);
            const char *val = chart_number(&p->scratch, v, c->decimals, c->unit);
            const char *text =
                percent_unit || sum <= 0
                    ? arena_printf(&p->scratch, "%s\u00A0: %s", c->labels[i], val ? val : "")
                    : arena_printf(&p->scratch, "%s\u00A0: %s (%s)", c->labels[i], val ? val : "",
                                   chart_number(&p->scratch, 100 * v / sum, 0, "%"));
            rows[i] = label(p, text, size, 0, lw - 12, 2, PANGO_ALIGN_LEFT);
            double rh;
            size_of(rows[i], NULL, &rh);
            rows_h += rh + 2;
        }
        if (rows_h <= h || size <= 6)
            break;
        for (int i = 0; i < c->npoints; i++)
            g_object_unref(rows[i]);
        size -= 0.5;
    }
    double ry = y + (h - rows_h) / 2;
    ry = ry < y ? y : ry;
    for (int i = 0; i < c->npoints; i++) {
        double rh;
        size_of(rows[i], NULL, &rh);
        fill_rect(cr, lx, ry + 1.5, 7, 7, palette[i % CHART_MAX_SERIES]);
        show(p, rows[i], lx + 12, ry, TEXT_COLOR);
        ry += rh + 2;
    }
}

/* --- the frame ------------------------------------------------------- */

void
chart_draw(cairo_t *cr, PangoContext *ctx, const char *family, const Chart *c, double x, double y,
           double w, double h)
{
    Pen p = {cr, ctx, family, {0}};
    arena_init(&p.scratch);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);

    double top = y;
    if (c->title) {
        PangoLayout *l = label(&p, c->title, TITLE_SIZE, 1, w, 2, PANGO_ALIGN_LEFT);
        double th;
        size_of(l, NULL, &th);
        show(&p, l, x, top, TEXT_COLOR);
        top += th + GAP;
    }
    if (c->nseries > 1 && c->kind != CHART_PIE && c->kind != CHART_DONUT)
        top += legend(&p, c, x, top, w) + GAP;
    double ph = y + h - top;
    if (ph > 10) {
        switch (c->kind) {
        case CHART_HBAR:
            draw_horizontal(&p, c, x, top, w, ph);
            break;
        case CHART_PIE:
        case CHART_DONUT:
            draw_pie(&p, c, x, top, w, ph);
            break;
        default:
            draw_vertical(&p, c, x, top, w, ph);
        }
    }
    cairo_restore(cr);
    arena_free(&p.scratch);
}
