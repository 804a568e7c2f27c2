#!/usr/bin/env bash
# bench/serve.sh — issue 21's figures for copil serve, on this machine, with
# curl against a real server on a copy of the samples (median of RUNS):
#   - the form of the largest sample, served: ms (aim: under 50 ms);
#   - save a 4-page minutes (one value changed), then refresh its page (which
#     validates it again) and its preview (the PDF, rendered in a child
#     process): ms for the three (aim: under 300 ms).
#   - the home page of 200 meeting files, first visit and later ones, and
#     the form of one of them.
# Figures go into the issue notes; no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
runs=${RUNS:-11}
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
mkdir -p "$dir/docs"
cp samples/*.xml "$dir/docs/"
bash bench/make-meetings.sh "$dir/docs" 1 6 3 20 # a 4-page minutes: meeting-0001.xml
"$COPIL" serve "$dir/docs" >"$dir/out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [ -s "$dir/out" ] && break; sleep 0.1; done
url=$(head -1 "$dir/out")
base=${url%%/?token=*}
token=${url##*token=}
port=${base##*:}
ck="copil_$port=$token"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk -v s="$1" 'BEGIN {printf "%.1f", s * 1000}'; }

largest=$(ls -S samples/*.xml | head -1)
largest=${largest##*/}
curl -s -b "$ck" -o /dev/null "$base/edit?f=$largest" # the stylesheet compiled once
form=$(for i in $(seq "$runs"); do
    curl -s -b "$ck" -o /dev/null -w '%{time_total}\n' "$base/edit?f=$largest"
done | median)
echo "form of the largest sample ($largest, $(wc -c <"samples/$largest") bytes): $(ms "$form") ms"

minutes=meeting-0001.xml
pages=$("$COPIL" render "$dir/docs/$minutes" -o "$dir/m.pdf" >/dev/null 2>&1 && pdfinfo "$dir/m.pdf" | awk '/^Pages:/ {print $2}')
cycle=$(for i in $(seq "$runs"); do
    curl -s -b "$ck" -o "$dir/form.html" "$base/edit?f=$minutes"
    # its meeting's date, one day more each time
    date=$(grep -o 'name="e:[0-9.]*" value="[0-9-]*" type="date"' "$dir/form.html" | head -1 | cut -d'"' -f2)
    python3 tests/serve/form.py "$dir/form.html" "$date=2026-10-$((10 + i))" >"$dir/post"
    t0=$(date +%s%N)
    curl -s -b "$ck" -H "Origin: $base" -o /dev/null --data-binary "@$dir/post" "$base/save"
    curl -s -b "$ck" -o /dev/null "$base/edit?f=$minutes&saved=1"
    curl -s -b "$ck" -o "$dir/p.pdf" "$base/pdf?f=$minutes"
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
done | median)
echo "save, validate and preview a $pages-page minutes ($minutes): $(awk -v u="$cycle" 'BEGIN {printf "%.1f", u / 1000}') ms"

# The home page of a folder of 200 meeting files: the first visit validates
# each; a later one takes what nothing changed from what it kept, and reads
# each file only to tell that it did not change.
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
mkdir -p "$dir/many"
bash bench/make-meetings.sh "$dir/many" 200
"$COPIL" serve "$dir/many" >"$dir/out2" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [ -s "$dir/out2" ] && break; sleep 0.1; done
url=$(head -1 "$dir/out2")
base=${url%%/?token=*}
token=${url##*token=}
ck="copil_${base##*:}=$token"
first=$(curl -s -b "$ck" -o /dev/null -w '%{time_total}\n' "$base/")
again=$(for i in $(seq "$runs"); do
    curl -s -b "$ck" -o /dev/null -w '%{time_total}\n' "$base/"
done | median)
echo "home page of 200 meeting files: first visit $(ms "$first") ms, then $(ms "$again") ms"
# A meeting's form offers the folder's other meetings as its previous one:
# after the home page, it takes them from what the home page found.
meeting=$(ls "$dir/many" | head -1)
mform=$(for i in $(seq "$runs"); do
    curl -s -b "$ck" -o /dev/null -w '%{time_total}\n' "$base/edit?f=$meeting"
done | median)
echo "form of a meeting among 200 meeting files: $(ms "$mform") ms"
