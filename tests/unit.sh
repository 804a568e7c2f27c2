# tests/unit.sh — the C unit tests (tests/unit/, one binary: $UNIT), counted
# into the suite's totals: the binary's own line "unit: N passed, N failed"
# is read, and whatever else it prints (its failures) is shown.

if out=$("$UNIT" 2>&1); then :; fi
echo "$out" | grep -v '^unit:' || true
line=$(echo "$out" | grep '^unit:' | tail -1)
if [ -z "$line" ]; then
    fail "unit tests did not finish" "$out"
else
    passed=$((passed + $(echo "$line" | sed -E 's/^unit: ([0-9]+) passed.*/\1/')))
    failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
fi
