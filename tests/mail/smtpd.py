#!/usr/bin/python3
# smtpd.py - a real SMTP server on 127.0.0.1 for the `copil mail` tests.
#
# It is built on aiosmtpd (Debian's python3-aiosmtpd 1.4.3) and stores every
# message it accepts in a "maildir" so that a test can check what copil sent:
#
#   DIR/0001.eml      the exact bytes received in DATA (dot-unstuffed, CRLF)
#   DIR/0001.json     {"mail_from", "rcpt_tos", "auth_user", "tls", ...}
#   DIR/transcript.log  one line per SMTP event (CONNECT, STARTTLS, AUTH,
#                       MAIL, RCPT accepted/refused, DATA accepted, DROPPED...)
#   DIR/aiosmtpd.log    aiosmtpd's own log, for diagnosing a failing test
#
# Each .eml/.json is written to a temporary name and renamed, the .json last,
# so a reader that sees NNNN.json can read NNNN.eml.
#
# Usage:
#   /usr/bin/python3 tests/mail/smtpd.py --port-file FILE --maildir DIR
#       [--tls CERT KEY] [--require-starttls] [--implicit-tls]
#       [--auth USER:PASSWORD] [--refuse ADDRESS]... [--close-after N]
#       [--max-seconds S]
#
# The server listens on an ephemeral port of 127.0.0.1 and, once listening,
# writes the port number (digits and a newline) atomically to FILE.  It stops
# cleanly (exit status 0) on SIGTERM/SIGINT, after --max-seconds, and shortly
# after the connection drop of --close-after.  Run it with `/usr/bin/python3`,
# see --help for the options.

import os
import sys

# Python puts the script's own folder first on sys.path, so a file in it
# named like a standard module would shadow that module.  Drop that entry
# before any other import.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import signal  # noqa: E402
import ssl  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

from aiosmtpd.smtp import SMTP, AuthResult  # noqa: E402


