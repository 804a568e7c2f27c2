/*
 * text/typography.c — French typography, applied to text as typed.
 *
 * Users type "Objet : la réunion ?", "34 %", "17 h 30", "M. Martin",
 * "l'ENT", "« ENT »". Imprimerie nationale usage wants no line break at those
 * spaces, and narrower ones before ; ! ? and in numbers. The rules below look
 * at one character with its neighbours; they never touch a space that is not
 * one of these cases, and never look inside URLs ("https://…?a=b").
 *
 *   space before ; ! ?          → U+202F narrow no-break space (inserted if absent)
 *   space before :              → U+00A0 no-break space (inserted after a letter)
 *   inside « »                  → U+00A0 (inserted if absent)
 *   1 234,5  34 %               → U+202F;  12 €  5 km  17 h 30 → U+00A0
 *   M. Martin, Mme, n° 12       → U+00A0
 *   jeudi 18 juin 2026, 1er octobre → U+00A0 inside the date
 *   l'ENT → l’ENT, ... → …
 */
#include <string.h>

#include <glib.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "text/text.h"

#define NBSP  0x00A0
#define NNBSP 0x202F

/* The last character written, or 0. */
static uint32_t
last(const Buf *o, unsigned back)
{
    unsigned end = o->len;
    uint32_t cp = 0;
    for (unsigned k = 0; k <= back; k++) {
        if (end == 0)
            return 0;
        unsigned start = end - 1;
        while (start > 0 && ((unsigned char)o->s[start] & 0xC0) == 0x80)
            start--;
        utf8_decode(o->s + start, end - start, &cp);
        end = start;
    }
    return cp;
}

/* The word just written, which starts at byte start of o (just after the
 * last space, line break or no-break space written), as a NUL-terminated
 * copy of its first size - 1 bytes in buf. The caller keeps start as it
 * writes (see word_start): looking back for it would cost the length of a
 * word each time, the square of it over a word without spaces. */
static const char *
last_word(const Buf *o, unsigned start, char *buf, size_t size)
{
    unsigned end = o->len;
    size_t n = end - start < size - 1 ? end - start : size - 1;
    memcpy(buf, o->s + start, n);
    buf[n] = '\0';
    return buf;
}

/* Where the word being written starts, given where it started before the
 * bytes from `from` on were written. */
static unsigned
word_start(const Buf *o, unsigned start, unsigned from)
{
    for (unsigned q = from; q < o->len; q++)
        if (o->s[q] == ' ' || o->s[q] == '\n' ||
            ((unsigned char)o->s[q] == 0xA0 && q > 0 && (unsigned char)o->s[q - 1] == 0xC2))
            start = q + 1;
    return start;
}

static uint32_t
at(const char *s, unsigned n, unsigned i)
{
    uint32_t cp = 0;
    if (i < n)
        utf8_decode(s + i, n - i, &cp);
    return cp;
}

/* The word starting at byte i (up to a space or punctuation). */
static const char *
next_word(const char *s, unsigned n, unsigned i, char *buf, size_t size)
{
    unsigned j = i;
    while (j < n && j - i < size - 1 && s[j] != ' ' && s[j] != '\n' && s[j] != ',' && s[j] != '.' &&
           s[j] != ';' && s[j] != ')' && s[j] != ':')
        j++;
    size_t len = j - i < size - 1 ? j - i : size - 1;
    memcpy(buf, s + i, len);
    buf[len] = '\0';
    return buf;
}

static int
in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return 1;
    return 0;
}

static const char *const months[] = {"janvier",  "février",  "mars", "avril",     "mai",
                                     "juin",     "juillet",  "août", "septembre", "octobre",
                                     "novembre", "décembre", NULL};
static const char *const days[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                   "vendredi", "samedi", "dimanche", NULL};
static const char *const civilities[] = {"M.", "Mme", "MM.", "Mmes", "Mlle", "Mlles", "Me",
                                         "Dr", "Pr",  "n°",  "N°",   "art.", NULL};
static const char *const units[] = {
    "h",  "min", "s",  "mm", "cm", "m",   "km",   "kg",    "g",      "Go",      "Mo",     "ko",
    "To", "Gb",  "Mb", "€",  "°C", "ans", "mois", "jours", "heures", "minutes", "élèves", NULL};

static int
all_digits(const char *w)
{
    if (!*w)
        return 0;
    for (; *w; w++)
        if (*w < '0' || *w > '9')
            return 0;
    return 1;
}

/* Inside something that looks like an address, no rule applies. */
static int
in_url(const Buf *o, unsigned word)
{
    char buf[256];
    const char *w = last_word(o, word, buf, sizeof(buf));
    return strstr(w, "://") || strstr(w, "www.") || strchr(w, '@') || !strncmp(w, "mailto:", 7);
}

