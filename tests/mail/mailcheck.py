#!/usr/bin/python3
# mailcheck.py - reads what tests/mail/smtpd.py received (or a single .eml file
# written by `copil mail --eml DIR`) and prints plain lines that the bash tests
# of `copil mail` can compare.
#
# Usage: /usr/bin/python3 tests/mail/mailcheck.py MAILDIR COMMAND [ARGS]
#   count                         number of messages received
#   summary                       one line per message, sorted by file name:
#       NNNN rcpt=<rcpt_tos,...> to=<To|-> cc=<Cc|-> bcc=<Bcc|->
#       subject=<decoded Subject> attachments=<names,...|-> message-id=<id|->
#   attachment NNNN NAME OUTFILE  write the decoded bytes of the attachment
#                                 named NAME of message NNNN to OUTFILE
#   check NNNN                    check message NNNN is well formed; prints
#                                 "ok" or one problem per line (exit 1)
#   recipients-of ADDRESS         NNNN of every message whose envelope
#                                 recipients contain ADDRESS
#   headers NNNN                  "Name: decoded value" for each header
#   body NNNN                     the decoded text/plain body (CRLF -> LF)
#
# Usage: /usr/bin/python3 tests/mail/mailcheck.py eml FILE COMMAND [ARGS]
#   (MAILDIR may also be given before `eml`; it is ignored)
#   summary                       same line format, NNNN is the file's name
#                                 without .eml, rcpt=-
#   attachment NAME OUTFILE       as above
#   headers                       as above
#   body                          as above
#   check                         as above, except that a Bcc header is allowed
#
# Exit status: 0 on success; 1 with a message on stderr when the maildir or a
# message cannot be read or parsed, when an attachment is not found, or when
# `check` finds problems; 2 on a usage error.
#
# Header values are printed decoded (RFC 2047) and unfolded; CR/LF/TAB inside
# a value become spaces so every record stays on one line.  Attachment names
# are decoded (RFC 2231 and RFC 2047) and compared after Unicode NFC
# normalisation.  "Attachments" are all the leaf MIME parts that have a file
# name or a "Content-Disposition: attachment", however deeply nested.

import os
import sys

# Python puts the script's own folder first on sys.path, so a file in it
# named like a standard module would shadow that module.  Drop that entry
# before any other import.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import email.policy  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import unicodedata  # noqa: E402
from email.header import decode_header, make_header  # noqa: E402
from email.parser import BytesParser  # noqa: E402

MAX_LINE = 998          # RFC 5322 2.1.1, octets, without the CRLF
MAX_REPORTED = 5        # problems of one kind listed by `check`
NUMBER_RE = re.compile(r"^(\d{4,})\.json$")
ENCODED_WORD_RE = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
MESSAGE_ID_RE = re.compile(r"^<[^<>@\s]+@[^<>@\s]+>$")


class Failure(Exception):
    """A problem to report on stderr with exit status 1."""


class Usage(Exception):
    """A usage error, exit status 2."""


# ---------------------------------------------------------------- reading

def parse_message(raw, where):
    try:
        return BytesParser(policy=email.policy.default).parsebytes(raw)
    except Exception as e:  # the parser is lenient; this is rare
        raise Failure(f"{where}: cannot parse message: {e}") from e


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise Failure(f"cannot read {path}: {e.strerror}") from e


def message_numbers(maildir):
    if not os.path.isdir(maildir):
        raise Failure(f"{maildir}: no such maildir")
    numbers = []
    for name in os.listdir(maildir):
        m = NUMBER_RE.match(name)
        if m:
            numbers.append(m.group(1))
    return sorted(numbers)


