/*
 * serve/server.c — copil serve's HTTP side: who may ask, and what.
 *
 * libmicrohttpd parses the requests and runs on_request in its one thread,
 * request after request; main() waits for SIGINT or SIGTERM. Every request
 * passes the same gate before anything is read (gate): its Host must be
 * this server's own address (a page of another site cannot reach it
 * through a name that resolves to 127.0.0.1), it must carry the token
 * (the ?token= of the printed address once, then the cookie), and a POST
 * must come from a page of this server (its Origin); only the style sheet
 * needs no token. Then one route per
 * page; each request is one Run, whose arena holds its page.
 *
 *   GET /                       the files of the folder
 *   GET /file?f=NAME            a file's state and problems, its documents
 *   GET /pdf?f=NAME[&copy=public][&download=1]   its PDF, rendered now
 *   GET /mail?f=NAME            who gets its document (copil mail's plan)
 *   GET /edit?f=NAME            its form;  POST /save: the form saved back
 *   POST /new                   a new file from a template
 *   GET /style.css              stylesheets/serve/copil.css of the data folder
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/file.h"
#include "core/i18n.h"
#include "serve/serve.h"

extern char **environ;

/* What a request may send: more is refused (413) without being kept. */
#define BODY_MAX (1u << 20)
/* The style sheet is a few kB. */
#define CSS_MAX (256u << 10)

typedef struct Server {
    Session *s;
    const ServeConfig *cfg;
    int dirfd;
    ServeCache *cache; /* the home page's, between two visits */
    unsigned port;
    char token[33];     /* 128 random bits in hex */
    char cookie[32];    /* the cookie's name: copil_PORT, one per server */
    char host_ip[32];   /* "127.0.0.1:PORT" */
    char host_name[32]; /* "localhost:PORT" */
} Server;

/* The most fields a form may post. */
#define FIELDS_MAX 20000

/* What is known of a request between libmicrohttpd's calls. */
typedef struct Request {
    int answered;                   /* a response was queued on the first call */
    size_t body;                    /* bytes of body seen */
    struct MHD_PostProcessor *post; /* a form's fields, for POST /save */
    Arena arena;                    /* their names and values */
    ServeField *fields;
    int nfields;
    int bad; /* too many fields, or out of memory */
} Request;

static const char *field(const Request *q, const char *name);

/* --- responses ------------------------------------------------------------ */

static void
common_headers(struct MHD_Response *resp, int page)
{
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    /* Not no-referrer: with it, a browser sends "Origin: null" with a
     * form, which the gate cannot tell from another site's. */
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    if (page) {
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'none'; style-src 'self'; img-src 'self'; "
                                "frame-src 'self'; form-action 'self'; base-uri 'none'; "
                                "frame-ancestors 'none'");
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    }
}

