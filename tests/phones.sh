# tests/phones.sh — phone numbers where French schools are, and the
# international form: each number replaces the establishment's phone of a
# sample; the valid ones must pass, the others be refused with the type's
# message, which quotes the number.

for ph in "02 47 12 34 56" "0262 28 14 50" "+33 2 47 12 34 56" "+262 262 28 14 50" \
    "+262 639 12 34 56" "+590 590 12 34 56" "+594 594 12 34 56" "+596 596 12 34 56" \
    "+269 269 61 12 34" "+508 41 12 34" "+681 72 12 34" "+687 27 12 34" "+689 40 12 34 56" \
    "+32 2 511 22 33" "+1 212 555 1234" "+44 20 7946 0958"; do
    sed "s|<phone>02 47 12 34 56</phone>|<phone>$ph</phone>|" samples/college-2026-t1-agenda.xml >"$TMP/phone.xml"
    grep -q "<phone>$ph</phone>" "$TMP/phone.xml" || fail "phone test: the sample has no <phone> to replace"
    expect_exit "phone $ph is valid" 0 "$COPIL" validate -q "$TMP/phone.xml"
done
for ph in "+262 262 28 14" "+687 27 12 34 5" "+689 40 12 34" "+33 2 47 12 34" "02 47 12 34" \
    "12 34 56 78 90" "+0 12 34 56" "+1 2 3" "+44 20-7946-0958" "tél. 02 47 12 34 56"; do
    sed "s|<phone>02 47 12 34 56</phone>|<phone>$ph</phone>|" samples/college-2026-t1-agenda.xml >"$TMP/phone.xml"
    expect_exit "phone $ph is refused" 1 "$COPIL" validate -q "$TMP/phone.xml"
    grep -q "<phone> \"$ph\" is not valid: expected a phone number" "$TMP/err" \
        && ok "phone $ph: the message quotes it" || fail "phone $ph: message" "$(cat "$TMP/err")"
done