def load(maildir, number):
    """Return (meta dict, raw bytes, parsed message) of message NNNN."""
    if not os.path.isdir(maildir):
        raise Failure(f"{maildir}: no such maildir")
    if not re.fullmatch(r"\d+", number):
        raise Failure(f"{number!r}: a message number is NNNN, e.g. 0001")
    number = f"{int(number):04d}"
    base = os.path.join(maildir, number)
    if not os.path.exists(base + ".json"):
        raise Failure(f"{maildir}: no message {number}")
    try:
        with open(base + ".json", encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError) as e:
        raise Failure(f"{base}.json: cannot read: {e}") from e
    raw = read_bytes(base + ".eml")
    return meta, raw, parse_message(raw, base + ".eml")


def one_line(text):
    return re.sub(r"[\r\n\t]", " ", text)


def header_text(msg, name):
    """Decoded, unfolded value(s) of a header, or None when absent."""
    values = msg.get_all(name)
    if not values:
        return None
    return ", ".join(one_line(str(v)) for v in values)


def decode_name(name):
    """A file name, with RFC 2047 encoded-words decoded if any are left."""
    if name is not None and ENCODED_WORD_RE.search(name):
        try:
            name = str(make_header(decode_header(name)))
        except Exception:
            pass
    return name


def attachments(msg):
    """[(file name or None, part)] of the leaf parts that are attachments."""
    found = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        name = decode_name(part.get_filename())
        if name is not None or part.is_attachment():
            found.append((name, part))
    return found


def attachment_bytes(part):
    content = part.get_content()
    if isinstance(content, bytes):
        return content
    # text/* attachments: get_content() decodes the charset; keep the bytes
    payload = part.get_payload(decode=True)
    return payload if payload is not None else b""


def text_body_part(msg):
    """The first text/plain part that is not an attachment, or None."""
    for part in msg.walk():
        if part.is_multipart():
            continue
        if (part.get_content_type() == "text/plain"
                and not part.is_attachment()
                and part.get_filename() is None):
            return part
    return None


def nfc(text):
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------- commands

def summary_line(number, rcpt_tos, msg):
    def field(value):
        return "-" if value is None or value == "" else value
    names = [n if n is not None else "(unnamed)" for n, _ in attachments(msg)]
    return " ".join([
        number,
        "rcpt=" + field(",".join(rcpt_tos) if rcpt_tos is not None else None),
        "to=" + field(header_text(msg, "To")),
        "cc=" + field(header_text(msg, "Cc")),
        "bcc=" + field(header_text(msg, "Bcc")),
        "subject=" + field(header_text(msg, "Subject")),
        "attachments=" + field(",".join(names)),
        "message-id=" + field(header_text(msg, "Message-ID")),
    ])


def write_attachment(msg, name, outfile, where):
    available = attachments(msg)
    for part_name, part in available:
        if part_name is not None and nfc(part_name) == nfc(name):
            try:
                data = attachment_bytes(part)
            except Exception as e:
                raise Failure(f"{where}: cannot decode attachment {name!r}:"
                              f" {e}") from e
            try:
                with open(outfile, "wb") as f:
                    f.write(data)
            except OSError as e:
                raise Failure(f"cannot write {outfile}: {e.strerror}") from e
            return
    names = ", ".join(repr(n) for n, _ in available) or "none"
    raise Failure(f"{where}: no attachment named {name!r}"
                  f" (attachments: {names})")


def print_headers(msg):
    for name, value in msg.items():
        print(f"{name}: {one_line(str(value))}")


def print_body(msg, where):
    part = text_body_part(msg)
    if part is None:
        raise Failure(f"{where}: no text/plain body part")
    try:
        text = part.get_content()
    except Exception as e:
        raise Failure(f"{where}: cannot decode the text/plain body: {e}") \
            from e
    text = text.replace("\r\n", "\n")
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def has_surrogates(text):
    return any("\udc80" <= c <= "\udcff" for c in text)


