/*
 * mail/message.c — one message with GMime: encoded headers (RFC 2047), the
 * PDF in base64 with an RFC 2231 file name, quoted-printable French text,
 * CRLF line ends; and its Message-ID, a digest of what it carries.
 *
 * GMime objects are reference-counted GObjects: each function unrefs what it
 * made before returning, on every path.
 */
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "mail/mail.h"
#include "core/i18n.h"

/* GMime keeps global tables: initialised once per process, left to exit. */
static void
init_once(void)
{
    static int done;
    if (!done) {
        g_mime_init();
        done = 1;
    }
}

const char *
mail_message_id(Run *r, const MailPlan *p, const MailGroup *g, const char *subject,
                const char *body, const unsigned char *pdf, size_t len)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    if (!c)
        return NULL;
    /* Each part ends with a NUL, so that no two different plans read alike. */
    const char *parts[] = {p->document,
                           g->label,
                           g->kind,
                           g->copy == MAIL_PUBLIC ? "public" : "",
                           g->bcc ? "bcc" : "to",
                           p->from ? p->from : "",
                           subject,
                           body};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        g_checksum_update(c, (const guchar *)parts[i], (gssize)strlen(parts[i]) + 1);
    for (int i = 0; i < g->nto; i++)
        g_checksum_update(c, (const guchar *)g->to[i], (gssize)strlen(g->to[i]) + 1);
    g_checksum_update(c, pdf, (gssize)len);
    const char *hex = g_checksum_get_string(c);
    const char *at = p->from ? strrchr(p->from, '@') : NULL;
    const char *id = arena_printf(&r->arena, "copil.%s.%.32s@%s", p->document, hex,
                                  at && at[1] ? at + 1 : "copil.invalid");
    g_checksum_free(c);
    return id;
}

static void
add_address(InternetAddressList *list, const char *addr)
{
    InternetAddress *a = internet_address_mailbox_new(NULL, addr);
    internet_address_list_add(list, a);
    g_object_unref(a);
}

Status
mail_format(Run *r, const MailMessage *m, int draft, unsigned char **out, size_t *len)
{
    Status st = STATUS_IO;
    GMimeMessage *msg = NULL;
    GMimeMultipart *mixed = NULL;
    GMimeTextPart *text = NULL;
    GMimePart *att = NULL;
    GMimeStream *pdf = NULL, *sink = NULL;
    GMimeDataWrapper *content = NULL;
    GMimeFormatOptions *fo = NULL;
    GDateTime *date = NULL;
    const MailGroup *g = m->group;

    *out = NULL;
    *len = 0;
    init_once();
    msg = g_mime_message_new(FALSE);
    if (!msg)
        goto out;

    g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name, m->from);
    InternetAddressList *to = g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO);
    /* A hidden group of one is no secret to its only member. */
    if (g->bcc && g->nto > 1) {
        InternetAddress *label = internet_address_group_new(g->label);
        internet_address_list_add(to, label);
        g_object_unref(label);
        if (draft) {
            InternetAddressList *bcc = g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_BCC);
            for (int i = 0; i < g->nto; i++)
                add_address(bcc, g->to[i]);
        }
    } else {
        for (int i = 0; i < g->nto; i++)
            add_address(to, g->to[i]);
    }
    g_mime_message_set_subject(msg, m->subject, "utf-8");
    if (m->date >= 0) {
        date = g_date_time_new_from_unix_utc(m->date);
        if (!date)
            goto out;
        g_mime_message_set_date(msg, date);
    }
    g_mime_message_set_message_id(msg, m->message_id);
    GMimeObject *top = GMIME_OBJECT(msg);
    g_mime_object_set_header(top, "MIME-Version", "1.0", NULL);
    if (draft)
        g_mime_object_set_header(top, "X-Unsent", "1", NULL);
    g_mime_object_set_header(top, "Auto-Submitted", "auto-generated", NULL);

    text = g_mime_text_part_new_with_subtype("plain");
    g_mime_text_part_set_text(text, m->body);
    g_mime_text_part_set_charset(text, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

    att = g_mime_part_new_with_type("application", "pdf");
    pdf = g_mime_stream_mem_new_with_buffer((const char *)m->pdf, m->pdf_len);
    content = g_mime_data_wrapper_new_with_stream(pdf, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(att, content);
    g_mime_part_set_filename(att, m->filename);
    g_mime_part_set_content_encoding(att, GMIME_CONTENT_ENCODING_BASE64);

    mixed = g_mime_multipart_new_with_subtype("mixed");
    /* The same message gives the same bytes: a boundary made from its id
     * rather than GMime's random one. "=-" never occurs in base64 or in
     * quoted-printable text, so the parts cannot contain it. */
    char boundary[96];
    size_t k = strcspn(m->message_id, "@");
    snprintf(boundary, sizeof boundary, "=-%.*s", (int)(k < 64 ? k : 64), m->message_id);
    g_mime_multipart_set_boundary(mixed, boundary);
    g_mime_multipart_add(mixed, GMIME_OBJECT(text));
    g_mime_multipart_add(mixed, GMIME_OBJECT(att));
    g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));

    fo = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
    sink = g_mime_stream_mem_new();
    if (g_mime_object_write_to_stream(top, fo, sink) < 0) {
        run_diag(r, DIAG_ERROR, 0, 0, _("the message could not be written (out of memory?)"));
        goto out;
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink));
    *out = malloc(bytes->len ? bytes->len : 1);
    if (!*out) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while writing the message"));
        goto out;
    }
    memcpy(*out, bytes->data, bytes->len);
    *len = bytes->len;
    st = STATUS_OK;
out:
    if (fo)
        g_mime_format_options_free(fo);
    if (date)
        g_date_time_unref(date);
    if (sink)
        g_object_unref(sink);
    if (content)
        g_object_unref(content);
    if (pdf)
        g_object_unref(pdf);
    if (att)
        g_object_unref(att);
    if (text)
        g_object_unref(text);
    if (mixed)
        g_object_unref(mixed);
    if (msg)
        g_object_unref(msg);
    return st;
}
