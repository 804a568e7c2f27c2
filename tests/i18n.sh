# tests/i18n.sh — the area i18n of tests/run.sh (alone: tests/run.sh i18n).
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

    # --- the command line and the mail plan in French ---------------------------
    NB=$(printf '\342\200\257') # the narrow no-break space before « : »
    fr() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 "$@"; }
    fr "$COPIL" validate samples/college-2026-t1.xml tests/bad/date-month-13.xml >"$TMP/out" 2>"$TMP/err"
    grep -qx "samples/college-2026-t1.xml${NB}: réunion valide, avec son compte rendu" "$TMP/out" \
        && grep -qx "2 fichiers vérifiés${NB}: 1 valide, 1 à corriger" "$TMP/out" \
        && ok "validate's lines in French, with plurals" || fail "validate in French" "$(cat "$TMP/out")"
    fr "$COPIL" validate samples/college-2026-t1.xml samples/college-2026-t2.xml >"$TMP/out" 2>&1
    grep -qx "2 fichiers vérifiés${NB}: 2 valides, 0 à corriger" "$TMP/out" \
        && ok "validate's summary: plural of valides" || fail "validate's plural" "$(cat "$TMP/out")"
    fr "$COPIL" validate tests/nonexistent.xml >"$TMP/out" 2>"$TMP/err"
    grep -qx "tests/nonexistent.xml: erreur${NB}: impossible de lire ce fichier${NB}: il n’existe pas" "$TMP/err" \
        && ok "a missing file in French" || fail "missing file in French" "$(cat "$TMP/err")"
    for c in "" validate render new mail; do
        fr "$COPIL" help $c >"$TMP/help-$c.txt" 2>&1
        if left=$(python3 tests/tools/english.py "$TMP/help-$c.txt"); then ok "copil help $c: no English left"
        else fail "copil help $c: English left in French" "$left"; fi
    done
    grep -q "^Utilisation${NB}: copil validate \[-q\] FICHIER\.\.\.$" "$TMP/help-validate.txt" \
        && ok "help validate in French" || fail "help validate in French" "$(head -3 "$TMP/help-validate.txt")"
    # A batch with a failure: the summary and the failure's first error.
    mkdir -p "$TMP/batch" && cp samples/college-2026-t1.xml tests/bad/date-month-13.xml "$TMP/batch/"
    fr "$COPIL" render -j 2 -d "$TMP/batch-out" "$TMP/batch" >"$TMP/out" 2>"$TMP/err"
    grep -Eq "^copil render${NB}: 2 documents en [0-9]+,[0-9] s avec 2 processus${NB}: 1 écrit, 1 en échec$" "$TMP/err" \
        && grep -q "date-month-13.xml:16:3: erreur${NB}: " "$TMP/err" \
        && ok "a batch with a failure, summed up in French" || fail "batch in French" "$(cat "$TMP/err")"
    # Sizes in French: a decimal comma and French units (ko, Mo).
    truncate -s 9000000 "$TMP/huge.xml"
    fr "$COPIL" validate -q "$TMP/huge.xml" >/dev/null 2>"$TMP/err"
    grep -qx "$TMP/huge.xml: erreur${NB}: le fichier est trop gros (9,0 Mo)${NB}: copil lit des fichiers de 8,0 Mo au plus" "$TMP/err" \
        && ok "a size in Mo, with a decimal comma" || fail "a size in French" "$(cat "$TMP/err")"
    # The schemas' hints: each English one has its French beside it, and
    # copil quotes the one in the user's language (English when the French
    # is missing), from the schemas it reads (COPIL_DATADIR here).
    rm -rf "$TMP/hints" && mkdir -p "$TMP/hints" && cp -R schemas "$TMP/hints/"
    hints=$TMP/hints/schemas/common.xsd
    date_fr='<xs:appinfo source="expected" xml:lang="fr">une date sous la forme AAAA-MM-JJ, par exemple 2026-10-08</xs:appinfo>'
    grep -qF "$date_fr" "$hints" && ok "the date's hint has its French" || fail "the date's French hint moved" "$date_fr"
    sed -i 's|xml:lang="fr">une date sous la forme AAAA-MM-JJ, par exemple 2026-10-08<|xml:lang="fr">INDICATION REMPLACÉE<|' "$hints"
    fr "$COPIL" validate -q "$bad" >/dev/null 2>"$TMP/err"
    grep -q "n’est pas valide${NB}: écrivez une date sous la forme AAAA-MM-JJ" "$TMP/err" \
        && ok "the French hint inside the French sentence" || fail "the French hint in French" "$(cat "$TMP/err")"
    env COPIL_DATADIR="$TMP/hints" LANG=fr_FR.UTF-8 "$COPIL" validate -q "$bad" >/dev/null 2>"$TMP/err"
    grep -q "écrivez INDICATION REMPLACÉE$" "$TMP/err" \
        && ok "French: the schemas' French hint is quoted" || fail "French hint not read" "$(cat "$TMP/err")"
    LANG=C.UTF-8 COPIL_DATADIR="$TMP/hints" "$COPIL" validate -q "$bad" >/dev/null 2>"$TMP/err"
    grep -q 'is not valid: expected a date as YYYY-MM-DD, e.g. 2026-10-08$' "$TMP/err" \
        && ok "English: the English hint, whatever the French says" || fail "English hint" "$(cat "$TMP/err")"
    sed -i '/xml:lang="fr">INDICATION REMPLACÉE</d' "$hints"
    env COPIL_DATADIR="$TMP/hints" LANG=fr_FR.UTF-8 "$COPIL" validate -q "$bad" >/dev/null 2>"$TMP/err"
    grep -q "écrivez a date as YYYY-MM-DD" "$TMP/err" \
        && ok "French without a French hint: the English one" || fail "no fallback to English" "$(cat "$TMP/err")"
    if msg=$(bash tests/check-annotations.sh "$TMP/hints/schemas" 2>&1); then
        fail "check-annotations.sh accepts an English hint without its French"
    else
        grep -q 'appinfo "" (in "Date"): an English hint without its French' <<<"$msg" \
            && ok "check-annotations.sh names an English hint without its French" \
            || fail "check-annotations.sh, missing French" "$msg"
    fi
    # The mail plan: French words, the same addresses, the same .eml bytes.
    cp samples/college-2026-t1.xml "$TMP/mail.xml"
    cp samples/*.png samples/*.svg "$TMP/" 2>/dev/null
    fr "$COPIL" mail "$TMP/mail.xml" >"$TMP/plan.txt" 2>&1
    grep -qx "1. Membres du comité (participants)${NB}: copie intégrale, 9 adresses, visibles de tous (À)" "$TMP/plan.txt" \
        && grep -qx "Compte rendu de $TMP/mail.xml" "$TMP/plan.txt" \
        && ok "the mail plan in French" || fail "the mail plan in French" "$(head -12 "$TMP/plan.txt")"
    grep -Eq "^  copie intégrale${NB}: .*\.pdf \([0-9]+,[0-9] ko, produit à l’instant\)$" "$TMP/plan.txt" \
        && ok "the mail plan's sizes in ko, with a decimal comma" || fail "the mail plan's sizes" "$(grep -F .pdf "$TMP/plan.txt")"
    if left=$(python3 tests/tools/english.py "$TMP/plan.txt"); then ok "the mail plan: no English left"
    else fail "the mail plan: English left in French" "$left"; fi
    LANG=C.UTF-8 "$COPIL" mail "$TMP/mail.xml" --eml "$TMP/eml-en" >/dev/null 2>&1
    fr "$COPIL" mail "$TMP/mail.xml" --eml "$TMP/eml-fr" >/dev/null 2>&1
    [ -n "$(ls "$TMP/eml-en" 2>/dev/null)" ] && diff -r "$TMP/eml-en" "$TMP/eml-fr" >/dev/null \
        && ok "the .eml files do not depend on the language" || fail "the .eml files differ by language"
    SOURCE_DATE_EPOCH=x fr "$COPIL" mail "$TMP/mail.xml" --eml "$TMP/eml-sde" >/dev/null 2>"$TMP/err"
    grep -qx "$TMP/mail.xml: avertissement${NB}: SOURCE_DATE_EPOCH n’est pas un nombre de secondes${NB}; les brouillons n’ont pas de date" "$TMP/err" \
        && ok "a mail warning in French, its clause too" || fail "mail warning in French" "$(cat "$TMP/err")"
    fr "$COPIL" mail "$TMP/mail.xml" --send >"$TMP/out" 2>"$TMP/err"
    grep -qx "copil mail${NB}: erreur${NB}: --send demande --smtp smtp://hôte:port (STARTTLS) ou smtps://hôte:port" "$TMP/err" \
        && ok "a mail usage error in French" || fail "mail usage error in French" "$(cat "$TMP/err")"
    # Every bad case's French, as pinned: no English word left in it.
    if left=$(python3 tests/tools/english.py tests/bad/*.fr.expected); then
        ok "tests/bad: no English left in the French diagnostics"
    else
        fail "tests/bad: English left in the French diagnostics" "$left"
    fi
    # The README's two examples are what copil prints, line for line (sorted:
    # a terminal interleaves standard output and errors).
    for lang in fr_FR.UTF-8 C; do
        cmd=$(grep -m1 "^    \$ LANG=$lang build/copil validate " README.md | sed 's/^    \$ //')
        want=$(awk -v c="    \$ $cmd" '$0 == c {f = 1; next} f && /^$/ {exit} f {sub(/^    /, ""); print}' README.md | sort)
        # shellcheck disable=SC2086
        got=$(env -u LC_ALL -u LANGUAGE LANG=$lang "$COPIL" validate ${cmd#*validate } 2>&1 | sort)
        [ -n "$cmd" ] && [ "$got" = "$want" ] && ok "README: the example in LANG=$lang holds" \
            || fail "README: the example in LANG=$lang differs" "$(diff <(echo "$want") <(echo "$got"))"
    done
    # The samples' one intended warning (tests/samples.sh pins its English).
    fr "$COPIL" validate samples/college-2026-t3-restreint.xml >/dev/null 2>"$TMP/err"
    want="samples/college-2026-t3-restreint.xml:95:5: avertissement${NB}: l’action a9 de college-2026-t3-elargi.xml (ligne 154), encore «${NB}à faire${NB}», n’est pas reprise dans ce compte rendu${NB}: ajoutez <action id=\"a9\" …> dans <actions> avec son état à ce jour, sinon elle sera imprimée «${NB}non examinée lors de cette séance${NB}»"
    [ "$(cat "$TMP/err")" = "$want" ] && ok "samples: the one intended warning, in French" \
        || fail "samples' warning in French" "$(cat "$TMP/err")"

    # --- the rendering stages in French -------------------------------------------
    # Images, an SVG and charts: the same PDF bytes in both languages.
    for name in 25-image 43-svg-image 44-charts; do
        LANG=C.UTF-8 "$COPIL" render -o "$TMP/$name-en.pdf" "tests/layout/$name.layout.xml" >/dev/null 2>&1
        LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$COPIL" render -o "$TMP/$name-fr.pdf" "tests/layout/$name.layout.xml" >/dev/null 2>&1
        [ -s "$TMP/$name-en.pdf" ] && cmp -s "$TMP/$name-en.pdf" "$TMP/$name-fr.pdf" \
            && ok "layout $name: the same PDF bytes in French" || fail "layout $name: the PDF depends on the locale"
    done
    sed 's/logo\.png/absent.png/' tests/layout/25-image.layout.xml >"$TMP/noimage.layout.xml"
    fr "$COPIL" render -o "$TMP/noimage.pdf" "$TMP/noimage.layout.xml" >/dev/null 2>"$TMP/err"
    grep -qx "$TMP/noimage.layout.xml:10:5: erreur${NB}: l’image «${NB}absent.png${NB}» est introuvable à côté du document de mise en page" "$TMP/err" \
        && ok "a missing image in French" || fail "a missing image in French" "$(cat "$TMP/err")"
    printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n%s\n</body></document>\n' \
        '<chart kind="grouped" title="t"><series name="a"/><series name="b"/><point label="x" values="1 2 3"/></chart>' >"$TMP/chart.layout.xml"
    fr "$COPIL" render -o "$TMP/chart.pdf" "$TMP/chart.layout.xml" >/dev/null 2>>"$TMP/err"
    grep -qx "$TMP/chart.layout.xml:3: erreur${NB}: ce <point> a 3 valeurs, mais son graphique a 2 <series>${NB}: donnez une valeur par <series>" "$TMP/err" \
        && ok "a chart's values in French, with a plural" || fail "a chart's values in French" "$(cat "$TMP/err")"
    if left=$(python3 tests/tools/english.py "$TMP/err"); then ok "the rendering stages: no English left"
    else fail "the rendering stages: English left in French" "$left"; fi
fi
