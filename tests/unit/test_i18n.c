/*
 * tests/unit/test_i18n.c — numbers for messages, in the C locale's form.
 *
 * The unit runner binds no catalogue, so these are the English forms; the
 * French ones (« 50,4 ko », « 30 000 ») are pinned by tests/i18n.sh and
 * tests/bad/NAME.fr.expected through the program.
 */
#include "core/file.h"
#include "core/i18n.h"
#include "test.h"

void
test_i18n(void)
{
    char b[64];
    i18n_decimal(b, sizeof b, 71.66);
    CHECK_STR(b, "71.7");
    i18n_decimal(b, sizeof b, 0.04);
    CHECK_STR(b, "0.0");
    i18n_thousands(b, sizeof b, 0);
    CHECK_STR(b, "0");
    i18n_thousands(b, sizeof b, 999);
    CHECK_STR(b, "999");
    i18n_thousands(b, sizeof b, 1000);
    CHECK_STR(b, "1,000");
    i18n_thousands(b, sizeof b, 322222224);
    CHECK_STR(b, "322,222,224");
    i18n_thousands(b, sizeof b, -12000);
    CHECK_STR(b, "-12,000");
    /* Too small a buffer: cut, never overrun, always terminated. */
    char small[4];
    i18n_thousands(small, sizeof small, 1234567);
    CHECK(strlen(small) < sizeof small);

    file_format_size(b, sizeof b, 1);
    CHECK_STR(b, "1 byte");
    file_format_size(b, sizeof b, 999);
    CHECK_STR(b, "999 bytes");
    file_format_size(b, sizeof b, 71660);
    CHECK_STR(b, "71.7 kB");
    file_format_size(b, sizeof b, 9000000);
    CHECK_STR(b, "9.0 MB");
    CHECK_STR(P_("decimal separator", "."), ".");
    CHECK_STR(i18n_language(), "en");
}
