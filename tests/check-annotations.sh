#!/usr/bin/env bash
# check-annotations.sh SCHEMAS_DIR: every xs:element, xs:attribute, xs:complexType
# and xs:simpleType in SCHEMAS_DIR/*.xsd must carry xs:annotation/xs:documentation
# written "French name — English explanation" (layout.xsd: any documentation),
# and every named xs:simpleType an
# xs:appinfo source="expected" hint (the validator quotes it in error messages),
# in English (no xml:lang). Since the messages speak both languages, every
# English hint, wherever it stands, has a French one beside it in the same
# xs:annotation (xml:lang="fr", not empty, with the apostrophe ’), and no French
# hint stands without its English.
# Prints each offender and exits 1; exits 0 when all are annotated, 2 on misuse.
set -u
dir=${1:?usage: check-annotations.sh SCHEMAS_DIR}
ls "$dir"/*.xsd >/dev/null 2>&1 || { echo "no .xsd in $dir" >&2; exit 2; }

XS="namespace-uri()='http://www.w3.org/2001/XMLSchema'"
DECL="//*[$XS and (local-name()='element' or local-name()='attribute' or local-name()='complexType' or local-name()='simpleType')]"
ANN="*[local-name()='annotation']"
NO_DOC="$DECL[not($ANN/*[local-name()='documentation'][contains(., ' — ')])]"
# layout.xsd is the stylesheets' vocabulary, not the users': English is enough.
NO_DOC_LAYOUT="$DECL[not($ANN/*[local-name()='documentation'][normalize-space()])]"
NO_HINT="//*[$XS and local-name()='simpleType'][@name][not($ANN/*[local-name()='appinfo'][@source='expected'][not(@xml:lang)][normalize-space()])]"
HINT="*[$XS and local-name()='appinfo'][@source='expected']"
NO_FR_BESIDE="//$HINT[not(@xml:lang)][not(../$HINT[@xml:lang='fr'][normalize-space()])]"
FR_ALONE="//$HINT[@xml:lang='fr'][not(../$HINT[not(@xml:lang)])]"
FR_APOSTROPHE="//$HINT[@xml:lang='fr'][contains(., \"'\")]"

status=0
# report FILE XPATH WHAT: print one line per node matched by XPATH.
report() {
  local n i
  n=$(xmllint --xpath "count($2)" "$1") || exit 2
  for ((i = 1; i <= n; i++)); do
    xmllint --xpath "concat('$1: ', local-name(($2)[$i]), ' \"', ($2)[$i]/@name, \
'\" (in \"', ($2)[$i]/ancestor::*[@name][1]/@name, '\"): $3')" "$1"
    status=1
  done
}
for f in "$dir"/*.xsd; do
  if [ "$(basename "$f")" = layout.xsd ]; then
    report "$f" "$NO_DOC_LAYOUT" "no documentation"
  else
    report "$f" "$NO_DOC" "no documentation \"French name — English explanation\""
  fi
  report "$f" "$NO_HINT" "no xs:appinfo source=\"expected\" hint"
  report "$f" "$NO_FR_BESIDE" "an English hint without its French xs:appinfo source=\"expected\" xml:lang=\"fr\" beside it"
  report "$f" "$FR_ALONE" "a French hint without the English one (no xml:lang) beside it"
  report "$f" "$FR_APOSTROPHE" "a French hint with a straight apostrophe: write ’"
done
exit $status
