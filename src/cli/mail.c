/*
 * cli/mail.c — `copil mail FILE [--kind K] [--from ADDR] [--eml DIR]
 *               [--send --smtp URL [--user NAME] [--cacert FILE]]`.
 *
 * The data file is validated; stylesheets/mail.xsl says who gets the
 * document (one message per group of its distribution list) and
 * stylesheets/mail/KIND.txt what the message says. The PDFs are the ones
 * `copil render` writes beside the file, taken as they are when signed or
 * newer than the data and the files it names, else rendered again. Without
 * --eml or --send, only the plan is printed. Sending goes one address at a
 * time, each acceptance recorded in the send log beside the PDF before the
 * next, so that a re-run after a failure sends only what is missing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "core/file.h"
#include "mail/mail.h"
#include "pdf/finish.h"
#include "core/i18n.h"

#define TEMPLATE_LIMIT (256u << 10)
#define PDF_LIMIT      (64u << 20)

typedef struct MailOptions {
    const char *input, *kind, *from, *eml, *smtp, *user, *cacert;
    int send, quiet;
} MailOptions;

/* One copy of the document (full or public) and where it comes from. */
typedef struct Copy {
    int needed;
    const char *path;
    const char *how; /* for the plan: "rendered now", "up to date"… */
    int rendered;    /* rendered now and written beside the input */
    char *data;
    size_t len;
} Copy;

/* One message: a group, its words, its bytes. */
typedef struct Message {
    const MailGroup *group;
    const char *subject, *body, *id, *filename;
    Copy *copy;
} Message;

/* --- the PDFs ---------------------------------------------------------------- */

/* Makes c's PDF ready: the one beside the input when it is signed or newer
 * than the inputs, else rendered now and written there as `copil render`
 * would. */
static Status
prepare_copy(Session *s, Run *r, const MailOptions *o, const RenderKind *doc, xmlDocPtr data,
             DocKind kind, int public_copy, Copy *c)
{
    struct stat sb, in;
    RenderRequest req = {.input = o->input,
                         .data = data,
                         .data_kind = kind,
                         .kind = doc->name,
                         .public_copy = public_copy};
    RenderResult made = {0};
    Status st;

    c->path = render_default_output(r, o->input, NULL, doc, public_copy);
    if (!c->path)
        return STATUS_IO;
    render_newest_input(o->input, data, kind, &in);
    if (stat(c->path, &sb) == 0 && S_ISREG(sb.st_mode)) {
        int err = file_load(c->path, O_NOFOLLOW, PDF_LIMIT, &r->arena, &c->data, &c->len);
        if (err) {
            run_diag(r, DIAG_ERROR, 0, 0, _("%s cannot be read: %s"), c->path, file_why(err));
            return STATUS_IO;
        }
        if (pdf_is_signed((const unsigned char *)c->data, c->len)) {
            c->how = _("signed, sent as it is");
            return STATUS_OK;
        }
        if (render_newer(&sb, &in)) {
            c->how = _("up to date");
            return STATUS_OK;
        }
    }
    st = render_document(s, r, &req, &made);
    if (st != STATUS_OK)
        goto out;
    st = file_atomic_save(r, c->path, made.pdf, made.len);
    if (st != STATUS_OK)
        goto out;
    c->data = arena_alloc(&r->arena, made.len ? made.len : 1);
    if (!c->data) {
        st = STATUS_IO;
        goto out;
    }
    memcpy(c->data, made.pdf, made.len);
    c->len = made.len;
    c->how = _("rendered now");
    c->rendered = 1;
out:
    free(made.pdf);
    return st;
}

/* --- printing ------------------------------------------------------------------ */

