#!/usr/bin/env bash
# tests/run.sh — every test of `make check`, one runner, one closing line.
#
# Runs the C unit tests, then the command-line tests: samples valid, every
# file of tests/bad/ failing with its pinned diagnostics, hostile inputs that
# must leak nothing, exit codes, help texts, the data folder, install.
# Ends with "N passed, N failed" and exits non-zero on any failure.
#
# Environment: COPIL (the binary, default build/copil), UNIT (the unit test
# binary), PNGDIFF (the image comparer), FUZZ (the fuzz targets' folder),
# VALGRIND=1 to run tests/valgrind.sh too, REGEN=1 to rewrite the pinned
# diagnostics, page dumps and reference images on purpose (make regen).
set -u
cd "$(dirname "$0")/.."
TMP=${TESTTMP:-tests/tmp}
rm -rf "$TMP" && mkdir -p "$TMP"
# Environment: TESTTMP, the scratch folder (default tests/tmp, emptied first).
. tests/harness.sh

# --- unit tests, samples, phones, schemas -----------------------------------
. tests/unit.sh
. tests/samples.sh
. tests/phones.sh
. tests/schemas.sh

# --- bad files: each fails with its pinned diagnostics, in both languages ---
. tests/bad.sh
. tests/i18n.sh
. tests/man.sh

# --- hostile inputs made at run time, the command line, the data folder -------
. tests/hostile.sh
. tests/cli.sh
. tests/datadir.sh

# --- install / uninstall: tests/install.sh -----------------------------------------
. tests/install.sh

# --- the layout engine ----------------------------------------------------------
. tests/layout.sh
. tests/long-text.sh

# --- the documents -------------------------------------------------------------
. tests/documents.sh
. tests/new.sh
. tests/finish.sh
. tests/public.sh
. tests/batch.sh
. tests/structure.sh
. tests/margins.sh
. tests/tables.sh
. tests/conformance.sh
. tests/faults.sh
. tests/images.sh
. tests/mail.sh
. tests/fuzz/smoke.sh
# Memcheck cannot run a sanitized binary: not under `make SAN=1`.
[ -n "${VALGRIND:-}" ] && . tests/valgrind.sh

if [ -s "$TMP/bad-times" ]; then
    slowest=$(sort -n "$TMP/bad-times" | tail -1)
    echo "slowest bad file: ${slowest%% *} ms (${slowest#* })"
fi
harness_end