/* What a typed space becomes, given its neighbours. */
static uint32_t
space(const Buf *o, unsigned word, const char *s, unsigned n, unsigned i)
{
    uint32_t next = at(s, n, i + 1);
    uint32_t prev = last(o, 0);
    char pw[64], nw[64];

    if (next == ';' || next == '!' || next == '?')
        return in_url(o, word) ? ' ' : NNBSP;
    if (next == ':' || next == 0x00BB /* » */)
        return NBSP;
    if (prev == 0x00AB /* « */)
        return NBSP;
    last_word(o, word, pw, sizeof(pw));
    next_word(s, n, i + 1, nw, sizeof(nw));
    if (g_unichar_isdigit(prev)) {
        if (next == '%')
            return NNBSP;
        /* thousands: 1 234 — exactly three digits follow */
        if (strlen(nw) >= 3 && g_ascii_isdigit(nw[0]) && g_ascii_isdigit(nw[1]) &&
            g_ascii_isdigit(nw[2]) && !g_ascii_isdigit(nw[3]) && strlen(pw) <= 3 && all_digits(pw))
            return NNBSP;
        if (in_list(nw, units) || in_list(nw, months))
            return NBSP;
    }
    if (!strcmp(pw, "1er") && in_list(nw, months))
        return NBSP;
    /* (The cheap test first: most spaces are none of these.) */
    if (strlen(nw) == 4 && all_digits(nw) && in_list(pw, months))
        return NBSP;
    if ((all_digits(nw) || !strcmp(nw, "1er")) && in_list(pw, days))
        return NBSP;
    if (!strcmp(pw, "h") && g_unichar_isdigit(next) && last(o, 1) == NBSP)
        return NBSP; /* 17 h 30 */
    if (strlen(pw) <= 5 && in_list(pw, civilities))
        return NBSP;
    return ' ';
}

static int
is_space_like(uint32_t c)
{
    return c == 0 || c == ' ' || c == '\n' || c == NBSP || c == NNBSP || c == 0x2009;
}

char *
text_typography(Arena *a, const char *s, unsigned n, unsigned *map, unsigned *out_len)
{
    Buf o;
    buf_init(&o, a);
    unsigned i = 0, word = 0, from = 0;
    buf_reserve(&o, n);
    while (i < n) {
        word = word_start(&o, word, from);
        from = o.len;
        /* Most bytes are none of the characters the rules look at (space,
         * ; ! ? : ' . « »): a run of them is copied as it is. */
        unsigned plain = i;
        while (plain < n && !memchr(" ;!?:'.\xC2", s[plain], 8))
            plain++;
        if (plain > i) {
            if (map)
                for (unsigned j = i; j < plain; j++)
                    map[j] = o.len + (j - i);
            buf_append(&o, s + i, plain - i);
            i = plain;
            continue;
        }
        uint32_t c;
        unsigned k = (unsigned)utf8_decode(s + i, n - i, &c);
        if (map)
            for (unsigned j = 0; j < k; j++)
                map[i + j] = o.len;
        uint32_t prev = last(&o, 0);
        uint32_t next = at(s, n, i + k);

        if (c == ' ') {
            buf_put(&o, space(&o, word, s, n, i));
        } else if (c == ';' || c == '!' || c == '?') {
            if (!is_space_like(prev) && prev != '!' && prev != '?' && prev != '(' &&
                !in_url(&o, word) && (g_unichar_isalnum(prev) || prev == 0x00BB || prev == ')'))
                buf_put(&o, NNBSP);
            buf_put(&o, c);
        } else if (c == ':') {
            if (g_unichar_isalpha(prev) && (is_space_like(next) || next == '\n') &&
                !in_url(&o, word))
                buf_put(&o, NBSP);
            buf_put(&o, c);
        } else if (c == 0x00AB) { /* « */
            buf_put(&o, c);
            if (next != ' ' && !is_space_like(next))
                buf_put(&o, NBSP);
        } else if (c == 0x00BB) { /* » */
            if (!is_space_like(prev))
                buf_put(&o, NBSP);
            buf_put(&o, c);
        } else if (c == '\'' && g_unichar_isalpha(prev) && g_unichar_isalpha(next)) {
            buf_put(&o, 0x2019);
        } else if (c == '.' && next == '.' && at(s, n, i + 2) == '.') {
            buf_put(&o, 0x2026);
            if (map) {
                map[i + 1] = o.len;
                map[i + 2] = o.len;
            }
            k = 3;
        } else {
            buf_put(&o, c);
        }
        i += k;
    }
    if (map)
        map[n] = o.len;
    if (o.failed || !o.s) {
        *out_len = 0;
        return arena_strdup(a, "");
    }
    *out_len = o.len;
    return o.s;
}
