# tests/faults.sh — sourced by tests/run.sh: what goes wrong around copil.
#
# Killed at random instants while rendering: the target holds the old PDF or
# the complete new one (byte for byte), never a truncated one, and no stray
# file is left. A full disk and a read-only one (small tmpfs mounts in a user
# namespace, so root cannot write through them either): exit 3, a message
# saying so, the old PDF untouched. An input deleted while copil runs: either
# it had been read (the PDF is complete) or it is reported missing (exit 3).
# A fonts folder missing, with a damaged font, or without a style: exit 3 and
# the file named. Paths that leave the input's folder (an image, a logo, a
# previous meeting, a report's meeting file; "../", absolute, a symbolic link
# out): refused at their line. A PNG that claims 50,000 × 50,000 pixels:
# refused before it is decoded. One image shown 300 times: embedded once.
F=$TMP/faults
rm -rf "$F" && mkdir -p "$F"

# --- kill -9 at random instants --------------------------------------------------
K=$F/kill
mkdir -p "$K"
src=samples/college-2026-t2.xml
cp samples/college-2026-t1.xml "$K/college-2026-t1.xml"
cp "$src" "$K/in.xml"
"$COPIL" render "$K/in.xml" -o "$F/new.pdf" 2>/dev/null
"$COPIL" render samples/lettre-mission-ctice.xml -o "$F/old.pdf" 2>/dev/null
start=$(date +%s%N)
"$COPIL" render "$K/in.xml" -o "$F/timed.pdf" 2>/dev/null
dur_us=$(( ($(date +%s%N) - start) / 1000 ))
olds=0 news=0 bad=0
for i in $(seq 1 40); do
    cp "$F/old.pdf" "$K/out.pdf"
    # Instants spread over the whole run and a little beyond.
    delay=$(( RANDOM * dur_us * 11 / 10 / 32768 ))
    "$COPIL" render "$K/in.xml" -o "$K/out.pdf" 2>/dev/null &
    pid=$!
    sleep "$(printf '0.%06d' "$delay")" 2>/dev/null || sleep 0
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if cmp -s "$K/out.pdf" "$F/old.pdf"; then olds=$((olds + 1))
    elif cmp -s "$K/out.pdf" "$F/new.pdf"; then news=$((news + 1))
    else bad=$((bad + 1)); cp "$K/out.pdf" "$F/bad-$i.pdf"; fi
done
[ "$bad" = 0 ] && ok "killed 40 times: the old PDF ($olds) or the whole new one ($news), never a part" \
    || fail "killed 40 times: $bad outputs were neither the old nor the new PDF"
left=$(ls -A "$K" | grep -v -x -e in.xml -e out.pdf -e college-2026-t1.xml)
if [ -z "$left" ]; then ok "killed 40 times: no stray file"
else
    # Only a kill between naming the finished file and renaming it could
    # leave one; it must then be whole.
    broken=0
    for f in $left; do qpdf --check "$K/$f" >/dev/null 2>&1 || broken=$((broken + 1)); done
    [ "$broken" = 0 ] && ok "killed 40 times: only whole PDFs left ($left)" || fail "killed: partial files left" "$left"