def check_lines(raw):
    """Every line at most 998 octets and ending in CRLF."""
    problems = {"long": [], "lf": [], "cr": []}
    lines = raw.split(b"\n")
    last = lines.pop()      # b"" when raw ends with "\n"
    for i, line in enumerate(lines, 1):
        if not line.endswith(b"\r"):
            problems["lf"].append(f"line {i} ends in a bare LF")
        else:
            line = line[:-1]
        if b"\r" in line:
            problems["cr"].append(f"line {i} contains a bare CR")
        if len(line) > MAX_LINE:
            problems["long"].append(f"line {i} is {len(line)} octets long"
                                    f" (at most {MAX_LINE})")
    out = []
    for kind in ("long", "lf", "cr"):
        found = problems[kind]
        out.extend(found[:MAX_REPORTED])
        if len(found) > MAX_REPORTED:
            out.append(f"... and {len(found) - MAX_REPORTED} more such lines")
    if last:
        out.append(f"line {len(lines) + 1} (the last) does not end in CRLF")
    if not raw:
        out.append("the message is empty")
    return out


def check_message(raw, msg, allow_bcc=False):
    problems = check_lines(raw)

    for name in ("From", "Date", "Message-ID", "Subject", "MIME-Version"):
        n = len(msg.get_all(name) or [])
        if n == 0:
            problems.append(f"no {name} header")
        elif n > 1:
            problems.append(f"{n} {name} headers")
    for name in ("To", "Cc", "Reply-To", "Sender"):
        n = len(msg.get_all(name) or [])
        if n > 1:
            problems.append(f"{n} {name} headers")

    if msg["From"] is not None:
        try:
            addresses = msg["From"].addresses
            if not addresses or not all("@" in a.addr_spec
                                        for a in addresses):
                problems.append(f"From has no valid address:"
                                f" {one_line(str(msg['From']))!r}")
        except Exception as e:
            problems.append(f"From cannot be parsed: {e}")
    for name in ("To", "Cc"):
        if msg[name] is not None:
            try:
                if not all("@" in a.addr_spec for a in msg[name].addresses):
                    problems.append(f"{name} has an invalid address:"
                                    f" {one_line(str(msg[name]))!r}")
            except Exception as e:
                problems.append(f"{name} cannot be parsed: {e}")
    if msg["Date"] is not None:
        try:
            if msg["Date"].datetime is None:
                raise ValueError("no date")
        except Exception:
            problems.append(f"Date cannot be parsed:"
                            f" {one_line(str(msg['Date']))!r}")
    if msg["Message-ID"] is not None:
        mid = str(msg["Message-ID"]).strip()
        if not MESSAGE_ID_RE.match(mid):
            problems.append(f"Message-ID is not <left@right>: {mid!r}")
    if msg["MIME-Version"] is not None:
        if str(msg["MIME-Version"]).strip() != "1.0":
            problems.append(f"MIME-Version is not 1.0:"
                            f" {str(msg['MIME-Version'])!r}")
    if msg["Subject"] is not None:
        header = msg["Subject"]
        subject = str(header)
        if has_surrogates(subject) or "\ufffd" in subject:
            problems.append(f"Subject does not decode to valid text:"
                            f" {subject!r}")
        elif ENCODED_WORD_RE.search(subject):
            problems.append(f"Subject keeps an undecoded encoded-word:"
                            f" {subject!r}")
        for defect in header.defects:
            problems.append(f"Subject: {defect}")
    if not allow_bcc and msg.get_all("Bcc"):
        problems.append(f"a Bcc header is present:"
                        f" {header_text(msg, 'Bcc')!r}")

    # Raw 8-bit bytes in any header (they should be RFC 2047/2231 encoded).
    for index, part in enumerate(msg.walk()):
        where = "" if index == 0 else f" (MIME part {index})"
        for name, value in part.raw_items():
            if has_surrogates(str(value)):
                problems.append(f"header {name}{where} has raw 8-bit bytes")

    body = text_body_part(msg)
    if body is None:
        problems.append("no text/plain body part")
    else:
        charset = body.get_param("charset")
        if not charset:
            problems.append("the text/plain body part has no charset")
        else:
            try:
                body.get_content()
            except Exception as e:
                problems.append(f"the text/plain body does not decode as"
                                f" {charset}: {e}")

    for index, part in enumerate(msg.walk()):
        if part.is_multipart():
            continue
        cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip()
        payload = part.get_payload()
        if (cte.lower() == "7bit" and isinstance(payload, str)
                and (has_surrogates(payload) or not payload.isascii())):
            problems.append(f"MIME part {index} ({part.get_content_type()})"
                            f" has 8-bit data but Content-Transfer-Encoding"
                            f" {cte}")
        if part.is_attachment() or part.get_filename() is not None:
            try:
                attachment_bytes(part)
            except Exception as e:
                problems.append(f"MIME part {index}: cannot decode the"
                                f" attachment: {e}")

    # Structural defects noted by the parser (and by the decoding above).
    for index, part in enumerate(msg.walk()):
        where = "message" if index == 0 else f"MIME part {index}"
        for defect in part.defects:
            problems.append(f"{where}: {type(defect).__name__}: {defect}")
    return problems


