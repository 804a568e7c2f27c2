/*
 * cli/mail-exec.c — `copil mail` in the programs that are not copil-mail:
 * it runs copil-mail (cli/helper.c), which has the real one (cli/mail.c).
 */
#include "cli/cli.h"
#include "config.h" /* COPIL_MAIL_DEFAULT, written by the Makefile from PREFIX */

int
cli_mail(int argc, char **argv)
{
    return cli_run_helper("mail", "copil-mail", COPIL_MAIL_DEFAULT, argc, argv);
}
