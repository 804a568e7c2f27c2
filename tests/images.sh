# tests/images.sh — sourced by tests/run.sh: images inside images (issue 17).
#
# tests/tools/hostile-images.py writes small SVGs that only claim to be huge:
# pictures of 30,000 × 30,000 pixels embedded as PNG, JPEG, GIF or nested
# SVG, <use> and patterns that multiply, filters over giant regions,
# references to other files and to the network, broken files, an entity
# bomb. Each is refused at once (exit 1, well inside the timeout), at the line
# and column of the element naming it, in words: as a layout's <image> and as
# a data file's <logo>. Filters and masks over giant regions are drawn within
# bounds, and never again end in "the PDF could not be written" (exit 3).
# Logos a school could really send are still drawn.
I=$TMP/images
rm -rf "$I" && mkdir -p "$I"
python3 tests/tools/hostile-images.py "$I"

img_layout() { printf '<?xml version="1.0"?>\n<document xmlns="urn:copil:layout" title="x"><body>\n<image src="%s" alt="Logo"/>\n<p>Texte.</p></body></document>\n' "$1" >"$I/img.layout.xml"; }
img_logo() { sed "s|</establishment>|<logo>$1</logo></establishment>|" samples/lettre-mission-ctice.xml >"$I/letter.xml"; }
# Where <logo> starts in letter.xml: LINE:COL.
logo_at() { awk '{ i = index($0, "<logo>"); if (i) { print NR ":" i; exit } }' "$I/letter.xml"; }

# refused NAME.svg WHY: refused as an <image> and as a <logo>, with WHY.
refused() {
    local svg=$1 why=$2
    img_layout "$svg"
    expect_exit "image $svg: refused" 1 "$COPIL" render "$I/img.layout.xml" -o "$I/x.pdf"
    grep -qxF -- "$I/img.layout.xml:3:1: error: the image \"$svg\" is not a readable SVG image: $why" "$TMP/err" \
        && ok "image $svg: message" || fail "image $svg: message" "$(cat "$TMP/err")"
    [ ! -e "$I/x.pdf" ] && ok "image $svg: no PDF" || { fail "image $svg: a PDF was written"; rm -f "$I/x.pdf"; }
    img_logo "$svg"
    expect_exit "logo $svg: refused" 1 "$COPIL" render "$I/letter.xml" -o "$I/x.pdf"
    grep -qxF -- "$I/letter.xml:$(logo_at): error: the logo is not a readable SVG image: $why" "$TMP/err" \
        && ok "logo $svg: message at <logo>" || fail "logo $svg: message" "$(cat "$TMP/err")"
    grep -q "domain\|code [0-9]" "$TMP/err" && fail "logo $svg: a library's error code" "$(cat "$TMP/err")"
    rm -f "$I/x.pdf"
}

