#!/usr/bin/env bash
# bench/batch.sh — issue 6's figures: minutes documents made from data files
# by bench/make-meetings.sh, through the whole pipeline (validation, XSLT,
# layout, paint, finish). Prints, for this machine:
#   - one 4-page minutes document, one process: median wall ms of RUNS runs,
#     peak RSS, and callgrind's instruction count (the stable figure) when
#     valgrind is installed;
#   - the same document 200 times in one process (-j 1): ms per document;
#   - 1,000 generated meeting files with -j 2: documents per second;
#   - growth: minutes of about 4, 40 and 400 pages: median wall time and peak
#     RSS of each, and the ratio of 400 pages to 40.
# Figures go into the issue notes; no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
runs=${RUNS:-11}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }
# wall FILE: median wall time in µs of RUNS renders of FILE, one process each.
wall() {
    for i in $(seq "$runs"); do
        t0=$(now); "$COPIL" render "$1" -o "$out/w.pdf"; t1=$(now)
        echo $(( (t1 - t0) / 1000 ))
    done | median
}
rss() { /usr/bin/time -f "%M" "$COPIL" render "$1" -o "$out/r.pdf" 2>&1 >/dev/null | tail -1; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# One 4-page minutes document.
bash bench/make-meetings.sh "$out/one" 1 6 3 20
doc=$out/one/meeting-0001.xml
"$COPIL" render "$doc" -o "$out/one.pdf"
printf "one %s-page minutes document, one process: %.1f ms (median of %d), peak RSS %s kB\n" \
    "$(pages "$out/one.pdf")" "$(wall "$doc" | awk '{print $1 / 1000}')" "$runs" "$(rss "$doc")"
if command -v valgrind >/dev/null; then
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$COPIL" render "$doc" -o "$out/cg.pdf" 2>&1 \
        | awk '/Collected :/ {printf "  instructions (callgrind): %.1f million\n", $4 / 1e6}'
fi

# The same document 200 times in one process.
mkdir -p "$out/same"
for i in $(seq -w 200); do cp "$doc" "$out/same/copy-$i.xml"; done
for i in 1 2 3; do
    t0=$(now); "$COPIL" render -q -j 1 -d "$out/same-out" "$out/same"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk '{printf "200 documents, one process (-j 1): %.1f ms per document (median of 3)\n", $1 / 1000 / 200}'
if command -v valgrind >/dev/null; then
    # 20 of the copies; the worker (the larger count) renders them all.
    mkdir -p "$out/twenty"
    cp "$out"/same/copy-0[01]?.xml "$out"/same/copy-020.xml "$out/twenty/"
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.%p" "$COPIL" render -q -j 1 -d "$out/twenty-out" \
        "$out/twenty" 2>&1 | awk '/Collected :/ {if ($4 > max) max = $4} END {
            printf "  instructions per warm document (callgrind, 20 documents): %.1f million\n", max / 20 / 1e6}'
fi

# 1,000 generated meeting files with -j 2.
bash bench/make-meetings.sh "$out/many" 1000
for i in 1 2 3; do
    rm -rf "$out/many-out"
    t0=$(now); "$COPIL" render -q -j 2 -d "$out/many-out" "$out/many"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk '{printf "1,000 meeting files, -j 2: %.1f s, %.0f documents per second (median of 3)\n", $1 / 1e6, 1000 * 1e6 / $1}'

# Growth.
for cfg in "4 6 3 20" "40 45 10 150" "400 50 125 200"; do
    set -- $cfg
    bash bench/make-meetings.sh "$out/g$1" 1 "$2" "$3" "$4"
    f=$out/g$1/meeting-0001.xml
    "$COPIL" render "$f" -o "$out/g$1.pdf"
    t=$(RUNS=5 wall "$f")
    echo "$1 $t" >>"$out/growth"
    printf "minutes of %s pages: %.1f ms (median of 5), peak RSS %s kB\n" "$(pages "$out/g$1.pdf")" \
        "$(echo "$t" | awk '{print $1 / 1000}')" "$(rss "$f")"
done
awk '{t[$1] = $2} END {printf "400 pages / 40 pages: %.1f times the time\n", t[400] / t[40]}' "$out/growth"
