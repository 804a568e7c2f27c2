/*
 * cli/serve-exec.c — `copil serve` in the programs that are not
 * copil-serve: it runs copil-serve (cli/helper.c), which has the real one
 * (cli/serve.c, src/serve/).
 */
#include "cli/cli.h"
#include "config.h" /* COPIL_SERVE_DEFAULT, written by the Makefile from PREFIX */

int
cli_serve(int argc, char **argv)
{
    return cli_run_helper("serve", "copil-serve", COPIL_SERVE_DEFAULT, argc, argv);
}
