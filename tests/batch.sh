# tests/batch.sh — many documents at once (copil render -j N, -d OUTDIR DIR,
# --shard K/N), sourced by run.sh.
#
# A tree of data files with a broken file, a file that is not copil's, and
# entries the walk must skip (a hidden folder, a layout document, a link to a
# folder): the good files are rendered into the same tree under OUTDIR with
# the same bytes as one at a time, the failures are listed with their first
# error, the exit status is 1, and nothing but the summary is printed when
# stderr is not a terminal. Shards of the same inputs partition them exactly.
# On a terminal (script(1)) a progress line is redrawn in place. A worker
# killed mid-file costs only that file.

B="$TMP/batch"
mkdir -p "$B/in/a" "$B/in/b" "$B/in/c/deep" "$B/in/.hidden" "$B/good/x" "$B/good/y"
cp samples/college-2026-t1.xml samples/college-2026-t2.xml "$B/in/a/"
cp samples/lettre-mission-ctice.xml samples/lettre-mission-aed-tice.xml "$B/in/b/"
cp samples/college-2026-t1-agenda.xml "$B/in/c/deep/"
cp tests/bad/attribute-misspelled.xml "$B/in/b/broken.xml"
echo '<inventory/>' >"$B/in/c/other.xml"
cp samples/lettre-mission-ctice.xml "$B/in/.hidden/skipped.xml"
cp tests/layout/01-plain-paragraphs.layout.xml "$B/in/c/skipped.layout.xml"
ln -s ../../good "$B/in/c/link"

got=0
"$COPIL" render -j 2 -d "$B/out" "$B/in" >"$B/stdout" 2>"$B/stderr" </dev/null || got=$?
[ "$got" = 1 ] && ok "batch with failures: exit 1" || fail "batch with failures: exit $got" "$(cat "$B/stderr")"
[ ! -s "$B/stdout" ] && ok "batch: nothing on stdout" || fail "batch: stdout" "$(cat "$B/stdout")"
if grep -q $'\r\|\e' "$B/stderr"; then fail "batch: no progress line when stderr is not a terminal" "$(cat -A "$B/stderr")"
else ok "batch: no progress line when stderr is not a terminal"; fi
head -1 "$B/stderr" | grep -Eq '^copil render: 7 documents in [0-9.]+ s with 2 workers: 5 written, 2 failed$' \
    && ok "batch: summary line" || fail "batch: summary line" "$(cat "$B/stderr")"
[ "$(wc -l <"$B/stderr")" = 3 ] && ok "batch: one line per failure, nothing else" || fail "batch: stderr has $(wc -l <"$B/stderr") lines" "$(cat "$B/stderr")"
grep -qx "  $B/in/b/broken.xml:$(head -1 tests/bad/attribute-misspelled.expected | sed -E 's/^[^:]*:([0-9]+):.*/\1/'):.*error: .*" "$B/stderr" \
    && ok "batch: the broken file's first error, with its line" || fail "batch: broken file's error" "$(cat "$B/stderr")"
grep -q "  $B/in/c/other.xml:1: error: this is not a copil file" "$B/stderr" \
    && ok "batch: a file that is not copil's fails alone" || fail "batch: other.xml" "$(cat "$B/stderr")"
