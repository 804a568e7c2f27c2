/*
 * tests/unit/test.h — the smallest test framework that reports well.
 *
 * CHECK records a failure with its file and line and goes on, so one run shows
 * every broken expectation. Each module file exports one function that runs
 * its cases; main.c calls them all and prints "unit: N passed, N failed".
 */
#ifndef COPIL_TEST_H
#define COPIL_TEST_H

#include <stdio.h>
#include <string.h>

#include <cairo.h>

extern int test_passed, test_failed;

/* The bytes a Cairo surface writes, gathered in memory (malloc'd data), for
 * cairo_pdf_surface_create_for_stream: test_mem_write in test_finish.c. */
typedef struct TestMem {
    unsigned char *data;
    size_t len;
} TestMem;
cairo_status_t test_mem_write(void *closure, const unsigned char *data, unsigned int n);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            test_passed++;                                                                         \
        } else {                                                                                   \
            test_failed++;                                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (g_ && w_ && !strcmp(g_, w_)) {                                                         \
            test_passed++;                                                                         \
        } else {                                                                                   \
            test_failed++;                                                                         \
            fprintf(stderr, "%s:%d: got  \"%s\"\n%*swant \"%s\"\n", __FILE__, __LINE__,            \
                    g_ ? g_ : "(null)", (int)strlen(__FILE__) + 8, "", w_ ? w_ : "(null)");        \
        }                                                                                          \
    } while (0)

void test_arena(void);
void test_buf(void);
void test_utf8(void);
void test_email(void);
void test_run(void);
void test_file(void);
void test_messages(void);
void test_parse(void);
void test_typography(void);
void test_ordinals(void);
void test_hyphen(void);
void test_chart(void);
void test_redact(void);
void test_finish(void);
void test_i18n(void);
void test_record(void);
void test_object(void);

#endif
