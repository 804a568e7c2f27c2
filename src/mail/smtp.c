/*
 * mail/smtp.c — sending with libcurl: smtp:// with STARTTLS required, or
 * smtps://; the certificate is always verified; the password comes from the
 * caller (the environment) or from ~/.netrc, never from the command line.
 *
 * One easy handle lives as long as the MailServer, so that libcurl keeps the
 * connection open from one message to the next. Each message goes to one
 * envelope recipient: a refused address then costs only that address, and
 * the caller knows exactly who got what.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "mail/mail.h"
#include "core/i18n.h"

struct MailServer {
    CURL *curl;
    char error[CURL_ERROR_SIZE];
};

typedef struct Reader {
    const unsigned char *data;
    size_t len, at;
} Reader;

static size_t
read_message(char *buf, size_t size, size_t nitems, void *closure)
{
    Reader *rd = closure;
    size_t room = size * nitems, left = rd->len - rd->at;
    size_t n = left < room ? left : room;
    memcpy(buf, rd->data + rd->at, n);
    rd->at += n;
    return n;
}

static void
say(char *why, size_t whylen, const char *fmt, const char *arg)
{
    if (why && whylen)
        snprintf(why, whylen, fmt, arg);
}

/* The next token of a ~/.netrc at *p: a word, or a "quoted" one with \
 * escapes; into tok (at most size - 1 bytes). 0 at the end. */
static int
netrc_token(const char **p, char *tok, size_t size)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (!*s)
        return 0;
    size_t n = 0;
    if (*s == '"') {
        for (s++; *s && *s != '"'; s++) {
            if (*s == '\\' && s[1])
                s++;
            if (n + 1 < size)
                tok[n++] = *s;
        }
        if (*s == '"')
            s++;
    } else {
        for (; *s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r'; s++)
            if (n + 1 < size)
                tok[n++] = *s;
    }
    tok[n] = '\0';
    *p = s;
    return 1;
}

/* The password ~/.netrc gives user at the host of url (its "machine HOST"
 * entry with that login, else a "default" one), malloc'd; NULL when none.
 * libcurl 7.88 finds it only when it also takes the login from there: with
 * --user, copil looks it up itself. */
static char *
netrc_password(const char *url, const char *user)
{
    const char *home = getenv("HOME");
    char *host = NULL, *found = NULL, path[4096];
    CURLU *u = curl_url();
    if (!home || !u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
        (size_t)snprintf(path, sizeof path, "%s/.netrc", home) >= sizeof path)
        goto out;
    FILE *f = fopen(path, "r");
    char text[65536];
    size_t len = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[len] = '\0';
    char tok[1024], login[1024] = "", password[1024] = "";
    int entry = 0; /* 1 in the host's entry, 2 in the default one */
    const char *p = text;
    for (int more = 1; more && !found;) {
        more = netrc_token(&p, tok, sizeof tok);
        if (!more || !strcmp(tok, "machine") || !strcmp(tok, "default")) {
            if (entry && !strcmp(login, user) && *password)
                found = strdup(password);
            *login = *password = '\0';
            entry = 0;
            if (more && !strcmp(tok, "default"))
                entry = 2;
            else if (more && netrc_token(&p, tok, sizeof tok))
                entry = !strcasecmp(tok, host);
        } else if (!strcmp(tok, "login")) {
            netrc_token(&p, login, sizeof login);
        } else if (!strcmp(tok, "password")) {
            netrc_token(&p, password, sizeof password);
        } else if (!strcmp(tok, "macdef")) {
            const char *blank = strstr(p, "\n\n");
            p = blank ? blank : p + strlen(p);
        }
    }
    explicit_bzero(text, sizeof text);
    explicit_bzero(password, sizeof password);
out:
    curl_free(host);
    curl_url_cleanup(u);
    return found;
}

int
mail_smtp_url(const char *url)
{
    return !strncmp(url, "smtp://", 7) || !strncmp(url, "smtps://", 8);
}

