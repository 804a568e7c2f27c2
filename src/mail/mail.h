/*
 * mail/mail.h — a rendered document → e-mail messages → an SMTP server.
 *
 * The plan comes from the data file through stylesheets/mail.xsl: who gets
 * the document (one group per message, with the copy it gets, full or public,
 * and whether its addresses are hidden), the sender, and the values of the
 * {{placeholders}} of the message templates in stylesheets/mail/. Messages are
 * made with GMime (encoded headers, RFC 2231 file names, base64, CRLF) and sent
 * with libcurl, one SMTP transaction per recipient, so that the send log knows
 * exactly who got what and a re-run sends only what is missing.
 *
 * Nothing here prints: problems are Diags on the run, or a reason returned.
 */
#ifndef COPIL_MAIL_MAIL_H
#define COPIL_MAIL_MAIL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "core/run.h"

#define MAIL_NS "urn:copil:mail"

typedef enum MailCopy { MAIL_FULL, MAIL_PUBLIC } MailCopy;

typedef struct MailValue {
    const char *name, *text;
} MailValue;

/* One message: a group of recipients of the distribution list. */
typedef struct MailGroup {
    const char *label; /* as printed in the minutes, e.g. "Ensemble des personnels" */
    const char *kind;  /* participants, personnels, parents… */
    MailCopy copy;
    int bcc;         /* addresses hidden from one another */
    const char **to; /* the addresses as sent, without duplicates */
    int nto;
    MailValue *values; /* the group's own values, before the document's: the */
    int nvalues;       /* salutation of an appointee whose civility is known */
} MailGroup;

typedef struct MailPlan {
    const char *document;         /* agenda, minutes, mission-letter, activity-report */
    const char *from, *from_name; /* NULL when the data gives no mailbox; from as sent */
    MailValue *values;
    int nvalues;
    MailGroup *groups;
    int ngroups;
} MailPlan;

/* Reads the plan of the document `name` from what mail.xsl made of a data
 * file; everything is allocated in r's arena. STATUS_INVALID when the data
 * makes no such document (a meeting without its record has no minutes);
 * STATUS_IO, said under the stylesheet's name, when the result is not a
 * plan or holds something that is not an e-mail address (validate_email).
 * Addresses are kept as sent: an internationalised domain as A-labels
 * (jean@académie.fr → jean@xn--acadmie-eya.fr), the same form for the plan
 * printed, the send log, the headers and the envelope. */
Status mail_plan_read(Run *r, xmlDocPtr made, const char *name, MailPlan *out);

/* Fills a message template (the bytes of stylesheets/mail/DOCUMENT.txt, named
 * path in messages) for group g: lines starting with "#" are notes and go;
 * the first line "Objet : …" is the subject; a line starting with "[public] "
 * or "[complet] " is kept only in the messages carrying that copy; {{name}}
 * is replaced by the plan's value, or {{groupe}} by the group's label. An
 * unknown placeholder or a missing subject is an error at its line in path
 * (STATUS_IO: copil's own data is wrong). *subject and *body are in r's
 * arena, the body with LF line ends. */
Status mail_template_fill(Run *r, const char *path, const char *text, size_t len, const MailPlan *p,
                          const MailGroup *g, const char **subject, const char **body);

/* One message as it will be written or sent. */
typedef struct MailMessage {
    const char *from, *from_name;
    const MailGroup *group;
    const char *subject, *body;
    const char *filename; /* the attachment's name, e.g. college-2026-t1-minutes.pdf */
    const unsigned char *pdf;
    size_t pdf_len;
    const char *message_id; /* without <> */
    long long date;         /* seconds since the epoch; < 0: no Date header */
} MailMessage;

/* The Message-ID of a group's message: the same document, group and words
 * always give the same id, so that a re-run is recognised by the send log
 * and by mail clients; a changed PDF or wording gives another. In r's arena;
 * NULL when out of memory. */
const char *mail_message_id(Run *r, const MailPlan *p, const MailGroup *g, const char *subject,
                            const char *body, const unsigned char *pdf, size_t len);

/* Writes m as an RFC 5322 message with CRLF line ends into *out (malloc'd).
 * draft: a file for a mail client (--eml): hidden addresses are in a Bcc
 * header and X-Unsent marks it unsent. Otherwise (SMTP) no Bcc header is
 * written: the addresses go only in the envelope. A hidden group shows its
 * label as an empty group ("Parents d'élèves:;") in To. */
Status mail_format(Run *r, const MailMessage *m, int draft, unsigned char **out, size_t *len);

/* --- SMTP (mail/smtp.c) --- */

typedef struct MailServer MailServer;

/* 1 when url is one copil sends through: smtp:// (STARTTLS) or smtps://. */
int mail_smtp_url(const char *url);

typedef struct MailServerOptions {
    const char *url;      /* smtp://host[:port] (STARTTLS required) or smtps://host[:port] */
    const char *user;     /* NULL: from ~/.netrc, or no authentication */
    const char *password; /* NULL: from ~/.netrc, or no authentication */
    const char *cacert;   /* a PEM file of trusted authorities; NULL: the system's */
    long timeout;         /* seconds without progress before giving up */
} MailServerOptions;

typedef enum MailSent {
    MAIL_SENT,    /* the server accepted the message for this recipient */
    MAIL_REFUSED, /* the server refused this address (5xx to RCPT): the others may go */
    MAIL_FAILED   /* no server, lost connection, TLS or login refused: stop */
} MailSent;

/* A connection to the server, opened on the first send and kept for the
 * next ones. NULL when out of memory or the URL is not smtp:// or smtps://
 * (*why says which). */
MailServer *mail_server_new(const MailServerOptions *o, char *why, size_t whylen);
void mail_server_free(MailServer *s);

/* Sends msg to rcpt alone (one envelope recipient), from the address from.
 * On anything but MAIL_SENT, why holds the server's answer or the reason in
 * words. */
MailSent mail_send(MailServer *s, const char *from, const char *rcpt, const unsigned char *msg,
                   size_t len, char *why, size_t whylen);

/* --- the send log (mail/log.c) --- */

typedef struct MailLog MailLog;

/* Opens the send log at path, reading what an earlier run recorded (a
 * missing file is an empty log). STATUS_IO when it cannot be read or is not
 * a send log. */
Status mail_log_open(Run *r, const char *path, MailLog **out);
void mail_log_close(MailLog *l);

/* 1 when an earlier run sent the file (its name: the full or the public
 * copy) to rcpt, whatever version of it: a corrected data file never sends
 * the document again to those who had it. */
int mail_log_has(const MailLog *l, const char *file, const char *rcpt);

/* Records that the server accepted message_id for rcpt: one line appended
 * and flushed to the disk before returning, so that a crash right after
 * never sends it again. -1 with errno on failure. */
int mail_log_add(MailLog *l, const char *message_id, const char *rcpt, const char *group,
                 const char *file);

#endif
