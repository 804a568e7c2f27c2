#!/usr/bin/env bash
# bench/hostile.sh — how long the hostile layouts take (`make bench`; not
# part of make check).
#
# The layouts of tests/layout/make-hostile.sh (10,000 short paragraphs, a
# table of 2,000 rows) rendered by the normal build and, when it is built,
# by the sanitizer build (make SAN=1 → build/san/copil). Prints the median
# wall time of RUNS runs and the peak RSS beside the limit each build is
# held to: 2 s for the normal build, three times that under the sanitizers
# (issue 17: the steering's answer to issue 3). Figures go into the issue
# notes; no test asserts them (tests/layout.sh only guards against a hang).
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
SAN_COPIL=${SAN_COPIL:-build/san/copil}
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bash tests/layout/make-hostile.sh "$out" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

one() { # BIN LABEL LIMIT_MS
    local bin=$1 label=$2 limit=$3 f name ms rss
    for f in "$out"/*.layout.xml; do
        name=$(basename "$f" .layout.xml)
        ms=$(for i in $(seq "$runs"); do
            t0=$(date +%s%N)
            "$bin" render "$f" -o "$out/$name.pdf" >/dev/null 2>&1
            echo $(( ($(date +%s%N) - t0) / 1000000 ))
        done | median)
        /usr/bin/time -f '%M' -o "$out/rss" "$bin" render "$f" -o "$out/$name.pdf" >/dev/null 2>&1 || true
        rss=$(tail -1 "$out/rss")
        printf '%-8s %-18s %6d ms (limit %d ms, %s)  peak %d MB\n' "$label" "$name" "$ms" "$limit" \
            "$([ "$ms" -le "$limit" ] && echo within || echo OVER)" $((rss / 1024))
    done
}

one "$COPIL" normal 2000
if [ -x "$SAN_COPIL" ]; then
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
    one "$SAN_COPIL" SAN=1 6000
else
    echo "SAN=1    (not built: make SAN=1 first to measure it)"
fi
