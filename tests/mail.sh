# tests/mail.sh — copil mail, sourced by tests/run.sh.
#
# Everything runs on copies of the samples in $TMP/mail, against real SMTP
# servers on 127.0.0.1 (tests/mail/smtpd.py, aiosmtpd) whose received
# messages are read back with tests/mail/mailcheck.py. It proves:
#  - the plan (no option): each group of the distribution list with its copy
#    (full or public) and its addresses, "Nothing was sent", no send log and no
#    .eml written, both PDFs written beside the data file, "up to date" the
#    second time; the agenda goes to every member's <email>, the mission letter
#    to the appointee and its distribution list; an activity report without a
#    distribution list is refused (exit 1);
#  - the PDFs beside the data are taken as they are when newer than the data
#    and the files it names (byte for byte), rendered again when not;
#  - --eml: well-formed drafts, each with the right PDF attached (full copy to
#    the participants, public copy to the staff), a hidden group's addresses
#    in Bcc and only its label in To, X-Unsent, the same bytes on every run
#    under SOURCE_DATE_EPOCH, the same Message-ID without it;
#  - --send over STARTTLS with login: one envelope recipient per message,
#    every address once, the group's copy attached, no Bcc header in anything
#    sent, no hidden address in To/Cc, the French subject, well-formed
#    messages, one send-log line per address; a re-run sends nothing;
#  - a refused address (exit 1; the others still sent; a re-run sends only
#    that one), a server gone mid-batch (exit 3; a re-run completes the rest,
#    nobody gets anything twice), no server at all (exit 3, log untouched);
#  - smtps://, a password from ~/.netrc, a wrong password, an untrusted
#    certificate and a server without TLS (exit 3, nothing said in clear);
#  - usage errors: a password on the command line, --send without --smtp...;
#  - a message template read from COPIL_DATADIR, and an unknown {{value}} in it
#    reported at its file and line (exit 3) before anything is written;
#  - addresses: an accented domain sent as A-labels (xn--), the same in From,
#    To, Message-ID, MAIL FROM, RCPT TO, the plan and the send log, without
#    SMTPUTF8; an accented name before the @ refused before anything is
#    sent; --from checked like the data (exit 2).
# Every server started here is stopped by mail_cleanup at the end.

PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
MAIL_INSPECT=tests/mail/mailcheck.py
. tests/mail/server.sh
ML=$TMP/mail
rm -rf "$ML" && mkdir -p "$ML/home" "$ML/srv"
MAIL_PIDS=""
MAIL_SUBJECT="Compte rendu du comité de pilotage du numérique du jeudi 8 octobre 2026 — Collège Jean-Moulin"

# --- helpers ------------------------------------------------------------------------

# copil's environment here: no user, password or ~/.netrc of the person
# running the tests, no CA bundle from the environment, no SOURCE_DATE_EPOCH
# (an array, so that expect_exit's timeout can run it).
MENV=(env -u COPIL_SMTP_USER -u COPIL_SMTP_PASSWORD -u SOURCE_DATE_EPOCH -u CURL_CA_BUNDLE
      -u SSL_CERT_FILE -u SSL_CERT_DIR HOME="$ML/home")

# The addresses of a data file: members' <email> (KIND "members") or the
# <address>es of the distribution group of that kind, one a line, in order.
mail_addresses() { # FILE KIND
    "$PY" - "$1" "$2" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = '{urn:copil:data}'
root = ET.parse(sys.argv[1]).getroot()
if sys.argv[2] == 'members':
    for m in root.iter(ns + 'member'):
        e = m.find(ns + 'email')
        if e is not None:
            print(e.text.strip())
else:
    for g in root.iter(ns + 'group'):
        if g.get('kind') == sys.argv[2]:
            for a in g.iter(ns + 'address'):
                print(a.text.strip())
EOF
}

# The address lines of section N of a printed plan.
mail_plan_section() { # N FILE
    awk -v n="$1" '
        $0 ~ "^" n "\\. " { on = 1; next }
        /^[0-9]+\. / || /^$/ { on = 0 }
        on && /^   [^ ]/ && !/Subject:/ { sub(/^ +/, ""); sub(/ \(sent before\)$/, ""); print }
    ' "$2"
}

# Starts tests/mail/smtpd.py NAME [options]: sets MAIL_PORT, MAIL_DIR (its
# maildir) and MAIL_PID; fails (once) and returns 1 when it does not listen.
mail_server() {
    local name=$1
    shift
    MAIL_DIR=$ML/srv/$name
    smtpd_start "$MAIL_DIR" 50 "$@"
    local started=$?
    MAIL_PID=$SMTPD_PID MAIL_PORT=$SMTPD_PORT
    MAIL_PIDS="$MAIL_PIDS $MAIL_PID"
    [ "$started" = 0 ] && return 0
    fail "mail: the test SMTP server $name did not start" "$(tail -5 "$MAIL_DIR.stderr")"
    return 1
}

mail_stop() { smtpd_stop "$1"; }

mail_cleanup() {
    local p
    for p in $MAIL_PIDS; do mail_stop "$p"; done
    MAIL_PIDS=""
}

mail_count() { "$PY" "$MAIL_INSPECT" "$1" count 2>/dev/null || echo "?"; }
# The envelope recipients of every message received, one message a line.
mail_rcpts() { "$PY" "$MAIL_INSPECT" "$1" summary 2>/dev/null | awk '{ sub(/^rcpt=/, "", $2); print $2 }'; }
# NNNN<TAB>rcpt<TAB>tls<TAB>auth_user of every message received.
mail_meta() {
    "$PY" - "$1" <<'EOF'
import json, os, re, sys
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    if re.fullmatch(r'\d{4,}\.json', f):
        m = json.load(open(os.path.join(d, f)))
        print('\t'.join([f[:-5], ','.join(m['rcpt_tos']), str(m['tls']), str(m['auth_user'])]))
EOF
}
# The value of header NAME in the output of `mailcheck.py … headers`.
mail_header() { sed -n "s/^$1: //Ip" "$2"; }
# The addresses of the send log (third field), sorted.
mail_log_rcpts() { [ -f "$1" ] && awk -F'\t' '$1 == "sent" { print $3 }' "$1" | sort; }
# The sorted lines of a string.
mail_sorted() { printf '%s\n' "$1" | sed '/^$/d' | sort; }

# --- the copies --------------------------------------------------------------------------
mkdir -p "$ML/plan"
cp samples/college-2026-t1.xml samples/college-2026-t1-agenda.xml samples/college-2026-t2.xml \
    samples/lettre-mission-ctice.xml samples/rapport-activite-ctice-2026-2027.xml "$ML/plan/"
# The staff group with three addresses: a hidden (Bcc) group of the public copy.
sed 's|<address>personnels.0370012a@ac-orleans-tours.fr</address>|&\
        <address>vie-scolaire.0370012a@ac-orleans-tours.fr</address>\
        <address>cdi.0370012a@ac-orleans-tours.fr</address>|' samples/college-2026-t1.xml >"$ML/hidden.xml"
expect_exit "mail: the variant with a three-address staff group is valid" 0 "$COPIL" validate "$ML/hidden.xml"