static enum MHD_Result
send_bytes(struct MHD_Connection *c, unsigned status, const char *type, const void *data, size_t n,
           const char *disposition)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(n, (void *)data, MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return MHD_NO;
    common_headers(resp, strncmp(type, "text/html", 9) == 0);
    MHD_add_response_header(resp, "Content-Type", type);
    if (disposition)
        MHD_add_response_header(resp, "Content-Disposition", disposition);
    enum MHD_Result ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result
send_page(struct MHD_Connection *c, unsigned status, Buf *b)
{
    if (b->failed || !b->s) {
        static const char oom[] = "Out of memory";
        return send_bytes(c, 500, "text/plain; charset=utf-8", oom, sizeof oom - 1, NULL);
    }
    return send_bytes(c, status, "text/html; charset=utf-8", b->s, b->len, NULL);
}

static enum MHD_Result
send_error(struct MHD_Connection *c, unsigned status, const char *title, const char *why)
{
    Arena a;
    arena_init(&a);
    Buf b;
    buf_init(&b, &a);
    page_error(&b, title, why);
    enum MHD_Result ret = send_page(c, status, &b);
    arena_free(&a);
    return ret;
}

/* --- the gate --------------------------------------------------------------- */

/* Compares the token without stopping at the first difference. */
static int
token_equal(const Server *sv, const char *given)
{
    if (!given || strlen(given) != 32)
        return 0;
    unsigned char diff = 0;
    for (int i = 0; i < 32; i++)
        diff |= (unsigned char)(given[i] ^ sv->token[i]);
    return diff == 0;
}

static int
own_host(const Server *sv, const char *host)
{
    return host && (strcmp(host, sv->host_ip) == 0 || strcasecmp(host, sv->host_name) == 0);
}

static int
own_origin(const Server *sv, const char *origin)
{
    if (!origin || strncmp(origin, "http://", 7) != 0)
        return 0;
    return own_host(sv, origin + 7);
}

/* The first call of a request: its headers. Answers (and returns 1) when
 * the request may go no further. */
static int
gate(Server *sv, struct MHD_Connection *c, const char *url, const char *method,
     enum MHD_Result *ret)
{
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (!own_host(sv, host)) {
        *ret = send_error(c, 403, _("Address refused"),
                          _("This server answers only at the address it printed when it "
                            "started (127.0.0.1 or localhost, with its port)."));
        return 1;
    }
    int get = !strcmp(method, "GET") || !strcmp(method, "HEAD"), post = !strcmp(method, "POST");
    if (!get && !post) {
        *ret = send_error(c, 405, _("Request refused"), _("This server does not do that."));
        return 1;
    }
    /* The style sheet is no secret: the page that says access is refused
     * is styled too. */
    if (get && !strcmp(url, "/style.css"))
        return 0;
    const char *cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, sv->cookie);
    const char *given = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
    if (!token_equal(sv, cookie) && !(get && token_equal(sv, given))) {
        *ret = send_error(c, 403, _("Access refused"),
                          _("Open the address that copil serve printed when it started (it "
                            "ends with ?token=…): it is the key to this server, for the person "
                            "who started it only."));
        return 1;
    }
    if (post && !own_origin(sv, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"))) {
        *ret = send_error(c, 403, _("Request refused"),
                          _("This form was not sent from a page of this server."));
        return 1;
    }
    const char *length =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length && strtoull(length, NULL, 10) > BODY_MAX) {
        *ret = send_error(c, 413, _("Request refused"), _("What was sent is too large."));
        return 1;
    }
    if (get && token_equal(sv, given)) {
        /* The token goes into a cookie, and out of the address bar. */
        struct MHD_Response *resp = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
        if (!resp) {
            *ret = MHD_NO;
            return 1;
        }
        char set[128];
        snprintf(set, sizeof set, "%s=%s; Path=/; HttpOnly; SameSite=Strict", sv->cookie,
                 sv->token);
        common_headers(resp, 0);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, set);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, "/");
        *ret = MHD_queue_response(c, 303, resp);
        MHD_destroy_response(resp);
        return 1;
    }
    return 0;
}

/* --- the pages ------------------------------------------------------------ */

/* The query argument key, or NULL when absent or when it holds a NUL (a
 * name cut short there would be another name). */
static const char *
arg(struct MHD_Connection *c, const char *key)
{
    const char *v = NULL;
    size_t n = 0;
    if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, key, strlen(key), &v, &n) !=
            MHD_YES ||
        !v || strlen(v) != n)
        return NULL;
    return v;
}

static enum MHD_Result
route_home(Server *sv, struct MHD_Connection *c, unsigned status, const char *why)
{
    Run r;
    run_init(&r, sv->cfg->dir);
    ServeFile *files;
    int n;
    enum MHD_Result ret;
    if (serve_list(sv->s, &r, sv->dirfd, sv->cfg->dir, sv->cache, &files, &n) != STATUS_OK) {
        ret = send_error(c, 500, _("The folder cannot be read"),
                         _("The folder copil serve was started on cannot be read any more: was it "
                           "moved or deleted?"));
        goto out;
    }
    Buf b;
    buf_init(&b, &r.arena);
    page_home(&b, sv->cfg->dir, files, n, why);
    ret = send_page(c, status, &b);
out:
    run_free(&r);
    return ret;
}

/* The file name (the query's f when NULL), examined into f on r; 0 with a
 * 404 page sent when there is none such. */
