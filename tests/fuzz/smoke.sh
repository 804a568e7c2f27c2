#!/usr/bin/env bash
# tests/fuzz/smoke.sh — `make fuzz-smoke`, and part of `make check`: replays
# each fuzz target's seeds and reproducers once under the sanitizers.
#
# data: samples/ and tests/bad/; layout: tests/layout/; text:
# tests/fuzz/seeds/text/; and for each target its own seeds
# (tests/fuzz/seeds/data/, tests/fuzz/seeds/layout/: long text, contact
# details, images), its corpus (what fuzzing found
# beyond those seeds, minimised to the inputs that reach new code:
# tests/fuzz/corpus/TARGET/) and its reproducers
# (tests/fuzz/regressions/TARGET/). An input that crashes, leaks, trips
# a sanitizer or runs over 5 s fails its target, and is named. Environment:
# FUZZ, the folder of the fuzz binaries (default build/fuzz). Sourced by
# tests/run.sh it counts into its totals; run alone it prints its own line.
standalone=0
if ! declare -F ok >/dev/null; then
    standalone=1
    set -u
    cd "$(dirname "$0")/../.."
    . tests/harness.sh
fi
FUZZ=${FUZZ:-build/fuzz}
smoke_tmp=$(mktemp -d "${TMPDIR:-/tmp}/copil-smoke.XXXXXX")
for t in data layout text; do
    case $t in
    data) inputs=$(ls samples/*.xml tests/bad/*.xml tests/fuzz/seeds/data/*) ;;
    layout) inputs=$(ls tests/layout/*.layout.xml tests/fuzz/seeds/layout/*) ;;
    text) inputs=$(ls tests/fuzz/seeds/text/*) ;;
    esac
    inputs="$inputs $(find tests/fuzz/corpus/$t tests/fuzz/regressions/$t -type f 2>/dev/null | sort)"
    n=$(echo $inputs | wc -w)
    if [ ! -x "$FUZZ/copil-fuzz-$t" ]; then
        fail "fuzz-smoke $t: $FUZZ/copil-fuzz-$t is not built (make fuzz)"
        continue
    fi
    # shellcheck disable=SC2086
    if UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" "$FUZZ/copil-fuzz-$t" -timeout=5 \
        -rss_limit_mb=2048 -artifact_prefix="$smoke_tmp/" $inputs >"$smoke_tmp/$t.log" 2>&1; then
        ok "fuzz-smoke $t: $n inputs replayed under ASan and UBSan"
    else
        fail "fuzz-smoke $t: an input failed" "$(grep -E '^Running:|ERROR|SUMMARY|timeout|leak' "$smoke_tmp/$t.log" | tail -6)"
    fi
done
rm -rf "$smoke_tmp"
if [ "$standalone" = 1 ]; then harness_end; fi
