# tests/long-text.sh — texts of any length, sourced by tests/run.sh (uses
# ok/fail/expect_exit, $COPIL, $TMP).
#
# The layout engine lays out a paragraph in time that grows with its length,
# whatever its words: 200 KB of one unbroken word, in a 40 mm paragraph and
# in a 40 mm table cell, each render to a correct PDF well within the
# timeout (they took minutes before). A word wider than its line is cut
# between characters, never inside one (a letter and its combining accent
# stay together), and nothing is lost or reordered. The data schemas bound
# what a person may type in one text element: 20,000 characters, refused at
# the element's line with the limit in words. Speed is measured in
# bench/long-text.sh, never asserted here.

LT="$TMP/long-text"
mkdir -p "$LT"

# long_doc FILE BODY: a layout document around BODY.
long_doc() {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:copil:layout" title="Texte long" created="2026-10-08T17:30:00+02:00">\n<styles><style name="narrow" indent-left="65mm" indent-right="65mm"/></styles>\n<body>\n%s\n</body></document>\n' "$2" >"$1"
}
word=$(head -c 200000 /dev/zero | tr '\0' a)
long_doc "$LT/word-p.layout.xml" "<p style=\"narrow\">$word</p>"
long_doc "$LT/word-cell.layout.xml" "<table><col width=\"40mm\"/><col width=\"1*\"/><row><cell>$word</cell><cell>fin</cell></row></table>"
for name in word-p word-cell; do
    got=0
    timeout 60 "$COPIL" render "$LT/$name.layout.xml" -o "$LT/$name.pdf" >"$TMP/out" 2>"$TMP/err" </dev/null || got=$?
    if [ "$got" != 0 ]; then
        fail "200 KB unbroken word ($name): exit $got (124: still running after 60 s)" "$(head -3 "$TMP/err")"
    elif ! qpdf --check "$LT/$name.pdf" >/dev/null 2>&1; then
        fail "200 KB unbroken word ($name): qpdf --check"
    elif [ "$(pdftotext "$LT/$name.pdf" - 2>/dev/null | tr -cd a | wc -c)" != 200000 ]; then
        fail "200 KB unbroken word ($name): not every letter is printed"
    else
        ok "200 KB unbroken word ($name): a correct PDF with every letter"
    fi
done

# A word wider than its line, of letters with combining accents ("é" typed as
# e + U+0301, and "q́", which no font has precomposed): short (one layout) and
# long (laid out in pieces), in a paragraph and in a cell. The page dump shows
# each printed line exactly: none starts with the accent, and together they
# are the word. pdftotext, an independent reader, finds the same.
unit=$'e\xcc\x81q\xcc\x81a'
for n in 40 3000; do
    w=$(for i in $(seq $n); do printf '%s' "$unit"; done)
    for where in p cell; do
        name=graphemes-$n-$where
        if [ $where = p ]; then body="<p style=\"narrow\">$w</p>"
        else body="<table><col width=\"30mm\"/><col width=\"1*\"/><row><cell>$w</cell><cell/></row></table>"; fi
        long_doc "$LT/$name.layout.xml" "$body"
        got=0
        timeout 60 "$COPIL" render "$LT/$name.layout.xml" --dump=pages -o "$LT/$name.pdf" >"$LT/$name.pages" 2>"$TMP/err" || got=$?
        lines=$(sed -n 's/^      | //p' "$LT/$name.pages")
        text=$(pdftotext "$LT/$name.pdf" - 2>/dev/null | tr -d ' \f')
        if [ "$got" != 0 ]; then
            fail "$name: exit $got" "$(head -3 "$TMP/err")"
        elif [ "$(wc -l <<<"$lines")" -lt 2 ]; then
            fail "$name: the word was not broken across lines" "$lines"
        elif grep -q $'^\xcc\x81' <<<"$lines" || grep -q $'^\xcc\x81' <<<"$text"; then
            fail "$name: a line starts with a combining accent, cut from its letter" "$(grep -m3 $'^\xcc\x81' <<<"$lines")"
        elif [ "$(tr -d '\n' <<<"$lines")" != "$w" ] || [ "$(tr -d '\n' <<<"$text")" != "$w" ]; then
            fail "$name: the lines are not the word, in order"
        else
            ok "$name: broken between characters, in order"
        fi
    done
done

# The data schemas: at most 20,000 characters in one text. An action's text
# of 20,000 accented letters is valid; one more is refused at its line. The
# text of a paragraph counts its emphasis too.
long_meeting() { # FILE OLD NEW: the sample with OLD replaced by NEW
    python3 - "$1" "$2" "$3" <<'EOF'
import sys
out, old, new = sys.argv[1:4]
s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
assert old in s, old
open(out, "w", encoding="utf-8").write(s.replace(old, new, 1))
EOF
}
what='<what>Fixer les dates des quatre ateliers ENT et publier le calendrier sur l’ENT.</what>'
e20000=$(head -c 20000 /dev/zero | sed 's/\x0/é/g')
long_meeting "$LT/what-20000.xml" "$what" "<what>$e20000</what>"
expect_exit "a text of 20,000 characters is valid" 0 "$COPIL" validate -q "$LT/what-20000.xml"
long_meeting "$LT/what-20001.xml" "$what" "<what>$e20000é</what>"
expect_exit "a text of 20,001 characters is refused" 1 "$COPIL" validate -q "$LT/what-20001.xml"
want="$LT/what-20001.xml:156:9: error: <what> is 20,001 characters long; at most 20,000 characters fit in one text: split it into several paragraphs"
[ "$(cat "$TMP/err")" = "$want" ] && ok "a text too long: its line, its length and the limit" \
    || fail "a text too long: message" "$(cat "$TMP/err")"
para='<p>Rôle du comité, fréquence des réunions (une par trimestre) et lien avec le volet numérique du <em>projet d’établissement</em>.</p>'
half=$(head -c 10000 /dev/zero | tr '\0' a)
long_meeting "$LT/p-long.xml" "$para" "<p>$half <strong>$half</strong></p>"
expect_exit "a paragraph of 20,001 characters with emphasis is refused" 1 "$COPIL" validate -q "$LT/p-long.xml"
grep -q "p-long.xml:77:9: error: <p> is 20,001 characters long; at most 20,000" "$TMP/err" \
    && ok "a paragraph counts its emphasis" || fail "a paragraph counts its emphasis" "$(cat "$TMP/err")"
expect_exit "render refuses a text too long" 1 "$COPIL" render "$LT/what-20001.xml" -o "$LT/what.pdf"
