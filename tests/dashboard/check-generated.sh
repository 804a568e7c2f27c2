#!/bin/sh
# tests/dashboard/check-generated.sh — validates every file generate.py wrote.
#
# Usage: tests/dashboard/check-generated.sh OUT
# Runs `copil validate -q` on each OUT/files/**.xml: the files listed in
# OUT/expected.json's invalid_files must fail, every other one must pass.
# Prints each file that does otherwise, with copil's messages, and a count of
# the files that passed with warnings (open actions not followed up: allowed).
# Exit 0 when every file did as intended, 1 otherwise, 2 on usage.
# COPIL names the binary (default: build/copil of this tree).
set -u
[ $# -eq 1 ] && [ -d "$1/files" ] || { echo "usage: $0 OUT (a folder written by generate.py)" >&2; exit 2; }
out=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
copil=${COPIL:-$root/build/copil}
[ -x "$copil" ] || { echo "$0: no $copil: run make -C $root first" >&2; exit 2; }
cd "$root" || exit 2
invalid=$(python3 -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))["invalid_files"]))' \
    "$out/expected.json") || exit 2
msgs=$(mktemp) && trap 'rm -f "$msgs"' EXIT
n=0 passed=0 failed=0 warned=0 wrong=0
for f in $(cd "$out" && find files -name '*.xml' | LC_ALL=C sort); do
    n=$((n + 1))
    if LANG=C.UTF-8 "$copil" validate -q "$out/$f" >"$msgs" 2>&1; then
        passed=$((passed + 1))
        [ -s "$msgs" ] && warned=$((warned + 1))
        ok=valid
    else
        failed=$((failed + 1))
        ok=invalid
    fi
    if printf '%s\n' "$invalid" | grep -qxF "$f"; then want=invalid; else want=valid; fi
    if [ $ok != $want ]; then
        wrong=$((wrong + 1))
        echo "WRONG: $f is $ok, meant to be $want"
        sed 's/^/    /' "$msgs"
    fi
done
echo "$n files: $passed valid ($warned with warnings), $failed invalid, $wrong not as intended"
[ $wrong -eq 0 ]
