# tests/documents.sh — data files rendered through the stylesheets, sourced
# by tests/run.sh (uses ok/fail/expect_exit, $COPIL, $TMP).

D="$TMP/documents"
mkdir -p "$D"

# The agenda of the collège's term-1 meeting: start times computed from the
# planned durations, French dates and times, the chair's signature block.
expect_exit "render an agenda-only meeting" 0 "$COPIL" render samples/college-2026-t1-agenda.xml -d "$D"
pdf="$D/college-2026-t1-agenda-agenda.pdf"
[ -f "$pdf" ] && ok "default name NAME-agenda.pdf" || fail "no $pdf"
if qpdf --check "$pdf" >/dev/null 2>&1; then ok "agenda: qpdf --check"; else fail "agenda: qpdf --check"; fi
text=$(pdftotext -layout "$pdf" - 2>/dev/null)
for s in "Convocation" "Ordre du jour" "Jeudi 8 octobre 2026, de 17 h 30 à 19 h" \
         "17 h 40" "17 h 55" "18 h 10" "18 h 25" "18 h 35" "18 h 50" \
         "Fin de la réunion (prévue à 19 h)" "Mme Hélène Rousseau" "Année scolaire 2026–2027"; do
    grep -qF -- "$s" <<<"$text" && ok "agenda shows \"$s\"" || fail "agenda lacks \"$s\""
done
pdfinfo "$pdf" | grep -q "^Title: *Ordre du jour — Comité de pilotage du numérique — jeudi 8 octobre 2026$" \
    && ok "agenda title" || fail "agenda title" "$(pdfinfo "$pdf" | grep Title)"

# A meeting with its record makes minutes by default; --kind agenda still
# prints its agenda; minutes of a meeting without record are refused.
expect_exit "--kind agenda on a meeting with a record" 0 "$COPIL" render samples/college-2026-t1.xml --kind agenda -o "$D/t1-agenda.pdf"
expect_exit "--kind minutes without a record" 1 "$COPIL" render samples/college-2026-t1-agenda.xml --kind minutes -o "$D/x.pdf"
grep -q "minutes need the meeting's record" "$TMP/err" && ok "no-record message" || fail "no-record message" "$(cat "$TMP/err")"
expect_exit "--kind that does not fit the file" 1 "$COPIL" render samples/lettre-mission-ctice.xml --kind agenda -o "$D/x.pdf"
[ ! -e "$D/x.pdf" ] && ok "no PDF after a refusal" || fail "a PDF was written after a refusal"