def report_check(problems):
    if problems:
        for p in problems:
            print(p)
        return 1
    print("ok")
    return 0


# ---------------------------------------------------------------- main

def run_eml(args):
    if len(args) < 2:
        raise Usage("eml FILE COMMAND [ARGS]")
    path, command, rest = args[0], args[1], args[2:]
    raw = read_bytes(path)
    msg = parse_message(raw, path)
    if command == "summary" and not rest:
        stem = os.path.basename(path)
        if stem.endswith(".eml"):
            stem = stem[:-4]
        print(summary_line(stem, None, msg))
    elif command == "attachment" and len(rest) == 2:
        write_attachment(msg, rest[0], rest[1], path)
    elif command == "headers" and not rest:
        print_headers(msg)
    elif command == "body" and not rest:
        print_body(msg, path)
    elif command == "check" and not rest:
        return report_check(check_message(raw, msg, allow_bcc=True))
    else:
        raise Usage(f"eml FILE: unknown command or wrong arguments:"
                    f" {' '.join([command] + rest)}")
    return 0


def run(argv):
    if len(argv) >= 2 and argv[1] == "eml":     # MAILDIR eml FILE ...
        return run_eml(argv[2:])
    if argv and argv[0] == "eml":                 # eml FILE ...
        return run_eml(argv[1:])
    if len(argv) < 2:
        raise Usage("MAILDIR COMMAND [ARGS]")
    maildir, command, rest = argv[0], argv[1], argv[2:]

    if command == "count" and not rest:
        print(len(message_numbers(maildir)))
    elif command == "summary" and not rest:
        for number in message_numbers(maildir):
            meta, _, msg = load(maildir, number)
            print(summary_line(number, meta.get("rcpt_tos", []), msg))
    elif command == "attachment" and len(rest) == 3:
        _, _, msg = load(maildir, rest[0])
        write_attachment(msg, rest[1], rest[2],
                         os.path.join(maildir, rest[0] + ".eml"))
    elif command == "check" and len(rest) == 1:
        _, raw, msg = load(maildir, rest[0])
        return report_check(check_message(raw, msg))
    elif command == "recipients-of" and len(rest) == 1:
        wanted = rest[0].lower()
        for number in message_numbers(maildir):
            meta, _, _ = load(maildir, number)
            if wanted in (r.lower() for r in meta.get("rcpt_tos", [])):
                print(number)
    elif command == "headers" and len(rest) == 1:
        _, _, msg = load(maildir, rest[0])
        print_headers(msg)
    elif command == "body" and len(rest) == 1:
        _, _, msg = load(maildir, rest[0])
        print_body(msg, os.path.join(maildir, rest[0] + ".eml"))
    else:
        raise Usage(f"unknown command or wrong arguments:"
                    f" {' '.join([command] + rest)}")
    return 0


def main():
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
    prog = "mailcheck.py"
    try:
        return run(sys.argv[1:])
    except Usage as e:
        print(f"usage: {prog} {e}\n(see the comment at the top of"
              f" {__file__})", file=sys.stderr)
        return 2
    except Failure as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # a message the email package chokes on
        print(f"{prog}: unexpected error: {type(e).__name__}: {e}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
