# tests/schemas.sh — every declaration of schemas/ is annotated in both
# languages (tests/check-annotations.sh), and every schema is well-formed.

if [ -x tests/check-annotations.sh ] || [ -f tests/check-annotations.sh ]; then
    if msg=$(bash tests/check-annotations.sh schemas 2>&1); then ok "every schema declaration is annotated"
    else fail "schema annotations" "$msg"; fi
fi
for xsd in schemas/*.xsd; do
    if msg=$(xmllint --noout "$xsd" 2>&1); then ok "$xsd is well-formed"; else fail "$xsd" "$msg"; fi
done
