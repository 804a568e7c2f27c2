/*
 * cli/options.c — reading the command line: what the commands share.
 *
 * Apart from cli.c, which only dispatches, so that a command that reads an
 * option and the dispatcher that calls the command do not need each other.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "core/i18n.h"

const char *
cli_option_value(const char *cmd, int argc, char **argv, int *i, const char *what)
{
    if (*i + 1 >= argc) {
        /* TRANSLATORS: "copil render: error: --output needs a file name". */
        fprintf(stderr, _("copil %s: error: %s needs %s\n"), cmd, argv[*i], what);
        return NULL;
    }
    return argv[++*i];
}
