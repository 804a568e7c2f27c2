# tests/long-text.sh — texts of any length, sourced by tests/run.sh (uses
# ok/fail/expect_exit, $COPIL, $TMP).
#
# The layout engine lays out a paragraph in time that grows with its length,
# whatever its words: 200 KB of one unbroken word, in a 40 mm paragraph and
# in a 40 mm table cell, each render to a correct PDF well within the
# timeout (they took minutes before), and so do 200,000 invisible
# characters (zero-width spaces, soft hyphens, joiners). A word wider than
# its line is cut between characters, never inside one (a letter and its
# combining accent stay together), and nothing is lost or reordered. The
# data schemas bound what a person may type in one text element: 20,000
# characters, refused at the element's line with the limit in words.
# Speed is measured in bench/long-text.sh, never asserted here. A document
# as a whole holds at most 5,000 texts and 1,000,000 characters.

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

# What one document may hold in all: 5,000 texts (a paragraph, a name, an
# emphasis inside a paragraph) and 1,000,000 characters, so that printing
# any document the schemas accept stays small in memory (500,000 tiny
# paragraphs fit in the 8 MB a data file may weigh: they took 1 GB). The
# text that goes over is named at its line, once.
long_meeting "$LT/texts-ok.xml" "$para" "$(for i in $(seq 4700); do printf '<p>Un.</p>'; done)$para"
expect_exit "4,700 more paragraphs: valid" 0 "$COPIL" validate -q "$LT/texts-ok.xml"
long_meeting "$LT/texts-over.xml" "$para" "$(for i in $(seq 5000); do printf '<p>Un.</p>\n'; done)$para"
expect_exit "5,000 more paragraphs: refused" 1 "$COPIL" validate -q "$LT/texts-over.xml"
want="$LT/texts-over.xml:5033:1: error: <p> makes 5,001 texts in this document: at most 5,000 texts (paragraphs, list entries, names, dates, emphasis…) fit in one document; shorten it, or split it into several documents"
[ "$(cat "$TMP/err")" = "$want" ] && ok "too many texts: one message, at the text that goes over" \
    || fail "too many texts: message" "$(cat "$TMP/err")"
long_meeting "$LT/ems-over.xml" "$para" "$(for i in $(seq 30); do printf '<p>'; for j in $(seq 200); do printf 'a<em>b</em>'; done; printf '</p>'; done)$para"
expect_exit "6,000 emphases: refused" 1 "$COPIL" validate -q "$LT/ems-over.xml"
grep -q "error: <p> makes [0-9,]* texts in this document: at most 5,000" "$TMP/err" \
    && ok "an emphasis counts as a text" || fail "an emphasis counts as a text" "$(cat "$TMP/err")"
many_texts() { # FILE N: N paragraphs of 19,990 letters before the sample's first one
    python3 - "$1" "$2" "$para" <<'PY'
import sys
out, n, old = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
open(out, "w", encoding="utf-8").write(s.replace(old, ("<p>" + "a" * 19990 + "</p>\n") * n + old, 1))
PY
}
many_texts "$LT/chars-ok.xml" 49
expect_exit "49 texts of 20,000 characters: valid" 0 "$COPIL" validate -q "$LT/chars-ok.xml"
many_texts "$LT/chars-over.xml" 51
expect_exit "51 texts of 20,000 characters: refused" 1 "$COPIL" validate -q "$LT/chars-over.xml"
n=$(grep -c . "$TMP/err")
grep -q "chars-over.xml:[0-9]*:[0-9]*: error: <p> brings this document's text to 1,0[0-9][0-9],[0-9]* characters: at most 1,000,000 fit in one document (about 300 pages); shorten it, or split it into several documents" "$TMP/err" && [ "$n" = 1 ] \
    && ok "too many characters: one message, the total and the limit" || fail "too many characters: message" "$(cat "$TMP/err")"

# A paragraph made only of emphases, with nothing but spaces between them, is
# one text: ten emphases of 2,001 characters make 20,010, over the limit.
e2001=$(head -c 2001 /dev/zero | tr '\0' a)
long_meeting "$LT/ems-only.xml" "$para" "<p>$(for i in $(seq 10); do printf '<em>%s</em> ' "$e2001"; done)</p>
        $para"
