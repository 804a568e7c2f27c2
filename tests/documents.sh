# tests/documents.sh — data files rendered through the stylesheets, the area
# documents of tests/run.sh (uses ok/fail/expect_exit, $COPIL, $TMP, $PNGDIFF).

D="$TMP/documents"
mkdir -p "$D"

# Every sample: its text as pdftotext reads it (reading order, French
# formatting) equals the reviewed golden, and page 1 looks like its reference
# image (40 dpi, 2 % tolerance); both are rewritten on purpose by make regen.
# Also qpdf --check and fonts: only ours, all embedded. Each sample is a
# case: tests/run.sh documents/NAME runs (and --update rewrites) only its
# own; the checks after these run with the area only.
G=tests/documents
mkdir -p "$G/ref"
for f in samples/*.xml; do
    name=$(basename "$f" .xml)
    picked "$name" || continue
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

# The area as a whole.
all_cases || return 0

# Pages painted as soon as they are laid out, and pages kept for a dump
# then painted, give the same bytes; the headers and footers that show the
# page count are drawn once it is known, whichever margin holds them, on
# the page they belong to: a header « page N sur M » and a first footer
# without fields here.
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<document xmlns="urn:copil:layout" title="Marges" created="2026-10-08T17:30:00+02:00">'
    echo '  <styles><style name="p" size="11pt" line-height="1.4" space-after="3mm"/></styles>'
    echo '  <header><p>En-tête — page <page-number/> sur <page-count/></p></header>'
    echo '  <first-footer><p>Pied de la première page</p></first-footer>'
    echo '  <footer><p>Pied courant</p></footer>'
    echo '  <body>'
    for i in $(seq 1 90); do echo "    <p>Paragraphe $i du corps, assez long pour remplir trois pages.</p>"; done
    echo '  </body>'
    echo '</document>'
} >"$D/late.layout.xml"
for f in samples/college-2026-t1.xml samples/rapport-activite-ctice-2026-2027.xml "$D/late.layout.xml"; do
    n=$(basename "$f" .xml)
    if "$COPIL" render -q "$f" -o "$D/$n-streamed.pdf" && "$COPIL" render -q --dump=pages "$f" -o "$D/$n-kept.pdf" >/dev/null &&
        cmp -s "$D/$n-streamed.pdf" "$D/$n-kept.pdf"; then
        ok "$n: pages painted as laid out equal pages kept, byte for byte"
    else fail "$n: streamed and kept pages give different PDFs"; fi
done
pdf="$D/late.layout-streamed.pdf"
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$pages" = 3 ] && ok "late margins: 3 pages, none added" || fail "late margins: $pages pages, not 3"
qpdf --check "$pdf" >/dev/null 2>&1 && ok "late margins: qpdf --check" || fail "late margins: qpdf --check"
for k in 1 2 3; do
    t=$(pdftotext -f "$k" -l "$k" -layout "$pdf" - 2>/dev/null)
    foot="Pied courant"
    [ "$k" = 1 ] && foot="Pied de la première page"
    if grep -qF "En-tête — page $k sur 3" <<<"$t" && grep -qF "$foot" <<<"$t"; then
        ok "late margins: page $k has its header and its footer"
    else fail "late margins: page $k" "$t"; fi
done
if "$COPIL" render -q --dump=pages "$D/late.layout.xml" | grep -q "En-tête — page 3 sur 3"; then
    ok "late margins: the page dump has them"
else fail "late margins: not in the page dump"; fi

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
for s in "Compte rendu" "2e réunion — séance ordinaire" "Point 2 — Évaluation des objectifs" \
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
n_rows=$(pdftotext -layout "$pdf" - | sed -n '/Suivi des actions de la réunion précédente/,/Point 1/p' | grep -cE "(Réalisée|En cours|À faire|Abandonnée) *$")
[ "$n_rows" = "$n_open" ] && ok "$n_open open actions of term 1 followed up" || fail "followed-up actions: $n_rows rows, $n_open open in term 1"
grep -q "Reportée" <<<"$text" && fail "a status nobody typed (Reportée) in the minutes" || ok "no status nobody typed"
# a4's due date moved from 18 December to 26 February: said as such.
# (pdftotext's text without layout, lines joined: a cell's sentence whole)
flat() { pdftotext "$1" - 2>/dev/null | sed 's/\xc2\xad$//' | tr '\n' ' ' | sed 's/  */ /g'; }
grep -qF "Échéance reportée du 18 décembre 2026 au 26 février 2027" <<<"$(flat "$pdf")" \
    && ok "minutes: a changed due date reads as such" || fail "minutes: changed due date" "$(grep -F "Échéance" <<<"$text")"

