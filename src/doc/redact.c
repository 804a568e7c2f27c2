/*
 * doc/redact.c — the public copy leaves out people's contact details.
 *
 * `copil render --public` makes the copy that goes to parents, pupils and
 * partners (RGPD): every e-mail address and phone number in the text is
 * replaced by a plain mark, « [courriel retiré] » or « [téléphone retiré] »,
 * so that a reader sees that something was left out. A block marked
 * public="keep" in the layout (an establishment's switchboard and generic
 * mailbox) is left alone by the caller.
 *
 * What is recognised, on text as typed:
 *   e-mail   local@domain.tld, with a "mailto:" before it if there is one;
 *   phone    a French number 0X XX XX XX XX (spaces, dots, dashes, no-break
 *            spaces or nothing between the pairs), or an international one:
 *            +CC then 8 to 13 digits in groups, "+33 (0)6 …" included.
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
        return digits >= 8 && digits <= 13 && !is_digit((unsigned char)s[end]) ? end : 0;
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

/* One pass: every match of what (mail_at or phone_at) replaced by mark. */
static const char *
replace(Arena *a, const char *s, int mail, const char *mark, int *count)
{
    Buf o;
    buf_init(&o, a);
    size_t n = strlen(s), i = 0, copied = 0;
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
        buf_append(&o, s + copied, (unsigned)(start - copied));
        buf_append(&o, mark, (unsigned)strlen(mark));
        copied = i = end;
        found++;
    }
    if (!found)
        return s;
    buf_append(&o, s + copied, (unsigned)(n - copied));
    if (o.failed)
        return s;
    *count += found;
    return o.s;
}

const char *
doc_redact(Arena *a, const char *s, int *count)
{
    int unused = 0;
    if (!count)
        count = &unused;
    if (!s)
        return s;
    /* E-mail addresses first: their local part may hold digits. */
    if (strchr(s, '@'))
        s = replace(a, s, 1, MAIL_MARK, count);
    if (strpbrk(s, "+0"))
        s = replace(a, s, 0, PHONE_MARK, count);
    return s;
}
