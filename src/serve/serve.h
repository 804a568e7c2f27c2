/*
 * serve/serve.h — `copil serve`: a folder's documents in the browser.
 *
 * A small web server for the principal, the coordinator or the secretary
 * who never opens a terminal: it lists the data files of one folder with
 * their state, shows each one's problems in the words of copil validate,
 * and renders its documents (full and public copies) to see and download.
 *
 * Only the user who started it may use it: it listens on 127.0.0.1 alone,
 * answers only requests that carry the random token it printed (then kept
 * in a cookie), refuses a Host that is not its own address (DNS rebinding)
 * and a POST whose Origin is not its own, caps what a request may send, and
 * reads nothing but the plain files of its folder (no path, no link). Each
 * render runs in a process of its own (this program, `copil render`), with
 * time and memory limits: a render that crashes or never ends is a page in
 * French, and the server goes on.
 *
 * HTTP is libmicrohttpd's (Debian's libmicrohttpd12): a C library made to
 * be embedded, that parses requests for us, with one thread that runs every
 * handler in turn, so that nothing here is shared between threads.
 */
#ifndef COPIL_SERVE_SERVE_H
#define COPIL_SERVE_SERVE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "core/buf.h"
#include "render/render.h"

/* What `copil serve` was asked for. */
typedef struct ServeConfig {
    const char *dir;  /* the folder served: a real path (no link, no ..) */
    unsigned port;    /* 0: one the system chooses */
    int open_browser; /* 1: open the address in the user's browser */
    const char *self; /* this program, which renders in a child process */
} ServeConfig;

/* Serves cfg->dir until SIGINT or SIGTERM. The address with its token is
 * the first line on stdout. Problems starting are printed; returns a
 * Status (STATUS_IO when the port cannot be had). */
int serve_run(Session *s, const ServeConfig *cfg);

/* --- the folder (folder.c) --------------------------------------------- */

/* A data file of the folder, as the home page lists it. */
typedef struct ServeFile {
    const char *name;        /* in the folder: NAME.xml */
    DocKind kind;            /* DOC_UNKNOWN when it is not a data file */
    const char *year;        /* its school year, "2026-2027", or NULL */
    const char *date;        /* its date (YYYY-MM-DD), or NULL */
    const char *uai;         /* its establishment's UAI, or NULL */
    const RenderKind *makes; /* the document it makes, or NULL */
    unsigned problems;       /* errors copil validate reports; 0: valid */
    int pdf;                 /* 0 none, 1 out of date, 2 up to date */
    int signed_pdf;          /* the PDF holds a signature */
    long long sent;          /* when the send log was last written (s), or 0 */
    unsigned recipients;     /* lines of the send log */
} ServeFile;

/* 1 when name can be a data file's name in the folder: a plain name (no
 * slash, not hidden) ending in ".xml", not a layout document. */
int serve_name_ok(const char *name);

/* What the home page keeps between two visits: each file's state, with
 * what tells that it changed (the file's and the files it names' size,
 * inode and time), so that only what changed is validated again. */
typedef struct ServeCache ServeCache;
ServeCache *serve_cache_new(void);
void serve_cache_free(ServeCache *c);

/* The data files of the folder dirfd (at most SERVE_MAX_FILES, sorted by
 * name), each validated with the session's schemas, or taken from cache
 * when neither it nor a file it names changed; in r's arena. *n receives
 * their number. STATUS_IO when the folder cannot be read. */
#define SERVE_MAX_FILES 500
Status serve_list(Session *s, Run *r, int dirfd, const char *dir, ServeCache *cache,
                  ServeFile **files, int *n);

/* Reads the data file name of the folder (a plain file, never a link)
 * and validates it; fills f. The Diags are on r (whose file is name).
 * STATUS_IO when it cannot be read. */
Status serve_examine(Session *s, Run *r, int dirfd, const char *dir, const char *name,
                     ServeFile *f);

/* Makes name (NAME.xml, see serve_name_ok) in the folder dirfd from the
 * template of kind (agenda, minutes, mission-letter, activity-report, as
 * copil new prints it), never over an existing file. Otherwise a sentence
 * for the user in *why: STATUS_USAGE for what the user can change (the
 * name taken or wrong, no kind), STATUS_IO for the rest. */
Status serve_create(Session *s, Run *r, int dirfd, const char *kind, const char *name,
                    const char **why);

