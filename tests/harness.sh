# tests/harness.sh — sourced: the counters and checks every test file uses.
#
# ok NAME, fail NAME [DETAILS], expect_exit NAME CODE CMD... (stdout and
# stderr in $TMP/out and $TMP/err), and harness_end, which prints the one
# closing line "N passed, N failed" and fails when any check did; picked
# NAME and all_cases for the areas whose cases are files. tests/run.sh
# sources it once, before the areas it runs; a file that may also run alone
# (tests/fuzz/smoke.sh, tests/valgrind.sh) sources it only when ok is not
# defined yet. VERBOSE=1 prints the checks that pass too.
passed=0
failed=0
# What every area tests, unless the caller (make check) names it: the
# binaries, and the secret a hostile input must never leak.
COPIL=${COPIL:-build/copil}
UNIT=${UNIT:-build/unit-tests}
PNGDIFF=${PNGDIFF:-build/pngdiff}
FUZZ=${FUZZ:-build/fuzz}
SECRET=COPIL-SECRET-7f3a9c
# Messages are English unless a check asks for French (LANG=fr_FR.UTF-8):
# whatever the machine's locale, the pinned English texts hold.
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
# Under `make SAN=1`, the libraries' own one-time leaks are known and
# explained in tests/lsan.supp; anything else fails the test that shows it.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

ok() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok - $1"; return 0; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /'; return 0; }

# PICKED: the cases of the running area that tests/run.sh AREA/CASE picked,
# by name, or empty when the area runs whole. An area whose cases are files
# runs the case NAME when `picked NAME`, and its other checks when all_cases.
PICKED=${PICKED:-}
picked() { [ -z "$PICKED" ] || [[ " $PICKED " == *" $1 "* ]]; }
all_cases() { [ -z "$PICKED" ]; }

expect_exit() {
    local name=$1 want=$2; shift 2
    local got=0
    timeout 20 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else fail "$name: exit $got, expected $want" "$(head -5 "$TMP/err")"; fi
}

# Calls FN NAME INPUT [--public] for every PDF copil makes from the
# project's own files: each sample, its public copy (a mission letter and an
# activity report have none), each layout fixture.
each_document() {
    local fn=$1 f name
    for f in samples/*.xml; do
        name=$(basename "$f" .xml)
        "$fn" "$name" "$f"
        case "$name" in lettre-mission-* | rapport-activite-*) continue ;; esac
        "$fn" "$name-public" "$f" --public
    done
    for f in tests/layout/*.layout.xml; do
        "$fn" "layout-$(basename "$f" .layout.xml)" "$f"
    done
}

harness_end() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}
