# tests/documents.sh — data files rendered through the stylesheets, sourced
# by tests/run.sh (uses ok/fail/expect_exit, $COPIL, $TMP).

D="$TMP/documents"
mkdir -p "$D"

# The agenda of the collège's term-1 meeting: start times computed from the
# planned durations, French dates and times, the chair's signature block.
expect_exit "render an agenda-only meeting" 0 "$COPIL" render samples/college-2026-t1-agenda.xml -d "$D"
pdf="$D/college-2026-t1-agenda.pdf"
[ -f "$pdf" ] && ok "a file named NAME-agenda.xml makes NAME-agenda.pdf" || fail "no $pdf" "$(ls "$D")"
[ ! -e "$D/college-2026-t1-agenda-agenda.pdf" ] && ok "the kind is not said twice" || fail "NAME-agenda-agenda.pdf written"
if qpdf --check "$pdf" >/dev/null 2>&1; then ok "agenda: qpdf --check"; else fail "agenda: qpdf --check"; fi
text=$(pdftotext -layout "$pdf" - 2>/dev/null)
for s in "Convocation" "Ordre du jour" "Jeudi 8 octobre 2026, de 17 h 30 à 19 h" \
         "17 h 40" "17 h 55" "18 h 10" "18 h 25" "18 h 35" "18 h 50" \
         "Fin de la réunion (prévue à 19 h)" "Mme Hélène Rousseau" "Année scolaire 2026–2027"; do
    grep -qF -- "$s" <<<"$text" && ok "agenda shows \"$s\"" || fail "agenda lacks \"$s\""
done
pdfinfo "$pdf" | grep -q "^Title: *Ordre du jour — Comité de pilotage du numérique — jeudi 8 octobre 2026$" \
    && ok "agenda title" || fail "agenda title" "$(pdfinfo "$pdf" | grep Title)"

# A name ends in its kind only for that kind: x-agenda.xml rendered as
# minutes, or any other name, still gets the kind; the public copy adds
# -public; every kind is handled the same way.
mkdir -p "$D/names"
cp samples/college-2026-t1.xml "$D/names/t1-agenda.xml"
cp samples/college-2026-t1.xml "$D/names/t1-minutes.xml"
cp samples/lettre-mission-ctice.xml "$D/names/ctice-mission-letter.xml"
cp samples/lettre-mission-ctice.xml "$D/names/ctice-letter.xml"
copil_abs=$(cd "$(dirname "$COPIL")" && pwd)/$(basename "$COPIL")
for args in "t1-agenda.xml" "--kind agenda t1-agenda.xml" "--public t1-agenda.xml" "--public --kind agenda t1-agenda.xml" \
    "t1-minutes.xml" "ctice-mission-letter.xml" "ctice-letter.xml"; do
    # shellcheck disable=SC2086
    (cd "$D/names" && "$copil_abs" render -q $args) 2>"$D/names.err" || fail "render $args" "$(cat "$D/names.err")"
done
have=$(cd "$D/names" && ls *.pdf | tr '\n' ' ')
want="ctice-letter-mission-letter.pdf ctice-mission-letter.pdf t1-agenda-minutes.pdf t1-agenda-public.pdf t1-agenda-minutes-public.pdf t1-agenda.pdf t1-minutes.pdf "
[ "$(tr ' ' '\n' <<<"$have" | sort)" = "$(tr ' ' '\n' <<<"$want" | sort)" ] && ok "output names: the kind once, -public last" \
    || fail "output names" "have: $have"$'\n'"want: $want"
# In a batch, x-agenda.xml and x.xml that makes an agenda would write the
# same PDF: refused before anything is written; beside minutes, both go.
mkdir -p "$D/clash" "$D/noclash"
cp samples/college-2026-t1-agenda.xml "$D/clash/x-agenda.xml"
cp samples/college-2026-t1-agenda.xml "$D/clash/x.xml"
expect_exit "x-agenda.xml beside an x.xml that makes an agenda: refused" 2 "$COPIL" render -q "$D/clash"
grep -qx "copil render: error: $D/clash/x-agenda.xml and $D/clash/x.xml would both write x-agenda.pdf; rename one, or render them into different folders (-d)" "$TMP/err" \
    && ok "the clash names both files and the PDF" || fail "clash message" "$(cat "$TMP/err")"
