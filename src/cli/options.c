/*
 * cli/options.c — reading the command line: what the commands share.
 *
 * Apart from cli.c, which only dispatches, so that a command that reads an
 * option and the dispatcher that calls the command do not need each other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
cli_parse_count(const char *s, int max)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && *end == '\0' && v >= 1 && v <= max ? (int)v : 0;
}

int
cli_parse_shard(const char *cmd, const char *v, int *k, int *n)
{
    const char *slash = strchr(v, '/');
    char first[16];
    size_t kn = slash ? (size_t)(slash - v) : 0;
    *k = *n = 0;
    if (slash && kn < sizeof first) {
        memcpy(first, v, kn);
        first[kn] = '\0';
        *n = cli_parse_count(slash + 1, 1000000);
        *k = *n ? cli_parse_count(first, *n) : 0;
    }
    if (!*k)
        fprintf(stderr,
                _("copil %s: error: --shard takes K/N, the K-th of N slices with 1 <= K <= N (for "
                  "example --shard 2/8), not \"%s\"\n"),
                cmd, v);
    return *k != 0;
}

const char *
cli_attached(const char *arg, const char *shortopt, const char *longopt)
{
    size_t k = strlen(longopt);
    if (!strncmp(arg, longopt, k) && arg[k] == '=')
        return arg + k + 1;
    if (shortopt && !strncmp(arg, shortopt, 2) && arg[2])
        return arg + 2;
    return NULL;
}
