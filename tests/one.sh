#!/usr/bin/env bash
# tests/one.sh — kept for habit: tests/run.sh runs some areas alone itself
# (tests/run.sh bad i18n; tests/run.sh --help).
exec bash "$(dirname "$0")/run.sh" "$@"