static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void
print_plan(const char *input, const MailPlan *p, const Message *m, int nm, const Copy copies[2],
           const MailLog *log)
{
    char size[32];
    /* What was written on the disk comes first: the user may not expect a
     * mail command to write PDFs. */
    int nr = copies[0].needed && copies[0].rendered;
    int both = nr && copies[1].needed && copies[1].rendered;
    if (!nr && copies[1].needed && copies[1].rendered)
        nr = 2;
    if (both)
        printf(_("Rendered now and written beside the data file: %s and %s\n\n"), copies[0].path,
               copies[1].path);
    else if (nr)
        printf(_("Rendered now and written beside the data file: %s\n\n"),
               nr == 2 ? copies[1].path : copies[0].path);
    if (!strcmp(p->document, "agenda"))
        printf(_("agenda of %s\n"), input);
    else if (!strcmp(p->document, "minutes"))
        printf(_("minutes of %s\n"), input);
    else if (!strcmp(p->document, "mission-letter"))
        printf(_("mission-letter of %s\n"), input);
    else if (!strcmp(p->document, "activity-report"))
        printf(_("activity-report of %s\n"), input);
    else
        printf("%s of %s\n", p->document, input);
    if (p->from_name)
        printf(_("  from: %s <%s>\n"), p->from_name, p->from);
    else
        printf(_("  from: %s\n"), p->from);
    for (int k = 0; k < 2; k++)
        if (copies[k].needed) {
            file_format_size(size, sizeof size, copies[k].len);
            printf(k ? _("  public copy: %s (%s, %s)\n") : _("  full copy: %s (%s, %s)\n"),
                   copies[k].path, size, copies[k].how);
        }
    for (int i = 0; i < nm; i++) {
        const MailGroup *g = m[i].group;
        printf(g->copy == MAIL_PUBLIC ? _("\n%d. %s (%s): public copy, ")
                                      : _("\n%d. %s (%s): full copy, "),
               i + 1, g->label, g->kind);
        if (!g->nto) {
            printf(_("no address: nothing to send\n"));
            continue;
        }
        if (g->nto < 2)
            printf(_("1 address\n"));
        else
            printf(g->bcc ? ngettext("%d address, hidden from one another (Bcc)\n",
                                     "%d addresses, hidden from one another (Bcc)\n",
                                     (unsigned long)g->nto)
                          : ngettext("%d address, visible to all (To)\n",
                                     "%d addresses, visible to all (To)\n", (unsigned long)g->nto),
                   g->nto);
        printf(_("   Subject: %s\n"), m[i].subject);
        for (int j = 0; j < g->nto; j++)
            printf("   %s%s\n", g->to[j],
                   log && mail_log_has(log, m[i].filename, g->to[j]) ? _(" (sent before)") : "");
    }
}

/* --- .eml files ------------------------------------------------------------------ */

/* "Parents d'élèves (publication)" → "parents-d-eleves-publication"-ish: ASCII
 * letters and digits kept, the rest folded into single dashes; at most
 * SLUG_MAX bytes, cut at a dash so that no word is cut in two, nor ends on
 * the letter of an elision (a single word longer than that is cut where it
 * must). */
#define SLUG_MAX 40

static const char *
slug(Arena *a, const char *s)
{
    /* U+00C0 to U+00FF (second byte after 0xC3) in lower-case ASCII. */
    static const char latin[] = "aaaaaaaceeeeiiiidnooooo-ouuuuy-saaaaaaaceeeeiiiidnooooo-ouuuuy-y";
    size_t n = strlen(s);
    char *o = arena_alloc(a, n + 1);
    size_t k = 0;
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            o[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            o[k++] = (char)(c - 'A' + 'a');
        else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] < 0xC0 && latin[(unsigned char)s[i + 1] - 0x80] != '-')
            o[k++] = latin[(unsigned char)s[++i] - 0x80]; /* é → e, ç → c */
        else if (c < 0x80 || (c & 0xC0) == 0xC0)          /* one dash per character, not per byte */
            if (k && o[k - 1] != '-')
                o[k++] = '-';
    }
    while (k && o[k - 1] == '-')
        k--;
    if (k > SLUG_MAX) {
        size_t cut = SLUG_MAX;
        while (cut > 0 && o[cut] != '-')
            cut--;
        k = cut ? cut : SLUG_MAX;
        /* Nor ends on an elided article: "…-et-d" (d’éducation). */
        if (k >= 2 && o[k - 2] == '-')
            k -= 2;
    }
    o[k] = '\0';
    return o;
}