/* Renders name (a data file of dir) in a child process running `self
 * render`, with time and memory limits: the PDF in r's arena on
 * STATUS_OK. Otherwise a French sentence for the user in *why (r's
 * arena): the problems of the file, a crash, a render too long. */
Status serve_render(Run *r, const char *self, const char *dir, const char *name, int public_copy,
                    char **pdf, size_t *len, const char **why);

/* Runs self with args (NULL-terminated, args[0] the command: "render",
 * "mail") in a child process with the limits of a render (memory,
 * processor time, 90 s of wall time): what it writes on stdout goes into
 * ob (at most out_max bytes, else ob->failed), on stderr into eb.
 * *status receives its wait status, *timed_out 1 when it was stopped for
 * its wall time. -1 when it could not start. */
int serve_child(const char *self, char *const *args, Buf *ob, size_t out_max, Buf *eb, int *status,
                int *timed_out);

/* --- sending (send.c) --------------------------------------------------- */

/* How the user's mail leaves: the settings of their configuration file,
 * $XDG_CONFIG_HOME/copil/mail.conf (else ~/.config/copil/mail.conf), lines
 * of NAME = VALUE. Never a password: copil mail reads it from ~/.netrc or
 * COPIL_SMTP_PASSWORD. */
typedef struct ServeMailConfig {
    const char *folder, *path;        /* where the file is, or would be */
    const char *smtp;                 /* smtp://HOST:PORT (STARTTLS) or smtps:// */
    const char *user, *cacert, *from; /* or NULL */
} ServeMailConfig;

/* Reads the configuration file: STATUS_OK; STATUS_USAGE when there is
 * none (c->path says where to write it); STATUS_INVALID when it cannot be
 * used, with the reason (its line) in *why. */
Status serve_mail_config(Run *r, ServeMailConfig *c, const char **why);

/* The mail plan of name (a data file of dir), as `copil mail FILE` prints
 * it (run as self, in a child process): who gets which copy; nothing is
 * sent. It renders the PDFs beside the file when they are missing or out
 * of date, as copil mail does. The plan in *plan (r's arena), or a
 * sentence in *why. */
Status serve_mail_plan(Run *r, const char *self, const char *dir, const char *name,
                       const char **plan, const char **why);

/* A draft message, as copil mail --eml writes it. */
typedef struct ServeEml {
    const char *name; /* 01-minutes-membres-du-comite.eml */
    char *data;
    size_t len;
} ServeEml;

/* The drafts of name (a valid data file of dir), made by copil mail --eml
 * in a child process in a private temporary folder, then removed: *n of
 * them in *emls (r's arena), sorted by name. Otherwise a sentence in
 * *why. */
Status serve_mail_eml(Run *r, const char *self, const char *dir, const char *name, ServeEml **emls,
                      int *n, const char **why);

/* Sends name (a valid data file of dir) with copil mail --send and the
 * settings c, in a child process: what copil mail printed in *report, its
 * exit status in *code (0 sent, 1 an address refused, 3 the server cannot
 * be reached or refused the login: copil help mail). STATUS_INVALID with
 * *why when it did not end. */
Status serve_mail_send(Run *r, const char *self, const char *dir, const char *name,
                       const ServeMailConfig *c, const char **report, int *code, const char **why);

/* --- the form (form.c) -------------------------------------------------- */

/* The namespace of the form's notes in its input (s:problem, s:attr…). */
#define SERVE_NS "urn:copil:serve"

/* The bytes of name in dir (a plain file, never a link), in r's arena, and
 * their SHA-256 in hex (65 bytes): what a form or a confirmation carries
 * back, to tell that the file did not change since. STATUS_IO when it
 * cannot be read. */
Status serve_read_file(Run *r, const char *dir, const char *name, char **data, size_t *len,
                       char *hash);

/* The form of f (a data file of dir that parses), with the problems of
 * problems beside their fields: an HTML fragment appended to b; hash
 * receives the SHA-256 of the file as read (65 bytes), which the form
 * carries back. files (n of them, as serve_list gives them) are the
 * folder's, among which a meeting's previous one is chosen.
 * STATUS_INVALID when the file is not XML. */
Status serve_form(Session *s, Run *r, const char *dir, const ServeFile *f, const ServeFile *files,
                  int n, const Run *problems, Buf *b, char *hash);

/* A posted field: its name (e:PATH, a:PATH:ATTR, p:PATH) and value. */
typedef struct ServeField {
    const char *name, *value;
} ServeField;

