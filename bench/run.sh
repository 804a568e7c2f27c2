#!/usr/bin/env bash
# bench/run.sh — how fast copil checks files (`make bench`; not part of make check).
#
# Prints the median wall time of one `copil validate` process on one sample
# (start-up + schema compilation + one file), the time per file when one
# process checks many, and the peak RSS. Figures are machine-dependent: they
# are reported in the issue notes, never asserted.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
runs=${RUNS:-21}
sample=samples/college-2026-t2.xml

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }

for i in $(seq "$runs"); do
    t0=$(now); "$COPIL" validate -q "$sample"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk '{printf "one file, one process:        %.2f ms (median of '"$runs"')\n", $1 / 1000}'

files=()
for i in $(seq 50); do files+=(samples/*.xml); done
n=${#files[@]}
for i in $(seq 5); do
    t0=$(now); "$COPIL" validate -q "${files[@]}"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk -v n="$n" '{printf "%d files, one process:       %.3f ms per file (median of 5)\n", n, $1 / 1000 / n}'

if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -f "peak RSS, %e s:               %M kB" "$COPIL" validate -q "${files[@]}"
fi
