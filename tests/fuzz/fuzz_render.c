/*
 * tests/fuzz/fuzz_render.c — libFuzzer target: one file through the whole
 * pipeline to a finished PDF in memory, as `copil render` makes it.
 *
 * Built twice by `make fuzz`: with FUZZ_LAYOUT=0 the input is a data file
 * (meeting, mission letter, activity report: validated, transformed by its
 * stylesheet, laid out, painted, finished), with FUZZ_LAYOUT=1 a layout
 * document (the engine alone). Each input is written to input.xml (or
 * input.layout.xml) in a private folder that also holds copies of the samples,
 * so that a previous meeting named by a sample resolves as it does there.
 * A meeting with a record makes both its minutes and its agenda; an input
 * of odd length is rendered as the public copy, so that the redaction pass
 * is fuzzed too. The layout target also takes images: an input that starts
 * as an SVG or a PNG file is written as image.svg or image.png and rendered
 * in a fixed layout document, as a letterhead logo and as a figure, so that
 * the checks on images (bytes, pixels, rasters inside SVG, references to
 * other files, amplification) and the image drawing are fuzzed. Diagnostics
 * are collected and dropped: a clear refusal is a correct answer. A crash,
 * a sanitizer report, a leak or a time-out is not.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#ifndef FUZZ_LAYOUT
#define FUZZ_LAYOUT 0
#endif

static char input[4096];
static char folder[4096];

/* The layout document that shows an image input, in the letterhead (page
 * furniture) and in the body (a figure), at two sizes. */
static const char image_layout[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<document xmlns=\"urn:copil:layout\" title=\"Image\" "
    "created=\"2026-10-08T17:30:00+02:00\">\n"
    "  <styles><style name=\"p\" font=\"serif\" size=\"11pt\"/></styles>\n"
    "  <first-header><image src=\"%s\" alt=\"Logo\" width=\"25mm\"/></first-header>\n"
    "  <body>\n"
    "    <p>Avant l’image.</p>\n"
    "    <image src=\"%s\" alt=\"Figure\"/>\n"
    "    <image src=\"%s\" alt=\"Figure réduite\" width=\"30mm\" align=\"center\"/>\n"
    "    <p>Après l’image.</p>\n"
    "  </body>\n"
    "</document>\n";

/* "svg", "png" or NULL: whether the input is an image rather than a document. */
static const char *
image_kind(const uint8_t *data, size_t size)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (size >= 8 && !memcmp(data, png, 8))
        return "png";
    size_t head = size < 512 ? size : 512;
    if ((size >= 4 && !memcmp(data, "<svg", 4)) ||
        (size >= 5 && !memcmp(data, "<?xml", 5) && memmem(data, head, "<svg", 4) &&
         !memmem(data, head, "urn:copil:", 10)))
        return "svg";
    return NULL;
}

static int
write_file(const char *path, const void *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int bad = fwrite(data, 1, size, fp) != size;
    return fclose(fp) != 0 || bad ? -1 : 0;
}

/* Copies the .xml files of samples/ into dir; 0 or -1. */
static int
copy_samples(const char *datadir, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/samples", datadir);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") || e->d_name[0] == '.')
            continue;
        char from[4096], to[4096], buf[1 << 16];
        snprintf(from, sizeof(from), "%s/%s", path, e->d_name);
        snprintf(to, sizeof(to), "%s/%s", dir, e->d_name);
        FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
        size_t k;
        while (in && out && (k = fread(buf, 1, sizeof(buf), in)) > 0)
            fwrite(buf, 1, k, out);
        if (in)
            fclose(in);
        if (out)
            fclose(out);
    }
    closedir(d);
    return 0;
}

static void
remove_folder(void)
{
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s", input);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[8192];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_open_session();
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/copil-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir) || copy_samples(session.datadir, dir) != 0)
        abort();
    snprintf(input, sizeof(input), "%s/%s", dir, FUZZ_LAYOUT ? "input.layout.xml" : "input.xml");
    snprintf(folder, sizeof(folder), "%s", dir);
    atexit(remove_folder);
    return 0;
}

static void
render(const char *kind, int public_copy)
{
    Run run;
    RenderRequest req = {.input = input, .kind = kind, .public_copy = public_copy};
    RenderResult made;
    run_init(&run, input);
    Status st = render_document(&session, &run, &req, &made);
    const unsigned char *pdf = made.pdf;
    size_t len = made.len;
    /* A finished PDF starts as one and ends with its end-of-file mark. */
    if (st == STATUS_OK && (!pdf || len < 32 || memcmp(pdf, "%PDF-", 5) != 0 ||
                            !memmem(pdf + len - 32, 32, "%%EOF", 5)))
        abort();
    free(made.pdf);
    run_free(&run);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *kind = FUZZ_LAYOUT ? image_kind(data, size) : NULL;
    if (kind) {
        char path[8192], name[16], doc[sizeof(image_layout) + 64];
        snprintf(name, sizeof(name), "image.%s", kind);
        snprintf(path, sizeof(path), "%s/%s", folder, name);
        int n = snprintf(doc, sizeof(doc), image_layout, name, name, name);
        if (write_file(path, data, size) != 0 || write_file(input, doc, (size_t)n) != 0)
            abort();
    } else if (write_file(input, data, size) != 0) {
        abort();
    }
    int public_copy = size & 1;
    render(NULL, public_copy);
    /* A meeting with a record also makes its agenda. */
    if (!FUZZ_LAYOUT && size > 0 && memmem(data, size, "<record", 7))
        render("agenda", public_copy);
    return 0;
}
