/*
 * text/ordinals.c — the ordinals users type, found for the superscript.
 *
 * French prints the suffix of an abbreviated ordinal raised and smaller:
 * 1er, 1re, 2e, 2nde, 3es, XXIe siècle. Users type them flat in every field;
 * this finds the suffixes in typeset text so that the layout raises them
 * like the <sup> of the stylesheets. It is deliberately narrow, since a
 * superscript in the wrong place changes what a reader copies:
 *
 *   number   1-999999 (no leading 0) then er re ers res (after 1 only),
 *            nd nde nds ndes (after 2 only), e es (after 2 and more);
 *   roman    I V X L C in canonical form (II, IV, XXI, not IIII), of two
 *            letters or more, or I, V, X alone (never the words Ce, Le),
 *            then e es, or er re after I;
 *   around   a word boundary before (space, start, ( [ « " ’ - – — /) and
 *            after (space, end, punctuation); a hyphen or a slash after
 *            counts only before another ordinal or a non-letter (4e-3e,
 *            XXe-XXIe, not 5e-3).
 *
 * Left as typed: 2ème, 2è, 1ère (wrong forms, not abbreviations), B2e,
 * 2e2e2e, 0370012A, 1.2e, 5e-3, and any word holding ://, www., @ or
 * mailto: (an address is never retypeset).
 */
#include <string.h>

#include <glib.h>

#include "core/utf8.h"
#include "text/text.h"

static uint32_t
cp_at(const char *s, unsigned n, unsigned i)
{
    uint32_t cp = 0;
    if (i < n)
        utf8_decode(s + i, n - i, &cp);
    return cp;
}

/* The length in bytes of the character at byte i (i < n). */
static unsigned
width_at(const char *s, unsigned n, unsigned i)
{
    uint32_t cp;
    return (unsigned)utf8_decode(s + i, n - i, &cp);
}

/* The code point ending just before byte i, or 0 at the start. */
static uint32_t
cp_before(const char *s, unsigned i)
{
    if (i == 0)
        return 0;
    unsigned start = i - 1;
    while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    uint32_t cp = 0;
    utf8_decode(s + start, i - start, &cp);
    return cp;
}

static int
is_gap(uint32_t c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* What may stand just before an ordinal: its word starts there. */
static int
opens(uint32_t c)
{
    return c == 0 || is_gap(c) || c == '(' || c == '[' || c == '"' || c == 0x00AB /* « */ ||
           c == 0x201C /* “ */ || c == 0x2019 /* ’ */ || c == '\'' || c == '-' ||
           c == 0x2013 /* – */ || c == 0x2014 /* — */ || c == '/';
}

static int
digit_value(char c)
{
    return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : c == 'L' ? 50 : c == 'C' ? 100 : 10000;
}

/* The value of the canonical roman numeral of I V X L C at s[0, len), or 0
 * (not a numeral, or not written the canonical way). */
static int
roman_value(const char *s, unsigned len)
{
    static const struct {
        const char *sym;
        int val;
    } steps[] = {{"C", 100}, {"XC", 90}, {"L", 50}, {"XL", 40}, {"X", 10},
                 {"IX", 9},  {"V", 5},   {"IV", 4}, {"I", 1}};
    int v = 0;
    for (unsigned i = 0; i < len; i++) {
        int d = digit_value(s[i]), e = i + 1 < len ? digit_value(s[i + 1]) : 0;
        v += d < e ? -d : d; /* IV, XL, XC: the smaller one first subtracts */
    }
    if (v <= 0 || v >= 400)
        return 0;
    /* Written back canonically, it must be what was typed. */
    char canon[32];
    unsigned k = 0;
    int rest = v;
    for (size_t j = 0; j < sizeof steps / sizeof *steps; j++)
        while (rest >= steps[j].val && k + 2 < sizeof canon) {
            for (const char *p = steps[j].sym; *p; p++)
                canon[k++] = *p;
            rest -= steps[j].val;
        }
    return k == len && !memcmp(canon, s, len) ? v : 0;
}

static int
is_one_of(const char *s, unsigned len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len && !memcmp(s, *list, len))
            return 1;
    return 0;
}

static const char *const first[] = {"er", "re", "ers", "res", NULL};
static const char *const second[] = {"nd", "nde", "nds", "ndes", "e", "es", NULL};
static const char *const other[] = {"e", "es", NULL};

