# tests/man.sh — the area man of tests/run.sh (alone: tests/run.sh man).
#
# The manual pages, English and French, are lint-clean (groff -ww) and name
# every command and option that `copil help` prints, so that a page cannot
# drift from the program; the bash completion, sourced alone, completes
# commands, options, kinds and files.
pages="man/copil.1 man/fr/copil.1 man/copil-data.5 man/fr/copil-data.5"
for p in $pages; do
    if msg=$(groff -ww -z -man -K utf8 "$p" 2>&1) && [ -z "$msg" ]; then ok "$p: groff -ww finds nothing"
    else fail "$p: groff -ww" "$msg"; fi
done
# The rendered pages, with every kind of hyphen folded to "-".
render_page() { MANWIDTH=100 man -l "$1" 2>/dev/null | sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g'; }
render_page man/copil.1 >"$TMP/man-en.txt"
LANG=fr_FR.UTF-8 render_page man/fr/copil.1 >"$TMP/man-fr.txt"
grep -q "^NAME" "$TMP/man-en.txt" && grep -q "^NOM" "$TMP/man-fr.txt" \
    && ok "man -l renders both copil(1) pages" || fail "man -l copil(1)" "$(head -5 "$TMP/man-en.txt")"
for c in new validate render mail serve dashboard help; do
    "$COPIL" help "$c" >"$TMP/help-$c.txt" 2>&1
    opts=$(grep -oE '(^|[][ ,|(])--?[a-z][a-zA-Z-]*(=[a-z]+)?' "$TMP/help-$c.txt" | sed 's/^[][ ,|(]//' | sort -u)
    for lang in en fr; do
        missing=""
        grep -q "copil $c" "$TMP/man-$lang.txt" || missing="copil $c"
        for o in $opts; do
            grep -qe "$o" "$TMP/man-$lang.txt" || missing="$missing $o"
        done
        [ -z "$missing" ] && ok "copil(1) $lang: copil $c and its options ($(echo $opts | wc -w))" \
            || fail "copil(1) $lang lacks what copil help $c prints:$missing"
    done
done
for lang in en fr; do
    for section in COPIL_DATADIR SOURCE_DATE_EPOCH COPIL_SMTP_PASSWORD COPIL_SMTP_USER LC_MESSAGES copil.mo; do
        grep -q "$section" "$TMP/man-$lang.txt" || fail "copil(1) $lang does not name $section"
    done
done

# --- bash completion, sourced alone (no bash-completion package) ------------
# complete_words WORD... : the candidates for the last word, one per line.
complete_words() {
    (cd tests/bad && bash -c '
        . ../../completion/copil
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _copil
        printf "%s\n" "${COMPREPLY[@]}"' copil-test "$@")
}
got=$(complete_words copil "" | tr '\n' ' ')
[ "$got" = "new validate render mail serve dashboard help --help --version " ] \
    && ok "completion: the commands" || fail "completion: commands" "$got"
got=$(complete_words copil dashboard --s | tr '\n' ' ')
[ "$got" = "--schools --shard " ] && ok "completion: copil dashboard's options" \
    || fail "completion: dashboard options" "$got"
got=$(complete_words copil render --p | tr '\n' ' ')
[ "$got" = "--public " ] && ok "completion: render's options" || fail "completion: render --p" "$got"
got=$(complete_words copil render --d | tr '\n' ' ')
[ "$got" = "--dir --dump=pages --dump=areas " ] && ok "completion: render --d…" || fail "completion: render --d" "$got"
got=$(complete_words copil render --kind "" | tr '\n' ' ')
[ "$got" = "agenda minutes mission-letter activity-report " ] \
    && ok "completion: the kinds after --kind" || fail "completion: --kind" "$got"
got=$(complete_words copil mail --kind "" | tr '\n' ' ')
[ "$got" = "agenda minutes " ] && ok "completion: mail's kinds" || fail "completion: mail --kind" "$got"
got=$(complete_words copil new m | tr '\n' ' ')
[ "$got" = "minutes mission-letter " ] && ok "completion: copil new's kinds" || fail "completion: new m" "$got"
got=$(complete_words copil validate date-m | tr '\n' ' ')
[ "$got" = "date-month-13.xml " ] && ok "completion: a data file" || fail "completion: validate date-m" "$got"
got=$(complete_words copil validate lin | tr '\n' ' ')
[ "$got" = "linked/ " ] && ok "completion: a folder" || fail "completion: validate lin" "$got"
got=$(complete_words copil render -d lin | tr '\n' ' ')
[ "$got" = "linked/ " ] && ok "completion: a folder after -d" || fail "completion: render -d lin" "$got"
got=$(complete_words copil mail --smtp "" | tr '\n' ' ')
[ "$got" = "smtp:// smtps:// " ] && ok "completion: --smtp" || fail "completion: --smtp" "$got"
