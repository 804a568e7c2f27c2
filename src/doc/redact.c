/*
 * doc/redact.c — the public copy leaves out people's contact details.
 *
 * `copil render --public` makes the copy that goes to parents, pupils and
 * partners (RGPD): every e-mail address and phone number in the text is
 * replaced by a plain mark, « [courriel retiré] » or « [téléphone retiré] »,
 * so that a reader sees that something was left out. A block marked
 * public="keep" in the layout (an establishment's switchboard and generic
 * mailbox) is left alone by the caller. The caller passes a paragraph's
 * whole text, once its inline markup is gathered (an address or a number
 * may be split by <b> or <nbsp/>), and moves its spans with the offset map.
 *
 * What is recognised, on text as typed (white space folded):
 *   e-mail   local@domain.tld, with a "mailto:" before it if there is one;
 *   phone    a French number 0X XX XX XX XX (spaces, dots, dashes, no-break
 *            spaces or nothing between the pairs), or an international one:
 *            +CC then 8 to 13 digits in groups, "+33 (0)6 …" included, or
 *            6 for the plans that have six (+508, +681, +687: Saint-Pierre-
 *            et-Miquelon, Wallis-et-Futuna, Nouvelle-Calédonie).
 * Amounts, dates and years never match: a French number needs its leading
 * 0 and exactly ten digits in pairs, an international one its "+".
 */
#include <string.h>

#include "core/buf.h"
#include "doc/internal.h"

#define MAIL_MARK  "[courriel retiré]"
#define PHONE_MARK "[téléphone retiré]"

static int
is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int
is_local(unsigned char c)
{
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int
is_domain(unsigned char c)
{
    return is_ascii_alnum(c) || c == '.' || c == '-';
}

/* The length of a separator between groups of digits at s, or 0: one space,
 * dot or dash, or a no-break, narrow no-break or thin space. */
static size_t
separator(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ' || u[0] == '.' || u[0] == '-')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
        return 3;
    return 0;
}

/* The end of the e-mail address whose '@' is at s + at, and its start in
 * *start; 0 when there is none. */
static size_t
mail_at(const char *s, size_t at, size_t *start)
{
    size_t b = at, e = at + 1;
    while (b > 0 && is_local((unsigned char)s[b - 1]))
        b--;
    while (b < at && s[b] == '.')
        b++;
    if (b == at)
        return 0;
    while (is_domain((unsigned char)s[e]))
        e++;
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-'))
        e--;
    /* The domain needs a dot followed by two letters or more. */
    size_t dot = 0;
    for (size_t i = at + 1; i < e; i++)
        if (s[i] == '.')
            dot = i;
    if (!dot || dot == at + 1 || e - dot - 1 < 2)
        return 0;
    for (size_t i = dot + 1; i < e; i++)
        if (is_digit((unsigned char)s[i]))
            return 0;
    if (b >= 7 && !strncmp(s + b - 7, "mailto:", 7))
        b -= 7;
    *start = b;
    return e;
}

/* The end of a phone number starting at s + i, or 0. */
static size_t
phone_at(const char *s, size_t i)
{
    size_t p = i;
    int digits = 0;
    if (s[p] == '+') {
        /* International: +CC, then groups of digits. */
        p++;
        int cc = 0;
        while (is_digit((unsigned char)s[p]) && cc < 3)
            p++, cc++;
        if (cc == 0)
            return 0;
        int six = cc == 3 && (!strncmp(s + i + 1, "508", 3) || !strncmp(s + i + 1, "681", 3) ||
                              !strncmp(s + i + 1, "687", 3));
        size_t end = p;
        for (;;) {
            size_t q = p + separator(s + p);
            if (!strncmp(s + q, "(0)", 3)) {
                q += 3;
                q += separator(s + q);
            }
            if (!is_digit((unsigned char)s[q]))
                break;
            while (is_digit((unsigned char)s[q]))
                q++, digits++;
            p = end = q;
        }
        return digits >= (six ? 6 : 8) && digits <= 13 && !is_digit((unsigned char)s[end]) ? end
                                                                                           : 0;
    }
    /* French: 0, a digit 1-9, then four pairs. */
    if (s[p] != '0' || !is_digit((unsigned char)s[p + 1]) || s[p + 1] == '0')
        return 0;
    p += 2;
    for (int pair = 0; pair < 4; pair++) {
        p += separator(s + p);
        if (!is_digit((unsigned char)s[p]) || !is_digit((unsigned char)s[p + 1]))
            return 0;
        p += 2;
    }
    /* A longer run of digit groups is something else (a list, a code). */
    if (is_digit((unsigned char)s[p]) || is_digit((unsigned char)s[p + separator(s + p)]))
        return 0;
    return p;
}

/* Copies s[from, to) to o, noting in map (when not NULL) where each byte
 * went. */
static void
copy(Buf *o, const char *s, size_t from, size_t to, unsigned *map)
{
    if (map)
        for (size_t j = from; j < to; j++)
            map[j] = o->len + (unsigned)(j - from);
    buf_append(o, s + from, (unsigned)(to - from));
}

/* One pass over the n bytes of s: every match of what (mail_at or phone_at)
 * replaced by mark. map, when not NULL, has n + 1 entries and receives each
 * offset's new one, as doc_redact describes; it is left alone when the
 * result is s itself. */
static const char *
replace(Arena *a, const char *s, size_t n, int mail, const char *mark, unsigned *map, int *count)
{
    Buf o;
    buf_init(&o, a);
    size_t i = 0, copied = 0;
    int found = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t start = i, end = 0;
        if (mail && c == '@')
            end = mail_at(s, i, &start);
        else if (!mail && (c == '+' || c == '0') &&
                 (i == 0 || !is_ascii_alnum((unsigned char)s[i - 1])))
            end = phone_at(s, i);
        if (!end || start < copied) {
            i++;
            continue;
        }
        copy(&o, s, copied, start, map);
        if (map)
            for (size_t j = start; j < end; j++)
                map[j] = o.len;
        buf_append(&o, mark, (unsigned)strlen(mark));
        copied = i = end;
        found++;
    }
    if (!found)
        return s;
    copy(&o, s, copied, n, map);
    if (map)
        map[n] = o.len;
    if (o.failed) {
        /* Out of memory: the arena failed too, and doc_build refuses the run. */
        if (map)
            for (size_t j = 0; j <= n; j++)
                map[j] = (unsigned)j;
        return s;
    }
    *count += found;
    return o.s;
}

const char *
doc_redact(Arena *a, const char *s, unsigned *map, int *count)
{
    int unused = 0;
    if (!count)
        count = &unused;
    if (!s)
        return s;
    const char *typed = s;
    size_t n = strlen(s);
    if (map)
        for (size_t j = 0; j <= n; j++)
            map[j] = (unsigned)j;
    /* E-mail addresses first: their local part may hold digits. */
    if (strchr(s, '@'))
        s = replace(a, s, n, 1, MAIL_MARK, map, count);
    if (!strpbrk(s, "+0"))
        return s;
    /* The second pass maps the first one's offsets: its own map, composed
     * with the first when that one changed anything. */
    size_t mid = s == typed ? n : strlen(s);
    unsigned *second = map;
    if (map && s != typed && !(second = arena_alloc_array(a, mid + 1, sizeof(*second))))
        return s;
    const char *out = replace(a, s, mid, 0, PHONE_MARK, second, count);
    if (second != map && out != s)
        for (size_t j = 0; j <= n; j++)
            map[j] = second[map[j]];
    return out;
}