/* An ordinal starting at byte i of s[0, n) (its start already checked):
 * 1 with *suf, *end set to its suffix's range, else 0. Looks at what
 * follows, not at what precedes. */
static int
ordinal_at(const char *s, unsigned n, unsigned i, unsigned *suf, unsigned *end)
{
    unsigned j = i;
    const char *const *allowed;
    if (s[j] >= '1' && s[j] <= '9') {
        while (j < n && j - i < 6 && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j < n && s[j] >= '0' && s[j] <= '9')
            return 0;
        allowed = j - i == 1 && s[i] == '1' ? first : j - i == 1 && s[i] == '2' ? second : other;
    } else {
        while (j < n && j - i < 12 && s[j] && strchr("IVXLC", s[j]))
            j++;
        if (j == i || roman_value(s + i, j - i) == 0)
            return 0;
        if (j - i == 1 && s[i] != 'I' && s[i] != 'V' && s[i] != 'X')
            return 0;
        allowed = j - i == 1 && s[i] == 'I' ? first : other;
    }
    unsigned k = j;
    while (k < n && k - j < 5 && s[k] >= 'a' && s[k] <= 'z')
        k++;
    if (k == j || !is_one_of(s + j, k - j, allowed))
        return 0;
    /* What follows ends the word: a letter, a digit or an accented letter
     * continues it (2ème, 2e2e, 1e10). */
    uint32_t next = cp_at(s, n, k);
    if (next == 0 || is_gap(next))
        goto yes;
    if (g_unichar_isalnum(next) || next == '_' || next == '@' || next == '#')
        return 0;
    if (next == '-' || next == '/' || next == 0x2013 || next == 0x2014) {
        /* 4e-3e, 6e/5e: another ordinal must follow; 5e-3 is a number. */
        unsigned after = k + width_at(s, n, k);
        uint32_t c = cp_at(s, n, after);
        unsigned s2, e2;
        if (g_unichar_isalnum(c) && !ordinal_at(s, n, after, &s2, &e2))
            return 0;
        goto yes;
    }
    if (next == '.' || next == ':' || next == ',') {
        /* 2e. 2e: 2e, but not 2e.txt or 2e:x. */
        uint32_t c = cp_at(s, n, k + 1);
        if (g_unichar_isalnum(c))
            return 0;
    }
yes:
    *suf = j;
    *end = k;
    return 1;
}

/* 1 when the word [ws, we) looks like an address: no rule applies inside. */
static int
is_address(const char *s, unsigned ws, unsigned we)
{
    const char *w = s + ws;
    unsigned len = we - ws;
    return g_strstr_len(w, len, "://") || g_strstr_len(w, len, "www.") || memchr(w, '@', len) ||
           g_strstr_len(w, len, "mailto:");
}

/* The ordinals of s[0, n): their count, and when out is not NULL where
 * each starts, where its suffix starts and where it ends, in out[3k],
 * out[3k + 1], out[3k + 2]. */
static int
scan(const char *s, unsigned n, unsigned *out)
{
    int count = 0;
    unsigned i = 0;
    while (i < n) {
        /* One word: up to the next gap. */
        unsigned ws = i, we = i;
        while (we < n && !is_gap(cp_at(s, n, we)))
            we += width_at(s, n, we);
        if (we > ws && !is_address(s, ws, we)) {
            for (unsigned p = ws; p < we;) {
                unsigned suf, end;
                int starts = (s[p] >= '1' && s[p] <= '9') || (s[p] && strchr("IVXLC", s[p]));
                if (starts && opens(cp_before(s, p)) && ordinal_at(s, we, p, &suf, &end)) {
                    if (out) {
                        out[3 * count] = p;
                        out[3 * count + 1] = suf;
                        out[3 * count + 2] = end;
                    }
                    count++;
                    p = end;
                    continue;
                }
                p += width_at(s, we, p);
            }
        }
        i = we;
        while (i < n && is_gap(cp_at(s, n, i)))
            i += width_at(s, n, i);
    }
    return count;
}

unsigned *
text_ordinals(Arena *a, const char *s, unsigned n, int *count)
{
    *count = scan(s, n, NULL);
    if (*count == 0)
        return NULL;
    unsigned *out = arena_alloc_array(a, (size_t)*count * 3, sizeof(unsigned));
    if (!out) {
        *count = 0;
        return NULL;
    }
    scan(s, n, out);
    return out;
}
