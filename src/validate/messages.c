/*
 * validate/messages.c — libxml2's words → a principal's words.
 *
 * libxml2 says: Element '{urn:copil:data}date': [facet 'pattern'] The value
 * '2026-13-01' is not accepted by the pattern '\d{4}-\d{2}-\d{2}'. … followed
 * by a second line about the atomic type. We say, once:
 *   <date> "2026-13-01" is not valid: expected a date as YYYY-MM-DD, e.g. …
 * The "expected" part comes from the schema itself (xs:appinfo source=
 * "expected" on each named type), so the schemas stay the one source of truth.
 * Everything here works on strings; nothing calls libxml2.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "validate/internal.h"
#include "core/i18n.h"

#define SHOWN_VALUE_MAX   60 /* characters of a user's value quoted back */
#define SHOWN_LIST_MAX    40 /* allowed values listed in one message */
#define SHOWN_CHOICES_MAX 10 /* beyond this, a "did you mean" goes without the list */

/* A value as it is quoted back: at most SHOWN_VALUE_MAX bytes on a character
 * boundary, white space folded, an ellipsis when cut. */
static const char *
shown(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, SHOWN_VALUE_MAX + 8);
    size_t o = 0;
    if (!d)
        return "";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (o >= SHOWN_VALUE_MAX && (c & 0xC0) != 0x80) {
            memcpy(d + o, "\xe2\x80\xa6", 3); /* … */
            o += 3;
            break;
        }
        d[o++] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : (char)c;
    }
    d[o] = '\0';
    return d;
}

/* Returns the text between the end of `before` and the next `after` in s, or
 * NULL when either is not there. */
static const char *
between(const char *s, const char *before, const char *after, size_t *len)
{
    const char *p = strstr(s, before);
    if (!p)
        return NULL;
    p += strlen(before);
    const char *q = strstr(p, after);
    if (!q)
        return NULL;
    *len = (size_t)(q - p);
    return p;
}

const char *
messages_local_name(Arena *a, const char *s, size_t n)
{
    const char *close = memchr(s, '}', n);
    if (s[0] == '{' && close) {
        n -= (size_t)(close + 1 - s);
        s = close + 1;
    }
    return arena_strndup(a, s, n);
}

