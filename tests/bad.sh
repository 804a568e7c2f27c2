# tests/bad.sh — the area bad of tests/run.sh (alone: tests/run.sh bad).
#
# Each file of tests/bad/ fails `copil validate` with exactly its pinned
# diagnostics, in English (NAME.expected, LANG=C.UTF-8) and in French
# (NAME.fr.expected, LANG=fr_FR.UTF-8): every case in both languages, because
# each case is a message some user reads, and the two must say the same thing.
# NAME.exit holds the exit status when it is not 1. REGEN=1 rewrites the
# pinned files on purpose (make regen): review the diff. Each file is a case:
# tests/run.sh bad/NAME runs (and --update rewrites) only that one.
nbad=0
for f in tests/bad/*.xml; do
    name=${f##*/}
    picked "${name%.xml}" || continue
    nbad=$((nbad + 1))
    base=${f%.xml}
    want_exit=1
    [ -f "$base.exit" ] && want_exit=$(cat "$base.exit")
    for lang in en fr; do
        if [ $lang = en ]; then loc=C.UTF-8 pinned=$base.expected; else loc=fr_FR.UTF-8 pinned=$base.fr.expected; fi
        got=0
        start=$(date +%s%N)
        LANG=$loc timeout 10 "$COPIL" validate -q "$f" >"$TMP/out" 2>"$TMP/err" </dev/null || got=$?
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        echo "$ms $f" >>"$TMP/bad-times"
        if [ -n "${REGEN:-}" ]; then cp "$TMP/err" "$pinned"; fi
        if [ "$got" != "$want_exit" ]; then
            fail "$f ($lang): exit $got, expected $want_exit" "$(cat "$TMP/err")"
        elif [ ! -f "$pinned" ]; then
            fail "$f: no $pinned (run make regen and review it)"
        elif ! diff -u "$pinned" "$TMP/err" >"$TMP/diff"; then
            fail "$f ($lang): diagnostics differ from $pinned" "$(cat "$TMP/diff")"
        elif grep -q "$SECRET" "$TMP/out" "$TMP/err"; then
            fail "$f ($lang): a local file's content leaked into the output"
        else
            ok "$f ($lang)"
        fi
    done
done
if [ -s "$TMP/bad-times" ]; then
    slowest=$(sort -n "$TMP/bad-times" | tail -1)
    echo "slowest bad file: ${slowest%% *} ms (${slowest#* })"
fi
# The folder as a whole.
all_cases || return 0
[ "$nbad" -ge 40 ] && ok "tests/bad holds $nbad files" || fail "tests/bad holds only $nbad files"
# The files the bad cases link to (a previous meeting) are valid themselves,
# so that each case fails for its own reason only.
for f in tests/bad/linked/*.xml; do
    expect_exit "linked file $f is valid" 0 "$COPIL" validate -q "$f"
done
