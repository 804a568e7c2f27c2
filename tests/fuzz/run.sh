#!/usr/bin/env bash
# tests/fuzz/run.sh FUZZ TARGET SECONDS — fuzzes one target (data, layout or
# text) for SECONDS of one core (`make fuzz-run T=TARGET SECONDS=N`).
#
# The working corpus grows in FUZZ/corpus/TARGET (kept between runs, not
# committed), seeded from the project's own inputs: samples/ and tests/bad/
# for data files, tests/layout/ for layout documents, tests/fuzz/seeds/text/
# for text, tests/fuzz/seeds/TARGET/ for the inputs written for the hostile
# classes (long unbroken text, contact details in every spelling, images and
# SVG constructs), and each target's committed corpus and reproducers
# (tests/fuzz/corpus/, tests/fuzz/regressions/). A crash,
# leak or time-out (over 2 s: a hang) stops the run and leaves the input in
# FUZZ/artifacts/TARGET/: minimise it, fix the cause, and add it to
# tests/fuzz/regressions/TARGET/ so that `make fuzz-smoke` replays it.
set -eu
cd "$(dirname "$0")/../.."
FUZZ=$1 T=$2 SECS=$3
case $T in
data) seeds="samples tests/bad"; max=32768 ;;
layout) seeds="tests/layout"; max=32768 ;;
text) seeds="tests/fuzz/seeds/text"; max=4096 ;;
*) echo "fuzz-run: T is data, layout or text" >&2; exit 2 ;;
esac
corpus=$FUZZ/corpus/$T seeddir=$FUZZ/seeds/$T
mkdir -p "$corpus" "$seeddir" "$FUZZ/artifacts/$T"
for d in $seeds; do
    find "$d" -maxdepth 1 -type f \( -name '*.xml' -o -name '*.txt' \) -exec cp {} "$seeddir/" \;
done
for d in tests/fuzz/seeds/$T tests/fuzz/corpus/$T tests/fuzz/regressions/$T; do
    if [ -d "$d" ]; then find "$d" -maxdepth 1 -type f -exec cp {} "$seeddir/" \;; fi
done
bash tests/fuzz/dict.sh "$T" >"$FUZZ/$T.dict"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec "$FUZZ/copil-fuzz-$T" -max_total_time="$SECS" -timeout=2 -rss_limit_mb=2048 \
    -max_len=$max -dict="$FUZZ/$T.dict" -print_final_stats=1 \
    -artifact_prefix="$FUZZ/artifacts/$T/" "$corpus" "$seeddir"
