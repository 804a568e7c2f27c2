# tests/datadir.sh — the data folder: COPIL_DATADIR pointing nowhere is an
# I/O error, pointing to a copy it overrides the tree's schemas, and a broken
# schema there is an internal failure (exit 3).

expect_exit "COPIL_DATADIR pointing nowhere" 3 env COPIL_DATADIR="$TMP/nowhere" "$COPIL" validate samples/college-2026-t1.xml
grep -q "COPIL_DATADIR is set to" "$TMP/err" && ok "COPIL_DATADIR message" || fail "COPIL_DATADIR message" "$(cat "$TMP/err")"
mkdir -p "$TMP/data" && cp -R schemas "$TMP/data/"
sed -i 's|a date as YYYY-MM-DD, e.g. 2026-10-08|OVERRIDDEN HINT|' "$TMP/data/schemas/common.xsd"
expect_exit "COPIL_DATADIR overrides the tree" 1 env COPIL_DATADIR="$TMP/data" "$COPIL" validate -q tests/bad/date-month-13.xml
grep -q "OVERRIDDEN HINT" "$TMP/err" && ok "schemas read from COPIL_DATADIR" || fail "schemas read from COPIL_DATADIR" "$(cat "$TMP/err")"
mkdir -p "$TMP/broken/schemas" && echo '<oops' >"$TMP/broken/schemas/common.xsd" && cp "$TMP/broken/schemas/common.xsd" "$TMP/broken/schemas/meeting.xsd"
expect_exit "a broken schema is an internal failure" 3 env COPIL_DATADIR="$TMP/broken" "$COPIL" validate samples/college-2026-t1.xml