# Follow-up (issue 16): the previous meeting of tests/bad/linked, with one
# action followed up (new text, new date, an owner who sat only on the
# previous meeting) and one left open; an outside owner for a new action.
F="$D/follow"
mkdir -p "$F/linked" && cp tests/bad/linked/previous.xml "$F/linked/"
grep -v '<document href' tests/bad/document-href-missing.xml >"$F/followed.xml"
expect_exit "minutes with followed-up actions" 0 "$COPIL" render "$F/followed.xml" -o "$F/followed.pdf"
[ ! -s "$TMP/err" ] && ok "followed-up actions: no warning" || fail "followed-up actions warned" "$(cat "$TMP/err")"
text=$(pdftotext -layout "$F/followed.pdf" - 2>/dev/null | sed 's/\xc2\xad$//')
grep -qF "Échéance reportée du 31 janvier au 5 mars 2027" <<<"$(flat "$F/followed.pdf")" && ok "follow-up: due date moved, same year" || fail "follow-up: due date sentence" "$text"
grep -qF "Publier le calendrier des ateliers et celui des" <<<"$text" && ! grep -qF "Publier le calendrier des ateliers sur l’ENT." <<<"$text" \
    && ok "follow-up: its text wins over the previous one" || fail "follow-up: text" "$text"
grep -qE "M\. Karim Benali +5 mars 2027 +En cours" <<<"$text" && ok "follow-up: its owner, due date and status" || fail "follow-up: row" "$text"
grep -qE "M\. Paul Lefèvre +18 décembre 2026 +Réalisée" <<<"$text" && ok "follow-up: an owner from the previous meeting" || fail "follow-up: previous member" "$text"
sed -e 's|<action id="a4" owner="m2" |<action id="a4" |' \
    -e 's|<what>Installer deux bornes Wi-Fi au CDI.</what>|&<owner civility="M."><name>Paul Martin</name><organisation>Conseil départemental</organisation></owner>|' \
    tests/bad/action-not-followed-up.xml >"$F/open.xml"
expect_exit "minutes with an open action not followed up" 0 "$COPIL" render "$F/open.xml" -o "$F/open.pdf"
grep -q 'open.xml:[0-9:]*: warning: action a1 of linked/previous.xml (line [0-9]*), still "à faire", is not followed up' "$TMP/err" \
    && ok "not followed up: a warning, exit 0" || fail "not followed up: warning" "$(cat "$TMP/err")"
text=$(pdftotext -layout "$F/open.pdf" - 2>/dev/null)
grep -qE "Publier le calendrier des ateliers sur l’ENT\. +M\. Karim Benali +31 janvier 2027 +À faire" <<<"$text" \
    && grep -qF "non examinée lors de cette séance" <<<"$(flat "$F/open.pdf")" \
    && ok "not followed up: last known status, marked not examined" || fail "not followed up: row" "$text"
