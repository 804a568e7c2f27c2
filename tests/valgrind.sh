#!/usr/bin/env bash
# tests/valgrind.sh — `make valgrind`, and part of `make check` (not under
# SAN=1: memcheck cannot run a sanitized binary). Renders every sample, the
# public copy of a minutes and a layout document with both kinds of image
# under valgrind's memcheck: any memory error or definite leak fails, save
# the libraries' one-time allocations explained in tests/valgrind.supp.
# Sourced by tests/run.sh it counts into its totals; run alone it prints its
# own line. Environment: COPIL (default build/copil).
standalone=0
if ! declare -F ok >/dev/null; then
    standalone=1
    set -u
    cd "$(dirname "$0")/.."
    . tests/harness.sh
fi
COPIL=${COPIL:-build/copil}
vg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/copil-valgrind.XXXXXX")
vg_run() { # NAME ARGS...: memcheck over `copil render ARGS`
    local name=$1; shift
    valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --error-exitcode=99 --suppressions=tests/valgrind.supp -q \
        "$COPIL" render "$@" >"$vg_tmp/$name.log" 2>&1
    echo $? >"$vg_tmp/$name.exit"
}
cases=()
for f in samples/*.xml; do cases+=("$(basename "$f" .xml)|$f"); done
cases+=("public-minutes|samples/college-2026-t2.xml --public")
cases+=("layout-png|tests/layout/25-image.layout.xml")
cases+=("layout-svg|tests/layout/43-svg-image.layout.xml")
# Two at a time: one per core.
running=0
for c in "${cases[@]}"; do
    name=${c%%|*}
    # shellcheck disable=SC2086
    vg_run "$name" ${c#*|} -o "$vg_tmp/$name.pdf" &
    running=$((running + 1))
    if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
for c in "${cases[@]}"; do
    name=${c%%|*}
    if [ "$(cat "$vg_tmp/$name.exit")" = 0 ] && [ -s "$vg_tmp/$name.pdf" ]; then
        ok "valgrind $name: no memory error, no definite leak"
    else
        fail "valgrind $name: exit $(cat "$vg_tmp/$name.exit")" "$(grep -E 'lost in|Invalid|uninitialised|error' "$vg_tmp/$name.log" | head -5)"
    fi
done
rm -rf "$vg_tmp"
if [ "$standalone" = 1 ]; then harness_end; fi
