/*
 * render/kinds.c — the documents copil makes: one table, one row each.
 *
 * A data file's root element says what it is (validate/); this table says
 * what it makes: its stylesheet, the name of its PDF, which of a meeting's
 * two documents needs the record, the words of its message. Front ends
 * ask here rather than keep a list of their own. Adding a document is
 * adding a row (and its stylesheet, template and message).
 */
#include <string.h>

#include "core/i18n.h"
#include "render/render.h"

const RenderKind render_kinds[RENDER_NKINDS] = {
    [RENDER_AGENDA] = {.name = "agenda",
                       .data = DOC_MEETING,
                       .record = 0,
                       .title = N_("Agenda"),
                       .valid = N_("valid meeting, agenda only"),
                       .typed = 1},
    [RENDER_MINUTES] = {.name = "minutes",
                        .data = DOC_MEETING,
                        .record = 1,
                        .title = N_("Minutes"),
                        .valid = N_("valid meeting, with its record"),
                        .typed = 1},
    [RENDER_MISSION_LETTER] = {.name = "mission-letter",
                               .data = DOC_MISSION_LETTER,
                               .record = 0,
                               .title = N_("Mission letter"),
                               .valid = N_("valid mission-letter"),
                               .typed = 1},
    [RENDER_ACTIVITY_REPORT] = {.name = "activity-report",
                                .data = DOC_ACTIVITY_REPORT,
                                .record = 0,
                                .title = N_("Activity report"),
                                .valid = N_("valid activity-report"),
                                .typed = 1},
    [RENDER_DASHBOARD] = {.name = "dashboard",
                          .data = DOC_DASHBOARD,
                          .record = 0,
                          .title = N_("Dashboard"),
                          .valid = N_("valid dashboard"),
                          .typed = 0},
};

const RenderKind *
render_kind_named(const char *name)
{
    for (int i = 0; name && i < RENDER_NKINDS; i++)
        if (!strcmp(name, render_kinds[i].name))
            return &render_kinds[i];
    return NULL;
}

int
render_data_typed(DocKind kind)
{
    for (int i = 0; i < RENDER_NKINDS; i++)
        if (render_kinds[i].data == kind && render_kinds[i].typed)
            return 1;
    return 0;
}

const RenderKind *
render_kind_natural(xmlDocPtr xml, DocKind kind)
{
    int has_record = kind == DOC_MEETING && validate_meeting_has_record(xml);
    for (int i = 0; i < RENDER_NKINDS; i++)
        if (render_kinds[i].data == kind && render_kinds[i].record == has_record)
            return &render_kinds[i];
    return NULL;
}

const RenderKind *
render_kind_for(Run *r, xmlDocPtr xml, DocKind kind, const char *asked)
{
    const RenderKind *natural = render_kind_natural(xml, kind);
    /* A file of no data kind (a layout document given to copil mail) is
     * answered as an activity report, as copil always has: its mail plan
     * then finds nothing to send. */
    if (!natural)
        natural = &render_kinds[RENDER_ACTIVITY_REPORT];
    if (!asked)
        return natural;
    const RenderKind *k = render_kind_named(asked);
    if (!k || k->data != natural->data) {
        run_diag(r, DIAG_ERROR, 0, 0, _("a %s file cannot be rendered as %s; it makes %s"),
                 validate_kind_name(kind), asked,
                 kind == DOC_MEETING ? _("an agenda or minutes") : natural->name);
        return NULL;
    }
    if (k->record && !natural->record) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("minutes need the meeting's record: this file has no <record> yet (render the "
                   "agenda, or add the record after the meeting)"));
        return NULL;
    }
    return k;
}
