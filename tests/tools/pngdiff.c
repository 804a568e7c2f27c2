/*
 * tests/tools/pngdiff.c — how far two PNG renderings are apart.
 *
 * usage: pngdiff A.png B.png MAX_PERCENT
 * Compares pixel by pixel (after converting both to ARGB); a pixel differs
 * when one channel moves by more than 48 of 255. Prints the share of
 * differing pixels and exits 1 when it exceeds MAX_PERCENT or when the sizes
 * differ, 2 when a file cannot be read. Used for the few reference images of
 * `make check`, where looks matter more than bytes.
 */
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

static cairo_surface_t *
load(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pngdiff: cannot read %s\n", path);
        exit(2);
    }
    cairo_surface_t *argb = cairo_image_surface_create(
        CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(s), cairo_image_surface_get_height(s));
    cairo_t *cr = cairo_create(argb);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    cairo_surface_flush(argb);
    return argb;
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: pngdiff A.png B.png MAX_PERCENT\n");
        return 2;
    }
    cairo_surface_t *a = load(argv[1]), *b = load(argv[2]);
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
        printf("sizes differ: %dx%d and %dx%d\n", w, h, cairo_image_surface_get_width(b),
               cairo_image_surface_get_height(b));
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
        return 1;
    }
    long differ = 0;
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    const unsigned char *pa = cairo_image_surface_get_data(a);
    const unsigned char *pb = cairo_image_surface_get_data(b);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            const unsigned char *p = pa + y * sa + 4 * x, *q = pb + y * sb + 4 * x;
            for (int c = 0; c < 4; c++) {
                if (abs(p[c] - q[c]) > 48) {
                    differ++;
                    break;
                }
            }
        }
    }
    double pct = 100.0 * differ / ((double)w * h);
    printf("%.3f%% of pixels differ\n", pct);
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return pct > atof(argv[3]) ? 1 : 0;
}
