#!/usr/bin/env bash
# tests/one.sh — runs some areas of the suite alone: bash tests/one.sh bad i18n
#
# Each NAME is a file tests/NAME.sh that tests/run.sh sources; it runs here
# with the same harness, against build/copil (COPIL to change), in its own
# scratch folder tests/tmp/one-NAME. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. tests/harness.sh
for name in "$@"; do
    TMP=tests/tmp/one-$name
    rm -rf "$TMP" && mkdir -p "$TMP"
    . "tests/$name.sh"
done
harness_end
