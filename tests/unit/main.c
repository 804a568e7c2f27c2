/*
 * tests/unit/main.c — runs every unit test module, one line of totals.
 */
#include "test.h"

int test_passed, test_failed;

int
main(void)
{
    test_arena();
    test_buf();
    test_utf8();
    test_run();
    test_file();
    test_messages();
    test_email();
    test_parse();
    test_typography();
    test_ordinals();
    test_hyphen();
    test_chart();
    test_redact();
    test_finish();
    test_record();
    test_object();
    test_i18n();
    printf("unit: %d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}