/* --- the command ---------------------------------------------------------------- */

/* When a message says it was written: SOURCE_DATE_EPOCH, else for a message
 * on the wire the moment it leaves; a draft gets its date when the mail
 * client sends it (-1: no Date). The PDFs never depend on this. */
static long long
message_date(Run *r, int sending)
{
    long long t;
    if (render_source_date(
            r, sending ? _("the messages are dated when sent") : _("the drafts have no date"), &t))
        return t;
    return sending ? (long long)time(NULL) : -1;
}

static int
parse_options(int argc, char **argv, MailOptions *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const struct {
            const char *name, **slot, *what;
        } takes[] = {
            {"--kind", &o->kind, N_("agenda, minutes, mission-letter or activity-report")},
            {"--from", &o->from, N_("an e-mail address")},
            {"--eml", &o->eml, N_("a folder")},
            {"--smtp", &o->smtp, N_("smtp://host:port or smtps://host:port")},
            {"--user", &o->user, N_("a user name")},
            {"--cacert", &o->cacert, N_("a PEM file")},
        };
        size_t k = 0;
        while (k < sizeof takes / sizeof *takes && strcmp(a, takes[k].name))
            k++;
        if (k < sizeof takes / sizeof *takes) {
            if (!(*takes[k].slot = cli_option_value("mail", argc, argv, &i, _(takes[k].what))))
                return STATUS_USAGE;
        } else if (!strcmp(a, "--send")) {
            o->send = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            return -1;
        } else if (!strncmp(a, "--password", 10) || !strcmp(a, "-p")) {
            fprintf(stderr, _("copil mail: error: copil never takes a password on the command line "
                              "(other users can read it there); set COPIL_SMTP_PASSWORD, or put "
                              "it in ~/.netrc\n"));
            return STATUS_USAGE;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("copil mail: error: unknown option %s; see copil help mail\n"), a);
            return STATUS_USAGE;
        } else if (o->input) {
            fprintf(stderr, _("copil mail: error: name one data file (%s and %s were given)\n"),
                    o->input, a);
            return STATUS_USAGE;
        } else {
            o->input = a;
        }
    }
    if (!o->input) {
        fprintf(stderr, _("copil mail: error: name the data file whose document to send\n"
                          "usage: copil mail FILE [--kind KIND] [--eml DIR | --send --smtp URL]; "
                          "see copil help mail\n"));
        return STATUS_USAGE;
    }
    if (o->send != (o->smtp != NULL)) {
        fputs(o->send ? _("copil mail: error: --send needs --smtp smtp://host:port (STARTTLS) or "
                          "smtps://host:port\n")
                      : _("copil mail: error: --smtp is for --send: without --send nothing is "
                          "sent\n"),
              stderr);
        return STATUS_USAGE;
    }
    if (o->from) {
        Arena tmp;
        arena_init(&tmp);
        const char *why = validate_email(&tmp, o->from, NULL, NULL);
        if (why) {
            /* as typed, but no control character reaches the terminal */
            /* TRANSLATORS: followed by the address as typed and "\" is not an
             * e-mail address: …". */
            fputs(_("copil mail: error: --from \""), stderr);
            for (const unsigned char *c = (const unsigned char *)o->from; *c; c++)
                fputc(*c < 0x20 || *c == 0x7f ? '?' : *c, stderr);
            fprintf(stderr, _("\" is not an e-mail address: %s\n"), why);
        }
        arena_free(&tmp);
        if (why)
            return STATUS_USAGE;
    }
    if (o->smtp && !mail_smtp_url(o->smtp)) {
        fprintf(stderr,
                _("copil mail: error: --smtp takes smtp://host:port (STARTTLS) or "
                  "smtps://host:port, not \"%s\"\n"),
                o->smtp);
        return STATUS_USAGE;
    }
    return STATUS_OK;
}

