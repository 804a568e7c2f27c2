# tests/serve.sh — copil serve, sourced by tests/run.sh.
#
# Starts `copil serve` (which runs copil-serve) on a copy of the samples in
# $TMP/serve, on a port the system chooses, reads the address on its first
# line and asks it with curl, as a browser and as an intruder would:
#  - the gate: no token, a wrong token, a token in a cookie of another name
#    → 403; the printed address → 303 to / with the cookie (HttpOnly,
#    SameSite=Strict), which then opens every page; a Host other than
#    127.0.0.1:PORT or localhost:PORT (DNS rebinding) → 403 even with the
#    cookie; a POST without Origin or from another origin → 403; a body over
#    1 MiB → 413; a PUT → 405; every page with its security headers;
#  - names: ../, an absolute path, a sub-folder, a hidden file, a symbolic
#    link to a file outside the folder (which the home page does not list
#    either) → 404;
#  - the home page lists each sample under its kind, valid, and a broken file
#    "to correct (N problems)"; a file named with markup is escaped; French
#    with LANG=fr_FR.UTF-8;
#  - a file's page shows its problems with their lines, in copil validate's
#    words; a valid file's page offers its documents;
#  - /pdf is the PDF copil render makes, byte for byte (full and public
#    copy), inline or as a download with its file name; a file with problems
#    gets a page that says so (409);
#  - two renders asked at once both arrive;
#  - the form (tests/serve/form.py posts it as a browser would): labelled
#    from the schema, every field with its label; saved unchanged, the file
#    keeps its bytes; two values changed, only their lines change (comments
#    kept, text escaped); running text typed as paragraphs and "- " or
#    "1. " lines becomes <p>, <ul> and <ol>; a save over a file changed
#    since is refused (409)
#    with what differs; an invalid draft is saved and its problem shows
#    beside its field and in the summary; two saves at once from one form:
#    one written, one refused; no form for a file that is not XML; an
#    element the file lacks added from its declaration (a vote), attributes
#    typed, added or emptied; a meeting's record drafted from its previous
#    meeting (open actions followed up, objectives to evaluate);
#  - SIGTERM stops the server (exit 0);
#  - in a real browser (tests/browser/story.js: Debian's Chromium driven by
#    playwright-core, axe-core in each page), a principal's story: the
#    printed address, the home page in French, the keyboard's first stop
#    visibly focused, a file with a wrong date, its form with the French
#    error beside the date, corrected and saved with Enter, its PDF
#    downloaded and read by pdfinfo and pdftotext; a sample saved unchanged
#    keeps its bytes and its PDF's; a mission letter created from the
#    template, filled in, its wrong report date corrected, downloaded; an
#    agenda's record written, following up the previous meeting.
# The server started here is stopped at the end, whatever happens.

