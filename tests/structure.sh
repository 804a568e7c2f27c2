# tests/structure.sh — the structure tree of every document, sourced by run.sh.
#
# Every sample's PDF, and every layout fixture's, goes through
# tests/tools/structure.py, which reads it with poppler and qpdf only: body
# text in structure elements, no running header or footer in the tree,
# /Alt on every Figure, a TH row in every table, /Scope /Column on the TH of
# header rows and /Scope /Row on a row's header cell, and spans that keep each table's rows as wide as one another, /Contents
# and a Link element for every link annotation, LI with LBody in every
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

# Fixture 53: a table over two pages, its two header rows repeated and
# tagged again on page 2 (a Table element per page). Its cells' attributes,
# read by poppler, in the tree's order: every TH scoped by column, the
# spanning cells with their spans, the rest without attributes.
cell_attrs() { # PDF: "TH /ColSpan 2 /Scope /Column | Atelier" for each TH and each TD with attributes
    pdfinfo -struct-text "$1" 2>/dev/null | python3 -c '
import sys
cells, cur = [], None
for line in sys.stdin:
    b = line.strip()
    if b.split(":")[0] in ("TH", "TD"):
        cur = [b.rstrip(":"), [], ""]
        cells.append(cur)
    elif b.startswith("/") and cur:
        cur[1].append(b)
    elif b.startswith("\"") and cur:
        cur[2] += b[1:-1]
    elif b.split()[0] not in ("P", "Span", "Link"):
        cur = None
for tag, attrs, text in cells:
    if tag == "TH" or attrs:
        print(tag, " ".join(attrs), "|", text.replace("\u00a0", " ").replace("\u202f", " ")[:24])'
}
got=$(cell_attrs "$S/layout-53-table-header-spans.pdf")
want='TH /RowSpan 2 /Scope /Column | Date
TH /ColSpan 2 /Scope /Column | Atelier
TH /RowSpan 2 /Scope /Column | Inscrits
TH /Scope /Column | Thème
TH /Scope /Column | Animateur
TD /ColSpan 2 | Atelier annulé : grève d
TH /RowSpan 2 /Scope /Column | Date
TH /ColSpan 2 /Scope /Column | Atelier
TH /RowSpan 2 /Scope /Column | Inscrits
TH /Scope /Column | Thème
TH /Scope /Column | Animateur
TD /RowSpan 2 | Atelier double : prépare
TD /RowSpan 2 | 14
TD /ColSpan 3 | Bilan de l’année avec le'
[ "$got" = "$want" ] && ok "structure 53: header scopes and spans on both pages, read by poppler" \
    || fail "structure 53: header scopes and spans" "$(diff <(echo "$want") <(echo "$got") | head -12)"
n=$(pdfinfo -struct "$S/layout-53-table-header-spans.pdf" 2>/dev/null | grep -cE '^ +TD:?$')
[ "$n" = 155 ] && ok "structure 53: 155 TD, the empty cell one of them" \
    || fail "structure 53: $n TD, expected 155 (40 rows of 4 columns, 5 places taken by spans)"

# Each link annotation's /Contents, in page order: a link's text, or the
# address said as what it is when the text is only the address.
link_contents() { # PDF
    qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
def value(x):
    return objs.get("obj:" + x, {}).get("value") if isinstance(x, str) and x.endswith(" R") else x
root = value(objs["trailer"]["value"]["/Root"])
def pages(n):
    n = value(n)
    if n.get("/Type") == "/Page":
        yield n
    for k in n.get("/Kids", []):
        yield from pages(k)
for p in pages(root["/Pages"]):
    for a in value(p.get("/Annots", [])):
        a = value(a)
        if a.get("/Subtype") == "/Link":
            print(a.get("/Contents", "(none)")[2:].replace("\u00a0", " ").replace("\u202f", " "))'
}
got=$(link_contents "$S/layout-53-table-header-spans.pdf")
[ "$got" = $'Écrire à claire.lemaire@ac-orleans-tours.fr\npréparer la certification Pix' ] \
    && ok "structure 53: each link's /Contents" || fail "structure 53: the links' /Contents" "$got"
got=$(link_contents "$S/layout-05-links.pdf")
want=$'espace Numérique du site du collège\n« Vie de l’établissement > Numérique »\nÉcrire à claire.lemaire@ac-orleans-tours.fr'
want+=$'\nenvoyez un courriel au secrétariat de direction en précisant la salle, le matériel et l’heure\nprotocole de signalement'
[ "$got" = "$want" ] && ok "structure 05: each link's /Contents, an internal link's too" \
    || fail "structure 05: the links' /Contents" "$(diff <(echo "$want") <(echo "$got"))"

