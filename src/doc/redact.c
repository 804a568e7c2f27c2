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
 * Detection follows what people write, in two steps over the text:
 *
 *   typed text ──normalise──▶ plain copy + map back ──match──▶ spans ──▶ marks
 *
 * Normalising drops what cannot be seen (soft hyphen, zero-width space,
 * joiners, word joiner, BOM, bidi controls), folds the other spaces (no-break,
 * narrow, thin…) to ' ', line breaks (<br/>, U+2028) to '\n', which joins
 * the groups of a number like a space but ends a run of digit groups, dashes and minus signs to
 * '-', fraction and division slashes to '/', full-width forms to ASCII, and spells out the
 * obfuscations of public pages: "[at]" "(at)" "{at}" "<at>" "(@)" "[arobase]", a bare "arobase"
 * (arrobase, arobas) or "AT" in capitals between two words, and an '@' with spaces after it or on
 * both sides, or before it when a whole domain follows, become '@' ("Suivez @college" stays a
 * handle); "[dot]" "(point)" "(.)"…, and after an '@' a bare "point" or "dot", become '.'. Matching
 * then reads the plain copy: e-mail   local@domain.tld — letters of any script, digits, '.' and RFC
 * 5322's atext (! # $ % & ' * + - / = ? ^ _ ` { | } ~, as the validator takes them) in the local
 * part, but not a French elision before it ("l'assistance@…"), a "mailto:" before it; the domain is
 * cut after its last label that can be a top-level one (two letters or more), so "…@ac-reunion.fr
 * point 3" keeps "point 3"; phone    a French number: 0 then nine digits, the second not 0, in any
 *            groups (06 12 34 56 75, 0612 345 679, 06 1234 5675, 0 800…)
 *            joined by one or two spaces or one of . - /; or an
 *            international one: +CC, 00CC or (+CC), "(0)" allowed after
 *            the country code, nine to fifteen digits with the code.
 * and the original span of each match, with the invisible characters inside
 * it, becomes the mark. What is not a contact detail stays: amounts and
 * percentages (a '€' or '%' after the number), dates and ranges of dates (a
 * number in a longer run of digit groups is not a phone, unless the run is
 * two phone numbers side by side), years, UAI codes (digits then a letter),
 * "point 3 de l'ordre du jour", an "@college" handle, English "at".
 *
 * Each step looks a bounded way ahead, and an address's local part is read
 * back at most once: linear in the text's length, whatever it holds. Not
 * found: a detail spelled in words (« zéro six douze… ») or drawn in an
 * image, and a bare lower-case "at", which is English more often than not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "doc/internal.h"

#define MAIL_MARK  "[courriel retiré]"
#define PHONE_MARK "[téléphone retiré]"

/* --- characters ---------------------------------------------------------- */

static int
is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int
is_ascii_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* An ASCII character of an address's local part: RFC 5322's atext, as the
 * validator accepts it (validate/email.c), and '.'. */
static int
is_local_ascii(unsigned char c)
{
    return is_ascii_alnum(c) || (c && strchr(".!#$%&'*+-/=?^_`{|}~", c));
}

/* A letter (or combining mark) of any script outside ASCII: not punctuation,
 * symbols, spaces or the CJK punctuation blocks. Enough to tell the letters
 * of an address (prénom@académie.fr) from the quotes and dashes around it. */
static int
is_letter_cp(uint32_t cp)
{
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == UTF8_REPLACEMENT)
        return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows, maths */
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F)
        return 0;
    if (cp >= 0xFE10 && cp <= 0xFE6F)
        return 0;
    return 1;
}

/* What the non-ASCII character cp becomes in the plain copy: 0 for nothing
 * (invisible), an ASCII byte, or -1 to keep its bytes. */
static int
fold(uint32_t cp)
{
    if (cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x180E || cp == 0xFEFF ||
        (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085)
        return '\n';
    if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000)
        return ' ';
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2043 || cp == 0x2212 || cp == 0xFE58 ||
        cp == 0xFE63)
        return '-';
    if (cp == 0x2044 || cp == 0x2215 || cp == 0x29F8)
        return '/';
    if (cp == 0x00B7 || cp == 0x2024 || cp == 0x2027 || cp == 0x2219 || cp == 0x22C5 ||
        cp == 0xFE52)
        return '.';
    if (cp == 0xFE6B)
        return '@';
    if (cp == 0xFE62)
        return '+';
    if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width ASCII */
        return (int)(cp - 0xFEE0);
    return -1;
}

