# tests/cli.sh — the command line: exit codes (usage 2, input 1, I/O 3, and
# which wins in a mixed batch), the messages of a wrong command or a missing
# file, the help texts and --version.

expect_exit "no arguments is a usage error" 2 "$COPIL"
expect_exit "unknown command" 2 "$COPIL" frobnicate
grep -q 'unknown command "frobnicate"' "$TMP/err" && ok "unknown command message" || fail "unknown command message"
expect_exit "validate without files" 2 "$COPIL" validate
expect_exit "validate with an unknown option" 2 "$COPIL" validate --frob samples/college-2026-t1.xml
expect_exit "a missing file is an I/O error" 3 "$COPIL" validate tests/nonexistent.xml
grep -qx "tests/nonexistent.xml: error: cannot read this file: it does not exist" "$TMP/err" \
    && ok "missing file message" || fail "missing file message" "$(cat "$TMP/err")"
expect_exit "invalid and missing together: I/O wins" 3 "$COPIL" validate tests/bad/date-month-13.xml tests/nonexistent.xml
expect_exit "valid and invalid together" 1 "$COPIL" validate samples/college-2026-t1.xml tests/bad/date-month-13.xml
grep -q "^samples/college-2026-t1.xml: valid meeting" "$TMP/out" && ok "valid file still reported in a mixed batch" || fail "mixed batch output" "$(cat "$TMP/out")"
grep -q "^2 files checked: 1 valid, 1 with problems$" "$TMP/out" && ok "batch summary" || fail "batch summary" "$(cat "$TMP/out")"

# Help and version.
expect_exit "--help" 0 "$COPIL" --help
grep -q "copil validate \[-q\] FILE\.\.\." "$TMP/out" && ok "--help lists validate" || fail "--help lists validate" "$(cat "$TMP/out")"
grep -q "^Exit status: 0 done; 1 a file has problems" "$TMP/out" && ok "--help explains exit codes" || fail "--help exit codes"
expect_exit "help validate" 0 "$COPIL" help validate
grep -q "^Usage: copil validate" "$TMP/out" && ok "help validate text" || fail "help validate text" "$(cat "$TMP/out")"
expect_exit "validate --help" 0 "$COPIL" validate --help
expect_exit "help for an unknown command" 2 "$COPIL" help frobnicate
expect_exit "--version" 0 "$COPIL" --version
grep -Eqx "copil [0-9]+\.[0-9]+\.[0-9]+" "$TMP/out" && ok "--version format" || fail "--version format" "$(cat "$TMP/out")"

# -o -: the PDF on standard output, the same bytes as in a file; no file named "-".
d=$(mktemp -d "$TMP/stdout.XXXX")
expect_exit "render -o - writes the PDF on standard output" 0 "$COPIL" render samples/college-2026-t1.xml -o -
"$COPIL" render -q samples/college-2026-t1.xml -o "$d/file.pdf" >/dev/null 2>&1
cmp -s "$TMP/out" "$d/file.pdf" && ok "-o -: the same bytes as -o FILE" || fail "-o -: the same bytes as -o FILE"
[ ! -e ./- ] && ok "-o - makes no file named -" || fail "-o - makes no file named -"
timeout 20 "$COPIL" render samples/college-2026-t1.xml -o - 2>/dev/null | pdfinfo - >"$d/info" 2>&1
grep -q '^Pages:' "$d/info" && ok "-o - in a pipe: pdfinfo reads it" || fail "-o - in a pipe" "$(head -3 "$d/info")"
expect_exit "-o - with --dump is a usage error" 2 "$COPIL" render samples/college-2026-t1.xml -o - --dump=pages
grep -q 'dump prints on standard output already' "$TMP/err" && ok "-o - with --dump: the message" || fail "-o - with --dump: the message" "$(cat "$TMP/err")"
if [ -w /dev/full ]; then
    got=0; timeout 20 "$COPIL" render samples/college-2026-t1.xml -o - >/dev/full 2>"$TMP/err" || got=$?
    [ "$got" = 3 ] && grep -q 'cannot write the PDF on standard output' "$TMP/err" \
        && ok "-o - on a full device: I/O error, one message" || fail "-o - on a full device: exit $got" "$(cat "$TMP/err")"
fi
