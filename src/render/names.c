/*
 * render/names.c — the names of the PDFs copil makes.
 *
 * NAME.xml makes NAME-KIND.pdf, NAME.pdf when NAME already ends in -KIND,
 * NAME-KIND-public.pdf for its public copy; NAME.layout.xml makes NAME.pdf.
 * `copil render` writes there, `copil mail` looks there and names its send
 * log after it, a batch refuses two inputs that would meet there: one rule,
 * here. It only makes names; it never writes, and reads the disk only to
 * find a sibling data file.
 */
#include <limits.h>
#include <sys/stat.h>
#include <string.h>

#include "core/file.h"
#include "core/i18n.h"
#include "render/render.h"

const char *
render_output_stem(const char *input, size_t *n, int *layout)
{
    const char *slash = strrchr(input, '/');
    const char *name = slash ? slash + 1 : input;
    size_t k = strlen(name);
    *layout = k > 11 && !strcmp(name + k - 11, ".layout.xml");
    *n = k - (*layout ? 11 : k > 4 && !strcmp(name + k - 4, ".xml") ? 4 : 0);
    return name;
}

int
render_stem_names_kind(const char *stem, size_t n, const RenderKind *kind)
{
    const char *out = kind ? kind->name : NULL;
    size_t k = out ? strlen(out) : 0;
    return k && n > k + 1 && stem[n - k - 1] == '-' && !strncmp(stem + n - k, out, k);
}

/* The public copy adds "-public", so that it never takes the place of the
 * full one. */
const char *
render_default_output(Run *r, const char *input, const char *dir, const RenderKind *kind,
                      int public_copy)
{
    size_t n;
    int layout;
    const char *stem = render_output_stem(input, &n, &layout);
    const char *out = kind && !render_stem_names_kind(stem, n, kind) ? kind->name : NULL;
    const char *suffix = arena_printf(&r->arena, "%s%s%s", out ? "-" : "", out ? out : "",
                                      public_copy ? "-public" : "");
    if (dir)
        return arena_printf(&r->arena, "%s/%.*s%s.pdf", dir, (int)n, stem, suffix);
    return arena_printf(&r->arena, "%.*s%s.pdf", (int)(stem - input + n), input, suffix);
}

const char *
render_output_owned_by_sibling(Run *r, const char *input, const RenderKind *kind)
{
    size_t n;
    int layout;
    struct stat sb;
    const char *stem = render_output_stem(input, &n, &layout);
    if (layout || !kind || render_stem_names_kind(stem, n, kind))
        return NULL;
    const char *sibling =
        arena_printf(&r->arena, "%.*s-%s.xml", (int)(stem - input + n), input, kind->name);
    if (!sibling || stat(sibling, &sb) != 0)
        return NULL;
    run_diag(r, DIAG_ERROR, 0, 0,
             _("its %s would be %s, the PDF of %s beside it: use that file instead, or rename "
               "one of the two (copil render can also write elsewhere with -o FILE)"),
             kind->name, render_default_output(r, input, NULL, kind, 0), sibling);
    return sibling;
}

int
render_newer(const struct stat *a, const struct stat *b)
{
    return a->st_mtim.tv_sec != b->st_mtim.tv_sec ? a->st_mtim.tv_sec > b->st_mtim.tv_sec
                                                  : a->st_mtim.tv_nsec >= b->st_mtim.tv_nsec;
}

typedef struct Latest {
    char folder[PATH_MAX];
    struct stat newest; /* of the data file and the files it reads */
} Latest;

static void
note_linked(void *ctx, const xmlNode *node, const char *attr)
{
    Latest *l = ctx;
    char real[PATH_MAX];
    struct stat sb;
    xmlChar *v = attr ? xmlGetNoNsProp(node, (const xmlChar *)attr) : xmlNodeGetContent(node);
    if (v && file_resolve(l->folder, (const char *)v, real) == FILE_REF_INSIDE &&
        stat(real, &sb) == 0 && !render_newer(&l->newest, &sb))
        l->newest = sb;
    xmlFree(v);
}

void
render_newest_input(const char *input, xmlDocPtr data, DocKind kind, struct stat *newest)
{
    Latest l = {0};
    if (stat(input, &l.newest) == 0 && file_real_folder(input, l.folder) == 0)
        validate_linked_files(data, kind, note_linked, &l);
    *newest = l.newest;
}

const char *
render_send_log(Run *r, const char *pdf)
{
    size_t n = strlen(pdf);
    return n > 4 ? arena_printf(&r->arena, "%.*s-mail.log", (int)(n - 4), pdf) : NULL;
}
