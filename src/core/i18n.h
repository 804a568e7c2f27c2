/*
 * core/i18n.h — the words a user reads, in the user's language.
 *
 * English is the source and the C locale's language; po/fr.po holds the
 * French. Every string a user reads goes through _() (or N_() where it sits in
 * a static table and _() is applied where it is printed), so that xgettext
 * finds it. Only LC_MESSAGES follows the environment: numbers, collation and
 * character classes stay C's, so a document's bytes never depend on the
 * user's locale (DESIGN.md, reproducible bytes).
 */
#ifndef COPIL_CORE_I18N_H
#define COPIL_CORE_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s)  gettext(s)
#define N_(s) s

/* Chooses the messages' language from LC_ALL, LC_MESSAGES, LANG and LANGUAGE
 * and binds copil's catalogue: the one beside an uninstalled binary
 * (build/locale/), else the installed one (PREFIX/share/locale). Translations
 * are always returned in UTF-8. Call once, before any message is made. */
void i18n_init(void);

/* Returns the translation of s in the context ctx (msgctxt in the catalogue),
 * or s itself when there is none. For words that are the same in English but
 * not in French, or that must be told apart. */
const char *i18n_pgettext(const char *ctx, const char *s) __attribute__((format_arg(2)));
#define P_(ctx, s) i18n_pgettext(ctx, s)

/* Returns the language the messages are printed in, as the catalogue says it:
 * "fr" when the French catalogue is in use, "en" otherwise. Used to choose the
 * schemas' texts (xs:appinfo xml:lang) and the mail plan's words. */
const char *i18n_language(void);

/* Writes a number with one decimal in the user's form ("71.7" or "71,7") to
 * buf. Never depends on LC_NUMERIC. */
void i18n_decimal(char *buf, size_t bufsize, double value);

/* Writes a whole number with its thousands separated in the user's form
 * ("12,000" or "12 000" with a narrow no-break space) to buf. */
void i18n_thousands(char *buf, size_t bufsize, double value);

#endif
