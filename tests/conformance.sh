# tests/conformance.sh — PDF/UA-1 and PDF/A-2 conditions, sourced by run.sh.
#
# Every sample (full copy, and public copy where there is one) and every
# layout fixture goes through tests/tools/conformance.py (qpdf --json only):
# one ok or fail per file. Then each check is shown to fail: a conformant
# copy of a fixture (tests/tools/pdfbreak.py complete: what it adds is
# listed in that tool) must pass every check, and for each check id a copy
# broken for that check alone (pdfbreak.py CHECK) must be reported with
# exactly that id. Reuses the PDFs tests/margins.sh rendered when they are
# there. No external validator (veraPDF, PAC) is run.

K="$TMP/conformance"
mkdir -p "$K"
CONF=tests/tools/conformance.py
BREAK=tests/tools/pdfbreak.py

conformance_pdf() { # NAME INPUT [--public]: prints the path of its PDF
    local name=$1 input=$2 opt=${3:-}
    if [ -s "$TMP/margins/$name.pdf" ]; then
        echo "$TMP/margins/$name.pdf"
    elif "$COPIL" render "$input" $opt -o "$K/$name.pdf" 2>"$K/$name.err"; then
        echo "$K/$name.pdf"
    fi
}

names="" pdfs=""
conformance_add() { # NAME INPUT [--public]
    local pdf
    pdf=$(conformance_pdf "$@")
    if [ -z "$pdf" ]; then
        fail "conformance $1: render failed" "$(head -3 "$K/$1.err")"
    else
        names="$names $1" pdfs="$pdfs $pdf"
    fi
}

each_document conformance_add
# One run over every file (qpdf is the cost, not Python), then one ok or
# fail per file.
python3 "$CONF" $pdfs >"$K/all.out" 2>&1
set -- $pdfs
for name in $names; do
    lines=$(grep -F "$1: " "$K/all.out" | sed "s|^$1: ||")
    [ -z "$lines" ] && ok "conformance $name" || fail "conformance $name" "$(head -12 <<<"$lines")"
    shift
done
grep -q "^conformance: $(wc -w <<<"$pdfs") files" "$K/all.out" \
    && ok "conformance: the checker read every file" \
    || fail "conformance: the checker stopped" "$(tail -3 "$K/all.out")"

# Each check can fail. One page holds one of each thing a check looks at
# (a heading, a link, a list, a table, an image, a signature field); its
# completed copy must pass every check, and its copy broken for one check
# must be reported for that check and no other.
cp tests/layout/logo.png "$K/logo.png"
cat >"$K/all.layout.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Un de chaque" created="2026-10-08T17:30:00+02:00">
  <body>
    <h1>Comité de pilotage du numérique</h1>
    <p>Voir <a href="https://www.ac-orleans-tours.fr/">le site de l'académie</a>.</p>
    <list><item>Former les équipes</item><item>Équiper les salles</item></list>
    <table><col width="1*"/><col width="1*"/>
      <head><row><cell>Action</cell><cell>État</cell></row></head>
      <row><cell>ENT</cell><cell>faite</cell></row>
    </table>
    <image src="logo.png" alt="Logo du comité" width="20mm"/>
    <signature id="sig-a"><role>La principale</role><name>Mme Durand</name></signature>
  </body>
</document>
XML
if ! "$COPIL" render "$K/all.layout.xml" -o "$K/all.pdf" 2>"$K/err" \
    || ! python3 "$BREAK" complete "$K/all.pdf" "$K/complete.pdf" 2>>"$K/err"; then
    fail "conformance: no completed copy of the one-of-each page" "$(cat "$K/err")"
else
    out=$(python3 "$CONF" "$K/complete.pdf" 2>&1) \
        && ok "conformance: the completed copy passes every check" \
        || fail "conformance: the completed copy fails" "$(head -8 <<<"$out")"
    checks=$(python3 "$CONF" --list | cut -d' ' -f1)
    python3 "$BREAK" --all "$K/complete.pdf" "$K" 2>"$K/err" \
        || fail "conformance: pdfbreak --all" "$(cat "$K/err")"
    python3 "$CONF" "$K"/broken-*.pdf >"$K/broken.out" 2>&1
    for check in $checks; do
        if [ ! -f "$K/broken-$check.pdf" ]; then
            fail "conformance: no copy broken for $check" "$(grep -F " $check" "$K/err")"
            continue
        fi
        got=$(grep -F "$K/broken-$check.pdf: " "$K/broken.out" | cut -d: -f2 | tr -d ' ' \
            | tr '\n' ' ')
        [ "$got" = "$check " ] && ok "conformance: $check fails on a copy broken for it" \
            || fail "conformance: $check broken, reported: ${got:-nothing}"
    done
fi
