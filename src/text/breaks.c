/*
 * text/breaks.c — where a line must not break, though Pango would.
 *
 * Two French rules, found in the typeset, hyphenated text and handed to the
 * layout as byte ranges in which Pango may not break (allow_breaks off):
 *   - a one-letter word (à, a, y) never ends a line: it goes down with the
 *     next word, as if the space after it were a no-break space, but the
 *     character stays a space (readers copy and search what was typed);
 *   - a capitalised compound (Marie-Claude, Indre-et-Loire, Jean-Moulin) is
 *     not broken at its hyphens, when it is narrow enough to fit on a line;
 *     a wider one keeps its breaks, since nothing else would fit;
 *   - an e-mail address or a web address (a run without spaces holding "@"
 *     or "://", or starting "www.") is not broken at its hyphens either, on
 *     the same condition: « ac-orleans-|tours.fr » at a line end reads as a
 *     hyphenated word, and a reader would type it without its hyphen.
 * It does not decide the line breaks; Pango still does, around the ranges.
 */
#include <string.h>

#include <glib.h>

#include "core/utf8.h"
#include "text/internal.h"

/* A word is taken to fit on a line when its characters, at this share of
 * the font size each (thousandths; wider than the average letter of the
 * shipped fonts), are narrower than the line. */
#define LETTER_WIDTH 620

int
text_fits(unsigned chars, int size, int width)
{
    return (long long)chars * size * LETTER_WIDTH / 1000 < width;
}

static int
letter_at(const char *s, unsigned n, unsigned i, uint32_t *cp, unsigned *k)
{
    if (i >= n)
        return 0;
    *k = (unsigned)utf8_decode(s + i, n - i, cp);
    return g_unichar_isalpha(*cp);
}

/* Appends the range [start, end) to the growing array r. */
static void
add_range(GArray *r, unsigned start, unsigned end)
{
    if (end > start) {
        g_array_append_val(r, start);
        g_array_append_val(r, end);
    }
}

/* The end of the address starting at i, or i when the run of characters
 * without spaces there is not an address. *chars counts its characters. */
static unsigned
address_end(const char *s, unsigned n, unsigned i, unsigned *chars)
{
    unsigned j = i, c = 0;
    int address = n - i >= 4 && !memcmp(s + i, "www.", 4);
    while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') {
        if (s[j] == '@' || (s[j] == ':' && n - j >= 3 && !memcmp(s + j, "://", 3)))
            address = 1;
        if (((unsigned char)s[j] & 0xC0) != 0x80)
            c++;
        j++;
    }
    *chars = c;
    return address ? j : i;
}

unsigned *
text_bound_breaks(Arena *a, const char *s, unsigned n, int width, int size, int *count)
{
    GArray *r = g_array_new(FALSE, FALSE, sizeof(unsigned));
    unsigned i = 0;
    while (i < n) {
        uint32_t cp;
        unsigned k, achars;
        if (i == 0 || s[i - 1] == ' ') {
            unsigned end = address_end(s, n, i, &achars);
            if (end > i) {
                if (text_fits(achars, size, width))
                    for (unsigned q = i; q + 1 < end; q++)
                        if (s[q] == '-')
                            add_range(r, q, q + 2);
                i = end;
                continue;
            }
        }
        if (!letter_at(s, n, i, &cp, &k)) {
            i += k;
            continue;
        }
        /* A word starts at i only after a space or at the start (not
         * after an apostrophe: "l’a" is not a one-letter word). */
        int after_space = i == 0 || s[i - 1] == ' ';
        /* The run of letters and hyphens from i: a word or a compound. */
        unsigned j = i, letters = 0, chars = 0, hyphens = 0;
        int capital = 0, prev_hyphen = 1;
        while (j < n) {
            uint32_t c2;
            unsigned k2;
            if (letter_at(s, n, j, &c2, &k2)) {
                if (prev_hyphen && g_unichar_isupper(c2))
                    capital = 1;
                prev_hyphen = 0;
                letters++;
            } else if (s[j] == '-' && !prev_hyphen && j + 1 < n &&
                       letter_at(s, n, j + 1, &c2, &k2)) {
                prev_hyphen = 1;
                hyphens++;
                k2 = 1;
            } else if ((unsigned char)s[j] == 0xC2 && j + 1 < n &&
                       (unsigned char)s[j + 1] == 0xAD) {
                k2 = 2; /* a soft hyphen inside a word */
            } else {
                break;
            }
            j += k2;
            chars++;
        }
        if (after_space && letters == 1 && hyphens == 0 && j + 1 < n && s[j] == ' ' &&
            s[j + 1] != ' ') {
            /* The space and the next character: the break before it goes. */
            uint32_t c3;
            unsigned k3 = (unsigned)utf8_decode(s + j + 1, n - j - 1, &c3);
            add_range(r, j, j + 1 + k3);
        }
        if (capital && hyphens > 0 && text_fits(chars, size, width)) {
            /* Each hyphen and the letter after it: the break after it goes. */
            for (unsigned q = i; q < j; q++)
                if (s[q] == '-')
                    add_range(r, q, q + 2);
        }
        i = j;
    }
    *count = (int)(r->len / 2);
    unsigned *out = NULL;
    if (r->len) {
        out = arena_alloc_array(a, r->len, sizeof(unsigned));
        if (out)
            memcpy(out, r->data, r->len * sizeof(unsigned));
        else
            *count = 0;
    }
    g_array_free(r, TRUE);
    return out;
}
