/*
 * cli/cli.h — the command line: argv → stages → exit code.
 *
 * The CLI is the only part of the program that prints. It owns the Session
 * (what lives for the whole process: data folder, compiled schemas) and makes
 * one Run per input file.
 */
#ifndef COPIL_CLI_CLI_H
#define COPIL_CLI_CLI_H

#include <stdio.h>

#include "core/run.h"
#include "fonts/fonts.h"
#include "text/text.h"
#include "transform/transform.h"
#include "validate/validate.h"

#ifndef COPIL_VERSION
#define COPIL_VERSION "0.0.0"
#endif

/* What is built once per process and shared by every document run. */
typedef struct Session {
    char *datadir;        /* schemas/, stylesheets/, fonts/ live here */
    Validator *validator; /* compiled schemas */
    Fonts *fonts;         /* for rendering: opened by cli_session_fonts */
    Text *text;
    Transformer *transformer; /* the stylesheets */
} Session;

/* The documents copil makes, each from the stylesheet and the template of
 * that name: agenda, minutes, mission-letter, activity-report. */
#define CLI_NDOCUMENTS 4
extern const char *const cli_documents[CLI_NDOCUMENTS];

/* Finds the data folder: $COPIL_DATADIR, else the source tree the binary was
 * built in (build/copil → .), else the installed share folder. Returns a
 * malloc'd path, or NULL with a message on stderr when none holds schemas. */
char *cli_find_datadir(void);

/* Opens a session on the data folder; returns STATUS_IO with a message on
 * stderr when that fails. */
Status cli_session_open(Session *s);
void cli_session_close(Session *s);

/* Loads the fonts and the hyphenation dictionary, once, for rendering.
 * Problems are printed; returns STATUS_IO then. */
Status cli_session_fonts(Session *s);

/* --- batches (cli/batch.c) --- */

/* One input of a batch. */
typedef struct BatchItem {
    char *input;  /* as named, or found under a named folder */
    char *outdir; /* where its PDF goes; NULL: beside the input */
} BatchItem;

typedef struct BatchList {
    BatchItem *items; /* sorted by input, bytewise */
    int n, cap;
    int total; /* before slicing a shard */
} BatchList;

/* What one document gave, for the summary. */
typedef struct BatchResult {
    Status status;
    int warnings;
    char first[1024]; /* the first error as printed ("file:line: error: …") */
} BatchResult;

/* Renders one item in a worker; fills res (status, warnings, first error)
 * and prints nothing. */
typedef Status (*BatchFn)(Session *s, const BatchItem *item, void *ctx, BatchResult *res);

typedef struct BatchOptions {
    int jobs;             /* workers; 0: one per core */
    int quiet;            /* no progress, no summary unless something failed */
    int shard_k, shard_n; /* render only the K-th of N slices (1-based); 0: all */
} BatchOptions;

/* The inputs of a batch: each file of args, and every data file (*.xml but
 * not *.layout.xml, no hidden entry) under each folder of args, whose PDF
 * goes to the same place under outdir when outdir is given. Sorted bytewise,
 * then cut to shard_k of shard_n (round robin). Two inputs that would write
 * the same PDF are refused. The caller frees *out with cli_batch_free.
 * STATUS_USAGE or STATUS_IO with a message on stderr. */
Status cli_batch_collect(char **args, int nargs, const char *outdir, int shard_k, int shard_n,
                         BatchList *out);
void cli_batch_free(BatchList *l);

/* Renders every item of list with fn in o->jobs worker processes forked from
 * this one (which keeps s, built once). On a terminal, a progress line; then
 * a summary listing each failure with its first error. A failure, even a
 * crashed worker, affects only its own file. Returns 0 when all succeeded,
 * 1 when any failed, 3 when no worker could start. */
int cli_batch_run(Session *s, const BatchList *list, const BatchOptions *o, BatchFn fn, void *ctx);