[ -z "$(ls "$D/clash"/*.pdf 2>/dev/null)" ] && ok "nothing written after a clash" || fail "a PDF was written despite the clash"
cp samples/college-2026-t1-agenda.xml "$D/noclash/x-agenda.xml"
cp samples/college-2026-t1.xml "$D/noclash/x.xml"
expect_exit "x-agenda.xml beside an x.xml that makes minutes" 0 "$COPIL" render -q "$D/noclash"
[ -f "$D/noclash/x-agenda.pdf" ] && [ -f "$D/noclash/x-minutes.pdf" ] && ok "both written, each under its name" \
    || fail "noclash outputs" "$(ls "$D/noclash")"

# Items that run past the planned end: a warning on the terminal, at the line
# of <end>, and still the agenda (the PDF says nothing of it).
"$COPIL" render samples/college-2026-t1-agenda.xml -o "$D/fits.pdf" 2>"$D/fits.err"
grep -q "warning" "$D/fits.err" && fail "an agenda that fits was warned about" "$(cat "$D/fits.err")" || ok "an agenda that fits: no warning"
sed 's#<end>19:00</end>#<end>18:30</end>#' samples/college-2026-t1-agenda.xml >"$D/overrun.xml"
expect_exit "an overrunning agenda still renders" 0 "$COPIL" render "$D/overrun.xml" -o "$D/overrun.pdf"
grep -q "overrun.xml:20: warning: the agenda runs 30 min past the planned <end>: its items take 90 min, the meeting is planned for 60" "$TMP/err" \
    && ok "overrun warning with the line of <end>" || fail "overrun warning" "$(cat "$TMP/err")"
pdftotext "$D/overrun.pdf" - 2>/dev/null | grep -qi "warning\|dépasse" && fail "the overrun warning reached the PDF" || ok "the PDF carries no warning"

# A meeting with its record makes minutes by default; --kind agenda still
# prints its agenda; minutes of a meeting without record are refused.
expect_exit "--kind agenda on a meeting with a record" 0 "$COPIL" render samples/college-2026-t1.xml --kind agenda -o "$D/t1-agenda.pdf"
expect_exit "--kind minutes without a record" 1 "$COPIL" render samples/college-2026-t1-agenda.xml --kind minutes -o "$D/x.pdf"
grep -q "minutes need the meeting's record" "$TMP/err" && ok "no-record message" || fail "no-record message" "$(cat "$TMP/err")"
expect_exit "--kind that does not fit the file" 1 "$COPIL" render samples/lettre-mission-ctice.xml --kind agenda -o "$D/x.pdf"
[ ! -e "$D/x.pdf" ] && ok "no PDF after a refusal" || fail "a PDF was written after a refusal"

# Minutes: the term-2 meeting evaluates term 1's objectives and follows its
# open actions, both read from the term-1 file it names.
expect_exit "render minutes (default for a record)" 0 "$COPIL" render samples/college-2026-t2.xml -d "$D"
pdf="$D/college-2026-t2-minutes.pdf"
if qpdf --check "$pdf" >/dev/null 2>&1; then ok "minutes: qpdf --check"; else fail "minutes: qpdf --check"; fi
text=$(pdftotext -layout "$pdf" - 2>/dev/null)
for s in "Compte rendu" "2e réunion — séance ordinaire" "Évaluation des objectifs de la réunion précédente" \
         "Suivi des actions de la réunion précédente" "Relevé des décisions" "Secrétaire de séance" \
         "Pour : 5" "Abstention : 2" "Prochaine réunion"; do
    grep -qF -- "$s" <<<"$text" && ok "minutes show \"$s\"" || fail "minutes lack \"$s\""
done
# Each evaluated objective appears with its text from term 1 and its result.
for id in o1 o2 o3; do
    obj=$(xmllint --xpath "string(//*[local-name()='objective'][@id='$id']/*[local-name()='text'])" samples/college-2026-t1.xml)
    res=$(xmllint --xpath "string(//*[local-name()='evaluation'][@objective='$id']/@result)" samples/college-2026-t2.xml)
    label=$(case $res in atteint) echo "Atteint";; partiellement-atteint) echo "Partiellement";; *) echo "Non atteint";; esac)
    words=$(echo "$obj" | cut -d' ' -f1-3)
    grep -qF -- "$words" <<<"$text" && grep -qF -- "$label" <<<"$text" && ok "objective $id: \"$words…\" $label" \
        || fail "objective $id not carried over ($words / $label)"
