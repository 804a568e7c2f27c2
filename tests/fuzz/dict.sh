#!/usr/bin/env bash
# tests/fuzz/dict.sh KIND — prints a libFuzzer dictionary for KIND (data,
# layout or text): the element and attribute names and enumerated values of
# the schemas, as tags and attributes, plus XML's own constructs. Made from
# the schemas at each run, so it follows them.
set -eu
cd "$(dirname "$0")/../.."
kind=${1:-}
# libFuzzer reads entries of printable ASCII: other bytes are written \xNN.
if [ -z "${DICT_RAW:-}" ]; then
    DICT_RAW=1 bash "$0" "$@" | LC_ALL=C perl -pe 's/([^\x20-\x7e\n])/sprintf("\\x%02X", ord($1))/ge'
    exit "${PIPESTATUS[0]}"
fi
case $kind in
data) xsd="schemas/common.xsd schemas/meeting.xsd schemas/mission-letter.xsd schemas/activity-report.xsd"
      ns=urn:copil:data ;;
layout) xsd=schemas/layout.xsd; ns=urn:copil:layout ;;
text)
    # Typography's triggers and hyphenation's material.
    for w in ' ;' ' :' ' !' ' ?' '« ' ' »' '%' ' h ' ' €' ' km' 'M. ' 'Mme ' 'n° ' '1er ' \
             "'" '...' 'https://' '@' '&' 'l’' ' ' ' ' '­' 'anticonstitutionnellement' \
             'établissement' 'numérique' 'coordonnateur' 'juin 2026'; do
        printf '"%s"\n' "$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/"/\\"/g')"
    done
    exit 0 ;;
*) echo "usage: dict.sh data|layout|text" >&2; exit 2 ;;
esac
for f in $xsd; do
    grep -o 'element name="[A-Za-z_-]*"' "$f" | sed 's/.*="\(.*\)"/"<\1" "<\/\1>"/' | tr ' ' '\n'
    grep -o 'attribute name="[A-Za-z_-]*"' "$f" | sed 's/.*="\(.*\)"/" \1=\\""/'
    grep -o 'enumeration value="[^"]*"' "$f" | sed 's/.*="\(.*\)"/"\1"/'
done | sort -u
cat <<XML
"<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>"
"xmlns=\\"$ns\\""
"version=\\"1\\""
"&amp;"
"&lt;"
"&#x"
"<![CDATA["
"]]>"
"<!--"
"-->"
"<!DOCTYPE"
"<!ENTITY"
"xml:lang=\\"fr\\""
"2026-06-18"
"17:30"
XML