/* --- the plain copy -------------------------------------------------------- */

typedef struct Plain {
    const char *s; /* the typed text */
    size_t n;
    char *t;        /* the plain copy, NUL-terminated */
    unsigned *from; /* per byte of t: the offset in s it comes from */
    size_t m;
    int local;  /* the last byte put can be in an address's local part */
    int domain; /* an '@' was put, and only domain characters since */
} Plain;

/* The plain copy's byte for the character at s + i, its length in *len: an
 * ASCII byte, 0 for an invisible character, -1 for one kept as it is. */
static int
plain_char(const Plain *p, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)p->s[i];
    uint32_t cp;
    if (c < 0x80) {
        *len = 1;
        return c == '\t' ? ' ' : c == '\r' ? '\n' : c;
    }
    *len = utf8_decode(p->s + i, p->n - i, &cp);
    if (cp == UTF8_REPLACEMENT && *len == 1)
        return 1; /* an invalid byte: nothing an address or a number holds */
    return fold(cp);
}

/* Skips white space and invisible characters from s + i, eight at most
 * (so that a long run of them costs no more than a short one at each of its
 * characters); the number of spaces (three at most) in *spaces. */
static size_t
blank(const Plain *p, size_t i, int *spaces)
{
    *spaces = 0;
    for (size_t len, k = 0; i < p->n && k < 8; i += len, k++) {
        int c = plain_char(p, i, &len);
        if ((c == ' ' || c == '\n') && *spaces < 3)
            (*spaces)++;
        else if (c != 0)
            break;
    }
    return i;
}

/* The length of the word w at s + i, matched without regard to ASCII case
 * (exactly when exact), and ending there; 0 when it is not there. */
static size_t
word(const Plain *p, size_t i, const char *w, int exact)
{
    size_t k = strlen(w);
    if (i + k > p->n || (exact ? strncmp(p->s + i, w, k) : strncasecmp(p->s + i, w, k)))
        return 0;
    return is_ascii_alnum((unsigned char)p->s[i + k]) ? 0 : k;
}

static size_t
any_word(const Plain *p, size_t i, const char *const *ws, int exact)
{
    unsigned char first = (unsigned char)p->s[i] | 0x20; /* ASCII lower case */
    for (; *ws; ws++) {
        if ((unsigned char)**ws != first)
            continue;
        size_t k = word(p, i, *ws, exact);
        if (k)
            return k;
    }
    return 0;
}

static const char *const at_words[] = {"at", "arobase", "arrobase", "arobas", "arrobas", NULL};
static const char *const dot_words[] = {"dot", "point", NULL};
static const char *const bare_at[] = {"arobase", "arrobase", "arobas", "arrobas", NULL};

/* 1 when the character at s + i can follow an '@' or a '.' in a domain. */
static int
starts_label(const Plain *p, size_t i)
{
    size_t len;
    uint32_t cp;
    if (i >= p->n)
        return 0;
    if ((unsigned char)p->s[i] < 0x80)
        return is_ascii_alnum((unsigned char)p->s[i]);
    utf8_decode(p->s + i, p->n - i, &cp);
    int c = plain_char(p, i, &len);
    return c < 0 ? is_letter_cp(cp) : is_ascii_alnum((unsigned char)c);
}

/* 1 when a whole domain starts at s + i: two labels or more, the last one
 * that can be a top-level one (two letters or more), as in "ac-reunion.fr";
 * not "college" nor "college.jean-moulin". Reads 256 bytes at most (no
 * domain is longer), so that each '@' costs a bounded look ahead. */
static int
full_domain(const Plain *p, size_t i)
{
    int labels = 0, chars = 0, tld = 1, whole = 0;
    for (size_t len, end = i + 256; i < p->n && i < end; i += len) {
        int c = plain_char(p, i, &len);
        uint32_t cp = 0;
        if (c < 0)
            utf8_decode(p->s + i, p->n - i, &cp);
        if (c == 0)
            continue;
        if (c > 0 && (is_ascii_alnum((unsigned char)c) || c == '-')) {
            tld &= !is_digit((unsigned char)c) && c != '-';
            chars++;
        } else if (c < 0 && is_letter_cp(cp)) {
            chars++;
        } else if (c == '.' && chars) {
            whole |= labels++ >= 1 && tld && chars >= 2;
            chars = 0, tld = 1;
        } else {
            break;
        }
    }
    return whole || (labels >= 1 && tld && chars >= 2);
}

