/*
 * validate/email.c — an e-mail address, checked the way mail will read it.
 *
 * The grammar is RFC 5322's addr-spec cut down to what a school writes and
 * every server takes: a dot-atom before the @ (ASCII letters, digits and
 * # $ & ' * + - / = ? ^ _ ` { | } ~, dots between them), a domain of labels
 * of letters, digits and hyphens (LDH) or internationalised labels (IDN) that
 * travel as A-labels (xn--…). No quoted string, comment, domain literal,
 * % or !. Each refusal says what is wrong in words; the schema's pattern
 * (type c:Email) keeps the same grammar, this file adds the lengths and the
 * IDN conversion, and gives copil mail the form it sends (GLib's IDNA).
 */
#include <string.h>

#include <glib.h>

#include "core/utf8.h"
#include "validate/validate.h"
#include "core/i18n.h"

#define LOCAL_MAX   64  /* RFC 5321 4.5.3.1.1 */
#define LABEL_MAX   63  /* RFC 1035 2.3.4 */
#define DOMAIN_MAX  253 /* RFC 1035, without the final dot */
#define ADDRESS_MAX 254 /* RFC 5321's path of 256, less the brackets */

static int
is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Spaces that do not look like one, as a copy and paste brings them. */
static int
is_hidden_space(uint32_t cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static int
is_atext(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("#$&'*+-/=?^_`{|}~", c));
}