/* The bytes of message m: a draft for --eml, else as sent. */
static Status
format_message(Run *r, const MailPlan *p, const Message *m, long long date, int draft,
               unsigned char **bytes, size_t *len)
{
    MailMessage mm = {.from = p->from,
                      .from_name = p->from_name,
                      .group = m->group,
                      .subject = m->subject,
                      .body = m->body,
                      .filename = m->filename,
                      .pdf = (const unsigned char *)m->copy->data,
                      .pdf_len = m->copy->len,
                      .message_id = m->id,
                      .date = date};
    return mail_format(r, &mm, draft, bytes, len);
}

/* Sends every message to every address not in the log; prints the summary.
 * Returns the exit status. */
static Status
send_all(Run *r, const MailOptions *o, const MailPlan *p, const Message *m, int nm, MailLog *log,
         const char *log_path)
{
    char why[512], reason[512] = "";
    int sent = 0, before = 0, refused = 0, left = 0, stopped = 0;
    Status st = STATUS_OK;
    MailServerOptions so = {.url = o->smtp,
                            .user = o->user ? o->user : getenv("COPIL_SMTP_USER"),
                            .password = getenv("COPIL_SMTP_PASSWORD"),
                            .cacert = o->cacert,
                            .timeout = 30};
    if (so.password && !*so.password)
        so.password = NULL;
    MailServer *srv = mail_server_new(&so, why, sizeof why);
    if (!srv) {
        run_diag(r, DIAG_ERROR, 0, 0, _("cannot send: %s"), why);
        return STATUS_IO;
    }
    long long date = message_date(r, 1);
    for (int i = 0; i < nm; i++) {
        const MailGroup *g = m[i].group;
        if (!g->nto)
            continue;
        unsigned char *bytes = NULL;
        size_t len = 0;
        if (format_message(r, p, &m[i], date, 0, &bytes, &len) != STATUS_OK) {
            st = STATUS_IO;
            break;
        }
        for (int j = 0; j < g->nto; j++) {
            const char *to = g->to[j];
            if (mail_log_has(log, m[i].filename, to)) {
                before++;
                continue;
            }
            if (stopped) {
                left++;
                printf(_("  not sent  %s (%s)\n"), to, g->label);
                continue;
            }
            MailSent res = mail_send(srv, p->from, to, bytes, len, why, sizeof why);
            if (res == MAIL_SENT) {
                if (mail_log_add(log, m[i].id, to, g->label, m[i].filename) != 0) {
                    /* Sent, but not recorded: stop before anything goes twice. */
                    run_diag(r, DIAG_ERROR, 0, 0,
                             _("%s was sent to %s, but the send log %s cannot be written (%s): "
                               "stopping, so that nothing is sent twice"),
                             m[i].filename, to, log_path, strerror(errno));
                    sent++;
                    stopped = 1;
                    snprintf(reason, sizeof reason, "%s", _("the send log cannot be written"));
                    st = STATUS_IO;
                    continue;
                }
                sent++;
                if (!o->quiet)
                    printf(_("  sent      %s (%s)\n"), to, g->label);
            } else if (res == MAIL_REFUSED) {
                refused++;
                printf(_("  refused   %s (%s): %s\n"), to, g->label, why);
                if (st == STATUS_OK)
                    st = STATUS_INVALID;
            } else {
                left++;
                stopped = 1;
                snprintf(reason, sizeof reason, "%s", why);
                printf(_("  not sent  %s (%s): %s\n"), to, g->label, why);
                st = STATUS_IO;
            }
        }
        free(bytes);
    }
    mail_server_free(srv);
    printf(_("copil mail: %d sent now, %d sent before, %d refused, %d not sent; send log: %s\n"),
           sent, before, refused, left, log_path);
    if (refused)
        run_diag(r, DIAG_ERROR, 0, 0,
                 ngettext("%d address was refused by the server: correct it in the data file, "
                          "then run the same command again (only what is missing is sent)",
                          "%d addresses were refused by the server: correct them in the data "
                          "file, then run the same command again (only what is missing is sent)",
                          (unsigned long)refused),
                 refused);
    if (left && reason[0])
        run_diag(r, DIAG_ERROR, 0, 0,
                 ngettext("%d address was not reached: %s; run the same command again once it is "
                          "mended (what was sent is not sent again)",
                          "%d addresses were not reached: %s; run the same command again once it "
                          "is mended (what was sent is not sent again)",
                          (unsigned long)left),
                 left, reason);
    return st;
}