PART=$(mail_addresses samples/college-2026-t1.xml participants)
PERS1=$(mail_addresses samples/college-2026-t1.xml personnels)
PERS3=$(mail_addresses "$ML/hidden.xml" personnels)
ALL12=$(mail_sorted "$PART
$PERS3")
[ "$(echo "$PART" | wc -l)" = 9 ] && echo "$PART" | grep -qx isabelle.dupre@example.org \
    && [ "$(echo "$PERS1" | wc -l)" = 1 ] && [ "$(echo "$PERS3" | wc -l)" = 3 ] \
    && ok "mail: the minutes sample has 9 participants and 1 staff address (3 in the variant)" \
    || fail "mail: the minutes sample's distribution is not the one these tests expect" "$PART / $PERS1 / $PERS3"

# --- 1. the plan ---------------------------------------------------------------------------
MIN=$ML/plan/college-2026-t1.xml
FULL=$ML/plan/college-2026-t1-minutes.pdf
PUB=$ML/plan/college-2026-t1-minutes-public.pdf
expect_exit "mail plan: exit 0" 0 "${MENV[@]}" "$COPIL" mail "$MIN"
cp "$TMP/out" "$ML/plan1.out"
grep -qx "1\. Membres du comité (participants): full copy, 9 addresses, visible to all (To)" "$ML/plan1.out" \
    && grep -qx "2\. Ensemble des personnels du collège (personnels): public copy, 1 address" "$ML/plan1.out" \
    && grep -qx "3\. Parents d’élèves (publication sur l’ENT) (parents): public copy, no address: nothing to send" "$ML/plan1.out" \
    && ok "mail plan: each group with its copy" || fail "mail plan: groups and copies" "$(cat "$ML/plan1.out")"
[ "$(mail_plan_section 1 "$ML/plan1.out")" = "$PART" ] && [ "$(mail_plan_section 2 "$ML/plan1.out")" = "$PERS1" ] \
    && [ -z "$(mail_plan_section 3 "$ML/plan1.out")" ] \
    && ok "mail plan: each address under its group" || fail "mail plan: addresses" "$(cat "$ML/plan1.out")"
[ "$(grep -c "^   Subject: $MAIL_SUBJECT\$" "$ML/plan1.out")" = 2 ] \
    && ok "mail plan: the subject of each message" || fail "mail plan: subject" "$(grep Subject "$ML/plan1.out")"
grep -q "^Nothing was sent\." "$ML/plan1.out" && ok "mail plan: says nothing was sent" || fail "mail plan: 'Nothing was sent'"
grep -qF "full copy: $FULL (" "$ML/plan1.out" && grep -qF "public copy: $PUB (" "$ML/plan1.out" \
    && [ "$(grep -c 'copy: .*, rendered now)$' "$ML/plan1.out")" = 2 ] \
    && ok "mail plan: both copies rendered now" || fail "mail plan: copies" "$(grep copy: "$ML/plan1.out")"
head -2 "$ML/plan1.out" | tr '\n' '|' | grep -qxF "Rendered now and written beside the data file: $FULL and $PUB||" \
    && ok "mail plan: says first which PDFs it wrote beside the data file" || fail "mail plan: first line" "$(head -3 "$ML/plan1.out")"
[ "$(head -c 5 "$FULL" 2>/dev/null)" = "%PDF-" ] && [ "$(head -c 5 "$PUB" 2>/dev/null)" = "%PDF-" ] \
    && ! cmp -s "$FULL" "$PUB" && ok "mail plan: the full and public PDFs are written beside the data" \
    || fail "mail plan: PDFs beside the data" "$(ls -l "$ML/plan")"
cp "$FULL" "$ML/full.saved"
cp "$PUB" "$ML/pub.saved"
expect_exit "mail plan: second run" 0 "${MENV[@]}" "$COPIL" mail "$MIN"
! grep -q "^Rendered now" "$TMP/out" && ok "mail plan: nothing rendered, nothing said of it" \
    || fail "mail plan: a rendering announced on the second run" "$(head -3 "$TMP/out")"
[ "$(grep -c 'copy: .*, up to date)$' "$TMP/out")" = 2 ] && cmp -s "$FULL" "$ML/full.saved" && cmp -s "$PUB" "$ML/pub.saved" \
    && ok "mail plan: second run takes both PDFs as up to date" || fail "mail plan: second run" "$(grep copy: "$TMP/out")"

# --- 3. agenda, mission letter, activity report ------------------------------------------------
expect_exit "mail agenda: plan" 0 "${MENV[@]}" "$COPIL" mail "$ML/plan/college-2026-t1-agenda.xml"
grep -qx "1\. Membres du comité (membres): full copy, 9 addresses, hidden from one another (Bcc)" "$TMP/out" \
    && [ "$(mail_plan_section 1 "$TMP/out")" = "$(mail_addresses "$ML/plan/college-2026-t1-agenda.xml" members)" ] \
    && ! grep -q '^2\. ' "$TMP/out" && grep -q '^   Subject: Convocation ' "$TMP/out" \
    && ok "mail agenda: one hidden group of every member's e-mail" || fail "mail agenda: recipients" "$(cat "$TMP/out")"
# Beside it, college-2026-t1-agenda.xml owns college-2026-t1-agenda.pdf:
# the minutes' file may neither take nor overwrite that PDF.
expect_exit "mail --kind agenda beside the agenda's own file" 1 "${MENV[@]}" "$COPIL" mail "$MIN" --kind agenda
grep -qF "its agenda would be $ML/plan/college-2026-t1-agenda.pdf, the PDF of $ML/plan/college-2026-t1-agenda.xml beside it" "$TMP/err" \
    && ok "mail --kind agenda: the other file's PDF is refused, both named" || fail "mail --kind agenda clash" "$(cat "$TMP/err")"
mkdir -p "$ML/alone" && cp "$MIN" "$ML/alone/"
expect_exit "mail --kind agenda on minutes: plan" 0 "${MENV[@]}" "$COPIL" mail "$ML/alone/$(basename "$MIN")" --kind agenda
head -1 "$TMP/out" | grep -q "^Rendered now and written beside the data file: .*alone/college-2026-t1-agenda.pdf$" \
    && sed -n 3p "$TMP/out" | grep -q "^agenda of " \
    && grep -q "^1\. Membres du comité (membres): full copy, 9 addresses, hidden" "$TMP/out" \
    && ok "mail --kind agenda: rendered now, the agenda's recipients" || fail "mail --kind agenda" "$(head -8 "$TMP/out")"
# The convocation of an enlarged committee also goes to the outside guest.
mkdir -p "$ML/guests" && cp samples/college-2026-t3-elargi.xml samples/college-2026-t2.xml samples/college-2026-t1.xml "$ML/guests/"
expect_exit "mail agenda with guests: plan" 0 "${MENV[@]}" "$COPIL" mail "$ML/guests/college-2026-t3-elargi.xml" --kind agenda
grep -qx "2\. Personnes invitées pour un point (participants): full copy, 1 address" "$TMP/out" \
    && [ "$(mail_plan_section 2 "$TMP/out")" = "alain.dubreuil@departement-touraine.fr" ] \
    && grep -q "^   thomas.perrin@ac-orleans-tours.fr$" "$TMP/out" \
    && ok "mail agenda: the guests get the convocation" || fail "mail agenda: guests" "$(cat "$TMP/out")"
expect_exit "mail mission letter: plan" 0 "${MENV[@]}" "$COPIL" mail "$ML/plan/lettre-mission-ctice.xml"
grep -qx "1\. L’intéressée (participants): full copy, 1 address" "$TMP/out" \
    && [ "$(mail_plan_section 1 "$TMP/out")" = "claire.lemaire@ac-orleans-tours.fr" ] \
    && grep -qx "2\. Délégation académique au numérique (academie): full copy, 1 address" "$TMP/out" \
    && [ "$(mail_plan_section 2 "$TMP/out")" = "dan@ac-orleans-tours.fr" ] \
    && grep -qx "3\. Gestionnaire du collège (personnels): full copy, 1 address" "$TMP/out" \
    && [ "$(mail_plan_section 3 "$TMP/out")" = "gestionnaire.0370012a@ac-orleans-tours.fr" ] \
    && ! grep -q '^4\. ' "$TMP/out" \
    && ok "mail mission letter: the appointee, then its distribution list, full copies" \
    || fail "mail mission letter: recipients" "$(cat "$TMP/out")"
# The appointee's message greets her as « Madame », the others, whose people
# are not known one by one, as « Madame, Monsieur ».
expect_exit "mail mission letter: --eml" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 \
    "$COPIL" mail "$ML/plan/lettre-mission-ctice.xml" --eml "$ML/letter-eml"
b1=$("$PY" "$MAIL_INSPECT" eml "$ML/letter-eml/01-mission-letter-l-interessee.eml" body 2>&1)
b2=$("$PY" "$MAIL_INSPECT" eml "$ML/letter-eml/02-mission-letter-delegation-academique-au-numerique.eml" body 2>&1)
[ "$(head -1 <<<"$b1")" = "Madame," ] && grep -qF "agréer, Madame, l’expression" <<<"$b1" \
    && [ "$(head -1 <<<"$b2")" = "Madame, Monsieur," ] && grep -qF "agréer, Madame, Monsieur, l’expression" <<<"$b2" \
    && grep -qF "de Mme Claire Lemaire, coordonnatrice pour le numérique (CTICE)," <<<"$b1" \
    && ok "mail mission letter: « Madame » to the appointee, « Madame, Monsieur » to the others" \
    || fail "mail mission letter: the salutations" "$b1
$b2"

# A meeting's académie group without visibility: the full copy, as the
# minutes' « Diffusion » line says (no « version publique » for it); the
# staff group marked public gets the public one.
cp samples/lp-2026-extraordinaire.xml "$ML/plan/"
expect_exit "mail minutes with an academie group: plan" 0 "${MENV[@]}" "$COPIL" mail "$ML/plan/lp-2026-extraordinaire.xml"
grep -qx "2\. DANE et DSI de l’académie d’Aix-Marseille (academie): full copy, 1 address" "$TMP/out" \
    && grep -qx "3\. Ensemble des personnels du lycée (personnels): public copy, 1 address" "$TMP/out" \
    && ok "mail minutes: the academie group gets the full copy by default" \
    || fail "mail minutes: the academie group's copy" "$(cat "$TMP/out")"
diffusion=$(pdftotext "$ML/plan/lp-2026-extraordinaire-minutes.pdf" - 2>/dev/null | tr '\n' ' ' | sed 's/.*Diffusion//')
grep -qF "d’Aix-Marseille ; Ensemble" <<<"$diffusion" && grep -qF "du lycée (version publique)" <<<"$diffusion" \
    && ok "mail minutes: the Diffusion line says the same copies" || fail "mail minutes: the Diffusion line" "$diffusion"
expect_exit "mail activity report without distribution: exit 1" 1 "${MENV[@]}" "$COPIL" mail "$ML/plan/rapport-activite-ctice-2026-2027.xml"
grep -q "no one to send the activity-report to" "$TMP/err" && ok "mail activity report: the message" \
    || fail "mail activity report: the message" "$(cat "$TMP/err")"
left=$(find "$ML/plan" -name '*-mail.log' -o -name '*.eml')
[ -z "$left" ] && ok "mail plan: no send log and no .eml written" || fail "mail plan: wrote" "$left"

# --- 2. a PDF beside the data, newer or older ------------------------------------------------------
S=$ML/stale
mkdir -p "$S"
cp samples/college-2026-t1.xml "$S/"
"${MENV[@]}" "$COPIL" render "$ML/plan/lettre-mission-ctice.xml" -o "$S/replacement.pdf" >/dev/null 2>&1
expect_exit "mail stale: first run" 0 "${MENV[@]}" "$COPIL" mail "$S/college-2026-t1.xml"
now=$(date +%s)
cp "$S/replacement.pdf" "$S/college-2026-t1-minutes.pdf"
touch -d "@$((now + 60))" "$S/college-2026-t1-minutes.pdf"
expect_exit "mail stale: a newer PDF, --eml" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 \
    "$COPIL" mail "$S/college-2026-t1.xml" --eml "$S/eml1"
grep -q "full copy: .*, up to date)$" "$TMP/out" && ok "mail stale: a PDF newer than the data is up to date" \
    || fail "mail stale: newer PDF" "$(grep copy: "$TMP/out")"
"$PY" "$MAIL_INSPECT" eml "$S/eml1/01-minutes-membres-du-comite.eml" attachment college-2026-t1-minutes.pdf "$S/att1.pdf" 2>"$ML/err" \
    && cmp -s "$S/att1.pdf" "$S/replacement.pdf" && cmp -s "$S/college-2026-t1-minutes.pdf" "$S/replacement.pdf" \
    && ok "mail stale: the newer PDF is attached byte for byte" || fail "mail stale: attached PDF is not the one beside" "$(cat "$ML/err")"
touch -d "@$((now + 120))" "$S/college-2026-t1.xml"
expect_exit "mail stale: the data touched newer, --eml" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 \
    "$COPIL" mail "$S/college-2026-t1.xml" --eml "$S/eml2"
grep -q "full copy: .*, rendered now)$" "$TMP/out" && ok "mail stale: a PDF older than the data is rendered again" \
    || fail "mail stale: older PDF" "$(grep copy: "$TMP/out")"
"$PY" "$MAIL_INSPECT" eml "$S/eml2/01-minutes-membres-du-comite.eml" attachment college-2026-t1-minutes.pdf "$S/att2.pdf" 2>"$ML/err" \
    && ! cmp -s "$S/att2.pdf" "$S/replacement.pdf" && cmp -s "$S/att2.pdf" "$S/college-2026-t1-minutes.pdf" \
    && cmp -s "$S/att2.pdf" "$ML/full.saved" \
    && ok "mail stale: the new rendering is attached and written beside" || fail "mail stale: re-rendered PDF" "$(cat "$ML/err")"
# A file the data names (an activity report's meeting file) counts too.
cp samples/college-2026-t1.xml samples/college-2026-t2.xml samples/lettre-mission-ctice.xml "$S/"
sed 's|</signatories>|&\
  <distribution><group kind="academie"><label>DAN</label><address>dan@ac-orleans-tours.fr</address></group></distribution>|' \
    samples/rapport-activite-ctice-2026-2027.xml >"$S/rapport.xml"
"${MENV[@]}" "$COPIL" mail "$S/rapport.xml" >/dev/null 2>&1
expect_exit "mail stale: activity report with a distribution list" 0 "${MENV[@]}" "$COPIL" mail "$S/rapport.xml"
r1=$(grep "full copy:" "$TMP/out")
touch -d "@$((now + 180))" "$S/college-2026-t2.xml"
"${MENV[@]}" "$COPIL" mail "$S/rapport.xml" >"$ML/out" 2>&1
r2=$(grep "full copy:" "$ML/out")
[[ "$r1" == *"up to date)" ]] && [[ "$r2" == *"rendered now)" ]] \
    && ok "mail stale: a meeting file of the report changed: the report is rendered again" \
    || fail "mail stale: named files" "$r1
$r2"
# ...and so does the mission letter it names (its date and title are printed).
touch -d "@$((now + 200))" "$S/rapport-activity-report.pdf"
"${MENV[@]}" "$COPIL" mail "$S/rapport.xml" >"$ML/out" 2>&1
r3=$(grep "full copy:" "$ML/out")
touch -d "@$((now + 240))" "$S/lettre-mission-ctice.xml"
"${MENV[@]}" "$COPIL" mail "$S/rapport.xml" >"$ML/out" 2>&1
r4=$(grep "full copy:" "$ML/out")
[[ "$r3" == *"up to date)" ]] && [[ "$r4" == *"rendered now)" ]] \
    && ok "mail stale: the report's mission letter changed: the report is rendered again" \
    || fail "mail stale: the mission letter" "$r3
$r4"

# A committee whose name holds the establishment's: the subject names it
# once; the agenda's too. Any other name keeps the establishment at the end.
mkdir -p "$ML/once"
sed 's|scale="etablissement">Comité de pilotage du numérique</body>|scale="etablissement">Comité numérique du collège Jean-Moulin</body>|' \
    samples/college-2026-t1.xml >"$ML/once/named.xml"
expect_exit "mail: a committee named after the collège" 0 "${MENV[@]}" "$COPIL" mail "$ML/once/named.xml"
[ "$(grep -c "^   Subject: Compte rendu du comité numérique du collège Jean-Moulin du jeudi 8 octobre 2026\$" "$TMP/out")" = 2 ] \
    && ok "mail: the subject does not repeat the establishment" || fail "mail: subject once" "$(grep Subject "$TMP/out")"
expect_exit "mail: its agenda" 0 "${MENV[@]}" "$COPIL" mail "$ML/once/named.xml" --kind agenda
grep -q "^   Subject: Convocation au comité numérique du collège Jean-Moulin du jeudi 8 octobre 2026\$" "$TMP/out" \
    && ok "mail: the agenda's subject does not repeat it either" || fail "mail: agenda subject once" "$(grep Subject "$TMP/out")"
sed 's|scale="etablissement">Comité de pilotage du numérique</body>|scale="etablissement">Comité numérique Jean-Moulin</body>|' \
    samples/college-2026-t1.xml >"$ML/once/other.xml"
expect_exit "mail: a committee named otherwise" 0 "${MENV[@]}" "$COPIL" mail "$ML/once/other.xml"
grep -q "^   Subject: Compte rendu du comité numérique Jean-Moulin du jeudi 8 octobre 2026 — Collège Jean-Moulin\$" "$TMP/out" \
    && ok "mail: otherwise the establishment ends the subject" || fail "mail: subject with the establishment" "$(grep Subject "$TMP/out")"

# --- 4. --eml ------------------------------------------------------------------------------------
E=$ML/eml
mkdir -p "$E"
cp "$ML/hidden.xml" "$E/hidden.xml"
cp samples/college-2026-t1.xml "$E/"
expect_exit "mail --eml: exit 0" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 "$COPIL" mail "$E/hidden.xml" --eml "$E/out1"
grep -q "nothing was sent" "$TMP/out" && ok "mail --eml: says nothing was sent" || fail "mail --eml: output" "$(cat "$TMP/out")"
E1=$E/out1/01-minutes-membres-du-comite.eml
E2=$E/out1/02-minutes-ensemble-des-personnels-du-college.eml
[ "$(ls "$E/out1" 2>/dev/null | tr '\n' ' ')" = "$(basename "$E1") $(basename "$E2") " ] \
    && ok "mail --eml: one file per group with addresses" || fail "mail --eml: files" "$(ls "$E/out1")"
# A long group label: its .eml name is cut at a word boundary, never in a word.
sed 's|<label>Ensemble des personnels du collège</label>|<label>Ensemble des personnels enseignants et d’éducation du collège Jean-Moulin</label>|' \
    samples/college-2026-t1.xml >"$E/long.xml"
expect_exit "mail --eml: a long group label" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 "$COPIL" mail "$E/long.xml" --eml "$E/out-long"
[ -f "$E/out-long/02-minutes-ensemble-des-personnels-enseignants-et.eml" ] \
    && ok "mail --eml: a long label is cut between two words" || fail "mail --eml: long label" "$(ls "$E/out-long")"
bad=""
for f in "$E1" "$E2"; do
    r=$("$PY" "$MAIL_INSPECT" eml "$f" check 2>&1) || bad="$bad$(basename "$f"): $r
"
done
[ -z "$bad" ] && ok "mail --eml: the drafts are well-formed messages" || fail "mail --eml: check" "$bad"
"$PY" "$MAIL_INSPECT" eml "$E1" attachment hidden-minutes.pdf "$E/a1.pdf" 2>"$ML/err" && cmp -s "$E/a1.pdf" "$E/hidden-minutes.pdf" \
    && ok "mail --eml: the participants get the full PDF, byte for byte" || fail "mail --eml: full attachment" "$(cat "$ML/err")"
"$PY" "$MAIL_INSPECT" eml "$E2" attachment hidden-minutes-public.pdf "$E/a2.pdf" 2>"$ML/err" && cmp -s "$E/a2.pdf" "$E/hidden-minutes-public.pdf" \
    && ! cmp -s "$E/a1.pdf" "$E/a2.pdf" \
    && ok "mail --eml: the staff get the public PDF, byte for byte" || fail "mail --eml: public attachment" "$(cat "$ML/err")"
"$PY" "$MAIL_INSPECT" eml "$E1" headers >"$E/h1" 2>&1
"$PY" "$MAIL_INSPECT" eml "$E2" headers >"$E/h2" 2>&1
bcc=$(mail_header Bcc "$E/h2" | tr ',' '\n' | sed 's/^ *//;s/ *$//' | sort)
to2=$(mail_header To "$E/h2")
[ "$bcc" = "$(mail_sorted "$PERS3")" ] && [ "$to2" = "Ensemble des personnels du collège:;" ] \
    && ok "mail --eml: a hidden group: its addresses in Bcc, only its label in To" || fail "mail --eml: hidden group" "$(cat "$E/h2")"
to1=$(mail_header To "$E/h1" | tr ',' '\n' | sed 's/^ *//;s/ *$//')
[ "$to1" = "$PART" ] && ! grep -q '^Bcc:' "$E/h1" \
    && ok "mail --eml: bcc=\"false\": every address in To, no Bcc" || fail "mail --eml: visible group" "$(cat "$E/h1")"
[ "$(mail_header X-Unsent "$E/h1")" = 1 ] && [ "$(mail_header X-Unsent "$E/h2")" = 1 ] \
    && ok "mail --eml: X-Unsent: 1" || fail "mail --eml: X-Unsent" "$(cat "$E/h1")"
[ "$(mail_header Subject "$E/h2")" = "$MAIL_SUBJECT" ] && ok "mail --eml: the subject decodes to the French text" \
    || fail "mail --eml: subject" "$(mail_header Subject "$E/h2")"
expect_exit "mail --eml: second run" 0 "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 "$COPIL" mail "$E/hidden.xml" --eml "$E/out2" -q
[ -s "$E1" ] && diff -r "$E/out1" "$E/out2" >/dev/null 2>&1 && ok "mail --eml: the same bytes on every run (SOURCE_DATE_EPOCH)" \
    || fail "mail --eml: two runs differ" "$(diff -r "$E/out1" "$E/out2" 2>&1 | head -5)"
[ ! -s "$TMP/out" ] && ok "mail --eml -q: prints nothing" || fail "mail --eml -q printed" "$(head -3 "$TMP/out")"
expect_exit "mail --eml without SOURCE_DATE_EPOCH" 0 "${MENV[@]}" "$COPIL" mail "$E/hidden.xml" --eml "$E/out3"
"$PY" "$MAIL_INSPECT" eml "$E/out3/$(basename "$E1")" headers >"$E/h3" 2>&1
! grep -q '^Date:' "$E/h3" && [ -n "$(mail_header Message-ID "$E/h1")" ] \
    && [ "$(mail_header Message-ID "$E/h3")" = "$(mail_header Message-ID "$E/h1")" ] \
    && [ "$(mail_header Message-ID "$E/h1")" != "$(mail_header Message-ID "$E/h2")" ] \
    && ok "mail --eml: no Date without SOURCE_DATE_EPOCH; the same Message-ID; one per group" \
    || fail "mail --eml: Date / Message-ID" "$(grep -i '^date\|^message-id' "$E/h1" "$E/h3")"
expect_exit "mail --eml: the sample's one-address staff group" 0 "${MENV[@]}" "$COPIL" mail "$E/college-2026-t1.xml" --eml "$E/single" -q
"$PY" "$MAIL_INSPECT" eml "$E/single/$(basename "$E2")" headers >"$E/hs" 2>&1
[ "$(mail_header To "$E/hs")" = "$PERS1" ] && ! grep -q '^Bcc:' "$E/hs" \
    && ok "mail --eml: a group of one address: the address in To" || fail "mail --eml: one-address group" "$(cat "$E/hs")"
left=$(find "$E" -name '*-mail.log')
[ -z "$left" ] && ok "mail --eml: no send log" || fail "mail --eml: wrote a send log" "$left"

# --- 5. sending over STARTTLS -----------------------------------------------------------------
C=$ML/tls
mkdir -p "$C"
if openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -keyout "$C/key.pem" -out "$C/cert.pem" -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >"$C/openssl.log" 2>&1; then
    ok "mail: a self-signed certificate for localhost"
else
    fail "mail: openssl req" "$(tail -3 "$C/openssl.log")"
fi
TLS=(--tls "$C/cert.pem" "$C/key.pem")
SEND=(--send --user user --cacert "$C/cert.pem")

D=$ML/send
mkdir -p "$D"
cp "$ML/hidden.xml" "$D/hidden.xml"
LOG=$D/hidden-minutes-mail.log
if mail_server send "${TLS[@]}" --require-starttls --auth user:pass; then
    srv=$MAIL_DIR
    expect_exit "mail --send: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$D/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT"
    grep -q "^copil mail: 12 sent now, 0 sent before, 0 refused, 0 not sent; send log: $LOG\$" "$TMP/out" \
        && ok "mail --send: the summary line" || fail "mail --send: summary" "$(tail -3 "$TMP/out")"
    [ "$(mail_count "$srv")" = 12 ] && ok "mail --send: one message per address" || fail "mail --send: $(mail_count "$srv") messages received"
    rc=$(mail_rcpts "$srv")
    ! echo "$rc" | grep -q ',' && [ "$(mail_sorted "$rc")" = "$ALL12" ] \
        && ok "mail --send: each envelope has one recipient, every address once" || fail "mail --send: envelopes" "$rc"
    mail_meta "$srv" >"$D/meta"
    [ "$(awk -F'\t' '$3 == "True" && $4 == "user"' "$D/meta" | wc -l)" = 12 ] \
        && ok "mail --send: every message went over TLS after login" || fail "mail --send: TLS/login" "$(cat "$D/meta")"
    bad_att="" bad_check="" bad_bcc="" bad_to="" bad_subj=""
    "$PY" "$MAIL_INSPECT" "$srv" summary >"$D/summary" 2>&1
    while IFS= read -r line; do
        n=${line%% *}
        r=$(echo "$line" | awk '{ sub(/^rcpt=/, "", $2); print $2 }')
        if echo "$PART" | grep -qxF "$r"; then want=$D/hidden-minutes.pdf
        else want=$D/hidden-minutes-public.pdf; fi
        "$PY" "$MAIL_INSPECT" "$srv" attachment "$n" "$(basename "$want")" "$D/att-$n.pdf" 2>/dev/null \
            && cmp -s "$D/att-$n.pdf" "$want" || bad_att="$bad_att $n($r)"
        c=$("$PY" "$MAIL_INSPECT" "$srv" check "$n" 2>&1) || bad_check="$bad_check$n: $c
"
        "$PY" "$MAIL_INSPECT" "$srv" headers "$n" >"$D/h-$n" 2>&1
        grep -qi '^Bcc:' "$D/h-$n" && bad_bcc="$bad_bcc $n"
        if echo "$PERS3" | grep -qxF "$r"; then
            tocc=$(grep -i '^\(To\|Cc\):' "$D/h-$n")
            while IFS= read -r a; do
                echo "$tocc" | grep -qiF "$a" && bad_to="$bad_to $n:$a"
            done <<<"$PERS3"
        fi
        [ "$(mail_header Subject "$D/h-$n")" = "$MAIL_SUBJECT" ] || bad_subj="$bad_subj $n"
    done <"$D/summary"
    [ -z "$bad_att" ] && ok "mail --send: each message carries its group's copy, byte for byte" || fail "mail --send: attachment wrong in" "$bad_att"
    [ -z "$bad_check" ] && ok "mail --send: every message is well formed (mailcheck.py check)" || fail "mail --send: check" "$bad_check"
    [ -z "$bad_bcc" ] && ok "mail --send: no message sent has a Bcc header" || fail "mail --send: Bcc header in" "$bad_bcc"
    [ -z "$bad_to" ] && ok "mail --send: no hidden address in any To or Cc" || fail "mail --send: hidden addresses shown" "$bad_to"
    [ -z "$bad_subj" ] && ok "mail --send: the subject decodes to the French text" || fail "mail --send: subject in" "$bad_subj"
    [ "$(grep -c '^#' "$LOG" 2>/dev/null)" = 3 ] && [ "$(grep -c $'^sent\t' "$LOG")" = 12 ] \
        && [ "$(mail_log_rcpts "$LOG")" = "$ALL12" ] \
        && ok "mail --send: the send log has one line per address" || fail "mail --send: send log" "$(cat "$LOG" 2>&1)"
    # The log's Message-ID for each address is the one the address received,
    # and a draft of the same document and group has the same one.
    ids=$(awk '{ sub(/^rcpt=/, "", $2); m = $NF; sub(/^message-id=</, "", m); sub(/>$/, "", m); print $2 "\t" m }' "$D/summary" | sort)
    [ "$(awk -F'\t' '$1 == "sent" { print $3 "\t" $2 }' "$LOG" | sort)" = "$ids" ] \
        && ok "mail --send: the log's Message-IDs are those sent" || fail "mail --send: log Message-IDs" "$ids"
    "${MENV[@]}" SOURCE_DATE_EPOCH=1791000000 "$COPIL" mail "$D/hidden.xml" --eml "$D/eml" -q >/dev/null 2>&1
    drafts=$(for f in "$D"/eml/*.eml; do "$PY" "$MAIL_INSPECT" eml "$f" headers | sed -n 's/^Message-ID: //Ip'; done | sort)
    [ "$drafts" = "$(grep -o 'message-id=<[^>]*>' "$D/summary" | sed 's/^message-id=//' | sort -u)" ] \
        && ok "mail: the Message-ID is the same for a draft and a message sent" || fail "mail: Message-IDs of drafts and sent" "$drafts"
    cp "$LOG" "$D/log.saved"
    expect_exit "mail --send re-run: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$D/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    grep -q "^copil mail: 0 sent now, 12 sent before, 0 refused, 0 not sent" "$TMP/out" && [ "$(mail_count "$srv")" = 12 ] \
        && cmp -s "$LOG" "$D/log.saved" \
        && ok "mail --send re-run: nothing sent again" || fail "mail --send re-run" "$(tail -2 "$TMP/out"); $(mail_count "$srv") received"
    mail_stop "$MAIL_PID"
fi

# --- 6. a refused address --------------------------------------------------------------------
R=$ML/refuse
mkdir -p "$R"
cp "$ML/hidden.xml" "$R/hidden.xml"
LOG=$R/hidden-minutes-mail.log
if mail_server refuse "${TLS[@]}" --require-starttls --auth user:pass --refuse isabelle.dupre@example.org; then
    srv=$MAIL_DIR
    expect_exit "mail refused address: exit 1" 1 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$R/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT"
    grep -q "^  refused   isabelle.dupre@example.org " "$TMP/out" && grep -q "1 address was refused" "$TMP/err" \
        && ok "mail refused address: reported" || fail "mail refused address: output" "$(tail -3 "$TMP/out"; cat "$TMP/err")"
    [ "$(mail_sorted "$(mail_rcpts "$srv")")" = "$(echo "$ALL12" | grep -vx isabelle.dupre@example.org)" ] \
        && ok "mail refused address: every other address received" || fail "mail refused address: received" "$(mail_rcpts "$srv")"
    [ "$(mail_log_rcpts "$LOG")" = "$(echo "$ALL12" | grep -vx isabelle.dupre@example.org)" ] \
        && ok "mail refused address: the log lacks it" || fail "mail refused address: log" "$(cat "$LOG" 2>&1)"
    mail_stop "$MAIL_PID"
fi
if mail_server refuse2 "${TLS[@]}" --require-starttls --auth user:pass; then
    expect_exit "mail refused address, re-run: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$R/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$MAIL_DIR")" = 1 ] && [ "$(mail_rcpts "$MAIL_DIR")" = isabelle.dupre@example.org ] \
        && grep -q "^copil mail: 1 sent now, 11 sent before, 0 refused, 0 not sent" "$TMP/out" \
        && [ "$(mail_log_rcpts "$LOG")" = "$ALL12" ] \
        && ok "mail refused address, re-run: only that address is sent" \
        || fail "mail refused address, re-run" "$(mail_rcpts "$MAIL_DIR"); $(tail -1 "$TMP/out")"
    mail_stop "$MAIL_PID"
fi

# Correcting an address in the data renders the full copy again (it prints
# the list): only the corrected address gets it, not the whole group again.
sed -i 's/isabelle\.dupre@example\.org/isabelle.dupre@example.net/' "$R/hidden.xml"
if mail_server refuse3 "${TLS[@]}" --require-starttls --auth user:pass; then
    expect_exit "mail corrected address: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$R/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$MAIL_DIR")" = 1 ] && [ "$(mail_rcpts "$MAIL_DIR")" = isabelle.dupre@example.net ] \
        && grep -q "^copil mail: 1 sent now, 11 sent before, 0 refused, 0 not sent" "$TMP/out" \
        && ok "mail corrected address: only the corrected address is sent, though the PDF changed" \
        || fail "mail corrected address" "$(mail_rcpts "$MAIL_DIR"); $(tail -1 "$TMP/out")"
    mail_stop "$MAIL_PID"
fi

# --- 7, 8. a server gone mid-batch; no server ------------------------------------------------------
K=$ML/close
mkdir -p "$K"
cp "$ML/hidden.xml" "$K/hidden.xml"
LOG=$K/hidden-minutes-mail.log
first=""
if mail_server close "${TLS[@]}" --require-starttls --auth user:pass --close-after 3; then
    srv=$MAIL_DIR
    expect_exit "mail server gone mid-batch: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$K/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT"
    [ "$(grep -c '^  not sent  ' "$TMP/out")" = 9 ] && grep -q "^copil mail: 3 sent now, 0 sent before, 0 refused, 9 not sent" "$TMP/out" \
        && ok "mail server gone mid-batch: the rest is 'not sent'" || fail "mail server gone: output" "$(cat "$TMP/out")"
    first=$(mail_sorted "$(mail_rcpts "$srv")")
    [ "$(mail_count "$srv")" = 3 ] && [ "$(mail_log_rcpts "$LOG")" = "$first" ] \
        && ok "mail server gone mid-batch: the log has exactly the 3 accepted" || fail "mail server gone: log" "$(cat "$LOG" 2>&1)"
    mail_stop "$MAIL_PID"
fi
# A port nothing listens on.
dead=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp "$LOG" "$K/log.saved" 2>/dev/null
expect_exit "mail no server: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$K/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$dead"
grep -q "cannot be reached" "$TMP/err" && grep -q "^copil mail: 0 sent now, 3 sent before, 0 refused, 9 not sent" "$TMP/out" \
    && ok "mail no server: says it cannot be reached" || fail "mail no server: message" "$(cat "$TMP/err"; tail -1 "$TMP/out")"
cmp -s "$LOG" "$K/log.saved" && ok "mail no server: the log is unchanged" || fail "mail no server: the log changed"
mkdir -p "$ML/down"
cp samples/college-2026-t1.xml "$ML/down/"
expect_exit "mail no server, first send: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$ML/down/college-2026-t1.xml" "${SEND[@]}" --smtp "smtp://localhost:$dead"
[ ! -e "$ML/down/college-2026-t1-minutes-mail.log" ] && ok "mail no server: no send log written" || fail "mail no server: a send log was written"
if mail_server close2 "${TLS[@]}" --require-starttls --auth user:pass; then
    expect_exit "mail server gone, re-run: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$K/hidden.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    both=$(printf '%s\n%s\n' "$first" "$(mail_rcpts "$MAIL_DIR")" | sed '/^$/d' | sort)
    [ "$(mail_count "$MAIL_DIR")" = 9 ] && [ "$both" = "$ALL12" ] && [ "$(mail_log_rcpts "$LOG")" = "$ALL12" ] \
        && ok "mail server gone, re-run: the rest completed, every address exactly once" \
        || fail "mail server gone, re-run" "$(mail_count "$MAIL_DIR") received; $(echo "$both" | uniq -d)"
    mail_stop "$MAIL_PID"
fi

# --- 9. smtps://, ~/.netrc, wrong password, untrusted certificate, no TLS ---------------------------
X=$ML/smtps
mkdir -p "$X" "$ML/netrc-home"
for n in a b c d e f; do cp samples/college-2026-t1.xml "$X/$n.xml"; done
if mail_server smtps "${TLS[@]}" --implicit-tls --auth user:pass; then
    srv=$MAIL_DIR
    expect_exit "mail smtps://: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$X/a.xml" "${SEND[@]}" --smtp "smtps://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$srv")" = 10 ] && [ "$(mail_meta "$srv" | awk -F'\t' '$3 == "True"' | wc -l)" = 10 ] \
        && ok "mail smtps://: every address received, over TLS" || fail "mail smtps://: $(mail_count "$srv") received"
    printf 'machine localhost login user password pass\n' >"$ML/netrc-home/.netrc"
    chmod 600 "$ML/netrc-home/.netrc"
    expect_exit "mail: the password from ~/.netrc" 0 "${MENV[@]}" HOME="$ML/netrc-home" "$COPIL" mail "$X/b.xml" --send --cacert "$C/cert.pem" --smtp "smtps://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$srv")" = 20 ] && ok "mail: ~/.netrc login sends everything" || fail "mail: ~/.netrc: $(mail_count "$srv") received"
    # --user names the login; its password is still looked up in ~/.netrc
    # (libcurl 7.88 does not, once a user name is given), for that login only.
    cp "$X/b.xml" "$X/g.xml"
    printf 'machine localhost login other password nope\nmachine localhost login user password pass\n' >"$ML/netrc-home/.netrc"
    expect_exit "mail: --user, its password from ~/.netrc" 0 "${MENV[@]}" HOME="$ML/netrc-home" "$COPIL" mail "$X/g.xml" --send --user user --cacert "$C/cert.pem" --smtp "smtps://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$srv")" = 30 ] && ok "mail: --user with the password of its ~/.netrc entry sends everything" \
        || fail "mail: --user and ~/.netrc: $(mail_count "$srv") received"
    printf 'machine localhost login user password pass\n' >"$ML/netrc-home/.netrc"
    expect_exit "mail wrong password: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=wrong "$COPIL" mail "$X/c.xml" "${SEND[@]}" --smtp "smtps://localhost:$MAIL_PORT" -q
    grep -q "user name or password" "$TMP/err" && [ "$(mail_count "$srv")" = 30 ] && [ ! -e "$X/c-minutes-mail.log" ] \
        && ok "mail wrong password: says so, nothing sent" || fail "mail wrong password" "$(cat "$TMP/err")"
    expect_exit "mail untrusted certificate: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$X/d.xml" --send --user user --smtp "smtps://localhost:$MAIL_PORT" -q
    grep -q "could not be trusted" "$TMP/err" && [ "$(mail_count "$srv")" = 30 ] && [ ! -e "$X/d-minutes-mail.log" ] \
        && ok "mail untrusted certificate: says so, nothing sent" || fail "mail untrusted certificate" "$(cat "$TMP/err")"
    mail_stop "$MAIL_PID"
fi
if mail_server plain --auth user:pass; then
    srv=$MAIL_DIR
    expect_exit "mail server without TLS, smtp://: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$X/e.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    grep -q "never sends in clear" "$TMP/err" && ok "mail server without TLS: copil never sends in clear" || fail "mail server without TLS: message" "$(cat "$TMP/err")"
    expect_exit "mail server without TLS, smtps://: exit 3" 3 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$X/f.xml" "${SEND[@]}" --smtp "smtps://localhost:$MAIL_PORT" -q
    [ "$(mail_count "$srv")" = 0 ] && ! grep -q ' AUTH \| MAIL ' "$srv/transcript.log" \
        && ok "mail server without TLS: no login, no message" || fail "mail server without TLS" "$(cat "$srv/transcript.log")"
    mail_stop "$MAIL_PID"
fi

# --- 10. usage ---------------------------------------------------------------------------------
U=$ML/usage
mkdir -p "$U"
cp samples/college-2026-t1.xml "$U/"
expect_exit "mail --password on the command line: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" --send --smtp smtp://localhost:1 --password s3cr3t-pw
grep -q COPIL_SMTP_PASSWORD "$TMP/err" && ! grep -q s3cr3t-pw "$TMP/out" "$TMP/err" \
    && ok "mail --password: says where a password goes, does not repeat it" || fail "mail --password: message" "$(cat "$TMP/err")"
expect_exit "mail --password=… : exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" --send --smtp smtp://localhost:1 --password=s3cr3t-pw
expect_exit "mail -p: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" -p s3cr3t-pw
expect_exit "mail --send without --smtp: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" --send
expect_exit "mail --smtp without --send: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" --smtp smtp://localhost:1
expect_exit "mail --smtp http://: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$U/college-2026-t1.xml" --send --smtp http://localhost:1
expect_exit "mail without a file: exit 2" 2 "${MENV[@]}" "$COPIL" mail
[ "$(ls "$U")" = college-2026-t1.xml ] && ok "mail usage errors: nothing written" || fail "mail usage errors wrote" "$(ls "$U")"

# --- 11. the message template from COPIL_DATADIR -------------------------------------------------------
DD=$ML/data
mkdir -p "$DD"
cp -R schemas stylesheets fonts "$DD/"
mkdir -p "$ML/tpl"
cp samples/college-2026-t1.xml "$ML/tpl/"
sed -i 's/^Madame, Monsieur,$/Chers membres du comité,/' "$DD/stylesheets/mail/minutes.txt"
expect_exit "mail COPIL_DATADIR: a reworded template" 0 "${MENV[@]}" COPIL_DATADIR="$DD" "$COPIL" mail "$ML/tpl/college-2026-t1.xml" --eml "$ML/tpl/ok" -q
"$PY" "$MAIL_INSPECT" eml "$ML/tpl/ok/01-minutes-membres-du-comite.eml" body 2>&1 | head -1 | grep -qx "Chers membres du comité," \
    && ok "mail COPIL_DATADIR: the template is read from the data folder" \
    || fail "mail COPIL_DATADIR: template not used" "$("$PY" "$MAIL_INSPECT" eml "$ML/tpl/ok/01-minutes-membres-du-comite.eml" body 2>&1 | head -3)"
sed -i 's/^Vous trouverez ci-joint/Vous trouverez {{inconnu}} ci-joint/' "$DD/stylesheets/mail/minutes.txt"
tline=$(grep -n '{{inconnu}}' "$DD/stylesheets/mail/minutes.txt" | cut -d: -f1)
expect_exit "mail template with an unknown value: exit 3" 3 "${MENV[@]}" COPIL_DATADIR="$DD" "$COPIL" mail "$ML/tpl/college-2026-t1.xml" --eml "$ML/tpl/eml"
[ -n "$tline" ] && grep -q "stylesheets/mail/minutes\.txt:$tline:[0-9]*: error: .*{{inconnu}}" "$TMP/err" \
    && ok "mail template: the error names minutes.txt and its line" || fail "mail template: message" "$(cat "$TMP/err")"
[ -z "$(ls -A "$ML/tpl/eml" 2>/dev/null)" ] && ok "mail template error: nothing written in the eml folder" \
    || fail "mail template error: wrote" "$(ls "$ML/tpl/eml")"

# --- 12. addresses: one form in the headers and the envelope --------------------------------------
# An accented domain goes out as its A-labels (xn--…), the same in From/To,
# in MAIL FROM/RCPT TO, in the plan and in the send log, and without
# SMTPUTF8: every server reads it. The expected forms come from Python's
# own IDNA codec, not from copil. An accented name before the @ is refused
# before anything is sent, and so is a --from that is not one address.
A=$ML/idn
mkdir -p "$A"
sed -e 's|<email>ce.0370012a@ac-orleans-tours.fr</email>|<email>ce.0370012a@académie-orléans-tours.fr</email>|' \
    -e 's|<address>isabelle.dupre@example.org</address>|<address>isabelle.dupre@Exemple-Réunion.fr</address>|' \
    samples/college-2026-t1.xml >"$A/idn.xml"
mail_ace() { "$PY" -c "import sys; print(sys.argv[1].encode('idna').decode())" "$1"; }
FROM_ACE=ce.0370012a@$(mail_ace académie-orléans-tours.fr)
TO_ACE=isabelle.dupre@$(mail_ace Exemple-Réunion.fr)
expect_exit "mail IDN: plan" 0 "${MENV[@]}" "$COPIL" mail "$A/idn.xml"
grep -qxF "  from: Collège Jean-Moulin <$FROM_ACE>" "$TMP/out" && mail_plan_section 1 "$TMP/out" | grep -qxF "$TO_ACE" \
    && ok "mail IDN: the plan shows the sender and the address as they are sent (xn--)" \
    || fail "mail IDN: plan" "$(grep -n 'from:\|isabelle' "$TMP/out")"
if mail_server idn "${TLS[@]}" --require-starttls --auth user:pass; then
    srv=$MAIL_DIR
    expect_exit "mail IDN --send: exit 0" 0 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$A/idn.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT" -q
    # Every envelope: the sender's A-label form, ASCII recipients, no SMTPUTF8.
    env_bad=$("$PY" -c '
import json, os, re, sys
d, sender = sys.argv[1], sys.argv[2]
for f in sorted(os.listdir(d)):
    if re.fullmatch(r"\d{4,}\.json", f):
        m = json.load(open(os.path.join(d, f)))
        if m["mail_from"] != sender or any("SMTPUTF8" in o.upper() for o in m["mail_options"]) \
                or not all(r.isascii() for r in m["rcpt_tos"]):
            print(f, m["mail_from"], m["rcpt_tos"], m["mail_options"])
' "$srv" "$FROM_ACE")
    n=$("$PY" "$MAIL_INSPECT" "$srv" recipients-of "$TO_ACE" 2>/dev/null)
    [ "$(mail_count "$srv")" = 10 ] && [ -z "$env_bad" ] && [ -n "$n" ] \
        && ! grep -a 'MAIL FROM\|RCPT' "$srv/transcript.log" | LC_ALL=C grep -q '[^ -~]' \
        && ok "mail IDN --send: the envelope is ASCII (MAIL FROM and RCPT TO in xn--), without SMTPUTF8" \
        || fail "mail IDN --send: envelope" "$(mail_count "$srv") received; $env_bad; $(grep -a 'MAIL\|RCPT' "$srv/transcript.log" | head -4)"
    # The header block as received, byte for byte: the same forms, nothing raw.
    head=$(sed '/^\r$/q' "$srv/$n.eml" 2>/dev/null | tr -d '\r')
    unfolded=$(printf '%s\n' "$head" | sed -e ':a' -e 'N;$!ba' -e 's/\n[ \t]\+/ /g')
    grep -qx "From: .* <$FROM_ACE>" <<<"$unfolded" && grep -q "^To: .*[ ,]$TO_ACE\$" <<<"$unfolded" \
        && grep -qi "^Message-Id: <copil\.minutes\.[0-9a-f]*@${FROM_ACE#*@}>\$" <<<"$unfolded" \
        && ! LC_ALL=C grep -q $'[^\t -~]' <<<"$head" \
        && ok "mail IDN --send: From, To and Message-ID carry the same xn-- forms, the headers are ASCII" \
        || fail "mail IDN --send: headers" "$unfolded"
    mail_log_rcpts "$A/idn-minutes-mail.log" | grep -qxF "$TO_ACE" \
        && ok "mail IDN --send: the send log records the form sent" || fail "mail IDN: send log" "$(cat "$A/idn-minutes-mail.log" 2>&1)"
    mail_stop "$MAIL_PID"
fi
expect_exit "mail IDN --eml" 0 "${MENV[@]}" "$COPIL" mail "$A/idn.xml" --eml "$A/eml" -q
"$PY" "$MAIL_INSPECT" eml "$A/eml/01-minutes-membres-du-comite.eml" headers >"$A/h" 2>&1
[ "$(mail_header From "$A/h")" = "Collège Jean-Moulin <$FROM_ACE>" ] && mail_header To "$A/h" | grep -qF ", $TO_ACE" \
    && ok "mail IDN --eml: the draft has the same forms" || fail "mail IDN --eml: headers" "$(cat "$A/h")"

# An accented name before the @: refused at its line, nothing sent.
sed 's|<address>isabelle.dupre@example.org</address>|<address>jérôme.martin@ac-orleans-tours.fr</address>|' \
    samples/college-2026-t1.xml >"$A/local.xml"
line=$(grep -n 'jérôme' "$A/local.xml" | cut -d: -f1)
if mail_server idn-local "${TLS[@]}" --require-starttls --auth user:pass; then
    expect_exit "mail accented local part: exit 1" 1 "${MENV[@]}" COPIL_SMTP_PASSWORD=pass "$COPIL" mail "$A/local.xml" "${SEND[@]}" --smtp "smtp://localhost:$MAIL_PORT"
    grep -qF "local.xml:$line:9: error: <address> \"jérôme.martin@ac-orleans-tours.fr\" is not an e-mail address: the part before the @ has accented" "$TMP/err" \
        && [ "$(mail_count "$MAIL_DIR")" = 0 ] && [ ! -e "$A/local-minutes-mail.log" ] \
        && ok "mail accented local part: said at its line, nothing sent" \
        || fail "mail accented local part" "$(cat "$TMP/err"); $(mail_count "$MAIL_DIR") received"
    mail_stop "$MAIL_PID"
fi

# --from is checked like the data: one address and nothing else (exit 2);
# an accented domain is sent in its ASCII form.
mail_from_refused() { # VALUE REASON
    expect_exit "mail --from \"$1\": exit 2" 2 "${MENV[@]}" "$COPIL" mail "$A/idn.xml" --from "$1"
    [ "$(cat "$TMP/err")" = "copil mail: error: --from \"$1\" is not an e-mail address: $2" ] && [ ! -s "$TMP/out" ] \
        && ok "mail --from \"$1\": the reason, nothing else" || fail "mail --from \"$1\": message" "$(cat "$TMP/err" "$TMP/out")"
}
mail_from_refused "x,spy@evil.example" "a comma cannot appear in an address; write one address only"
mail_from_refused "Secrétariat <ce@ac-orleans-tours.fr>" \
    "a space cannot appear in an address: remove it (a line break or a tab inside the address counts as a space)"
mail_from_refused 'ce"><x@evil.example' \
    "quotation marks cannot appear in an address: write the address alone, e.g. prenom.nom@ac-orleans-tours.fr"
# An escape sequence typed in --from is not sent to the terminal.
expect_exit "mail --from with an escape sequence: exit 2" 2 "${MENV[@]}" "$COPIL" mail "$A/idn.xml" --from $'ce\x1b[2J@ac-orleans-tours.fr'
[ "$(cat "$TMP/err")" = "copil mail: error: --from \"ce?[2J@ac-orleans-tours.fr\" is not an e-mail address: an invisible control character is in the address: type the address again" ] \
    && ok "mail --from: a control character shown as ?, not sent to the terminal" || fail "mail --from: control character" "$(cat -v "$TMP/err")"
mail_from_refused "ce@ac-orleans-tours" \
    "the domain \"ac-orleans-tours\" is incomplete: a mail domain has at least two parts separated by a dot, e.g. ac-orleans-tours.fr"
expect_exit "mail --from with an accented domain" 0 "${MENV[@]}" "$COPIL" mail "$A/idn.xml" --from "secretariat@Académie.fr"
grep -qxF "  from: secretariat@$(mail_ace Académie.fr)" "$TMP/out" \
    && ok "mail --from: an accented domain in its ASCII form" || fail "mail --from: accented domain" "$(grep from: "$TMP/out")"

# A mail.xsl of an académie's data folder is copil's own data, and checked
# the same: a <to> that is two addresses stops everything (exit 3).
mkdir -p "$ML/xsl"
cp -R schemas stylesheets fonts "$ML/xsl/"
sed -i 's|<to><xsl:value-of select="normalize-space(.)"/></to>|<to><xsl:value-of select="concat(normalize-space(.), \x27,spy@evil.example\x27)"/></to>|' \
    "$ML/xsl/stylesheets/mail.xsl"
grep -q "spy@evil.example" "$ML/xsl/stylesheets/mail.xsl" || fail "mail: the test could not change mail.xsl"
expect_exit "mail: a mail.xsl making a wrong <to>: exit 3" 3 "${MENV[@]}" COPIL_DATADIR="$ML/xsl" "$COPIL" mail "$A/idn.xml" --eml "$A/xsl-eml"
grep -qF "the stylesheet mail.xsl made a wrong mail plan: <to> \"helene.rousseau@ac-orleans-tours.fr,spy@evil.example\" is not an e-mail address: a comma cannot appear in an address" "$TMP/err" \
    && [ ! -e "$A/xsl-eml" ] && ok "mail: a wrong <to> from mail.xsl is refused, nothing written" \
    || fail "mail: a wrong <to> from mail.xsl" "$(cat "$TMP/err")"

mail_cleanup
