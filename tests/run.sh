#!/usr/bin/env bash
# tests/run.sh — the tests of `make check`: one runner, one closing line.
#
#   tests/run.sh [--update] [PATTERN...]   every area, or those PATTERNs pick
#   tests/run.sh --list [PATTERN...]       what would run, one a line
#   make check T='PATTERN...'              builds what they run, then the same
#   make regen T='PATTERN...'              the same with --update
#
# The suite is made of areas, run in the order of run_areas below; each is a
# file tests/AREA.sh (fuzz-smoke: tests/fuzz/smoke.sh) sourced here after
# tests/harness.sh, and each runs alone. A PATTERN is
#   AREA        an area, by name or shell glob: bad, 'l*'
#   AREA/CASE   cases, by name or glob, in the areas whose cases are files:
#               bad/NAME        tests/bad/NAME.xml, its pinned diagnostics
#               layout/NAME     tests/layout/NAME.layout.xml, its page dump,
#                               its checks and its reference images
#               documents/NAME  samples/NAME.xml, its golden text and image
#               (the other checks of these areas run with the area only)
# Without a PATTERN every area runs, as in CI. A PATTERN that picks nothing is
# an error: exit 2, nothing run. Ends with "N passed, N failed" and exits
# non-zero on any failure.
#
# --update (make regen) rewrites the pinned diagnostics, page dumps, golden
# texts and reference images of what runs, on purpose: review the diff.
# --needs prints which binaries besides copil the picked areas run (UNIT,
# PNGDIFF, FUZZ), for make check to build only those.
#
# Environment: COPIL, UNIT, PNGDIFF, FUZZ (the binaries, defaults in
# tests/harness.sh); VALGRIND=1 adds the area valgrind (make check sets it,
# but not under SAN=1: memcheck cannot run a sanitized binary); TESTTMP, the
# scratch folder (default tests/tmp, emptied first); VERBOSE=1; REGEN=1 is
# --update. The names run_* are the runner's: an area must not set them.
set -u
cd "$(dirname "$0")/.." || exit 2

run_areas=(unit samples phones schemas includes bad i18n man hostile cli datadir install layout long-text
           documents new finish public batch structure margins tables conformance faults images
           dashboard mail serve fuzz-smoke)
[ -n "${VALGRIND:-}" ] && run_areas+=(valgrind)

run_file() { # AREA: the file that holds it
    case $1 in fuzz-smoke) echo tests/fuzz/smoke.sh ;; *) echo "tests/$1.sh" ;; esac
}

run_cases() { # AREA: the names of its cases, one a line; none if they are not files
    local f
    case $1 in
    bad) for f in tests/bad/*.xml; do f=${f##*/}; echo "${f%.xml}"; done ;;
    layout) for f in tests/layout/*.layout.xml; do f=${f##*/}; echo "${f%.layout.xml}"; done ;;
    documents) for f in samples/*.xml; do f=${f##*/}; echo "${f%.xml}"; done ;;
    esac
}

run_needs() { # AREA: the variables of the binaries it runs besides $COPIL
    case $1 in unit) echo UNIT ;; layout | documents) echo PNGDIFF ;; fuzz-smoke) echo FUZZ ;; esac
}

run_mode=run
run_patterns=()
for run_arg; do
    case $run_arg in
    --update) export REGEN=1 ;;
    --list) run_mode=list ;;
    --needs) run_mode=needs ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) echo "tests/run.sh: unknown option $run_arg (tests/run.sh --help)" >&2; exit 2 ;;
    *) run_patterns+=("$run_arg") ;;
    esac
done

# run_whole[AREA]: the area runs whole; run_picked[AREA]: the cases picked
# in it, when it does not.
declare -A run_whole=() run_picked=()
[ ${#run_patterns[@]} = 0 ] && for run_a in "${run_areas[@]}"; do run_whole[$run_a]=1; done
for run_pat in "${run_patterns[@]}"; do
    run_area_pat=${run_pat%%/*} run_case_pat=
    [[ $run_pat == */* ]] && run_case_pat=${run_pat#*/}
    run_hit=0
    for run_a in "${run_areas[@]}"; do
        # shellcheck disable=SC2053 # the pattern is a glob
        [[ $run_a == $run_area_pat ]] || continue
        if [ -z "$run_case_pat" ]; then run_whole[$run_a]=1 run_hit=1; continue; fi
        for run_c in $(run_cases "$run_a"); do
            # shellcheck disable=SC2053
            [[ $run_c == $run_case_pat ]] || continue
            [[ " ${run_picked[$run_a]:-} " == *" $run_c "* ]] || run_picked[$run_a]+=" $run_c"
            run_hit=1
        done
    done
    if [ $run_hit = 0 ]; then
        echo "tests/run.sh: \"$run_pat\" picks nothing. The areas: ${run_areas[*]}." >&2
        echo "AREA/CASE picks cases in bad, layout and documents: tests/run.sh --list 'bad/*'." >&2
        # shellcheck disable=SC2053
        [[ valgrind == $run_area_pat ]] && [ -z "${VALGRIND:-}" ] \
            && echo "valgrind is an area only with VALGRIND=1 (make check, outside SAN=1)." >&2
        exit 2
    fi
done

run_list=()
for run_a in "${run_areas[@]}"; do
    if [ -n "${run_whole[$run_a]:-}" ]; then
        run_list+=("$run_a")
        run_picked[$run_a]=
    elif [ -n "${run_picked[$run_a]:-}" ]; then
        run_list+=("$run_a")
    fi
done

run_print() { # what runs: each area run whole, and each case picked, one a line
    local a c
    for a in "${run_list[@]}"; do
        if [ -z "${run_picked[$a]}" ]; then echo "$a"
        else for c in ${run_picked[$a]}; do echo "$a/$c"; done; fi
    done
}

case $run_mode in
list) run_print; exit 0 ;;
needs)
    for run_a in "${run_list[@]}"; do run_needs "$run_a"; done | sort -u | tr '\n' ' '
    echo
    exit 0 ;;
esac

TMP=${TESTTMP:-tests/tmp}
rm -rf "$TMP" && mkdir -p "$TMP"
. tests/harness.sh
if [ ${#run_patterns[@]} -gt 0 ]; then
    run_say=
    for run_a in "${run_list[@]}"; do
        run_say+=", $run_a"
        # shellcheck disable=SC2086
        [ -n "${run_picked[$run_a]}" ] && run_say+=" ($(set -- ${run_picked[$run_a]}; echo $#) of $(run_cases "$run_a" | wc -l) cases)"
    done
    echo "tests/run.sh: ${run_say#, }"
fi
for run_area in "${run_list[@]}"; do
    PICKED=${run_picked[$run_area]# }
    # shellcheck source=/dev/null
    . "$(run_file "$run_area")"
done
harness_end