static int
is_ldh(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* Why the ASCII character c cannot stand anywhere in an address, or NULL
 * when it may (in the part before the @ at least). */
static const char *
special_words(Arena *a, unsigned char c, const char *element)
{
    switch (c) {
    case ' ':
        return _("a space cannot appear in an address: remove it (a line break or a tab inside "
                 "the address counts as a space)");
    case ',':
        return element ? arena_printf(a,
                                      _("a comma cannot appear in an address; write one address "
                                        "per <%s>"),
                                      element)
                       : _("a comma cannot appear in an address; write one address only");
    case ';':
        return element ? arena_printf(a,
                                      _("a semicolon cannot appear in an address; write one "
                                        "address per <%s>"),
                                      element)
                       : _("a semicolon cannot appear in an address; write one address only");
    case '"':
        return _("quotation marks cannot appear in an address: write the address alone, "
                 "e.g. prenom.nom@ac-orleans-tours.fr");
    case '<':
    case '>':
        return _("angle brackets < > cannot appear in an address: write the address alone, "
                 "without a name or brackets, e.g. prenom.nom@ac-orleans-tours.fr");
    case '(':
    case ')':
        return _("brackets ( ) cannot appear in an address: write the address alone, without a "
                 "comment");
    case '[':
    case ']':
        return _("square brackets cannot appear in an address: after the @ write a domain name "
                 "such as ac-orleans-tours.fr, not a server's number");
    case ':':
        return _("a colon cannot appear in an address: write it without \"mailto:\" or any "
                 "other prefix");
    case '\\':
        return _("a backslash cannot appear in an address");
    case '%':
    case '!':
        return arena_printf(a,
                            _("the sign %c cannot appear in an address: some mail servers read it "
                              "as an order to pass the mail on to another address"),
                            c);
    default:
        if (c < 0x20 || c == 0x7F)
            return _("an invisible control character is in the address: type the address again");
        return NULL;
    }
}

/* The label of n bytes at s, non-ASCII, as an A-label in a; NULL with *why
 * set when it cannot be one (GLib's IDNA refuses it, or its A-label would
 * pass 63 characters), or when IDNA would change it into another name ("ﬁ"
 * into "fi"): what is sent must be what was written. */
static const char *
a_label(Arena *a, const char *s, size_t n, const char **why)
{
    const char *out = NULL;
    char *label = g_strndup(s, n);
    char *ace = g_hostname_to_ascii(label);
    char *back = ace ? g_hostname_to_unicode(ace) : NULL;
    char *lower = g_utf8_strdown(label, -1);
    char *want = lower ? g_utf8_normalize(lower, -1, G_NORMALIZE_NFC) : NULL;
    size_t len = ace ? strlen(ace) : 0;
    int ldh = ace && len <= LABEL_MAX && !strchr(ace, '.');
    for (size_t i = 0; ldh && i < len; i++)
        ldh = is_ldh((unsigned char)ace[i]);
    if (!ldh)
        *why = arena_printf(a,
                            _("the part \"%s\" of the domain cannot be written in the ASCII form "
                              "mail uses (xn--…): it is too long once converted (at most %d "
                              "characters) or holds a letter domain names do not allow; write the "
                              "form its owner gives"),
                            label, LABEL_MAX);
    else if (!back || !want || strcmp(back, want) != 0)
        *why = arena_printf(a,
                            _("the part \"%s\" of the domain would be sent as \"%s\", another "
                              "name than the one written: write the domain as its owner gives it"),
                            label, ace);
    else
        out = arena_strdup(a, ace);
    g_free(want);
    g_free(lower);
    g_free(back);
    g_free(ace);
    g_free(label);
    return out;
}

/* Checks one label of the domain, the n bytes at s. Returns the reason it
 * is wrong, or NULL; *ace then receives its A-label when it is not ASCII
 * (NULL: it is sent as written). */
static const char *
check_label(Arena *a, const char *s, size_t n, int last, const char **ace)
{
    *ace = NULL;
    int ascii = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        ascii &= c < 0x80;
        if (c < 0x80 && !is_ldh(c))
            return arena_printf(a,
                                _("the character \"%c\" cannot appear in the domain (after the @): "
                                  "a domain has only letters, digits, hyphens and dots"),
                                c);
    }
    if (s[0] == '-' || s[n - 1] == '-')
        return arena_printf(a,
                            s[0] == '-'
                                ? _("the part \"%.*s\" of the domain begins with a hyphen; each "
                                    "part of a domain begins and ends with a letter or a digit")
                                : _("the part \"%.*s\" of the domain ends with a hyphen; each "
                                    "part of a domain begins and ends with a letter or a digit"),
                            (int)n, s);
    uint32_t first;
    utf8_decode(s, n, &first);
    if (last && !g_unichar_isalpha(first))
        return arena_printf(a,
                            _("the last part of the domain, \"%.*s\", does not begin with a letter "
                              "as .fr or .org do: after the @ write a domain name such as "
                              "ac-orleans-tours.fr, not a server's number"),
                            (int)n, s);
    const char *why = NULL;
    if (ascii) {
        if (n > LABEL_MAX)
            return arena_printf(a,
                                _("the part \"%.*s…\" of the domain is %zu characters long; at "
                                  "most %d"),
                                20, s, n, LABEL_MAX);
    } else {
        for (size_t i = 0, k; i < n; i += k) {
            uint32_t cp;
            k = utf8_decode(s + i, n - i, &cp);
            GUnicodeType t = g_unichar_type(cp);
            int ok = cp < 0x80 || t == G_UNICODE_LOWERCASE_LETTER ||
                     t == G_UNICODE_UPPERCASE_LETTER || t == G_UNICODE_TITLECASE_LETTER ||
                     t == G_UNICODE_MODIFIER_LETTER || t == G_UNICODE_OTHER_LETTER ||
                     t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
                     t == G_UNICODE_ENCLOSING_MARK || t == G_UNICODE_DECIMAL_NUMBER ||
                     t == G_UNICODE_LETTER_NUMBER || t == G_UNICODE_OTHER_NUMBER;
            int mark = t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
                       t == G_UNICODE_ENCLOSING_MARK;
            if (!ok || cp == UTF8_REPLACEMENT || (mark && i == 0))
                return arena_printf(a,
                                    _("the domain (after the @) has a sign that is not a letter "
                                      "or a digit in \"%.*s\": a domain has only letters, "
                                      "digits, hyphens and dots"),
                                    (int)n, s);
        }
        if (!(*ace = a_label(a, s, n, &why)))
            return why ? why : _("out of memory");
    }
    return NULL;
}

/* Checks the domain, the n bytes at d. Returns the reason it is wrong, or
 * NULL; *sent_len then receives its length as sent and *wire (when not
 * NULL) the domain as sent, its accented labels as A-labels. Only those
 * cost an allocation. */