static int
named_file(Server *sv, struct MHD_Connection *c, const char *name, Run *r, ServeFile *f,
           enum MHD_Result *ret)
{
    name = name ? name : arg(c, "f");
    if (!name || !serve_name_ok(name) ||
        serve_examine(sv->s, r, sv->dirfd, sv->cfg->dir, name, f) != STATUS_OK) {
        *ret = send_error(c, 404, _("No such file"),
                          _("This folder holds no data file of that name."));
        return 0;
    }
    return 1;
}

/* As named_file, for a file that must be valid (to make its document):
 * 0 with a 409 page sent when it has problems. */
static int
valid_file(Server *sv, struct MHD_Connection *c, const char *name, Run *r, ServeFile *f,
           enum MHD_Result *ret)
{
    if (!named_file(sv, c, name, r, f, ret))
        return 0;
    if (f->problems || !f->makes) {
        *ret = send_error(c, 409, _("The document cannot be made yet"),
                          _("The file has problems to correct first: its page lists them."));
        return 0;
    }
    return 1;
}

static enum MHD_Result
route_file(Server *sv, struct MHD_Connection *c)
{
    Run r;
    run_init(&r, arg(c, "f"));
    ServeFile f;
    enum MHD_Result ret;
    if (named_file(sv, c, NULL, &r, &f, &ret)) {
        Buf b;
        buf_init(&b, &r.arena);
        page_file(&b, &f, &r);
        ret = send_page(c, 200, &b);
    }
    run_free(&r);
    return ret;
}

/* A Content-Disposition for name, in r's arena: the name twice, plain
 * ASCII for any client (anything else as _, so that no quote ends it), and
 * as it is (RFC 6266's filename*). NULL when memory fails. */
static const char *
disposition(Run *r, int attachment, const char *name)
{
    Buf d;
    buf_init(&d, &r->arena);
    html_raw(&d, attachment ? "attachment" : "inline");
    html_raw(&d, "; filename=\"");
    for (const char *p = name; *p; p++) {
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.';
        buf_append(&d, plain ? p : "_", 1);
    }
    html_raw(&d, "\"; filename*=UTF-8''");
    url_append(&d, name);
    return d.failed ? NULL : d.s;
}

static enum MHD_Result
route_pdf(Server *sv, struct MHD_Connection *c)
{
    const char *copy = arg(c, "copy");
    const char *download = arg(c, "download");
    int public_copy = copy && !strcmp(copy, "public");
    Run r;
    run_init(&r, arg(c, "f"));
    ServeFile f;
    enum MHD_Result ret;
    if (!valid_file(sv, c, NULL, &r, &f, &ret))
        goto out;
    char *pdf;
    size_t len;
    const char *why;
    if (serve_render(&r, sv->cfg->self, sv->cfg->dir, f.name, public_copy, &pdf, &len, &why) !=
        STATUS_OK) {
        ret = send_error(c, 500, _("The document could not be made"), why);
        goto out;
    }
    /* The name copil render gives it, for the download. */
    const char *out =
        render_default_output(&r, f.name, NULL, f.makes, public_copy && f.kind == DOC_MEETING);
    const char *d = disposition(&r, download && !strcmp(download, "1"), out ? out : "copil.pdf");
    ret = d ? send_bytes(c, 200, "application/pdf", pdf, len, d) : MHD_NO;
out:
    run_free(&r);
    return ret;
}

static enum MHD_Result
route_mail(Server *sv, struct MHD_Connection *c)
{
    Run r;
    run_init(&r, arg(c, "f"));
    ServeFile f;
    enum MHD_Result ret;
    if (!valid_file(sv, c, NULL, &r, &f, &ret))
        goto out;
    const char *plan, *why;
    if (serve_mail_plan(&r, sv->cfg->self, sv->cfg->dir, f.name, &plan, &why) != STATUS_OK) {
        ret = send_error(c, 409, _("The mail plan cannot be made"), why);
        goto out;
    }
    ServeEml *emls;
    int n;
    const char *eml_why;
    if (serve_mail_eml(&r, sv->cfg->self, sv->cfg->dir, f.name, &emls, &n, &eml_why) != STATUS_OK)
        n = -1;
    ServeMailConfig cfg;
    const char *cfg_why;
    Status cfg_st = serve_mail_config(&r, &cfg, &cfg_why);
    Buf b;
    buf_init(&b, &r.arena);
    page_mail(&b, &f, plan, emls, n, n < 0 ? eml_why : NULL, cfg_st, &cfg, cfg_why);
    ret = send_page(c, 200, &b);
out:
    run_free(&r);
    return ret;
}