/* An obfuscated '@' or '.' starting at s + i (white space before it
 * included): its byte in *out and its length, or 0. */
static size_t
token(const Plain *p, size_t i, char *out)
{
    int before, after, inner;
    size_t j = blank(p, i, &before), k, w;
    if (j >= p->n)
        return 0;
    unsigned char c = (unsigned char)p->s[j];
    unsigned char lower = c | 0x20;
    if (c < 0x80 && c != '(' && c != '[' && c != '{' && c != '<' && c != '@' && lower != 'a' &&
        lower != 'd' && lower != 'p')
        return 0; /* not what a token starts with: a bracket, '@', a word, a full-width '@' */
    const char *close = c == '(' ? ")" : c == '[' ? "]" : c == '{' ? "}" : c == '<' ? ">" : NULL;
    if (close) {
        /* "[at]", "( arobase )", "{dot}", "(.)"… */
        k = blank(p, j + 1, &inner);
        if ((w = any_word(p, k, at_words, 0)) || p->s[k] == '@')
            *out = '@';
        else if ((w = any_word(p, k, dot_words, 0)) || p->s[k] == '.')
            *out = '.';
        else
            return 0;
        k = blank(p, k + (w ? w : 1), &inner);
        if (p->s[k] != *close)
            return 0;
        return blank(p, k + 1, &after) - i;
    }
    size_t len;
    if (plain_char(p, j, &len) == '@') {
        /* "jean @ ac-reunion.fr", "jean@ ac-reunion.fr", and "jean @ac-reunion.fr"
         * when a whole domain follows; not "Suivez @college". */
        k = blank(p, j + len, &after);
        if ((before && !after && !full_domain(p, k)) || !starts_label(p, k))
            return 0;
        *out = '@';
        return k - i;
    }
    if (!before)
        return 0;
    /* Bare words between two words: "prenom arobase domaine point fr". */
    if (p->local && ((w = any_word(p, j, bare_at, 0)) || (w = word(p, j, "AT", 1)))) {
        k = blank(p, j + w, &after);
        if (after && starts_label(p, k)) {
            *out = '@';
            return k - i;
        }
    }
    if (p->domain && (w = any_word(p, j, dot_words, 0))) {
        k = blank(p, j + w, &after);
        if (after && starts_label(p, k)) {
            *out = '.';
            return k - i;
        }
    }
    return 0;
}

static void
put(Plain *p, char c, size_t from)
{
    p->t[p->m] = c;
    p->from[p->m++] = (unsigned)from;
}

/* Fills p->t and p->from from p->s: one pass, each step bounded. */
static void
plain_copy(Plain *p)
{
    for (size_t i = 0, len; i < p->n; i += len) {
        unsigned char c = (unsigned char)p->s[i];
        if (is_ascii_alnum(c)) { /* most of any text: put as it is */
            put(p, (char)c, i);
            len = 1;
            p->local = 1;
            continue;
        }
        int f = plain_char(p, i, &len);
        char tok;
        size_t t = 0;
        if (f == ' ' || f == '\n' || f == '@' || f == '(' || f == '[' || f == '{' || f == '<')
            t = token(p, i, &tok);
        if (t) {
            put(p, tok, i);
            len = t;
            p->local = tok == '.';
            p->domain = tok == '@' || p->domain;
            continue;
        }
        if (f == 0)
            continue;
        if (f > 0) {
            put(p, (char)f, i);
            p->local = is_local_ascii((unsigned char)f);
            p->domain = f == '@' ||
                        (p->domain && (is_ascii_alnum((unsigned char)f) || f == '-' || f == '.'));
            continue;
        }
        uint32_t cp;
        utf8_decode(p->s + i, p->n - i, &cp);
        for (size_t b = 0; b < len; b++)
            put(p, p->s[i + b], i + b);
        p->local = is_letter_cp(cp);
        p->domain = p->domain && p->local;
    }
    p->t[p->m] = '\0';
}