def write_atomically(path, data):
    """Write bytes to path through a temporary file in the same directory."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class State:
    """What all connections share: options, counters, the transcript."""

    def __init__(self, args):
        self.args = args
        self.maildir = args.maildir
        self.refused = {a.lower() for a in args.refuse}
        self.accepted = 0          # messages answered 250 after DATA
        self.dropped = False       # --close-after has fired
        self.server = None         # the asyncio listening server
        self.connections = set()   # TestSMTP instances still connected
        self.stop = None           # asyncio.Event, set to make main() return
        self.exit_reason = None
        self.transcript = open(os.path.join(self.maildir, "transcript.log"),
                               "a", encoding="utf-8", errors="backslashreplace")

    def log(self, line):
        if self.transcript.closed:
            return
        stamp = time.strftime("%H:%M:%S")
        self.transcript.write(f"{stamp} {line}\n")
        self.transcript.flush()

    def request_stop(self, reason):
        if self.exit_reason is None:
            self.exit_reason = reason
        self.stop.set()


def peer_of(server):
    peer = server.session.peer if server.session else None
    if isinstance(peer, tuple) and len(peer) >= 2:
        return f"{peer[0]}:{peer[1]}"
    return str(peer)


def is_tls(server):
    transport = server.transport
    return (transport is not None
            and transport.get_extra_info("ssl_object") is not None)


class Handler:
    """aiosmtpd handler hooks: refuse recipients, store messages."""

    def __init__(self, state):
        self.state = state

    async def handle_EHLO(self, server, session, envelope, hostname,
                          responses):
        session.host_name = hostname
        if not self.state.args.auth:
            # Without --auth the server does not offer AUTH at all.
            responses = [r for r in responses if not r[4:].startswith("AUTH")]
        return responses

    def handle_STARTTLS(self, server, session, envelope):
        # Called (not awaited) by aiosmtpd once the TLS handshake is done.
        self.state.log(f"STARTTLS done {peer_of(server)}")
        return True

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        if address.lower() in self.state.refused:
            self.state.log(f"RCPT refused {address}")
            return f"550 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        self.state.log(f"RCPT accepted {address}")
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        state = self.state
        state.accepted += 1
        number = f"{state.accepted:04d}"
        content = envelope.original_content
        if isinstance(content, str):  # only with decode_data=True
            content = content.encode("utf-8", "surrogateescape")
        auth_user = None
        if session.authenticated:
            auth_user = session.auth_data
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_user": auth_user,
            "tls": is_tls(server),
            "mail_options": list(envelope.mail_options),
            "peer": peer_of(server),
        }
        base = os.path.join(state.maildir, number)
        write_atomically(base + ".eml", content)
        write_atomically(base + ".json",
                         (json.dumps(meta, indent=1) + "\n").encode("utf-8"))
        state.log(f"DATA accepted {number} ({len(content)} bytes)"
                  f" from={envelope.mail_from}"
                  f" rcpt={','.join(envelope.rcpt_tos)}")
        return f"250 2.0.0 OK queued as {number}"


class TestSMTP(SMTP):
    """aiosmtpd's SMTP with logging and the --close-after connection drop."""

    def __init__(self, handler, state, **kwargs):
        super().__init__(handler, **kwargs)
        self.state = state

    def connection_made(self, transport):
        # Called again, with the TLS transport, after STARTTLS.
        first = self.transport is None
        super().connection_made(transport)
        if first:
            self.state.connections.add(self)
            self.state.log(f"CONNECT {peer_of(self)}")

    def connection_lost(self, error):
        self.state.connections.discard(self)
        self.state.log(f"DISCONNECT {peer_of(self)}"
                       + (f" ({error!r})" if error else ""))
        super().connection_lost(error)

    def abort(self):
        """Drop the TCP connection at once, without any SMTP answer."""
        raw = self._original_transport or self.transport
        if raw is not None:
            raw.abort()

    async def push(self, status):
        # Every 4xx/5xx reply goes to the transcript (the refused RCPT is
        # already logged by Handler.handle_RCPT).
        text = (status.decode("utf-8", "backslashreplace")
                if isinstance(status, bytes) else status)
        if text[:1] in ("4", "5") and not text.startswith("550 5.1.1 "):
            self.state.log(f"REPLY {text}")
        await super().push(status)

    async def smtp_MAIL(self, arg):
        state = self.state
        limit = state.args.close_after
        if limit is not None and state.accepted >= limit:
            # Simulate a server going away: no answer, connection dropped,
            # no new connection accepted, exit shortly after.
            state.log(f"DROPPED connection at MAIL {arg}"
                      f" (after {state.accepted} accepted messages)")
            if not state.dropped:
                state.dropped = True
                state.server.close()        # stop listening right now
                asyncio.get_running_loop().call_later(
                    1.0, state.request_stop, "close-after")
            self.abort()
            # connection_lost() cancels this task very soon.
            await asyncio.sleep(5)
            return
        state.log(f"MAIL {arg}")
        await super().smtp_MAIL(arg)

    async def smtp_AUTH(self, arg):
        if not self.state.args.auth:
            await self.push("502 5.5.1 AUTH not available")
            return
        await super().smtp_AUTH(arg)


