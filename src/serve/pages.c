/*
 * serve/pages.c — the HTML pages of copil serve, written as text.
 *
 * Every value from a file or a request goes through html_text, which
 * escapes it; markup is only ever the literal strings of this file. The
 * pages work without JavaScript and without anything from outside the
 * server (the style sheet is /style.css). Words are in the user's language
 * through the catalogue, as copil's messages are.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "serve/serve.h"

void
html_raw(Buf *b, const char *s)
{
    buf_append(b, s, (unsigned)strlen(s));
}

void
html_text(Buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&':
            html_raw(b, "&amp;");
            break;
        case '<':
            html_raw(b, "&lt;");
            break;
        case '>':
            html_raw(b, "&gt;");
            break;
        case '"':
            html_raw(b, "&quot;");
            break;
        case '\'':
            html_raw(b, "&#39;");
            break;
        default:
            buf_append(b, p, 1);
        }
    }
}

void
html_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = arena_vprintf(b->a, fmt, ap);
    va_end(ap);
    if (s)
        html_text(b, s);
    else
        b->failed = 1;
}

/* A query value percent-encoded: a file name may hold spaces, accents, &
 * or #. */
void
url_append(Buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.') {
            buf_append(b, (const char *)p, 1);
        } else {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            buf_append(b, e, 3);
        }
    }
}