MailServer *
mail_server_new(const MailServerOptions *o, char *why, size_t whylen)
{
    static int global;
    if (!mail_smtp_url(o->url)) {
        say(why, whylen, _("%s is not an smtp:// or smtps:// address"), o->url);
        return NULL;
    }
    if (!global) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            say(why, whylen, "%s", _("libcurl could not start"));
            return NULL;
        }
        global = 1;
    }
    MailServer *s = calloc(1, sizeof(*s));
    if (!s || !(s->curl = curl_easy_init())) {
        free(s);
        say(why, whylen, "%s", _("out of memory"));
        return NULL;
    }
    CURL *c = s->curl;
    curl_easy_setopt(c, CURLOPT_URL, o->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (o->cacert)
        curl_easy_setopt(c, CURLOPT_CAINFO, o->cacert);
    if (o->user)
        curl_easy_setopt(c, CURLOPT_USERNAME, o->user);
    char *netrc = !o->password && o->user ? netrc_password(o->url, o->user) : NULL;
    if (o->password || netrc)
        curl_easy_setopt(c, CURLOPT_PASSWORD, o->password ? o->password : netrc);
    else
        curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (netrc) { /* libcurl keeps its own copy */
        explicit_bzero(netrc, strlen(netrc));
        free(netrc);
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->timeout > 0 ? o->timeout : 30L);
    /* Slower than 1 byte/s for that long is a server gone silent. */
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->timeout > 0 ? o->timeout : 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->error);
    return s;
}

void
mail_server_free(MailServer *s)
{
    if (!s)
        return;
    curl_easy_cleanup(s->curl);
    free(s);
}

MailSent
mail_send(MailServer *s, const char *from, const char *rcpt, const unsigned char *msg, size_t len,
          char *why, size_t whylen)
{
    char from_b[512], rcpt_b[512];
    Reader rd = {msg, len, 0};
    struct curl_slist *to = NULL;
    MailSent result = MAIL_FAILED;

    if (why && whylen)
        why[0] = '\0';
    snprintf(from_b, sizeof from_b, "<%s>", from);
    snprintf(rcpt_b, sizeof rcpt_b, "<%s>", rcpt);
    to = curl_slist_append(NULL, rcpt_b);
    if (!to) {
        say(why, whylen, "%s", _("out of memory"));
        return MAIL_FAILED;
    }
    CURL *c = s->curl;
    s->error[0] = '\0';
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_b);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, to);
    curl_easy_setopt(c, CURLOPT_READDATA, &rd);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    const char *detail = s->error[0] ? s->error : curl_easy_strerror(rc);

    if (rc == CURLE_OK) {
        result = MAIL_SENT;
    } else if (rc == CURLE_SEND_ERROR && code >= 500 && code < 600 &&
               !strncmp(s->error, "RCPT", 4)) {
        /* libcurl says "RCPT failed: 550" when the server refuses the address. */
        result = MAIL_REFUSED;
        if (why && whylen)
            snprintf(why, whylen, _("the server refused this address (%ld)"), code);
    } else if (rc == CURLE_LOGIN_DENIED) {
        say(why, whylen,
            _("the server refused the user name or password (%s); copil reads the password "
              "from COPIL_SMTP_PASSWORD or ~/.netrc"),
            detail);
    } else if (rc == CURLE_USE_SSL_FAILED) {
        say(why, whylen,
            _("the server does not offer STARTTLS, and copil never sends in clear (%s)"), detail);
    } else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
        say(why, whylen, _("the server's certificate could not be trusted (%s)"), detail);
    } else if (rc == CURLE_SSL_CONNECT_ERROR) {
        say(why, whylen, _("no secure (TLS) connection could be made with the server (%s)"),
            detail);
    } else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST) {
        say(why, whylen, _("the server cannot be reached (%s)"), detail);
    } else {
        if (why && whylen)
            snprintf(why, whylen,
                     code ? _("the server did not take the message (%s)")
                          : _("the server did not take the message (%s; the connection was lost)"),
                     detail);
    }
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
    curl_easy_setopt(c, CURLOPT_READDATA, NULL);
    curl_slist_free_all(to);
    return result;
}