want="a/college-2026-t1-minutes.pdf a/college-2026-t2-minutes.pdf b/lettre-mission-aed-tice-mission-letter.pdf b/lettre-mission-ctice-mission-letter.pdf c/deep/college-2026-t1-agenda.pdf"
have=$(cd "$B/out" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//')
[ "$have" = "$want" ] && ok "batch: the good files, mirrored under OUTDIR; hidden, layout and linked entries skipped" \
    || fail "batch: outputs" "have: $have"$'\n'"want: $want"
"$COPIL" render samples/lettre-mission-ctice.xml -o "$B/single.pdf" 2>/dev/null
cmp -s "$B/single.pdf" "$B/out/b/lettre-mission-ctice-mission-letter.pdf" \
    && ok "batch: the same bytes as a single render" || fail "batch: bytes differ from a single render"
for f in "$B"/out/a/*.pdf "$B"/out/c/deep/*.pdf; do
    qpdf --check "$f" >/dev/null 2>&1 && ok "batch: qpdf --check ${f#"$B"/out/}" || fail "batch: qpdf --check ${f#"$B"/out/}"
done

# Everything good: exit 0; --quiet prints nothing; outputs beside the inputs without -d.
cp samples/lettre-mission-ctice.xml samples/college-2026-t1-agenda.xml "$B/good/x/"
cp samples/lettre-mission-aed-tice.xml samples/ecole-copil-num-2026.xml samples/lp-2026-extraordinaire.xml "$B/good/y/"
expect_exit "batch all good: exit 0" 0 "$COPIL" render "$B/good"
grep -Eq '^copil render: 5 documents in [0-9.]+ s with [0-9]+ workers?: 5 written, 0 failed$' "$TMP/err" \
    && ok "batch all good: summary" || fail "batch all good: summary" "$(cat "$TMP/err")"
[ -f "$B/good/y/lp-2026-extraordinaire-minutes.pdf" ] && ok "batch without -d: PDFs beside their inputs" || fail "batch without -d: no PDF beside the input"
expect_exit "batch --quiet: exit 0" 0 "$COPIL" render -q -j 2 -d "$B/quiet" "$B/good/x" "$B/good/y"
[ ! -s "$TMP/err" ] && [ "$(find "$B/quiet" -name '*.pdf' | wc -l)" = 5 ] && ok "batch --quiet: silent, every PDF written" \
    || fail "batch --quiet" "$(cat "$TMP/err")"

# Shards: the K-th of N slices, together every input exactly once, each of
# nearly equal size, the same whatever order the files are named in.
for k in 1 2 3; do
    expect_exit "shard $k/3" 0 "$COPIL" render -q --shard "$k/3" -d "$B/shard$k" "$B/good"
    (cd "$B/shard$k" 2>/dev/null && find . -name '*.pdf' | sort) >"$B/shard$k.list"
done
"$COPIL" render -q -d "$B/all" "$B/good" 2>/dev/null
(cd "$B/all" && find . -name '*.pdf' | sort) >"$B/all.list"
sort "$B/shard1.list" "$B/shard2.list" "$B/shard3.list" >"$B/union.list"
if cmp -s "$B/union.list" "$B/all.list" && [ -z "$(uniq -d "$B/union.list")" ]; then ok "shards partition the inputs exactly"
else fail "shards do not partition the inputs" "$(cat "$B"/shard*.list)"; fi
sizes=$(wc -l "$B"/shard[123].list | awk '$2 != "total" {print $1}' | sort -n | tr '\n' ' ')
[ "$sizes" = "1 2 2 " ] && ok "shards of nearly equal size" || fail "shard sizes: $sizes"
"$COPIL" render -q --shard 2/3 -d "$B/shard2b" "$B/good/y/lp-2026-extraordinaire.xml" "$B/good/x" \
    "$B/good/y/ecole-copil-num-2026.xml" "$B/good/y/lettre-mission-aed-tice.xml" 2>/dev/null
(cd "$B/shard2b" && find . -name '*.pdf' | sed 's|^.*/||' | sort) >"$B/shard2b.list"
sed 's|^.*/||' "$B/shard2.list" | sort | cmp -s - "$B/shard2b.list" \
    && ok "a shard does not depend on the order the files are named in" \
    || fail "shard order" "$(cat "$B/shard2b.list")"

# The command line.
expect_exit "-j 0 is a usage error" 2 "$COPIL" render -j 0 "$B/good"
grep -q -- '-j takes a number of workers from 1 to 256, not "0"' "$TMP/err" && ok "-j message" || fail "-j message" "$(cat "$TMP/err")"
expect_exit "-j abc is a usage error" 2 "$COPIL" render -jabc "$B/good"
for bad in 0/3 4/3 3 a/b 1/0 /3; do
    expect_exit "--shard $bad is a usage error" 2 "$COPIL" render --shard "$bad" "$B/good"
done
grep -q -- '--shard takes K/N, the K-th of N slices with 1 <= K <= N' "$TMP/err" && ok "--shard message" || fail "--shard message" "$(cat "$TMP/err")"
expect_exit "-o with a batch is a usage error" 2 "$COPIL" render -j 2 -o "$B/x.pdf" "$B/good"
expect_exit "--dump=pages with a batch is a usage error" 2 "$COPIL" render --dump=pages "$B/good"
expect_exit "a file named twice is a usage error" 2 "$COPIL" render -d "$B/twice" samples/lettre-mission-ctice.xml samples/lettre-mission-ctice.xml
grep -q "samples/lettre-mission-ctice.xml is named twice" "$TMP/err" && ok "named-twice message" || fail "named-twice message" "$(cat "$TMP/err")"
expect_exit "two files writing the same PDF is a usage error" 2 "$COPIL" render -d "$B/same" "$B/good/x/lettre-mission-ctice.xml" samples/lettre-mission-ctice.xml
grep -q "would write the same PDF" "$TMP/err" && ok "same-PDF message" || fail "same-PDF message" "$(cat "$TMP/err")"
[ ! -e "$B/same" ] && [ ! -e "$B/twice" ] && ok "a refused batch writes nothing" || fail "a refused batch wrote something"
expect_exit "a missing file fails alone in a batch" 1 "$COPIL" render -d "$B/missing" "$B/good/x" "$B/nonexistent.xml"
grep -q "nonexistent.xml: error: cannot read this file: it does not exist" "$TMP/err" && [ "$(find "$B/missing" -name '*.pdf' | wc -l)" = 2 ] \
    && ok "a missing file: listed, the others written" || fail "a missing file in a batch" "$(cat "$TMP/err")"

# Folders are made only for PDFs actually written.
mkdir -p "$B/onlybad/sub"
cp tests/bad/attribute-misspelled.xml "$B/onlybad/sub/broken.xml"
expect_exit "a batch where every file fails: exit 1" 1 "$COPIL" render -d "$B/nofolder" "$B/onlybad"
[ ! -e "$B/nofolder" ] && ok "no output folder is made for a file that fails" || fail "empty output folders were made" "$(find "$B/nofolder")"

# On a terminal: a progress line redrawn in place, then the summary.
if command -v script >/dev/null; then
    script -qec "$COPIL render -j 2 -d $B/tty $B/good" /dev/null </dev/null >"$B/tty.out" 2>&1
    if grep -q $'\r\e\\[Kcopil render: [0-9]*/5' "$B/tty.out" && grep -q 'copil render: 5 documents in .* 5 written, 0 failed' "$B/tty.out"; then
        ok "on a terminal: a progress line, then the summary"
    else
        fail "on a terminal: no progress line" "$(cat -A "$B/tty.out" | head -5)"
    fi
fi

# A worker killed while rendering: its file fails, a new worker renders the rest.
mkdir -p "$B/crash"
bash tests/layout/make-hostile.sh "$B/crash/gen" >/dev/null 2>&1
cp "$B/crash/gen/10000-paragraphs.layout.xml" "$B/crash/a-long.layout.xml"
cp samples/lettre-mission-ctice.xml "$B/crash/b-letter.xml"
cp samples/college-2026-t1-agenda.xml "$B/crash/c-agenda.xml"
"$COPIL" render -j 1 "$B/crash/a-long.layout.xml" "$B/crash/b-letter.xml" "$B/crash/c-agenda.xml" \
    >/dev/null 2>"$B/crash.err" </dev/null &
batch_pid=$!
worker=
for _ in $(seq 100); do
    worker=$(pgrep -P "$batch_pid" | head -1)
    [ -n "$worker" ] && break
    sleep 0.05
done
sleep 0.3
[ -n "$worker" ] && kill -9 "$worker" 2>/dev/null
got=0
wait "$batch_pid" || got=$?
if [ "$got" = 1 ] && grep -q "a-long.layout.xml: error: copil stopped while rendering this file (Killed)" "$B/crash.err" \
    && [ -f "$B/crash/b-letter-mission-letter.pdf" ] && [ -f "$B/crash/c-agenda.pdf" ] && [ ! -e "$B/crash/a-long.pdf" ]; then
    ok "a killed worker costs only its own file"
else
    fail "a killed worker (exit $got)" "$(cat "$B/crash.err")"
fi
