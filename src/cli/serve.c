/*
 * cli/serve.c — `copil serve [DIR | --documents] [--port N] [--open]`, in
 * copil-serve.
 *
 * Reads the command line, opens the session (the schemas, for the states of
 * the files) and hands over to serve/ until the user stops it. The folder
 * is taken as its real path: what the server may read is decided against
 * that, once.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "serve/serve.h"

int
cli_serve(int argc, char **argv)
{
    const char *dir = NULL;
    int documents = 0;
    ServeConfig cfg = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--port")) {
            const char *v = cli_option_value("serve", argc, argv, &i, _("a port number"));
            if (!v)
                return STATUS_USAGE;
            char *end;
            errno = 0;
            unsigned long port = strtoul(v, &end, 10);
            if (errno || *end || end == v || port > 65535) {
                fprintf(stderr,
                        _("copil serve: error: --port takes a number from 0 to 65535 "
                          "(0: any free port), not \"%s\"\n"),
                        v);
                return STATUS_USAGE;
            }
            cfg.port = (unsigned)port;
        } else if (!strcmp(a, "--open")) {
            cfg.open_browser = 1;
        } else if (!strcmp(a, "--documents")) {
            documents = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            return cli_help(stdout, "serve");
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("copil serve: error: unknown option %s; see copil help serve\n"), a);
            return STATUS_USAGE;
        } else if (dir) {
            fprintf(stderr, _("copil serve: error: name one folder (%s and %s were given)\n"), dir,
                    a);
            return STATUS_USAGE;
        } else {
            dir = a;
        }
    }
    char real[PATH_MAX], self[PATH_MAX], mine[PATH_MAX];
    if (documents && dir) {
        fprintf(stderr,
                _("copil serve: error: --documents names the folder itself: give it or "
                  "%s, not both\n"),
                dir);
        return STATUS_USAGE;
    }
    if (documents) {
        /* The launcher's folder: copil/ in the user's documents folder
         * (XDG's, else ~/Documents), made on the first start. */
        const char *docs = g_get_user_special_dir(G_USER_DIRECTORY_DOCUMENTS);
        int n = docs ? snprintf(mine, sizeof mine, "%s/copil", docs)
                     : snprintf(mine, sizeof mine, "%s/Documents/copil", g_get_home_dir());
        if (n < 0 || (size_t)n >= sizeof mine || file_make_dirs(mine) != 0) {
            fprintf(stderr, _("copil serve: error: cannot make the folder %s: %s\n"), mine,
                    file_why(errno));
            return STATUS_IO;
        }
        dir = mine;
    }
    if (!realpath(dir ? dir : ".", real)) {
        fprintf(stderr, _("copil serve: error: cannot open the folder %s: %s\n"), dir ? dir : ".",
                file_why(errno));
        return STATUS_IO;
    }
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        fprintf(stderr, _("copil serve: error: cannot find its own program to render with\n"));
        return STATUS_IO;
    }
    self[n] = '\0';
    cfg.dir = real;
    cfg.self = self;
    Session session;
    if (cli_session_open(&session) != STATUS_OK)
        return STATUS_IO;
    int st = serve_run(&session, &cfg);
    render_session_close(&session);
    return st;
}
