# tests/structure.sh — the structure tree of every document, sourced by run.sh.
#
# Every sample's PDF, and every layout fixture's, goes through
# tests/tools/structure.py, which reads it with poppler and qpdf only: body
# text in structure elements, no running header or footer in the tree,
# /Alt on every Figure, a TH row in every table, LI with LBody in every
# list, everything painted inside marked content (tagged or /Artifact), and
# for the documents headings that nest from H1.

S="$TMP/structure"
mkdir -p "$S"

structure_of() { # NAME INPUT [--headings]
    local name=$1 input=$2 opt=${3:-}
    if ! "$COPIL" render "$input" -o "$S/$name.pdf" --dump=pages >"$S/$name.dump" 2>"$S/$name.err"; then
        fail "structure $name: render failed" "$(head -3 "$S/$name.err")"
        return
    fi
    if out=$(python3 tests/tools/structure.py $opt "$S/$name.pdf" "$S/$name.dump" 2>&1); then
        ok "structure $name: $(tail -1 <<<"$out" | sed 's/^structure: //') pass"
    else
        fail "structure $name" "$(grep -v 'checks$' <<<"$out" | head -8)"
    fi
}

for f in samples/*.xml; do
    structure_of "$(basename "$f" .xml)" "$f" --headings
done
# 38-missing-glyphs draws characters no font has as boxes carrying their text
# as /ActualText: poppler stops reading an element's text at such a span.
for f in tests/layout/*.layout.xml; do
    name=$(basename "$f" .layout.xml)
    structure_of "layout-$name" "$f" "$([ "$name" = 38-missing-glyphs ] && echo --no-text)"
done

# Text that shares its element with other elements: a cell's text around a
# list, a cell's text beside a link, an item's text before a nested list.
cat >"$S/mixed.layout.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Contenu mêlé">
  <body>
    <table><col width="1*"/><col width="1*"/>
      <head><row><cell>Titre</cell><cell>Autre</cell></row></head>
      <row><cell>Texte libre avant <list><item>un</item><item>deux</item></list> et après</cell>
           <cell>Simple</cell></row>
      <row><cell>Voir <a href="https://www.ac-orleans-tours.fr/">le site</a>.<list><item>trois</item></list></cell>
           <cell>Fin</cell></row>
    </table>
    <list><item>Premier niveau<list><item>second niveau</item></list></item><item>Encore</item></list>
  </body>
</document>
XML
structure_of mixed "$S/mixed.layout.xml"

# The Figures' /Alt in the tree's order, one a line (qpdf's JSON, walked
# through /K from the root).
figure_alts() { # PDF
    qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
def value(x):
    if isinstance(x, str) and x.endswith(" R"):
        return objs.get("obj:" + x, {}).get("value")
    return x
def walk(k):
    k = value(k)
    if isinstance(k, list):
        for e in k:
            walk(e)
    elif isinstance(k, dict) and k.get("/Type") != "/OBJR":
        if k.get("/S") == "/Figure":
            alt = k.get("/Alt", "(none)")
            print(alt[2:] if alt.startswith("u:") else alt)
        elif "/K" in k:
            walk(k["/K"])
root = value(objs["trailer"]["value"]["/Root"])
walk(value(root["/StructTreeRoot"])["/K"])'
}

# A Figure deep in nested lists keeps its own text alternative, and so does
# the next one: the n-th text goes to the n-th Figure of the tree, so a
# Figure too deep for the finish stage to reach gave its text to the next.
cp tests/layout/logo.png "$S/logo.png"
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<document xmlns="urn:copil:layout" title="Listes profondes"><body>'
    for i in $(seq 20); do echo "<list><item>Niveau $i"; done
    echo '<image src="logo.png" alt="Image A, au fond des listes" width="20mm"/>'
    for i in $(seq 20); do echo "</item></list>"; done
    echo '<image src="logo.png" alt="Image B, après les listes" width="20mm"/>'
    echo '</body></document>'
} >"$S/deep.layout.xml"
structure_of deep "$S/deep.layout.xml"
alts=$(figure_alts "$S/deep.pdf")
[ "$alts" = $'Image A, au fond des listes\nImage B, après les listes' ] \
    && ok "structure deep: each Figure has its own /Alt" || fail "structure deep: the Figures' /Alt" "$alts"

# A running header and footer holding links are artifacts all the same: their
# text gets no Span, their links no annotation (a Link element would put them
# back in the tree), and the author is told once.
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<document xmlns="urn:copil:layout" title="Pied de page avec un lien">'
    echo '<header><p>Collège Jean-Moulin — <a href="https://www.ac-orleans-tours.fr/">académie</a></p></header>'
    echo '<footer><p>Voir <a href="https://www.ac-orleans-tours.fr/">le site</a> — Page <page-number/> / <page-count/></p></footer>'
    echo '<body>'
    for i in $(seq 40); do echo "<p>Paragraphe $i du corps, assez long pour remplir plusieurs pages de texte courant sans rien de particulier à signaler.</p>"; done
    echo '<p>Un <a href="https://www.education.gouv.fr/">lien dans le corps</a> reste un lien.</p>'
    echo '</body></document>'
} >"$S/footer-link.layout.xml"
structure_of footer-link "$S/footer-link.layout.xml"
grep -q "footer-link.layout.xml:3: warning: a link in a header or footer is drawn as plain text" "$S/footer-link.err" \
    && [ "$(grep -c warning "$S/footer-link.err")" = 1 ] \
    && ok "structure footer-link: one warning, at the header's link" || fail "structure footer-link: the warning" "$(cat "$S/footer-link.err")"
links=$(qpdf --json=2 --json-key=qpdf "$S/footer-link.pdf" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1].values()
print(sum(isinstance(o.get("value"), dict) and o["value"].get("/Subtype") == "/Link" for o in objs))')
pages=$(pdfinfo "$S/footer-link.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$links" = 1 ] && [ "${pages:-0}" -ge 2 ] && ok "structure footer-link: only the body's link is an annotation ($pages pages)" \
    || fail "structure footer-link: $links link annotations on $pages pages, expected 1 on 2 or more"

# Images and charts in a running header or footer are artifacts like their
# text: no Figure per page for a running header's logo. The first page's
# letterhead is content (schemas/layout.xsd, artifact): its logo, with its
# text, is a Figure before the body's; a letterhead marked artifact="true"
# is page furniture again.
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<document xmlns="urn:copil:layout" title="Logos en tête">'
    echo '<first-header><image src="logo.png" alt="Logo du collège" width="24mm"/><p>Collège Jean-Moulin</p></first-header>'
    echo '<header><image src="logo.png" alt="Petit logo" width="10mm"/><p>Collège Jean-Moulin — suite</p></header>'
    echo '<footer><chart kind="hbar" title="Avancement" unit="%" height="12mm"><point label="Fait" values="60"/></chart>'
    echo '<p>Page <page-number/> / <page-count/></p></footer>'
    echo '<body>'
    for i in $(seq 50); do echo "<p>Paragraphe $i du corps, assez long pour remplir plusieurs pages de texte courant sans rien de particulier à signaler.</p>"; done
    echo '<image src="logo.png" alt="Image du corps" width="30mm"/>'
    echo '</body></document>'
} >"$S/header-images.layout.xml"
structure_of header-images "$S/header-images.layout.xml"
alts=$(figure_alts "$S/header-images.pdf")
pages=$(pdfinfo "$S/header-images.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$alts" = $'Logo du collège\nImage du corps' ] && [ "${pages:-0}" -ge 3 ] \
    && ok "structure header-images: the letterhead's logo and the body's image are the Figures ($pages pages)" \
    || fail "structure header-images: Figures on $pages pages" "$alts"
n=$(grep -cE "^  (image|chart) .* artifact$" "$S/header-images.dump")
[ "$n" = $((2 * pages - 1)) ] && ok "structure header-images: the dump marks the $n running header and footer images artifacts" \
    || fail "structure header-images: $n artifact images and charts in the dump for $pages pages"
first=$(pdfinfo -struct-text "$S/header-images.pdf" 2>/dev/null | sed -n 2,5p | tr -d '\n')
[[ "$first" == *Figure*'"Collège Jean-Moulin"'* ]] \
    && ok "structure header-images: the letterhead comes first in the tree" \
    || fail "structure header-images: the tree's first elements" "$first"
sed 's/<first-header>/<first-header artifact="true">/' "$S/header-images.layout.xml" >"$S/header-artifact.layout.xml"
structure_of header-artifact "$S/header-artifact.layout.xml"
alts=$(figure_alts "$S/header-artifact.pdf")
[ "$alts" = "Image du corps" ] && ! pdfinfo -struct-text "$S/header-artifact.pdf" 2>/dev/null | grep -q '"Collège Jean-Moulin"' \
    && ok "structure header-artifact: a letterhead marked artifact is out of the tree" \
    || fail "structure header-artifact: Figures" "$alts"