/* Where the typed character behind t[k] ends in s. */
static size_t
typed_end(const Plain *p, size_t k)
{
    size_t j = p->from[k];
    unsigned char c = (unsigned char)p->s[j];
    uint32_t cp;
    if ((c & 0xC0) != 0xC0)
        return j + 1; /* ASCII, or a byte of a character kept as it is */
    return j + utf8_decode(p->s + j, p->n - j, &cp);
}

/* --- matching on the plain copy ----------------------------------------- */

/* The length of the character at t + i if it is a letter outside ASCII. */
static size_t
letter_at(const char *t, size_t m, size_t i)
{
    uint32_t cp;
    if (i >= m || (unsigned char)t[i] < 0x80)
        return 0;
    size_t len = utf8_decode(t + i, m - i, &cp);
    return is_letter_cp(cp) ? len : 0;
}

/* 1 when the byte at t + i can be inside a word (a letter outside ASCII
 * counts by its bytes). */
static int
in_word(const char *t, size_t i)
{
    return is_ascii_alnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
}

/* 1 when the apostrophe at t + a is a French elision: it follows l d j n s
 * c or qu at a word's start ("l'assistance@…" is not an address "l'…"). */
static int
elision(const char *t, size_t a)
{
    size_t w = 0;
    if (a >= 1 && strchr("ldjnscLDJNSC", t[a - 1]))
        w = 1;
    else if (a >= 2 && !strncasecmp(t + a - 2, "qu", 2))
        w = 2;
    return w && (a == w || !in_word(t, a - w - 1));
}

/* The length of the local-part character that ends at t + e (e > floor), or
 * 0. */
static size_t
local_before(const char *t, size_t m, size_t floor, size_t e)
{
    unsigned char c = (unsigned char)t[e - 1];
    if (c == '\'' && elision(t, e - 1))
        return 0;
    if (c < 0x80)
        return is_local_ascii(c);
    size_t b = e - 1;
    while (b > floor && e - b < 4 && ((unsigned char)t[b] & 0xC0) == 0x80)
        b--;
    return letter_at(t, m, b) == e - b ? e - b : 0;
}

/* The e-mail address around the '@' at t + at, not starting before floor:
 * its start in *start and its end, or 0. */
static size_t
mail_at(const char *t, size_t m, size_t at, size_t floor, size_t *start)
{
    size_t b = at, e = at + 1, best = 0, k;
    int labels = 0;
    while (b > floor && (k = local_before(t, m, floor, b)))
        b -= k;
    while (b < at && (t[b] == '.' || t[b] == '-' || t[b] == '\''))
        b++; /* not how an address starts: a full stop, a dash, an opening quote */
    if (b == at)
        return 0;
    /* Labels; the domain ends after the last one that can be a TLD. */
    for (;;) {
        size_t ls = e, chars = 0;
        int tld = 1;
        for (;;) {
            unsigned char c = (unsigned char)t[e];
            if (is_ascii_alnum(c) || c == '-') {
                tld &= !is_digit(c) && c != '-';
                e++;
            } else if ((k = letter_at(t, m, e))) {
                e += k;
            } else {
                break;
            }
            chars++;
        }
        if (e == ls)
            break;
        if (++labels >= 2 && tld && chars >= 2)
            best = e;
        if (t[e] != '.' || !(is_ascii_alnum((unsigned char)t[e + 1]) || letter_at(t, m, e + 1)))
            break;
        e++;
    }
    if (!best)
        return 0;
    if (b >= floor + 7 && !strncasecmp(t + b - 7, "mailto:", 7))
        b -= 7;
    *start = b;
    return best;
}

/* A space in the plain copy: ' ', or '\n' for a line break (<br/>, U+2028).
 * A number may be cut by a line break, but a line break also ends a run of
 * digit groups: "Salle 12<br/>06 12 34 56 78" is a room and a number. */
static int
is_space(char c)
{
    return c == ' ' || c == '\n';
}

/* 1 when t[from, to) holds a line break. */
static int
has_break(const char *t, size_t from, size_t to)
{
    return memchr(t + from, '\n', to - from) != NULL;
}