/* A draft (.eml) of a valid file, to open in a mail client. */
static enum MHD_Result
route_eml(Server *sv, struct MHD_Connection *c)
{
    Run r;
    run_init(&r, arg(c, "f"));
    ServeFile f;
    enum MHD_Result ret;
    if (!valid_file(sv, c, NULL, &r, &f, &ret))
        goto out;
    const char *which = arg(c, "m"), *why;
    ServeEml *emls;
    int n;
    if (serve_mail_eml(&r, sv->cfg->self, sv->cfg->dir, f.name, &emls, &n, &why) != STATUS_OK) {
        ret = send_error(c, 409, _("The drafts cannot be made"), why);
        goto out;
    }
    int k = 0;
    while (k < n && which && strcmp(emls[k].name, which))
        k++;
    if (k == n || !which) {
        ret = send_error(c, 404, _("No such draft"), _("This file makes no draft of that name."));
    } else {
        const char *d = disposition(&r, 1, emls[k].name);
        ret = d ? send_bytes(c, 200, "message/rfc822", emls[k].data, emls[k].len, d) : MHD_NO;
    }
out:
    run_free(&r);
    return ret;
}

/* Sending: GET shows what will go where and asks to confirm; POST (with
 * the file's hash as it was shown) sends. */
static enum MHD_Result
route_send(Server *sv, struct MHD_Connection *c, Request *q)
{
    if (q && q->post)
        MHD_post_process(q->post, NULL, 0);
    const char *name = q ? field(q, "f") : arg(c, "f");
    if ((q && q->bad) || !name || !serve_name_ok(name))
        return send_error(c, 400, _("Request refused"), _("This form cannot be read."));
    Run r;
    run_init(&r, name);
    ServeFile f;
    enum MHD_Result ret;
    const char *why;
    char *data;
    size_t len;
    char hash[65];
    ServeMailConfig cfg;
    Status cfg_st;
    if (!valid_file(sv, c, name, &r, &f, &ret))
        goto out;
    if ((cfg_st = serve_mail_config(&r, &cfg, &why)) != STATUS_OK) {
        ret = send_error(c, 409, _("Sending is not set up"),
                         cfg_st == STATUS_USAGE
                             ? arena_printf(&r.arena,
                                            _("Write the school's mail server in %s (see the "
                                              "page Who gets it)."),
                                            cfg.path ? cfg.path : "~/.config/copil/mail.conf")
                             : arena_printf(&r.arena, "%s: %s", cfg.path, why));
        goto out;
    }
    if (serve_read_file(&r, sv->cfg->dir, name, &data, &len, hash) != STATUS_OK) {
        ret = send_error(c, 500, _("The file cannot be read"), _("It cannot be read."));
        goto out;
    }
    Buf b;
    buf_init(&b, &r.arena);
    if (!q) {
        const char *plan;
        if (serve_mail_plan(&r, sv->cfg->self, sv->cfg->dir, f.name, &plan, &why) != STATUS_OK) {
            ret = send_error(c, 409, _("The mail plan cannot be made"), why);
            goto out;
        }
        page_send(&b, &f, plan, &cfg, hash);
        ret = send_page(c, 200, &b);
        goto out;
    }
    const char *base = field(q, "base");
    if (!base || strcmp(base, hash)) {
        /* what was confirmed is not what the file says now */
        ret = send_error(c, 409, _("Nothing was sent"),
                         _("The file changed since its plan was shown: look at the plan again "
                           "before sending."));
        goto out;
    }
    const char *report;
    int code;
    if (serve_mail_send(&r, sv->cfg->self, sv->cfg->dir, name, &cfg, &report, &code, &why) !=
        STATUS_OK) {
        ret = send_error(c, 500, _("Sending did not end"), why);
        goto out;
    }
    page_sent(&b, &f, report, code);
    ret = send_page(c, code == 0 ? 200 : 502, &b);
out:
    run_free(&r);
    return ret;
}

