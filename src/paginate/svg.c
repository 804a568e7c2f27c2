/*
 * paginate/svg.c — librsvg, loaded the first time a run draws an SVG.
 *
 * librsvg and what it pulls in (GIO, gdk-pixbuf, its Rust runtime) take
 * about 5 ms to map, relocate and initialise, a quarter of copil's start,
 * paid by every command, while few documents hold an SVG. So copil is not
 * linked against it: the five functions it calls are looked up in
 * librsvg-2.so.2 when the first SVG is decoded, once per process. The
 * header still gives their types, so a changed signature fails the build.
 */
#include <dlfcn.h>
#include <stdio.h>

#include "paginate/svg.h"

#define RSVG_SONAME "librsvg-2.so.2"

static SvgApi api;
static int tried;
static char why[256];

/* The symbol name in lib into *fn; 0 when it is missing. */
#define LOOK_UP(lib, fn, name) ((*(void **)&(fn) = dlsym((lib), (name))) != NULL)

const SvgApi *
svg_api(const char **reason)
{
    if (!tried) {
        tried = 1;
        void *lib = dlopen(RSVG_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!lib) {
            const char *e = dlerror();
            snprintf(why, sizeof why, "%s", e ? e : RSVG_SONAME);
        } else if (!LOOK_UP(lib, api.new_from_data, "rsvg_handle_new_from_data") ||
                   !LOOK_UP(lib, api.set_dpi, "rsvg_handle_set_dpi") ||
                   !LOOK_UP(lib, api.intrinsic_size, "rsvg_handle_get_intrinsic_size_in_pixels") ||
                   !LOOK_UP(lib, api.geometry, "rsvg_handle_get_geometry_for_element") ||
                   !LOOK_UP(lib, api.render, "rsvg_handle_render_document")) {
            /* Kept loaded: unloading a library that registered GObject
             * types is unsafe, and the process is the only user. */
            snprintf(why, sizeof why, "%s is older than 2.52", RSVG_SONAME);
            api.new_from_data = NULL;
        }
    }
    if (!api.new_from_data) {
        if (reason)
            *reason = why;
        return NULL;
    }
    return &api;
}