/* A separator between two groups of digits at t + i: one or two spaces, or
 * one of . - / ("tight"), or a mark with spaces around it (" / ", " - ",
 * ". ": "loose", which ends a number). Its length, 0 when none. */
static size_t
separator(const char *t, size_t i, int *loose)
{
    size_t q = i;
    int spaces = 0, mark = 0;
    while (is_space(t[q]) && spaces < 2)
        q++, spaces++;
    if (t[q] == '.' || t[q] == '-' || t[q] == '/') {
        q++, mark = 1;
        while (is_space(t[q]) && spaces < 4)
            q++, spaces++;
    }
    *loose = spaces && mark;
    return q - i;
}

static size_t phone_at(const char *t, size_t i, int follow);

/* 1 when a number ending at t + e really ends there: no letter or digit
 * glued to it, no '€' or '%' after it (an amount), and no more digit groups
 * unless they are another phone number (follow: look once). */
static int
phone_ends(const char *t, size_t e, int follow)
{
    unsigned char c = (unsigned char)t[e];
    if (is_ascii_alnum(c))
        return 0;
    size_t s = e + (c == ' ');
    if (t[s] == '%' || !strncmp(t + s, "€", strlen("€")))
        return 0;
    int loose;
    size_t q = separator(t, e, &loose);
    if (!q || loose || !is_digit((unsigned char)t[e + q]) || has_break(t, e, e + q))
        return 1;
    return follow && phone_at(t, e + q, 0) != 0;
}

/* A French number starting at t + i (a '0'): its end, or 0. */
static size_t
national(const char *t, size_t i, int follow)
{
    size_t p = i;
    int digits = 0, loose;
    char second = 0;
    for (;;) {
        while (is_digit((unsigned char)t[p]) && digits < 10) {
            if (digits == 1)
                second = t[p];
            p++, digits++;
        }
        if (digits == 10)
            break;
        size_t q = separator(t, p, &loose);
        if (!q || loose || !is_digit((unsigned char)t[p + q]))
            return 0;
        p += q;
    }
    return second != '0' && phone_ends(t, p, follow) ? p : 0;
}

/* An international number starting at t + i ('+', "00" or '('): its end, or
 * 0. Digit groups are read while they can be; the number is the longest
 * run of them with nine to fifteen digits that ends well. */
static size_t
international(const char *t, size_t i, int follow)
{
    size_t p = i, best = 0;
    int paren = t[p] == '(', digits = 0, zero = 0, loose;
    p += paren;
    if (t[p] == '+')
        p++;
    else if (t[p] == '0' && t[p + 1] == '0')
        p += 2 + (t[p + 2] == ' ');
    else
        return 0;
    if (!is_digit((unsigned char)t[p]) || t[p] == '0')
        return 0;
    while (is_digit((unsigned char)t[p]) && digits < 16)
        p++, digits++;
    int glued = 0; /* after ')' or "(0)" a group may follow without a space */
    if (paren) {
        if (t[p] != ')' || digits > 3)
            return 0;
        p++, glued = 1;
    }
    for (;;) {
        if (digits >= 9 && digits <= 15 && phone_ends(t, p, follow))
            best = p;
        if (digits > 15)
            break;
        size_t q = separator(t, p, &loose);
        if (!zero && !strncmp(t + p + q, "(0)", 3) && !loose) {
            zero = 1, glued = 1;
            p += q + 3;
            continue;
        }
        if ((!q && !glued) || loose || !is_digit((unsigned char)t[p + q]))
            break;
        p += q, glued = 0;
        while (is_digit((unsigned char)t[p]) && digits < 16)
            p++, digits++;
    }
    return best;
}

static size_t
phone_at(const char *t, size_t i, int follow)
{
    if (t[i] == '0' && t[i + 1] != '0')
        return national(t, i, follow);
    if (t[i] == '+' || t[i] == '0' || (t[i] == '(' && (t[i + 1] == '+' || t[i + 1] == '0')))
        return international(t, i, follow);
    return 0;
}

/* 1 when a number may start at t + i: nothing glued before it, and not in
 * the middle of a run of digit groups, unless the group before is the end
 * of the phone number just found (two numbers side by side). */