SV=$TMP/serve
mail_count_srv() { "$PY" tests/mail/mailcheck.py "$SV/tls/srv" count 2>/dev/null || echo 0; }
rm -rf "$SV" && mkdir -p "$SV/docs/sub" "$SV/outside"
cp samples/*.xml "$SV/docs/"
cp tests/bad/date-month-13.xml "$SV/docs/broken.xml"
cp samples/college-2026-t1.xml "$SV/docs/sub/hidden-away.xml"
cp samples/college-2026-t1.xml "$SV/docs/.hidden.xml"
cp samples/college-2026-t1.xml "$SV/outside/secret.xml"
ln -s "$PWD/$SV/outside/secret.xml" "$SV/docs/link.xml"
cp samples/college-2026-t2.xml "$SV/docs/<b>&\"odd'.xml"
# The samples name their logos beside them.
for f in samples/*.png samples/*.svg; do [ -e "$f" ] && cp "$f" "$SV/docs/"; done

serve_pid=
serve_stop() { [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null; serve_pid=; }
# serve_start [ENV...]: starts the server on $SV/docs; sets URL, BASE, PORT, TOKEN.
# (Its home and configuration are folders of the test, never the user's:
# no mail settings or password of theirs is read.)
serve_start() {
    mkdir -p "$SV/home" "$SV/config"
    : >"$SV/stdout" # emptied here, not in the child: never the last server's address
    env -u COPIL_SMTP_USER -u COPIL_SMTP_PASSWORD HOME="$(cd "$SV/home" && pwd)" \
        XDG_CONFIG_HOME="$(cd "$SV/config" && pwd)" "$@" \
        "$COPIL" serve "$SV/docs" >"$SV/stdout" 2>"$SV/stderr" </dev/null &
    serve_pid=$!
    URL=
    for _ in $(seq 100); do
        URL=$(head -1 "$SV/stdout" 2>/dev/null)
        [ -n "$URL" ] && break
        sleep 0.1
    done
    PORT=$(printf '%s' "$URL" | sed -n 's|^http://127\.0\.0\.1:\([0-9]*\)/?token=[0-9a-f]*$|\1|p')
    TOKEN=${URL##*token=}
    BASE=http://127.0.0.1:$PORT
}
# get PATH [CURL ARGS...]: the status code; the body in $SV/body, headers in $SV/head.
get() {
    local path=$1; shift
    curl -s -o "$SV/body" -D "$SV/head" -w '%{http_code}' --max-time 120 "$@" "$BASE$path"
}
CK=()

if ! command -v curl >/dev/null; then
    fail "serve: curl is needed (make deps)"
else
    serve_start
    if [ -z "$PORT" ] || [ ${#TOKEN} != 32 ]; then
        fail "serve: the first line is the address with a 128-bit token" "$(cat "$SV/stdout" "$SV/stderr")"
    else
        ok "serve: the first line is http://127.0.0.1:PORT/?token=<32 hex digits>"
        CK=(-b "copil_$PORT=$TOKEN")

        # --- the gate -------------------------------------------------------
        [ "$(get /)" = 403 ] && grep -q 'token' "$SV/body" && ok "serve: no token, 403 with a page that says how" \
            || fail "serve: no token" "$(head -c 300 "$SV/body")"
        [ "$(get "/?token=0123456789abcdef0123456789abcdef")" = 403 ] && ok "serve: a wrong token, 403" || fail "serve: a wrong token"
        [ "$(get / -b "copil_1=$TOKEN")" = 403 ] && ok "serve: the token under another cookie's name, 403" || fail "serve: another cookie"
        [ "$(get "/file?f=college-2026-t1.xml&token=$TOKEN" -X POST -H "Origin: $BASE")" = 403 ] \
            && ok "serve: the token in a POST's address is not enough" || fail "serve: token in a POST address"
        code=$(get "/?token=$TOKEN")
        if [ "$code" = 303 ] && grep -qi "^set-cookie: copil_$PORT=$TOKEN; Path=/; HttpOnly; SameSite=Strict" "$SV/head" \
            && grep -qi '^location: /' "$SV/head"; then
            ok "serve: the printed address sets the cookie (HttpOnly, SameSite=Strict) and goes to /"
        else
            fail "serve: the printed address ($code)" "$(cat "$SV/head")"
        fi
        [ "$(get / "${CK[@]}")" = 200 ] && ok "serve: the cookie opens the home page" || fail "serve: the cookie"
        grep -qi "^content-security-policy: default-src 'none'" "$SV/head" && grep -qi '^x-content-type-options: nosniff' "$SV/head" \
            && grep -qi '^cache-control: no-store' "$SV/head" && grep -qi '^x-frame-options: DENY' "$SV/head" \
            && ok "serve: pages carry CSP, nosniff, no-store, DENY" || fail "serve: security headers" "$(cat "$SV/head")"
        [ "$(get / "${CK[@]}" -H "Host: evil.example:$PORT")" = 403 ] && ok "serve: a foreign Host, 403 even with the cookie" \
            || fail "serve: foreign Host"
        [ "$(get / "${CK[@]}" -H "Host: 127.0.0.1:1")" = 403 ] && ok "serve: its address with another port, 403" \
            || fail "serve: Host with another port"
        [ "$(get / "${CK[@]}" -H "Host: localhost:$PORT")" = 200 ] && ok "serve: localhost:PORT is its own name" \
            || fail "serve: localhost:PORT"
        [ "$(get / "${CK[@]}" -X POST -d x=1)" = 403 ] && ok "serve: a POST without Origin, 403" || fail "serve: POST without Origin"
        [ "$(get / "${CK[@]}" -X POST -d x=1 -H 'Origin: http://evil.example')" = 403 ] \
            && ok "serve: a POST from another origin, 403" || fail "serve: POST cross-origin"
        [ "$(get / "${CK[@]}" -X POST -d x=1 -H "Origin: http://localhost:$PORT")" = 404 ] \
            && ok "serve: a POST from its own origin passes the gate (to no page: 404)" || fail "serve: POST own origin"
        head -c 1100000 /dev/zero >"$SV/big"
        [ "$(get / "${CK[@]}" -X POST -H "Origin: $BASE" --data-binary "@$SV/big")" = 413 ] \
            && ok "serve: a body over 1 MiB, 413" || fail "serve: oversize body"
        [ "$(get / "${CK[@]}" -X POST -H "Origin: $BASE" -H 'Transfer-Encoding: chunked' --data-binary "@$SV/big")" = 413 ] \
            && ok "serve: a chunked body over 1 MiB, 413" || fail "serve: oversize chunked body"
        [ "$(get / "${CK[@]}" -X PUT -d x)" = 405 ] && ok "serve: PUT, 405" || fail "serve: PUT"

        # --- names ------------------------------------------------------------
        for bad in ../outside/secret.xml "$PWD/$SV/outside/secret.xml" sub/hidden-away.xml .hidden.xml link.xml \
            nothing.xml college-2026-t1 'college-2026-t1.xml%00'; do
            code=$(get "/file?f=$(printf '%s' "$bad" | sed 's|/|%2F|g')" "${CK[@]}")
            [ "$code" = 404 ] && ok "serve: /file?f=$bad, 404" || fail "serve: /file?f=$bad gave $code"
        done
        code=$(get "/pdf?f=..%2Foutside%2Fsecret.xml" "${CK[@]}")
        [ "$code" = 404 ] && ok "serve: no PDF of a file outside the folder" || fail "serve: pdf outside ($code)"

        # --- the home page ---------------------------------------------------
        get / "${CK[@]}" >/dev/null
        miss=
        for f in samples/*.xml; do grep -q "f=$(basename "$f")\"" "$SV/body" || miss+=" $(basename "$f")"; done
        [ -z "$miss" ] && ok "serve: the home page lists every sample" || fail "serve: home misses$miss"
        grep -q 'Meetings: agendas and minutes' "$SV/body" && grep -q 'Mission letters' "$SV/body" \
            && grep -q 'Activity reports' "$SV/body" && ok "serve: the files grouped by kind" || fail "serve: groups"
        # What the home page keeps between visits follows the files: a file
        # changed, or one it names (the previous meeting), is validated again.
        cp "$SV/docs/college-2026-t1.xml" "$SV/t1-kept.xml"
        sed -i 's|<objective id="o1"|<objective id="o9"|' "$SV/docs/college-2026-t1.xml"
        get / "${CK[@]}" >/dev/null
        t2_after=$(grep -o 'f=college-2026-t2.xml".*' "$SV/body" | grep -o 'to correct ([0-9]* problems\?)')
        cp "$SV/t1-kept.xml" "$SV/docs/college-2026-t1.xml"
        get / "${CK[@]}" >/dev/null
        t2_back=$(grep -o 'f=college-2026-t2.xml".*' "$SV/body" | grep -o 'class="tag ok">valid<')
        [ -n "$t2_after" ] && [ -n "$t2_back" ] \
            && ok "serve: the home page validates again a file whose previous meeting changed ($t2_after), then valid again" \
            || fail "serve: home page after a change" "after: $t2_after; back: $t2_back"
        # A PDF signed since the last visit (a signature rewrites it) says so.
        "$COPIL" render -q "$SV/docs/college-2026-t1.xml" 2>/dev/null
        get / "${CK[@]}" >/dev/null
        unsigned=$(grep -o 'f=college-2026-t1.xml".*' "$SV/body" | head -1 | grep -c '>signed<')
        printf '%% /ByteRange [0 0 0 0]\n' >>"$SV/docs/college-2026-t1-minutes.pdf"
        get / "${CK[@]}" >/dev/null
        [ "$unsigned" = 0 ] && grep -o 'f=college-2026-t1.xml".*' "$SV/body" | head -1 | grep -q '>signed<' \
            && ok "serve: a PDF signed since the last visit is shown signed" || fail "serve: signed state" "$unsigned"
        rm -f "$SV/docs/college-2026-t1-minutes.pdf"
        grep -q 'f=lettre-mission-aed-tice.xml">lettre-mission-aed-tice.xml</a></th><td>2026-2027</td>' "$SV/body" \
            && ok "serve: a letter for a period is listed under the school year its period starts in" \
            || fail "serve: period's year" "$(grep -o 'f=lettre-mission-aed-tice.xml.\{0,120\}' "$SV/body")"
        n_valid=$(grep -o 'class="tag ok">valid<' "$SV/body" | wc -l)
        [ "$n_valid" = "$(( $(ls samples/*.xml | wc -l) + 1 ))" ] && ok "serve: every sample valid ($n_valid)" \
            || fail "serve: $n_valid valid files"
        grep -q 'f=broken.xml".*to correct (1 problem)' "$SV/body" && ok "serve: a broken file, to correct (1 problem)" \
            || fail "serve: broken file state" "$(grep broken "$SV/body")"
        grep -q 'secret\|hidden-away\|\.hidden\|link\.xml' "$SV/body" && fail "serve: lists what it must not" \
            || ok "serve: no link, hidden file or sub-folder listed"
        grep -q '&lt;b&gt;&amp;&quot;odd&#39;.xml' "$SV/body" && ! grep -q '<b>&"' "$SV/body" \
            && ok "serve: a file name with markup is escaped" || fail "serve: escaping"

        # --- a file's page -----------------------------------------------------
        get "/file?f=broken.xml" "${CK[@]}" >/dev/null
        want=$("$COPIL" validate "$SV/docs/broken.xml" 2>&1 | sed -n 's/^.*:\([0-9]*\):[0-9]*: error: \(.*\)$/\1|\2/p' | head -1)
        line=${want%%|*} msg=${want#*|}
        msg_html=$(printf '%s' "$msg" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g; s/'\''/\&#39;/g')
        if [ -n "$line" ] && grep -qF "Line $line</strong> — $msg_html" "$SV/body"; then
            ok "serve: a file's problems with their lines, in copil validate's words"
        else
            fail "serve: problems page" "want line $line: $msg"
        fi
        get "/file?f=college-2026-t2.xml" "${CK[@]}" >/dev/null
        grep -q 'href="/pdf?f=college-2026-t2.xml&amp;copy=public&amp;download=1"' "$SV/body" \
            && ok "serve: a valid meeting's page offers both copies" || fail "serve: file page links"

        # --- the PDFs ----------------------------------------------------------
        code=$(get "/pdf?f=college-2026-t2.xml" "${CK[@]}")
        "$COPIL" render samples/college-2026-t2.xml -o "$SV/want.pdf" >/dev/null 2>&1
        if [ "$code" = 200 ] && grep -qi '^content-type: application/pdf' "$SV/head" && cmp -s "$SV/body" "$SV/want.pdf"; then
            ok "serve: /pdf is copil render's PDF, byte for byte"
        else
            fail "serve: /pdf ($code)" "$(head -c 300 "$SV/body")"
        fi
        grep -qi "^content-disposition: inline; filename=\"college-2026-t2-minutes.pdf\"; filename\*=UTF-8''college-2026-t2-minutes.pdf" "$SV/head" \
            && ok "serve: shown inline, under its name" || fail "serve: inline disposition" "$(cat "$SV/head")"
        code=$(get "/pdf?f=college-2026-t2.xml&copy=public&download=1" "${CK[@]}")
        "$COPIL" render samples/college-2026-t2.xml --public -o "$SV/want-public.pdf" >/dev/null 2>&1
        if [ "$code" = 200 ] && cmp -s "$SV/body" "$SV/want-public.pdf" \
            && grep -qi '^content-disposition: attachment; filename="college-2026-t2-minutes-public.pdf"' "$SV/head"; then
            ok "serve: the public copy, downloaded under its name"
        else
            fail "serve: public copy ($code)" "$(cat "$SV/head")"
        fi
        pdfinfo "$SV/body" >/dev/null 2>&1 && ok "serve: pdfinfo reads it" || fail "serve: pdfinfo"
        code=$(get "/pdf?f=%3Cb%3E%26%22odd%27.xml" "${CK[@]}")
        [ "$code" = 200 ] && grep -qi "^content-disposition: inline; filename=\"_b___odd_-minutes.pdf\"; filename\*=UTF-8''%3Cb%3E%26%22odd%27-minutes.pdf" "$SV/head" \
            && ok "serve: a name with quotes and markup cannot break its Content-Disposition" \
            || fail "serve: odd name's disposition ($code)" "$(grep -i disposition "$SV/head")"
        code=$(get "/pdf?f=broken.xml" "${CK[@]}")
        [ "$code" = 409 ] && grep -q 'problems to correct first' "$SV/body" && ok "serve: no PDF of a broken file, 409 with why" \
            || fail "serve: pdf of broken ($code)"
        curl -s -o "$SV/a.pdf" -w '%{http_code}' --max-time 120 "${CK[@]}" "$BASE/pdf?f=college-2026-t1.xml" >"$SV/code-a" &
        p1=$!
        curl -s -o "$SV/b.pdf" -w '%{http_code}' --max-time 120 "${CK[@]}" "$BASE/pdf?f=lettre-mission-ctice.xml" >"$SV/code-b" &
        p2=$!
        wait $p1 $p2
        [ "$(cat "$SV/code-a")" = 200 ] && [ "$(cat "$SV/code-b")" = 200 ] && pdfinfo "$SV/a.pdf" >/dev/null 2>&1 \
            && pdfinfo "$SV/b.pdf" >/dev/null 2>&1 && ok "serve: two renders at once both arrive" || fail "serve: concurrent renders"
        [ "$(get /style.css "${CK[@]}")" = 200 ] && grep -qi '^content-type: text/css' "$SV/head" \
            && ok "serve: its style sheet" || fail "serve: style.css"
        [ "$(get /style.css)" = 200 ] && ok "serve: the style sheet needs no token (the refusal page is styled)" \
            || fail "serve: style.css without token"
        [ "$(get /style.css -H "Host: evil.example:$PORT")" = 403 ] && ok "serve: but its Host is checked" \
            || fail "serve: style.css foreign Host"
        [ "$(get /nothing "${CK[@]}")" = 404 ] && ok "serve: an unknown page, 404" || fail "serve: unknown page"
        code=$(get "/mail?f=college-2026-t2.xml" "${CK[@]}")
        if [ "$code" = 200 ] && grep -q 'helene.rousseau@ac-orleans-tours.fr' "$SV/body" && grep -q 'Nothing was sent' "$SV/body" \
            && [ -s "$SV/docs/college-2026-t2-minutes.pdf" ] && [ ! -e "$SV/docs/college-2026-t2-minutes-mail.log" ]; then
            ok "serve: a file's mail plan (copil mail's), nothing sent, no send log"
        else
            fail "serve: mail plan ($code)" "$(grep -o '<pre[^>]*>.\{0,200\}' "$SV/body")"
        fi
        [ "$(get "/mail?f=broken.xml" "${CK[@]}")" = 409 ] && ok "serve: no mail plan for a file with problems" || fail "serve: mail plan of broken"


        # --- the form --------------------------------------------------------------
        C=circonscription-saint-paul-2026.xml
        code=$(get "/edit?f=$C" "${CK[@]}")
        cp "$SV/body" "$SV/form.html"
        if [ "$code" = 200 ] && grep -q '<label for="e-1.5">Date de la réunion</label>' "$SV/form.html" \
            && grep -q '<input id="e-1.5" name="e:1.5" value="2026-11-25" type="date">' "$SV/form.html" \
            && grep -q '<select id="a-1.3-kind" name="a:1.3:kind">' "$SV/form.html" \
            && grep -q 'class="readonly"' "$SV/form.html" && get "/edit?f=college-2026-t1.xml" "${CK[@]}" >/dev/null \
            && grep -q '<textarea id="p-1.12.2.2" name="p:1.12.2.2"' "$SV/body"; then
            ok "serve: the form of a meeting, labelled from the schema (a date, a closed list, paragraphs; inline markup read only)"
        else
            fail "serve: the form ($code)" "$(grep -o '<label[^>]*>[^<]*</label>' "$SV/form.html" | head -5)"
        fi
        n_labels=$(grep -o '<label for="[^"]*"' "$SV/form.html" | wc -l)
        n_fields=$(grep -o '<\(input\|select\|textarea\) id="[^"]*"' "$SV/form.html" | wc -l)
        [ "$n_labels" -gt 20 ] && [ "$n_labels" = "$n_fields" ] && ok "serve: every field has its label ($n_fields)" \
            || fail "serve: $n_labels labels for $n_fields fields"
        post() { # PAGE FIELD=VALUE...: posts the form of PAGE, as a browser; the status
            "$PY" tests/serve/form.py "$@" >"$SV/post" && curl -s -o "$SV/body" -D "$SV/head" -w '%{http_code}' \
                "${CK[@]}" -H "Origin: $BASE" --data-binary "@$SV/post" "$BASE/save"
        }
        PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
        cp "$SV/docs/$C" "$SV/before.xml"
        code=$(post "$SV/form.html")
        [ "$code" = 303 ] && cmp -s "$SV/before.xml" "$SV/docs/$C" && ok "serve: a form saved unchanged leaves the file byte for byte" \
            || fail "serve: unchanged save ($code)" "$(diff "$SV/before.xml" "$SV/docs/$C" | head -5)"
        code=$(post "$SV/form.html" e:1.8="Salle polyvalente & préau <RDC>" a:1.3:number=4)
        d=$(diff "$SV/before.xml" "$SV/docs/$C" | grep -c '^[<>]')
        if [ "$code" = 303 ] && grep -qi '^location: /edit?saved=1&f=' "$SV/head" && [ "$d" = 4 ] \
            && grep -q '<place>Salle polyvalente &amp; préau &lt;RDC&gt;</place>' "$SV/docs/$C" \
            && grep -q '<session number="4"' "$SV/docs/$C" && grep -q '<!--' "$SV/docs/$C"; then
            ok "serve: a save writes the two values changed and nothing else (comments kept, text escaped)"
        else
            fail "serve: save ($code, $d lines)" "$(diff "$SV/before.xml" "$SV/docs/$C")"
        fi
        "$COPIL" validate -q "$SV/docs/$C" >/dev/null 2>&1 && ok "serve: the saved file is valid" || fail "serve: saved file invalid"
        # Running text: paragraphs and lists in one text area.
        ta=$(grep -o '<textarea id="p-[0-9.]*" name="p:[0-9.]*"[^>]*>Les enjeux du numérique à l’école primaire et le partage des rôles :' "$SV/form.html" \
            | sed -n 's/.*name="\(p:[0-9.]*\)".*/\1/p')
        if [ -n "$ta" ] && grep -q '^- l’Éducation nationale accompagne les usages' "$SV/form.html"; then
            ok "serve: a paragraph and a bulleted list in one text area, each entry on a line of its own"
        else
            fail "serve: list in a text area" "$(grep -o '<textarea[^>]*>[^<]\{0,120\}' "$SV/form.html" | head -3)"
        fi
        cp "$SV/docs/$C" "$SV/before-list.xml"
        get "/edit?f=$C" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form-list.html"
        post "$SV/form-list.html" "$ta=Deux principes :

