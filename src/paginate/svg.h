/*
 * paginate/svg.h — the librsvg functions paginate calls, loaded on first use.
 */
#ifndef COPIL_PAGINATE_SVG_H
#define COPIL_PAGINATE_SVG_H

#include <librsvg/rsvg.h>

typedef struct SvgApi {
    __typeof__(rsvg_handle_new_from_data) *new_from_data;
    __typeof__(rsvg_handle_set_dpi) *set_dpi;
    __typeof__(rsvg_handle_get_intrinsic_size_in_pixels) *intrinsic_size;
    __typeof__(rsvg_handle_get_geometry_for_element) *geometry;
    __typeof__(rsvg_handle_render_document) *render;
} SvgApi;

/* librsvg's functions, the library loaded on the first call in the
 * process; NULL when it cannot be loaded, with *reason (when reason is not
 * NULL) saying why in the loader's words, valid until the process ends. */
const SvgApi *svg_api(const char **reason);

#endif
