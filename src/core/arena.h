/*
 * core/arena.h — the per-run memory pool.
 *
 * Everything a document run allocates for itself (diagnostics, strings, later the
 * box tree and fragments) comes from one arena and is released by one call to
 * arena_free(). There is no per-object free. Allocation sizes are overflow
 * checked; an allocation that cannot be satisfied returns NULL and makes the
 * arena "failed" so that callers can check once at the end (cairo's sticky
 * error).
 */
#ifndef COPIL_CORE_ARENA_H
#define COPIL_CORE_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head; /* newest block first */
    size_t used;      /* bytes handed out, for statistics */
    bool failed;      /* an allocation failed at least once */
} Arena;

/* Prepares an empty arena; it allocates nothing until first use. */
void arena_init(Arena *a);

/* Releases every block of the arena; the arena is empty and usable again. */
void arena_free(Arena *a);

/* Returns size bytes aligned for any type, zeroed, owned by the arena; NULL (and
 * a->failed set) when memory runs out or size is absurd. */
void *arena_alloc(Arena *a, size_t size);

/* Like arena_alloc for an array of n elements of size bytes, with the product
 * checked for overflow. */
void *arena_alloc_array(Arena *a, size_t n, size_t size);

/* Copies n bytes of s and adds a terminating NUL; s may hold any bytes. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Copies the NUL-terminated string s; NULL gives NULL. */
char *arena_strdup(Arena *a, const char *s);

/* printf into the arena; NULL when out of memory. */
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