done
# Term 1's open actions appear with their status now (from term 2's record).
n_open=$(xmllint --xpath "count(//*[local-name()='record']/*[local-name()='actions']/*[local-name()='action'][@status='a-faire' or @status='en-cours'])" samples/college-2026-t1.xml)
n_rows=$(pdftotext -layout "$pdf" - | sed -n '/Suivi des actions de la réunion précédente/,/Point 1/p' | grep -cE "(Réalisée|En cours|À faire|Abandonnée|Reportée) *$")
[ "$n_rows" = "$n_open" ] && ok "$n_open open actions of term 1 followed up" || fail "followed-up actions: $n_rows rows, $n_open open in term 1"

# A previous meeting that is missing, outside the folder, or invalid: a
# clear error that names both files, and no PDF.
mkdir -p "$D/m/sub"
sed 's|href="college-2026-t1.xml"|href="missing.xml"|' samples/college-2026-t2.xml >"$D/m/t2-missing.xml"
expect_exit "minutes with a missing previous meeting" 1 "$COPIL" render "$D/m/t2-missing.xml" -d "$D/m"
grep -q 'href="missing.xml" in <previous> cannot be found next to this file' "$TMP/err" && ok "missing previous: message" || fail "missing previous: message" "$(cat "$TMP/err")"
cp samples/college-2026-t1.xml "$D/m/t1.xml"
sed 's|href="college-2026-t1.xml"|href="../t1.xml"|' samples/college-2026-t2.xml >"$D/m/sub/t2-outside.xml"
expect_exit "minutes with a previous meeting outside the folder" 1 "$COPIL" render "$D/m/sub/t2-outside.xml" -d "$D/m"
grep -q "href=\"../t1.xml\" in <previous> leads outside this file's folder" "$TMP/err" && ok "outside previous: message" || fail "outside previous: message" "$(cat "$TMP/err")"
# A previous meeting named with a URI character, or that is not a meeting.
cp samples/college-2026-t1.xml "$D/m/a#b.xml"
sed 's|href="college-2026-t1.xml"|href="a#b.xml"|' samples/college-2026-t2.xml >"$D/m/t2-hash.xml"
expect_exit "a previous meeting named with #" 1 "$COPIL" render "$D/m/t2-hash.xml" -d "$D/m"
grep -q 'href="a#b.xml" in <previous> is not valid: expected a relative file path with / separators and none of : \\ # % ?' "$TMP/err" \
    && ok "previous named with #: message" || fail "previous named with #: message" "$(cat "$TMP/err")"
cp samples/lettre-mission-ctice.xml "$D/m/letter.xml"
sed 's|href="college-2026-t1.xml"|href="letter.xml"|' samples/college-2026-t2.xml >"$D/m/t2-letter.xml"
expect_exit "a previous meeting that is a mission letter" 1 "$COPIL" render "$D/m/t2-letter.xml" -d "$D/m"
grep -q 't2-letter.xml:[0-9]*: error: the linked file "letter.xml" is a mission letter file, not a meeting' "$TMP/err" \
    && ok "previous that is a mission letter: message" || fail "previous that is a mission letter: message" "$(cat "$TMP/err")"
sed 's|<date>2026-10-08</date>|<date>2026-10-32</date>|' samples/college-2026-t1.xml >"$D/m/t1-bad.xml"
sed 's|href="college-2026-t1.xml"|href="t1-bad.xml"|' samples/college-2026-t2.xml >"$D/m/t2-badprev.xml"
expect_exit "minutes with an invalid previous meeting" 1 "$COPIL" render "$D/m/t2-badprev.xml" -d "$D/m"
grep -q '^t1-bad.xml:[0-9]*:[0-9]*: error: <date> "2026-10-32" is not valid' "$TMP/err" && grep -q "t2-badprev.xml.*has problems" "$TMP/err" \
    && ok "invalid previous: both files named" || fail "invalid previous: messages" "$(cat "$TMP/err")"
