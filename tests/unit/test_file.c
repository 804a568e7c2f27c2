/*
 * tests/unit/test_file.c — whole-file reads: limit, folders, devices, missing
 * files; atomic writes: nothing visible in the folder until the commit.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "core/run.h"
#include "test.h"

/* The number of entries of dir, . and .. aside. */
static int
entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

static void
test_atomic(void)
{
    Run r;
    char dir[] = "/tmp/copil-unit-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char target[64];
    snprintf(target, sizeof(target), "%s/out.pdf", dir);
    run_init(&r, NULL);

    /* While it is written, the file has no name: a kill leaves nothing. */
    AtomicFile af;
    CHECK(file_atomic_open(&r, target, &af) == STATUS_OK);
    CHECK(af.unnamed == 1);
    CHECK(file_atomic_write(&af, "%PDF-1.7\n", 9) == 0);
    CHECK(entries(dir) == 0);
    CHECK(file_atomic_commit(&r, &af) == STATUS_OK);
    file_atomic_abort(&af);
    CHECK(entries(dir) == 1 && access(target, R_OK) == 0);

    /* An abandoned write leaves the earlier file and nothing else. */
    CHECK(file_atomic_open(&r, target, &af) == STATUS_OK);
    CHECK(file_atomic_write(&af, "partial", 7) == 0);
    file_atomic_abort(&af);
    char buf[16] = {0};
    FILE *fp = fopen(target, "rb");
    CHECK(fp && fread(buf, 1, sizeof(buf) - 1, fp) == 9 && !strcmp(buf, "%PDF-1.7\n"));
    if (fp)
        fclose(fp);
    CHECK(entries(dir) == 1);

    /* A folder that does not exist: said, nothing made. */
    char missing[80];
    snprintf(missing, sizeof(missing), "%s/nowhere/out.pdf", dir);
    CHECK(file_atomic_open(&r, missing, &af) == STATUS_IO);
    file_atomic_abort(&af);
    CHECK(r.nerrors == 1 && r.diags);
    if (r.diags)
        CHECK_STR(r.diags->message, "cannot write here: it does not exist");
    run_free(&r);
    unlink(target);
    rmdir(dir);
}

/* Paths: inside a folder, its real folder, where a written path leads. */
static void
test_paths(void)
{
    CHECK(file_inside("/a/b/c", "/a/b"));
    CHECK(!file_inside("/a/bc", "/a/b"));
    CHECK(!file_inside("/a/b", "/a/b"));
    CHECK(file_inside("/etc", "/"));
    CHECK(!file_inside("/", "/"));

    char real[PATH_MAX];
    CHECK(file_real_folder("/x.xml", real) == 0 && !strcmp(real, "/"));
    CHECK(file_real_folder("/tmp/x.xml", real) == 0 && !strcmp(real, "/tmp"));

    char dir[] = "/tmp/copil-unit-XXXXXX", sub[64], file[80], link[80];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(sub, sizeof(sub), "%s/sub", dir);
    snprintf(file, sizeof(file), "%s/sub/f.png", dir);
    snprintf(link, sizeof(link), "%s/out.png", dir);
    CHECK(mkdir(sub, 0755) == 0);
    FILE *fp = fopen(file, "w");
    if (fp)
        fclose(fp);
    CHECK(symlink("/etc/hostname", link) == 0);
    char folder[PATH_MAX];
    CHECK(realpath(dir, folder) != NULL);
    CHECK(file_resolve(folder, "sub/f.png", real) == FILE_REF_INSIDE);
    CHECK(file_resolve(folder, "./sub/../sub/f.png", real) == FILE_REF_INSIDE);
    CHECK(file_resolve(folder, "/etc/hostname", real) == FILE_REF_ABSOLUTE);
    CHECK(file_resolve(folder, "../../etc/hostname", real) == FILE_REF_OUTSIDE && !real[0]);
    CHECK(file_resolve(folder, "sub/../../x", real) == FILE_REF_OUTSIDE);
    CHECK(file_resolve(folder, "out.png", real) == FILE_REF_OUTSIDE &&
          !strcmp(real, "/etc/hostname"));
    CHECK(file_resolve(folder, "missing.png", real) == FILE_REF_MISSING);

    /* file_load: not through a link when asked, and why not. */
    Arena a;
    arena_init(&a);
    char *data;
    size_t len;
    CHECK(file_load(file, O_NOFOLLOW, 10, &a, &data, &len) == 0 && len == 0);
    CHECK(file_load(link, O_NOFOLLOW, 10, &a, &data, &len) == ELOOP);
    CHECK(file_load(sub, 0, 10, &a, &data, &len) == EISDIR);
    CHECK(file_load("/dev/null", 0, 10, &a, &data, &len) == ENODEV);
    CHECK(file_load(link, 0, 1, &a, &data, &len) == EFBIG && len > 1);
    arena_free(&a);
    unlink(link);
    unlink(file);
    rmdir(sub);
    rmdir(dir);
}

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
    test_atomic();
    test_paths();
}