static void
head(Buf *b, const char *title)
{
    html_raw(b, "<!DOCTYPE html>\n<html lang=\"");
    /* TRANSLATORS: the language of copil serve's pages, as an HTML lang
     * attribute: "fr" in French. */
    html_text(b, _("en"));
    html_raw(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>");
    html_text(b, title);
    html_raw(b, " — ");
    html_text(b, _("Steering committee documents"));
    html_raw(b, "</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n"
                "<a class=\"skip\" href=\"#main\">");
    html_text(b, _("Go to the content"));
    html_raw(b, "</a>\n<header class=\"bar\"><p class=\"brand\"><a href=\"/\">");
    html_text(b, _("Steering committee documents"));
    html_raw(b, "</a></p></header>\n<main id=\"main\">\n");
}

static void
foot(Buf *b)
{
    html_raw(b, "</main>\n<footer class=\"foot\"><p>copil " COPIL_VERSION " — ");
    html_text(b, _("this server answers only on this computer, to the person who started it"));
    html_raw(b, "</p></footer>\n</body>\n</html>\n");
}

/* The heading of a group of files, by kind. */
static const char *
group_title(DocKind kind)
{
    switch (kind) {
    case DOC_MEETING:
        return _("Meetings: agendas and minutes");
    case DOC_MISSION_LETTER:
        return _("Mission letters");
    case DOC_ACTIVITY_REPORT:
        return _("Activity reports");
    default:
        return _("Files to correct before anything else");
    }
}

/* "8 octobre 2026" style dates would need the document's own words; the
 * list shows the date as written, day first. */
static void
date_cell(Buf *b, const char *iso)
{
    int y, m, d;
    if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
        html_printf(b, "%02d/%02d/%04d", d, m, y);
    else if (iso)
        html_text(b, iso);
}

/* The state of f, as short phrases. */
static void
state_cell(Buf *b, const ServeFile *f)
{
    if (f->problems) {
        html_raw(b, "<span class=\"tag bad\">");
        html_printf(b, ngettext("to correct (%u problem)", "to correct (%u problems)", f->problems),
                    f->problems);
        html_raw(b, "</span>");
        return;
    }
    html_raw(b, "<span class=\"tag ok\">");
    html_text(b, _("valid"));
    html_raw(b, "</span>");
    if (f->pdf) {
        html_raw(b, f->pdf == 2 ? " <span class=\"tag ok\">" : " <span class=\"tag old\">");
        html_text(b, f->pdf == 2 ? _("PDF up to date") : _("PDF out of date"));
        html_raw(b, "</span>");
    }
    if (f->signed_pdf) {
        html_raw(b, " <span class=\"tag ok\">");
        html_text(b, _("signed"));
        html_raw(b, "</span>");
    }
    if (f->sent) {
        time_t t = (time_t)f->sent;
        struct tm tm;
        char day[32] = "";
        if (localtime_r(&t, &tm))
            strftime(day, sizeof day, "%d/%m/%Y", &tm);
        html_raw(b, " <span class=\"tag ok\">");
        html_printf(b,
                    ngettext("sent on %s (%u address)", "sent on %s (%u addresses)", f->recipients),
                    day, f->recipients);
        html_raw(b, "</span>");
    }
}

static void
file_link(Buf *b, const char *name)
{
    html_raw(b, "<a href=\"/file?f=");
    url_append(b, name);
    html_raw(b, "\">");
    html_text(b, name);
    html_raw(b, "</a>");
}

/* The form that starts a new file from a template. */
static void
new_form(Buf *b, const char *why)
{
    html_raw(b, "<section aria-labelledby=\"new\" class=\"new\">\n<h2 id=\"new\">");
    html_text(b, _("A new document"));
    html_raw(b, "</h2>\n");
    if (why) {
        html_raw(b, "<p class=\"error\" id=\"new-error\" role=\"alert\">");
        html_text(b, why);
        html_raw(b, "</p>\n");
    }
    html_raw(b,
             "<form method=\"post\" action=\"/new\">\n<div class=\"field\"><label for=\"kind\">");
    html_text(b, _("Kind"));
    html_raw(b, "</label><select id=\"kind\" name=\"kind\">");
    for (int i = 0; i < RENDER_NKINDS; i++) {
        if (!render_kinds[i].typed)
            continue; /* made by copil, from no template */
        html_raw(b, "<option value=\"");
        html_text(b, render_kinds[i].name);
        html_raw(b, "\">");
        html_text(b, _(render_kinds[i].title));
        html_raw(b, "</option>");
    }
    html_raw(b, "</select></div>\n<div class=\"field\"><label for=\"name\">");
    html_text(b, _("File name"));
    html_raw(b, "</label><span class=\"hint\" id=\"name-hint\">");
    html_text(b, _("letters, digits and dashes, such as college-2026-t2; .xml is added"));
    html_raw(b, "</span><input id=\"name\" name=\"name\" type=\"text\" required "
                "aria-describedby=\"name-hint\"></div>\n<p><button type=\"submit\" "
                "class=\"button\">");
    html_text(b, _("Create from the template"));
    html_raw(b, "</button></p>\n</form>\n</section>\n");
}

void
page_home(Buf *b, const char *dir, const ServeFile *files, int n, const char *why)
{
    head(b, _("Home"));
    html_raw(b, "<h1>");
    html_text(b, _("Steering committee documents"));
    html_raw(b, "</h1>\n<p class=\"lead\">");
    html_text(b, _("The data files of the folder"));
    html_raw(b, " <code>");
    html_text(b, dir);
    html_raw(b, "</code>.</p>\n");
    if (n == 0) {
        html_raw(b, "<p>");
        html_text(b, _("This folder holds no data file yet (NAME.xml). Create one with copil new, "
                       "or start copil serve in the folder that holds yours."));
        html_raw(b, "</p>\n");
    }
    static const DocKind order[] = {DOC_MEETING, DOC_MISSION_LETTER, DOC_ACTIVITY_REPORT,
                                    DOC_UNKNOWN};
    for (size_t g = 0; g < sizeof order / sizeof order[0]; g++) {
        int any = 0;
        for (int i = 0; i < n; i++)
            any |= files[i].kind == order[g] ||
                   (order[g] == DOC_UNKNOWN && !render_data_typed(files[i].kind));
        if (!any)
            continue;
        html_raw(b, "<section>\n<h2>");
        html_text(b, group_title(order[g]));
        html_raw(b, "</h2>\n<table>\n<thead><tr><th scope=\"col\">");
        html_text(b, _("File"));
        html_raw(b, "</th><th scope=\"col\">");
        html_text(b, _("School year"));
        html_raw(b, "</th><th scope=\"col\">");
        html_text(b, _("Date"));
        html_raw(b, "</th><th scope=\"col\">");
        html_text(b, _("Document"));
        html_raw(b, "</th><th scope=\"col\">");
        html_text(b, _("State"));
        html_raw(b, "</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < n; i++) {
            const ServeFile *f = &files[i];
            if (render_data_typed(f->kind) ? f->kind != order[g] : order[g] != DOC_UNKNOWN)
                continue;
            html_raw(b, "<tr><th scope=\"row\">");
            file_link(b, f->name);
            html_raw(b, "</th><td>");
            if (f->year)
                html_text(b, f->year);
            html_raw(b, "</td><td>");
            date_cell(b, f->date);
            html_raw(b, "</td><td>");
            if (f->makes)
                html_text(b, _(f->makes->title));
            html_raw(b, "</td><td>");
            state_cell(b, f);
            html_raw(b, "</td></tr>\n");
        }
        html_raw(b, "</tbody>\n</table>\n</section>\n");
    }
    new_form(b, why);
    foot(b);
}

/* A link to the PDF of f, full or public copy, to see or to download. */
static void
pdf_link(Buf *b, const ServeFile *f, int public_copy, int download, const char *label)
{
    html_raw(b, "<a class=\"button\" href=\"/pdf?f=");
    url_append(b, f->name);
    if (public_copy)
        html_raw(b, "&amp;copy=public");
    if (download)
        html_raw(b, "&amp;download=1");
    html_raw(b, "\">");
    html_text(b, label);
    html_raw(b, "</a>");
}

/* The top of a file's pages: the path back home (through the file's page
 * when linked), its document's name, the file with its date, year and
 * state. */
static void
file_header(Buf *b, const ServeFile *f, int linked)
{
    head(b, f->name);
    html_raw(b, "<p class=\"crumbs\"><a href=\"/\">");
    html_text(b, _("Home"));
    html_raw(b, "</a> › ");
    if (linked) {
        html_raw(b, "<a href=\"/file?f=");
        url_append(b, f->name);
        html_raw(b, "\">");
    }
    html_text(b, f->name);
    html_raw(b, linked ? "</a></p>\n<h1>" : "</p>\n<h1>");
    html_text(b, f->makes ? _(f->makes->title) : f->name);
    html_raw(b, "</h1>\n<p class=\"lead\"><code>");
    html_text(b, f->name);
    html_raw(b, "</code>");
    if (f->date) {
        html_raw(b, " · ");
        date_cell(b, f->date);
    }
    if (f->year) {
        html_raw(b, " · ");
        html_printf(b, _("school year %s"), f->year);
    }
    html_raw(b, " ");
    state_cell(b, f);
    html_raw(b, "</p>\n");
}

void
page_file(Buf *b, const ServeFile *f, Run *r)
{
    file_header(b, f, 0);
    if (f->problems) {
        html_raw(b,
                 "<section class=\"problems\" aria-labelledby=\"problems\">\n<h2 id=\"problems\">");
        html_printf(b, ngettext("%u problem to correct", "%u problems to correct", f->problems),
                    f->problems);
        html_raw(b, "</h2>\n<p>");
        html_text(b, _("The document can be made once these are corrected in the file; each "
                       "one names its line."));
        html_raw(b, "</p>\n<ol>\n");
    }
    Diag **sorted = run_sorted_diags(r);
    int listed = 0;
    for (int i = 0; sorted && sorted[i]; i++) {
        const Diag *d = sorted[i];
        if (!listed && !f->problems) {
            html_raw(b, "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">");
            html_text(b, _("Remarks"));
            html_raw(b, "</h2>\n<ol>\n");
        }
        listed = 1;
        html_raw(b, d->level == DIAG_ERROR ? "<li class=\"error\">" : "<li>");
        if (d->line > 0) {
            html_raw(b, "<strong>");
            html_printf(b, _("Line %ld"), d->line);
            html_raw(b, "</strong> — ");
        }
        html_text(b, d->message);
        html_raw(b, "</li>\n");
    }
    if (listed || f->problems)
        html_raw(b, "</ol>\n</section>\n");
    if (render_data_typed(f->kind)) { /* a form: a file people type */
        html_raw(b, "<p class=\"actions\"><a class=\"button\" href=\"/edit?f=");
        url_append(b, f->name);
        html_raw(b, "\">");
        html_text(b, f->problems ? _("Correct it in the form") : _("Change it in the form"));
        html_raw(b, "</a></p>\n");
    }
    if (!f->problems && f->makes) {
        html_raw(b, "<section aria-labelledby=\"docs\">\n<h2 id=\"docs\">");
        html_text(b, _("The document"));
        html_raw(b, "</h2>\n<p class=\"actions\">");
        pdf_link(b, f, 0, 0, _("See the full copy"));
        html_raw(b, " ");
        pdf_link(b, f, 0, 1, _("Download the full copy"));
        if (f->kind == DOC_MEETING) {
            html_raw(b, " ");
            pdf_link(b, f, 1, 0, _("See the public copy"));
            html_raw(b, " ");
            pdf_link(b, f, 1, 1, _("Download the public copy"));
        }
        html_raw(b, " <a class=\"button\" href=\"/mail?f=");
        url_append(b, f->name);
        html_raw(b, "\">");
        html_text(b, _("See who gets it"));
        html_raw(b, "</a></p>\n<p class=\"hint\">");
        html_text(b, _("The document is made from the file as it is saved on the disk, each time "
                       "you open it."));
        html_raw(b, "</p>\n</section>\n");
    }
    foot(b);
}

void
page_error(Buf *b, const char *title, const char *why)
{
    head(b, title);
    html_raw(b, "<h1>");
    html_text(b, title);
    html_raw(b, "</h1>\n<div class=\"notice\"><p>");
    /* why may hold several lines (copil render's messages): one per line */
    for (const char *p = why; *p;) {
        size_t n = strcspn(p, "\n");
        char *line = arena_strndup(b->a, p, n);
        if (line)
            html_text(b, line);
        p += n;
        if (*p == '\n') {
            p++;
            if (*p)
                html_raw(b, "<br>");
        }
    }
    html_raw(b, "</p></div>\n<p><a href=\"/\">");
    html_text(b, _("Back to the list of files"));
    html_raw(b, "</a></p>\n");
    foot(b);
}

void
page_edit(Buf *b, const ServeFile *f, int saved, const char *form)
{
    file_header(b, f, 1);
    if (saved) {
        html_raw(b, "<div class=\"notice\" role=\"status\"><p>");
        if (f->problems)
            html_printf(b,
                        ngettext("Saved. The file still has %u problem to correct, shown below.",
                                 "Saved. The file still has %u problems to correct, shown below.",
                                 f->problems),
                        f->problems);
        else
            html_text(b, _("Saved. The file is valid."));
        html_raw(b, "</p></div>\n");
    }
    html_raw(b, form);
    if (!f->problems && f->makes) {
        /* The document as the file now makes it: rendered again at each
         * showing, so after each save. */
        html_raw(b, "<section aria-labelledby=\"preview\" class=\"preview\">\n<h2 id=\"preview\">");
        html_text(b, _("Preview"));
        html_raw(b, "</h2>\n<iframe src=\"/pdf?f=");
        url_append(b, f->name);
        html_raw(b, "\" title=\"");
        html_printf(b, _("Preview of %s"), f->name);
        html_raw(b, "\"></iframe>\n<p class=\"actions\">");
        pdf_link(b, f, 0, 1, _("Download the full copy"));
        if (f->kind == DOC_MEETING) {
            html_raw(b, " ");
            pdf_link(b, f, 1, 0, _("See the public copy"));
        }
        html_raw(b, "</p>\n</section>\n");
    }
    foot(b);
}

void
page_conflict(Buf *b, const char *name, const char *changes)
{
    head(b, _("The file changed"));
    html_raw(b, "<h1>");
    html_text(b, _("The file changed on the disk"));
    html_raw(b, "</h1>\n<div class=\"notice\"><p>");
    html_text(b, _("Since this form was opened, the file was changed elsewhere (in another tab, "
                   "or in a text editor). Nothing was saved, so that neither change is lost."));
    html_raw(b, "</p></div>\n");
    if (changes && *changes) {
        html_raw(b, "<h2>");
        html_text(b, _("What you typed that differs from the file as it is now"));
        html_raw(b, "</h2>\n<ul>\n");
        for (const char *p = changes; *p;) {
            size_t n = strcspn(p, "\n");
            char *line = arena_strndup(b->a, p, n);
            html_raw(b, "<li>");
            if (line)
                html_text(b, line);
            html_raw(b, "</li>\n");
            p += n;
            if (*p)
                p++;
        }
        html_raw(b, "</ul>\n");
    }
    html_raw(b, "<p class=\"actions\"><a class=\"button\" href=\"/edit?f=");
    url_append(b, name);
    html_raw(b, "\">");
    html_text(b, _("Open the form again, with the file as it is now"));
    html_raw(b, "</a></p>\n");
    foot(b);
}

/* Where the file's mail goes: the link to its page. */
static void
back_to_mail(Buf *b, const ServeFile *f)
{
    html_raw(b, "<p><a href=\"/mail?f=");
    url_append(b, f->name);
    html_raw(b, "\">");
    html_text(b, _("Back to who gets it"));
    html_raw(b, "</a></p>\n");
}

void
page_mail(Buf *b, const ServeFile *f, const char *plan, const ServeEml *emls, int n,
          const char *eml_why, Status cfg_st, const ServeMailConfig *cfg, const char *cfg_why)
{
    file_header(b, f, 1);
    html_raw(b, "<h2>");
    html_text(b, _("Who gets it"));
    html_raw(b, "</h2>\n<p>");
    html_text(b, _("The distribution list of the file, as copil mail reads it: each group, the "
                   "copy it gets (full or public) and its addresses. Nothing is sent from this "
                   "page; the PDFs are written beside the file when they are missing or out of "
                   "date."));
    html_raw(b, "</p>\n<pre class=\"plan\">");
    html_text(b, plan);
    html_raw(b, "</pre>\n<h2>");
    html_text(b, _("Drafts to open in your mail client"));
    html_raw(b, "</h2>\n");
    if (n < 0) {
        html_raw(b, "<p>");
        html_text(b, eml_why ? eml_why : _("The drafts cannot be made."));
        html_raw(b, "</p>\n");
    } else if (n == 0) {
        html_raw(b, "<p>");
        html_text(b, _("No group of the list has an address: there is nothing to send."));
        html_raw(b, "</p>\n");
    } else {
        html_raw(b, "<p>");
        html_text(b, _("One message per group, its copy attached, ready to check and send from "
                       "Thunderbird or Outlook (open the file, then send it):"));
        html_raw(b, "</p>\n<ul class=\"documents\">\n");
        for (int i = 0; i < n; i++) {
            html_raw(b, "<li><a href=\"/eml?f=");
            url_append(b, f->name);
            html_raw(b, "&amp;m=");
            url_append(b, emls[i].name);
            html_raw(b, "\" download>");
            html_text(b, emls[i].name);
            html_raw(b, "</a></li>\n");
        }
        html_raw(b, "</ul>\n");
    }
    html_raw(b, "<h2>");
    html_text(b, _("Send from here"));
    html_raw(b, "</h2>\n");
    if (cfg_st == STATUS_OK && n > 0) {
        html_raw(b, "<p>");
        html_printf(b,
                    _("Through the school's mail server %s. You will see the plan again and "
                      "confirm before anything leaves."),
                    cfg->smtp);
        html_raw(b, "</p>\n<p><a class=\"button\" href=\"/send?f=");
        url_append(b, f->name);
        html_raw(b, "\">");
        html_text(b, _("Send…"));
        html_raw(b, "</a></p>\n");
    } else if (cfg_st == STATUS_INVALID) {
        html_raw(b, "<div class=\"notice bad\"><p>");
        html_printf(b, _("The mail settings in %s cannot be used: %s"), cfg->path, cfg_why);
        html_raw(b, "</p></div>\n");
    } else if (n > 0) {
        html_raw(b, "<p>");
        html_printf(b,
                    _("To send from this page, write the school's mail server in %s, for "
                      "example:"),
                    cfg->path ? cfg->path : "~/.config/copil/mail.conf");
        html_raw(b, "</p>\n<pre class=\"plan\">smtp = smtps://smtp.ac-orleans-tours.fr:465\n"
                    "user = ce.0370012a\n</pre>\n<p class=\"hint\">");
        html_text(b, _("The password is never written there: put it in ~/.netrc (machine "
                       "smtp.ac-orleans-tours.fr login ce.0370012a password …), a file only you "
                       "can read."));
        html_raw(b, "</p>\n");
    }
    foot(b);
}

/* A setting of the mail server as a term and its value, when it has one. */
static void
setting(Buf *b, const char *label, const char *value)
{
    if (!value)
        return;
    html_raw(b, "<dt>");
    html_text(b, label);
    html_raw(b, "</dt><dd>");
    html_text(b, value);
    html_raw(b, "</dd>");
}

void
page_send(Buf *b, const ServeFile *f, const char *plan, const ServeMailConfig *cfg,
          const char *hash)
{
    file_header(b, f, 1);
    html_raw(b, "<h2>");
    html_text(b, _("Confirm the sending"));
    html_raw(b, "</h2>\n<p>");
    html_text(b, _("These messages will leave as soon as you confirm: each group below gets its "
                   "copy, from this file as it is now."));
    html_raw(b, "</p>\n<pre class=\"plan\">");
    html_text(b, plan);
    html_raw(b, "</pre>\n<dl class=\"settings\">");
    setting(b, _("Mail server"), cfg->smtp);
    setting(b, _("User name"), cfg->user);
    setting(b, _("Sender"), cfg->from);
    html_raw(b, "</dl>\n<form method=\"post\" action=\"/send\"><input type=\"hidden\" "
                "name=\"f\" value=\"");
    html_text(b, f->name);
    html_raw(b, "\"><input type=\"hidden\" name=\"base\" value=\"");
    html_text(b, hash);
    html_raw(b, "\"><p><button type=\"submit\" class=\"button\">");
    html_text(b, _("Send now"));
    html_raw(b, "</button></p></form>\n");
    back_to_mail(b, f);
    foot(b);
}

void
page_sent(Buf *b, const ServeFile *f, const char *report, int code)
{
    file_header(b, f, 1);
    html_raw(b, code == 0 ? "<div class=\"notice\" role=\"status\"><p>"
                          : "<div class=\"notice bad\" role=\"alert\"><p>");
    html_text(b, code == 0 ? _("Sent. Each address the server accepted is in the send log "
                               "beside the PDF: sending again sends nothing twice.")
                 : code == 1
                     ? _("Some addresses were refused (see below); the others were sent. Correct "
                         "them in the file, then send again: only what is missing leaves.")
                     : _("The mail server could not be reached, or refused the login; what was "
                         "accepted before is in the send log. Check the settings and the "
                         "password in ~/.netrc, then send again: only what is missing leaves."));
    html_raw(b, "</p></div>\n<pre class=\"plan\">");
    html_text(b, report);
    html_raw(b, "</pre>\n");
    back_to_mail(b, f);
    foot(b);
}
