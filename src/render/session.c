/*
 * render/session.c — finding the data folder and building the Session.
 *
 * The in-tree binary (build/copil) uses the tree it was built from, so a
 * developer never runs stale installed schemas; an installed binary uses
 * $(PREFIX)/share/copil; COPIL_DATADIR overrides both. What fails here is
 * said in the status and the run: the front end words and prints it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h" /* COPIL_DATADIR_DEFAULT, written by the Makefile from PREFIX */
#include "render/render.h"

static int
has_schemas(const char *dir)
{
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof(path), "%s/schemas/common.xsd", dir) >= sizeof(path))
        return 0;
    return access(path, R_OK) == 0;
}

/* A malloc'd copy of path into *dir: STATUS_OK, or STATUS_IO. */
static Status
found(const char *path, char **dir)
{
    *dir = strdup(path);
    return *dir ? STATUS_OK : STATUS_IO;
}

Status
render_find_datadir(char **dir, const char **env)
{
    *dir = NULL;
    *env = getenv("COPIL_DATADIR");
    if (*env && **env)
        return has_schemas(*env) ? found(*env, dir) : STATUS_INVALID;
    *env = NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        /* build/copil or build/san/copil in a source tree */
        static const char *const ups[] = {"/..", "/../.."};
        for (size_t i = 0; slash && i < sizeof(ups) / sizeof(ups[0]); i++) {
            *slash = '\0';
            char tree[PATH_MAX], resolved[PATH_MAX];
            if ((size_t)snprintf(tree, sizeof(tree), "%s%s", exe, ups[i]) < sizeof(tree) &&
                has_schemas(tree)) {
                char mk[PATH_MAX + 16];
                snprintf(mk, sizeof(mk), "%s/src/main.c", tree);
                if (access(mk, F_OK) == 0)
                    return found(realpath(tree, resolved) ? resolved : tree, dir);
            }
        }
    }
    if (has_schemas(COPIL_DATADIR_DEFAULT))
        return found(COPIL_DATADIR_DEFAULT, dir);
    return STATUS_INVALID;
}

Status
render_session_open(Session *s, const char *datadir)
{
    memset(s, 0, sizeof(*s));
    s->datadir = strdup(datadir);
    if (!s->datadir)
        return STATUS_IO;
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/schemas", s->datadir);
    s->validator = validate_new(path);
    snprintf(path, sizeof(path), "%s/stylesheets", s->datadir);
    s->transformer = s->validator ? transform_new(path, s->validator) : NULL;
    if (!s->validator || !s->transformer) {
        render_session_close(s);
        return STATUS_IO;
    }
    return STATUS_OK;
}

/* Fontconfig's cache: $XDG_CACHE_HOME/copil, else ~/.cache/copil; none
 * when neither can be made. */
static char *
cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char base[PATH_MAX], dir[PATH_MAX];
    if (xdg && *xdg)
        snprintf(base, sizeof(base), "%s", xdg);
    else if (home && *home)
        snprintf(base, sizeof(base), "%s/.cache", home);
    else
        return NULL;
    mkdir(base, 0755);
    if ((size_t)snprintf(dir, sizeof(dir), "%s/copil", base) >= sizeof(dir))
        return NULL;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return NULL;
    return access(dir, W_OK) == 0 ? strdup(dir) : NULL;
}

#define HYPHEN_DICT "/usr/share/hyphen/hyph_fr.dic"

Status
render_session_fonts(Session *s, Run *r)
{
    if (s->fonts)
        return STATUS_OK;
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/fonts", s->datadir);
    char *cache = cache_dir();
    Status st = fonts_open(r, path, cache, &s->fonts);
    free(cache);
    if (st == STATUS_OK)
        s->text = text_new(r, s->fonts, HYPHEN_DICT);
    return st;
}

Status
render_session_compile(Session *s, Run *r)
{
    Status st = STATUS_OK;
    for (int i = 0; st == STATUS_OK && i < RENDER_NKINDS; i++)
        if (render_kinds[i].typed)
            st = transform_compile(s->transformer, r, render_kinds[i].name);
    return st;
}

void
render_session_close(Session *s)
{
    text_free(s->text);
    fonts_free(s->fonts);
    transform_free(s->transformer);
    validate_free(s->validator);
    free(s->datadir);
    memset(s, 0, sizeof(*s));
}
