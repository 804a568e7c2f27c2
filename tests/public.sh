# tests/public.sh — the public copy (copil render --public), sourced by run.sh.
#
# For every sample, and for a minutes file where people's contact details
# were typed into the record: the public PDF holds none of the people's
# e-mail addresses and phone numbers found anywhere in the input, keeps the
# establishment's switchboard and mailbox, and has no signature field; the
# full copy of the same file does hold the typed details (so that the test
# can fail) and its signature fields.

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

for f in samples/*.xml; do
    name=$(basename "$f" .xml)
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
done

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
