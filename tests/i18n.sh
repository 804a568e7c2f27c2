# tests/i18n.sh — sourced by tests/run.sh (or alone: bash tests/one.sh i18n).
#
# The French catalogue is whole and well-formed, and copil chooses its
# language the usual way. A string marked for translation in the sources but
# missing (or fuzzy) in po/fr.po fails here, naming it; so does an entry of
# po/fr.po that the sources no longer have.
if ! command -v xgettext >/dev/null || ! locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; then
    fail "i18n: gettext's tools and the fr_FR.UTF-8 locale are needed (make deps)"
else
    if msg=$(msgfmt --check --check-format -o /dev/null po/fr.po 2>&1); then
        ok "po/fr.po passes msgfmt --check"
    else
        fail "po/fr.po: msgfmt --check" "$msg"
    fi
    make --no-print-directory -s pot XGETTEXT_OUT="$TMP/copil.pot" >"$TMP/pot.log" 2>&1 \
        || fail "make pot" "$(cat "$TMP/pot.log")"
    msgmerge --quiet --no-fuzzy-matching -o "$TMP/merged.po" po/fr.po "$TMP/copil.pot" 2>"$TMP/merge.log"
    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$TMP/merged.po" | grep '^msgid "' | grep -v '^msgid ""$')
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$TMP/merged.po" | grep '^msgid "' | grep -v '^msgid ""$')
    obsolete=$(msgattrib --only-obsolete --no-wrap "$TMP/merged.po" | grep '^#~ msgid "')
    [ -z "$untranslated" ] && ok "every marked string has its French" \
        || fail "strings without French in po/fr.po" "$untranslated"
    [ -z "$fuzzy" ] && ok "no fuzzy French" || fail "fuzzy entries in po/fr.po" "$fuzzy"
    [ -z "$obsolete" ] && ok "po/fr.po has nothing the sources lost" \
        || fail "po/fr.po entries the sources no longer have" "$obsolete"
    n=$(grep -c '^msgid "' "$TMP/copil.pot")
    [ "$n" -ge 2 ] && ok "xgettext finds $n strings" || fail "xgettext found only $n strings"

    # The language follows LC_ALL, then LC_MESSAGES, then LANG; LANGUAGE
    # orders the languages of a non-C locale.
    bad=tests/bad/date-month-13.xml
    lang_of() { # ENV... -> "fr" or "en" from the level word copil prints
        env -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" "$COPIL" validate -q "$bad" 2>&1 | grep -q ' erreur' && echo fr || echo en
    }
    [ "$(lang_of LANG=fr_FR.UTF-8)" = fr ] && ok "LANG=fr_FR.UTF-8 speaks French" || fail "LANG=fr_FR.UTF-8 is not French"
    [ "$(lang_of LANG=C)" = en ] && ok "LANG=C speaks English" || fail "LANG=C is not English"
    [ "$(lang_of LANG=C LC_MESSAGES=fr_FR.UTF-8)" = fr ] && ok "LC_MESSAGES beats LANG" || fail "LC_MESSAGES does not beat LANG"
    [ "$(lang_of LANG=fr_FR.UTF-8 LC_ALL=C)" = en ] && ok "LC_ALL beats LANG" || fail "LC_ALL does not beat LANG"
    [ "$(lang_of LANG=fr_FR.UTF-8 LANGUAGE=en)" = en ] && ok "LANGUAGE=en in a French locale" || fail "LANGUAGE=en ignored"
    [ "$(lang_of LANG=C LANGUAGE=fr)" = en ] && ok "LANGUAGE is ignored in the C locale" || fail "LANGUAGE used in the C locale"

    # Only the messages change: the same document, byte for byte, in both.
    LANG=C.UTF-8 "$COPIL" render -o "$TMP/en.pdf" samples/college-2026-t1.xml >/dev/null 2>&1
    LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$COPIL" render -o "$TMP/fr.pdf" samples/college-2026-t1.xml >/dev/null 2>&1
    [ -s "$TMP/en.pdf" ] && cmp -s "$TMP/en.pdf" "$TMP/fr.pdf" \
        && ok "a French locale gives the same PDF bytes" || fail "the PDF depends on the locale"
fi