int
cli_mail(int argc, char **argv)
{
    MailOptions o = {0};
    Session session = {0};
    Run run;
    xmlDocPtr data = NULL, made = NULL;
    DocKind kind;
    MailPlan plan;
    MailLog *log = NULL;
    Copy copies[2] = {{0}, {0}};
    int opened = 0, code = parse_options(argc, argv, &o);
    if (code < 0)
        return cli_help(stdout, "mail");
    if (code != STATUS_OK)
        return code;

    run_init(&run, o.input);
    Status st = STATUS_IO;
    if (cli_session_open(&session) != STATUS_OK)
        goto out;
    opened = 1;
    if ((st = cli_session_fonts(&session)) != STATUS_OK)
        goto out;
    if ((st = validate_file(session.validator, &run, o.input, &data, &kind)) != STATUS_OK)
        goto out;
    st = STATUS_INVALID;
    const RenderKind *doc = render_kind_for(&run, data, kind, o.kind);
    if (!doc)
        goto out;
    if ((st = transform_apply_plain(session.transformer, &run, data, o.input, "mail", &made)) !=
        STATUS_OK)
        goto out;
    if ((st = mail_plan_read(&run, made, doc->name, &plan)) != STATUS_OK)
        goto out;
    /* Checked by parse_options; here put in the form sent, as the plan's. */
    if (o.from) {
        const char *wire = NULL;
        if (validate_email(&run.arena, o.from, NULL, &wire) != NULL || !wire) {
            st = STATUS_IO; /* it passed parse_options: only memory can fail it now */
            run_diag(&run, DIAG_ERROR, 0, 0, _("--from could not be read (out of memory)"));
            goto out;
        }
        plan.from = wire;
        plan.from_name = NULL;
    }
    int total = 0;
    for (int i = 0; i < plan.ngroups; i++)
        total += plan.groups[i].nto;
    st = STATUS_INVALID;
    if (!plan.from) {
        run_diag(&run, DIAG_ERROR, 0, 0,
                 _("no sender: give the establishment an <email> (its mailbox), or name one with "
                   "--from"));
        goto out;
    }
    if (!total) {
        run_diag(&run, DIAG_ERROR, 0, 0, _("no one to send the %s to: %s"), doc->name,
                 doc == &render_kinds[RENDER_AGENDA]
                     ? _("give the members an <email>")
                     : _("add a <distribution> with <group> and <address> "
                         "elements"));
        goto out;
    }

    /* The template, read from the data folder like the stylesheets. */
    const char *tpath =
        arena_printf(&run.arena, "%s/stylesheets/mail/%s.txt", session.datadir, doc->name);
    char *ttext = NULL;
    size_t tlen = 0;
    int err = tpath ? file_load(tpath, 0, TEMPLATE_LIMIT, &run.arena, &ttext, &tlen) : ENOMEM;
    if (err) {
        run_diag(&run, DIAG_ERROR, 0, 0,
                 _("the message template %s cannot be read: %s (is copil installed completely?)"),
                 tpath ? tpath : "", file_why(err));
        st = STATUS_IO;
        goto out;
    }

    /* The PDFs it takes or writes beside the file must be its own. */
    if (render_output_owned_by_sibling(&run, o.input, doc)) {
        st = STATUS_INVALID;
        goto out;
    }
    /* The copies the groups with addresses need. */
    for (int i = 0; i < plan.ngroups; i++)
        if (plan.groups[i].nto)
            copies[plan.groups[i].copy == MAIL_PUBLIC].needed = 1;
    for (int k = 0; k < 2; k++)
        if (copies[k].needed &&
            (st = prepare_copy(&session, &run, &o, doc, data, kind, k, &copies[k])) != STATUS_OK)
            goto out;
    for (int k = 0; k < 2; k++)
        if (!copies[k].needed)
            copies[k].path = render_default_output(&run, o.input, NULL, doc, k);

    Message *m =
        arena_alloc_array(&run.arena, (size_t)(plan.ngroups ? plan.ngroups : 1), sizeof(*m));
    if (!m) {
        st = STATUS_IO;
        goto out;
    }
    for (int i = 0; i < plan.ngroups; i++) {
        const MailGroup *g = &plan.groups[i];
        m[i].group = g;
        m[i].copy = &copies[g->copy == MAIL_PUBLIC];
        m[i].filename = base_name(m[i].copy->path);
        if ((st = mail_template_fill(&run, tpath, ttext, tlen, &plan, g, &m[i].subject,
                                     &m[i].body)) != STATUS_OK)
            goto out;
        m[i].id = mail_message_id(&run, &plan, g, m[i].subject, m[i].body,
                                  (const unsigned char *)m[i].copy->data, m[i].copy->len);
        if (!m[i].id) {
            st = STATUS_IO;
            goto out;
        }
    }

    /* The send log beside the full copy: NAME-KIND.pdf → NAME-KIND-mail.log. */
    const char *full = copies[0].path;
    const char *log_path = render_send_log(&run, full);
    if (!log_path || (st = mail_log_open(&run, log_path, &log)) != STATUS_OK) {
        st = STATUS_IO;
        goto out;
    }

    if (!o.quiet || (!o.eml && !o.send))
        print_plan(o.input, &plan, m, plan.ngroups, copies, log);

    if (o.eml) {
        if (file_make_dirs(o.eml) != 0) {
            run_diag(&run, DIAG_ERROR, 0, 0, _("cannot make the folder %s: %s"), o.eml,
                     strerror(errno));
            st = STATUS_IO;
            goto out;
        }
        long long date = message_date(&run, 0);
        int written = 0;
        for (int i = 0; i < plan.ngroups; i++) {
            const MailGroup *g = m[i].group;
            if (!g->nto)
                continue;
            unsigned char *bytes = NULL;
            size_t len = 0;
            const char *name = arena_printf(&run.arena, "%s/%02d-%s-%s.eml", o.eml, i + 1,
                                            doc->name, slug(&run.arena, g->label));
            st = name ? format_message(&run, &plan, &m[i], date, 1, &bytes, &len) : STATUS_IO;
            if (st == STATUS_OK)
                st = file_atomic_save(&run, name, bytes, len);
            free(bytes);
            if (st != STATUS_OK)
                goto out;
            written++;
            if (!o.quiet)
                printf(_("wrote %s\n"), name);
        }
        if (!o.quiet)
            printf(ngettext("copil mail: %d message written in %s; nothing was sent\n",
                            "copil mail: %d messages written in %s; nothing was sent\n",
                            (unsigned long)written),
                   written, o.eml);
    }
    if (o.send)
        st = send_all(&run, &o, &plan, m, plan.ngroups, log, log_path);
    else if (!o.eml && !o.quiet)
        printf(_("\nNothing was sent. --eml DIR writes these messages as files for a mail "
                 "client; --send --smtp URL sends them.\n"));
out:
    mail_log_close(log);
    cli_print_diags(&run);
    run_free(&run);
    if (opened)
        render_session_close(&session);
    return (int)st;
}
