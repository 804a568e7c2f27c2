/*
 * pdf/metadata.c — what PDF/A-2 and PDF/UA-1 ask of the file as a whole.
 *
 * Cairo 1.16 writes an Info dictionary and nothing else about the file. This
 * pass, run by pdf_finish once the catalog is set, adds:
 *   - a ModDate equal to the CreationDate (the document is made once);
 *   - an XMP metadata stream that says the same as the Info dictionary
 *     (title, author, subject, keywords, creator tool, producer, both dates
 *     with their zone), the language, and the two claims: pdfaid part 2,
 *     conformance U, and pdfuaid part 1, with the extension schema PDF/A-2
 *     requires for pdfuaid, which is not one of its predefined schemas;
 *   - an output intent with the sRGB profile of color/ (compiled in);
 *   - /CIDToGIDMap /Identity on CIDFontType2 fonts (Cairo's CIDs are glyph
 *     ids and it leaves the entry to its default; PDF/A wants it written);
 *   - no /Interpolate true on images (PDF/A forbids it).
 * Everything comes from the file itself: no clock, no random id, so the
 * same input still gives the same bytes.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "pdf/internal.h"
#include "srgb-icc.h"
#include "core/i18n.h"

/* --- the XMP packet ----------------------------------------------------- */

/* Appends s, escaped for XML text and attributes; characters XML 1.0 cannot
 * hold (C0 controls but tab and newline) are left out. */
static void
put_escaped(Buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '&')
            buf_append(b, "&amp;", 5);
        else if (c == '<')
            buf_append(b, "&lt;", 4);
        else if (c == '>')
            buf_append(b, "&gt;", 4);
        else if (c == '"')
            buf_append(b, "&quot;", 6);
        else if (c >= 0x20 || c == '\t' || c == '\n')
            buf_append(b, (const char *)&c, 1);
    }
}

static void
put(Buf *b, const char *s)
{
    buf_append(b, s, (unsigned)strlen(s));
}

/* "<tag>value</tag>" when value is not empty, with a wrapper such as
 * rdf:Alt for dc's language alternatives. */
