# tests/public.sh — the public copy (copil render --public), sourced by run.sh.
#
# For every sample, and for a minutes file where people's contact details
# were typed into the record: the public PDF holds none of the people's
# e-mail addresses and phone numbers found anywhere in the input, keeps the
# establishment's switchboard and mailbox, and has no signature field; the
# full copy of the same file does hold the typed details (so that the test
# can fail) and its signature fields. The members keep their names. A mission
# letter and an activity report have no public copy, alone, in a batch or
# through copil mail. Every spelling of tests/public/spellings.tsv, in every
# place a PDF shows text, is left out, and what only looks like a contact
# detail stays.

P="$TMP/public"
mkdir -p "$P"

# The people's addresses and numbers of an XML file: every e-mail address and
# phone number in its text and attributes, except the establishment's own.
personal_contacts() {
    python3 - "$1" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
keep = set()
for e in root.iter():
    if e.tag.endswith('}establishment'):
        for c in e.iter():
            if c.tag.endswith('}email') or c.tag.endswith('}phone'):
                keep.add((c.text or '').strip())
mail = re.compile(r'[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}')
phone = re.compile(r'(?:\+\d{1,3}[ .\u00a0-]?(?:\(0\)[ .\u00a0-]?)?|\b0)[1-9](?:[ .\u00a0-]?\d{2}){4}\b')
found = set()
for e in root.iter():
    for s in [e.text or '', e.tail or ''] + list(e.attrib.values()):
        found.update(m.group(0) for m in mail.finditer(s))
        found.update(m.group(0) for m in phone.finditer(s))
for f in sorted(found - keep):
    print(f)
PY
}

# The text of a PDF with every kind of space and line break removed, so that
# a number cut at a line's end is still found.
flat_text() { pdftotext -q "$1" - | python3 -c 'import sys; print("".join(sys.stdin.read().split()))'; }
flat() { python3 -c 'import sys; print("".join(sys.argv[1].split()))' "$1"; }

check_public() { # NAME INPUT PUBLIC_PDF
    local name=$1 input=$2 pdf=$3 leaks="" c
    local text
    text=$(flat_text "$pdf")
    while IFS= read -r c; do
        [ -n "$c" ] || continue
        grep -qF -- "$(flat "$c")" <<<"$text" && leaks="$leaks $c"
    done < <(personal_contacts "$input")
    [ -z "$leaks" ] && ok "public $name: no e-mail address or phone number of a person" \
        || fail "public $name: the public copy shows$leaks"
    pdfinfo "$pdf" 2>/dev/null | grep -q "^Form: *none" && ok "public $name: no signature field" \
        || fail "public $name: the public copy has form fields" "$(pdfinfo "$pdf" | grep Form)"
    qpdf --check "$pdf" >/dev/null 2>&1 && ok "public $name: qpdf --check" || fail "public $name: qpdf --check"
}

# The names of a meeting's members (the committee, the elected and the
# parents' representatives), as the minutes and the agenda print them.
member_names() {
    python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
for m in ET.parse(sys.argv[1]).getroot().iter('{urn:copil:data}member'):
    print(m.find('{urn:copil:data}name').text.strip())
PY
}
# Without spaces nor hyphens: a name cut at its hyphen at a line's end.
flat_name() { python3 -c 'import sys; print("".join(sys.stdin.read().split()).replace("-", "").replace("\u00ad", ""))'; }