big='it embeds a picture of 30,000 × 30,000 pixels, more than the 40 million allowed'
refused png-bomb.svg "$big"
refused png-bomb-href.svg "$big"
refused jpeg-bomb.svg "$big"
refused gif-bomb.svg "$big"
refused png-as-jpeg-bomb.svg "$big"
refused nested-svg-bomb.svg "$big"
refused nested-svg-huge.svg 'it embeds an SVG image drawn at 30,000 × 30,000 pixels, more than the 40 million allowed'
refused nested-svg-percent.svg 'it embeds an SVG image drawn at 30,000 × 30,000 pixels, more than the 40 million allowed'
refused nested-svg-deep.svg 'it embeds SVG images in SVG images more than 4 deep'
refused bmp-inside.svg 'it embeds a picture that is neither PNG, JPEG, GIF nor SVG; convert it to PNG'
refused broken-inside.svg 'it embeds a PNG picture that is damaged; export the logo again'
refused use-bomb.svg 'its <use> elements, patterns and markers repeat each other into 22,222,222,224 drawn elements, more than the 100,000 allowed'
refused pattern-bomb.svg 'its <use> elements, patterns and markers repeat each other into 1,132,222,222,213 drawn elements, more than the 100,000 allowed'
refused pattern-bomb-upper.svg 'its <use> elements, patterns and markers repeat each other into 1,132,222,222,213 drawn elements, more than the 100,000 allowed'
# Each use of a pattern draws a surface of its own first: it counts as 100.
refused pattern-deep.svg 'its <use> elements, patterns and markers repeat each other into 1,132,213 drawn elements, more than the 100,000 allowed'
refused png-many.svg 'it embeds pictures of 288 million pixels in all, more than the 40 million allowed'
refused use-loop.svg 'it refers to itself in a loop (through <g id="a">)'
refused filter-many.svg 'its filters (blurs, shadows…) would run 3,000 times, more than the 200 allowed; simplify them, or export the logo as PNG'
refused filter-turbulence.svg 'its feTurbulence filter asks for 100000 octaves; copil draws up to 10'
refused filter-morphology.svg 'its feMorphology filter spans 1000000 pixels; copil draws up to 50'
refused filter-convolve.svg 'its feConvolveMatrix filter spans 3000 pixels; copil draws up to 50'
refused ref-file-url.svg 'it refers to another file (/etc/passwd); an SVG logo must hold everything it shows'
refused ref-absolute.svg 'it refers to another file (/etc/hostname); an SVG logo must hold everything it shows'
refused ref-http.svg 'it refers to an address on the network (http://example.invalid/logo.png); an SVG logo must hold everything it shows'
refused ref-relative.svg 'it refers to another file (other.png); an SVG logo must hold everything it shows'
refused ref-feimage.svg 'it refers to another file (/etc/passwd); an SVG logo must hold everything it shows'
refused ref-use-external.svg 'it refers to another file (other.svg#logo); an SVG logo must hold everything it shows'
refused ref-xinclude.svg 'it includes another file (/etc/passwd) through XInclude; an SVG logo must hold everything it shows'
refused ref-css-import.svg 'its style sheet imports another file (@import); an SVG logo must hold everything it shows'
refused css-import-upper.svg 'its style sheet imports another file (@import); an SVG logo must hold everything it shows'
refused css-entity.svg 'its style sheet imports another file (@import); an SVG logo must hold everything it shows'
refused css-url-upper.svg 'it refers to another file (/etc/passwd); an SVG logo must hold everything it shows'
refused css-escape.svg 'its style uses CSS escapes (\); export it again from the drawing program'
refused css-filter.svg 'its style sheet applies a filter (url(#f)); copil accepts them only as attributes: export the SVG again with presentation attributes'
refused css-pattern-bomb.svg 'its style sheet applies a pattern (url(#p0)); copil accepts them only as attributes: export the SVG again with presentation attributes'
refused ref-stylesheet-pi.svg 'it links a style sheet (<?xml-stylesheet?>); an SVG logo must hold everything it shows'
refused truncated.svg 'it is damaged or cut short: its XML breaks off at line 2, column 86; export it again from the drawing program'
refused html.svg 'it is an XML file whose first element is <html>, not <svg>'
refused no-namespace.svg 'its <svg> element lacks xmlns="http://www.w3.org/2000/svg": export it again from the drawing program'
refused entity-bomb.svg 'it declares XML entities that expand into too much text, or without end; export it again as plain SVG'

# Not an image at all, and no size: said as plainly, never "Error domain".
img_logo not-an-image.svg
expect_exit "logo not-an-image.svg: refused" 1 "$COPIL" render "$I/letter.xml" -o "$I/x.pdf"
grep -qxF -- "$I/letter.xml:$(logo_at): error: the logo is not an SVG or PNG image; open it in a drawing program and export it as SVG or PNG" "$TMP/err" \
    && ok "logo not-an-image.svg: message" || fail "logo not-an-image.svg: message" "$(cat "$TMP/err")"
