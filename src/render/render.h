/*
 * render/render.h — session + request → PDF bytes, page count, diagnostics.
 *
 * The stages wired together once: validate → transform → doc → paginate →
 * paint → finish. Every front end (the command line, copil mail, the
 * fuzzers, the form server, the académie's dashboard) renders through here,
 * and asks here the answers they must share: the document kinds (kinds.c),
 * the names of the PDFs (names.c), the creation date. Nothing here prints,
 * writes a file or reads argv: the PDF comes back in memory and the
 * diagnostics on the caller's Run.
 */
#ifndef COPIL_RENDER_RENDER_H
#define COPIL_RENDER_RENDER_H

#include <stddef.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "core/run.h"
#include "doc/doc.h"
#include "fonts/fonts.h"
#include "paginate/paginate.h"
#include "text/text.h"
#include "transform/transform.h"
#include "validate/validate.h"

#ifndef COPIL_VERSION
#define COPIL_VERSION "0.0.0"
#endif

/* --- the session (session.c) ------------------------------------------------ */

/* What is built once per process and shared by every document run. */
typedef struct Session {
    char *datadir;        /* schemas/, stylesheets/, fonts/ live here */
    Validator *validator; /* compiled schemas */
    Fonts *fonts;         /* for rendering: opened by render_session_fonts */
    Text *text;
    Transformer *transformer; /* the stylesheets */
} Session;

/* Finds copil's data folder: $COPIL_DATADIR when set (and then only it),
 * else the source tree the program was built in (build/copil → .), else
 * the installed share folder; the first that holds schemas/common.xsd. On
 * STATUS_OK *dir is malloc'd (the caller frees it). STATUS_INVALID when
 * none holds it: *env is then $COPIL_DATADIR when it was set, else NULL.
 * STATUS_IO when out of memory. */
Status render_find_datadir(char **dir, const char **env);

/* Opens a session on the data folder datadir (copied): schemas and
 * stylesheets, compiled on first use. STATUS_IO when out of memory. */
Status render_session_open(Session *s, const char *datadir);
void render_session_close(Session *s);

/* Loads the fonts and the hyphenation dictionary, once, for rendering;
 * their problems (a missing dictionary is a warning) are Diags on r.
 * STATUS_IO when the fonts cannot be loaded. */
Status render_session_fonts(Session *s, Run *r);

/* Compiles the stylesheet of every document made from a typed file now
 * rather than on first use (a batch does it before forking its workers).
 * Problems are Diags on r. */
Status render_session_compile(Session *s, Run *r);

/* --- the document kinds (kinds.c) --------------------------------------------- */

/* A document copil makes, and everything that depends on which it is. */
typedef struct RenderKind {
    const char *name;  /* agenda, minutes…: what --kind and copil new take; also its
                        * stylesheet (stylesheets/NAME.xsl, templates/NAME.xml), its
                        * PDF's suffix (x.xml → x-NAME.pdf, names.c) and its message
                        * (stylesheets/mail/NAME.txt) */
    DocKind data;      /* the data file it is made from, by its root element */
    int record;        /* 1: what a meeting makes once its <record> is written
                        * (the minutes, which need it); 0: the others */
    const char *title; /* what it is called, "Minutes" (untranslated: pass it
                        * to _()) */
    const char *valid; /* copil validate's line for a file that makes it
                        * (untranslated: pass it to _()) */
    int typed;         /* 1: its data file is one a person writes, from the
                        * template copil new prints (templates/NAME.xml); 0:
                        * copil makes it (the académie's dashboard) */
} RenderKind;

enum {
    RENDER_AGENDA,
    RENDER_MINUTES,
    RENDER_MISSION_LETTER,
    RENDER_ACTIVITY_REPORT,
    RENDER_DASHBOARD,
    RENDER_NKINDS
};

/* Every document, in that order: the one list of them. */
extern const RenderKind render_kinds[RENDER_NKINDS];

/* The kind named name ("agenda"…), or NULL. */
const RenderKind *render_kind_named(const char *name);

/* 1 when files of kind are typed by people (a document with .typed is made
 * from them): a meeting, a mission letter, an activity report. */
int render_data_typed(DocKind kind);

/* The document a data file xml (of kind) makes by itself: minutes for a
 * meeting with its record, an agenda for one without, the other kinds
 * themselves; NULL for a layout document or an unknown kind. */
const RenderKind *render_kind_natural(xmlDocPtr xml, DocKind kind);

/* The document a data file xml (of kind) makes when asked (as the user
 * wrote it, --kind; NULL: the one it makes by itself). NULL with a Diag on
 * r when asked does not fit (an agenda or minutes for a meeting; minutes
 * need the record; the other kinds only themselves). */
