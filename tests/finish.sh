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
