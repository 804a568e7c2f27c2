/*
 * cli/cli.h — the command line: argv → render/ → messages and exit code.
 *
 * The CLI is the only part of the program that prints. It opens the
 * Session (render/render.h: what lives for the whole process), makes one
 * Run per input file, renders it through render/, and keeps for itself
 * what only a command line does: reading options, printing diagnostics,
 * saving files atomically, refusing to overwrite a signed PDF, batches.
 */
#ifndef COPIL_CLI_CLI_H
#define COPIL_CLI_CLI_H

#include <stdio.h>

#include "core/run.h"
#include "render/render.h"

/* --- the session as the command line opens it, messages printed (cli/session.c) --- */

/* Finds the data folder (render_find_datadir). Returns a malloc'd path, or
 * NULL with a message on stderr when none holds schemas. */
char *cli_find_datadir(void);

/* Opens a session on the data folder; returns STATUS_IO with a message on
 * stderr when that fails. render_session_close closes it. */
Status cli_session_open(Session *s);

/* Loads the fonts and the hyphenation dictionary, once, for rendering.
 * Problems are printed; returns STATUS_IO then. */
Status cli_session_fonts(Session *s);

/* Prints the run's diagnostics to stderr, sorted, with a line for any that
 * were dropped over the limit. */
void cli_print_diags(Run *r);

/* --- batches (cli/batch.c) --- */

/* One input of a batch. */
typedef struct BatchItem {
    char *input;  /* as named, or found under a named folder */
    char *outdir; /* where its PDF goes; NULL: beside the input */
} BatchItem;

typedef struct BatchList {
    BatchItem *items; /* sorted by input, bytewise */
    int n, cap;
    int total;       /* before slicing a shard */
    const char *cmd; /* the command, for its messages */
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

/* The data files of args as cli_batch_collect finds them (files named, and
 * *.xml under folders), sorted and cut to shard_k of shard_n, without the
 * check of their PDFs: for a command that reads them all (copil
 * dashboard, whose name cmd is in the messages). */
Status cli_batch_find(const char *cmd, char **args, int nargs, int shard_k, int shard_n,
                      BatchList *out);

/* Renders every item of list with fn in o->jobs worker processes forked from
 * this one (which keeps s, built once). On a terminal, a progress line; then
 * a summary listing each failure with its first error. A failure, even a
 * crashed worker, affects only its own file. Returns 0 when all succeeded,
 * 1 when any failed, 3 when no worker could start. */
int cli_batch_run(Session *s, const BatchList *list, const BatchOptions *o, BatchFn fn, void *ctx);

/* The value of an option that takes one (-o FILE, --eml DIR): argv[*i + 1],
 * with *i moved onto it; NULL with "copil CMD: error: OPTION needs WHAT" on
 * stderr when the command line ends first (cli/options.c). */
const char *cli_option_value(const char *cmd, int argc, char **argv, int *i, const char *what);

/* The value of an option attached to its name: "-j4" (shortopt "-j"),
 * "--jobs=4" (longopt "--jobs"); NULL when arg is not such. */
const char *cli_attached(const char *arg, const char *shortopt, const char *longopt);

/* The number s writes, from 1 to max; 0 when it is not one. */
int cli_parse_count(const char *s, int max);

/* --shard K/N's value v into *k and *n; 0 with a message naming cmd on
 * stderr when it is not K/N with 1 <= K <= N. */
int cli_parse_shard(const char *cmd, const char *v, int *k, int *n);

/* Subcommands: argv[0] is the subcommand's name. Return the exit code. */
int cli_validate(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_mail(int argc, char **argv);
int cli_dashboard(int argc, char **argv);

/* `copil serve [DIR] [--port N] [--open]`: the folder's documents in the
 * browser, until interrupted (cli/serve.c, in copil-serve). */
int cli_serve(int argc, char **argv);

/* Runs the helper program `helper` (beside this one, else installed) with
 * argv (argv[0] is command, the subcommand's name), in place of this one;
 * returns only when it cannot be run, with the message printed: 3. */
int cli_run_helper(const char *command, const char *helper, const char *installed, int argc,
                   char **argv);

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
