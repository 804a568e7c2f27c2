# tests/dashboard.sh — the area dashboard of tests/run.sh (alone: tests/run.sh
# dashboard): `copil dashboard`, the académie's figures.
#
# It proves:
#  - on the samples, figures read by hand from them (the collège's four
#    meetings held and one planned, its terms, the median of members present,
#    its roles; the LP's single extraordinary meeting; the topics; the
#    coordinator's letter and report; the actions left by the last meeting);
#  - with -j 2, and shards written as partials then merged in another order,
#    the same bytes as one run;
#  - a file that does not validate is counted as not usable, an XML file of
#    another vocabulary is ignored, a file of another year is not counted;
#  - the académie's list makes the denominator, its schools that sent nothing
#    included;
#  - the generated académie (tests/dashboard/generate.py, a fixed seed, about
#    200 schools with traps): every figure of both CSV files against what the
#    generator put in (tests/dashboard/check.py);
#  - usage errors exit 2.
DB=$TMP/dashboard
rm -rf "$DB" && mkdir -p "$DB/in"
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
cp samples/*.xml "$DB/in/"
# the value of column COL for the row of UAI in etablissements.csv of DIR
cell() { "$PY" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["uai"] == sys.argv[2]: print(r[sys.argv[3]])' "$1/etablissements.csv" "$2" "$3"; }
# the numerator,denominator,percent of a figure of synthese.csv of DIR
fig() { grep "^$2,$3," "$1/synthese.csv" | cut -d, -f3-; }

if "$COPIL" dashboard -q --csv "$DB/one" "$DB/in" 2>"$DB/err"; then
    ok "dashboard: the samples, exit 0"
else
    fail "dashboard: the samples" "$(cat "$DB/err")"
fi
C=0370012A
got="$(cell "$DB/one" $C meetings) $(cell "$DB/one" $C planned) $(cell "$DB/one" $C term1)$(cell "$DB/one" $C term2)$(cell "$DB/one" $C term3) $(cell "$DB/one" $C files)"
[ "$got" = "4 1 111 8" ] && ok "dashboard: the collège: 4 meetings held, 1 planned, every term, 8 files" \
    || fail "dashboard: the collège's meetings" "$got"
# members present at its four meetings held: 7 (t1), 7 (t2), 9 and 4 (t3):
# the lower median of 4 7 7 9 is 7
[ "$(cell "$DB/one" $C present_median)" = 7 ] && ok "dashboard: the median of the members present" \
    || fail "dashboard: median" "$(cell "$DB/one" $C present_median)"
roles=$(cell "$DB/one" $C roles)
case ";$roles;" in
*";cpe;ctice;documentaliste;"*) ok "dashboard: the roles present, sorted" ;;
*) fail "dashboard: roles" "$roles" ;;
esac
[ "$(cell "$DB/one" $C ctice)$(cell "$DB/one" $C letter)$(cell "$DB/one" $C report)" = 111 ] \
    && ok "dashboard: the collège's CTICE has a letter and wrote a report" || fail "dashboard: letter and report"
[ "$(cell "$DB/one" 0131234T meetings) $(cell "$DB/one" 0131234T letter)" = "1 0" ] \
    && ok "dashboard: the LP's single meeting, no letter" || fail "dashboard: the LP"
[ "$(fig "$DB/one" rapports formations_sessions)" = "6,," ] && [ "$(fig "$DB/one" rapports indicateurs_atteints)" = "2,5,40.0" ] \
    && ok "dashboard: the report's trainings and indicators" \
    || fail "dashboard: report figures" "$(grep ^rapports "$DB/one/synthese.csv" | head -3)"
[ "$(fig "$DB/one" couverture comite_reuni)" = "4,4,100.0" ] && [ "$(fig "$DB/one" etablissements total)" = "4,," ] \
    && ok "dashboard: without a list, the schools seen make the denominator" || fail "dashboard: denominator"
# No person's name in either file: the samples' members, chairs and authors.
names=$(grep -ho '<name>[^<]*</name>' samples/*.xml | sed 's/<[^>]*>//g' | grep -v '^Collège\|^Lycée\|^École\|^Circonscription' | sort -u)
leaked=
while IFS= read -r n; do
    [ -n "$n" ] && grep -qF "$n" "$DB/one/etablissements.csv" "$DB/one/synthese.csv" && leaked="$leaked; $n"
done <<<"$names"
[ -z "$leaked" ] && ok "dashboard: no person's name in the CSV files" || fail "dashboard: names leaked" "$leaked"

# The same bytes by every road.
"$COPIL" dashboard -q -j2 --csv "$DB/j2" "$DB/in" 2>/dev/null
for k in 1 2 3; do "$COPIL" dashboard -q --shard=$k/3 --partial "$DB/p$k.part" "$DB/in" 2>/dev/null; done
"$COPIL" dashboard -q --merge --csv "$DB/merged" "$DB/p3.part" "$DB/p1.part" "$DB/p2.part" 2>/dev/null
same=1
for f in etablissements.csv synthese.csv; do
    cmp -s "$DB/one/$f" "$DB/j2/$f" && cmp -s "$DB/one/$f" "$DB/merged/$f" || same=0
done
[ $same = 1 ] && ok "dashboard: -j 2, and three shards merged in another order, give the same bytes" \
    || fail "dashboard: shards" "$(diff "$DB/one/synthese.csv" "$DB/merged/synthese.csv" | head -5)"
head -1 "$DB/p1.part" | grep -qx 'copil dashboard partial 1' && ok "dashboard: a partial says what it is" \
    || fail "dashboard: partial header"

# What is not counted.
cp tests/bad/date-month-13.xml "$DB/in/broken.xml"
printf '<?xml version="1.0"?>\n<inventaire><poste/></inventaire>\n' >"$DB/in/inventaire.xml"
# a meeting written without its namespace is a copil file gone wrong, not a foreign one
sed 's| xmlns="urn:copil:data"||' samples/college-2026-t1-agenda.xml >"$DB/in/sans-namespace.xml"
sed 's|<school-year>2026-2027</school-year>|<school-year>2025-2026</school-year>|; s|<date>2026-10-08</date>|<date>2025-10-09</date>|' \
    samples/college-2026-t1-agenda.xml >"$DB/in/old.xml"
"$COPIL" dashboard --csv "$DB/two" "$DB/in" 2>"$DB/err2"
got="$(fig "$DB/two" fichiers non_exploitables) $(fig "$DB/two" fichiers ignores) $(fig "$DB/two" fichiers autre_annee) $(fig "$DB/two" fichiers exploitables)"
[ "$got" = "2,, 1,, 1,, 11,," ] && grep -q '2 not usable, 1 of another year, 1 ignored' "$DB/err2" \
    && ok "dashboard: a broken file and a meeting without its namespace not usable, another year's and a foreign XML file not counted" \
    || fail "dashboard: what is not counted" "$got; $(cat "$DB/err2")"
[ "$(cell "$DB/two" $C planned)" = 1 ] && ok "dashboard: another year's agenda is not this year's" \
    || fail "dashboard: other year counted"
rm -f "$DB/in/broken.xml" "$DB/in/inventaire.xml" "$DB/in/old.xml" "$DB/in/sans-namespace.xml"

# The académie's list: its schools make the denominator.
printf 'uai,name,kind\n0370012A,Collège Jean-Moulin,college\n0131234T,"Lycée professionnel Les Calanques",lycee-professionnel\n0370099Z,"Collège Rabelais, Chinon",college\n' >"$DB/list.csv"
"$COPIL" dashboard -q --schools "$DB/list.csv" --csv "$DB/three" "$DB/in" 2>/dev/null
got="$(fig "$DB/three" etablissements total) $(fig "$DB/three" etablissements aucun_document) $(fig "$DB/three" etablissements hors_liste) $(fig "$DB/three" couverture comite_reuni)"
[ "$got" = "3,, 1,3,33.3 2,, 2,3,66.7" ] && [ "$(cell "$DB/three" 0370099Z meetings)" = 0 ] \
    && grep -q '^0370099Z,"Collège Rabelais, Chinon",college,0,' "$DB/three/etablissements.csv" \
    && ok "dashboard: the list makes the denominator; its school without a file counts, with zeros" \
    || fail "dashboard: the list" "$got"

# A list as a French spreadsheet exports it: semicolons, a comma in a
# name, a UAI in small letters, the kind in words.
printf 'UAI;Nom;Type\n0370012a;Collège Jean-Moulin, Tours;Collège\n0131234T;LP Les Calanques;LP\n' >"$DB/list-fr.csv"
if "$COPIL" dashboard -q --schools "$DB/list-fr.csv" --csv "$DB/four" -o "$DB/four.pdf" "$DB/in" 2>"$DB/err5"; then
    [ "$(cell "$DB/four" 0370012A meetings)" = 4 ] && [ "$(cell "$DB/four" 0370012A name)" = "Collège Jean-Moulin, Tours" ] \
        && pdftotext "$DB/four.pdf" - 2>/dev/null | grep -q 'Collège' \
        && ok "dashboard: a list with semicolons, a small-letter UAI and kinds in words: read, and its PDF made" \
        || fail "dashboard: French list" "$(head -3 "$DB/four/etablissements.csv")"
else
    fail "dashboard: French list refused" "$(cat "$DB/err5")"
fi
printf 'uai,name,kind\n0370012A,A,college\n0370012a,B,college\n' >"$DB/list-twice.csv"
"$COPIL" dashboard -q --schools "$DB/list-twice.csv" "$DB/in" 2>"$DB/err6"
[ $? = 2 ] && grep -q 'line 3 names the UAI 0370012A again' "$DB/err6" && ok "dashboard: a UAI twice in the list is refused, with its line" \
    || fail "dashboard: duplicate UAI" "$(cat "$DB/err6")"

# Usage errors.
for args in "--year 2026" "--year 2026-2028 $DB/in" "--merge" "--merge --partial x $DB/p1.part" "--shard 4/3 --partial x $DB/in" \
    "--partial x --csv y $DB/in" "--bogus $DB/in" "-j 0 $DB/in" "--shard 1/2 --csv y $DB/in"; do
    # shellcheck disable=SC2086
    "$COPIL" dashboard $args >/dev/null 2>&1
    code=$?
    [ $code = 2 ] || { fail "dashboard: $args exits $code, not 2"; continue; }
done
ok "dashboard: usage errors exit 2"
"$COPIL" dashboard "$DB/nowhere" >/dev/null 2>"$DB/err4"
[ $? = 3 ] && grep -q 'nowhere' "$DB/err4" && ok "dashboard: a folder that is not there: exit 3, named" \
    || fail "dashboard: missing folder" "$(cat "$DB/err4")"
printf 'not a partial\n' >"$DB/bad.part"
"$COPIL" dashboard --merge "$DB/bad.part" >/dev/null 2>"$DB/err3"
[ $? = 2 ] && grep -q 'not a partial' "$DB/err3" && ok "dashboard: a file that is not a partial is refused" \
    || fail "dashboard: bad partial" "$(cat "$DB/err3")"

# The generated académie: every figure against what the generator put in.
if "$PY" tests/dashboard/generate.py "$DB/gen" >"$DB/gen.log" 2>&1; then
    G=$DB/gen
    "$COPIL" dashboard --year 2026-2027 --schools "$G/schools.csv" --csv "$G/out" "$G/files" 2>"$G/err"
    if "$PY" tests/dashboard/check.py "$G/expected.json" "$G/out" >"$G/check" 2>&1; then
        ok "dashboard: the generated académie, every figure of both CSV files as generated ($(grep -c '' "$G/out/synthese.csv") lines, $(grep -c '' "$G/out/etablissements.csv") rows)"
    else
        fail "dashboard: the generated académie's figures" "$(tail -12 "$G/check")"
    fi
    grep -q '200 schools (from the list), 503 files used, 3 not usable, 106 of another year, 0 ignored' "$G/err" \
        && ok "dashboard: its summary line" || fail "dashboard: generated summary" "$(cat "$G/err")"
    # without --year: the latest year a meeting was held in, not the next
    # year that only agendas are planned for
    "$COPIL" dashboard --schools "$G/schools.csv" "$G/files" 2>"$G/err-year"
    grep -q '^copil dashboard: 2026-2027: ' "$G/err-year" && ok "dashboard: the year by default: the latest with a meeting held" \
        || fail "dashboard: default year" "$(cat "$G/err-year")"
    for k in 1 2 3 4; do
        "$COPIL" dashboard -q --shard $k/4 --partial "$G/$k.part" "$G/files" 2>/dev/null
    done
    "$COPIL" dashboard -q --merge --year 2026-2027 --schools "$G/schools.csv" --csv "$G/merged" \
        "$G/4.part" "$G/2.part" "$G/1.part" "$G/3.part" 2>/dev/null
    "$COPIL" dashboard -q -j 2 --year 2026-2027 --schools "$G/schools.csv" --csv "$G/j2" "$G/files" 2>/dev/null
    cmp -s "$G/out/synthese.csv" "$G/merged/synthese.csv" && cmp -s "$G/out/etablissements.csv" "$G/merged/etablissements.csv" \
        && cmp -s "$G/out/synthese.csv" "$G/j2/synthese.csv" && cmp -s "$G/out/etablissements.csv" "$G/j2/etablissements.csv" \
        && ok "dashboard: the generated académie in four shards merged, and with -j 2: the same bytes" \
        || fail "dashboard: generated shards" "$(diff "$G/out/synthese.csv" "$G/merged/synthese.csv" | head -5)"
else
    fail "dashboard: tests/dashboard/generate.py" "$(tail -5 "$DB/gen.log")"
fi

# The PDF: the same figures, in French, tagged and conformant.
if [ -n "${G:-}" ] && "$COPIL" dashboard -q --year 2026-2027 --schools "$G/schools.csv" -o "$G/dashboard.pdf" "$G/files" 2>"$G/pdf.err"; then
    pdftotext "$G/dashboard.pdf" "$G/dashboard.txt" 2>/dev/null
    if "$PY" tests/dashboard/check.py "$G/expected.json" "$G/out" "$G/dashboard.txt" >"$G/check-pdf" 2>&1; then
        ok "dashboard: the PDF prints every share and count as generated, each with its numerator and denominator"
    else
        fail "dashboard: the PDF's shares" "$(tail -8 "$G/check-pdf")"
    fi
    want=$("$PY" - "$G/expected.json" <<'PYEOF'
import json, sys
e = json.load(open(sys.argv[1], encoding="utf-8"))
S = list(e["schools"].values())
met = sum(1 for s in S if s["meetings"] > 0)
# (pdftotext gives the narrow no-break space before % as a space)
fr = lambda n, d: ("%.1f" % (100 * n / d)).replace(".", ",") + " %% (%d sur %d)" % (n, d)
print(fr(met, len(S)))
ctice = sum(s["ctice"] for s in S)
print(fr(sum(1 for s in S if s["ctice"] and s["letter"]), ctice))
print(fr(sum(1 for s in S if s["files"] == 0), len(S)))
PYEOF
)
    missing=
    while IFS= read -r line; do grep -qF "$line" "$G/dashboard.txt" || missing="$missing [$line]"; done <<<"$want"
    [ "$(grep -c . <<<"$want")" = 3 ] && [ -z "$missing" ] && ok "dashboard: the PDF prints the shares in French, each with its numerator and denominator" \
        || fail "dashboard: the PDF's figures" "missing:$missing"
    pdfinfo "$G/dashboard.pdf" 2>/dev/null | grep -q '^Tagged: *yes' && pdfinfo "$G/dashboard.pdf" | grep -q '^Title: *Tableau de bord du numérique 2026–2027' \
        && ok "dashboard: the PDF is tagged and titled" || fail "dashboard: pdfinfo" "$(pdfinfo "$G/dashboard.pdf" 2>&1 | head -5)"
    grep -q 'compte-rendu-date-erronee.xml' "$G/dashboard.txt" && grep -q 'Annexe : établissements sans document reçu' "$G/dashboard.txt" \
        && ok "dashboard: its annexes list the files not usable and the schools that sent nothing" || fail "dashboard: annexes"
    out=$(python3 tests/tools/conformance.py "$G/dashboard.pdf" 2>&1) \
        && ok "dashboard: the PDF passes the conformance checks (PDF/UA)" || fail "dashboard: conformance" "$(head -8 <<<"$out")"
    names=$(grep -ho '<name>[^<]*</name>' "$G"/files/*/*.xml | sed 's/<[^>]*>//g' | grep -v '^Collège\|^Lycée\|^École\|^Cité' | sort -u | head -300)
    leaked=
    while IFS= read -r n; do [ -n "$n" ] && grep -qF "$n" "$G/dashboard.txt" && leaked="$leaked; $n"; done <<<"$names"
    [ -z "$leaked" ] && ok "dashboard: no person's name in the PDF" || fail "dashboard: names in the PDF" "$leaked"
    "$COPIL" dashboard -q --merge --year 2026-2027 --schools "$G/schools.csv" -o "$G/merged.pdf" "$G/1.part" "$G/2.part" "$G/3.part" "$G/4.part" 2>/dev/null
    cmp -s "$G/dashboard.pdf" "$G/merged.pdf" && ok "dashboard: the merged partials' PDF has the same bytes" \
        || fail "dashboard: merged PDF differs"
else
    fail "dashboard: the PDF" "$(cat "$G/pdf.err" 2>/dev/null)"
fi
