# tests/layout.sh — the engine's tests, the area layout of tests/run.sh (uses
# ok/fail/expect_exit, $COPIL, $TMP, $REGEN, $PNGDIFF).
#
# For each fixture tests/layout/NAME.layout.xml:
#   - the page dump (--dump=pages) equals NAME.pages (make regen rewrites it);
#   - the PDF passes qpdf --check, is tagged, has the dump's page count, and
#     embeds only our fonts;
#   - NAME.expect, when present, lists more checks, one per line:
#       text: S       pdftotext's output contains S
#       notext: S     … does not contain S
#       warning: S    copil's stderr contains S
#       info: K: V    pdfinfo prints "K:" with value V
#       outline: S    mutool's outline contains S
#       links: N      the PDF has N link annotations
#       hyphenated: yes|no   some line ends with a soft hyphen, or none does
#       count: N: S   S appears on N lines of pdftotext's output
#       noend: S      no line of pdftotext -layout's output ends with the word S
# and the reference images of page N, ref/NAME-pN.png, match. Each fixture
# is a case: tests/run.sh layout/NAME runs (and --update rewrites) only its
# own. Then, with the area only: same bytes twice, atomic output, hostile
# layouts.

L=tests/layout
mkdir -p "$TMP/layout"
for f in "$L"/*.layout.xml; do
    name=$(basename "$f" .layout.xml)
    picked "$name" || continue
    out="$TMP/layout/$name"
    got=0
    timeout 60 "$COPIL" render "$f" --dump=pages -o "$out.pdf" >"$out.pages" 2>"$out.err" || got=$?
    if [ "$got" != 0 ]; then
        fail "layout $name: exit $got" "$(head -5 "$out.err")"
        continue
    fi
    [ -n "${REGEN:-}" ] && cp "$out.pages" "$L/$name.pages"
    if [ ! -f "$L/$name.pages" ]; then
        fail "layout $name: no $L/$name.pages (run make regen and review it)"
    elif ! diff -u "$L/$name.pages" "$out.pages" >"$out.diff"; then
        fail "layout $name: the pages differ from $name.pages" "$(head -40 "$out.diff")"
    else
        ok "layout $name: pages"
    fi
    if msg=$(qpdf --check "$out.pdf" 2>&1); then ok "layout $name: qpdf --check"
    else fail "layout $name: qpdf --check" "$(echo "$msg" | tail -5)"; fi
    info=$(pdfinfo "$out.pdf" 2>&1)
    pages=$(head -1 "$out.pages" | sed -E 's/.* pages=([0-9]+) .*/\1/')
    # Every PDF is marked and has a structure tree (PDF/UA), even one with
    # nothing on its pages: its tree is one empty Document.
    tagged=yes
    if echo "$info" | grep -q "^Tagged: *$tagged" && echo "$info" | grep -q "^Pages: *$pages$"; then
        ok "layout $name: tagged $tagged, $pages pages"
    else
        fail "layout $name: pdfinfo" "$(echo "$info" | grep -E 'Tagged|Pages')"
    fi
    fonts=$(pdffonts "$out.pdf" 2>&1 | tail -n +3)
    if [ -z "$fonts" ] || ! echo "$fonts" | grep -v -E '^[A-Z]{6}\+Liberation(Sans|Serif)[-A-Za-z]* .* yes +yes +yes ' | grep -q .; then
        ok "layout $name: only Liberation fonts, embedded"
    else
        fail "layout $name: fonts" "$fonts"
    fi
    if [ -f "$L/$name.expect" ]; then
        text=$(pdftotext -layout "$out.pdf" - 2>/dev/null)
        while IFS= read -r line; do
            case "$line" in
            "text: "*) s=${line#text: }
                grep -qF -- "$s" <<<"$text" && ok "layout $name: text \"$s\"" || fail "layout $name: no text \"$s\"" ;;
            "notext: "*) s=${line#notext: }
                grep -qF -- "$s" <<<"$text" && fail "layout $name: unwanted text \"$s\"" || ok "layout $name: no \"$s\"" ;;
            "warning: "*) s=${line#warning: }
                grep -qF -- "$s" "$out.err" && ok "layout $name: warning \"$s\"" || fail "layout $name: no warning \"$s\"" "$(cat "$out.err")" ;;
            "info: "*) s=${line#info: }; k=${s%%: *}; v=${s#*: }
                echo "$info" | grep -q "^$k: *$v$" && ok "layout $name: $k" || fail "layout $name: pdfinfo $k is not \"$v\"" "$(echo "$info" | grep "^$k")" ;;
            "outline: "*) s=${line#outline: }
                mutool show "$out.pdf" outline 2>/dev/null | grep -qF -- "$s" && ok "layout $name: outline \"$s\"" \
                    || fail "layout $name: outline lacks \"$s\"" "$(mutool show "$out.pdf" outline 2>&1 | head)" ;;
            "hyphenated: "*) want=${line#hyphenated: }
                n=$(pdftotext "$out.pdf" - 2>/dev/null | grep -c $'\xc2\xad$')
                if { [ "$want" = yes ] && [ "$n" -gt 0 ]; } || { [ "$want" = no ] && [ "$n" = 0 ]; }; then
                    ok "layout $name: hyphenated $want ($n lines)"
                else fail "layout $name: hyphenated $want, but $n lines end with a soft hyphen"; fi ;;
            "noend: "*) s=${line#noend: }
                c=$(sed 's/[[:space:]]*$//' <<<"$text" | grep -cE "(^|[[:space:]])$s\$")
                [ "$c" = 0 ] && ok "layout $name: no line ends with \"$s\"" || fail "layout $name: $c lines end with \"$s\"" ;;
            "count: "*) s=${line#count: }; n=${s%%: *}; s=${s#*: }
                c=$(pdftotext "$out.pdf" - 2>/dev/null | grep -cF -- "$s")
                [ "$c" = "$n" ] && ok "layout $name: \"$s\" $n times" || fail "layout $name: \"$s\" $c times, expected $n" ;;
            "links: "*) n=${line#links: }
                c=$(qpdf --qdf --object-streams=disable "$out.pdf" - 2>/dev/null | grep -a -c "/Subtype /Link")
                [ "$c" = "$n" ] && ok "layout $name: $n links" || fail "layout $name: $c links, expected $n" ;;
            ""|"#"*) ;;
            *) fail "layout $name: unknown check \"$line\"" ;;
            esac
        done <"$L/$name.expect"
    fi
