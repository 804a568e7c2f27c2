/*
 * fonts/fonts.c — private fontconfig, Pango font map and context.
 *
 * The configuration is given to fontconfig as an in-memory document: its only
 * <dir> is the fonts folder, its <cachedir> a folder we may write (or none),
 * and it maps the generic names to the shipped families. An empty
 * configuration has no synthetic bold or italic, which is why fonts/ ships
 * all four styles of each family.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fonts/fonts.h"
#include "core/i18n.h"

#define SANS_FAMILY  "Liberation Sans"
#define SERIF_FAMILY "Liberation Serif"

typedef struct LineRatio {
    char family[64];
    int ratio;
} LineRatio;

struct Fonts {
    FcConfig *config;
    FcCharSet *coverage; /* union of every font's characters */
    /* The coverage of the Basic Multilingual Plane as bits, one block of
     * 256 characters at a time, filled when a character of the block is
     * first asked for: asked for every character of every text. */
    uint32_t bmp[256][8];
    uint8_t bmp_known[256];
    PangoFontMap *map;
    PangoContext *context;
    LineRatio ratios[8];
    int nratios;
};

/* Escapes a path for the XML configuration. */
static char *
xml_escape(const char *s)
{
    GString *g = g_string_new(NULL);
    for (; *s; s++) {
        switch (*s) {
        case '&':
            g_string_append(g, "&amp;");
            break;
        case '<':
            g_string_append(g, "&lt;");
            break;
        case '>':
            g_string_append(g, "&gt;");
            break;
        default:
            g_string_append_c(g, *s);
        }
    }
    return g_string_free(g, FALSE);
}

/* 1 when fontconfig listed the font file at path. */
static int
listed(FcFontSet *set, const char *path)
{
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *file;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
            !strcmp((const char *)file, path))
            return 1;
    }
    return 0;
}

/* 1 when the file starts as a TrueType or OpenType font does. */
static int
looks_like_font(const char *path)
{
    unsigned char m[4];
    FILE *fp = fopen(path, "rb");
    int ok = fp && fread(m, 1, 4, fp) == 4 &&
             (!memcmp(m, "\0\1\0\0", 4) || !memcmp(m, "OTTO", 4) || !memcmp(m, "true", 4) ||
              !memcmp(m, "ttcf", 4));
    if (fp)
        fclose(fp);
    return ok;
}

/* Every font file of the folder (real path dir) is one fontconfig could
 * read: a damaged one is named, rather than silently replaced by another
 * style at print time. Returns the number of damaged files. */
static int
check_files(Run *r, const char *fonts_dir, const char *dir, FcFontSet *set)
{
    int bad = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < 5 ||
            (g_ascii_strcasecmp(e->d_name + n - 4, ".ttf") &&
             g_ascii_strcasecmp(e->d_name + n - 4, ".otf") &&
             g_ascii_strcasecmp(e->d_name + n - 4, ".ttc")))
            continue;
        char *path = g_strdup_printf("%s/%s", dir, e->d_name);
        if (!looks_like_font(path) || !listed(set, path)) {
            run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0,
                        _("the font file %s is damaged (it is not a font fontconfig can read); "
                          "reinstall copil's fonts"),
                        e->d_name);
            bad++;
        }
        g_free(path);
    }
    if (d)
        closedir(d);
    return bad;
}

/* The four styles of each shipped family that the stylesheets use. */
static int
check_faces(Run *r, const char *fonts_dir, FcFontSet *set)
{
    static const char *const families[] = {SANS_FAMILY, SERIF_FAMILY};
    static const struct {
        int weight, slant;
        const char *name;
    } styles[] = {{FC_WEIGHT_REGULAR, FC_SLANT_ROMAN, "Regular"},
                  {FC_WEIGHT_BOLD, FC_SLANT_ROMAN, "Bold"},
                  {FC_WEIGHT_REGULAR, FC_SLANT_ITALIC, "Italic"},
                  {FC_WEIGHT_BOLD, FC_SLANT_ITALIC, "Bold Italic"}};
    int missing = 0;
    for (size_t f = 0; f < 2; f++) {
        for (size_t k = 0; k < 4; k++) {
            int found = 0;
            for (int i = 0; set && i < set->nfont && !found; i++) {
                FcChar8 *fam;
                int w, sl;
                found = FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &fam) == FcResultMatch &&
                        !strcmp((const char *)fam, families[f]) &&
                        FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &w) == FcResultMatch &&
                        FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &sl) == FcResultMatch &&
                        w == styles[k].weight && sl == styles[k].slant;
            }
            if (!found) {
                run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0,
                            _("the fonts folder lacks %s %s, which the documents use; reinstall "
                              "copil's fonts"),
                            families[f], styles[k].name);
                missing++;
            }
        }
    }
    return missing;
}

