# tests/tables.sh — table rules drawn once, sourced by run.sh.
#
# Cells that share an edge share one rule (the border-collapse model): no
# two parallel stroked lines less than 1 pt apart along the same stretch in
# any sample or layout fixture (tests/tools/rules.py reads the content
# streams); and a table's part of a page is closed above and below, where
# its header rows repeat and where a row taller than a page is cut.

T="$TMP/tables"
mkdir -p "$T"

rules_of() { # NAME INPUT
    local name=$1 input=$2
    if ! "$COPIL" render "$input" -o "$T/$name.pdf" >/dev/null 2>"$T/$name.err"; then
        fail "rules $name: render failed" "$(head -3 "$T/$name.err")"
        return
    fi
    if out=$(python3 tests/tools/rules.py "$T/$name.pdf" 2>&1); then
        ok "rules $name: $(tail -1 <<<"$out" | sed 's/^rules: //')"
    else
        fail "rules $name: doubled rules" "$(grep -v '^page' <<<"$out" | head -8)"
    fi
}

for f in samples/*.xml; do
    rules_of "$(basename "$f" .xml)" "$f"
done
for f in tests/layout/*.layout.xml; do
    rules_of "layout-$(basename "$f" .layout.xml)" "$f"
done

# The check can fail: two framed boxes one on the other draw their own
# frames, 0.5 pt apart (as each cell of a table did: 29 doubled horizontal
# rules on page 2 of the term-1 minutes).
cat >"$T/double.layout.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Double">
  <styles><style name="framed" border="0.5pt"/></styles>
  <body><box style="framed"><p>Un</p></box><box style="framed"><p>Deux</p></box></body>
</document>
XML
if "$COPIL" render "$T/double.layout.xml" -o "$T/double.pdf" >/dev/null 2>"$T/double.err" \
    && ! python3 tests/tools/rules.py "$T/double.pdf" >"$T/double.out" 2>&1; then
    ok "rules: two frames touching are caught ($(tail -1 "$T/double.out" | sed 's/^rules: //'))"
else
    fail "rules: two frames touching were not caught" "$(cat "$T/double.err" "$T/double.out" 2>/dev/null | tail -3)"
fi

# Where the header rows repeat (fixture 19, pages 2 on), the table starts
# with its top rule at the top of the body; where a row taller than a page
# is cut (fixture 37), the part on each page is closed below.
"$COPIL" render tests/layout/19-long-table-repeating-head.layout.xml --dump=pages >"$T/19.pages" 2>/dev/null
n=$(awk '/^page/ { p = $2 } p > 1 && /^  border / && / y=42\.5 / && / sides=t$/ { c++ } END { print c + 0 }' "$T/19.pages")
pages=$(grep -c '^page' "$T/19.pages")
[ "$n" -ge $((pages - 1)) ] && [ "$pages" -gt 1 ] && ok "rules: a top rule over the repeated header on $n of $((pages - 1)) later pages" \
    || fail "rules: the repeated header has no top rule ($n of $((pages - 1)) pages)" "$(grep -A3 '^page 2' "$T/19.pages")"
"$COPIL" render tests/layout/37-cell-taller-than-page.layout.xml --dump=pages >"$T/37.pages" 2>/dev/null
n=$(awk '/^page/ { p = $2 } /^  border row#/ && / sides=t$/ { c++ } END { print c + 0 }' "$T/37.pages")
[ "$n" -ge 1 ] && ok "rules: a row cut across pages is closed at the cut ($n rules)" \
    || fail "rules: a row cut across pages is left open" "$(grep border "$T/37.pages" | head -5)"
