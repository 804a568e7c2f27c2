/*
 * cli/cli.c — dispatch of the subcommands, and nothing else: the commands
 * call no function of this file.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

int
cli_main(int argc, char **argv)
{
    if (argc < 2) {
        cli_help(stderr, NULL);
        return STATUS_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
        return cli_help(stdout, NULL);
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("copil %s\n", COPIL_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help"))
        return cli_help(stdout, argc > 2 ? argv[2] : NULL);
    if (!strcmp(cmd, "validate"))
        return cli_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "render"))
        return cli_render(argc - 1, argv + 1);
    if (!strcmp(cmd, "new"))
        return cli_new(argc - 1, argv + 1);
    if (!strcmp(cmd, "mail"))
        return cli_mail(argc - 1, argv + 1);
    if (!strcmp(cmd, "dashboard"))
        return cli_dashboard(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve"))
        return cli_serve(argc - 1, argv + 1);
    fprintf(stderr, _("copil: error: unknown command \"%s\"; see copil --help\n"), cmd);
    return STATUS_USAGE;
}
