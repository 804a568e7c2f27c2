#!/bin/bash
# selftest.sh - checks the two helpers of the `copil mail` tests against each
# other and against Python's smtplib, without copil:
#   tests/mail/smtpd.py   (SMTP server on loopback: STARTTLS, implicit TLS,
#                          AUTH, refused recipients, connection drop, timeout)
#   tests/mail/mailcheck.py (reads what the server received)
# Usage: bash tests/mail/selftest.sh      (KEEP=1 keeps the temporary dir)
# Prints "selftest: N passed, N failed"; exits 1 if anything failed.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
T=$(mktemp -d "${TMPDIR:-/tmp}/copil-mail-selftest.XXXXXX")
PIDS=()
. "$HERE/server.sh"
pass=0
fail=0

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    wait 2>/dev/null
    if [ "${KEEP:-0}" = 1 ]; then
        echo "selftest: kept $T"
    else
        rm -rf "$T"
    fi
}
trap cleanup EXIT

ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }

# expect NAME EXPECTED ACTUAL
expect() {
    if [ "$2" = "$3" ]; then
        ok "$1"
    else
        ko "$1"
        echo "  expected: $(printf '%s' "$2" | sed '2,$s/^/            /')"
        echo "  actual:   $(printf '%s' "$3" | sed '2,$s/^/            /')"
    fi
}

# start_server NAME [smtpd.py options] - sets SPID and SPORT, maildir $T/NAME
start_server() {
    local name=$1
    shift
    smtpd_start "$T/$name" 20 "$@"
    local started=$?
    SPID=$SMTPD_PID SPORT=$SMTPD_PORT
    PIDS+=("$SPID")
    if [ "$started" = 0 ]; then
        ok "$name: server listening on port $SPORT"
    else
        ko "$name: server did not start"
        cat "$T/$name.stderr"
        return 1
    fi
}

