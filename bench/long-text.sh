#!/usr/bin/env bash
# bench/long-text.sh — how the time to print a text grows with its length.
#
# One unbroken word (the letter a, then é, then a French word repeated without
# spaces) of 20 KB, 200 KB and 2 MB, in a full-width paragraph and in a table
# cell half the page wide: wall time and peak RSS of one `copil render` each,
# and the ratio of each time to the one ten times shorter (about 10 when the
# cost is linear). Then the largest meetings validation accepts, rendered
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

# The largest meetings validation accepts (one document holds at most 5,000
# texts and 1,000,000 characters): the collège's first meeting with, added
# to its first agenda item, texts of 20,000 characters (ASCII, accented) up to
# the character budget; tiny paragraphs up to the text budget; paragraphs of
# 200 characters up to both; paragraphs full of emphasis.
python3 - "$out" <<'EOF'
import sys
s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
old = "<p>Rôle du comité"
assert old in s
def write(name, p, n):
    open("%s/%s.xml" % (sys.argv[1], name), "w", encoding="utf-8").write(s.replace(old, p * n + old, 1))
write("big-a", "<p>" + "a" * 20000 + "</p>\n", 49)
write("big-e", "<p>" + "é" * 20000 + "</p>\n", 49)
write("big-tiny", "<p>Un.</p>\n", 4700)
write("big-mid", "<p>" + "mot " * 50 + "</p>\n", 4700)
write("big-em", "<p>" + "a<em>b</em>" * 200 + "</p>\n", 22)
EOF
for name in big-a big-e big-tiny big-mid big-em; do
    if ! "$COPIL" validate -q "$out/$name.xml" 2>"$out/err"; then
        echo "$name: refused by validation: $(head -1 "$out/err")"
        continue
    fi
    /usr/bin/time -o "$out/time" -f "%e s, peak RSS %M kB" \
        "$COPIL" render -q --kind agenda "$out/$name.xml" -d "$out" 2>"$out/err" || echo "  (exit $?: $(tail -1 "$out/err"))"
    pages=$(pdfinfo "$out/$name-agenda.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf 'largest accepted meeting %-9s %4s pages, %s\n' "$name:" "$pages" "$(cat "$out/time")"
done