const RenderKind *render_kind_for(Run *r, xmlDocPtr xml, DocKind kind, const char *asked);

/* --- the names of the PDFs (names.c) --------------------------------------------- */

/* The name an input's PDF is made from: its file name less ".layout.xml"
 * (*layout = 1: it makes NAME.pdf) or ".xml" (NAME-KIND.pdf). Returns where
 * that name starts in input; *n is its length. */
const char *render_output_stem(const char *input, size_t *n, int *layout);

/* 1 when the n bytes of stem end in "-" and kind's output (x-agenda for the
 * agenda): the file's name already says what it makes, and its PDF does
 * not repeat it. */
int render_stem_names_kind(const char *stem, size_t n, const RenderKind *kind);

/* Where input's PDF goes by default, and where copil mail looks for it:
 * FILE.layout.xml → FILE.pdf (kind NULL), a data file FILE.xml →
 * FILE-KIND.pdf, or FILE.pdf when FILE already ends in -KIND
 * (x-agenda.xml → x-agenda.pdf); the public copy adds -public
 * (x-agenda-public.pdf). Beside the input, or in dir when given. In r's
 * arena. */
const char *render_default_output(Run *r, const char *input, const char *dir,
                                  const RenderKind *kind, int public_copy);

/* The other data file whose PDF input's default output would be, or NULL:
 * x.xml rendered as an agenda writes x-agenda.pdf, which is also the PDF of
 * an x-agenda.xml beside it. Front ends refuse to write or take that PDF
 * (it would be the other file's document), with the Diag this leaves on r
 * naming both files; the path is in r's arena. */
const char *render_output_owned_by_sibling(Run *r, const char *input, const RenderKind *kind);

/* 1 when a changed after b, or at the same time. */
int render_newer(const struct stat *a, const struct stat *b);

/* The latest change among the data file input (data, of kind, parsed) and
 * the files it reads (its logo, the meetings it names): a PDF made from it
 * is up to date when newer than this (copil mail takes it as it is, copil
 * serve says so). */
void render_newest_input(const char *input, xmlDocPtr data, DocKind kind, struct stat *newest);

/* The send log of the PDF at pdf, in r's arena: NAME-KIND.pdf →
 * NAME-KIND-mail.log, beside it, where copil mail records what it sent. */
const char *render_send_log(Run *r, const char *pdf);

/* --- the creation date (render.c) ------------------------------------------------ */

/* SOURCE_DATE_EPOCH, when set: 1 with its seconds in *t; 0 when unset, or
 * when it is not a number of seconds, which is then a warning on r saying
 * without (what the run does instead, e.g. "the PDF has no creation date").
 * A PDF's creation date is its document's, else this, never the clock's. */
int render_source_date(Run *r, const char *without, long long *t);

/* --- rendering (render.c) ------------------------------------------------------------ */

/* What to render. */
typedef struct RenderRequest {
    /* The file as the user named it: a data file or a layout document, read
     * and validated here. Relative paths in it (logos, linked meetings)
     * resolve against its folder. */
    const char *input;
    /* Or input's content already validated (of data_kind): only read, so
     * that one validation serves several renders (copil mail's two copies).
     * NULL: input is read. */
    xmlDocPtr data;
    DocKind data_kind;
    const char *kind; /* the document asked (agenda, minutes…, as typed); NULL: the file's own */
    int public_copy;  /* no contact details of people, no signature fields */
    int pages_only;   /* stop once paginated (a page dump, or checks before
                       * painting); render_pdf makes the PDF later */
} RenderRequest;

/* What a render gave. Everything but pdf belongs to the run. */
typedef struct RenderResult {
    const RenderKind *kind; /* the document made; NULL for a layout document */
    int npages;
    Pages *pages;       /* the pages laid out, for a page dump (pg_dump) */
    unsigned char *pdf; /* the finished PDF, malloc'd: the caller frees it; NULL
                         * on failure and with pages_only */
    size_t len;
    /* For render_pdf, with pages_only; NULL after a render that painted
     * as it went, whose Doc is gone with its pages. */
    Doc *doc;
    int public_copy;
} RenderResult;

/* Renders req->input (or req->data) to a finished PDF in memory, as `copil
 * render` writes it, into *res (zeroed first). Diagnostics go to run;
 * nothing is printed or written. Needs render_session_fonts(s) first.
 * STATUS_INVALID when the input is wrong, STATUS_USAGE for a --kind given
 * to a layout document, STATUS_IO when the machine fails. */
Status render_document(Session *s, Run *run, const RenderRequest *req, RenderResult *res);

/* Paints and finishes the pages of a pages_only render_document into
 * res->pdf and res->len. */
Status render_pdf(Run *run, RenderResult *res);

#endif