def make_authenticator(state, user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode("utf-8", "backslashreplace")
        ok = (auth_data.login == user.encode("utf-8")
              and auth_data.password == password.encode("utf-8"))
        state.log(f"AUTH {mechanism} {'ok' if ok else 'refused'} {login}")
        if ok:
            return AuthResult(success=True, auth_data=login)
        # handled=False without message: aiosmtpd answers
        # "535 5.7.8 Authentication credentials invalid".
        return AuthResult(success=False, handled=False)
    return authenticator


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="SMTP server on 127.0.0.1 for the copil mail tests")
    p.add_argument("--port-file", required=True,
                   help="where to write the listening port, atomically")
    p.add_argument("--maildir", required=True,
                   help="where to store NNNN.eml, NNNN.json, transcript.log")
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"),
                   help="offer STARTTLS with this certificate (PEM files)")
    p.add_argument("--require-starttls", action="store_true",
                   help="refuse everything but EHLO/NOOP/QUIT before STARTTLS")
    p.add_argument("--implicit-tls", action="store_true",
                   help="TLS from the first byte (smtps://); needs --tls")
    p.add_argument("--auth", metavar="USER:PASSWORD",
                   help="require AUTH PLAIN/LOGIN with these credentials")
    p.add_argument("--refuse", metavar="ADDRESS", action="append", default=[],
                   help="answer 550 to RCPT TO this address (repeatable)")
    p.add_argument("--close-after", metavar="N", type=int,
                   help="after N accepted messages, drop the connection at "
                        "the next MAIL FROM, stop listening and exit")
    p.add_argument("--max-seconds", metavar="S", type=float, default=60.0,
                   help="exit by itself after S seconds (default 60)")
    args = p.parse_args(argv)
    if args.implicit_tls and not args.tls:
        p.error("--implicit-tls needs --tls CERT KEY")
    if args.require_starttls and not args.tls:
        p.error("--require-starttls needs --tls CERT KEY")
    if args.require_starttls and args.implicit_tls:
        p.error("--require-starttls and --implicit-tls exclude each other")
    if args.auth is not None and ":" not in args.auth:
        p.error("--auth wants USER:PASSWORD")
    if args.close_after is not None and args.close_after < 0:
        p.error("--close-after wants N >= 0")
    return args


async def main(args):
    os.makedirs(args.maildir, exist_ok=True)
    state = State(args)
    state.stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    log_handler = logging.FileHandler(os.path.join(args.maildir,
                                                   "aiosmtpd.log"))
    log_handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(message)s"))
    mail_log = logging.getLogger("mail.log")
    mail_log.addHandler(log_handler)
    mail_log.setLevel(logging.INFO)
    mail_log.propagate = False
    asyncio_log = logging.getLogger("asyncio")
    asyncio_log.addHandler(log_handler)
    asyncio_log.propagate = False

    tls_context = None
    if args.tls:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls[0], args.tls[1])

    smtp_kwargs = dict(
        hostname="localhost",   # avoid socket.getfqdn(), slow without DNS
        decode_data=False,
        enable_SMTPUTF8=True,
        loop=loop,
    )
    if tls_context and not args.implicit_tls:
        smtp_kwargs["tls_context"] = tls_context
        smtp_kwargs["require_starttls"] = args.require_starttls
    if args.auth:
        user, _, password = args.auth.partition(":")
        smtp_kwargs["authenticator"] = make_authenticator(state, user,
                                                          password)
        smtp_kwargs["auth_required"] = True
    # AUTH is only offered over TLS when there is STARTTLS.  With implicit
    # TLS aiosmtpd does not know the connection is encrypted (it only looks
    # at its own STARTTLS layer), so it must not require TLS for AUTH.
    smtp_kwargs["auth_require_tls"] = bool(args.tls) and not args.implicit_tls

    handler = Handler(state)

    def factory():
        with warnings.catch_warnings():
            # "Requiring AUTH while not requiring TLS" (plain --auth tests)
            warnings.simplefilter("ignore")
            return TestSMTP(handler, state, **smtp_kwargs)

    state.server = await loop.create_server(
        factory, host="127.0.0.1", port=0,
        ssl=tls_context if args.implicit_tls else None)
    port = state.server.sockets[0].getsockname()[1]

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, state.request_stop,
                                signal.Signals(signum).name)
    loop.call_later(args.max_seconds, state.request_stop, "max-seconds")

    mode = ("implicit-tls" if args.implicit_tls
            else "starttls" if args.tls else "plain")
    state.log(f"LISTENING 127.0.0.1:{port} {mode}"
              f"{' auth' if args.auth else ''}"
              f"{' require-starttls' if args.require_starttls else ''}")
    write_atomically(args.port_file, f"{port}\n".encode("ascii"))

    await state.stop.wait()

    state.log(f"EXIT {state.exit_reason} ({state.accepted} accepted)")
    state.server.close()
    for connection in list(state.connections):
        connection.abort()
    await asyncio.sleep(0.05)   # let the aborted connections wind down
    state.transcript.close()
    log_handler.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
    except KeyboardInterrupt:
        sys.exit(0)