expect_exit "a paragraph of emphases only counts as one text" 1 "$COPIL" validate -q "$LT/ems-only.xml"
grep -q "ems-only.xml:77:9: error: <p> is 20,010 characters long; at most 20,000" "$TMP/err" \
    && ok "a paragraph of emphases only: its length in all" || fail "a paragraph of emphases only" "$(cat "$TMP/err")"

# Invisible characters: 200,000 zero-width spaces, soft hyphens or
# zero-width joiners alone in a paragraph, and letters each followed by a
# zero-width space. Many of them hold on one line, the case where Pango's
# line breaker is quadratic (a meeting of four such paragraphs took 13 s;
# 200,000 zero-width spaces did not finish in two minutes). Each renders to
# a correct PDF well within the timeout, and the page dump's lines are the
# text, in order (a soft hyphen prints nothing, or "-" at a line's end).
invisible() { # NAME UNIT COUNT
    python3 -c 'import sys; sys.stdout.write(sys.argv[1].encode().decode("unicode_escape") * int(sys.argv[2]))' "$2" "$3" >"$LT/$1.txt"
    long_doc "$LT/$1.layout.xml" "<p>$(cat "$LT/$1.txt")</p>"
}
invisible zwsp-200k '\u200b' 200000
invisible shy-200k '\u00ad' 200000
invisible zwj-200k '\u200d' 200000
invisible a-zwsp-100k 'a\u200b' 100000
for name in zwsp-200k shy-200k zwj-200k a-zwsp-100k; do
    got=0
    timeout 60 "$COPIL" render "$LT/$name.layout.xml" --dump=pages -o "$LT/$name.pdf" >"$LT/$name.pages" 2>"$TMP/err" </dev/null || got=$?
    lines=$(sed -n 's/^      | //p' "$LT/$name.pages")
    text=$(tr -d '\n' <<<"$lines") want=$(cat "$LT/$name.txt")
    [ $name = shy-200k ] && text=$(tr -d '\n-' <<<"$lines") want=
    if [ "$got" != 0 ]; then
        fail "invisible characters ($name): exit $got (124: still running after 60 s)" "$(head -3 "$TMP/err")"
    elif ! qpdf --check "$LT/$name.pdf" >/dev/null 2>&1; then
        fail "invisible characters ($name): qpdf --check"
    elif [ "$text" != "$want" ] || ! grep -q '^      | ' "$LT/$name.pages"; then
        fail "invisible characters ($name): the lines are not the text, in order"
    else
        ok "invisible characters ($name): a correct PDF, every character in order"
    fi
done

# A text that holds on one line for more than a piece is cut into lines of
# its own, never inside a character cluster: here an accented letter (e +
# U+0301) straddles the first cut, 8,192 bytes in, and stays whole.
python3 -c 'import sys; sys.stdout.write("x" + "\u200b" * 2730 + "e\u0301" + "\u200b" * 8000)' >"$LT/zw-cluster.txt"
long_doc "$LT/zw-cluster.layout.xml" "<p>$(cat "$LT/zw-cluster.txt")</p>"
got=0
timeout 60 "$COPIL" render "$LT/zw-cluster.layout.xml" --dump=pages -o "$LT/zw-cluster.pdf" >"$LT/zw-cluster.pages" 2>"$TMP/err" </dev/null || got=$?
lines=$(sed -n 's/^      | //p' "$LT/zw-cluster.pages")
if [ "$got" != 0 ]; then
    fail "zero-width text cut into lines: exit $got" "$(head -3 "$TMP/err")"
elif [ "$(wc -l <<<"$lines")" -lt 2 ]; then
    fail "zero-width text cut into lines: one line only"
elif grep -q $'^\xcc\x81' <<<"$lines"; then
    fail "zero-width text cut into lines: a line starts with a combining accent, cut from its letter"
elif [ "$(tr -d '\n' <<<"$lines")" != "$(cat "$LT/zw-cluster.txt")" ]; then
    fail "zero-width text cut into lines: the lines are not the text, in order"
else
    ok "zero-width text cut into lines between clusters, in order"
fi