Status
fonts_open(Run *r, const char *fonts_dir, const char *cache_dir, Fonts **out)
{
    Status st = STATUS_IO;
    Fonts *f = g_new0(Fonts, 1);
    char *dir = NULL, *cache = NULL, *xml = NULL;
    char real[4096];

    *out = NULL;
    if (!realpath(fonts_dir, real)) {
        run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0, _("the fonts folder is missing"));
        goto out;
    }
    dir = xml_escape(real);
    cache = cache_dir ? xml_escape(cache_dir) : NULL;
    xml = g_strdup_printf(
        "<fontconfig><dir>%s</dir>%s%s%s"
        "<alias binding=\"same\"><family>sans</family><prefer><family>" SANS_FAMILY
        "</family></prefer></alias>"
        "<alias binding=\"same\"><family>sans-serif</family><prefer><family>" SANS_FAMILY
        "</family></prefer></alias>"
        "<alias binding=\"same\"><family>serif</family><prefer><family>" SERIF_FAMILY
        "</family></prefer></alias>"
        "</fontconfig>",
        dir, cache ? "<cachedir>" : "", cache ? cache : "", cache ? "</cachedir>" : "");
    f->config = FcConfigCreate();
    if (!f->config || !FcConfigParseAndLoadFromMemory(f->config, (const FcChar8 *)xml, FcTrue) ||
        !FcConfigBuildFonts(f->config)) {
        run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0, _("fontconfig cannot read the fonts folder"));
        goto out;
    }
    FcFontSet *set = FcConfigGetFonts(f->config, FcSetSystem);
    f->coverage = FcCharSetCreate();
    int usable = 0;
    for (int i = 0; set && i < set->nfont; i++) {
        FcCharSet *cs;
        if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch) {
            FcCharSetMerge(f->coverage, cs, NULL);
            usable++;
        }
    }
    if (!usable) {
        run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0,
                    _("the fonts folder holds no font copil can use (broken or missing files)"));
        goto out;
    }
    if (check_files(r, fonts_dir, real, set) + check_faces(r, fonts_dir, set) > 0)
        goto out;
    /* Made current first, so that neither Pango nor Cairo ever loads the
     * system's configuration (and its fonts) behind our back. */
    FcConfigSetCurrent(f->config);
    f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!f->map) {
        run_diag_at(r, DIAG_ERROR, fonts_dir, 0, 0, _("Pango cannot use the FreeType fonts"));
        goto out;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
    /* Text inside an SVG image is laid out by librsvg with Pango's default
     * font map: make it this one, so that it too uses only our fonts and
     * shares their caches. */
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(f->map));
    f->context = pango_font_map_create_context(f->map);
    pango_context_set_language(f->context, pango_language_from_string("fr"));
    /* One layout unit is one PDF point: 72 per inch, not the screen's 96 that
     * Pango assumes (which would print 9pt text at 12pt). */
    pango_cairo_context_set_resolution(f->context, 72.0);
    /* Outlines are drawn as they are: no hinting or rounding that would make
     * the PDF differ from the metrics pagination used. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(f->context, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(f->context, FALSE);
    *out = f;
    f = NULL;
    st = STATUS_OK;
out:
    g_free(dir);
    g_free(cache);
    g_free(xml);
    fonts_free(f);
    return st;
}

void
fonts_free(Fonts *f)
{
    if (!f)
        return;
    if (f->context)
        g_object_unref(f->context);
    if (f->map && (PangoFontMap *)pango_cairo_font_map_get_default() == f->map)
        pango_cairo_font_map_set_default(NULL);
    if (f->map)
        g_object_unref(f->map);
    if (f->coverage)
        FcCharSetDestroy(f->coverage);
    if (f->config)
        FcConfigDestroy(f->config);
    g_free(f);
}

PangoContext *
fonts_context(Fonts *f)
{
    return f->context;
}

const char *
fonts_family(Fonts *f, const char *name)
{
    if (!name || !strcmp(name, "sans") || !strcmp(name, "sans-serif"))
        return SANS_FAMILY;
    if (!strcmp(name, "serif"))
        return SERIF_FAMILY;
    FcFontSet *set = FcConfigGetFonts(f->config, FcSetSystem);
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *fam;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; k++)
            if (!strcasecmp((const char *)fam, name))
                return name;
    }
    return NULL;
}

int
fonts_has_char(Fonts *f, uint32_t cp)
{
    if (cp > 0xFFFF)
        return FcCharSetHasChar(f->coverage, cp);
    uint32_t *bits = f->bmp[cp >> 8];
    if (!f->bmp_known[cp >> 8]) {
        for (uint32_t c = cp & ~0xFFu, i = 0; i < 256; i++, c++)
            if (FcCharSetHasChar(f->coverage, c))
                bits[i >> 5] |= 1u << (i & 31);
        f->bmp_known[cp >> 8] = 1;
    }
    return (bits[(cp & 0xFF) >> 5] >> (cp & 31)) & 1;
}

int
fonts_line_ratio(Fonts *f, const char *family)
{
    for (int i = 0; i < f->nratios; i++)
        if (!strcmp(f->ratios[i].family, family))
            return f->ratios[i].ratio;
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, family);
    pango_font_description_set_size(d, 100 * PANGO_SCALE);
    PangoFontMetrics *m = pango_context_get_metrics(f->context, d, NULL);
    int ratio =
        (pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) * 10 / PANGO_SCALE;
    pango_font_metrics_unref(m);
    pango_font_description_free(d);
    if (ratio <= 0)
        ratio = 1150;
    if (f->nratios < (int)(sizeof(f->ratios) / sizeof(f->ratios[0]))) {
        g_strlcpy(f->ratios[f->nratios].family, family, sizeof(f->ratios[0].family));
        f->ratios[f->nratios++].ratio = ratio;
    }
    return ratio;
}
