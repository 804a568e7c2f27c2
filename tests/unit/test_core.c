/*
 * tests/unit/test_core.c — arena, UTF-8, run diagnostics, file reading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/file.h"
#include "core/run.h"
#include "core/utf8.h"
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

void
test_utf8(void)
{
    uint32_t cp;
    CHECK(utf8_decode("é", 2, &cp) == 2 && cp == 0xE9);
    CHECK(utf8_decode("\xe2\x80\xaf", 3, &cp) == 3 && cp == 0x202F);
    CHECK(utf8_decode("\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1F600);
    /* Overlong, surrogate, truncated and stray bytes: one replacement each. */
    CHECK(utf8_decode("\xc0\xaf", 2, &cp) == 1 && cp == UTF8_REPLACEMENT);
    CHECK(utf8_decode("\xed\xa0\x80", 3, &cp) == 1 && cp == UTF8_REPLACEMENT);
    CHECK(utf8_decode("\xe2\x80", 2, &cp) == 1 && cp == UTF8_REPLACEMENT);
    CHECK(utf8_decode("\x80", 1, &cp) == 1 && cp == UTF8_REPLACEMENT);
    CHECK(utf8_count("lycée", 6) == 5);
    CHECK(utf8_valid("« ENT »", strlen("« ENT »")));
    CHECK(!utf8_valid("caf\xe9", 4));
    CHECK(utf8_valid("\xef\xbf\xbd", 3)); /* a real U+FFFD is valid */
}

void
test_run(void)
{
    Run r;
    run_init(&r, "meeting.xml");
    run_diag(&r, DIAG_ERROR, 42, 5, "second\nline");
    run_diag(&r, DIAG_WARNING, 3, 1, "first  ");
    run_diag_at(&r, DIAG_ERROR, "agenda.xsl", 1, 0, "other file");
    run_diag(&r, DIAG_ERROR, 42, 2, "earlier column");
    CHECK(r.nerrors == 3);
    Diag **v = run_sorted_diags(&r);
    CHECK(v != NULL);
    if (v) {
        CHECK_STR(v[0]->message, "first");
        CHECK_STR(v[1]->message, "earlier column");
        CHECK_STR(v[2]->message, "second line");
        CHECK_STR(v[3]->message, "other file");
        CHECK(v[4] == NULL);
    }
    /* The cap keeps the count of what was dropped. */
    for (int i = 0; i < RUN_MAX_DIAGS + 10; i++)
        run_diag(&r, DIAG_ERROR, i, 0, "x");
    CHECK(r.ndiags == RUN_MAX_DIAGS);
    CHECK(r.ndropped == 14);
    run_free(&r);
}

static int freed_order[3], nfreed;
static void
note_free(void *p)
{
    freed_order[nfreed++] = *(int *)p;
}

void
test_file(void)
{
    static int one = 1, two = 2;
    Run r;
    run_init(&r, "x");
    run_defer(&r, note_free, &one);
    run_defer(&r, note_free, &two);
    run_free(&r);
    CHECK(nfreed == 2 && freed_order[0] == 2 && freed_order[1] == 1);

    char dir[] = "/tmp/copil-unit-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof(path), "%s/f.xml", dir);
    FILE *fp = fopen(path, "w");
    fputs("<a/>", fp);
    fclose(fp);

    char *data;
    size_t len;
    run_init(&r, path);
    CHECK(file_read_all(&r, path, 100, &data, &len) == STATUS_OK && len == 4 &&
          !strcmp(data, "<a/>"));
    CHECK(file_read_all(&r, path, 3, &data, &len) == STATUS_INVALID);
    CHECK(file_read_all(&r, dir, 100, &data, &len) == STATUS_IO);
    CHECK(file_read_all(&r, "/nonexistent/x.xml", 100, &data, &len) == STATUS_IO);
    CHECK(file_read_all(&r, "/dev/zero", 100, &data, &len) == STATUS_IO);
    CHECK(r.nerrors == 4);
    Diag **v = run_sorted_diags(&r);
    CHECK_STR(v[0]->message, "the file is too large (4 bytes); copil reads files of up to 3 bytes");
    CHECK_STR(v[1]->message, "cannot read this file: it is a folder");
    CHECK_STR(v[2]->message, "cannot read this file: it does not exist");
    run_free(&r);
    unlink(path);
    rmdir(dir);

    char buf[32];
    file_format_size(buf, sizeof(buf), 8000000);
    CHECK_STR(buf, "8.0 MB");
}