static int
phone_may_start(const char *t, size_t i, size_t last_end)
{
    if (i == 0)
        return 1;
    unsigned char c = (unsigned char)t[i - 1];
    if (is_ascii_alnum(c) || c == '+')
        return 0;
    size_t j = i;
    if (is_space(t[j - 1]))
        j -= 1 + (j >= 2 && is_space(t[j - 2]));
    else if (t[j - 1] == '.' || t[j - 1] == '-' || t[j - 1] == '/')
        j--;
    return j == 0 || !is_digit((unsigned char)t[j - 1]) || j == last_end || has_break(t, j, i);
}

/* --- the whole ------------------------------------------------------------- */

typedef struct Match {
    size_t start, end; /* in the plain copy */
    int mail;
} Match;

typedef struct Matches {
    Match *v;
    size_t n, cap;
    int failed;
} Matches;

static void
add(Matches *ms, size_t start, size_t end, int mail)
{
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 16;
        Match *v = realloc(ms->v, cap * sizeof(*v));
        if (!v) {
            ms->failed = 1;
            return;
        }
        ms->v = v, ms->cap = cap;
    }
    ms->v[ms->n++] = (Match){start, end, mail};
}

/* Every address, then every phone number outside them, in order. */
static void
find(const char *t, size_t m, Matches *mails, Matches *all)
{
    size_t floor = 0, start;
    for (const char *at = memchr(t, '@', m); at; at = memchr(t + floor, '@', m - floor)) {
        size_t e = mail_at(t, m, (size_t)(at - t), floor, &start);
        if (e) {
            add(mails, start, e, 1);
            floor = e;
        } else {
            floor = (size_t)(at - t) + 1;
        }
    }
    size_t next = 0, last_end = (size_t)-1;
    for (size_t i = 0; i < m && !mails->failed;) {
        if (next < mails->n && i >= mails->v[next].start) {
            add(all, mails->v[next].start, mails->v[next].end, 1);
            i = mails->v[next++].end;
            continue;
        }
        char c = t[i];
        size_t e = (c == '0' || c == '+' || c == '(') && phone_may_start(t, i, last_end)
                       ? phone_at(t, i, 1)
                       : 0;
        if (e && (next >= mails->n || e <= mails->v[next].start)) {
            add(all, i, e, 0);
            i = last_end = e;
        } else {
            i++;
        }
    }
    while (next < mails->n)
        add(all, mails->v[next].start, mails->v[next].end, 1), next++;
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

const char *
doc_redact(Arena *a, const char *s, unsigned *map, int *count)
{
    if (!s)
        return s;
    size_t n = strlen(s), copied = 0;
    if (map)
        for (size_t j = 0; j <= n; j++)
            map[j] = (unsigned)j;
    Plain p = {.s = s, .n = n};
    Matches mails = {0}, all = {0};
    const char *out = s;
    int oom = 1;
    Buf o;
    buf_init(&o, a);
    p.t = malloc(n + 1);
    p.from = malloc((n + 1) * sizeof(*p.from));
    if (!p.t || !p.from)
        goto out;
    plain_copy(&p);
    find(p.t, p.m, &mails, &all);
    if (mails.failed || all.failed)
        goto out;
    oom = 0;
    if (!all.n)
        goto out;
    for (size_t i = 0; i < all.n; i++) {
        const Match *mt = &all.v[i];
        size_t start = p.from[mt->start], end = typed_end(&p, mt->end - 1);
        copy(&o, s, copied, start, map);
        if (map)
            for (size_t j = start; j < end; j++)
                map[j] = o.len;
        const char *mark = mt->mail ? MAIL_MARK : PHONE_MARK;
        buf_append(&o, mark, (unsigned)strlen(mark));
        copied = end;
    }
    copy(&o, s, copied, n, map);
    if (map)
        map[n] = o.len;
    if ((oom = o.failed) == 0) {
        out = o.s;
        if (count)
            *count += (int)all.n;
    }
out:
    if (oom) {
        /* Out of memory: nothing may go out unredacted, so the run fails
         * (doc_build refuses a run whose arena failed). */
        a->failed = true;
        if (map)
            for (size_t j = 0; j <= n; j++)
                map[j] = (unsigned)j;
    }
    free(p.t);
    free(p.from);
    free(mails.v);
    free(all.v);
    return out;
}
