/*
 * tests/fuzz/fuzz_text.c — libFuzzer target: French typography and
 * hyphenation of arbitrary UTF-8 text.
 *
 * The text stage receives text from libxml2, so always valid UTF-8 without
 * NUL: other inputs are skipped. On the rest it checks the stage's contracts,
 * not only that it survives: each result is valid UTF-8, each offset map
 * starts at 0, never goes back and ends at the result's length, and
 * hyphenation adds soft hyphens and nothing else. The byte range of the
 * input's middle third is passed as a link (skipped by hyphenation). The
 * ordinals found in the typeset text are digits or a roman numeral's
 * letters then a suffix of lower-case ASCII letters, in order, apart,
 * inside the text.
 */
#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_open_session();
    return 0;
}

/* Aborts unless map (n + 1 entries) runs from 0 to len without going back. */
static void
check_map(const unsigned *map, unsigned n, unsigned len)
{
    if (map[0] != 0 || map[n] != len)
        abort();
    for (unsigned i = 0; i < n; i++)
        if (map[i] > map[i + 1])
            abort();
}

/* s without its soft hyphens (U+00AD, C2 AD), in a. */
static char *
without_soft_hyphens(Arena *a, const char *s, unsigned n, unsigned *len)
{
    char *o = arena_alloc(a, n + 1);
    unsigned k = 0;
    for (unsigned i = 0; i < n; i++) {
        if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAD) {
            i++;
            continue;
        }
        o[k++] = s[i];
    }
    o[k] = '\0';
    *len = k;
    return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    if (size > 1 << 16 || memchr(data, 0, size) || !g_utf8_validate(s, (gssize)size, NULL))
        return 0;
    unsigned n = (unsigned)size;
    Arena a;
    arena_init(&a);
    unsigned *map = arena_alloc_array(&a, n + 1, sizeof(unsigned));
    unsigned len = 0;
    char *typed = text_typography(&a, s, n, map, &len);
    if (!typed || !g_utf8_validate(typed, (gssize)len, NULL))
        abort();
    check_map(map, n, len);

    int nord = 0;
    const unsigned *ord = text_ordinals(&a, typed, len, &nord);
    if (nord < 0 || (nord > 0 && !ord))
        abort();
    for (int k = 0, prev = 0; k < nord; k++) {
        unsigned b = ord[3 * k], m = ord[3 * k + 1], e = ord[3 * k + 2];
        if (b < (unsigned)prev || b >= m || m >= e || e > len)
            abort();
        for (unsigned i = b; i < m; i++)
            if (!typed[i] || !strchr("0123456789IVXLC", typed[i]))
                abort();
        for (unsigned i = m; i < e; i++)
            if (typed[i] < 'a' || typed[i] > 'z')
                abort();
        prev = (int)e;
    }

    /* A link over the middle third, on character boundaries. */
    unsigned skip[2] = {len / 3, 2 * len / 3};
    for (int k = 0; k < 2; k++)
        while (skip[k] > 0 && ((unsigned char)typed[skip[k]] & 0xC0) == 0x80)
            skip[k]--;
    unsigned *map2 = arena_alloc_array(&a, len + 1, sizeof(unsigned));
    unsigned hlen = 0;
    char *hyph = text_hyphenate(session.text, &a, typed, len, skip, 1, map2, &hlen);
    if (!hyph || !g_utf8_validate(hyph, (gssize)hlen, NULL))
        abort();
    check_map(map2, len, hlen);
    unsigned l1, l2;
    char *a1 = without_soft_hyphens(&a, typed, len, &l1);
    char *a2 = without_soft_hyphens(&a, hyph, hlen, &l2);
    if (l1 != l2 || memcmp(a1, a2, l1) != 0)
        abort();
    arena_free(&a);
    return 0;
}
