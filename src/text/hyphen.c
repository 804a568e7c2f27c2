/*
 * text/hyphen.c — soft hyphens from libhyphen's French patterns.
 *
 * Pango 1.50 never hyphenates by itself; it breaks at U+00AD and draws the
 * hyphen at the line's end. So each word that may be split gets soft hyphens
 * before layout. Words are runs of letters; a capitalised word (a name, an
 * acronym) is left whole, as French usage wants, and so are links, words
 * under 6 letters, and letters glued to digits or to the punctuation of an
 * address or identifier. libhyphen wants the word in lower case and answers, for a
 * UTF-8 dictionary, one entry per character: odd means "may break after".
 * Its state (the dictionary, the words already split) is its own, held by
 * the Text: nothing here reads the layout's.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hyphen.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "text/internal.h"

#define MIN_WORD  6   /* characters */
#define MAX_WORD  100 /* longer "words" are not words: Pango breaks them */
#define LEFT_MIN  2
#define RIGHT_MIN 3

/* Whether offsets, asked in increasing order, fall in one of the ranges
 * [skip[2k], skip[2k+1]) (in order of their start): a cursor over them, so
 * that a paragraph of many words and many links costs their sum, not their
 * product. */
typedef struct Skip {
    const unsigned *skip;
    int nskip, next;
    unsigned reach; /* the furthest end of the ranges started so far */
} Skip;

static int
skipped(Skip *k, unsigned i)
{
    for (; k->next < k->nskip && k->skip[2 * k->next] <= i; k->next++)
        if (k->skip[2 * k->next + 1] > k->reach)
            k->reach = k->skip[2 * k->next + 1];
    return i < k->reach;
}

/* Words are looked up again and again in minutes (the same names of
 * things, the same verbs): their break points are kept for the session,
 * up to this many words. */
#define MAX_CACHED 50000

struct TextHyphens {
    HyphenDict *dict;
    GHashTable *points; /* lower-case word -> break points */
};

TextHyphens *
text_hyphens_load(const char *dict_path)
{
    HyphenDict *dict = hnj_hyphen_load(dict_path);
    if (!dict)
        return NULL;
    TextHyphens *h = g_new0(TextHyphens, 1);
    h->dict = dict;
    h->points = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return h;
}

void
text_hyphens_free(TextHyphens *h)
{
    if (!h)
        return;
    hnj_hyphen_free(h->dict);
    g_hash_table_destroy(h->points);
    g_free(h);
}

/* The break points of a lower-case word of nchars characters, as a string
 * of nchars bytes where '1' means "may break after this character"; looked
 * up in the session's cache first. Valid until the next call, which may
 * empty the cache. */
