/*
 * tests/unit/test_utf8.c — strict UTF-8 decoding, counting and validation.
 */
#include <stdint.h>

#include "core/utf8.h"
#include "test.h"

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
    CHECK(utf8_count("caf\xe9", 4) == 4); /* a stray byte is one character */
    CHECK(utf8_decode("\xef\xbf\xbd", 3, &cp) == 3 && cp == UTF8_REPLACEMENT);
}