static const char *
check_domain(Arena *a, const char *d, size_t n, size_t *sent_len, const char **wire)
{
    if (n == 0)
        return _("nothing comes after the @: write the domain, e.g. ac-orleans-tours.fr");
    if (d[0] == '.')
        return _("the domain starts with a dot, just after the @: remove it");
    if (d[n - 1] == '.')
        return _("the address ends with a dot: remove it");
    if (memmem(d, n, "..", 2))
        return _("two dots in a row after the @: remove one");
    if (!memchr(d, '.', n))
        return arena_printf(a,
                            _("the domain \"%.*s\" is incomplete: a mail domain has at least two "
                              "parts separated by a dot, e.g. ac-orleans-tours.fr"),
                            (int)n, d);
    size_t len = 0; /* as sent */
    const char *sent = NULL;
    for (size_t i = 0; i < n;) {
        const char *dot = memchr(d + i, '.', n - i), *ace;
        size_t end = dot ? (size_t)(dot - d) : n;
        const char *why = check_label(a, d + i, end - i, !dot, &ace);
        if (why)
            return why;
        len += (i ? 1 : 0) + (ace ? strlen(ace) : end - i);
        if (wire && (ace || sent)) {
            /* From the first accented label on, the domain is written
             * again; the labels before it (and their dots) go as they are. */
            size_t k = ace ? strlen(ace) : end - i;
            const char *label = ace ? ace : d + i;
            sent = sent ? arena_printf(a, "%s.%.*s", sent, (int)k, label)
                        : arena_printf(a, "%.*s%.*s", (int)i, d, (int)k, label);
            if (!sent)
                return _("out of memory");
        }
        i = end + 1;
    }
    if (len > DOMAIN_MAX)
        return arena_printf(a,
                            len != n ? _("the domain is %zu characters long once written for "
                                         "mail; at most %d")
                                     : _("the domain is %zu characters long; at most %d"),
                            len, DOMAIN_MAX);
    *sent_len = len;
    if (wire && !(*wire = sent ? sent : arena_strndup(a, d, n)))
        return _("out of memory");
    return NULL;
}

const char *
validate_email(Arena *a, const char *addr, const char *element, const char **wire)
{
    if (wire)
        *wire = NULL;
    /* As xs:token reads it: spaces around do not count. */
    size_t n = strlen(addr);
    while (n && is_space((unsigned char)addr[n - 1]))
        n--;
    while (n && is_space((unsigned char)*addr))
        addr++, n--;
    if (n == 0)
        return _("it is empty: write an address, e.g. prenom.nom@ac-orleans-tours.fr");
    /* The blanks of copil new's templates, [[NAME]]. */
    const char *blank = memmem(addr, n, "[[", 2);
    if (blank && memmem(blank, n - (size_t)(blank - addr), "]]", 2))
        return _("it is still a blank of the template: write the address in its place, e.g. "
                 "prenom.nom@ac-orleans-tours.fr");

    size_t at = n, ats = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)addr[i];
        uint32_t cp;
        size_t k = utf8_decode(addr + i, n - i, &cp);
        if (c == '@') {
            ats++;
            at = at < n ? at : i;
        } else if (is_space(c)) {
            return special_words(a, ' ', element);
        } else if (c < 0x80 && !is_atext(c) && c != '.') {
            return special_words(a, c, element);
        } else if (is_hidden_space(cp)) {
            return _("a non-breaking or invisible space is in the address (it comes with a copy "
                     "and paste): type the address again");
        }
        i += k;
    }
    if (ats == 0)
        return _(
            "it has no @: an address is written name@domain, e.g. prenom.nom@ac-orleans-tours.fr");
    if (ats > 1)
        return _("it has more than one @: write one address, with one @");

    const char *local = addr;
    if (at == 0)
        return _("nothing comes before the @: write the name part, e.g. prenom.nom");
    if (local[0] == '.')
        return _("the address starts with a dot: remove it");
    if (local[at - 1] == '.')
        return _("a dot comes just before the @: remove it");
    if (memmem(local, at, "..", 2))
        return _("two dots in a row before the @: remove one");
    for (size_t i = 0; i < at; i++)
        if ((unsigned char)local[i] >= 0x80)
            return _("the part before the @ has accented or non-Latin letters: most mail servers "
                     "cannot receive such an address; write the plain ASCII address the person "
                     "uses, e.g. prenom.nom@ac-reunion.fr");
    if (at > LOCAL_MAX)
        return arena_printf(a, _("the part before the @ is %zu characters long; at most %d"), at,
                            LOCAL_MAX);

    const char *domain = NULL;
    size_t dlen = 0;
    const char *why = check_domain(a, addr + at + 1, n - at - 1, &dlen, wire ? &domain : NULL);
    if (why)
        return why;
    /* As sent: an accented domain is longer than written. */
    size_t total = at + 1 + dlen;
    if (total > ADDRESS_MAX)
        return arena_printf(a,
                            total != n ? _("the address is %zu characters long once written "
                                           "for mail; at most %d")
                                       : _("the address is %zu characters long; at most %d"),
                            total, ADDRESS_MAX);
    const char *out = wire ? arena_printf(a, "%.*s@%s", (int)at, local, domain) : NULL;
    if (wire && !out)
        return _("out of memory");
    if (wire)
        *wire = out;
    return NULL;
}
