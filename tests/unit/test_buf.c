/*
 * tests/unit/test_buf.c — growable strings: growth, UTF-8, the sticky failure.
 */
#include "core/buf.h"
#include "test.h"

void
test_buf(void)
{
    Arena a;
    arena_init(&a);
    Buf b;
    buf_init(&b, &a);
    CHECK(b.s == NULL && b.len == 0);
    buf_append(&b, "Mme", 3);
    buf_put(&b, 0xA0);
    buf_put(&b, 0x202F);
    buf_put(&b, 0x1F4F1);
    CHECK_STR(b.s, "Mme\xc2\xa0\xe2\x80\xaf\xf0\x9f\x93\xb1");
    for (int i = 0; i < 1000; i++)
        buf_append(&b, "abcdefghij", 10);
    CHECK(b.len == 3 + 2 + 3 + 4 + 10000 && b.s[b.len] == '\0' && !b.failed);
    buf_reserve(&b, 1u << 30);
    CHECK(b.failed);
    buf_append(&b, "x", 1); /* a failed buffer stays as it was */
    CHECK(b.len == 10012);
    arena_free(&a);

    /* Lines: CRLF or LF, a last line without its end, empty lines kept. */
    static const char text[] = "Objet : x\r\n\nsecond\nlast";
    size_t at = 0, n = 0, len = sizeof text - 1;
    const char *line = text_next_line(text, len, &at, &n);
    CHECK(line == text && n == 9);
    line = text_next_line(text, len, &at, &n);
    CHECK(line && n == 0);
    line = text_next_line(text, len, &at, &n);
    CHECK(line && n == 6 && !memcmp(line, "second", 6));
    line = text_next_line(text, len, &at, &n);
    CHECK(line && n == 4 && !memcmp(line, "last", 4) && at == len);
    CHECK(text_next_line(text, len, &at, &n) == NULL);
    at = 0;
    CHECK(text_next_line("", 0, &at, &n) == NULL);
}