ls "$D"/m/*.pdf >/dev/null 2>&1 && fail "a PDF was written for a broken link" || ok "no PDF for a broken link"

# Mission letters, and the activity report whose committee figures must
# equal those computed here, independently, from the meeting files it names.
expect_exit "render the CTICE's mission letter" 0 "$COPIL" render samples/lettre-mission-ctice.xml -d "$D"
pdfinfo "$D/lettre-mission-ctice-mission-letter.pdf" | grep -q "^Pages: *2$" && ok "the CTICE's letter fits on two pages" || fail "the CTICE's letter is not two pages"
text=$(pdftotext -layout "$D/lettre-mission-ctice-mission-letter.pdf" - 2>/dev/null)
for s in "Objet : lettre de mission" "Références :" "Madame," "La principale" "Le délégué académique au numérique" \
         "Vu et pris connaissance" "Copie à :" "Tours, le 21 septembre 2026" "soit 2 500 € par an"; do
    grep -qF -- "$s" <<<"$text" && ok "mission letter shows \"$s\"" || fail "mission letter lacks \"$s\""
done
expect_exit "render the AED TICE's mission letter" 0 "$COPIL" render samples/lettre-mission-aed-tice.xml -d "$D"

expect_exit "render the activity report" 0 "$COPIL" render samples/rapport-activite-ctice-2026-2027.xml -d "$D"
text=$(pdftotext -layout "$D/rapport-activite-ctice-2026-2027-activity-report.pdf" - 2>/dev/null)
x() { xmllint --xpath "$1" "${@:2}" 2>/dev/null; }
files=()
for h in $(x "//*[local-name()='meeting-file']/@href" samples/rapport-activite-ctice-2026-2027.xml | sed -E 's/ *href="([^"]*)"/\1 /g'); do
    files+=("samples/$h")
done
held=0; decisions=0; objectives=0; came=0; counted=0; reached=0; partly=0; missed=0
for f in "${files[@]}"; do
    R="//*[local-name()='record']"
    [ "$(x "count($R)" "$f")" -gt 0 ] && held=$((held + 1))
    decisions=$((decisions + $(x "count($R/*[local-name()='decisions']/*)" "$f")))
    objectives=$((objectives + $(x "count($R/*[local-name()='objectives']/*)" "$f")))
    came=$((came + $(x "count(//*[local-name()='member'][@attendance='present' or @attendance='represente'])" "$f")))
    counted=$((counted + $(x "count(//*[local-name()='member'][@attendance])" "$f")))
    reached=$((reached + $(x "count(//*[local-name()='evaluation'][@result='atteint'])" "$f")))
    partly=$((partly + $(x "count(//*[local-name()='evaluation'][@result='partiellement-atteint'])" "$f")))
    missed=$((missed + $(x "count(//*[local-name()='evaluation'][@result='non-atteint'])" "$f")))
done
rate=$(( (200 * came / counted + 1) / 2 ))
check_figure() {
    grep -qE -- "$1 +$2( %)?$" <<<"$text" && ok "report: $1 = $2" || fail "report: $1 is not $2" "$(grep -F -- "$1" <<<"$text")"
}
check_figure "Réunions tenues" "$held"
check_figure "Taux de présence \(présents et représentés\)" "$rate"
check_figure "Décisions prises" "$decisions"
check_figure "Objectifs fixés" "$objectives"
check_figure "Objectifs évalués : atteints" "$reached"
check_figure "Objectifs évalués : partiellement atteints" "$partly"
check_figure "Objectifs évalués : non atteints" "$missed"

# The report's charts: every time share and every indicator reaches the
# figure's text alternative, written from the data.
"$COPIL" render samples/rapport-activite-ctice-2026-2027.xml --dump=pages -o "$D/report-dump.pdf" >"$D/report.pages" 2>/dev/null
n=$(grep -c '^  chart ' "$D/report.pages")
[ "$n" -ge 2 ] && ok "report: $n charts" || fail "report: $n charts, expected a time chart and an indicator chart"
alt=$(grep '^      alt: ' "$D/report.pages" | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g')
S=samples/rapport-activite-ctice-2026-2027.xml
for p in $(x "//*[local-name()='share']/@percent" "$S" | sed -E 's/ *percent="([^"]*)"/\1 /g'); do
    grep -q " $p %" <<<"$alt" && ok "report: share $p % in the chart's alt text" || fail "report: share $p % missing from the alt text" "$alt"
done
for v in $(x "//*[local-name()='indicator']/@value" "$S" | sed -E 's/ *value="([^"]*)"/\1 /g'); do
    grep -qF " ${v/./,} " <<<"$alt" && ok "report: indicator $v in the alt text" || fail "report: indicator $v missing from the alt text" "$alt"
done

# A second identity: the four documents restyled by replacing common.xsl
# alone (tests/identity/common.xsl imports the shipped one, renamed, and
# overrides colours, fonts and footer); the document stylesheets are the
# shipped ones, untouched.
I="$TMP/identity"
rm -rf "$I" && mkdir -p "$I" && ln -s "$PWD/schemas" "$I/schemas" && ln -s "$PWD/fonts" "$I/fonts"
cp -R stylesheets "$I/stylesheets"
mv "$I/stylesheets/common.xsl" "$I/stylesheets/common-base.xsl"
cp tests/identity/common.xsl "$I/stylesheets/common.xsl"
for s in college-2026-t1-agenda college-2026-t2 lettre-mission-ctice rapport-activite-ctice-2026-2027; do
    got=0
    COPIL_DATADIR="$I" "$COPIL" render "samples/$s.xml" --dump=pages -o "$D/$s-identity.pdf" >"$D/$s-identity.pages" 2>"$D/$s-identity.err" || got=$?
    "$COPIL" render "samples/$s.xml" --dump=pages -o "$D/$s-default.pdf" >"$D/$s-default.pages" 2>/dev/null
    if [ "$got" != 0 ]; then fail "identity $s: exit $got" "$(head -5 "$D/$s-identity.err")"; continue; fi
    text=$(pdftotext "$D/$s-identity.pdf" - 2>/dev/null)
    grep -q "^Lycée des métiers du numérique — page 1 sur [0-9]" <<<"$text" && ! grep -q "^Page 1 / " <<<"$text" \
        && ok "identity $s: its footer" || fail "identity $s: footer" "$(grep -i "page 1" <<<"$text")"
    grep -qE "color=#(7a1f2b|f6e9eb|b88a91)" "$D/$s-identity.pages" && ! grep -qE "color=#(7a1f2b|f6e9eb|b88a91)" "$D/$s-default.pages" \
        && ok "identity $s: its colours" || fail "identity $s: colours unchanged"
    pdffonts "$D/$s-identity.pdf" | grep -q "LiberationSerif-Bold" && ok "identity $s: serif titles" || fail "identity $s: no serif titles"
    # Same content: the first page's title and establishment in both.
    for t in "Collège Jean-Moulin" "Académie d’Orléans-Tours"; do
        grep -qF "$t" <<<"$text" && ok "identity $s: shows \"$t\"" || fail "identity $s: lacks \"$t\""
    done
done

# Every sample: its text as pdftotext reads it (reading order, French
# formatting) equals the reviewed golden, and page 1 looks like its reference
# image (40 dpi, 2 % tolerance); both are rewritten on purpose by make regen.
# Also qpdf --check and fonts: only ours, all embedded.
G=tests/documents
mkdir -p "$G/ref"
for f in samples/*.xml; do
    name=$(basename "$f" .xml)
    out="$D/golden/$name"
    mkdir -p "$out"
    got=0
    "$COPIL" render "$f" -d "$out" >/dev/null 2>"$out.err" || got=$?
    pdf=$(ls "$out"/*.pdf 2>/dev/null | head -1)
    if [ "$got" != 0 ] || [ -z "$pdf" ]; then fail "sample $name: exit $got" "$(head -5 "$out.err")"; continue; fi
    base=$(basename "$pdf" .pdf)
    pdftotext -layout "$pdf" "$out/$base.txt" 2>/dev/null
    pdftoppm -r 40 -f 1 -l 1 -png -singlefile "$pdf" "$out/$base-p1" 2>/dev/null
    if [ -n "${REGEN:-}" ]; then cp "$out/$base.txt" "$G/$base.txt"; cp "$out/$base-p1.png" "$G/ref/$base-p1.png"; fi
    if [ ! -f "$G/$base.txt" ]; then fail "sample $name: no $G/$base.txt (run make regen and review it)"
    elif diff -u "$G/$base.txt" "$out/$base.txt" >"$out.diff"; then ok "sample $name: text equals $base.txt"
    else fail "sample $name: text differs from $base.txt" "$(head -30 "$out.diff")"; fi
    if msg=$("$PNGDIFF" "$G/ref/$base-p1.png" "$out/$base-p1.png" 2 2>&1); then ok "sample $name: page 1 image ($msg)"
    else fail "sample $name: page 1 differs from its reference image" "$msg"; fi
    qpdf --check "$pdf" >/dev/null 2>&1 && ok "sample $name: qpdf --check" || fail "sample $name: qpdf --check"
    fonts=$(pdffonts "$pdf" 2>&1 | tail -n +3)
    if [ -n "$fonts" ] && ! grep -v -E '^[A-Z]{6}\+Liberation(Sans|Serif)[-A-Za-z]* .* yes +yes +yes ' <<<"$fonts" | grep -q .; then
        ok "sample $name: only Liberation fonts, embedded"
    else fail "sample $name: fonts" "$fonts"; fi
done
