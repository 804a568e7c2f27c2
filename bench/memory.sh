#!/usr/bin/env bash
# bench/memory.sh — peak memory of one document as it grows (`make bench`).
#
# The first sample's agenda with a paragraph of forty words repeated, to
# about 40 and about 400 pages: pages, wall time, peak RSS and file size of
# one `copil render` each. Issue 20 aims at 400 pages under 60 MiB and 40
# under 35 MiB. Figures are machine-dependent and go into the issue notes;
# no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 - "$out" <<'PY'
import sys
s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
old = "<p>Rôle du comité"
assert old in s
para = "<p>" + "mot " * 40 + "</p>\n"
for name, n in (("p40", 480), ("p400", 4800)):
    open("%s/%s.xml" % (sys.argv[1], name), "w", encoding="utf-8").write(s.replace(old, para * n + old, 1))
PY
for name in p40 p400; do
    /usr/bin/time -o "$out/time" -f "%e s, peak RSS %M kB" \
        "$COPIL" render -q --kind agenda "$out/$name.xml" -o "$out/$name.pdf" 2>"$out/err"
    pages=$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf 'agenda of %4s pages: %s, %s bytes\n' "$pages" "$(cat "$out/time")" "$(stat -c %s "$out/$name.pdf")"
done