grep -qE "Installer deux bornes Wi-Fi au CDI\. +M\. Paul Martin \(Conseil +26 février 2027" <<<"$text" && grep -qF "départemental)" <<<"$text" \
    && ok "an outside owner printed with the organisation" || fail "outside owner" "$text"

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
grep -q 't2-letter.xml:[0-9:]*: error: the linked file "letter.xml" is a mission letter file, not a meeting' "$TMP/err" \
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
# The report duty is said once; the appointee's words agree with the civility
# (a woman for the CTICE, a man for the AED).
for s in lettre-mission-ctice:Mme lettre-mission-aed-tice:M.; do
    name=${s%%:*} civ=${s#*:}
    text=$(pdftotext "$D/$name-mission-letter.pdf" - 2>/dev/null | tr '\n' ' ')
    n=$(grep -o "rapport d’activité concis" <<<"$text" | wc -l)
    [ "$n" = 1 ] && ok "$name: the report duty is stated once" || fail "$name: the report duty is stated $n times"
    if [ "$civ" = Mme ]; then want="vous êtes désignée" not="vous êtes désigné "; else want="vous êtes désigné " not="vous êtes désignée"; fi
    grep -qF -- "$want" <<<"$text" && ! grep -qF -- "$not" <<<"$text" && ! grep -qF "(e)" <<<"$text" \
        && ok "$name: \"$want\" agrees with $civ" || fail "$name: agreement with $civ" "$text"
done
grep -qx "L’intéressée" <(pdftotext "$D/lettre-mission-ctice-mission-letter.pdf" - 2>/dev/null) \
    && ok "the CTICE's acknowledgement: L’intéressée" || fail "the CTICE's acknowledgement is not signed by « L’intéressée »"

expect_exit "render the activity report" 0 "$COPIL" render samples/rapport-activite-ctice-2026-2027.xml -d "$D"
text=$(pdftotext -layout "$D/rapport-activite-ctice-2026-2027-activity-report.pdf" - 2>/dev/null)
# The mission letter it answers, as a reference read from the letter's file.
L=samples/$(xmllint --xpath "string(//*[local-name()='mission-letter']/@href)" samples/rapport-activite-ctice-2026-2027.xml)
ref="Lettre de mission du $(xmllint --xpath "string(//*[local-name()='date'])" "$L" | awk -F- '{
    split("janvier février mars avril mai juin juillet août septembre octobre novembre décembre", m, " ");
    printf "%s %s %s", ($3 == 1 ? "1er" : $3 + 0), m[$2 + 0], $1 }')"
title=$(xmllint --xpath "string(//*[local-name()='mission-title'])" "$L")
ref="$ref : ${title,}"  # in the middle of a sentence: "coordonnatrice pour le numérique (CTICE)"
head -20 <<<"$text" | grep -qF -- "$ref" && ok "report: near the top, \"$ref\"" \
    || fail "report: no reference to its mission letter \"$ref\"" "$(head -20 <<<"$text")"
# The report's <mission-letter> names a meeting, its <meeting-file> a mission
# letter: each refused at its line, no PDF.
mkdir -p "$D/r"
cp samples/college-2026-t1.xml samples/college-2026-t2.xml samples/lettre-mission-ctice.xml "$D/r/"
sed 's|<mission-letter href="lettre-mission-ctice.xml"/>|<mission-letter href="college-2026-t2.xml"/>|' \
    samples/rapport-activite-ctice-2026-2027.xml >"$D/r/letter-is-meeting.xml"
line=$(grep -n '<mission-letter href' "$D/r/letter-is-meeting.xml" | cut -d: -f1)
expect_exit "a report whose mission letter is a meeting" 1 "$COPIL" render "$D/r/letter-is-meeting.xml" -o "$D/r/x.pdf"
grep -qx "$D/r/letter-is-meeting.xml:$line: error: the linked file \"college-2026-t2.xml\" is a meeting file, not a mission letter's: name a mission letter file in <mission-letter>" "$TMP/err" \
    && ok "report whose mission letter is a meeting: message at its line" || fail "report whose mission letter is a meeting: message" "$(cat "$TMP/err")"
sed 's|<meeting-file href="college-2026-t1.xml"/>|<meeting-file href="lettre-mission-ctice.xml"/>|' \
    samples/rapport-activite-ctice-2026-2027.xml >"$D/r/meeting-is-letter.xml"
line=$(grep -n '<meeting-file href="lettre' "$D/r/meeting-is-letter.xml" | cut -d: -f1)
expect_exit "a report whose meeting file is its mission letter" 1 "$COPIL" render "$D/r/meeting-is-letter.xml" -o "$D/r/x.pdf"
grep -qx "$D/r/meeting-is-letter.xml:$line: error: the linked file \"lettre-mission-ctice.xml\" is a mission letter file, not a meeting's: name a meeting file in <meeting-file>" "$TMP/err" \
    && ok "report whose meeting file is a mission letter: message at its line" || fail "report whose meeting file is a mission letter: message" "$(cat "$TMP/err")"
[ ! -e "$D/r/x.pdf" ] && ok "no PDF for a link of the wrong kind" || fail "a PDF was written for a link of the wrong kind"
sed 's|<mission-letter href="lettre-mission-ctice.xml"/>|<mission-letter href="lettre-2026.xml"/>|' \
    samples/rapport-activite-ctice-2026-2027.xml >"$D/r/letter-missing.xml"
line=$(grep -n '<mission-letter href' "$D/r/letter-missing.xml" | cut -d: -f1)
expect_exit "a report whose mission letter is missing does not validate" 1 "$COPIL" validate "$D/r/letter-missing.xml"
grep -q "letter-missing.xml:$line:[0-9]*: error: href=\"lettre-2026.xml\" in <mission-letter> cannot be found next to this file" "$TMP/err" \
    && ok "report whose mission letter is missing: message at its line" || fail "report whose mission letter is missing: message" "$(cat "$TMP/err")"
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
# Actions: each once, at its last follow-up (the files in date order, a
# later file's action with the same id replacing the earlier one).
declare -A state=()
for f in $(for f in "${files[@]}"; do echo "$(x "string(//*[local-name()='date'][1])" "$f") $f"; done | sort | cut -d' ' -f2); do
    n=$(x "count(//*[local-name()='record']/*[local-name()='actions']/*)" "$f")
    for ((i = 1; i <= n; i++)); do
        A="(//*[local-name()='record']/*[local-name()='actions']/*)[$i]"
        state[$(x "string($A/@id)" "$f")]=$(x "string($A/@status)" "$f")
    done
done
done_n=0; open_n=0
for s in "${state[@]}"; do
    case $s in fait) done_n=$((done_n + 1));; a-faire|en-cours) open_n=$((open_n + 1));; esac
done
check_figure "Actions décidées \(chacune comptée une fois\)" "${#state[@]}"
check_figure "Actions réalisées, au dernier suivi" "$done_n"
check_figure "Actions en cours ou à faire, au dernier suivi" "$open_n"
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

# The place and date above the signatures stand apart: at least 8 pt below
# what precedes them and 4 mm (11.3 pt) above the signatories' titles. The
# activity report has them too, from its establishment's city and the end of
# its school year.
"$COPIL" render samples/college-2026-t1.xml --dump=pages >"$D/t1.pages" 2>/dev/null
for pages in "$D/t1.pages" "$D/report.pages"; do
    gaps=$(awk '/^  [a-z]+ / { prev_bottom = bottom; y = $4; h = $6; sub("y=", "", y); sub("h=", "", h)
                             if (want) { printf "%.1f %.1f\n", above, y - fy - fh; want = 0 }
                             bottom = y + h; fy = y; fh = h; next }
                /^      \| Fait à / { want = 1; above = fy - prev_bottom }' "$pages")
    read -r above below <<<"$gaps"
    if [ -n "$gaps" ] && awk -v a="$above" -v b="$below" 'BEGIN { exit !(a >= 8 && b >= 11.3) }'; then
        ok "$(basename "$pages" .pages): the place and date stand apart (${above} pt above, ${below} pt below)"
    else
        fail "$(basename "$pages" .pages): the place and date crowd their neighbours" "above ${above:-?} pt, below ${below:-?} pt"
    fi
done
grep -q "| Fait à Tours, le 30~juin~2027$" "$D/report.pages" \
    && ok "report: place and date from its establishment and school year" \
    || fail "report: no place and date above the signatures" "$(grep -B2 -A2 'signature' "$D/report.pages" | head)"

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

# A circonscription's COPIL-Num: the schools it steers, sub-points numbered
# 3.1–3.4 with start times running through them, guests beside their point
# and in the attendance, a primary-school wording, a DDEN with no
# organisation printed as such (not as belonging to the circonscription).
f=samples/circonscription-saint-paul-2026.xml
expect_exit "circonscription: agenda" 0 "$COPIL" render "$f" --kind agenda -o "$D/circ-agenda.pdf"
text=$(pdftotext -layout "$D/circ-agenda.pdf" - 2>/dev/null)
for s in "Écoles concernées" "9740623M" "Trois-Bassins" "15 h 15" \
         "Fin de la réunion (prévue à 16 h)" "Invités : M. Thierry Ramassamy" \
         "Personnes invitées pour certains points" "Synthèse de l’enquête sur les usages (octobre 2026) (point 3.1)" \
         "prévenir le secrétariat de la circonscription" "présidente de séance" \
         "Comité réuni en formation élargie"; do
    grep -qF -- "$s" <<<"$text" && ok "circonscription agenda shows \"$s\"" || fail "circonscription agenda lacks \"$s\"" "$(head -60 <<<"$text")"
done
grep -qE "^ +3\.1 +14 h +Les usages" <<<"$text" && grep -qE "^ +3\.4 +14 h 50 +Les infrastructures" <<<"$text" \
    && ok "circonscription agenda: sub-points 3.1 and 3.4 at their times" || fail "circonscription agenda: sub-points"
grep -qF "secrétariat de direction" <<<"$text" && fail "circonscription agenda speaks of a secretariat de direction" || ok "circonscription agenda: no secondary-school wording"
grep -qF "président(e)" <<<"$text" && fail "circonscription agenda: président(e)" || ok "circonscription agenda: no président(e)"
grep -E "Mme Odile Sautron" <<<"$text" | grep -qF "Circonscription de Saint-Paul 2" \
    && fail "the DDEN got the circonscription as organisation" || ok "a member without organisation prints none"
expect_exit "circonscription: minutes" 0 "$COPIL" render "$f" -o "$D/circ-minutes.pdf"
text=$(pdftotext "$D/circ-minutes.pdf" - 2>/dev/null | tr '\n' ' ' | sed 's/\xc2\xad //g')
for s in "Point 3 — État des lieux" "3.1 — Les usages pédagogiques et le CRCN" "3.4 — Les infrastructures" \
         "Technicienne informatique des écoles, Ville de Saint-Paul, invitée pour le point 3.4" \
         "invité pour le point 3.4" "(représentée par M. Patrick Maillot)" "Représentée (1)" "Excusée (1)" \
         "La présidente de séance" "Le secrétaire de séance" "Écoles concernées"; do
    grep -qF -- "$s" <<<"$text" && ok "circonscription minutes show \"$s\"" || fail "circonscription minutes lack \"$s\""
done
# Lists and line breaks of the data reach the PDF as lists and breaks.
pdftotext -layout "$D/circ-minutes.pdf" - | grep -qE "^ *2\. +deux écoles sur cinq" && ok "a numbered list in a discussion" || fail "numbered list"
grep -qF "Point 3 — État des lieux Ce point" <<<"$text" && fail "an item with sub-points said to have no record" || ok "an item with sub-points has no empty-record note"

# The enlarged committee: members invited for one point, an outside guest;
# the approval and the evaluation printed once, under their items.
f=samples/college-2026-t3-elargi.xml
expect_exit "enlarged committee: minutes" 0 "$COPIL" render "$f" -o "$D/t3.pdf"
text=$(pdftotext "$D/t3.pdf" - 2>/dev/null | tr '\n' ' ' | sed 's/\xc2\xad //g')
for s in "M. Thomas Perrin, Conseiller principal d’éducation, invité pour le point 3" \
         "M. Alain Dubreuil, Technicien réseaux, Conseil départemental d’Indre-et-Loire, invité pour le point 4" \
         "Point 2 — Évaluation des objectifs du 2" "Comité réuni en formation élargie"; do
    grep -qF -- "$s" <<<"$text" && ok "enlarged minutes show \"$s\"" || fail "enlarged minutes lack \"$s\""
done
for s in "Approbation du compte rendu précédent" "Évaluation des objectifs de la réunion précédente" "Ce point n’a pas donné lieu"; do
    grep -qF -- "$s" <<<"$text" && fail "enlarged minutes print \"$s\" (twice or empty)" || ok "enlarged minutes: no \"$s\""
done
n=$(grep -o "est approuvé sans modification" <<<"$text" | wc -l)
[ "$n" = 1 ] && ok "the approval is printed once" || fail "the approval is printed $n times"
expect_exit "enlarged committee: agenda" 0 "$COPIL" render "$f" --kind agenda -o "$D/t3a.pdf"
text=$(pdftotext -layout "$D/t3a.pdf" - 2>/dev/null)
grep -qE "^ +3\.1 +17 h 50 " <<<"$text" && grep -qE "^ +3\.2 +18 h 05 " <<<"$text" && grep -qE "^ +4 +18 h 20 " <<<"$text" \
    && ok "enlarged agenda: start times through the sub-points" || fail "enlarged agenda: start times"
for s in "Invité : M. Thomas Perrin" "Invités : M. Olivier Chevalier"; do
    grep -qF -- "$s" <<<"$text" && ok "enlarged agenda shows \"$s\"" || fail "enlarged agenda lacks \"$s\""
done
# A restricted session says so.
sed 's#<session number="3" kind="ordinaire"/>#<session number="3" kind="restreinte"/>#' "$f" >"$D/restreinte.xml"
cp samples/college-2026-t2.xml samples/college-2026-t1.xml "$D/"
expect_exit "a restricted session renders" 0 "$COPIL" render "$D/restreinte.xml" --kind agenda -o "$D/restreinte.pdf"
pdftotext "$D/restreinte.pdf" - | grep -qF "formation restreinte" && ok "a restricted session says so" || fail "restricted session not said"

# x-agenda.xml owns x-agenda.pdf: x.xml rendered as an agenda beside it is
# refused (exit 1, both named, nothing written); with -o it goes elsewhere.
mkdir -p "$D/owned" && cp samples/college-2026-t1.xml samples/college-2026-t1-agenda.xml "$D/owned/"
expect_exit "an agenda whose name is another file's PDF" 1 "$COPIL" render "$D/owned/college-2026-t1.xml" --kind agenda
grep -qF "the PDF of $D/owned/college-2026-t1-agenda.xml beside it" "$TMP/err" && [ ! -e "$D/owned/college-2026-t1-agenda.pdf" ] \
    && ok "the other file's PDF is neither written nor taken" || fail "output clash" "$(cat "$TMP/err")"
expect_exit "the same with -o" 0 "$COPIL" render "$D/owned/college-2026-t1.xml" --kind agenda -o "$D/owned/t1-agenda.pdf"

# A cité scolaire: one committee for a collège and a lycée, both UAI in the
# letterhead, not repeated under the title.
sed -e 's#<establishment kind="college" uai="0370012A">#<establishment kind="cite-scolaire">#' \
    -e 's#<name>Collège Jean-Moulin</name>#<name>Cité scolaire Jean-Moulin</name>#' \
    -e 's#</website>#</website><schools><school kind="college" uai="0370012A">Collège Jean-Moulin</school><school kind="lycee" uai="0370013B">Lycée Jean-Moulin</school></schools>#' \
    samples/college-2026-t1-agenda.xml >"$D/cite.xml"
expect_exit "a cité scolaire renders" 0 "$COPIL" render "$D/cite.xml" -o "$D/cite.pdf"
text=$(pdftotext -layout "$D/cite.pdf" - 2>/dev/null)
grep -qF "Collège Jean-Moulin (UAI 0370012A)" <<<"$text" && grep -qF "Lycée Jean-Moulin (UAI 0370013B)" <<<"$text" \
    && ok "a cité scolaire's two UAI in the letterhead" || fail "cité scolaire letterhead" "$(head -12 <<<"$text")"
grep -qF "Établissements concernés" <<<"$text" && fail "a cité scolaire's schools printed twice" || ok "a cité scolaire's schools printed once"
