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

/* Prints the run's diagnostics to stderr, sorted, with a line for any that
 * were dropped over the limit. */
void cli_print_diags(Run *r);

/* Subcommands: argv[0] is the subcommand's name. Return the exit code. */
int cli_validate(int argc, char **argv);
int cli_render(int argc, char **argv);

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