/* What a save did. */
typedef struct ServeSaved {
    int changed;         /* values written */
    int unknown;         /* fields that named nothing the form shows */
    int conflict;        /* the file changed on the disk since the form
                          * was made: nothing written */
    const char *changes; /* then, a line per value that differs between the
                          * disk and what was typed; NULL when the file is
                          * no longer XML */
    const char *at;      /* after an operation, the path of the group to
                          * show (NULL: the top) */
} ServeSaved;

/* Writes the values of the n fields into name (a data file of dir), when
 * base is still the SHA-256 of the file; each value only when it differs
 * from the file's (folded), so that an unchanged form writes nothing.
 * Then op, the button pressed, when it is not "save": add:PATH (a copy of
 * the group at PATH after it, its values emptied, a new id), remove:PATH,
 * up:PATH, down:PATH (among its siblings of its name), new:PATH:NAME (a
 * NAME in the element at PATH, made from the schemas of s with what they
 * require; for a meeting's record, a draft: serve/record.h, the field
 * "previous" naming the previous meeting). An attribute the file does not
 * have is added when typed; an optional one emptied is removed. The file is
 * replaced atomically. STATUS_IO when it cannot be read or written (a
 * Diag on r). */
Status serve_save(Session *s, Run *r, const char *dir, const char *name, const char *base,
                  const ServeField *fields, int n, const char *op, ServeSaved *out);

/* --- running text in a text area (text.c) ------------------------------ */

/* s with its white space folded (runs made one space, none at the ends),
 * in a. */
char *serve_folded(Arena *a, const char *s);

/* The running text of e (paragraphs, bulleted and numbered lists) as the
 * text area shows it: a blank line between blocks, "- " or "1. " before a
 * list's entries. NULL when e holds what the text area could not give back
 * as it is (inline markup, a nested list, a comment, a paragraph that
 * begins as a list's line); the form's notes (SERVE_NS) are skipped. */
char *serve_text_of(Arena *a, const xmlNode *e);

/* Typed text v in the form serve_text_of gives (so that the two compare). */
char *serve_text_posted(Arena *a, const char *v);

/* Replaces the content of e by the blocks of v (as serve_text_posted gives
 * them): <p>, <ul> and <ol> with their <li>, indented as e's first element
 * was. */
void serve_set_text(Arena *a, xmlNode *e, const char *v);

/* --- the pages (pages.c) ------------------------------------------------ */

/* Appends s with &, <, >, " and ' escaped. */
void html_text(Buf *b, const char *s);
/* Appends the formatted text, escaped. */
void html_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as it is (markup). */
void html_raw(Buf *b, const char *s);
/* Appends s percent-encoded, for a query's value. */
void url_append(Buf *b, const char *s);

/* The home page: the files of the folder, and the form that starts a new
 * one (why: what was wrong with the last try, or NULL). */
void page_home(Buf *b, const char *dir, const ServeFile *files, int n, const char *why);
/* A file's page: its state, its problems, its documents. */
void page_file(Buf *b, const ServeFile *f, Run *r);
/* The form's page: f's state, "saved" when it was just saved, and the
 * form (HTML made by serve_form). */
void page_edit(Buf *b, const ServeFile *f, int saved, const char *form);
/* The mail page of f: plan as copil mail printed it, its n drafts to
 * download (n < 0: none could be made, eml_why says why), and how to send
 * from the browser (cfg_st as serve_mail_config returned it). */
void page_mail(Buf *b, const ServeFile *f, const char *plan, const ServeEml *emls, int n,
               const char *eml_why, Status cfg_st, const ServeMailConfig *cfg, const char *cfg_why);
/* The page that asks to confirm a sending: the plan, the server's
 * settings (never a password), a form carrying hash (the file's) back. */
void page_send(Buf *b, const ServeFile *f, const char *plan, const ServeMailConfig *cfg,
               const char *hash);
/* What a sending did: copil mail's report, and its exit status code. */
void page_sent(Buf *b, const ServeFile *f, const char *report, int code);
/* The page of a save refused because the file changed on the disk: what
 * differs, a line each (changes may be NULL). */
void page_conflict(Buf *b, const char *name, const char *changes);
/* A page that says what went wrong (title and sentence, in the user's
 * language already). */
void page_error(Buf *b, const char *title, const char *why);

#endif