static enum MHD_Result
route_css(Server *sv, struct MHD_Connection *c)
{
    Arena a;
    arena_init(&a);
    char *path = arena_printf(&a, "%s/stylesheets/serve/copil.css", sv->s->datadir);
    char *data = NULL;
    size_t len = 0;
    enum MHD_Result ret;
    if (!path || file_load(path, O_NOFOLLOW, CSS_MAX, &a, &data, &len) != 0)
        ret = send_bytes(c, 404, "text/plain; charset=utf-8", "", 0, NULL);
    else
        ret = send_bytes(c, 200, "text/css; charset=utf-8", data, len, NULL);
    arena_free(&a);
    return ret;
}

/* A field of a posted form (application/x-www-form-urlencoded or
 * multipart), perhaps in pieces: kept in the request's arena. */
static enum MHD_Result
on_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
         const char *type, const char *encoding, const char *data, uint64_t off, size_t size)
{
    Request *q = cls;
    (void)kind;
    (void)filename;
    (void)type;
    (void)encoding;
    if (!key || memchr(data ? data : "", '\0', size)) {
        q->bad = 1;
        return MHD_NO;
    }
    if (off > 0 && q->nfields > 0 && !strcmp(q->fields[q->nfields - 1].name, key)) {
        ServeField *f = &q->fields[q->nfields - 1];
        f->value = arena_printf(&q->arena, "%s%.*s", f->value, (int)size, data ? data : "");
        if (!f->value)
            q->bad = 1;
        return q->bad ? MHD_NO : MHD_YES;
    }
    if (!q->fields)
        q->fields = arena_alloc_array(&q->arena, FIELDS_MAX, sizeof(ServeField));
    if (!q->fields || q->nfields >= FIELDS_MAX) {
        q->bad = 1;
        return MHD_NO;
    }
    q->fields[q->nfields].name = arena_strdup(&q->arena, key);
    q->fields[q->nfields].value = arena_strndup(&q->arena, data ? data : "", size);
    if (!q->fields[q->nfields].name || !q->fields[q->nfields].value) {
        q->bad = 1;
        return MHD_NO;
    }
    q->nfields++;
    return MHD_YES;
}

/* The value of the posted field name, or NULL. */
static const char *
field(const Request *q, const char *name)
{
    for (int i = 0; i < q->nfields; i++)
        if (!strcmp(q->fields[i].name, name))
            return q->fields[i].value;
    return NULL;
}

