# tests/install.sh — the area install of tests/run.sh (alone: tests/run.sh install).
#
# make install and make uninstall, into a PREFIX and staged under a DESTDIR:
# the program finds its data, its catalogue and copil-mail from anywhere;
# the manual pages, English and French, and the bash completion are where
# man(1) and bash-completion look for them.
# Built apart (its own build folder), so the tree's binary is left alone.
# That folder starts as a copy of the tree's build (the folder of $COPIL), so
# that only what PREFIX changes is compiled again: the three files that
# include config.h. Had the copy other compile flags (its cflags file), make
# would compile it all again.
install_build=$TMP/build-install
install_from=$(dirname "$COPIL")
if [ -f "$install_from/cflags" ] && [ -d "$install_from/obj" ]; then
    mkdir -p "$install_build"
    cp -a "$install_from/obj" "$install_from/cflags" "$install_build/"
    [ -f "$install_from/srgb-icc.h" ] && cp -a "$install_from/srgb-icc.h" "$install_build/"
    # The dependency files name the objects and headers by their folder.
    find "$install_build/obj" -name '*.d' -exec sed -i "s#\(^\| \)$install_from/#\1$install_build/#g" {} +
fi
prefix=$(cd "$TMP" && pwd)/prefix
if make --no-print-directory -s install PREFIX="$prefix" BUILD="$install_build" >"$TMP/install.log" 2>&1; then
    ok "make install"
    cp -R samples "$TMP/elsewhere" 2>/dev/null
    elsewhere=$(cd "$TMP/elsewhere" && pwd)
    (cd / && "$prefix/bin/copil" validate -q "$elsewhere/college-2026-t1.xml") >"$TMP/out" 2>&1 \
        && ok "installed binary finds its data in PREFIX/share/copil" || fail "installed binary" "$(cat "$TMP/out")"
    [ -f "$prefix/share/copil/schemas/meeting.xsd" ] && ok "schemas installed" || fail "schemas installed"
    # copil mail runs PREFIX/lib/copil/copil-mail: the plan of a sample, from elsewhere.
    (cd / && "$prefix/bin/copil" mail "$elsewhere/college-2026-t1.xml") >"$TMP/out" 2>&1 \
        && grep -q "^1. Membres du comité (participants): full copy" "$TMP/out" \
        && ok "installed copil mail runs the installed copil-mail" || fail "installed copil mail" "$(tail -5 "$TMP/out")"
    ! ldd "$prefix/bin/copil" | grep -Eq "libcurl|libgmime" \
        && ok "copil itself loads neither libcurl nor GMime" || fail "copil links the mail libraries"
    # The French catalogue, the manual pages and the completion.
    for f in share/locale/fr/LC_MESSAGES/copil.mo share/man/man1/copil.1 share/man/fr/man1/copil.1 \
        share/man/man5/copil-data.5 share/man/fr/man5/copil-data.5 \
        share/bash-completion/completions/copil share/applications/copil.desktop lib/copil/copil-serve; do
        [ -s "$prefix/$f" ] && ok "installed: $f" || fail "not installed: $f"
    done
    if command -v desktop-file-validate >/dev/null; then
        msg=$(desktop-file-validate "$prefix/share/applications/copil.desktop" 2>&1) \
            && grep -qx 'Exec=copil serve --documents --open' "$prefix/share/applications/copil.desktop" \
            && ok "the desktop launcher is valid and starts copil serve --documents --open" \
            || fail "the desktop launcher" "$msg"
    else
        fail "desktop-file-validate is needed (make deps)"
    fi
    ! ldd "$prefix/bin/copil" | grep -q libmicrohttpd \
        && ok "copil itself does not load libmicrohttpd" || fail "copil links libmicrohttpd"
    (cd / && env -u LC_ALL -u LANGUAGE LANG=fr_FR.UTF-8 "$prefix/bin/copil" validate "$elsewhere/college-2026-t1.xml") >"$TMP/out" 2>&1
    grep -q "réunion valide" "$TMP/out" && ok "the installed copil speaks French from its catalogue" \
        || fail "installed copil in French" "$(cat "$TMP/out")"
    MANPATH="$prefix/share/man" MANWIDTH=80 man -P cat copil >"$TMP/man.txt" 2>&1
    grep -q "^NAME" "$TMP/man.txt" && grep -q "copil render" "$TMP/man.txt" \
        && ok "man copil from the install" || fail "man copil from the install" "$(head -5 "$TMP/man.txt")"
    env -u LC_ALL -u LANGUAGE LANG=fr_FR.UTF-8 MANPATH="$prefix/share/man" MANWIDTH=80 man -P cat copil >"$TMP/man.txt" 2>&1
    grep -q "^NOM" "$TMP/man.txt" && ok "man copil in French from the install" \
        || fail "man copil in French from the install" "$(head -5 "$TMP/man.txt")"
    MANPATH="$prefix/share/man" MANWIDTH=80 man -P cat 5 copil-data >"$TMP/man.txt" 2>&1
    grep -q "urn:copil:data" "$TMP/man.txt" && ok "man 5 copil-data from the install" \
        || fail "man 5 copil-data from the install" "$(head -5 "$TMP/man.txt")"
    got=$(bash -c '. "$1"; COMP_WORDS=(copil ren); COMP_CWORD=1; _copil; echo "${COMPREPLY[*]}"' _ \
        "$prefix/share/bash-completion/completions/copil")
    [ "$got" = render ] && ok "the installed completion completes" || fail "installed completion" "$got"
    make --no-print-directory -s uninstall PREFIX="$prefix" BUILD="$install_build" >>"$TMP/install.log" 2>&1
    [ ! -e "$prefix/bin/copil" ] && [ ! -e "$prefix/share/copil" ] && [ ! -e "$prefix/lib/copil" ] \
        && [ ! -e "$prefix/share/locale/fr/LC_MESSAGES/copil.mo" ] && [ ! -e "$prefix/share/man/man1/copil.1" ] \
        && [ ! -e "$prefix/share/man/fr/man1/copil.1" ] && [ ! -e "$prefix/share/bash-completion/completions/copil" ] \
        && [ ! -e "$prefix/share/applications/copil.desktop" ] \
        && ok "make uninstall" || fail "make uninstall"
    # A staged install (as a Debian package is built): the same files under DESTDIR.
    dest=$(cd "$TMP" && pwd)/dest
    if make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr BUILD="$install_build" >>"$TMP/install.log" 2>&1; then
        missing=""
        for f in bin/copil lib/copil/copil-mail share/copil/schemas/meeting.xsd \
            share/locale/fr/LC_MESSAGES/copil.mo share/man/man1/copil.1 share/man/fr/man1/copil.1 \
            share/man/man5/copil-data.5 share/man/fr/man5/copil-data.5 \
            share/bash-completion/completions/copil; do
            [ -s "$dest/usr/$f" ] || missing="$missing $f"
        done
        [ -z "$missing" ] && ok "make install DESTDIR=… PREFIX=/usr stages every file" \
            || fail "DESTDIR install lacks:$missing"
    else
        fail "make install DESTDIR" "$(tail -20 "$TMP/install.log")"
    fi
else
    fail "make install" "$(tail -20 "$TMP/install.log")"
fi