fi
for f in "$K"/*.pdf; do
    qpdf --check "$f" >/dev/null 2>&1 && ok "after the kills, $(basename "$f") passes qpdf --check" \
        || fail "after the kills, $(basename "$f") is damaged"
done

# --- an input deleted while copil runs -------------------------------------------
G=$F/gone
mkdir -p "$G"
cp samples/college-2026-t1.xml "$G/college-2026-t1.xml"
outcomes_ok=0 outcomes_bad=0 read_first=0 missing=0
for i in $(seq 1 12); do
    cp "$src" "$G/in.xml"
    rm -f "$G/out.pdf"
    "$COPIL" render "$G/in.xml" -o "$G/out.pdf" >/dev/null 2>"$G/err" &
    pid=$!
    sleep "$(printf '0.%06d' $(( RANDOM * 30000 / 32768 )))"
    rm -f "$G/in.xml"
    got=0
    wait "$pid" || got=$?
    if [ "$got" = 0 ] && cmp -s "$G/out.pdf" "$F/new.pdf"; then
        outcomes_ok=$((outcomes_ok + 1)); read_first=$((read_first + 1))
    elif [ "$got" = 3 ] && grep -q "cannot read this file: it does not exist" "$G/err" && [ ! -e "$G/out.pdf" ]; then
        outcomes_ok=$((outcomes_ok + 1)); missing=$((missing + 1))
    else
        outcomes_bad=$((outcomes_bad + 1)); echo "exit $got: $(head -2 "$G/err")" >>"$G/report"
    fi
done
[ "$outcomes_bad" = 0 ] && ok "an input deleted mid-run: a whole PDF ($read_first) or exit 3 ($missing)" \
    || fail "an input deleted mid-run" "$(cat "$G/report")"

# --- full and read-only disks ------------------------------------------------------
# A tmpfs of 128 kB, filled up; then a read-only one. Mounted inside a user
# namespace, so that root's privileges do not write through it.
if unshare -rm true 2>/dev/null; then
    mkdir -p "$F/full" "$F/ro"
    cp "$F/old.pdf" "$F/ro-old.pdf"
    cat >"$F/disks.sh" <<'EOS'
set -u
F=$1 COPIL=$2 src=$3
mount -t tmpfs -o size=128k tmpfs "$F/full" || exit 90
cp "$F/old.pdf" "$F/full/out.pdf"
cp samples/college-2026-t1.xml "$F/full/college-2026-t1.xml" 2>/dev/null
dd if=/dev/zero of="$F/full/filler" bs=4k 2>/dev/null
got=0; "$COPIL" render "$src" -o "$F/full/out.pdf" 2>"$F/full.err" || got=$?
echo "$got" >"$F/full.exit"
cmp -s "$F/old.pdf" "$F/full/out.pdf" && echo same >"$F/full.cmp"
ls -A "$F/full" >"$F/full.ls"
got=0; "$COPIL" render -j 1 -d "$F/full" "$src" 2>"$F/full-d.err" >/dev/null || got=$?
echo "$got" >"$F/full-d.exit"
mkdir -p "$F/ro-src" && cp "$F/old.pdf" "$F/ro-src/out.pdf"
mount -t tmpfs -o ro tmpfs "$F/ro" || exit 91
got=0; "$COPIL" render "$src" -o "$F/ro/out.pdf" 2>"$F/ro.err" || got=$?
echo "$got" >"$F/ro.exit"
EOS
    unshare -rm bash "$F/disks.sh" "$F" "$COPIL" "$src" >/dev/null 2>&1
    [ "$(cat "$F/full.exit" 2>/dev/null)" = 3 ] && ok "a full disk: exit 3" || fail "a full disk: exit $(cat "$F/full.exit" 2>/dev/null)" "$(cat "$F/full.err" 2>/dev/null)"
    grep -q "out.pdf: error: cannot write the file: the disk is full; nothing was changed" "$F/full.err" 2>/dev/null \
        && ok "a full disk: the message says so" || fail "a full disk: message" "$(cat "$F/full.err" 2>/dev/null)"
    [ -f "$F/full.cmp" ] && ok "a full disk: the old PDF is untouched" || fail "a full disk: the old PDF changed"
    [ "$(tr '\n' ' ' <"$F/full.ls" 2>/dev/null)" = "college-2026-t1.xml filler out.pdf " ] \
        && ok "a full disk: no partial file left" || fail "a full disk: files left" "$(cat "$F/full.ls" 2>/dev/null)"
    [ "$(cat "$F/full-d.exit" 2>/dev/null)" = 1 ] && grep -q "the disk is full" "$F/full-d.err" \
        && ok "a full disk in a batch: the file fails with the reason" \
        || fail "a full disk in a batch: exit $(cat "$F/full-d.exit" 2>/dev/null)" "$(cat "$F/full-d.err" 2>/dev/null)"
    [ "$(cat "$F/ro.exit" 2>/dev/null)" = 3 ] && grep -q "out.pdf: error: cannot write here: the disk is read-only" "$F/ro.err" \
        && ok "a read-only folder: exit 3 and the reason" \
        || fail "a read-only folder: exit $(cat "$F/ro.exit" 2>/dev/null)" "$(cat "$F/ro.err" 2>/dev/null)"
else
    fail "full and read-only disks: this machine cannot make a user namespace (unshare -rm) to mount a small tmpfs"
fi

# --- the fonts folder ----------------------------------------------------------------
FD=$F/data
mkdir -p "$FD"
ln -s "$PWD/schemas" "$FD/schemas" && ln -s "$PWD/stylesheets" "$FD/stylesheets"
font_case() { # NAME EXPECTED-MESSAGE
    local name=$1 want=$2
    expect_exit "fonts, $name: exit 3" 3 env COPIL_DATADIR="$FD" XDG_CACHE_HOME="$F/cache" "$COPIL" render "$src" -o "$F/fonts.pdf"
    grep -qF -- "$want" "$TMP/err" && ok "fonts, $name: message" || fail "fonts, $name: message" "$(cat "$TMP/err")"
    [ ! -e "$F/fonts.pdf" ] && ok "fonts, $name: no PDF" || fail "fonts, $name: a PDF was written"
}
font_case "folder missing" "fonts: error: the fonts folder is missing"
cp -r fonts "$FD/fonts"
printf 'this is not a font' >"$FD/fonts/LiberationSerif-Bold.ttf"
font_case "a damaged file" "error: the font file LiberationSerif-Bold.ttf is damaged"
head -c 4000 fonts/LiberationSerif-Bold.ttf >"$FD/fonts/LiberationSerif-Bold.ttf"
font_case "a truncated file" "error: the font file LiberationSerif-Bold.ttf is damaged"
rm "$FD/fonts/LiberationSerif-Bold.ttf"
font_case "a style missing" "error: the fonts folder lacks Liberation Serif Bold"

# --- paths that leave the input's folder ------------------------------------------------
P=$F/paths
mkdir -p "$P/in/sub" "$P/outside"
python3 -c 'import base64,sys; open(sys.argv[1],"wb").write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))' "$P/outside/logo.png"
printf 'x' >"$P/outside/secret.xml"
ln -s /etc/hostname "$P/in/hostname.png"
ln -s ../outside "$P/in/outlink"
cp samples/college-2026-t1.xml "$P/outside/t1.xml"
logo() { sed "s|</establishment>|<logo>$1</logo></establishment>|" samples/lettre-mission-ctice.xml >"$P/in/letter.xml"; }
path_case() { # NAME FILE MESSAGE
    expect_exit "path $1: refused" 1 "$COPIL" render "$2" -o "$P/x.pdf"
    grep -qF -- "$3" "$TMP/err" && ok "path $1: message" || fail "path $1: message" "$(cat "$TMP/err")"
    [ ! -e "$P/x.pdf" ] && ok "path $1: no PDF" || fail "path $1: a PDF was written"
}
logo "../../../../../../etc/passwd"
path_case "logo ../../etc/passwd" "$P/in/letter.xml" '<logo> "../../../../../../etc/passwd" leads outside this file'"'"'s folder'
logo "/etc/passwd"
path_case "logo absolute" "$P/in/letter.xml" '<logo> "/etc/passwd" is an absolute path'
logo "hostname.png"
path_case "logo by a symbolic link" "$P/in/letter.xml" '<logo> "hostname.png" leads outside this file'"'"'s folder (to /etc/hostname)'
sed 's|href="college-2026-t1.xml"|href="../../../../../etc/passwd"|' samples/college-2026-t2.xml >"$P/in/t2.xml"
path_case "previous ../../etc/passwd" "$P/in/t2.xml" 'href="../../../../../etc/passwd" in <previous> leads outside'
sed 's|href="college-2026-t1.xml"|href="/etc/passwd"|' samples/college-2026-t2.xml >"$P/in/t2.xml"
path_case "previous absolute" "$P/in/t2.xml" 'href="/etc/passwd" in <previous> is an absolute path'
sed 's|href="college-2026-t1.xml"|href="outlink/t1.xml"|' samples/college-2026-t2.xml >"$P/in/t2.xml"
path_case "previous by a symbolic link" "$P/in/t2.xml" 'href="outlink/t1.xml" in <previous> leads outside this file'"'"'s folder'
ref=$(grep -o 'meeting-file href="[^"]*"' samples/rapport-activite-ctice-2026-2027.xml | head -1 | sed 's/.*href="//; s/"$//')
sed "s|meeting-file href=\"$ref\"|meeting-file href=\"../outside/t1.xml\"|" samples/rapport-activite-ctice-2026-2027.xml >"$P/in/report.xml"
path_case "report's meeting file ../" "$P/in/report.xml" 'href="../outside/t1.xml" in <meeting-file> leads outside'
layout_img() { printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n<image src="%s" alt="x"/>\n</body></document>\n' "$1" >"$P/in/img.layout.xml"; }
layout_img "../outside/logo.png"
path_case "layout image ../" "$P/in/img.layout.xml" "img.layout.xml:3:1: error: the image \"../outside/logo.png\""
layout_img "hostname.png"
path_case "layout image by a symbolic link" "$P/in/img.layout.xml" 'the image "hostname.png" lies outside the layout document'"'"'s folder'
layout_img "/etc/hostname.png"
path_case "layout image absolute" "$P/in/img.layout.xml" 'the image "/etc/hostname.png" is an absolute path'

# A PNG that claims 50,000 × 50,000 pixels (10 GB decoded) in 60 bytes.
python3 - "$P/in/bomb.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF
layout_img "bomb.png"
path_case "a PNG of 50,000 × 50,000 pixels" "$P/in/img.layout.xml" 'the image "bomb.png" is 50,000 × 50,000 pixels, more than copil draws'

# One image shown 300 times: read, decoded and embedded once.
cp tests/layout/logo.png "$P/in/logo.png"
{ echo '<?xml version="1.0"?><document xmlns="urn:copil:layout" title="x"><body>'
  for i in $(seq 300); do echo '<image src="logo.png" alt="Logo" width="20mm"/>'; done
  echo '</body></document>'; } >"$P/in/many.layout.xml"
expect_exit "one image 300 times: rendered" 0 "$COPIL" render "$P/in/many.layout.xml" -o "$P/many.pdf"
uses=$(pdfimages -list "$P/many.pdf" 2>/dev/null | tail -n +3 | wc -l)
objects=$(pdfimages -list "$P/many.pdf" 2>/dev/null | tail -n +3 | awk '{print $11}' | sort -u | wc -l)
[ "$uses" = 300 ] && [ "$objects" = 1 ] && ok "one image 300 times: drawn 300 times from one embedded copy" \
    || fail "one image 300 times: $uses uses of $objects embedded images"

# An output that is not a file: refused, never blocked on, never replaced.
mkfifo "$F/pipe.pdf"
expect_exit "output onto a named pipe: refused without blocking" 2 "$COPIL" render "$src" -o "$F/pipe.pdf"
grep -q "pipe.pdf is a device, pipe or socket, not a file" "$TMP/err" && [ -p "$F/pipe.pdf" ] \
    && ok "output onto a named pipe: message, the pipe left as it was" || fail "output onto a pipe" "$(cat "$TMP/err")"
mkdir -p "$F/folder.pdf"
expect_exit "output onto a folder: refused" 2 "$COPIL" render "$src" -o "$F/folder.pdf"
grep -q "folder.pdf is a folder, not a file" "$TMP/err" && ok "output onto a folder: message" || fail "output onto a folder" "$(cat "$TMP/err")"

# A table column or a side-by-side column too narrow for text (the fuzzer's
# first find: a 0* column made 372 pages one letter wide): refused at once.
narrow() { printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n%s\n</body></document>\n' "$1" >"$P/in/narrow.layout.xml"; }
narrow '<table><col width="40mm"/><col width="0*"/><row><cell>a</cell><cell>Un texte assez long pour remplir des pages, une lettre par ligne.</cell></row></table>'
path_case "a table column 0* wide" "$P/in/narrow.layout.xml" "narrow.layout.xml:3: error: the table's column 2 of 2 is 0.0 mm wide"
narrow '<columns gap="0mm"><column width="99%"><p>a</p></column><column width="1%"><p>Un texte</p></column></columns>'
path_case "a <columns> column 1% wide" "$P/in/narrow.layout.xml" "narrow.layout.xml:3: error: the <columns> column 2 of 2 is 1.7 mm wide"
# ...and text narrowed the same way by padding, wherever it is.
printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><styles><style name="fat" padding="238pt"/></styles><body>\n<box style="fat"><p>Un texte assez long pour remplir des pages, une lettre par ligne.</p></box>\n</body></document>\n' >"$P/in/narrow.layout.xml"
path_case "text left 6 pt by padding" "$P/in/narrow.layout.xml" "narrow.layout.xml:3: error: this text is left 2.1 mm of width by its column, padding and indents"
n=$(grep -c "error:" "$TMP/err")
[ "$n" = 1 ] && ok "text left too narrow: said once" || fail "text left too narrow: said $n times" "$(cat "$TMP/err")"
# A narrow column in a running header measured on every page: said once.
{ printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><header><table><col width="1*"/><col width="0*"/><row><cell>Page <page-number/></cell><cell>x</cell></row></table></header><body>\n'
  for i in $(seq 150); do echo '<p>Un paragraphe parmi d’autres, pour remplir plusieurs pages.</p>'; done
  echo '</body></document>'; } >"$P/in/narrow.layout.xml"
expect_exit "a narrow column in a running header: refused" 1 "$COPIL" render "$P/in/narrow.layout.xml" -o "$P/x.pdf"
n=$(grep -c "error: the table's column 2 of 2" "$TMP/err")
[ "$n" = 1 ] && ok "a narrow column in a running header: said once, not once per page" || fail "a narrow column in a running header: said $n times" "$(cat "$TMP/err")"