/* A redirection after a POST (303): the page to show, as a GET. */
static enum MHD_Result
see_other(struct MHD_Connection *c, const char *where)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    common_headers(resp, 0);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, where);
    enum MHD_Result ret = MHD_queue_response(c, 303, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* s without the white space around it, in a. */
static char *
trimmed(Arena *a, const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    return arena_strndup(a, s, n);
}

static enum MHD_Result
route_edit(Server *sv, struct MHD_Connection *c)
{
    Run r;
    run_init(&r, arg(c, "f"));
    ServeFile f;
    enum MHD_Result ret;
    if (!named_file(sv, c, NULL, &r, &f, &ret))
        goto out;
    Buf form;
    buf_init(&form, &r.arena);
    char hash[65];
    /* the folder's files, for a meeting's previous one: as the home page
     * found them, read again only where they changed */
    ServeFile *files = NULL;
    int n = 0;
    if (f.kind == DOC_MEETING &&
        serve_list(sv->s, &r, sv->dirfd, sv->cfg->dir, sv->cache, &files, &n) != STATUS_OK)
        n = 0;
    Run work;
    run_init(&work, f.name);
    Status st = serve_form(sv->s, &work, sv->cfg->dir, &f, files, n, &r, &form, hash);
    if (st != STATUS_OK) {
        Buf why;
        buf_init(&why, &r.arena);
        for (Diag *d = work.diags; d; d = d->next) {
            if (why.len)
                buf_append(&why, "\n", 1);
            buf_append(&why, d->message, (unsigned)strlen(d->message));
        }
        ret = send_error(c, st == STATUS_INVALID ? 409 : 500, _("The form cannot be shown"),
                         why.s ? why.s
                               : _("The file is not XML any more: open it in a text editor to "
                                   "correct it; its page lists its problems."));
    } else {
        Buf b;
        buf_init(&b, &r.arena);
        page_edit(&b, &f, arg(c, "saved") != NULL, form.s ? form.s : "");
        ret = send_page(c, 200, &b);
    }
    run_free(&work);
out:
    run_free(&r);
    return ret;
}

static enum MHD_Result
route_save(Server *sv, struct MHD_Connection *c, Request *q)
{
    if (q->post)
        MHD_post_process(q->post, NULL, 0);
    const char *name = field(q, "f");
    if (q->bad || !name || !serve_name_ok(name))
        return send_error(c, 400, _("Request refused"), _("This form cannot be read."));
    Run r;
    run_init(&r, name);
    ServeSaved saved;
    enum MHD_Result ret;
    Status st = serve_save(sv->s, &r, sv->cfg->dir, name, field(q, "base"), q->fields, q->nfields,
                           field(q, "op"), &saved);
    if (st != STATUS_OK) {
        ret = send_error(c, 500, _("The file could not be saved"),
                         r.diags ? r.diags->message : _("It cannot be written."));
    } else if (saved.conflict) {
        Buf b;
        buf_init(&b, &r.arena);
        page_conflict(&b, name, saved.changes);
        ret = send_page(c, 409, &b);
    } else {
        /* After a POST, a GET: reloading the page does not post again. */
        Buf loc;
        buf_init(&loc, &r.arena);
        html_raw(&loc, "/edit?saved=1&f=");
        url_append(&loc, name);
        if (saved.at) {
            html_raw(&loc, "#x-");
            url_append(&loc, saved.at);
        }
        ret = loc.failed ? MHD_NO : see_other(c, loc.s);
    }
    run_free(&r);
    return ret;
}

static enum MHD_Result
route_new(Server *sv, struct MHD_Connection *c, Request *q)
{
    if (q->post)
        MHD_post_process(q->post, NULL, 0);
    const char *kind = field(q, "kind"), *typed = field(q, "name");
    Run r;
    run_init(&r, typed);
    enum MHD_Result ret;
    /* The name as typed, with .xml added when it has none. */
    const char *name = NULL;
    if (typed) {
        char *t = trimmed(&r.arena, typed);
        size_t n = t ? strlen(t) : 0;
        name = t && (n < 4 || strcmp(t + n - 4, ".xml")) ? arena_printf(&r.arena, "%s.xml", t) : t;
    }
    const char *why = NULL;
    Status st = q->bad || !name ? STATUS_USAGE
                                : serve_create(sv->s, &r, sv->dirfd, kind ? kind : "", name, &why);
    if (st == STATUS_OK) {
        Buf loc;
        buf_init(&loc, &r.arena);
        html_raw(&loc, "/edit?f=");
        url_append(&loc, name);
        ret = loc.failed ? MHD_NO : see_other(c, loc.s);
    } else {
        ret = route_home(sv, c, st == STATUS_USAGE ? 400 : 500,
                         why ? why : _("Give the file a name."));
    }
    run_free(&r);
    return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
           const char *version, const char *upload_data, size_t *upload_size, void **state)
{
    Server *sv = cls;
    Request *q = *state;
    (void)version;
    (void)upload_data;
    if (!q) {
        q = calloc(1, sizeof *q);
        if (!q)
            return MHD_NO;
        arena_init(&q->arena);
        *state = q;
        enum MHD_Result ret;
        if (gate(sv, c, url, method, &ret)) {
            q->answered = 1;
            return ret;
        }
        if (!strcmp(method, "POST") &&
            (!strcmp(url, "/save") || !strcmp(url, "/new") || !strcmp(url, "/send")))
            q->post = MHD_create_post_processor(c, 64 * 1024, on_field, q);
        return MHD_YES;
    }
    if (q->answered)
        return MHD_YES;
    if (*upload_size) {
        /* Counted and capped; a form's fields kept, anything else dropped. */
        q->body += *upload_size;
        if (q->post && q->body <= BODY_MAX &&
            MHD_post_process(q->post, upload_data, *upload_size) != MHD_YES)
            q->bad = 1;
        *upload_size = 0;
        return MHD_YES;
    }
    q->answered = 1;
    if (q->body > BODY_MAX)
        return send_error(c, 413, _("Request refused"), _("What was sent is too large."));
    if (!strcmp(method, "POST")) {
        if (!strcmp(url, "/save"))
            return route_save(sv, c, q);
        if (!strcmp(url, "/new"))
            return route_new(sv, c, q);
        if (!strcmp(url, "/send"))
            return route_send(sv, c, q);
        return send_error(c, 404, _("No such page"), _("This server has no such page."));
    }
    if (!strcmp(url, "/edit"))
        return route_edit(sv, c);
    if (!strcmp(url, "/"))
        return route_home(sv, c, 200, NULL);
    if (!strcmp(url, "/file"))
        return route_file(sv, c);
    if (!strcmp(url, "/pdf"))
        return route_pdf(sv, c);
    if (!strcmp(url, "/mail"))
        return route_mail(sv, c);
    if (!strcmp(url, "/eml"))
        return route_eml(sv, c);
    if (!strcmp(url, "/send"))
        return route_send(sv, c, NULL);
    if (!strcmp(url, "/style.css"))
        return route_css(sv, c);
    return send_error(c, 404, _("No such page"), _("This server has no such page."));
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode t)
{
    (void)cls;
    (void)c;
    (void)t;
    Request *q = *state;
    if (q) {
        if (q->post)
            MHD_destroy_post_processor(q->post);
        arena_free(&q->arena);
        free(q);
    }
    *state = NULL;
}

/* Opens url in the user's browser (xdg-open), without waiting for it. */
static void
open_browser(const char *url)
{
    pid_t pid;
    char *argv[] = {"xdg-open", (char *)url, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    if (posix_spawnp(&pid, "xdg-open", &fa, NULL, argv, environ) != 0)
        fprintf(stderr, _("copil serve: note: no browser could be opened; open the address above "
                          "yourself\n"));
    posix_spawn_file_actions_destroy(&fa);
}

int
serve_run(Session *s, const ServeConfig *cfg)
{
    Server sv = {.s = s, .cfg = cfg, .dirfd = -1};
    int status = STATUS_IO;
    struct MHD_Daemon *d = NULL;
    unsigned char raw[16];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) {
        fprintf(stderr, _("copil serve: error: no random numbers for the key: %s\n"),
                strerror(errno));
        return STATUS_IO;
    }
    for (int i = 0; i < 16; i++)
        snprintf(sv.token + 2 * i, 3, "%02x", raw[i]);
    sv.dirfd = open(cfg->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (sv.dirfd < 0) {
        fprintf(stderr, _("copil serve: error: cannot open the folder %s: %s\n"), cfg->dir,
                file_why(errno));
        return STATUS_IO;
    }
    sv.cache = serve_cache_new();
    /* SIGINT and SIGTERM are waited for here, never delivered to a thread;
     * a closed browser connection is not a signal either. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL, (uint16_t)cfg->port, NULL,
                         NULL, on_request, &sv, MHD_OPTION_SOCK_ADDR, &addr,
                         MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
                         MHD_OPTION_CONNECTION_LIMIT, 64u, MHD_OPTION_CONNECTION_TIMEOUT, 60u,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256u << 10), MHD_OPTION_END);
    if (!d) {
        fprintf(stderr,
                cfg->port ? _("copil serve: error: the port %u cannot be had (is another copil "
                              "serve, or another program, using it?)\n")
                          : _("copil serve: error: the server cannot start (%u)\n"),
                cfg->port);
        goto out;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    sv.port = info ? info->port : cfg->port;
    snprintf(sv.cookie, sizeof sv.cookie, "copil_%u", sv.port);
    snprintf(sv.host_ip, sizeof sv.host_ip, "127.0.0.1:%u", sv.port);
    snprintf(sv.host_name, sizeof sv.host_name, "localhost:%u", sv.port);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%u/?token=%s", sv.port, sv.token);
    printf("%s\n", url);
    fflush(stdout);
    fprintf(stderr, _("copil serve: the documents of %s, at the address above; stop with Ctrl+C\n"),
            cfg->dir);
    if (cfg->open_browser)
        open_browser(url);
    int sig;
    sigwait(&stop, &sig);
    status = STATUS_OK;
out:
    if (d)
        MHD_stop_daemon(d);
    serve_cache_free(sv.cache);
    close(sv.dirfd);
    return status;
}
