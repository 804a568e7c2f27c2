# tests/includes.sh — who uses whom in src/; sourced by tests/run.sh (or
# alone: bash tests/one.sh includes).
#
# tests/tools/include-graph.py maps each #include to the files that define
# what the header declares and the includer names. The stages must not form
# a cycle (a stage uses only earlier ones, core/, and render/ for the front
# ends), nor the files inside cli/, text/ and render/ (a command does not
# call back into the dispatcher; hyphenation does not read the layout's
# state). pdf/ and validate/ have cycles of their own, printed but not yet
# failed on.
if ! command -v python3 >/dev/null; then
    fail "includes: python3 is needed (make deps)"
elif out=$(python3 tests/tools/include-graph.py src cli text render 2>&1); then
    ok "no cycle between the stages, nor inside cli/, text/ and render/"
else
    fail "a cycle in src/'s include graph" "$(echo "$out" | sed -n '/^cycles:/,$p' | grep -v ': none$')"
fi
# The front ends render through render/ only: none of them reaches a stage
# that render/ wires (paint, finish's writing) to make a PDF itself.
if grep -Eq 'cli_render_(memory|data)|paint_pdf|pdf_finish\(' src/cli/*.c src/mail/*.c tests/fuzz/*.c tests/fuzz/*.h; then
    fail "a front end paints or finishes a PDF itself" "$(grep -En 'cli_render_(memory|data)|paint_pdf|pdf_finish\(' src/cli/*.c src/mail/*.c tests/fuzz/*.c tests/fuzz/*.h)"
else
    ok "the front ends make their PDFs through render/"
fi
