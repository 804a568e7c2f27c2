# tests/hostile.sh — hostile inputs made at run time: a file over the size
# limit, elements nested 100,000 deep, a 5 MB attribute, and special files
# (a device, a FIFO, a folder), each refused or handled without blocking.

# A file over the size limit (8 MB): refused before parsing.
{ echo '<meeting xmlns="urn:copil:data" version="1">'; head -c 9000000 /dev/zero | tr '\0' ' '; echo '</meeting>'; } >"$TMP/huge.xml"
expect_exit "a 9 MB file is refused" 1 "$COPIL" validate -q "$TMP/huge.xml"
grep -q "the file is too large (9.0 MB); copil reads files of up to 8.0 MB" "$TMP/err" \
    && ok "too-large message" || fail "too-large message" "$(cat "$TMP/err")"

# Elements nested 100,000 deep: stopped by libxml2's depth limit.
awk 'BEGIN { printf "<meeting xmlns=\"urn:copil:data\" version=\"1\">";
            for (i = 0; i < 100000; i++) printf "<a>"; for (i = 0; i < 100000; i++) printf "</a>";
            print "</meeting>" }' >"$TMP/deep.xml"
expect_exit "100,000 nested elements are refused" 1 "$COPIL" validate -q "$TMP/deep.xml"
grep -q "nested more than 256 deep" "$TMP/err" && ok "depth message" || fail "depth message" "$(cat "$TMP/err")"

# A quadratic blow-up attempt without entities: one attribute 5 MB long.
{ printf '<meeting xmlns="urn:copil:data" version="1" x="'; head -c 5000000 /dev/zero | tr '\0' a; echo '"/>'; } >"$TMP/longattr.xml"
expect_exit "a 5 MB attribute is handled" 1 "$COPIL" validate -q "$TMP/longattr.xml"

# Special files are never read.
expect_exit "/dev/zero is refused" 3 "$COPIL" validate /dev/zero
grep -q "not a regular file" "$TMP/err" && ok "device message" || fail "device message" "$(cat "$TMP/err")"
mkfifo "$TMP/fifo"
expect_exit "a FIFO is refused without blocking" 3 "$COPIL" validate "$TMP/fifo"
expect_exit "a folder is refused" 3 "$COPIL" validate samples
