/*
 * tests/unit/test_arena.c — the per-run arena: alignment, big blocks, overflow, reuse.
 */
#include <stdint.h>

#include "core/arena.h"
#include "test.h"

void
test_arena(void)
{
    Arena a;
    arena_init(&a);
    char *s = arena_strdup(&a, "comité");
    CHECK_STR(s, "comité");
    CHECK(((uintptr_t)arena_alloc(&a, 3) & 15) == 0);
    /* A big allocation gets its own block and the small ones go on. */
    char *big = arena_alloc(&a, 200000);
    CHECK(big != NULL && big[199999] == 0);
    char *after = arena_strdup(&a, "après");
    CHECK_STR(after, "après");
    CHECK_STR(arena_printf(&a, "%d %s", 34, "%"), "34 %");
    CHECK(!a.failed);
    /* Overflowing sizes fail cleanly and stick. */
    CHECK(arena_alloc_array(&a, SIZE_MAX / 2, 4) == NULL);
    CHECK(a.failed);
    arena_free(&a);
    CHECK(a.head == NULL && !a.failed);
    /* Many small allocations across blocks. */
    int ok = 1;
    for (int i = 0; i < 100000 && ok; i++)
        ok = arena_alloc(&a, 24) != NULL;
    CHECK(ok && a.used >= 100000 * 24);
    arena_free(&a);
}