/* The name an input's PDF is made from: its file name less ".layout.xml"
 * (*layout = 1: it makes NAME.pdf) or ".xml" (NAME-KIND.pdf). Returns where
 * that name starts in input; *n is its length. */
const char *cli_output_stem(const char *input, size_t *n, int *layout);

/* Which document a data file of kind makes: asked (--kind) when it fits,
 * else minutes for a meeting with its record, an agenda for one without, and
 * the other kinds themselves. NULL with a Diag on r when asked does not fit. */
const char *cli_document_kind(Run *r, xmlDocPtr xml, DocKind kind, const char *asked);

/* 1 when the n bytes of stem end in "-" and kind (x-agenda for agenda): the
 * file's name already says what it makes, and its PDF does not repeat it. */
int cli_stem_names_kind(const char *stem, size_t n, const char *kind);

/* Where `copil render` writes input's PDF, and `copil mail` looks for it:
 * FILE.layout.xml → FILE.pdf, a data file FILE.xml → FILE-KIND.pdf, or
 * FILE.pdf when FILE already ends in -KIND (x-agenda.xml → x-agenda.pdf);
 * the public copy adds -public (x-agenda-public.pdf). Beside the input or in
 * dir when given. In r's arena. */
const char *cli_default_output(Run *r, const char *input, const char *dir, const char *kind,
                               int public_copy);

/* The other data file whose PDF input's default output would be, or NULL:
 * x.xml rendered as an agenda writes x-agenda.pdf, which is also the PDF of
 * an x-agenda.xml beside it. render and mail refuse to write or take that
 * PDF (it would be the other file's document), with a Diag on r naming both
 * files; the path is in r's arena. */
const char *cli_output_owned_by_sibling(Run *r, const char *input, const char *kind);

/* Renders input (a data file as kind, NULL: its own kind; or a layout
 * document) to a finished PDF in memory, as `copil render` would write it:
 * *pdf is malloc'd (the caller frees it), NULL on failure. Diagnostics go to
 * run, nothing is printed or written. Needs cli_session_fonts(s) first. */
Status cli_render_memory(Session *s, Run *run, const char *input, const char *kind, int public_copy,
                         unsigned char **pdf, size_t *len);

/* As cli_render_memory, for a data file already validated: data (of kind,
 * read from input) is only read, so that one validation serves several
 * renders (copil mail's full and public copies). */
Status cli_render_data(Session *s, Run *run, xmlDocPtr data, DocKind kind, const char *input,
                       const char *doc_kind, int public_copy, unsigned char **pdf, size_t *len);

/* Prints the run's diagnostics to stderr, sorted, with a line for any that
 * were dropped over the limit. */
void cli_print_diags(Run *r);

/* The value of an option that takes one (-o FILE, --eml DIR): argv[*i + 1],
 * with *i moved onto it; NULL with "copil CMD: error: OPTION needs WHAT" on
 * stderr when the command line ends first. */
const char *cli_option_value(const char *cmd, int argc, char **argv, int *i, const char *what);

/* SOURCE_DATE_EPOCH, when set: 1 with its seconds in *t; 0 when unset, or
 * when it is not a number of seconds, which is then a warning on r saying
 * without (what the run does instead, e.g. "the PDF has no creation date"). */
int cli_source_date(Run *r, const char *without, long long *t);

/* Subcommands: argv[0] is the subcommand's name. Return the exit code. */
int cli_validate(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_mail(int argc, char **argv);

/* `copil new KIND`: prints the data folder's stylesheets/templates/KIND.xml
 * to stdout, byte for byte. 2 for a missing or unknown KIND, 3 when the
 * template cannot be read or stdout cannot be written; messages on stderr. */
int cli_new(int argc, char **argv);

/* Help texts; name NULL is the general help. Returns 0, or 2 for an unknown
 * command. */
int cli_help(FILE *fp, const char *name);

/* The whole program. */
int cli_main(int argc, char **argv);

#endif