- les communes équipent les écoles ;
- l’Éducation nationale accompagne
  les usages.

1. d’abord l’inventaire ;
2. ensuite le plan.
Une dernière phrase." >/dev/null
        sed -n '/<item id="i1"/,/<\/item>/p' "$SV/docs/$C" >"$SV/list.xml"
        if "$COPIL" validate -q "$SV/docs/$C" >/dev/null 2>&1 \
            && grep -q '^        <p>Deux principes :</p>$' "$SV/list.xml" \
            && grep -q '^          <li>l’Éducation nationale accompagne les usages.</li>$' "$SV/list.xml" \
            && grep -q '^        <ol>$' "$SV/list.xml" && grep -q '^          <li>ensuite le plan. Une dernière phrase.</li>$' "$SV/list.xml" \
            && [ "$(grep -c '<li>' "$SV/list.xml")" = 4 ]; then
            ok "serve: typed lines become a paragraph, a bulleted and a numbered list, indented, valid"
        else
            fail "serve: text area to lists" "$(cat "$SV/list.xml")"
        fi
        cp "$SV/before-list.xml" "$SV/docs/$C"
        cp "$SV/docs/$C" "$SV/saved.xml"
        code=$(post "$SV/form.html" e:1.8="Autre salle")
        [ "$code" = 409 ] && cmp -s "$SV/saved.xml" "$SV/docs/$C" && grep -q 'typed “Autre salle”' "$SV/body" \
            && grep -q '<li>Lieu: on the disk now' "$SV/body" && grep -q '<li>Séance › Numéro de la séance: on the disk now' "$SV/body" \
            && ok "serve: a save over a file changed since the form was made is refused, showing what differs, by its label" \
            || fail "serve: conflict ($code)" "$(grep -o '<li>[^<]*</li>' "$SV/body" | head -3)"
        get "/edit?f=$C" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form2.html"
        post "$SV/form2.html" e:1.5=2026-13-45 >/dev/null
        get "/edit?f=$C&saved=1" "${CK[@]}" >/dev/null
        if grep -q '<date>2026-13-45</date>' "$SV/docs/$C" && grep -q 'id="err-1.5"' "$SV/body" \
            && grep -q 'aria-invalid="true" aria-describedby="err-1.5"' "$SV/body" && grep -q 'href="#x-1.5"' "$SV/body" \
            && grep -q 'still has 1 problem' "$SV/body"; then
            ok "serve: an invalid draft is saved, its problem beside its field and in the summary"
        else
            fail "serve: invalid draft" "$(grep -o 'class="error"[^<]*<' "$SV/body" | head -3)"
        fi
        get "/edit?f=$C" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form3.html"
        "$PY" tests/serve/form.py "$SV/form3.html" e:1.5=2026-11-26 >"$SV/post-a"
        "$PY" tests/serve/form.py "$SV/form3.html" e:1.5=2026-11-27 >"$SV/post-b"
        curl -s -o /dev/null -w '%{http_code}\n' "${CK[@]}" -H "Origin: $BASE" --data-binary "@$SV/post-a" "$BASE/save" >"$SV/code-a" &
        p1=$!
        curl -s -o /dev/null -w '%{http_code}\n' "${CK[@]}" -H "Origin: $BASE" --data-binary "@$SV/post-b" "$BASE/save" >"$SV/code-b" &
        p2=$!
        wait $p1 $p2
        cat "$SV/code-a" "$SV/code-b" >"$SV/codes"
        [ "$(sort "$SV/codes" | tr '\n' ' ')" = "303 409 " ] && grep -q '<date>2026-11-2[67]</date>' "$SV/docs/$C" \
            && ok "serve: two saves at once from the same form: one written, the other refused" \
            || fail "serve: concurrent saves" "$(cat "$SV/codes")"
        code=$(post "$SV/form3.html" e:9.9.9=x)
        [ "$code" = 409 ] && ok "serve: a field that names nothing, with a stale form, is refused too" || fail "serve: odd field ($code)"
        # A note inside a value stays when the value changes.
        sed 's|<place>Salle du conseil, bâtiment A</place>|<place><!-- la salle du rez-de-chaussée -->Salle du conseil, bâtiment A</place>|' \
            samples/college-2026-t1.xml >"$SV/docs/noted.xml"
        get "/edit?f=noted.xml" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form-noted.html"
        post "$SV/form-noted.html" e:1.8="Salle 12" >/dev/null
        grep -q '<place>Salle 12<!-- la salle du rez-de-chaussée --></place>' "$SV/docs/noted.xml" \
            && ok "serve: a comment inside a value stays when the value changes" \
            || fail "serve: comment in a value" "$(grep '<place>' "$SV/docs/noted.xml")"
        # Repeated groups: a member added after the last, removed; one moved up, then down.
        T1=college-2026-t1.xml
        cp "$SV/docs/$T1" "$SV/t1.xml"
        group_op() { get "/edit?f=$T1" "${CK[@]}" >/dev/null; cp "$SV/body" "$SV/form-op.html"; post "$SV/form-op.html" "op=$1"; }
        grep -q 'value="add:1.9.9"' "$SV/form-op.html" 2>/dev/null || get "/edit?f=$T1" "${CK[@]}" >/dev/null
        grep -q '<button type="submit" name="op" value="remove:1.9.9" class="secondary danger">' "$SV/body" \
            && ok "serve: each member has its buttons (add after, move, remove)" || fail "serve: group buttons"
        code=$(group_op add:1.9.9)
        added=$(diff "$SV/t1.xml" "$SV/docs/$T1" | grep -c '^>')
        if [ "$code" = 303 ] && grep -qi '^location: /edit?saved=1&f=college-2026-t1.xml#x-1.9.10' "$SV/head" \
            && [ "$added" = 6 ] && grep -q '^    <member id="m10" civility="" role="">$' "$SV/docs/$T1"; then
            ok "serve: a member added after the last: a blank copy with a new id, its values emptied (required ones left to fill, optional ones gone), indented like the others"
        else
            fail "serve: add ($code, $added lines)" "$(diff "$SV/t1.xml" "$SV/docs/$T1" | head -8)"
        fi
        group_op remove:1.9.10 >/dev/null
        cmp -s "$SV/t1.xml" "$SV/docs/$T1" && ok "serve: removed again, the file is as it was, byte for byte" \
            || fail "serve: remove" "$(diff "$SV/t1.xml" "$SV/docs/$T1" | head -8)"
        group_op up:1.9.2 >/dev/null
        first=$(grep -m1 -o '<member id="m[0-9]*"' "$SV/docs/$T1")
        group_op down:1.9.1 >/dev/null
        [ "$first" = '<member id="m2"' ] && cmp -s "$SV/t1.xml" "$SV/docs/$T1" \
            && ok "serve: a member moved up, then down: back as it was" || fail "serve: move ($first)"
        post "$SV/form-op.html" op=remove:1.9.1 >/dev/null
        group_op up:1.9.1 >/dev/null
        cmp -s "$SV/t1.xml" "$SV/docs/$T1" && ok "serve: a stale form's operation is refused; the first has no up" \
            || fail "serve: stale op" "$(diff "$SV/t1.xml" "$SV/docs/$T1" | head -5)"
        # What the file has not yet: an element added from its declaration,
        # an attribute typed, an optional one emptied.
        get "/edit?f=$T1" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form-new.html"
        grep -q '<button type="submit" name="op" value="new:1.13.9.1:vote" class="secondary small">Vote' "$SV/form-new.html" \
            && ! grep -q 'value="new:1.13.9.3:vote"' "$SV/form-new.html" \
            && ok "serve: a decision without a vote offers to add one; one with a vote does not" \
            || fail "serve: new buttons" "$(grep -o 'value="new:1.13.9[^"]*"' "$SV/form-new.html")"
        code=$(post "$SV/form-new.html" op=new:1.13.9.1:vote)
        if [ "$code" = 303 ] && grep -qi '^location: /edit?saved=1&f=college-2026-t1.xml#x-1.13.9.1.2' "$SV/head" \
            && [ "$(diff "$SV/t1.xml" "$SV/docs/$T1")" = "144a145
>         <vote for=\"\" against=\"\" abstention=\"\"/>" ]; then
            ok "serve: a vote added where the schema puts it, with its required counts to fill in"
        else
            fail "serve: new vote ($code)" "$(diff "$SV/t1.xml" "$SV/docs/$T1" | head -8)"
        fi
        get "/edit?f=$T1" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form-vote.html"
        grep -q 'id="err-1.13.9.1.2-for"' "$SV/form-vote.html" \
            && grep -q '<input id="a-1.13.9.1.2-for" name="a:1.13.9.1.2:for" value="" type="text" aria-invalid="true" aria-describedby="err-1.13.9.1.2-for">' "$SV/form-vote.html" \
            && ok "serve: each empty count's problem beside its own field" \
            || fail "serve: vote problems" "$(grep -o '<input id="a-1.13.9.1.2-for"[^>]*>' "$SV/form-vote.html")"
        post "$SV/form-vote.html" a:1.13.9.1.2:for=7 a:1.13.9.1.2:against=0 a:1.13.9.1.2:abstention=1 \
            a:1.13.1:item=i1 a:1.13.10.1:due= >/dev/null
        "$COPIL" validate -q "$SV/docs/$T1" >/dev/null 2>&1 && grep -q '<vote for="7" against="0" abstention="1"/>' "$SV/docs/$T1" \
            && grep -q '<approval status="sans-objet" item="i1">' "$SV/docs/$T1" \
            && grep -q '<action id="a1" owner="m3" status="a-faire">' "$SV/docs/$T1" \
            && ok "serve: counts typed, an attribute the file had not added, an optional one emptied removed: valid" \
            || fail "serve: attributes" "$(diff "$SV/t1.xml" "$SV/docs/$T1" | head -12)"
        cp "$SV/t1.xml" "$SV/docs/$T1"

        # After the meeting: its record drafted from the previous meeting.
        sed 's|<date>2026-10-08</date>|<date>2027-01-14</date>|' samples/college-2026-t1-agenda.xml >"$SV/docs/t2-draft.xml"
        get "/edit?f=t2-draft.xml" "${CK[@]}" >/dev/null
        cp "$SV/body" "$SV/form-draft.html"
        grep -q '<option value="college-2026-t1.xml" selected>Meeting of 08/10/2026 (college-2026-t1.xml)</option>' "$SV/form-draft.html" \
            && ! grep -q '<option value="college-2026-t3-elargi.xml"' "$SV/form-draft.html" \
            && ok "serve: an agenda offers to write its record, the previous meeting of the school chosen" \
            || fail "serve: draft box" "$(grep -o '<select id="previous".\{0,300\}' "$SV/form-draft.html")"
        code=$(post "$SV/form-draft.html" op=new:1:record)
        d=$SV/docs/t2-draft.xml
        if [ "$code" = 303 ] && grep -qi '^location: /edit?saved=1&f=t2-draft.xml#x-1.14' "$SV/head" \
            && grep -q '^  <previous href="college-2026-t1.xml"/>$' "$d" \
            && [ "$(grep -c '^    <discussion item="i[0-9]">$' "$d")" = 7 ] \
            && [ "$(grep -c '^      <action id="a[1-5]" owner="m[0-9]" due="[0-9-]*" status="a-faire">$' "$d")" = 5 ] \
            && [ "$(grep -c '^      <evaluation objective="o[1-3]" result="">$' "$d")" = 3 ] \
            && [ "$(grep -c 'attendance="present"' "$d")" = 9 ] && grep -q '^    <approval status=""/>$' "$d"; then
            ok "serve: the record drafted: its discussions, the open actions followed up, an evaluation per objective"
        else
            fail "serve: record draft ($code)" "$(sed -n '/<record>/,/<\/record>/p' "$d" | head -20)"
        fi
        "$COPIL" validate "$d" >"$SV/draft-problems" 2>&1
        n=$(grep -c ' error: ' "$SV/draft-problems")
        [ "$n" = 10 ] && ! grep -q 'a1\|a2' "$SV/draft-problems" \
            && ok "serve: what nobody has said yet is left to write ($n blanks), never guessed" \
            || fail "serve: draft's problems ($n)" "$(head -5 "$SV/draft-problems")"
        get "/edit?f=t2-draft.xml" "${CK[@]}" >/dev/null
        grep -q '<option value="o2">Former les enseignants aux services de l’ENT.</option>' "$SV/body" \
            && ! grep -q 'id="previous"' "$SV/body" \
            && ok "serve: an evaluation names its objective by the previous meeting's words" \
            || fail "serve: objectives listed" "$(grep -o '<select id="a-1.14.10.1-objective".\{0,200\}' "$SV/body")"
        cp "$d" "$SV/draft.xml"
        cp "$SV/body" "$SV/form-draft2.html"
        post "$SV/form-draft2.html" op=new:1:record previous=college-2026-t1.xml >/dev/null
        cmp -s "$d" "$SV/draft.xml" && ok "serve: a record is drafted once" || fail "serve: second draft"
        rm -f "$d"

        # A new document from a template.
        newdoc() { curl -s -o "$SV/body" -D "$SV/head" -w '%{http_code}' "${CK[@]}" -H "Origin: $BASE" \
            --data-urlencode "kind=$1" --data-urlencode "name=$2" "$BASE/new"; }
        code=$(newdoc mission-letter " lettre-ctice-2027 ")
        "$COPIL" new mission-letter >"$SV/template.xml"
        if [ "$code" = 303 ] && grep -qi '^location: /edit?f=lettre-ctice-2027.xml' "$SV/head" \
            && cmp -s "$SV/template.xml" "$SV/docs/lettre-ctice-2027.xml"; then
            ok "serve: a new mission letter from the template (copil new's bytes), then its form"
        else
            fail "serve: new document ($code)" "$(cat "$SV/head")"
        fi
        [ "$(get "/edit?f=lettre-ctice-2027.xml" "${CK[@]}")" = 200 ] && grep -q 'class="summary"' "$SV/body" \
            && ok "serve: the new draft's form lists its blanks to fill in" || fail "serve: new draft's form"
        echo changed >>"$SV/docs/lettre-ctice-2027.xml"
        code=$(newdoc agenda lettre-ctice-2027.xml)
        [ "$code" = 400 ] && grep -q 'already in the folder' "$SV/body" && tail -1 "$SV/docs/lettre-ctice-2027.xml" | grep -q changed \
            && ok "serve: never over an existing file (400, why)" || fail "serve: new over existing ($code)"
        [ "$(newdoc agenda ../escape)" = 400 ] && [ ! -e "$SV/escape.xml" ] && ok "serve: no new file outside the folder" \
            || fail "serve: new outside"
        [ "$(newdoc bogus x)" = 400 ] && ok "serve: no new file of an unknown kind" || fail "serve: new bogus kind"
        [ "$(curl -s -o /dev/null -w '%{http_code}' "${CK[@]}" -H 'Origin: http://evil.example' --data 'kind=agenda&name=evil' "$BASE/new")" = 403 ] \
            && [ ! -e "$SV/docs/evil.xml" ] && ok "serve: no new file from another origin" || fail "serve: new cross-origin"
        [ "$(get "/edit?f=broken.xml" "${CK[@]}")" = 200 ] && grep -q 'id="err-1.5"' "$SV/body" \
            && ok "serve: the form of a file with problems opens with them" || fail "serve: form of broken"
        printf '<meeting xmlns="urn:copil:data"><date>' >"$SV/docs/cut.xml"
        [ "$(get "/edit?f=cut.xml" "${CK[@]}")" = 409 ] && ok "serve: no form for a file that is not XML (409, why)" \
            || fail "serve: form of non-XML"
        code=$(curl -s -o "$SV/body" -w '%{http_code}' "${CK[@]}" -H "Origin: $BASE" --data "f=../outside/secret.xml&base=x" "$BASE/save")
        [ "$code" = 400 ] && ok "serve: no save outside the folder" || fail "serve: save outside ($code)"

        kill -TERM "$serve_pid"
        got=0
        wait "$serve_pid" || got=$?
        serve_pid=
        [ "$got" = 0 ] && ok "serve: SIGTERM stops it, exit 0" || fail "serve: exit $got on SIGTERM" "$(cat "$SV/stderr")"
    fi
    serve_stop

    # --- in French ------------------------------------------------------------
    serve_start LANG=fr_FR.UTF-8
    if [ -n "$PORT" ]; then
        CK=(-b "copil_$PORT=$TOKEN")
        get / "${CK[@]}" >/dev/null
        grep -q '<html lang="fr">' "$SV/body" && grep -q 'à corriger (1 problème)' "$SV/body" \
            && grep -q 'Lettres de mission' "$SV/body" && ok "serve: in French with LANG=fr_FR.UTF-8" \
            || fail "serve: French" "$(head -c 600 "$SV/body")"
    else
        fail "serve: no address in French" "$(cat "$SV/stderr")"
    fi
    serve_stop

    # --- sending: drafts, then a confirmed sending through a real SMTP server ---
    PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
    . tests/mail/server.sh
    T=$SV/tls
    rm -rf "$T" "$SV/config" "$SV/home" && mkdir -p "$T" "$SV/config/copil" "$SV/home"
    M2=college-2026-t2.xml
    PASS=Sb7-secret-Passw0rd
    if ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -keyout "$T/key.pem" -out "$T/cert.pem" -subj /CN=localhost \
        -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >"$T/openssl.log" 2>&1; then
        fail "serve: openssl req" "$(tail -3 "$T/openssl.log")"
    elif ! smtpd_start "$T/srv" 120 --tls "$T/cert.pem" "$T/key.pem" --require-starttls --auth "user:$PASS"; then
        fail "serve: the test SMTP server did not start" "$(tail -5 "$T/srv.stderr")"
    else
        srv_pid=$SMTPD_PID
        printf 'machine localhost login user password %s\n' "$PASS" >"$SV/home/.netrc"
        chmod 600 "$SV/home/.netrc"
        serve_start
        CK=(-b "copil_$PORT=$TOKEN")
        rm -f "$SV/docs/"*-mail.log
        get "/mail?f=$M2" "${CK[@]}" >/dev/null
        grep -q 'href="/eml?f=college-2026-t2.xml&amp;m=01-minutes-membres-du-comite.eml"' "$SV/body" \
            && grep -q 'm=02-minutes-ensemble-des-personnels-du-college.eml' "$SV/body" \
            && grep -q "$(cd "$SV/config" && pwd)/copil/mail.conf" "$SV/body" && ! grep -q 'href="/send' "$SV/body" \
            && ok "serve: the mail page offers a draft per group; without settings, it says where to write them" \
            || fail "serve: mail page" "$(grep -o '<h2>.*' "$SV/body" | head -5)"
        code=$(get "/eml?f=$M2&m=01-minutes-membres-du-comite.eml" "${CK[@]}")
        if [ "$code" = 200 ] && grep -qi '^content-type: message/rfc822' "$SV/head" \
            && grep -qi '^content-disposition: attachment; filename="01-minutes-membres-du-comite.eml"' "$SV/head" \
            && "$PY" tests/mail/mailcheck.py eml "$SV/body" headers | grep -q '^X-Unsent: 1$' \
            && "$PY" tests/mail/mailcheck.py eml "$SV/body" summary | grep -q 'attachments=college-2026-t2-minutes.pdf'; then
            ok "serve: a draft downloads as an unsent .eml, the full copy attached"
        else
            fail "serve: eml download ($code)" "$(head -5 "$SV/head")"
        fi
        [ "$(get "/eml?f=$M2&m=../../etc/passwd" "${CK[@]}")" = 404 ] && [ "$(get "/eml?f=broken.xml&m=x.eml" "${CK[@]}")" = 409 ] \
            && ok "serve: no draft by another name, none of a file with problems" || fail "serve: eml refusals"
        [ "$(get "/send?f=$M2" "${CK[@]}")" = 409 ] && grep -q 'mail.conf' "$SV/body" \
            && ok "serve: no sending before the settings are written" || fail "serve: send without settings"
        printf 'smtp = smtp://localhost:%s\nuser = user\npassword = %s\n' "$SMTPD_PORT" "$PASS" >"$SV/config/copil/mail.conf"
        get "/mail?f=$M2" "${CK[@]}" >/dev/null
        grep -q 'line 3: the password has no place in this file' "$SV/body" && ! grep -q "$PASS" "$SV/body" \
            && [ "$(get "/send?f=$M2" "${CK[@]}")" = 409 ] \
            && ok "serve: a password in the settings is refused, with its line, and never shown" \
            || fail "serve: password in settings" "$(grep -o 'notice bad.\{0,200\}' "$SV/body")"
        printf '# the school'"'"'s server\nsmtp = smtp://localhost:%s\nuser = user\ncacert = %s\n' \
            "$SMTPD_PORT" "$(cd "$T" && pwd)/cert.pem" >"$SV/config/copil/mail.conf"
        get "/mail?f=$M2" "${CK[@]}" >/dev/null
        grep -q 'href="/send?f=college-2026-t2.xml"' "$SV/body" && ok "serve: with the settings, the mail page offers to send" \
            || fail "serve: send link"
        code=$(get "/send?f=$M2" "${CK[@]}")
        cp "$SV/body" "$SV/confirm.html"
        base=$(sed -n 's/.*name="base" value="\([0-9a-f]*\)".*/\1/p' "$SV/confirm.html")
        if [ "$code" = 200 ] && grep -q 'helene.rousseau@ac-orleans-tours.fr' "$SV/confirm.html" \
            && grep -q "smtp://localhost:$SMTPD_PORT" "$SV/confirm.html" && [ ${#base} = 64 ] \
            && ! grep -rq "$PASS" "$SV/confirm.html" && [ "$(mail_count_srv)" = 0 ]; then
            ok "serve: sending first shows the plan and the server, and asks to confirm; nothing sent yet"
        else
            fail "serve: confirmation page ($code)" "$(head -c 400 "$SV/confirm.html")"
        fi
        sendpost() { curl -s -o "$SV/body" -w '%{http_code}' --max-time 120 "${CK[@]}" -H "Origin: $1" \
            --data-urlencode "f=$M2" --data-urlencode "base=$2" "$BASE/send"; }
        [ "$(sendpost http://evil.example "$base")" = 403 ] && [ "$(sendpost "$BASE" 0000)" = 409 ] \
            && [ "$(mail_count_srv)" = 0 ] \
            && ok "serve: no sending from another origin, nor with a plan of another version of the file" \
            || fail "serve: send refusals"
        code=$(sendpost "$BASE" "$base")
        cp "$SV/body" "$SV/sent.html"
        if [ "$code" = 200 ] && grep -q 'Sent.' "$SV/body" && [ "$(mail_count_srv)" = 10 ] \
            && [ "$(grep -c '@' "$SV/docs/college-2026-t2-minutes-mail.log")" = 10 ] && ! grep -q "$PASS" "$SV/body"; then
            ok "serve: confirmed, sent: one message per address, over TLS with the password of ~/.netrc"
        else
            fail "serve: send ($code, $(mail_count_srv) received)" "$(sed -n '/<pre/,/<\/pre>/p' "$SV/sent.html" | tail -5)"
        fi
        code=$(sendpost "$BASE" "$base")
        [ "$code" = 200 ] && [ "$(mail_count_srv)" = 10 ] && ok "serve: confirmed twice, nothing sent twice" \
            || fail "serve: second send ($code, $(mail_count_srv))"
        get / "${CK[@]}" >/dev/null
        grep -q 'envoyé le\|sent on' "$SV/body" && ok "serve: the home page says the file was sent" \
            || fail "serve: sent state on home"
        serve_stop
        smtpd_stop "$srv_pid"
        rm -f "$SV/docs/"*-mail.log "$SV/config/copil/mail.conf"
    fi

    # --- in a real browser (tests/browser/story.js) ---------------------------
    if ! command -v node >/dev/null || [ ! -x /usr/bin/chromium ] || [ ! -d tests/browser/node_modules/playwright-core ] \
        || [ ! -d tests/browser/node_modules/axe-core ]; then
        fail "serve: the browser tests need node, Debian's chromium and tests/browser/node_modules (make deps)"
    else
        rm -rf "$SV/docs" "$SV/shots" && mkdir -p "$SV/docs" "$SV/shots"
        cp samples/*.xml "$SV/docs/" && cp tests/bad/date-month-13.xml "$SV/docs/broken.xml"
        # the agenda of the meeting after college-2026-t1.xml, its record to write
        sed 's|<date>2026-10-08</date>|<date>2027-01-14</date>|' samples/college-2026-t1-agenda.xml \
            >"$SV/docs/college-2027-t2.xml"
        serve_start LANG=fr_FR.UTF-8
        if [ -z "$PORT" ]; then
            fail "serve: no server for the browser" "$(cat "$SV/stderr")"
        else
            timeout 180 node tests/browser/story.js "$URL" "$SV/docs" "$SV/shots" >"$SV/story" 2>&1
            while IFS= read -r line; do
                case $line in
                ok\ *) ok "serve, browser: ${line#ok }" ;;
                FAIL\ *) fail "serve, browser: ${line#FAIL }" ;;
                esac
            done <"$SV/story"
            grep -q '^ok axe-core: no serious or critical violation on the mail page' "$SV/story" || fail "serve, browser: the stories did not all run" "$(tail -5 "$SV/story")"
            if pdfinfo "$SV/shots/broken-agenda.pdf" 2>/dev/null | grep -q '^Pages:' \
                && pdftotext "$SV/shots/broken-agenda.pdf" - 2>/dev/null | grep -q '8 octobre 2026'; then
                ok "serve, browser: the PDF it downloaded reads with pdfinfo and pdftotext, with the date typed"
            else
                fail "serve, browser: the downloaded PDF"
            fi
            if pdfinfo "$SV/shots/letter.pdf" 2>/dev/null | grep -q '^Title: *Lettre de mission' \
                && pdftotext "$SV/shots/letter.pdf" - 2>/dev/null | grep -q 'Claire Lemaire' \
                && pdftotext "$SV/shots/letter.pdf" - 2>/dev/null | grep -q '30 juin 2027'; then
                ok "serve, browser: the mission letter filled in the browser reads with pdfinfo and pdftotext"
            else
                fail "serve, browser: the letter's PDF" "$(pdfinfo "$SV/shots/letter.pdf" 2>&1 | head -3)"
            fi
            pdftotext -layout "$SV/shots/record.pdf" "$SV/record.txt" 2>/dev/null
            if grep -q 'Généraliser l’usage du cahier' "$SV/record.txt" \
                && grep -q 'Fixer les dates des quatre ateliers' "$SV/record.txt" \
                && grep -q 'Deux ateliers sur quatre' "$SV/record.txt" && ! grep -q 'non examinée' "$SV/record.txt"; then
                ok "serve, browser: the minutes evaluate the previous objectives and follow up every open action"
            else
                fail "serve, browser: the record's PDF" "$(head -20 "$SV/record.txt")"
            fi
        fi
        serve_stop
    fi

    # --documents: copil/ in the user's documents folder, made on the first start.
    mkdir -p "$SV/home"
    env HOME="$PWD/$SV/home" XDG_CONFIG_HOME="$PWD/$SV/home/.config" "$COPIL" serve --documents \
        >"$SV/stdout" 2>"$SV/stderr" </dev/null &
    serve_pid=$!
    for _ in $(seq 100); do [ -s "$SV/stdout" ] && break; sleep 0.1; done
    [ -d "$SV/home/Documents/copil" ] && grep -q "the documents of $PWD/$SV/home/Documents/copil" "$SV/stderr" \
        && ok "serve: --documents serves copil/ in the user's documents folder, made on the first start" \
        || fail "serve: --documents" "$(cat "$SV/stderr")"
    serve_stop
    expect_exit "serve: --documents with a folder, exit 2" 2 "$COPIL" serve --documents "$SV/docs"
    expect_exit "serve: --port 70000, exit 2" 2 "$COPIL" serve "$SV/docs" --port 70000
    expect_exit "serve: an unknown option, exit 2" 2 "$COPIL" serve --bogus
    expect_exit "serve: a missing folder, exit 3" 3 "$COPIL" serve "$SV/nowhere"
    "$COPIL" help serve | grep -q 'Usage: copil serve' && ok "serve: copil help serve" || fail "serve: help"
fi
