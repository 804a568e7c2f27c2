#!/usr/bin/env bash
# bench/render.sh — how fast the engine renders a minutes-like document.
#
# The document is tests/layout/99-minutes-like.layout.xml (letterhead, a
# 15-row participants table, agenda items with justified paragraphs, a
# 26-row actions table across a page break, two signature blocks). Prints:
#   - one document per process: median wall time of RUNS runs, and peak RSS;
#   - 100 documents in one process (-d): ms per document once warm, and
#     pages per second.
# Figures go into the issue notes; no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
runs=${RUNS:-21}
doc=tests/layout/99-minutes-like.layout.xml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s%N; }

"$COPIL" render "$doc" -o "$out/one.pdf"
pages=$(pdfinfo "$out/one.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
for i in $(seq "$runs"); do
    t0=$(now); "$COPIL" render "$doc" -o "$out/one.pdf"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk -v p="$pages" '{printf "one %s-page document, one process: %.1f ms (median of '"$runs"')\n", p, $1 / 1000}'
/usr/bin/time -f "  peak RSS: %M kB" "$COPIL" render "$doc" -o "$out/one.pdf" 2>&1 | grep RSS

files=()
mkdir -p "$out/copies"
for i in $(seq -w 100); do cp "$doc" "$out/copies/copy-$i.layout.xml"; files+=("$out/copies/copy-$i.layout.xml"); done
for i in $(seq 5); do
    t0=$(now); "$COPIL" render -q -j 1 -d "$out" "${files[@]}"; t1=$(now)
    echo $(( (t1 - t0) / 1000 ))
done | median | awk -v p="$pages" '{ms = $1 / 1000 / 100;
    printf "100 documents, one process:      %.1f ms per document, %.0f pages per second (median of 5)\n", ms, p * 1000 / ms}'
/usr/bin/time -f "  peak RSS: %M kB" "$COPIL" render -q -j 1 -d "$out" "${files[@]}" 2>&1 | grep RSS