# Fixture 54: row headers (header="row"), read by poppler: TH with
# /Scope /Row beside the TD of their rows, one spanning two rows, under a
# header row whose TH say /Scope /Column.
got=$(cell_attrs "$S/layout-54-row-headers.pdf")
want='TH /Scope /Column | Indicateur
TH /Scope /Column | Cible
TH /Scope /Column | Valeur
TH /Scope /Column | Commentaire
TH /Scope /Row | Élèves ayant activé leur
TH /RowSpan 2 /Scope /Row | Classes équipées d’un vi
TH /Scope /Row | Délai de dépannage
TH /Scope /Column | Mesure
TH /Scope /Column | Valeur
TH /Scope /Row | Réunions tenues
TH /Scope /Row | Décisions prises'
[ "$got" = "$want" ] && ok "structure 54: row headers scoped by row, header rows by column" \
    || fail "structure 54: row and column scopes" "$(diff <(echo "$want") <(echo "$got") | head -12)"

# The documents' tables: which cells head their columns, and how many head
# their rows (the first column where it names the row: a mission, a support
# category, an indicator, a measure, a kind of request).
table_scopes() { # PDF: one line per Table, "Mission, Part, Détail | 5 by row", read by poppler
    pdfinfo -struct-text "$1" 2>/dev/null | python3 -c '
import sys
tables, cur, cell = [], None, None
for line in sys.stdin:
    b = line.strip()
    name = b.split(":")[0].split(" ")[0]
    if name == "Table":
        cur = [[], 0, 0]
        tables.append(cur)
    elif name in ("TH", "TD") and cur:
        cell = [name, "", ""]
        cur[2] += name == "TD"
    elif b.startswith("/Scope") and cell:
        cell[1] = b.split()[1]
        if cell[1] == "/Column":
            cur[0].append(cell)
        elif cell[1] == "/Row":
            cur[1] += 1
    elif b.startswith("\"") and cell:
        cell[2] += b[1:-1]
for cols, rows, tds in tables:
    print(", ".join(c[2][:20] for c in cols), "| %d by row, %d TD" % (rows, tds))'
}
got=$(table_scopes "$S/rapport-activite-ctice-2026-2027.pdf")
want='Mission, Part, Détail | 5 by row, 10 TD
Action, Domaine, Statut, Date | 0 by row, 12 TD
Action, Domaine, Statut, Date | 0 by row, 16 TD
Date, Formation, Formateur, Durée, Participants | 0 by row, 30 TD
Catégorie, Demandes, Délai habituel, Remarque | 9 by row, 27 TD
Indicateur, Départ, Cible, Valeur, Commentaire | 5 by row, 20 TD
Mesure (d’après les , Valeur | 10 by row, 10 TD'
[ "$got" = "$want" ] && ok "structure: the activity report's row and column headers" \
    || fail "structure: the activity report's row and column headers" "$(diff <(echo "$want") <(echo "$got") | head -12)"
for f in lettre-mission-ctice:2 lettre-mission-aed-tice:4; do
    got=$(table_scopes "$S/${f%:*}.pdf")
    want="Nature de la demande, Délai d’intervention | ${f#*:} by row, ${f#*:} TD"
    [ "$got" = "$want" ] && ok "structure: ${f%:*}'s delays headed by the kind of request" \
        || fail "structure: ${f%:*}'s row and column headers" "$got"
done

# The checks of tools/structure.py can fail: a TH without its scope, a row
# header scoped by column and a header row's TH by row, a span one column
# short and a link without /Contents are each reported.
qpdf --qdf --object-streams=disable "$S/layout-53-table-header-spans.pdf" "$S/53.qdf" 2>/dev/null
qpdf --qdf --object-streams=disable "$S/layout-54-row-headers.pdf" "$S/54.qdf" 2>/dev/null
for case in '53|scope|^ +/Scope /Column$||a TH without /Scope /Column' \
    '54|row|^( +/Scope /)Row$|\g<1>Column|a TH without /Scope /Row' \
    '54|column|^( +/Scope /)Column$|\g<1>Row|a TH without /Scope /Column' \
    '53|span|^( +/ColSpan )3$|\g<1>2|a Table whose rows, spans counted' \
    '53|contents|^ +/Contents \(pr||a Link annotation without /Contents'; do
    IFS='|' read -r n what pattern by message <<<"$case"
    python3 -c '
import re, sys
pattern, by, src, dst = sys.argv[1:]
lines = open(src, "rb").read().split(b"\n")
for i, line in enumerate(lines):
    if re.search(pattern.encode(), line):
        lines[i] = re.sub(pattern.encode(), by.encode(), line) if by else None
        break
open(dst, "wb").write(b"\n".join(l for l in lines if l is not None))' "$pattern" "$by" "$S/$n.qdf" "$S/$n-$what.qdf"
    fix-qdf "$S/$n-$what.qdf" >"$S/$n-$what.pdf" 2>/dev/null
    out=$(python3 tests/tools/structure.py --no-text "$S/$n-$what.pdf" "$S/layout-$n-"*.dump 2>&1)
    grep -qF "$message" <<<"$out" && ! cmp -s "$S/$n.qdf" "$S/$n-$what.qdf" \
        && ok "structure.py reports $what: $message" || fail "structure.py misses a broken $what" "$out"
done
