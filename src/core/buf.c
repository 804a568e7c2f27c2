/*
 * core/buf.c — growable strings in an arena (old storage is simply left in
 * the arena: it goes with the run).
 */
#include "core/buf.h"

#include <string.h>

#define BUF_MAX (1u << 28)

void
buf_init(Buf *b, Arena *a)
{
    memset(b, 0, sizeof(*b));
    b->a = a;
}

void
buf_reserve(Buf *b, unsigned more)
{
    if (b->failed)
        return;
    /* Bounded first, so that len + more cannot wrap. */
    if (more > BUF_MAX || b->len + more > BUF_MAX) {
        b->failed = 1;
        return;
    }
    if (b->s && b->len + more + 1 <= b->cap)
        return;
    unsigned cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = arena_alloc(b->a, cap);
    if (!s) {
        b->failed = 1;
        return;
    }
    if (b->len)
        memcpy(s, b->s, b->len);
    s[b->len] = '\0';
    b->s = s;
    b->cap = cap;
}

void
buf_append(Buf *b, const char *s, unsigned n)
{
    buf_reserve(b, n);
    if (b->failed)
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void
buf_put(Buf *b, uint32_t cp)
{
    char u[4];
    unsigned n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_append(b, u, n);
}

const char *
text_next_line(const char *s, size_t len, size_t *at, size_t *n)
{
    if (*at >= len)
        return NULL;
    const char *line = s + *at;
    const char *nl = memchr(line, '\n', len - *at);
    size_t k = nl ? (size_t)(nl - line) : len - *at;
    *at += nl ? k + 1 : k;
    *n = k && line[k - 1] == '\r' ? k - 1 : k;
    return line;
}
