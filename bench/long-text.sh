#!/usr/bin/env bash
# bench/long-text.sh — how the time to print a text grows with its length.
#
# One unbroken word (the letter a, then é, then a French word repeated without
# spaces) of 20 KB, 200 KB and 2 MB, in a full-width paragraph and in a table
# cell half the page wide: wall time and peak RSS of one `copil render` each,
# and the ratio of each time to the one ten times shorter (about 10 when the
# cost is linear). Then the largest meeting the data schemas accept: texts of
# 20,000 characters (the limit) up to the 8 MB a data file may weigh, rendered
# through the stylesheets. Figures are machine-dependent and go into the issue
# notes; no test asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# doc FILE UNIT BYTES WHERE: a layout document of UNIT repeated to BYTES bytes.
doc() {
    python3 - "$@" <<'EOF'
import sys
path, unit, n, where = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
word = (unit * (n // len(unit.encode()) + 1)).encode()[:n].decode("utf-8", "ignore")
body = ("<p>%s</p>" % word if where == "paragraph" else
        '<table><col width="1*"/><col width="1*"/><row><cell>%s</cell><cell>fin</cell></row></table>' % word)
open(path, "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:copil:layout" title="x" '
    'created="2026-10-08T17:30:00+02:00"><body>\n%s\n</body></document>\n' % body)
EOF
}

printf '%-28s %8s %10s %8s %7s\n' "unbroken word" "size" "time (s)" "ratio" "MB"
for unit in a é anticonstitutionnellement; do
    for where in paragraph cell; do
        prev=
        for kb in 20 200 2000; do
            f="$out/w.layout.xml"
            doc "$f" "$unit" $((kb * 1000)) "$where"
            /usr/bin/time -o "$out/time" -f '%e %M' "$COPIL" render -q "$f" -o "$out/w.pdf" \
                >/dev/null 2>"$out/err" || echo "  (exit $?: $(tail -1 "$out/err"))"
            r=$(tail -1 "$out/time")
            t=${r% *}
            ratio=-
            [ -n "$prev" ] && ratio=$(awk -v a="$t" -v b="$prev" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
            printf '%-28s %6s KB %10s %8s %7d\n' "${unit:0:12} in a $where" "$kb" "$t" "$ratio" $(( ${r#* } / 1024 ))
            prev=$t
        done
    done
done

# The largest meeting the schemas accept: the collège's first meeting with
# paragraphs of 20,000 accented letters added to its first agenda item until
# the file weighs nearly 8 MB.
python3 - "$out/big.xml" <<'EOF'
import sys
s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
old = "<p>Rôle du comité"
assert old in s
p = "<p>" + "é" * 20000 + "</p>\n"
room = 7_900_000 - len(s.encode())
n = room // len(p.encode())
open(sys.argv[1], "w", encoding="utf-8").write(s.replace(old, p * n + old, 1))
print("largest accepted meeting: %d texts of 20,000 characters, %.1f MB" %
      (n, (len(s.encode()) + n * len(p.encode())) / 1e6))
EOF
"$COPIL" validate -q "$out/big.xml"
/usr/bin/time -o "$out/time" -f "  rendered in %e s, peak RSS %M kB" \
    "$COPIL" render -q --kind agenda "$out/big.xml" -d "$out" 2>"$out/err" || echo "  (exit $?: $(tail -1 "$out/err"))"
cat "$out/time"
pdfinfo "$out"/big*.pdf 2>/dev/null | awk '/^Pages:/ {print "  " $2 " pages"}'
