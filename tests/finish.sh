# tests/finish.sh — the finish stage (libqpdf): language, viewer preferences,
# dates, producer, alternative texts, link flags, signature fields that a real
# client (poppler's pdfsig with a throw-away NSS database) can sign, and the
# refusal to rewrite a signed file. Sourced by tests/run.sh.

F="$TMP/finish"
mkdir -p "$F"
# Objects are read from qpdf's JSON (version 2) with Python.

expect_exit "render the CTICE's mission letter" 0 "$COPIL" render samples/lettre-mission-ctice.xml -o "$F/letter.pdf"
qdf=$(qpdf --qdf --object-streams=disable "$F/letter.pdf" - 2>/dev/null | tr -d '\0')
for s in "/Lang (fr-FR)" "/DisplayDocTitle true" "/CreationDate (D:2026" "/Producer (copil "; do
    grep -aqF -- "$s" <<<"$qdf" && ok "finish: $s" || fail "finish: no $s"
done
grep -aq "/Producer (cairo" <<<"$qdf" && fail "finish: Cairo is still named the producer" || ok "finish: Cairo's producer replaced"
head -c 1200 "$F/letter.pdf" | grep -aq "/ObjStm" && ok "finish: object streams" || fail "finish: no object streams"
"$COPIL" render samples/lettre-mission-ctice.xml -o "$F/letter2.pdf" 2>/dev/null
cmp -s "$F/letter.pdf" "$F/letter2.pdf" && ok "finish: same input, same bytes" || fail "finish: two renders differ"

# PDF/A-2u and PDF/UA-1 over the whole file (pdf/metadata.c): the XMP says
# what the Info dictionary says, with both claims; the dates carry the
# school's time zone; the sRGB output intent; PDF 1.7.
head -c 9 "$F/letter.pdf" | grep -q '%PDF-1.7' && ok "finish: PDF 1.7" || fail "finish: not PDF 1.7" "$(head -c 9 "$F/letter.pdf")"
xmp=$(pdfinfo -meta "$F/letter.pdf" 2>/dev/null)
xmllint --noout - <<<"$xmp" 2>/dev/null && ok "finish: the XMP is well-formed XML" || fail "finish: the XMP does not parse" "$xmp"
for s in '<pdfaid:part>2</pdfaid:part>' '<pdfaid:conformance>U</pdfaid:conformance>' '<pdfuaid:part>1</pdfuaid:part>' \
    '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>' '<rdf:li>fr-FR</rdf:li>' \
    '<xmp:CreateDate>2026-09-21T00:00:00+02:00</xmp:CreateDate>' '<xmp:ModifyDate>2026-09-21T00:00:00+02:00</xmp:ModifyDate>' \
    '<rdf:li xml:lang="x-default">Lettre de mission' '<pdf:Producer>copil '; do
    grep -qF -- "$s" <<<"$xmp" && ok "finish: XMP has $s" || fail "finish: XMP lacks $s" "$xmp"
done
grep -aqF -- "/ModDate (D:20260921000000+02'00)" <<<"$qdf" && ok "finish: ModDate is the creation date, zoned" || fail "finish: ModDate" "$(grep -a Date <<<"$qdf")"
python3 - "$F/letter.pdf" >"$F/meta.out" 2>&1 <<'PY'
import json, subprocess, sys
objs = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]], capture_output=True).stdout)["qpdf"][1]
def get(ref): return objs["obj:" + ref]
cat = get(objs["trailer"]["value"]["/Root"])["value"]
md = get(cat["/Metadata"])["stream"]["dict"]
print("metadata", md.get("/Type"), md.get("/Subtype"), "filter" if "/Filter" in md else "unfiltered")
for ref in cat.get("/OutputIntents", []):
    oi = get(ref)["value"]
    icc = get(oi["/DestOutputProfile"])["stream"]["dict"]
    print("intent", oi["/S"], oi["/OutputConditionIdentifier"], "N", icc.get("/N"))
for k, v in objs.items():
    d = v.get("value") or v.get("stream", {}).get("dict")
    if isinstance(d, dict) and d.get("/Subtype") == "/CIDFontType2":
        print("cidfont", d.get("/CIDToGIDMap"))
    if isinstance(d, dict) and d.get("/Subtype") == "/Image" and "/Interpolate" in d:
        print("interpolate", k)
