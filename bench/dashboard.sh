#!/usr/bin/env bash
# bench/dashboard.sh — issue 22's figures for copil dashboard, on this machine:
# an académie made by tests/dashboard/generate.py (a fixed seed) of 500 and of
# 2,000 schools (about 1,500 and 6,000 files), reduced to its CSV files with
# -j 1 and -j 2: wall time and peak memory (GNU time's maximum resident set).
# Aim: 6,000 files under 10 s with -j 2, memory that does not grow with the
# files. Figures go into the issue notes; no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for schools in 500 2000; do
    python3 tests/dashboard/generate.py "$dir/a$schools" --schools "$schools" >/dev/null
    files=$(find "$dir/a$schools/files" -name '*.xml' | wc -l)
    for j in 1 2; do
        /usr/bin/time -f '%e %M' -o "$dir/t" "$COPIL" dashboard -q -j "$j" --year 2026-2027 \
            --schools "$dir/a$schools/schools.csv" --csv "$dir/out" "$dir/a$schools/files"
        read -r secs kb <"$dir/t"
        echo "$schools schools, $files files, -j $j: $secs s, peak $((kb / 1024)) MiB"
    done
done