# wait_exit PID SECONDS - the exit status of PID, or 124 if still running
wait_exit() {
    local pid=$1 i
    for ((i = 0; i < $2 * 20; i++)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid"
            return $?
        fi
        sleep 0.05
    done
    return 124
}

# Python prelude of the smtplib clients: they print PASS/FAIL lines.
PRELUDE='
import os, smtplib, socket, ssl, sys, traceback
from email.message import EmailMessage
from email import policy
from email.utils import formatdate
ENV = os.environ
def check(name, cond, detail=""):
    print(("PASS " if cond else "FAIL ") + name
          + ("" if cond else ": " + str(detail)), flush=True)
def tls_context():
    ctx = ssl.create_default_context(cafile=ENV["CA"])
    return ctx
def expect_error(name, exc_types, fn):
    try:
        result = fn()
    except exc_types as e:
        check(name, True)
        return e
    except Exception as e:
        check(name, False, "raised %r" % (e,))
        return e
    check(name, False, "no error, returned %r" % (result,))
'

# py_checks [VAR=VALUE...] < program - runs a client, counts its PASS/FAIL
py_checks() {
    local out rc p f
    out=$({ printf '%s\n' "$PRELUDE"; cat; } |
          env "$@" timeout 20 "$PY" -P - 2>&1)
    rc=$?
    printf '%s\n' "$out"
    p=$(grep -c '^PASS ' <<<"$out")
    f=$(grep -c '^FAIL ' <<<"$out")
    pass=$((pass + p))
    fail=$((fail + f))
    [ $rc -eq 0 ] || ko "python client exited with status $rc"
}

inspect() { "$PY" "$HERE/mailcheck.py" "$@"; }

echo "selftest: temporary directory $T"

# ------------------------------------------------------------- fixtures
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" \
    -out "$T/cert.pem" -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1 &&
    ok "openssl made a self-signed certificate" ||
    ko "openssl made a self-signed certificate"
CA=$T/cert.pem
PDF="$T/compte-rendu-réunion.pdf"
"$PY" -c 'import sys; sys.stdout.buffer.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    + bytes(range(256)) * 8 + b"\n%%EOF\n")' >"$PDF"
printf 'première ligne\r\nsecond line\r\n' >"$T/notes.txt"

# ------------------------------------------------------------- server A
# STARTTLS required, AUTH, one refused recipient, drop after 2 messages.
if start_server A --tls "$T/cert.pem" "$T/key.pem" --require-starttls \
        --auth user:secret --refuse bad@example.org --close-after 2; then
A_PID=$SPID
py_checks PORT="$SPORT" CA="$CA" PDF="$PDF" NOTES="$T/notes.txt" \
    OUT="$T" <<'EOF'
port = int(ENV["PORT"])
s = smtplib.SMTP("127.0.0.1", port, timeout=5)
s.ehlo("selftest")
check("A: STARTTLS offered", s.has_extn("starttls"))
check("A: no AUTH offered before STARTTLS", not s.has_extn("auth"))
code, resp = s.mail("aline@example.org")
check("A: MAIL before STARTTLS refused with 530", code == 530, (code, resp))
s.starttls(context=tls_context())
s.ehlo("selftest")
check("A: AUTH PLAIN LOGIN offered after STARTTLS",
      s.has_extn("auth") and {"PLAIN", "LOGIN"} <= set(
          s.esmtp_features["auth"].split()), s.esmtp_features)
code, resp = s.mail("aline@example.org")
check("A: MAIL before AUTH refused with 530", code == 530, (code, resp))
e = expect_error("A: wrong password refused", smtplib.SMTPAuthenticationError,
                 lambda: s.login("user", "wrong"))
check("A: wrong password gets 535", getattr(e, "smtp_code", None) == 535, e)
s.user, s.password = "user", "secret"
code, resp = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
check("A: AUTH LOGIN with the right password gets 235", code == 235,
      (code, resp))

msg = EmailMessage()
msg["From"] = "Aline Dupré <aline@example.org>"
msg["To"] = "Bob <good@example.org>, bad@example.org"
msg["Subject"] = "Compte rendu de la réunion — été 2024"
msg["Date"] = formatdate(localtime=True)
msg["Message-ID"] = "<selftest-1@example.org>"
msg.set_content("Bonjour,\nvoici le compte rendu de la réunion.\n")
with open(ENV["PDF"], "rb") as f:
    msg.add_attachment(f.read(), maintype="application", subtype="pdf",
                       filename="compte-rendu-réunion.pdf")
data = msg.as_bytes(policy=policy.SMTP)
with open(os.path.join(ENV["OUT"], "good.eml"), "wb") as f:
    f.write(data)
refused = s.sendmail("aline@example.org",
                     ["good@example.org", "bad@example.org"], data)
check("A: refused recipient gets 550, the other is accepted",
      list(refused) == ["bad@example.org"]
      and refused["bad@example.org"] == (
          550, b"5.1.1 <bad@example.org>: Recipient address rejected"),
      refused)

# Second message: RFC 2047 file name in a quoted string (a common practice),
# a text attachment, a Cc, and a Bcc recipient that is only in the envelope.
with open(ENV["NOTES"], "rb") as f:
    import base64
    notes = base64.b64encode(f.read()).decode()
raw = ("From: aline@example.org\r\n"
       "To: good@example.org\r\n"
       "Cc: Carol <carol@example.org>\r\n"
       "Subject: second message\r\n"
       "Date: " + formatdate() + "\r\n"
       "Message-ID: <selftest-2@example.org>\r\n"
       "MIME-Version: 1.0\r\n"
       'Content-Type: multipart/mixed; boundary="=-=b=-="\r\n'
       "\r\n"
       "--=-=b=-=\r\n"
       "Content-Type: text/plain; charset=us-ascii\r\n"
       "\r\n"
       "hello\r\n"
       "--=-=b=-=\r\n"
       'Content-Type: application/pdf; name="=?UTF-8?Q?proc=C3=A8s-verbal.pdf?="\r\n'
       'Content-Disposition: attachment; filename="=?UTF-8?Q?proc=C3=A8s-verbal.pdf?="\r\n'
       "Content-Transfer-Encoding: base64\r\n"
       "\r\n"
       "JVBERi0xLjQKJSVFT0YK\r\n"
       "--=-=b=-=\r\n"
       "Content-Type: text/plain; charset=utf-8\r\n"
       "Content-Disposition: attachment; filename=notes.txt\r\n"
       "Content-Transfer-Encoding: base64\r\n"
       "\r\n" + notes + "\r\n"
       "--=-=b=-=--\r\n").encode()
refused = s.sendmail("aline@example.org",
                     ["good@example.org", "carol@example.org",
                      "dave@example.org"], raw)
check("A: second message accepted", refused == {}, refused)

expect_error("A: third MAIL FROM gets a dropped connection",
             (smtplib.SMTPServerDisconnected, ConnectionError),
             lambda: s.sendmail("aline@example.org", ["good@example.org"],
                                b"Subject: third\r\n\r\nthird\r\n"))
s.close()
expect_error("A: a fresh connection is refused afterwards",
             ConnectionRefusedError,
             lambda: socket.create_connection(("127.0.0.1", port), timeout=2))
EOF
wait_exit "$A_PID" 3
expect "A: server exits by itself (status 0) after the drop" 0 $?

M=$T/A
expect "A: inspect count" 2 "$(inspect "$M" count)"
expect "A: inspect summary" \
"0001 rcpt=good@example.org to=Bob <good@example.org>, bad@example.org cc=- bcc=- subject=Compte rendu de la réunion — été 2024 attachments=compte-rendu-réunion.pdf message-id=<selftest-1@example.org>
0002 rcpt=good@example.org,carol@example.org,dave@example.org to=good@example.org cc=Carol <carol@example.org> bcc=- subject=second message attachments=procès-verbal.pdf,notes.txt message-id=<selftest-2@example.org>" \
    "$(inspect "$M" summary)"
inspect "$M" attachment 0001 compte-rendu-réunion.pdf "$T/out1.pdf" &&
    cmp -s "$PDF" "$T/out1.pdf"
expect "A: attachment with an RFC 2231 name has the PDF's bytes" 0 $?
inspect "$M" attachment 0002 procès-verbal.pdf "$T/out2.pdf" &&
    [ "$(cat "$T/out2.pdf")" = "$(printf '%%PDF-1.4\n%%%%EOF')" ]
expect "A: attachment with an RFC 2047 name is decoded" 0 $?
inspect "$M" attachment 0002 notes.txt "$T/out3.txt" &&
    cmp -s "$T/notes.txt" "$T/out3.txt"
expect "A: text attachment keeps its bytes" 0 $?
inspect "$M" attachment 0002 missing.pdf "$T/none" 2>/dev/null
expect "A: a missing attachment is an error (exit 1)" 1 $?
expect "A: check 0001" ok "$(inspect "$M" check 0001)"
expect "A: check 0002" ok "$(inspect "$M" check 0002)"
expect "A: recipients-of good@example.org" "0001
0002" "$(inspect "$M" recipients-of good@example.org)"
expect "A: recipients-of dave@example.org (Bcc)" 0002 \
    "$(inspect "$M" recipients-of DAVE@example.org)"
expect "A: recipients-of a refused address" "" \
    "$(inspect "$M" recipients-of bad@example.org)"
expect "A: envelope and session of 0001" \
    "aline@example.org good@example.org user True" \
    "$("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(m["mail_from"], ",".join(m["rcpt_tos"]), m["auth_user"], m["tls"])' \
    "$M/0001.json")"
expect "A: body 0001" "Bonjour,
voici le compte rendu de la réunion." "$(inspect "$M" body 0001)"
for line in "RCPT refused bad@example.org" "DATA accepted 0002" \
        "DROPPED connection at MAIL FROM" "AUTH PLAIN refused user" \
        "AUTH LOGIN ok user" "STARTTLS done" "EXIT close-after"; do
    grep -q "$line" "$M/transcript.log"
    expect "A: transcript has \"$line\"" 0 $?
done
fi

# ------------------------------------------------------------- server B
# Implicit TLS (smtps://) with AUTH; receives a badly formed message.
if start_server B --tls "$T/cert.pem" "$T/key.pem" --implicit-tls \
        --auth alice:s3cret; then
B_PID=$SPID
py_checks PORT="$SPORT" CA="$CA" <<'EOF'
s = smtplib.SMTP_SSL("127.0.0.1", int(ENV["PORT"]), timeout=5,
                     context=tls_context())
s.ehlo("selftest")
check("B: no STARTTLS inside implicit TLS", not s.has_extn("starttls"))
check("B: AUTH offered", s.has_extn("auth"), s.esmtp_features)
e = expect_error("B: wrong password refused", smtplib.SMTPAuthenticationError,
                 lambda: s.login("alice", "nope"))
check("B: wrong password gets 535", getattr(e, "smtp_code", None) == 535, e)
code, resp = s.login("alice", "s3cret")
check("B: right password gets 235", code == 235, (code, resp))
bad = (b"From: alice@example.org\r\n"
       b"To: bob@example.org\r\n"
       b"Bcc: secret@example.org\r\n"
       b"Subject: r\xc3\xa9union\r\n"
       b"MIME-Version: 1.0\r\n"
       b"Content-Type: text/plain\r\n"
       b"\r\n"
       b"caf\xc3\xa9\r\n")
refused = s.sendmail("alice@example.org", ["bob@example.org"], bad)
check("B: message accepted", refused == {}, refused)
s.quit()
EOF
kill -TERM "$B_PID"
wait_exit "$B_PID" 3
expect "B: server exits with status 0 on SIGTERM" 0 $?
M=$T/B
expect "B: envelope and session" "alice True" \
    "$("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(m["auth_user"], m["tls"])' "$M/0001.json")"
out=$(inspect "$M" check 0001)
expect "B: check of a bad message exits 1" 1 $?
expect "B: check lists the problems" \
"no Date header
no Message-ID header
a Bcc header is present: 'secret@example.org'
header Subject has raw 8-bit bytes
the text/plain body part has no charset
MIME part 0 (text/plain) has 8-bit data but Content-Transfer-Encoding 7bit" \
    "$out"
expect "B: summary shows the Bcc header" \
    "0001 rcpt=bob@example.org to=bob@example.org cc=- bcc=secret@example.org" \
    "$(inspect "$M" summary | sed 's/ subject=.*//')"
fi

# ------------------------------------------------------------- server C
# Plain SMTP, no AUTH; exits by itself after --max-seconds.
if start_server C --max-seconds 1.5; then
C_PID=$SPID
py_checks PORT="$SPORT" <<'EOF'
s = smtplib.SMTP("127.0.0.1", int(ENV["PORT"]), timeout=5)
s.ehlo("selftest")
check("C: no STARTTLS, no AUTH offered",
      not s.has_extn("starttls") and not s.has_extn("auth"), s.esmtp_features)
code, resp = s.docmd("AUTH", "PLAIN AHVzZXIAcGFzcw==")
check("C: AUTH not available (502)", code == 502, (code, resp))
refused = s.sendmail("x@example.org", ["y@example.org"],
                     b"Subject: plain\r\n\r\n.leading dot\r\n")
check("C: message accepted", refused == {}, refused)
s.quit()
EOF
expect "C: dot-stuffing undone, bytes kept" \
    "$(printf 'Subject: plain\r\n\r\n.leading dot\r\n' | od -c)" \
    "$(od -c <"$T/C/0001.eml")"
expect "C: envelope and session" "None False" \
    "$("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(m["auth_user"], m["tls"])' "$T/C/0001.json")"
wait_exit "$C_PID" 4
expect "C: server exits by itself (status 0) after --max-seconds" 0 $?
grep -q "EXIT max-seconds" "$T/C/transcript.log"
expect "C: transcript has \"EXIT max-seconds\"" 0 $?
fi

# ------------------------------------------------------------- server D
# Plain SMTP with AUTH (no TLS); stopped with SIGINT.
if start_server D --auth bob:pw; then
D_PID=$SPID
py_checks PORT="$SPORT" <<'EOF'
s = smtplib.SMTP("127.0.0.1", int(ENV["PORT"]), timeout=5)
s.ehlo("selftest")
check("D: AUTH offered without TLS", s.has_extn("auth"), s.esmtp_features)
code, resp = s.mail("bob@example.org")
check("D: MAIL before AUTH refused with 530", code == 530, (code, resp))
code, resp = s.login("bob", "pw")
check("D: right password gets 235", code == 235, (code, resp))
refused = s.sendmail("bob@example.org", ["z@example.org"],
                     b"Subject: d\r\n\r\nd\r\n")
check("D: message accepted", refused == {}, refused)
s.quit()
EOF
kill -INT "$D_PID"
wait_exit "$D_PID" 3
expect "D: server exits with status 0 on SIGINT" 0 $?
expect "D: auth_user without TLS" "bob False" \
    "$("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(m["auth_user"], m["tls"])' "$T/D/0001.json")"
fi

# ------------------------------------------------------------- eml files
if [ -s "$T/good.eml" ]; then
expect "eml: summary" \
    "good rcpt=- to=Bob <good@example.org>, bad@example.org cc=- bcc=- subject=Compte rendu de la réunion — été 2024 attachments=compte-rendu-réunion.pdf message-id=<selftest-1@example.org>" \
    "$(inspect "$T/A" eml "$T/good.eml" summary)"
inspect "$T/A" eml "$T/good.eml" attachment compte-rendu-réunion.pdf \
    "$T/out4.pdf" && cmp -s "$PDF" "$T/out4.pdf"
expect "eml: attachment has the PDF's bytes" 0 $?
inspect "$T/A" eml "$T/good.eml" headers | grep -qx \
    'Subject: Compte rendu de la réunion — été 2024'
expect "eml: headers shows the decoded Subject" 0 $?
expect "eml: check" ok "$(inspect eml "$T/good.eml" check)"
fi
{
    printf 'From: a@example.org\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n'
    printf 'Message-ID: <x@example.org>\nSubject: lf\nMIME-Version: 1.0\n'
    printf 'Content-Type: text/plain; charset=utf-8\n\n'
    printf '%01200d\n' 0
} >"$T/bad.eml"
out=$(inspect eml "$T/bad.eml" check)
expect "eml: check of LF line endings and a long line exits 1" 1 $?
expect "eml: check lists the long line and the bare LFs" \
"line 8 is 1200 octets long (at most 998)
line 1 ends in a bare LF
line 2 ends in a bare LF
line 3 ends in a bare LF
line 4 ends in a bare LF
line 5 ends in a bare LF
... and 3 more such lines" "$out"
inspect "$T/nonexistent" count 2>/dev/null
expect "inspect: a missing maildir is an error (exit 1)" 1 $?
inspect "$T/A" check 0009 2>/dev/null
expect "inspect: a missing message is an error (exit 1)" 1 $?

echo "selftest: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