static void
put_property(Buf *b, const char *tag, const char *wrap, const char *value)
{
    if (!value || !*value)
        return;
    put(b, "   <");
    put(b, tag);
    put(b, ">");
    if (wrap) {
        put(b, "<rdf:");
        put(b, wrap);
        put(b, !strcmp(wrap, "Alt") ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
    }
    put_escaped(b, value);
    if (wrap) {
        put(b, "</rdf:li></rdf:");
        put(b, wrap);
        put(b, ">");
    }
    put(b, "</");
    put(b, tag);
    put(b, ">\n");
}

/* A PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (or "Z") as XMP's ISO 8601, into out
 * (32 bytes); "" when it is not one. Only the complete, zoned form Cairo
 * writes from render's creation date is accepted: XMP dates must be zoned. */
static void
xmp_date(const char *pdf, char *out)
{
    int y, mo, d, h, mi, s, n = 0;
    out[0] = '\0';
    if (!pdf || strncmp(pdf, "D:", 2) != 0 ||
        sscanf(pdf + 2, "%4d%2d%2d%2d%2d%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || n != 14)
        return;
    const char *z = pdf + 2 + 14;
    int zh, zm;
    if (!strcmp(z, "Z"))
        snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    else if ((*z == '+' || *z == '-') && sscanf(z + 1, "%2d'%2d", &zh, &zm) == 2)
        snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s, *z, zh,
                 zm);
}

/* The Info dictionary's key as UTF-8, or NULL. */
static const char *
info(PdfFile *f, PdfObj *dict, const char *key)
{
    return pdf_utf8(f, pdf_key(f, dict, key));
}

static const char xmp_head[] =
    "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
    "   <dc:format>application/pdf</dc:format>\n";

static const char xmp_tail[] =
    "   <pdfaid:part>2</pdfaid:part>\n"
    "   <pdfaid:conformance>U</pdfaid:conformance>\n"
    "   <pdfuaid:part>1</pdfuaid:part>\n"
    "  </rdf:Description>\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Part of ISO 14289 the file conforms "
    "to</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n"
    "<?xpacket end=\"w\"?>";

/* The catalog's /Metadata: the Info dictionary's values, as they are once
 * the catalog pass has set the Producer and the "D:" dates. */
static void
xmp(Run *r, PdfFile *f, const char *lang)
{
    PdfObj *dict = pdf_key(f, f->trailer, "Info");
    if (!dict || dict->kind != PDF_DICT)
        return;
    char created[32], modified[32];
    PdfObj *date = pdf_key(f, dict, "CreationDate");
    const char *c = info(f, dict, "CreationDate");
    if (date && date->kind == PDF_STRING)
        pdf_set(f, dict, "ModDate", pdf_new_bytes(f, date->s, date->len));
    xmp_date(c, created);
    xmp_date(c, modified);

    Buf b;
    buf_init(&b, &r->arena);
    put(&b, xmp_head);
    put_property(&b, "dc:title", "Alt", info(f, dict, "Title"));
    put_property(&b, "dc:creator", "Seq", info(f, dict, "Author"));
    put_property(&b, "dc:description", "Alt", info(f, dict, "Subject"));
    put_property(&b, "dc:language", "Bag", lang);
    put_property(&b, "xmp:CreatorTool", NULL, info(f, dict, "Creator"));
    put_property(&b, "xmp:CreateDate", NULL, created);
    put_property(&b, "xmp:ModifyDate", NULL, modified);
    put_property(&b, "pdf:Producer", NULL, info(f, dict, "Producer"));
    put_property(&b, "pdf:Keywords", NULL, info(f, dict, "Keywords"));
    put(&b, xmp_tail);
    if (b.failed || !b.s) {
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while writing the PDF's metadata"));
        return;
    }

    /* Uncompressed, as PDF/A wants it: the writer leaves a metadata stream
     * as it is. */
    PdfObj *st = pdf_new_stream(f, pdf_parse(f, "<< /Type /Metadata /Subtype /XML >>"), b.s, b.len);
    pdf_set(f, pdf_key(f, f->trailer, "Root"), "Metadata", pdf_new_ref(f, pdf_add(f, st)));
}

/* --- output intent, fonts, images --------------------------------------- */

static void
output_intent(PdfFile *f)
{
    PdfObj *icc = pdf_new_stream(f, pdf_parse(f, "<< /N 3 >>"), srgb_icc, sizeof srgb_icc);
    PdfObj *intent = pdf_parse(f, "<< /Type /OutputIntent /S /GTS_PDFA1"
                                  " /OutputConditionIdentifier (sRGB IEC61966-2.1)"
                                  " /Info (sRGB IEC61966-2.1)"
                                  " /RegistryName (http://www.color.org) >>");
    pdf_set(f, intent, "DestOutputProfile", pdf_new_ref(f, pdf_add(f, icc)));
    PdfObj *list = pdf_new_array(f);
    pdf_push(f, list, pdf_new_ref(f, pdf_add(f, intent)));
    pdf_set(f, pdf_key(f, f->trailer, "Root"), "OutputIntents", list);
}

/* Every object Cairo wrote (ids 1 to the trailer's /Size - 1, generation
 * 0): fonts and images are shared between pages and may sit in form
 * XObjects, so they are found by type, not by walking resources. */
static void
fonts_and_images(PdfFile *f)
{
    PdfObj *size = pdf_key(f, f->trailer, "Size");
    int n = size && size->kind == PDF_INT && size->i < f->size ? (int)size->i : f->size;
    for (int id = 1; id < n; id++) {
        PdfObj *o = pdf_get(f, id);
        if (!o || (o->kind != PDF_DICT && o->kind != PDF_STREAM))
            continue;
        if (pdf_key_is(f, o, "Type", "Font") && pdf_key_is(f, o, "Subtype", "CIDFontType2") &&
            !pdf_key_raw(o, "CIDToGIDMap"))
            pdf_set(f, o, "CIDToGIDMap", pdf_new_name(f, "Identity"));
        if (o->kind == PDF_STREAM && pdf_key_is(f, o, "Subtype", "Image") &&
            pdf_key_raw(o, "Interpolate"))
            pdf_set(f, o, "Interpolate", NULL);
    }
}

void
pdf_conformance(Run *r, PdfFile *f, const char *lang)
{
    xmp(r, f, lang);
    output_intent(f);
    fonts_and_images(f);
}