for f in samples/*.xml; do
    name=$(basename "$f" .xml)
    # A mission letter and an activity report are personal to one employee:
    # they have no public copy, say why at the root element, and write nothing.
    root=$(python3 -c 'import sys, xml.etree.ElementTree as ET; print(ET.parse(sys.argv[1]).getroot().tag.split("}")[1])' "$f")
    case $root in
    mission-letter) why="a mission letter has no public copy: it is personal to its appointee (missions, hours, compensation) and goes only to them and to the administration; render it without --public" ;;
    activity-report) why="an activity report has no public copy: it is personal to the employee who wrote it (time spent, self-assessment) and goes only to the head of the establishment and the académie; render it without --public" ;;
    *) why= ;;
    esac
    if [ -n "$why" ]; then
        expect_exit "public $name: no public copy ($root)" 1 "$COPIL" render --public -d "$P/$name" "$f"
        [ "$(cat "$TMP/err")" = "$f:2: error: $why" ] && ok "public $name: the one line says why" \
            || fail "public $name: the message" "$(cat "$TMP/err")"
        [ ! -e "$P/$name" ] && ok "public $name: nothing written" || fail "public $name: wrote" "$(ls -R "$P/$name")"
        continue
    fi
    # Each in its own folder: x-agenda.xml makes x-agenda-public.pdf, which
    # x.xml's name would match too.
    expect_exit "public $name: render --public" 0 "$COPIL" render --public -d "$P/$name" "$f"
    pdf=$(ls "$P/$name"/*-public.pdf 2>/dev/null | head -1)
    if [ -z "$pdf" ]; then
        fail "public $name: no NAME-KIND-public.pdf written" "$(ls "$P")"
        continue
    fi
    check_public "$name" "$f" "$pdf"
    # The establishment's switchboard and mailbox are institutional: kept.
    inst=$(python3 -c '
import sys, xml.etree.ElementTree as ET
for e in ET.parse(sys.argv[1]).getroot().iter():
    if e.tag.endswith("}establishment"):
        for c in e:
            if c.tag.endswith("}email") or c.tag.endswith("}phone"): print(c.text.strip())
        break' "$f")
    missing=""
    text=$(flat_text "$pdf")
    while IFS= read -r c; do
        [ -n "$c" ] && ! grep -qF -- "$(flat "$c")" <<<"$text" && missing="$missing $c"
    done <<<"$inst"
    [ -z "$missing" ] && ok "public $name: the establishment's contact is kept" \
        || fail "public $name: the establishment's contact is missing:$missing"
    # The people stay, by name: only their contact details go.
    missing=""
    text=$(pdftotext -q "$pdf" - | flat_name)
    while IFS= read -r c; do
        [ -n "$c" ] && ! grep -qF -- "$(flat_name <<<"$c")" <<<"$text" && missing="$missing, $c"
    done < <(member_names "$f")
    [ -z "$missing" ] && ok "public $name: the members are named" \
        || fail "public $name: members not named:${missing#,}"
done
# In a batch, the personal documents are refused one by one, with the same
# line, and the others are written.
meetings=$(grep -l "<meeting " samples/*.xml | wc -l)
personal=$(grep -lE "<(mission-letter|activity-report) " samples/*.xml | wc -l)
expect_exit "public: a batch with mission letters and a report" 1 "$COPIL" render -q --public -d "$P/batch" samples
n=$(ls "$P/batch" | grep -c -- '-public\.pdf$')
[ "$n" = "$meetings" ] && ok "public batch: the $meetings meeting documents are written" \
    || fail "public batch: $n PDFs written, not $meetings" "$(ls "$P/batch")"
[ "$personal" -ge 3 ] && [ "$(grep -c "has no public copy: it is personal to" "$TMP/err")" = "$personal" ] \
    && ok "public batch: the $personal personal documents are listed, with why" || fail "public batch: the summary" "$(cat "$TMP/err")"

# copil mail never sends a public copy of a personal document: a group of a
# mission letter or an activity report that would get one is refused at its
# line before anything is rendered or sent (as copil validate says).
mkdir -p "$P/mail"
cp tests/bad/mission-letter-public-group.xml tests/bad/activity-report-public-group.xml "$P/mail/"
for doc in mission-letter activity-report; do
    expect_exit "public: copil mail with a $doc group meant for the public copy" 1 "$COPIL" mail "$P/mail/$doc-public-group.xml"
    sed "s|^tests/bad/|$P/mail/|" "tests/bad/$doc-public-group.expected" >"$TMP/want"
    diff -u "$TMP/want" "$TMP/err" >"$TMP/diff" && ok "public: copil mail says which group of the $doc, and why" \
        || fail "public: copil mail on a $doc with a group meant for the public copy" "$(cat "$TMP/diff")"
done
left=$(ls "$P/mail" | grep -v -- '-public-group\.xml$')
[ -z "$left" ] && ok "public: copil mail wrote nothing for them" || fail "public: copil mail wrote" "$left"
# The sample letter's groups all get the full copy: no public copy is made.
mkdir -p "$P/mail-ok" && cp samples/lettre-mission-ctice.xml "$P/mail-ok/"
expect_exit "public: copil mail's plan of the sample mission letter" 0 "$COPIL" mail "$P/mail-ok/lettre-mission-ctice.xml"
! grep -q "public copy" "$TMP/out" && [ ! -e "$P/mail-ok/lettre-mission-ctice-mission-letter-public.pdf" ] \
    && ok "public: a mission letter's plan has no public copy" || fail "public: the letter's plan" "$(cat "$TMP/out")"

# People's details typed into a record: in the full copy, not in the public one.
src=samples/college-2026-t1.xml
typed="$P/contacts.xml"
sed -e 's|Les signalements arrivent aujourd’hui par courriel|Il demande que les signalements lui parviennent au 06 12 34 56 78 ou à julien.moreau@ac-orleans-tours.fr ; M. Chevalier reste joignable au +33 (0)2 47 31 42 42 (olivier.chevalier@departement-touraine.fr). Ils arrivent aujourd’hui par courriel|' \
    -e 's|<what>Fixer les dates des quatre ateliers ENT|<what>Écrire à claire.lemaire@ac-orleans-tours.fr ou appeler le 0247123499 pour fixer les dates des quatre ateliers ENT|' \
    "$src" >"$typed"
if grep -q "06 12 34 56 78" "$typed" && grep -q "0247123499" "$typed"; then
    ok "public: contact details typed into a copy of $src"
else
    fail "public: the sed edits no longer match $src"
fi
expect_exit "public: the full copy of the typed file" 0 "$COPIL" render "$typed" -o "$P/typed-full.pdf"
expect_exit "public: the public copy of the typed file" 0 "$COPIL" render --public "$typed" -o "$P/typed-public.pdf"
grep -q "note: the public copy leaves out 6 e-mail addresses or phone numbers of people" "$TMP/err" \
    && ok "public: a note counts what was left out" || fail "public: no note, or a wrong count" "$(cat "$TMP/err")"
full=$(flat_text "$P/typed-full.pdf")
for c in "06 12 34 56 78" "julien.moreau@ac-orleans-tours.fr" "0247123499"; do
    grep -qF -- "$(flat "$c")" <<<"$full" && ok "public: the full copy shows $c" \
        || fail "public: the full copy lost $c"
done
check_public "typed" "$typed" "$P/typed-public.pdf"
pub=$(pdftotext -q "$P/typed-public.pdf" -)
grep -q "\[courriel retiré\]" <<<"$pub" && grep -q "\[téléphone retiré\]" <<<"$pub" \
    && ok "public: the marks say what was left out" || fail "public: no [courriel retiré] / [téléphone retiré] mark"
for c in "87 %" "2026-03" "12 h 30"; do
    grep -qF -- "$c" <<<"$pub" && ok "public: $c untouched" || fail "public: $c was taken for a contact"
done
pdfinfo "$P/typed-full.pdf" | grep -q "^Form: *AcroForm" && ok "public: the full copy keeps its signature fields" \
    || fail "public: the full copy has no signature fields"

# A layout document: a mailto: link loses its target, public="keep" keeps a block.
cat >"$P/links.layout.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Contacts">
  <body>
    <p public="keep">Standard : 02 47 12 34 56 — ce.0370012a@ac-orleans-tours.fr</p>
    <p>Écrire à <a href="mailto:sophie.garnier@ac-orleans-tours.fr">Mme Garnier</a> ou au 06 11 22 33 44.</p>
    <p>Le site : <a href="https://www.ac-orleans-tours.fr/">académie</a>.</p>
    <p>Prendre <a href="https://rdv.example.fr/?contact=jean.dupont@ac-orleans-tours.fr">rendez-vous</a>.</p>
  </body>
</document>
EOF
expect_exit "public: a layout with a mailto: link" 0 "$COPIL" render --public "$P/links.layout.xml"
links_pdf="$P/links-public.pdf"
if [ -f "$links_pdf" ]; then
    ok "public: FILE.layout.xml makes FILE-public.pdf"
    uris=$(qpdf --json=2 --json-key=qpdf "$links_pdf" 2>/dev/null | grep -o '"/URI": "u:[^"]*"' || true)
    grep -q "mailto:" <<<"$uris" && fail "public: a mailto: link is left" "$uris" || ok "public: no mailto: link"
    grep -q "https://www.ac-orleans-tours.fr/" <<<"$uris" && ok "public: web links stay" \
        || fail "public: the web link is gone" "$uris"
    grep -q "jean.dupont" <<<"$uris" && fail "public: a web link that holds an e-mail address is left" "$uris" \
        || ok "public: a web link that holds an e-mail address is only its text"
    t=$(pdftotext -q "$links_pdf" -)
    grep -q "ce.0370012a@ac-orleans-tours.fr" <<<"$t" && grep -q "02 47 12 34 56" <<<"$t" \
        && ok "public: a public=\"keep\" block is kept" || fail "public: the kept block was redacted" "$t"
    grep -q "06 11 22 33 44" <<<"$t" && fail "public: a phone number is left" || ok "public: the phone number is gone"
else
    fail "public: FILE.layout.xml did not make FILE-public.pdf" "$(ls "$P")"
fi

# Details split by inline markup: the public copy looks at a paragraph's whole
# text, not at each piece of it alone; a public="keep" block stays whole too.
cat >"$P/split.layout.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Contacts">
  <body>
    <p>Secrétariat : 02<nbsp/>47<nbsp/>12<nbsp/>34<nbsp/>56</p>
    <p>Écrire à jean.dupont@<b>ac-orleans.fr</b></p>
    <p>Portable : 06 12 <b>34 56</b> 78, le soir.</p>
    <p public="keep">Standard : 02<nbsp/>47 <b>31 42 42</b> — ce.0370012a@<b>ac-orleans-tours.fr</b></p>
  </body>
</document>
EOF2
split_contacts=("02 47 12 34 56" "jean.dupont@ac-orleans.fr" "06 12 34 56 78")
expect_exit "public: the full copy of a layout with split details" 0 \
    "$COPIL" render "$P/split.layout.xml" -o "$P/split-full.pdf"
full=$(flat_text "$P/split-full.pdf")
for c in "${split_contacts[@]}"; do
    grep -qF -- "$(flat "$c")" <<<"$full" && ok "public: the full copy shows $c, split by markup" \
        || fail "public: the full copy lost $c, split by markup" "$full"
done
expect_exit "public: the public copy of a layout with split details" 0 \
    "$COPIL" render --public "$P/split.layout.xml" -o "$P/split-public.pdf"
grep -q "note: the public copy leaves out 3 e-mail addresses or phone numbers of people" "$TMP/err" \
    && ok "public: split details are counted once each" || fail "public: a wrong count of split details" "$(cat "$TMP/err")"
pub=$(flat_text "$P/split-public.pdf")
for c in "${split_contacts[@]}" "0612" "jean.dupont" "orleans.fr"; do
    grep -qF -- "$(flat "$c")" <<<"$pub" && fail "public: $c, split by markup, is left" "$pub" \
        || ok "public: $c, split by markup, is gone"
done
t=$(pdftotext -q "$P/split-public.pdf" -)
[ "$(grep -c "\[téléphone retiré\]" <<<"$t")" = 2 ] && [ "$(grep -c "\[courriel retiré\]" <<<"$t")" = 1 ] \
    && ok "public: split details become marks" || fail "public: the marks of split details" "$t"
for c in "02 47 31 42 42" "ce.0370012a@ac-orleans-tours.fr"; do
    grep -qF -- "$(flat "$c")" <<<"$pub" && ok "public: $c, split by markup, is kept in a public=\"keep\" block" \
        || fail "public: $c was redacted in a public=\"keep\" block" "$pub"
done

# Details cut by a line break (<br/>): left out whole; a room number on the
# line before a phone number is not part of it.
cat >"$P/br.layout.xml" <<'EOF5'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Contacts">
  <body>
    <p>Portable : 06 12 34<br/>56 75, le soir.</p>
    <p>Écrire à jean.dupont@<br/>ac-orleans.fr ou à marie.durand<br/>@ac-orleans.fr</p>
    <p>Salle 12<br/>07 12 34 56 78</p>
  </body>
</document>
EOF5
expect_exit "public: a layout with details cut by <br/>" 0 \
    "$COPIL" render --public "$P/br.layout.xml" -o "$P/br-public.pdf"
grep -q "note: the public copy leaves out 4 e-mail addresses or phone numbers of people" "$TMP/err" \
    && ok "public: details cut by <br/> are counted once each" || fail "public: the count of details cut by <br/>" "$(cat "$TMP/err")"
pub=$(flat_text "$P/br-public.pdf")
for c in "0612345675" "0712345678" "jean.dupont" "marie.durand" "orleans.fr"; do
    grep -qF -- "$c" <<<"$pub" && fail "public: $c, cut by <br/>, is left" "$pub" \
        || ok "public: $c, cut by <br/>, is gone"
done
grep -qF "Salle12[téléphone" <<<"$pub" && ok "public: a room number before a <br/> stays" \
    || fail "public: the room number before a <br/>" "$pub"

# Ordinals after a number left out: still raised, on their own letters (the
# redaction moves the text, the superscript follows); overseas numbers go too.
cat >"$P/ordinals.layout.xml" <<'EOF4'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Contacts">
  <body>
    <p>Appeler le 06 12 34 56 78, le +687 27 12 34 ou le 0692 12 34 56 avant la 2e réunion du 3e trimestre.</p>
  </body>
</document>
EOF4
expect_exit "public: ordinals after a phone number" 0 \
    "$COPIL" render --public --dump=pages "$P/ordinals.layout.xml" -o "$P/ordinals-public.pdf"
grep -qF "| Appeler le [téléphone retiré], le [téléphone retiré] ou le [téléphone retiré] avant la 2^{e} réunion du 3^{e} trimestre." "$TMP/out" \
    && ok "public: the superscript follows the redacted text" || fail "public: ordinals after a redaction" "$(cat "$TMP/out")"

# Every spelling of tests/public/spellings.tsv (how people write phone numbers
# and addresses, and what only looks like them) in every place a PDF shows
# text: a heading and its bookmark, running text, a table cell, a chart's
# title and /Alt, the metadata; read back by pdftotext, pdfinfo and qpdf, and
# looked for in the file's decoded strings and uncompressed bytes.
SP="$P/spellings"
mkdir -p "$SP/in"
python3 tests/public/spellings.py make tests/public/spellings.tsv "$SP/in"
nsp=$(ls "$SP/in" | wc -l)
[ "$nsp" -ge 120 ] && ok "public spellings: $nsp documents made" || fail "public spellings: only $nsp documents"
expect_exit "public spellings: the full copies" 0 "$COPIL" render -q -j 2 -d "$SP/full" "$SP"/in/*.layout.xml
expect_exit "public spellings: the public copies" 0 "$COPIL" render -q --public -j 2 -d "$SP/public" "$SP"/in/*.layout.xml
while IFS= read -r line; do
    case $line in
    ok\ *) ok "public spelling ${line#ok }" ;;
    fail\ *\	*) line=${line#fail }; fail "public spelling ${line%%	*}" "${line#*	}" ;;
    fail\ *) fail "public spelling ${line#fail }" ;;
    *) fail "public spellings: unexpected output" "$line" ;;
    esac
done < <(python3 tests/public/spellings.py check tests/public/spellings.tsv "$SP/full" "$SP/public" 2>&1)

# A 200 KB paragraph full of details and of what only looks like them: left
# out in one pass (the time is not measured; expect_exit's timeout guards
# against a scan that would go quadratic).
python3 - "$P/long.layout.xml" <<'PY'
import sys
b = ('Le 05/12/2026 à 18 h 30, 1 234 567 € ; écrire à jean.dupont@ac-reunion.fr ou au '
     '06 12 34 56 75, prenom [at] domaine [dot] fr. ')
s = b * (200000 // len(b.encode()))
open(sys.argv[1], 'w', encoding='utf-8').write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:copil:layout" title="Long">'
    f'<body><p>{s.strip()}</p></body></document>\n')
PY
nb=$(grep -o "jean.dupont" "$P/long.layout.xml" | wc -l)
expect_exit "public: a 200 KB paragraph" 0 "$COPIL" render --public "$P/long.layout.xml" -o "$P/long-public.pdf"
grep -q "note: the public copy leaves out $((3 * nb)) e-mail addresses or phone numbers of people" "$TMP/err" \
    && ok "public: a 200 KB paragraph, every detail counted once" || fail "public: the 200 KB paragraph's count" "$(cat "$TMP/err")"
t=$(pdftotext -q "$P/long-public.pdf" - | flat_name)
! grep -qE "dupont|domaine|12345675" <<<"$t" && grep -qF "05/12/2026à18h30,1234567€" <<<"$t" \
    && ok "public: the 200 KB paragraph keeps its dates and amounts, not its details" \
    || fail "public: the 200 KB paragraph" "$(head -c 300 <<<"$t")"