done

# Reference images, where looks matter: page 1 at 40 dpi, 2 % tolerance.
for ref in "$L"/ref/*.png; do
    [ -f "$ref" ] || continue
    base=$(basename "$ref" .png)          # NAME-pN
    name=${base%-p*}; pg=${base##*-p}
    picked "$name" || continue
    pdftoppm -r 40 -f "$pg" -l "$pg" -png -singlefile "$TMP/layout/$name.pdf" "$TMP/layout/$base" 2>/dev/null
    [ -n "${REGEN:-}" ] && cp "$TMP/layout/$base.png" "$ref"
    if msg=$("$PNGDIFF" "$ref" "$TMP/layout/$base.png" 2); then ok "image $base: $msg"
    else fail "image $base differs from the reference" "$msg"; fi
done

# The area as a whole.
all_cases || return 0

# The same input gives the same bytes; SOURCE_DATE_EPOCH is used only when
# the document has no date of its own.
f=$L/99-minutes-like.layout.xml
"$COPIL" render "$f" -o "$TMP/same1.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=1 "$COPIL" render "$f" -o "$TMP/same2.pdf" 2>/dev/null
cmp -s "$TMP/same1.pdf" "$TMP/same2.pdf" && ok "same input, same bytes" || fail "two renderings differ"
sed 's/ created="[^"]*"//' "$L/01-plain-paragraphs.layout.xml" >"$L/../tmp-nodate.layout.xml" 2>/dev/null
mv "$L/../tmp-nodate.layout.xml" "$TMP/nodate.layout.xml"
"$COPIL" render "$TMP/nodate.layout.xml" -o "$TMP/nodate.pdf" 2>/dev/null
pdfinfo "$TMP/nodate.pdf" | grep -q CreationDate && fail "a PDF without date took one (the clock's?)" || ok "no date, no CreationDate"
SOURCE_DATE_EPOCH=1792000000 "$COPIL" render "$TMP/nodate.layout.xml" -o "$TMP/sde.pdf" 2>/dev/null
pdfinfo "$TMP/sde.pdf" | grep -q "CreationDate: .*2026 UTC" && ok "SOURCE_DATE_EPOCH sets the date" || fail "SOURCE_DATE_EPOCH ignored" "$(pdfinfo "$TMP/sde.pdf" | grep Date)"

# Atomic output: an error leaves no PDF and an earlier one untouched.
cp "$TMP/same1.pdf" "$TMP/keep.pdf"
printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body><p>a<b></p></body></document>\n' >"$TMP/broken.layout.xml"
expect_exit "a broken layout is an input error" 1 "$COPIL" render "$TMP/broken.layout.xml" -o "$TMP/keep.pdf"
cmp -s "$TMP/same1.pdf" "$TMP/keep.pdf" && ok "an earlier PDF is untouched" || fail "an earlier PDF was changed"
ls -a "$TMP" | grep -q '^\.keep\.pdf\.' && fail "a temporary file was left behind" || ok "no temporary file left"
mkdir -p "$TMP/ro" && chmod 555 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
    expect_exit "an unwritable folder is an I/O error" 3 "$COPIL" render "$f" -o "$TMP/ro/x.pdf"
fi
expect_exit "a missing output folder is an I/O error" 3 "$COPIL" render "$f" -o "$TMP/nowhere/x.pdf"
grep -q "cannot write here" "$TMP/err" && ok "unwritable output message" || fail "unwritable output message" "$(cat "$TMP/err")"
expect_exit "render without a file" 2 "$COPIL" render
expect_exit "help render" 0 "$COPIL" help render

# Hyphenation leaves the words of dates and quantities whole, but not the
# words beside the no-break spaces of punctuation (« mot », mot :).
cat >"$TMP/hyph.layout.xml" <<'EOF2'
<?xml version="1.0"?>
<document xmlns="urn:copil:layout" title="x"><styles><style name="n" font="serif" size="10pt" align="justify"/></styles><body>
<columns><column width="28mm"><p style="n">Les « recommandations » du comité : recommandations. Le 18 octobre 2026 et le 1er décembre, puis 12 kilomètres.</p></column><column width="1*"><p>x</p></column></columns>
</body></document>
EOF2
"$COPIL" render "$TMP/hyph.layout.xml" -o "$TMP/hyph.pdf" 2>/dev/null
hy=$(pdftotext "$TMP/hyph.pdf" - 2>/dev/null)
grep -q $'« recomman\xc2\xad$' <<<"$hy" && ok "a word in guillemets is hyphenated" || fail "a word in guillemets is not hyphenated" "$hy"
grep -q $'recomman\xc2\xad$' <<<"$(grep -v '«' <<<"$hy")" && ok "a word before a colon is hyphenated" || fail "a word before a colon is not hyphenated" "$hy"
grep -q "octobre" <<<"$hy" && grep -q "décembre" <<<"$hy" && grep -q "kilomètres" <<<"$hy" \
    && ok "the words of dates and quantities stay whole" || fail "a date or a quantity was hyphenated" "$hy"

# Charts whose data do not fit their kind: one clear message at the line.
chart_doc() { printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n%s\n</body></document>\n' "$1" >"$TMP/chart.layout.xml"; }
chart_doc '<chart kind="grouped" title="t"><series name="a"/><series name="b"/><point label="x" values="1"/></chart>'
expect_exit "a chart point short of values" 1 "$COPIL" render "$TMP/chart.layout.xml" -o "$TMP/chart.pdf"
grep -q "chart.layout.xml:3: error: this <point> has 1 value but its chart has 2 series" "$TMP/err" \
    && ok "chart values message" || fail "chart values message" "$(cat "$TMP/err")"
chart_doc '<chart kind="pie" title="t"><series name="a"/><series name="b"/><point label="x" values="1 2"/></chart>'
expect_exit "a pie with two series" 1 "$COPIL" render "$TMP/chart.layout.xml" -o "$TMP/chart.pdf"
grep -q "a pie chart shows one series, and this one has 2 <series>" "$TMP/err" \
    && ok "pie series message" || fail "pie series message" "$(cat "$TMP/err")"
chart_doc '<chart kind="bar" title="t"><point label="x" values="-4"/></chart>'
expect_exit "a negative chart value" 1 "$COPIL" render "$TMP/chart.layout.xml" -o "$TMP/chart.pdf"
grep -q "chart.layout.xml:3:" "$TMP/err" && ok "negative value at its line" || fail "negative value message" "$(cat "$TMP/err")"
[ ! -e "$TMP/chart.pdf" ] && ok "no PDF from a bad chart" || fail "a bad chart left a PDF"
chart_doc '<chart kind="bar" title="Équipements 漢"><point label="漢" values="4"/></chart>'
expect_exit "a chart with a character no font has" 0 "$COPIL" render "$TMP/chart.layout.xml" -o "$TMP/chart.pdf"
grep -q 'chart.layout.xml:3: warning: the character "漢" (U+6F22) in <chart> is in no font of fonts/' "$TMP/err" \
    && [ "$(grep -c 'U+6F22' "$TMP/err")" = 1 ] && ok "a chart's missing glyph: warned once" || fail "a chart's missing glyph" "$(cat "$TMP/err")"

# A row's header cell (header="row") belongs to a body row, and "row" is
# the one thing a cell heads that way: each mistake is one message at its line.
row_head_doc() { printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n<table><col width="1*"/><col width="1*"/>\n%s\n<row><cell header="row">a</cell><cell>1</cell></row></table>\n</body></document>\n' "$1" >"$TMP/rowhead.layout.xml"; }
row_head_doc '<head><row><cell header="row">Mesure</cell><cell>Valeur</cell></row></head>'
expect_exit "a header cell marked as a row's header" 1 "$COPIL" render "$TMP/rowhead.layout.xml" -o "$TMP/rowhead.pdf"
grep -qF 'rowhead.layout.xml:4: error: header="row" is for a cell of a body row, the header of its row: a cell of <head> heads its column already; remove it here' "$TMP/err" \
    && ok "row header in <head>: message at its line" || fail "row header in <head>: message" "$(cat "$TMP/err")"
row_head_doc '<head><row><cell>Mesure</cell><cell header="column">Valeur</cell></row></head>'
expect_exit "a cell with header=\"column\"" 1 "$COPIL" render "$TMP/rowhead.layout.xml" -o "$TMP/rowhead.pdf"
grep -qF 'rowhead.layout.xml:4:' "$TMP/err" && grep -qF 'header="column" in <cell> is not allowed: write header="row"' "$TMP/err" \
    && ok "header=\"column\": the schema's message" || fail "header=\"column\": message" "$(cat "$TMP/err")"
[ ! -e "$TMP/rowhead.pdf" ] && ok "no PDF from a misplaced row header" || fail "a misplaced row header left a PDF"

# Hostile layouts: each ends, with a PDF or a clear message.
bash "$L/make-hostile.sh" "$TMP/hostile" >/dev/null 2>&1
cp "$L/39-lists-nested-50.layout.xml" "$L/36-unbreakable-word.layout.xml" "$L/37-cell-taller-than-page.layout.xml" "$L/35-empty-body.layout.xml" "$TMP/hostile/" 2>/dev/null
for f in "$TMP"/hostile/*.layout.xml; do
    name=$(basename "$f" .layout.xml)
    start=$(date +%s%N)
    got=0
    timeout 60 "$COPIL" render "$f" -o "$TMP/hostile/$name.pdf" >/dev/null 2>"$TMP/hostile/$name.err" || got=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$ms $name" >>"$TMP/hostile-times"
    if [ "$got" = 0 ] && qpdf --check "$TMP/hostile/$name.pdf" >/dev/null 2>&1; then ok "hostile $name: a correct PDF"
    elif [ "$got" = 1 ] && [ -s "$TMP/hostile/$name.err" ]; then ok "hostile $name: a clear error"
    else fail "hostile $name: exit $got" "$(head -3 "$TMP/hostile/$name.err")"; fi
done
[ -s "$TMP/hostile-times" ] && echo "slowest hostile layout: $(sort -n "$TMP/hostile-times" | tail -1 | sed 's/ / ms (/')"")"