static const char *
hyphen_points(TextHyphens *h, const char *lower, unsigned nchars)
{
    HyphenDict *dict = h->dict;
    GHashTable *cache = h->points;
    char *points = g_hash_table_lookup(cache, lower);
    if (points)
        return points + strlen(points) + 1;

    size_t ln = strlen(lower);
    char *hy = g_malloc0(ln + 5);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int ok = hnj_hyphen_hyphenate3(dict, lower, (int)ln, hy, NULL, &rep, &pos, &cut, LEFT_MIN,
                                   RIGHT_MIN, LEFT_MIN, RIGHT_MIN) == 0;
    /* One block: the word, then its points ('1' where a soft hyphen goes;
     * none for a word that wants letters changed at the break). */
    points = g_malloc(ln + 1 + nchars + 1);
    memcpy(points, lower, ln + 1);
    char *p = points + ln + 1;
    for (unsigned i = 0; i < nchars; i++)
        p[i] = ok && !rep && i + 1 < nchars && (hy[i] & 1) ? '1' : '0';
    p[nchars] = '\0';
    if (rep) {
        for (size_t i = 0; i < ln; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    g_free(hy);
    if (g_hash_table_size(cache) >= MAX_CACHED)
        g_hash_table_remove_all(cache);
    g_hash_table_insert(cache, points, points);
    return p;
}

/* Writes the word s[0..n) (nchars characters) with soft hyphens. */
static void
hyphenate_word(TextHyphens *h, Buf *o, const char *s, unsigned n, unsigned nchars, unsigned *map,
               unsigned base)
{
    char *lower = g_utf8_strdown(s, n);
    /* Lower case must keep the length, so that offsets still agree. */
    const char *points = lower && strlen(lower) == n ? hyphen_points(h, lower, nchars) : NULL;
    unsigned ci = 0;
    for (unsigned i = 0; i < n;) {
        uint32_t cp;
        unsigned k = (unsigned)utf8_decode(s + i, n - i, &cp);
        if (map)
            for (unsigned j = 0; j < k; j++)
                map[base + i + j] = o->len;
        buf_append(o, s + i, k);
        if (points && points[ci] == '1')
            buf_append(o, "\xc2\xad", 2);
        i += k;
        ci++;
    }
    g_free(lower);
}

/* 1 when s starts with U+00A0 (C2 A0). */
static int
is_nbsp(const char *s)
{
    return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
}

/* 1 when the token (run of bytes up to a space) that ends at end holds a
 * digit. */
static int
number_before(const char *s, unsigned end)
{
    for (unsigned q = end; q > 0 && s[q - 1] != ' ' && !(q >= 2 && is_nbsp(s + q - 2)); q--)
        if (g_ascii_isdigit(s[q - 1]))
            return 1;
    return 0;
}

/* 1 when the token that starts at start (of s, n bytes) holds a digit. */
static int
number_after(const char *s, unsigned start, unsigned n)
{
    for (unsigned q = start; q < n && s[q] != ' ' && !(q + 1 < n && is_nbsp(s + q)); q++)
        if (g_ascii_isdigit(s[q]))
            return 1;
    return 0;
}

char *
text_hyphens_insert(TextHyphens *h, Arena *a, const char *s, unsigned n, const unsigned *skip,
                    int nskip, unsigned *map, unsigned *out_len)
{
    Buf o;
    buf_init(&o, a);
    HyphenDict *dict = h ? h->dict : NULL;
    Skip links = {skip, skip ? nskip : 0, 0, 0};
    unsigned i = 0;
    buf_reserve(&o, n + n / 4);
    while (i < n) {
        uint32_t cp;
        unsigned k = (unsigned)utf8_decode(s + i, n - i, &cp);
        if (dict && g_unichar_isalpha(cp) && !skipped(&links, i)) {
            /* A word: letters only. */
            unsigned j = i, nchars = 0;
            int capital = g_unichar_isupper(cp);
            while (j < n) {
                uint32_t c2;
                unsigned k2 = (unsigned)utf8_decode(s + j, n - j, &c2);
                if (!g_unichar_isalpha(c2))
                    break;
                j += k2;
                nchars++;
            }
            /* A word glued to digits or to the punctuation of an address or
             * an identifier (a token, a path) is not French: left alone, and
             * so is one with capitals inside (an acronym, "JeanMoulin"). */
            static const char glue[] = "_/@.:\\=&%#-";
            int glued = (i > 0 && g_ascii_isdigit(s[i - 1])) || (j < n && g_ascii_isdigit(s[j])) ||
                        (i > 1 && strchr(glue, s[i - 1]) && g_ascii_isalnum(s[i - 2])) ||
                        (j + 1 < n && s[j] && strchr(glue, s[j]) && g_ascii_isalnum(s[j + 1]));
            /* Nor is a word bound by a no-break space to a number: it
             * belongs to a date or a quantity ("8 octobre 2026", "1er
             * juin", "5 km"). The no-break spaces of punctuation ("mot :",
             * "« mot »") bind nothing of the kind. */
            glued |= (i >= 2 && is_nbsp(s + i - 2) && number_before(s, i - 2)) ||
                     (j + 1 < n && is_nbsp(s + j) && number_after(s, j + 2, n));
            int mixed = 0;
            for (unsigned q = i; q < j && !mixed;) {
                uint32_t c3;
                q += (unsigned)utf8_decode(s + q, n - q, &c3);
                mixed = g_unichar_isupper(c3);
            }
            if (!capital && !glued && !mixed && nchars >= MIN_WORD && nchars <= MAX_WORD &&
                !skipped(&links, j - 1)) {
                hyphenate_word(h, &o, s + i, j - i, nchars, map, i);
            } else {
                if (map)
                    for (unsigned q = i; q < j; q++)
                        map[q] = o.len + (q - i);
                buf_append(&o, s + i, j - i);
            }
            i = j;
            continue;
        }
        if (map)
            for (unsigned q = 0; q < k; q++)
                map[i + q] = o.len;
        buf_append(&o, s + i, k);
        i += k;
    }
    if (map)
        map[n] = o.len;
    if (o.failed) {
        *out_len = 0;
        return arena_strdup(a, "");
    }
    *out_len = o.len;
    return o.s;
}
