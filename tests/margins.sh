# tests/margins.sh — nothing printed beyond the margins, sourced by run.sh.
#
# Every sample (full copy, and public copy where there is one) and every
# layout fixture is rendered with --dump=areas, which gives each page's
# header, body and footer rectangles from the layout's page geometry; the
# box of every word pdftotext -bbox reads (the union of its glyphs') must
# lie inside one of its page's rectangles, within 0.5 pt
# (tests/tools/margins.py).

M="$TMP/margins"
mkdir -p "$M"

margins_of() { # NAME INPUT [--public]
    local name=$1 input=$2 opt=${3:-}
    if ! "$COPIL" render "$input" $opt -o "$M/$name.pdf" --dump=areas >"$M/$name.areas" 2>"$M/$name.err"; then
        fail "margins $name: render failed" "$(head -3 "$M/$name.err")"
        return
    fi
    if ! pdftotext -bbox "$M/$name.pdf" "$M/$name.html" 2>"$M/$name.err"; then
        fail "margins $name: pdftotext failed" "$(head -3 "$M/$name.err")"
        return
    fi
    if out=$(python3 tests/tools/margins.py "$M/$name.areas" "$M/$name.html" "$name" 2>&1); then
        ok "margins $name: $(tail -1 <<<"$out" | sed 's/^margins: //')"
    else
        fail "margins $name" "$(head -8 <<<"$out")"
    fi
}

each_document margins_of

# The check can fail: the letter's areas narrowed by 2 pt on the right (as
# if its right margin were 2 pt wider) leave its justified lines outside.
name=lettre-mission-ctice
if [ -s "$M/$name.areas" ]; then
    awk '{ for (i = 3; i <= NF; i++) { split($i, v, ","); $i = v[1] "," v[2] "," v[3] - 2 "," v[4] } print }' \
        "$M/$name.areas" >"$M/narrow.areas"
    if ! python3 tests/tools/margins.py "$M/narrow.areas" "$M/$name.html" narrow >"$M/narrow.out" 2>&1 \
        && [ "$(tail -1 "$M/narrow.out" | sed -E 's/.* ([0-9]+) outside/\1/')" -gt 0 ]; then
        ok "margins: a margin 2 pt wider is caught ($(tail -1 "$M/narrow.out" | sed 's/^margins: //'))"
    else
        fail "margins: a margin 2 pt wider was not caught" "$(tail -3 "$M/narrow.out")"
    fi
fi
