/*
 * cli/mail-exec.c — `copil mail` in the main program: it runs copil-mail,
 * the same program linked with GMime and libcurl (cli/mail.c, src/mail/).
 *
 * Linked into copil itself, those two libraries and libcurl's own fifteen
 * would be loaded at every start: about 6 ms and 21 million instructions
 * more for each `copil render`, to serve one command. copil-mail lies beside
 * copil in a build folder (build/copil-mail), and in PREFIX/lib/copil once
 * installed.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "config.h" /* COPIL_MAIL_DEFAULT, written by the Makefile from PREFIX */

/* copil-mail beside the running program, else the installed one. */
static const char *
mail_program(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0) {
        buf[n] = '\0';
        char *slash = strrchr(buf, '/');
        if (slash && (size_t)(slash - buf) + sizeof "/copil-mail" <= size) {
            strcpy(slash, "/copil-mail");
            if (access(buf, X_OK) == 0)
                return buf;
        }
    }
    return COPIL_MAIL_DEFAULT;
}

int
cli_mail(int argc, char **argv)
{
    char buf[PATH_MAX];
    const char *prog = mail_program(buf, sizeof buf);
    char **args = calloc((size_t)argc + 2, sizeof(*args));
    if (!args) {
        fprintf(stderr, _("copil mail: error: out of memory\n"));
        return STATUS_IO;
    }
    args[0] = (char *)prog;
    for (int i = 0; i < argc; i++) /* argv[0] is "mail" */
        args[i + 1] = argv[i];
    fflush(NULL);
    execv(prog, args);
    fprintf(stderr,
            _("copil mail: error: %s cannot be run (%s); copil mail needs it: is copil installed "
              "completely?\n"),
            prog, strerror(errno));
    free(args);
    return STATUS_IO;
}