PY
grep -qx "metadata /Metadata /XML unfiltered" "$F/meta.out" && ok "finish: an unfiltered XML metadata stream" || fail "finish: metadata stream" "$(cat "$F/meta.out")"
grep -qx "intent /GTS_PDFA1 u:sRGB IEC61966-2.1 N 3" "$F/meta.out" && ok "finish: the sRGB output intent" || fail "finish: output intent" "$(cat "$F/meta.out")"
grep -q "^cidfont" "$F/meta.out" && ! grep -q "^cidfont None" "$F/meta.out" && ok "finish: every CIDFontType2 font has its CIDToGIDMap" || fail "finish: CIDToGIDMap" "$(cat "$F/meta.out")"
grep -q "^interpolate" "$F/meta.out" && fail "finish: an image interpolates" "$(cat "$F/meta.out")" || ok "finish: no image interpolates"
# Time zones: metropolitan summer and winter time, La Réunion, and the
# overseas postcodes the stylesheets know (a school's postcode replaced).
zone() { pdfinfo -meta "$1" 2>/dev/null | sed -n 's:.*<xmp\:CreateDate>\(.*\)</xmp\:CreateDate>.*:\1:p'; }
for c in "college-2026-t1 2026-10-08T17:30:00+02:00" "college-2026-t3-elargi 2027-03-25T17:30:00+01:00" \
    "ecole-copil-num-2026 2026-11-18T14:00:00+04:00" "rapport-activite-ctice-2026-2027 2027-06-30T00:00:00+02:00"; do
    set -- $c
    "$COPIL" render "samples/$1.xml" -o "$F/zone.pdf" 2>/dev/null
    [ "$(zone "$F/zone.pdf")" = "$2" ] && ok "finish: $1 created $2" || fail "finish: $1 created $(zone "$F/zone.pdf"), want $2"
done
for c in "97110 -04:00" "97300 -03:00" "97600 +03:00" "98800 +11:00" "98714 -10:00" "20000 +02:00"; do
    set -- $c
    sed "s|<postcode>37000</postcode>|<postcode>$1</postcode>|" samples/college-2026-t1.xml >"$F/zone.xml"
    "$COPIL" render "$F/zone.xml" -o "$F/zone.pdf" 2>/dev/null
    [ "$(zone "$F/zone.pdf")" = "2026-10-08T17:30:00$2" ] && ok "finish: postcode $1 is at $2" || fail "finish: postcode $1 gave $(zone "$F/zone.pdf")"
done
# Saint-Pierre-et-Miquelon keeps North America's summer time (until the
# first Sunday of November: 1 November 2026).
sed "s|<postcode>37000</postcode>|<postcode>97500</postcode>|; s|<date>2026-10-08</date>|<date>2026-11-02</date>|" samples/college-2026-t1.xml >"$F/zone.xml"
"$COPIL" render "$F/zone.xml" -o "$F/zone.pdf" 2>/dev/null
[ "$(zone "$F/zone.pdf")" = "2026-11-02T17:30:00-03:00" ] && ok "finish: Saint-Pierre's winter time" || fail "finish: Saint-Pierre in November gave $(zone "$F/zone.pdf")"
sed "s|<postcode>37000</postcode>|<postcode>97500</postcode>|" samples/college-2026-t1.xml >"$F/zone.xml"
"$COPIL" render "$F/zone.xml" -o "$F/zone.pdf" 2>/dev/null
[ "$(zone "$F/zone.pdf")" = "2026-10-08T17:30:00-02:00" ] && ok "finish: Saint-Pierre's summer time" || fail "finish: Saint-Pierre in October gave $(zone "$F/zone.pdf")"
# A layout file's time without a zone is France's legal time, on either
# side of the changes (last Sundays of March and October 2027: 28 and 31).
for c in "2027-03-28T01:30 2027-03-28T01:30:00+01:00" "2027-03-28T03:30 2027-03-28T03:30:00+02:00" \
    "2027-10-31T03:30 2027-10-31T03:30:00+01:00" "2027-01-05 2027-01-05T00:00:00+01:00" "2027-06-01T09:00Z 2027-06-01T09:00:00Z"; do
    set -- $c
    sed -E "s/ created=\"[^\"]*\"/ created=\"$1\"/" tests/layout/01-plain-paragraphs.layout.xml >"$F/zone.layout.xml"
    "$COPIL" render "$F/zone.layout.xml" -o "$F/zone.pdf" 2>/dev/null
    [ "$(zone "$F/zone.pdf")" = "$2" ] && ok "finish: layout date $1 is $2" || fail "finish: layout date $1 gave $(zone "$F/zone.pdf")"
