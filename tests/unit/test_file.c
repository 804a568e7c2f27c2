/*
 * tests/unit/test_file.c — whole-file reads: limit, folders, devices, missing files.
 */
#include <stdlib.h>
#include <unistd.h>

#include "core/file.h"
#include "core/run.h"
#include "test.h"

void
test_file(void)
{
    Run r;
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
