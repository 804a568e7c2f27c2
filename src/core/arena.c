/*
 * core/arena.c — a bump allocator over a list of blocks.
 *
 * Small requests are carved from the newest block; a request larger than a
 * quarter of the block size gets a block of its own so that big strings do not
 * waste the rest of a shared block. Nothing is ever returned to the system
 * before arena_free().
 */
#include "core/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)
#define ARENA_ALIGN      16
#define ARENA_MAX_ALLOC  ((size_t)1 << 30)

struct ArenaBlock {
    ArenaBlock *next;
    size_t size; /* usable bytes in data[] */
    size_t pos;  /* next free offset in data[] */
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void
arena_init(Arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->failed = false;
}

void
arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

static ArenaBlock *
new_block(size_t size)
{
    ArenaBlock *b = malloc(sizeof(*b) + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->pos = 0;
    return b;
}

void *
arena_alloc(Arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > ARENA_MAX_ALLOC) {
        a->failed = true;
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

    ArenaBlock *b = a->head;
    if (!b || b->size - b->pos < size) {
        if (size > ARENA_BLOCK_SIZE / 4) {
            /* A dedicated block, linked behind the current one so that the
             * current block's free space stays in use. */
            ArenaBlock *big = new_block(size);
            if (!big) {
                a->failed = true;
                return NULL;
            }
            big->pos = size;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            a->used += size;
            memset(big->data, 0, size);
            return big->data;
        }
        b = new_block(ARENA_BLOCK_SIZE);
        if (!b) {
            a->failed = true;
            return NULL;
        }
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->pos;
    b->pos += size;
    a->used += size;
    memset(p, 0, size);
    return p;
}

void *
arena_alloc_array(Arena *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        a->failed = true;
        return NULL;
    }
    return arena_alloc(a, n * size);
}

char *
arena_strndup(Arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) {
        a->failed = true;
        return NULL;
    }
    char *d = arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
arena_strdup(Arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *
arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) {
        a->failed = true;
        return NULL;
    }
    char *d = arena_alloc(a, (size_t)n + 1);
    if (!d)
        return NULL;
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    return d;
}

char *
arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *d = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return d;
}