img_layout no-size.svg
expect_exit "image no-size.svg: refused" 1 "$COPIL" render "$I/img.layout.xml" -o "$I/x.pdf"
grep -qxF -- "$I/img.layout.xml:3:1: error: the image \"no-size.svg\" has no size: give the SVG a width and a height, or a viewBox" "$TMP/err" \
    && ok "image no-size.svg: message" || fail "image no-size.svg: message" "$(cat "$TMP/err")"

# Drawn, within bounds: filters, masks and patterns over giant regions, a
# PNG named .svg, logos a school could send, a logo with a link. The PDF is
# whole and tagged (a filter's first paint on a page once broke its tags).
for svg in filter-blur.svg filter-res.svg filter-scaled.svg mask-huge.svg pattern-huge.svg \
    pattern-scaled.svg png-named.svg ok-gradient.svg ok-embedded.svg ok-nested.svg ok-link.svg \
    ok-css-gradient.svg; do
    img_logo "$svg"
    expect_exit "logo $svg: drawn" 0 "$COPIL" render "$I/letter.xml" -o "$I/ok.pdf"
    if msg=$(qpdf --check "$I/ok.pdf" 2>&1); then ok "logo $svg: qpdf --check"; else fail "logo $svg: qpdf --check" "$msg"; fi
    pdfinfo "$I/ok.pdf" 2>/dev/null | grep -q '^Tagged: *yes' && ok "logo $svg: tagged" || fail "logo $svg: not tagged"
    img_layout "$svg"
    expect_exit "image $svg: drawn first on its page" 0 "$COPIL" render "$I/img.layout.xml" -o "$I/ok.pdf"
done
# The logo is drawn (its ink shows), not dropped.
img_layout ok-gradient.svg
"$COPIL" render "$I/img.layout.xml" -o "$I/ok.pdf" 2>/dev/null
pdftoppm -r 20 -f 1 -l 1 -gray -singlefile "$I/ok.pdf" "$I/ok" 2>/dev/null
dark=$(python3 -c 'import sys; d=open(sys.argv[1],"rb").read().split(b"\n",3)[3]; print(sum(1 for b in d if b < 128))' "$I/ok.pgm" 2>/dev/null)
[ "${dark:-0}" -gt 20 ] && ok "image ok-gradient.svg: its ink is on the page ($dark dark pixels)" \
    || fail "image ok-gradient.svg: nothing drawn ($dark dark pixels)"

# librsvg is loaded at the first SVG drawn, not at start (paginate/svg.c):
# copil itself does not link it, a document without an SVG never needs it,
# and when it cannot be loaded the SVG is refused in words, nothing written.
! ldd "$COPIL" | grep -q librsvg && ok "copil does not load librsvg at start" || fail "copil links librsvg"
mkdir -p "$I/norsvg"
printf 'not a library\n' >"$I/norsvg/librsvg-2.so.2"
img_layout ok-gradient.svg
LD_LIBRARY_PATH="$I/norsvg" expect_exit "no librsvg: an SVG is refused" 1 \
    "$COPIL" render "$I/img.layout.xml" -o "$I/x.pdf"
grep -q "^$I/img.layout.xml:3:1: error: the image \"ok-gradient.svg\" is an SVG image, and copil could not load librsvg, which draws them (.*librsvg-2.so.2.*); install the package librsvg2-2, or export the image as PNG\$" "$TMP/err" \
    && ok "no librsvg: the message says what to do" || fail "no librsvg: message" "$(cat "$TMP/err")"
[ ! -e "$I/x.pdf" ] && ok "no librsvg: no PDF" || { fail "no librsvg: a PDF was written"; rm -f "$I/x.pdf"; }
LD_LIBRARY_PATH="$I/norsvg" expect_exit "no librsvg: a document without an SVG is drawn" 0 \
    "$COPIL" render samples/lettre-mission-ctice.xml -o "$I/x.pdf"
rm -f "$I/x.pdf"
