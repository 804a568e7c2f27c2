/*
 * cli/helper.c — the commands that live in a program of their own.
 *
 * `copil mail` runs copil-mail (linked with GMime and libcurl) and `copil
 * serve` runs copil-serve (linked with libmicrohttpd): the same program
 * with those libraries, so that the others are not loaded at every start
 * of copil (libcurl and its fifteen libraries alone cost each `copil
 * render` about 6 ms). A helper lies beside copil in a build folder, and
 * in PREFIX/lib/copil once installed.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"

/* The helper program beside the running one, else installed. */
static const char *
helper_program(const char *helper, const char *installed, char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0) {
        buf[n] = '\0';
        char *slash = strrchr(buf, '/');
        if (slash && (size_t)(slash - buf) + strlen(helper) + 2 <= size) {
            slash[1] = '\0';
            strcat(slash, helper);
            if (access(buf, X_OK) == 0)
                return buf;
        }
    }
    return installed;
}

int
cli_run_helper(const char *command, const char *helper, const char *installed, int argc,
               char **argv)
{
    char buf[PATH_MAX];
    const char *prog = helper_program(helper, installed, buf, sizeof buf);
    char **args = calloc((size_t)argc + 2, sizeof(*args));
    if (!args) {
        fprintf(stderr, _("copil %s: error: out of memory\n"), command);
        return STATUS_IO;
    }
    args[0] = (char *)prog;
    for (int i = 0; i < argc; i++) /* argv[0] is the command's name */
        args[i + 1] = argv[i];
    fflush(NULL);
    execv(prog, args);
    fprintf(stderr,
            _("copil %s: error: %s cannot be run (%s); copil %s needs it: is copil installed "
              "completely?\n"),
            command, prog, strerror(errno), command);
    free(args);
    return STATUS_IO;
}
