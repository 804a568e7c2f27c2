/*
 * core/i18n.c — binding the catalogue, and the few words gettext cannot say.
 *
 * Only LC_MESSAGES is taken from the environment (setlocale(LC_MESSAGES, "")):
 * LC_NUMERIC and LC_CTYPE stay "C", so that libxslt's number formatting,
 * Pango's default language and printf's decimal point are the same whoever
 * runs copil. The catalogue's charset is forced to UTF-8, the one copil speaks
 * everywhere (it quotes the user's UTF-8 values back as they are).
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "config.h" /* COPIL_LOCALEDIR_DEFAULT, written by the Makefile from PREFIX */

#define DOMAIN "copil"

/* Returns 1 when dir holds a catalogue of ours (any language). */
static int
has_catalogue(const char *dir)
{
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof(path), "%s/fr/LC_MESSAGES/" DOMAIN ".mo", dir) >=
        sizeof(path))
        return 0;
    return access(path, R_OK) == 0;
}

void
i18n_init(void)
{
    setlocale(LC_MESSAGES, "");
    /* build/copil reads build/locale/, which the Makefile writes beside it. */
    char exe[PATH_MAX];
    const char *dir = COPIL_LOCALEDIR_DEFAULT;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    static char tree[PATH_MAX];
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if ((size_t)snprintf(tree, sizeof(tree), "%s/locale", exe) < sizeof(tree) &&
                has_catalogue(tree))
                dir = tree;
        }
    }
    bindtextdomain(DOMAIN, dir);
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    /* strerror() speaks through glibc's own catalogue: with LC_CTYPE "C" it
     * would turn « périphérique » into "p?riph?rique". */
    bind_textdomain_codeset("libc", "UTF-8");
    textdomain(DOMAIN);
}

const char *
i18n_pgettext(const char *ctx, const char *s)
{
    char key[512];
    size_t lc = strlen(ctx), ls = strlen(s);
    if (lc + 1 + ls + 1 > sizeof(key))
        return s;
    memcpy(key, ctx, lc);
    key[lc] = '\004'; /* gettext's separator between msgctxt and msgid */
    memcpy(key + lc + 1, s, ls + 1);
    const char *t = gettext(key);
    return t == key ? s : t;
}

const char *
i18n_language(void)
{
    /* TRANSLATORS: the code of the language you translate into, as in
     * xml:lang: "fr" for French. copil chooses the schemas' texts with it. */
    return P_("language code", "en");
}

void
i18n_decimal(char *buf, size_t bufsize, double value)
{
    snprintf(buf, bufsize, "%.1f", value); /* LC_NUMERIC is always "C" */
    /* TRANSLATORS: the decimal separator, "," in French. */
    const char *sep = P_("decimal separator", ".");
    char *dot = strchr(buf, '.');
    if (dot && strcmp(sep, ".") != 0) {
        size_t ls = strlen(sep), rest = strlen(dot + 1);
        if ((size_t)(dot - buf) + ls + rest + 1 <= bufsize) {
            memmove(dot + ls, dot + 1, rest + 1);
            memcpy(dot, sep, ls);
        }
    }
}

void
i18n_thousands(char *buf, size_t bufsize, double value)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", value);
    /* TRANSLATORS: the thousands separator, a narrow no-break space (U+202F)
     * in French. */
    const char *sep = P_("thousands separator", ",");
    size_t n = strlen(digits), ls = strlen(sep), k = 0;
    if (bufsize == 0)
        return;
    for (size_t i = 0; i < n && k + ls + 1 < bufsize; i++) {
        buf[k++] = digits[i];
        if ((n - i - 1) % 3 == 0 && i + 1 < n && digits[i] != '-') {
            memcpy(buf + k, sep, ls);
            k += ls;
        }
    }
    buf[k] = '\0';
}
