#!/usr/bin/env bash
# bench/memory.sh — peak memory of one document as it grows (`make bench`).
#
# Minutes as a committee writes them, at about 40 and about 400 pages: a
# letterhead, a running header, a footer « Page N / M », then sections of a
# heading, justified paragraphs and a table of actions. A data file cannot
# reach 400 pages (validation stops at 1,000,000 characters, about 300
# pages), so these are layout documents, rendered as they come. Then the
# first sample's agenda with one item grown to about 330 pages: a single
# table row, which moves whole and is measured whole, so its memory grows
# with it. Pages, wall time, peak RSS and file size of one `copil render`
# each. Issue 20 aims at 400 pages under 60 MiB and 40 under 35 MiB.
# Figures are machine-dependent and go into the issue notes; no test
# asserts them.
set -eu
cd "$(dirname "$0")/.."
COPIL=${1:-build/copil}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 - "$out" <<'PY'
import sys

out = sys.argv[1]
sentences = [
    "Le cahier de textes de l’ENT est désormais renseigné chaque semaine par la plupart des enseignants, ce qui permet aux familles de suivre le travail demandé.",
    "Trois ateliers sur quatre ont eu lieu ; le créneau du mardi midi convient mal à plusieurs disciplines, qui demandent un atelier le mercredi matin.",
    "Le délai moyen de résolution des pannes reste trop long : la panne du commutateur, signalée début décembre, n’est toujours pas réparée.",
    "Le comité retient un prêt par réservation sur l’ENT, au plus une demi-journée, avec retour en salle B08 pour la recharge des appareils.",
    "L’offre passée par le groupement d’achat départemental est la moins chère et garantie cinq ans, pour 7 140 € TTC les six appareils.",
]
actions = [
    ("Fixer les dates des ateliers ENT et publier le calendrier.", "Mme Claire Lemaire", "3 juin 2027", "À faire"),
    ("Relever les zones mal couvertes par le Wi-Fi et transmettre la demande au Département.", "M. Julien Moreau", "4 janvier 2027", "Réalisée"),
    ("Mettre en service le formulaire unique de signalement des pannes.", "Mme Sophie Garnier", "5 février 2027", "En cours"),
]


def minutes(sections):
    parts = ["""<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title="Compte rendu — Comité de pilotage du numérique" created="2026-11-02T17:30:00+01:00">
  <styles>
    <style name="p" font="sans" size="10pt" line-height="1.35" align="justify" space-after="2mm"/>
    <style name="h1" font="sans" size="15pt" weight="bold" color="#1f3a5f" space-after="3mm"/>
    <style name="h2" font="sans" size="12pt" weight="bold" color="#1f3a5f" space-before="5mm" space-after="2mm" keep-with-next="true"/>
    <style name="head" font="sans" size="9pt" weight="bold"/>
    <style name="cell" font="sans" size="9pt"/>
    <style name="running" font="sans" size="8pt" color="#555555"/>
    <style name="footer" font="sans" size="8pt" color="#555555" align="center"/>
  </styles>
  <first-header><p style="h1">Collège Jean-Moulin — Tours</p></first-header>
  <header><p style="running">Collège Jean-Moulin — Compte rendu de la réunion du 2 novembre 2026</p></header>
  <footer><p style="footer">Page <page-number/> / <page-count/></p></footer>
  <body>
    <h1>Comité de pilotage du numérique</h1>
"""]
    for n in range(sections):
        parts.append("    <h2>Point %d — %s</h2>\n" % (n + 1, sentences[n % 5][:40]))
        for k in range(6):
            parts.append("    <p>%s %s</p>\n" % (sentences[(n + k) % 5], sentences[(n + k + 1) % 5]))
        parts.append('    <table><col width="3*"/><col width="2*"/><col width="2*"/><col width="1*"/>\n'
                     '      <head><row><cell style="head">Action</cell><cell style="head">Responsable</cell>'
                     '<cell style="head">Échéance</cell><cell style="head">Statut</cell></row></head>\n')
        for a in actions:
            parts.append("      <row>%s</row>\n" % "".join('<cell style="cell">%s</cell>' % c for c in a))
        parts.append("    </table>\n")
    parts.append("  </body>\n</document>\n")
    return "".join(parts)


for name, n in (("m40", 67), ("m400", 670)):
    open("%s/%s.layout.xml" % (out, name), "w", encoding="utf-8").write(minutes(n))

s = open("samples/college-2026-t1.xml", encoding="utf-8").read()
old = "<p>Rôle du comité"
assert old in s
para = "<p>" + "mot " * 40 + "</p>\n"
open("%s/row.xml" % out, "w", encoding="utf-8").write(s.replace(old, para * 4800 + old, 1))
PY
run() {
    /usr/bin/time -o "$out/time" -f "%e s, peak RSS %M kB" \
        "$COPIL" render -q "$@" -o "$out/x.pdf" 2>"$out/err" || { cat "$out/err" >&2; exit 1; }
    pages=$(pdfinfo "$out/x.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf '%4s pages: %s, %s bytes\n' "$pages" "$(cat "$out/time")" "$(stat -c %s "$out/x.pdf")"
}
printf 'minutes (layout document), '; run "$out/m40.layout.xml"
printf 'minutes (layout document), '; run "$out/m400.layout.xml"
printf 'agenda, one item in one row, '; run --kind agenda "$out/row.xml"
