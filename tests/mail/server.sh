# tests/mail/server.sh — sourced: starting and stopping tests/mail/smtpd.py,
# for tests/mail.sh and tests/mail/selftest.sh. Needs PY (Debian's python3).
#
# smtpd_start DIR MAX_SECONDS [smtpd.py options]: a server whose maildir is
#   DIR, writing its port to DIR.port and its messages to DIR.stderr, that
#   exits by itself after MAX_SECONDS. Sets SMTPD_PID and SMTPD_PORT; returns
#   0 once it listens, 1 when it did not within 10 s (or died).
# smtpd_stop PID: SIGTERM, at most 5 s, then SIGKILL.

SMTPD_PY=$(dirname "${BASH_SOURCE[0]}")/smtpd.py

smtpd_start() {
    local dir=$1 max=$2 i
    shift 2
    SMTPD_PORT=
    rm -rf "$dir" "$dir.port"
    "$PY" "$SMTPD_PY" --port-file "$dir.port" --maildir "$dir" --max-seconds "$max" "$@" \
        >"$dir.stderr" 2>&1 </dev/null &
    SMTPD_PID=$!
    for ((i = 0; i < 200; i++)); do # at most 10 s
        [ -s "$dir.port" ] && break
        kill -0 "$SMTPD_PID" 2>/dev/null || break
        sleep 0.05
    done
    SMTPD_PORT=$(cat "$dir.port" 2>/dev/null)
    [[ "$SMTPD_PORT" =~ ^[0-9]+$ ]]
}

smtpd_stop() {
    local i
    kill "$1" 2>/dev/null
    for ((i = 0; i < 100; i++)); do
        kill -0 "$1" 2>/dev/null || break
        sleep 0.05
    done
    kill -9 "$1" 2>/dev/null
    wait "$1" 2>/dev/null
    return 0
}