done

# Signature fields: one per signature block, in signing order, unsigned, each
# lying exactly over its block's blank area.
sigs=$(pdfsig "$F/letter.pdf" 2>/dev/null)
names=$(grep "Signature Field Name" <<<"$sigs" | sed 's/.*: //' | tr '\n' ' ')
[ "$names" = "Signature-chef-etablissement Signature-dan Signature-interesse " ] \
    && ok "finish: three signature fields in signing order" || fail "finish: fields are \"$names\""
[ "$(grep -c "not signed" <<<"$sigs")" = 3 ] && ok "finish: the fields are unsigned" || fail "finish: fields not all unsigned" "$sigs"
"$COPIL" render samples/lettre-mission-ctice.xml --dump=pages -o "$F/dump.pdf" >"$F/letter.pages" 2>/dev/null
areas=$(grep "^  signature " "$F/letter.pages" | sed -E 's/.* x=([0-9.]+) y=([0-9.]+) w=([0-9.]+) h=([0-9.]+).*/\1 \2 \3 \4/')
rects=$(qpdf --json=2 --json-key=qpdf "$F/letter.pdf" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
for k, v in objs.items():
    v = v.get("value")
    if isinstance(v, dict) and v.get("/FT") == "/Sig":
        print(" ".join("%.1f" % x for x in v["/Rect"]))' | sort)
H=$(head -1 "$F/letter.pages" | sed -E 's/.* size=[0-9.]+x([0-9.]+).*/\1/')  # the page height
want=$(while read -r x y w h; do awk -v x="$x" -v y="$y" -v w="$w" -v h="$h" -v H="$H" 'BEGIN { printf "%.1f %.1f %.1f %.1f\n", x, H - y - h, x + w, H - y }'; done <<<"$areas" | sort)
# The dump rounds to 0.1 pt: compare within 0.2 pt.
if paste <(echo "$rects") <(echo "$want") | awk '{ for (i = 1; i <= 4; i++) if ($i - $(i + 4) > 0.2 || $(i + 4) - $i > 0.2) bad = 1 } END { exit bad }' && [ -n "$rects" ]; then
    ok "finish: each field lies over its signature area"
else
    fail "finish: field rectangles do not match the signature areas" "fields: $rects"$'\n'"areas: $want"
fi
grep -q "Form" <(pdfinfo -struct-text "$F/letter.pdf" 2>/dev/null) && ok "finish: the fields are tagged as Form" || fail "finish: no Form in the structure tree"

# A real client signs the first field, then the second: both valid. The
# mission letter (principal, then DAN) and a minutes document (chair, then
# secretary).
if command -v certutil >/dev/null && command -v pdfsig >/dev/null; then
    N="$F/nss"
    mkdir -p "$N"
    certutil -N -d "sql:$N" --empty-password >/dev/null 2>&1
    head -c 64 /dev/urandom >"$N/noise"
    certutil -S -d "sql:$N" -n "Test Signer" -s "CN=Test Signer,C=FR" -x -t "CT,C,C" -k rsa -g 2048 -Z SHA256 \
        -v 12 -z "$N/noise" --keyUsage digitalSignature,nonRepudiation >/dev/null 2>&1
    sign_two() { # NAME PDF FIELD1 FIELD2 → PDF-signed2.pdf
        local name=$1 pdf=$2 v
        pdfsig -nssdir "$N" -nick "Test Signer" -sign "$3" -reason "Approbation" "$pdf" "${pdf%.pdf}-signed1.pdf" >/dev/null 2>&1
        pdfsig -nssdir "$N" -nick "Test Signer" -sign "$4" -reason "Visa" "${pdf%.pdf}-signed1.pdf" "${pdf%.pdf}-signed2.pdf" >/dev/null 2>&1
        v=$(pdfsig -nssdir "$N" "${pdf%.pdf}-signed2.pdf" 2>/dev/null)
        [ "$(grep -c "Signature is Valid" <<<"$v")" = 2 ] && ok "finish $name: $3 then $4 signed by pdfsig, both valid" \
            || fail "finish $name: signing $3 then $4 with pdfsig" "$v"
    }
    sign_two "mission letter" "$F/letter.pdf" Signature-chef-etablissement Signature-dan
    "$COPIL" render samples/college-2026-t1.xml -o "$F/minutes.pdf" 2>/dev/null
    m=$(pdfsig "$F/minutes.pdf" 2>/dev/null | grep "Signature Field Name" | sed 's/.*: //' | tr '\n' ' ')
    [ "$m" = "Signature-president Signature-secretaire " ] && ok "finish minutes: fields of the chair and the secretary" \
        || fail "finish minutes: fields are \"$m\""
    sign_two "minutes" "$F/minutes.pdf" Signature-president Signature-secretaire
    # copil never rewrites a signed file.
    cp "$F/letter-signed2.pdf" "$F/keep-signed.pdf"
    expect_exit "render refuses to overwrite a signed PDF" 3 "$COPIL" render samples/lettre-mission-ctice.xml -o "$F/letter-signed2.pdf"
    grep -q "has been signed: copil never rewrites a signed document" "$TMP/err" && ok "signed file: message" || fail "signed file: message" "$(cat "$TMP/err")"
    cmp -s "$F/letter-signed2.pdf" "$F/keep-signed.pdf" && ok "signed file: untouched" || fail "signed file: changed"
else
    fail "certutil (libnss3-tools) or pdfsig missing: run make deps"
fi

# Every sample: qpdf --check clean, tagged, and a form exactly when the
# document has signatories.
for f in samples/*.xml; do
    name=$(basename "$f" .xml)
    "$COPIL" render "$f" -o "$F/s-$name.pdf" --dump=pages >"$F/s-$name.pages" 2>/dev/null
    qpdf --check "$F/s-$name.pdf" >/dev/null 2>&1 && ok "finish $name: qpdf --check" || fail "finish $name: qpdf --check"
    info=$(pdfinfo "$F/s-$name.pdf" 2>/dev/null)
    grep -q "^Tagged: *yes" <<<"$info" && ok "finish $name: Tagged: yes" || fail "finish $name: not tagged"
    want=none
    grep -q "^  signature " "$F/s-$name.pages" && want=AcroForm
    grep -q "^Form: *$want" <<<"$info" && ok "finish $name: Form: $want" || fail "finish $name: expected Form: $want" "$(grep Form <<<"$info")"
done

# Every Figure has its /Alt (images: their alt; charts: generated), links
# print (/F 4), pages with annotations tab in structure order.
for f in samples/rapport-activite-ctice-2026-2027.xml tests/layout/25-image.layout.xml tests/layout/44-charts.layout.xml tests/layout/05-links.layout.xml; do
    name=$(basename "$f" .xml)
    "$COPIL" render "$f" -o "$F/$name.pdf" 2>/dev/null
    res=$(qpdf --json=2 --json-key=qpdf "$F/$name.pdf" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
vals = [v.get("value") for v in objs.values()]
figs = [v for v in vals if isinstance(v, dict) and v.get("/S") == "/Figure"]
noalt = [v for v in figs if not v.get("/Alt")]
links = [v for v in vals if isinstance(v, dict) and v.get("/Subtype") == "/Link"]
noflag = [v for v in links if v.get("/F") != 4]
pages = [v for v in vals if isinstance(v, dict) and v.get("/Type") == "/Page" and v.get("/Annots")]
notabs = [v for v in pages if v.get("/Tabs") != "/S"]
print(len(figs), len(noalt), len(links), len(noflag), len(notabs))')
    read -r nf na nl nfl nt <<<"$res"
    [ "${na:-x}" = 0 ] && ok "finish $name: all $nf Figures have /Alt" || fail "finish $name: $na of $nf Figures lack /Alt"
    [ "${nfl:-x}" = 0 ] && [ "${nt:-x}" = 0 ] && ok "finish $name: $nl links with /F 4, /Tabs /S" || fail "finish $name: links $nfl without /F 4, $nt pages without /Tabs"
done