static size_t
edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *
messages_closest(const char *word, const char *const *candidates, int n)
{
    const char *best = NULL;
    size_t best_d = 3;
    size_t wl = strlen(word);
    if (wl == 0)
        return NULL;
    for (int i = 0; i < n; i++) {
        size_t d = edit_distance(word, candidates[i]);
        if (d == 0)
            return candidates[i]; /* differs in case only */
        if (d < best_d && d < wl && d < strlen(candidates[i])) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

/* Splits "'a', 'b'" (an enumeration set) or "{ns}a, {ns}b" (expected
 * elements) into names. Returns how many, at most max. */
static int
split_list(Arena *a, const char *s, size_t n, int quoted, const char **out, int max)
{
    int count = 0;
    size_t i = 0;
    while (i < n && count < max) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        if (i >= n)
            break;
        size_t start, end;
        if (quoted) {
            if (s[i] != '\'')
                break;
            start = ++i;
            const char *q = strstr(s + i, "', '");
            end = q && (size_t)(q - s) < n ? (size_t)(q - s) : n - (s[n - 1] == '\'' ? 1 : 0);
            i = end + 1;
        } else {
            start = i;
            while (i < n && s[i] != ',')
                i++;
            end = i;
            while (end > start && s[end - 1] == ' ')
                end--;
        }
        const char *name = messages_local_name(a, s + start, end - start);
        if (name && name[0] && strncmp(name, "##", 2) != 0)
            out[count++] = name;
    }
    return count;
}

/* "<date> \"x\"" or "kind=\"x\" in <establishment>" */
static const char *
subject(Arena *a, const RawError *e, const char *value, size_t n)
{
    const char *v = shown(a, value, n);
    if (e->attr)
        return arena_printf(a, _("%s=\"%s\" in <%s>"), e->attr, v, e->element);
    return arena_printf(a, _("<%s> \"%s\""), e->element, v);
}

static const char *
empty_subject(Arena *a, const RawError *e)
{
    if (e->attr)
        return arena_printf(a, _("%s=\"\" in <%s>"), e->attr, e->element);
    return arena_printf(a, "<%s>", e->element);
}

static const char *
join_elements(Arena *a, const char **names, int n, const char *last_word)
{
    const char *s = "";
    for (int i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (i == n - 1 ? last_word : ", ");
        s = arena_printf(a, "%s%s<%s>", s, sep, names[i]);
    }
    return s;
}

/* "a, b, c" in English; a language may end its list with its "or". */
static const char *
join_values(Arena *a, const char **values, int n)
{
    /* TRANSLATORS: the separator before the last of the allowed values
     * listed after "expected one of" or "allowed:" ("ordinaire,
     * extraordinaire, restreinte"); French ends the list with " ou ". */
    const char *last = P_("before the last allowed value", ", ");
    const char *s = "";
    for (int i = 0; i < n; i++)
        s = arena_printf(a, "%s%s%s", s, i == 0 ? "" : (i == n - 1 ? last : ", "), values[i]);
    return s;
}

/* Hints for XSD's own types, for the few places a schema uses them directly. */
static const char *
builtin_hint(const char *type)
{
    static const char *const table[][2] = {
        {"xs:boolean", N_("true or false")},
        {"xs:date", N_("a date as YYYY-MM-DD, e.g. 2026-10-08")},
        {"xs:integer", N_("a whole number")},
        {"xs:positiveInteger", N_("a whole number, 1 or more")},
        {"xs:nonNegativeInteger", N_("a whole number, 0 or more")},
        {"xs:decimal", N_("a number with a dot for decimals, e.g. 12.5")},
        {"xs:anyURI", N_("a web address or a file path")},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (!strcmp(type, table[i][0]))
            return _(table[i][1]);
    return NULL;
}

/* One facet message without a type hint to lean on. */
static const char *
facet_words(Arena *a, const RawError *e, const char *rest)
{
    size_t n = 0, m = 0;
    const char *v, *lim;
    if ((v = between(rest, "[facet 'pattern'] The value '", "' is not accepted", &n)))
        return arena_printf(a, _("%s does not have the expected form"), subject(a, e, v, n));
    if ((v = between(rest, "[facet 'minLength'] The value has a length of '", "'", &n))) {
        lim = between(rest, "minimum length of '", "'", &m);
        if (n == 1 && v[0] == '0')
            return arena_printf(a, _("%s is empty"), empty_subject(a, e));
        return arena_printf(a, _("%s is too short (at least %.*s characters)"), empty_subject(a, e),
                            lim ? (int)m : 1, lim ? lim : "?");
    }
    if ((v = between(rest, "[facet 'maxLength'] The value has a length of '", "'", &n))) {
        lim = between(rest, "maximum length of '", "'", &m);
        return arena_printf(a, _("%s is too long (%.*s characters, at most %.*s)"),
                            empty_subject(a, e), (int)n, v, lim ? (int)m : 1, lim ? lim : "?");
    }
    if ((v = between(rest, "[facet 'minInclusive'] The value '", "' is less than", &n))) {
        lim = between(rest, "allowed ('", "')", &m);
        return arena_printf(a, _("%s is too small (the smallest allowed is %.*s)"),
                            subject(a, e, v, n), lim ? (int)m : 1, lim ? lim : "?");
    }
    if ((v = between(rest, "[facet 'maxInclusive'] The value '", "' is greater than", &n))) {
        lim = between(rest, "allowed ('", "')", &m);
        return arena_printf(a, _("%s is too large (the largest allowed is %.*s)"),
                            subject(a, e, v, n), lim ? (int)m : 1, lim ? lim : "?");
    }
    if ((v = between(rest, "[facet 'fractionDigits'] The value '", "' has more", &n))) {
        lim = between(rest, "allowed ('", "')", &m);
        return arena_printf(a, _("%s has too many decimals (at most %.*s)"), subject(a, e, v, n),
                            lim ? (int)m : 1, lim ? lim : "?");
    }
    return NULL;
}

/* Strips "Element 'x', attribute 'y': " and returns the rest. */
static const char *
message_rest(const char *msg)
{
    if (strncmp(msg, "Element '", 9) != 0)
        return msg;
    const char *p = strstr(msg, "': ");
    return p ? p + 3 : msg;
}

static const char *
constraint_words(Arena *a, const RawError *e, const char *rest, HintLookup lookup, const void *ctx)
{
    size_t n = 0, m = 0;
    const char *seq, *name;
    if ((seq = between(rest, "No match found for key-sequence [", "] of keyref '", &n))) {
        name = between(rest, "of keyref '", "'.", &m);
        const SchemaHint *ref = name ? lookup(ctx, messages_local_name(a, name, m)) : NULL;
        const SchemaHint *key = ref && ref->refer ? lookup(ctx, ref->refer) : NULL;
        const char *value = seq;
        if (n >= 2 && seq[0] == '\'' && seq[n - 1] == '\'')
            value = seq + 1, n -= 2;
        if (ref && ref->field && key && key->target)
            return arena_printf(a, _("%s=\"%s\" in <%s> does not match the %s of any <%s>"),
                                ref->field, shown(a, value, n), e->element,
                                key->field ? key->field : "id", key->target);
        return arena_printf(a, _("\"%s\" in <%s> refers to something that does not exist"),
                            shown(a, value, n), e->element);
    }
    const char *dup = between(rest, "Duplicate key-sequence [", "] in ", &n);
    if (dup) {
        name = between(rest, "identity-constraint '", "'", &m);
        const SchemaHint *key = name ? lookup(ctx, messages_local_name(a, name, m)) : NULL;
        if (n >= 2 && dup[0] == '\'' && dup[n - 1] == '\'')
            dup++, n -= 2;
        if (key && key->field)
            return arena_printf(a, _("%s=\"%s\" in <%s> is used twice; each <%s> needs its own %s"),
                                key->field, shown(a, dup, n), e->element, e->element, key->field);
        return arena_printf(a, _("\"%s\" in <%s> is used twice"), shown(a, dup, n), e->element);
    }
    if ((name = between(rest, "Not all fields of key identity-constraint '", "'", &m))) {
        const SchemaHint *key = lookup(ctx, messages_local_name(a, name, m));
        if (key && key->field)
            return arena_printf(a, _("<%s> is missing its %s=\"…\" attribute"), e->element,
                                key->field);
    }
    return NULL;
}

/* The declared attribute of e's element closest to attr, or NULL. */
static const char *
closest_attribute(Arena *a, const RawError *e, const char *attr, HintLookup lookup, const void *ctx)
{
    const char *key = arena_printf(a, "@%s/", e->local ? e->local : "");
    const SchemaHint *h = key && attr ? lookup(ctx, key) : NULL;
    char *list = h && h->text ? arena_strdup(a, h->text) : NULL;
    const char *names[SHOWN_LIST_MAX];
    int k = 0;
    for (char *save = NULL, *w = list ? strtok_r(list, " ", &save) : NULL; w && k < SHOWN_LIST_MAX;
         w = strtok_r(NULL, " ", &save))
        names[k++] = w;
    return k ? messages_closest(attr, names, k) : NULL;
}

static int
has_name(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (!strcmp(names[i], name))
            return 1;
    return 0;
}

static const char *
structure_words(Arena *a, const RawError *e, const char *rest, HintLookup lookup, const void *ctx)
{
    size_t n = 0;
    const char *names[SHOWN_LIST_MAX];
    const char *list, *attr;
    const char *where = e->parent ? arena_printf(a, _(" in <%s>"), e->parent) : "";

    if (!strncmp(rest, "This element is not expected.", 29)) {
        if (e->ns && !strcmp(e->ns, "http://www.w3.org/2001/XInclude"))
            return arena_printf(a,
                                _("<%s> is not supported: copil never includes other files; "
                                  "remove it"),
                                e->element);
        if (e->foreign_ns)
            return arena_printf(a,
                                _("<%s> is not a copil element: copil elements are in the "
                                  "namespace \"%s\" (check its prefix)"),
                                e->element, COPIL_DATA_NS);
        list = between(rest, "( ", " )", &n);
        int k = list ? split_list(a, list, n, 0, names, SHOWN_LIST_MAX) : 0;
        const char *close = k ? messages_closest(e->element, names, k) : NULL;
        if (close && strcmp(close, e->element) != 0)
            return arena_printf(a, _("<%s> is not expected here%s: did you mean <%s>?"), e->element,
                                where, close);
        if (has_name(e->before, e->nbefore, e->local) && !has_name(names, k, e->local))
            return arena_printf(a, _("<%s> appears more often than allowed%s: remove this one"),
                                e->element, where);
        if (k == 1 && has_name(e->after, e->nafter, names[0]))
            return arena_printf(a, _("<%s> comes too early%s: <%s> must come before it"),
                                e->element, where, names[0]);
        if (k == 1 && !has_name(e->before, e->nbefore, names[0]))
            return arena_printf(a, _("<%s> is missing%s: it goes before <%s>"), names[0], where,
                                e->element);
        /* The same element inside itself where its type refuses it: an
         * <item> in a sub-point (an <item> already inside an <item>). */
        const char *parent_local = e->parent ? strchr(e->parent, ':') : NULL;
        parent_local = parent_local ? parent_local + 1 : e->parent;
        if (parent_local && e->local && !strcmp(parent_local, e->local) &&
            !has_name(names, k, e->local))
            return arena_printf(
                a, _("<%s> is not expected in <%s>: this <%s> cannot hold another one%s%s%s"),
                e->element, e->parent, e->parent,
                !strcmp(e->local, "item")
                    ? _(" (points have sub-points, 3.1, 3.2…, one level deep only)")
                    : "",
                k ? (k > 1 ? _("; expected one of ") : _("; expected ")) : "",
                k ? join_elements(a, names, k, _(" or ")) : "");
        if (k == 0)
            return arena_printf(a,
                                _("<%s> is not expected here%s: it is misplaced, repeated "
                                  "too often, or not part of this kind of file"),
                                e->element, where);
        return arena_printf(a,
                            k > 1 ? _("<%s> is not expected here%s; expected one of %s")
                                  : _("<%s> is not expected here%s; expected %s"),
                            e->element, where, join_elements(a, names, k, _(" or ")));
    }
    if (!strncmp(rest, "Missing child element(s).", 25)) {
        list = between(rest, "( ", " )", &n);
        int k = list ? split_list(a, list, n, 0, names, SHOWN_LIST_MAX) : 0;
        if (k == 1)
            return arena_printf(a, _("<%s> is incomplete: <%s> is missing"), e->element, names[0]);
        if (k > 1)
            return arena_printf(a, _("<%s> is incomplete: expected one of %s before </%s>"),
                                e->element, join_elements(a, names, k, _(" or ")), e->element);
        return arena_printf(a, _("<%s> is incomplete: an element is missing"), e->element);
    }
    if ((attr = between(rest, "The attribute '", "' is required but missing.", &n))) {
        const char *key = arena_printf(a, "@%s/%.*s", e->local ? e->local : "", (int)n, attr);
        const SchemaHint *decl = key ? lookup(ctx, key) : NULL;
        const SchemaHint *type = decl && decl->text ? lookup(ctx, decl->text) : NULL;
        if (type && type->text)
            return arena_printf(a, _("<%s> is missing its %.*s=\"…\" attribute: expected %s"),
                                e->element, (int)n, attr, type->text);
        return arena_printf(a, _("<%s> is missing its %.*s=\"…\" attribute"), e->element, (int)n,
                            attr);
    }
    if ((attr = between(rest, "The attribute '", "' is not allowed.", &n))) {
        const char *close = closest_attribute(a, e, arena_strndup(a, attr, n), lookup, ctx);
        if (close)
            return arena_printf(a,
                                _("<%s> has an attribute %.*s=\"…\" that is not allowed here: did "
                                  "you mean %s?"),
                                e->element, (int)n, attr, close);
        return arena_printf(a, _("<%s> has an attribute %.*s=\"…\" that is not allowed here"),
                            e->element, (int)n, attr);
    }
    if (strstr(rest, "Character content other than whitespace is not allowed"))
        return arena_printf(a,
                            _("text is not allowed directly in <%s>: it belongs inside one of "
                              "its elements"),
                            e->element);
    if (strstr(rest, "Element content is not allowed, because the content type is a simple") ||
        strstr(rest, "Element content is not allowed, because the type definition is simple"))
        return arena_printf(a, _("<%s> may contain only text, not other elements"), e->element);
    if (strstr(rest, "Character content is not allowed, because the content type is empty"))
        return arena_printf(a, _("<%s> must be empty: it takes only attributes, no text"),
                            e->element);
    if (strstr(rest, "Element content is not allowed, because the content type is empty"))
        return arena_printf(a, _("<%s> must be empty: it takes only attributes, no elements"),
                            e->element);
    if ((list = between(rest, "does not match the fixed value constraint '", "'", &n)))
        return arena_printf(a, _("%s must be \"%.*s\""), e->attr ? e->attr : e->element, (int)n,
                            list);
    return NULL;
}

/* Namespace noise out: "{urn:copil:data}x" → "x", "Element 'x': " → "<x>: ". */
static const char *
fallback(Arena *a, const RawError *e, const char *rest)
{
    size_t n = strlen(rest);
    char *d = arena_alloc(a, n + 1);
    size_t o = 0;
    if (!d)
        return rest;
    for (size_t i = 0; i < n; i++) {
        if (rest[i] == '{') {
            const char *close = memchr(rest + i, '}', n - i);
            if (close) {
                i = (size_t)(close - rest);
                continue;
            }
        }
        d[o++] = rest[i];
    }
    while (o > 0 && (d[o - 1] == '\n' || d[o - 1] == ' '))
        o--;
    d[o] = '\0';
    if (e->attr)
        return arena_printf(a, _("%s in <%s>: %s"), e->attr, e->element, d);
    return arena_printf(a, "<%s>: %s", e->element, d);
}

const char *
messages_translate(Arena *a, const RawError *errs, int n, HintLookup lookup, const void *ctx)
{
    const RawError *e = &errs[0];
    const char *value = NULL, *type_hint = NULL, *type_name = NULL;
    size_t vlen = 0, m = 0;
    const char *out;

    /* An enumeration says everything: the value and the allowed set. */
    for (int i = 0; i < n; i++) {
        const char *rest = message_rest(errs[i].message);
        const char *set = between(rest, "is not an element of the set {", "}.", &m);
        value = between(rest, "[facet 'enumeration'] The value '", "' is not an element", &vlen);
        if (set && value) {
            const char *allowed[SHOWN_LIST_MAX];
            int k = split_list(a, set, m, 1, allowed, SHOWN_LIST_MAX);
            const char *v = arena_strndup(a, value, vlen);
            if (vlen == 0)
                return arena_printf(a, _("%s is empty: expected one of %s"), empty_subject(a, e),
                                    join_values(a, allowed, k));
            if (k == 1)
                return arena_printf(a, _("%s is not allowed: write %s%s\"%s\""),
                                    subject(a, e, value, vlen), e->attr ? e->attr : "",
                                    e->attr ? "=" : "", allowed[0]);
            const char *close = messages_closest(v, allowed, k);
            if (close && k > SHOWN_CHOICES_MAX)
                return arena_printf(a, _("%s is not allowed: did you mean \"%s\"?"),
                                    subject(a, e, value, vlen), close);
            if (close)
                return arena_printf(a, _("%s is not allowed: did you mean \"%s\"? (allowed: %s)"),
                                    subject(a, e, value, vlen), close, join_values(a, allowed, k));
            return arena_printf(a, _("%s is not allowed; expected one of %s"),
                                subject(a, e, value, vlen), join_values(a, allowed, k));
        }
    }
    value = NULL;
    vlen = 0;
    /* A named type with a hint: quote the value once and say what is expected. */
    for (int i = 0; i < n; i++) {
        const char *rest = message_rest(errs[i].message);
        const char *type = between(rest, "is not a valid value of the atomic type '", "'", &m);
        if (!type)
            type = between(rest, "is not a valid value of the list type '", "'", &m);
        if (!type)
            continue;
        const char *tname = messages_local_name(a, type, m);
        const SchemaHint *h = lookup(ctx, tname);
        type_name = tname;
        type_hint = h && h->text ? h->text : builtin_hint(tname);
        if (rest[0] == '\'') {
            value = rest + 1;
            const char *end = strstr(value, "' is not a valid value");
            vlen = end ? (size_t)(end - value) : 0;
        }
        if (type_hint)
            break;
    }
    /* No type named (libxml2 names none for attributes): the declaration
     * tells which type the value has. */
    if (!type_hint && e->local) {
        const char *key = e->attr ? arena_printf(a, "@%s/%s", e->local, e->attr)
                                  : arena_printf(a, "@%s", e->local);
        const SchemaHint *decl = key ? lookup(ctx, key) : NULL;
        const SchemaHint *type = decl && decl->text ? lookup(ctx, decl->text) : NULL;
        type_hint = type && type->text ? type->text : NULL;
        type_name = type ? type->name : NULL;
        int facet = 0;
        for (int i = 0; i < n; i++)
            facet |= strstr(errs[i].message, "[facet '") != NULL;
        if (!facet)
            type_hint = NULL;
        if (type_hint && !e->value) {
            value = ""; /* an element with nothing inside */
            vlen = 0;
        }
    }
    if (type_hint && e->value) {
        value = e->value;
        vlen = strlen(value);
    }
    if (type_hint && value) {
        if (vlen == 0)
            return arena_printf(a, _("%s is empty: expected %s"), empty_subject(a, e), type_hint);
        if (strspn(value, " \t\r\n") >= vlen)
            return arena_printf(a, _("%s holds only spaces: expected %s"), empty_subject(a, e),
                                type_hint);
        /* An e-mail address is told what is wrong with it, by the same
         * grammar as the schema's type (validate/email.c). */
        const char *why = type_name && !strcmp(type_name, "Email")
                              ? validate_email(a, arena_strndup(a, value, vlen), e->element, NULL)
                              : NULL;
        if (why)
            return arena_printf(a, _("%s is not an e-mail address: %s"), subject(a, e, value, vlen),
                                why);
        return arena_printf(a, _("%s is not valid: expected %s"), subject(a, e, value, vlen),
                            type_hint);
    }
    for (int i = 0; i < n; i++) {
        const char *rest = message_rest(errs[i].message);
        if ((out = facet_words(a, &errs[i], rest)))
            return out;
        if ((out = constraint_words(a, &errs[i], rest, lookup, ctx)))
            return out;
        if ((out = structure_words(a, &errs[i], rest, lookup, ctx)))
            return out;
    }
    if (value)
        return arena_printf(a, _("%s is not valid"), subject(a, e, value, vlen));
    return fallback(a, e, message_rest(e->message));
}

/* The parser's errors, by code. libxml2's own texts speak of "StartTag" and
 * "EntityRef"; these speak of the file the user is looking at and say what to
 * do. Codes not listed keep libxml2's text, first line only. */
const char *
messages_parser(Arena *a, const ParserError *pe)
{
    const char *msg = pe->message ? pe->message : "";
    const char *s1 = pe->str1 ? shown(a, pe->str1, strlen(pe->str1)) : "";
    const char *s2 = pe->str2 ? shown(a, pe->str2, strlen(pe->str2)) : "";
    const char *name = pe->name ? shown(a, pe->name, strlen(pe->name)) : NULL;

    /* Some codes cover several cases that only the text tells apart. */
    if (strstr(msg, "not proper UTF-8"))
        return _("the file is not valid UTF-8: save it with the UTF-8 encoding");
    if (strstr(msg, "EntityRef"))
        return _("a \"&\" must be written &amp; (or end a character reference with \";\")");
    if (strstr(msg, "Excessive depth"))
        return _("elements are nested more than 256 deep; a copil file is never that deep");
    const char *cv = strstr(msg, "Char value ");
    if (cv && pe->code == XML_ERR_INVALID_CHAR) {
        long v = strtol(cv + 11, NULL, 10);
        return arena_printf(a,
                            _("the file contains a control character (U+%04lX) that XML does not "
                              "allow: delete it (it often comes with a copy and paste)"),
                            v);
    }
    switch (pe->code) {
    case XML_ERR_DOCUMENT_EMPTY:
        return _("the file is empty or holds no XML");
    case XML_ERR_DOCUMENT_END:
        if (name)
            return arena_printf(a,
                                _("there is something after </%s>: everything must be inside "
                                  "<%s>; remove it or move it inside"),
                                name, name);
        return _("there is something after the end of the file's main element: remove it");
    case XML_ERR_TAG_NAME_MISMATCH:
        return arena_printf(a,
                            _("the closing tag </%s> does not match <%s>, opened on line %d: write "
                              "</%s>"),
                            s2, s1, pe->int1, s1);
    case XML_ERR_TAG_NOT_FINISHED:
        return arena_printf(a,
                            _("the file ends before <%s> (opened on line %d) is closed: its "
                              "closing tag </%s> is missing"),
                            s1, pe->int1, s1);
    case XML_ERR_GT_REQUIRED:
        return arena_printf(a, _("the tag <%s> is not closed by a \">\""), s1);
    case XML_ERR_NAME_REQUIRED:
        return _("a \"<\" is not followed by an element name: write &lt; for a literal \"<\"");
    case XML_ERR_LT_IN_ATTRIBUTE:
        return _("an attribute value contains \"<\": write it &lt;");
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        if (name)
            return arena_printf(a, _("the value of %s must be written between quotes: %s=\"…\""),
                                name, name);
        return _("an attribute value must be written between quotes, e.g. kind=\"college\"");
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        return arena_printf(a, _("the attribute %s has no value: write %s=\"…\""), s1, s1);
    case XML_ERR_ATTRIBUTE_REDEFINED:
        return arena_printf(a, _("the attribute %s is given twice in the same tag: keep only one"),
                            s1);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        return arena_printf(a,
                            _("&%s; is not known in XML: type the character itself (copil "
                              "files are UTF-8), or use a numeric reference such as &#160;"),
                            s1);
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        return _("a \"&\" must be written &amp; (or end a character reference with \";\")");
    case XML_ERR_INVALID_ENCODING:
        return _("the file is not valid UTF-8: save it with the UTF-8 encoding");
    case XML_ERR_UNSUPPORTED_ENCODING:
        return _("the file declares an encoding copil cannot read: save it as UTF-8");
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
        return _("the file contains a character that XML does not allow: delete it");
    case XML_ERR_RESERVED_XML_NAME:
        return _("the <?xml …?> declaration may only stand at the very start of the file: move "
                 "it to the first line, or remove it");
    case XML_ERR_HYPHEN_IN_COMMENT:
        return _("a comment may not contain \"--\": write a single hyphen");
    case XML_ERR_COMMENT_NOT_FINISHED:
        return _("a comment <!-- is not closed by -->");
    case XML_ERR_NAME_TOO_LONG:
        return _("a name in the file is absurdly long (over 50,000 characters)");
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
        return arena_printf(a, _("a prefix is used without being declared (%s)"),
                            shown(a, msg, strcspn(msg, "\n")));
    default:
        break;
    }
    if (strstr(msg, "XML_PARSE_HUGE"))
        return _("the file goes beyond a size limit of the XML reader");
    if (!*msg)
        return _("this file is not well-formed XML");
    return arena_printf(a, "%s", shown(a, msg, strcspn(msg, "\n")));
}
