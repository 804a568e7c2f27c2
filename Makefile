# copil — build, tests, install.
#
#   make            build build/copil
#   make demo       install what is missing, build, run the main job on samples/
#   make check      install what is missing, build, run every test (tests/run.sh)
#   make check T='bad finish'   only those areas of tests/run.sh; T=bad/NAME,
#                   T=layout/NAME, T=documents/NAME one case; globs too
#                   (T='layout/2*'); tests/run.sh --list shows what T picks
#   make regen [T=…]    rewrite the pinned outputs (of those cases) on purpose
#   make SAN=1 check    the same under AddressSanitizer + UBSan (build/san/)
#   make deps       install the Debian packages the build and tests need (root)
#   make format     clang-format the C sources
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall
#                   (the program, its data, the French catalogue, copil(1) and
#                   copil-data(5) in English and French, the bash completion,
#                   the desktop launcher of copil serve)
#
# Objects go under build/ (build/san/ with SAN=1; the fuzz targets, whatever
# SAN says, under build/fuzz/); nothing is written elsewhere. check and regen
# build what the tests run once, with as many compilers at a time as there are
# cores (nproc) unless make is given -j, and only what the picked areas run.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   := $(PREFIX)/bin
DATADIR  := $(PREFIX)/share/copil
LIBEXECDIR := $(PREFIX)/lib/copil
LOCALEDIR := $(PREFIX)/share/locale
MANDIR   := $(PREFIX)/share/man
COMPLETIONDIR := $(PREFIX)/share/bash-completion/completions
APPLICATIONSDIR := $(PREFIX)/share/applications

CC       ?= cc
PKGS     := libxml-2.0 libxslt libexslt glib-2.0 pangocairo pangofc fontconfig cairo-pdf zlib libqpdf
# Compiled against, not linked: paginate/svg.c loads librsvg at the first
# SVG drawn, for mapping it (GIO, gdk-pixbuf, Rust) costs every start 5 ms.
RSVG_PKGS := librsvg-2.0
# Only copil-mail links these: loading them (and libcurl's own 15 libraries)
# at every start would cost each `copil render` about 6 ms.
MAIL_PKGS := gmime-3.0 libcurl
# Only copil-serve links libmicrohttpd.
SERVE_PKGS := libmicrohttpd
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS   ?= -O2 -g
ifdef CI
WARN     += -Werror
endif

# Libraries a build does not call yet are not even loaded at start-up.
LDFLAGS  += -Wl,--as-needed

ifeq ($(SAN),1)
BUILD    := build/san
CFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
else
BUILD    := build
endif

# pkg-config is asked only when compiling, so that `make deps` works on a
# machine that has none of the libraries yet.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(RSVG_PKGS) $(MAIL_PKGS) $(SERVE_PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhyphen -lm
MAIL_LIBS  = $(shell pkg-config --libs $(MAIL_PKGS) 2>/dev/null)
SERVE_LIBS = $(shell pkg-config --libs $(SERVE_PKGS) 2>/dev/null)
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Isrc $(PKG_CFLAGS) -DCOPIL_VERSION='"$(VERSION)"'
ALL_CFLAGS  = $(BASE_CFLAGS) -I$(BUILD) -MMD -MP

# SRC: every command but mail's and serve's own code; copil's `mail` runs
# copil-mail (cli/mail-exec.c), the same program with src/mail/ and
# cli/mail.c, and `serve` copil-serve (src/serve/, cli/serve.c).
MAIL_SRC  := $(wildcard src/mail/*.c) src/cli/mail.c
SERVE_SRC := $(wildcard src/serve/*.c) src/cli/serve.c
SRC      := $(filter-out $(MAIL_SRC) $(SERVE_SRC) src/cli/mail-exec.c src/cli/serve-exec.c, \
              $(wildcard src/core/*.c src/validate/*.c src/transform/*.c src/doc/*.c src/fonts/*.c \
              src/text/*.c src/chart/*.c src/paginate/*.c src/paint/*.c src/pdf/*.c src/render/*.c \
              src/dashboard/*.c \
              src/cli/*.c))
OBJ      := $(SRC:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/main.o
MAIL_OBJ := $(MAIL_SRC:src/%.c=$(BUILD)/obj/%.o)
SERVE_OBJ := $(SERVE_SRC:src/%.c=$(BUILD)/obj/%.o)
EXEC_OBJ := $(BUILD)/obj/cli/mail-exec.o $(BUILD)/obj/cli/serve-exec.o
MAIL_BIN := $(BUILD)/copil-mail
SERVE_BIN := $(BUILD)/copil-serve
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/obj/unit/%.o)
BIN      := $(BUILD)/copil
UNIT_BIN := $(BUILD)/unit-tests
PNGDIFF  := $(BUILD)/pngdiff

# Debian packages: libraries for the build, readers for the tests.
DEB_BUILD := gcc make pkg-config gettext locales libxml2-dev libxslt1-dev libpango1.0-dev libcairo2-dev zlib1g-dev \
             libfontconfig-dev librsvg2-dev libqpdf-dev libhyphen-dev hyphen-fr \
             libgmime-3.0-dev libcurl4-gnutls-dev libmicrohttpd-dev
DEB_TEST  := man-db groff-base libxml2-utils poppler-utils qpdf mupdf-tools libnss3-tools python3 \
             clang libclang-rt-14-dev valgrind python3-aiosmtpd openssl curl chromium desktop-file-utils
DEB_ALL   := $(DEB_BUILD) $(DEB_TEST)

# libFuzzer targets (tests/fuzz/): the program's objects built again by
# clang with coverage, AddressSanitizer and UBSan, whatever SAN says.
FUZZ       := build/fuzz
FUZZ_CC    := clang
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
              -fno-sanitize-recover=all
FUZZ_OBJ   := $(SRC:src/%.c=$(FUZZ)/obj/%.o) $(FUZZ)/obj/cli/mail-exec.o $(FUZZ)/obj/cli/serve-exec.o
FUZZ_BINS  := $(FUZZ)/copil-fuzz-data $(FUZZ)/copil-fuzz-layout $(FUZZ)/copil-fuzz-text
FUZZ_BASE_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(FUZZ_FLAGS) -Isrc $(PKG_CFLAGS) \
                   -DCOPIL_VERSION='"$(VERSION)"'
FUZZ_CFLAGS = $(FUZZ_BASE_CFLAGS) -I$(FUZZ) -MMD -MP

.PHONY: all demo check check-build deps need-deps format install uninstall clean bench regen \
        unit fuzz fuzz-smoke fuzz-run valgrind pot
# --- messages: English in the sources, French in po/fr.po -----------------
# The catalogue is built beside the binary (build/locale/), where an
# uninstalled build/copil finds it; `make pot` lists every marked string.
LINGUAS  := fr
MO       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/copil.mo)
XGETTEXT := xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
            --keyword=P_:1c,2 --keyword=ngettext:1,2 --add-comments=TRANSLATORS: \
            --package-name=copil --package-version=$(VERSION) --msgid-bugs-address= \
            --sort-by-file --no-wrap

all: $(BIN) $(MAIL_BIN) $(SERVE_BIN) $(MO)

$(BUILD)/locale/%/LC_MESSAGES/copil.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

XGETTEXT_OUT ?= po/copil.pot
pot:
	$(XGETTEXT) -o $(XGETTEXT_OUT) $(sort $(wildcard src/*.c src/*/*.c src/*/*.h))

$(BIN): $(OBJ) $(EXEC_OBJ) $(MAIN_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(MAIL_BIN): $(OBJ) $(MAIL_OBJ) $(BUILD)/obj/cli/serve-exec.o $(MAIN_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(MAIL_LIBS)

$(SERVE_BIN): $(OBJ) $(SERVE_OBJ) $(BUILD)/obj/cli/mail-exec.o $(MAIN_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(SERVE_LIBS)

$(UNIT_BIN): $(OBJ) $(EXEC_OBJ) $(UNIT_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(PNGDIFF): tests/tools/pngdiff.c $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS)

# An object depends on its source, the headers -MMD lists in its .d file,
# the compiler and its flags (cflags: a change compiles the whole build
# again), and the generated headers it includes: config.h only for the
# files that include it, so that a change of PREFIX compiles only them.
$(BUILD)/obj/%.o: src/%.c $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/unit/%.o: tests/unit/%.c $(BUILD)/cflags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(FUZZ)/obj/%.o: src/%.c $(FUZZ)/cflags
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

CONFIG_USERS := $(shell grep -l '^\#include "config.h"' src/*.c src/*/*.c)
$(CONFIG_USERS:src/%.c=$(BUILD)/obj/%.o): $(BUILD)/config.h
$(CONFIG_USERS:src/%.c=$(FUZZ)/obj/%.o): $(FUZZ)/config.h
$(BUILD)/obj/pdf/metadata.o: $(BUILD)/srgb-icc.h
$(FUZZ)/obj/pdf/metadata.o: $(FUZZ)/srgb-icc.h

# $(call write-if-changed,TEXT): writes TEXT to $@, or leaves $@ as it is
# (and what depends on it up to date) when $@ holds TEXT already.
write-if-changed = mkdir -p $(@D) && printf '%s\n' '$(subst ','\'',$(1))' >$@.tmp && \
                   { cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@; }

$(BUILD)/cflags: FORCE
	@$(call write-if-changed,$(CC) $(BASE_CFLAGS))
$(FUZZ)/cflags: FORCE
	@$(call write-if-changed,$(FUZZ_CC) $(FUZZ_BASE_CFLAGS))

# The installed folders, compiled in: each build writes its own config.h,
# which changes (and what includes it is compiled again) only with PREFIX.
$(BUILD)/config.h $(FUZZ)/config.h: FORCE
	@mkdir -p $(@D)
	@printf '#define COPIL_DATADIR_DEFAULT "%s"\n#define COPIL_MAIL_DEFAULT "%s"\n#define COPIL_SERVE_DEFAULT "%s"\n#define COPIL_LOCALEDIR_DEFAULT "%s"\n' \
	    '$(DATADIR)' '$(LIBEXECDIR)/copil-mail' '$(LIBEXECDIR)/copil-serve' '$(LOCALEDIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

# The output intent's colour profile, compiled in (color/README.md).
$(BUILD)/srgb-icc.h $(FUZZ)/srgb-icc.h: color/sRGB.icc
	@mkdir -p $(@D)
	@{ echo '/* Generated by the Makefile from color/sRGB.icc: do not edit. */'; \
	   echo 'static const unsigned char srgb_icc[] = {'; \
	   od -An -v -tx1 $< | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	   echo '};'; } > $@.tmp && mv $@.tmp $@

$(FUZZ)/copil-fuzz-data: tests/fuzz/fuzz_render.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_LAYOUT=0 -fsanitize=fuzzer -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

$(FUZZ)/copil-fuzz-layout: tests/fuzz/fuzz_render.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_LAYOUT=1 -fsanitize=fuzzer -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

$(FUZZ)/copil-fuzz-text: tests/fuzz/fuzz_text.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $(filter-out %.h,$^) $(PKG_LIBS)

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(MAIL_OBJ:.o=.d) $(SERVE_OBJ:.o=.d) $(EXEC_OBJ:.o=.d) \
         $(UNIT_OBJ:.o=.d) \
         $(FUZZ_OBJ:.o=.d)

# --- set-up -----------------------------------------------------------

# Installs only when something is missing, so an offline machine that has
# everything is never blocked.
need-deps:
	@if pkg-config --exists $(PKGS) $(RSVG_PKGS) $(MAIL_PKGS) $(SERVE_PKGS) 2>/dev/null && [ -f /usr/include/hyphen.h ] \
	   && [ -f /usr/share/hyphen/hyph_fr.dic ] && command -v xmllint >/dev/null \
	   && command -v pdftotext >/dev/null && command -v qpdf >/dev/null \
	   && command -v mutool >/dev/null && command -v certutil >/dev/null \
	   && command -v python3 >/dev/null && command -v valgrind >/dev/null \
	   && command -v clang >/dev/null && command -v openssl >/dev/null \
	   && [ -d /usr/lib/python3/dist-packages/aiosmtpd ] \
	   && command -v chromium >/dev/null && command -v node >/dev/null && command -v npm >/dev/null \
	   && [ -d tests/browser/node_modules/playwright-core ] && [ -d tests/browser/node_modules/axe-core ] \
	   && command -v msgfmt >/dev/null && command -v man >/dev/null && command -v groff >/dev/null && locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8' \
	   && ls "$$(clang --print-runtime-dir 2>/dev/null)"/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then :; \
	 else $(MAKE) --no-print-directory deps; fi

deps:
	@if [ "$$(id -u)" = 0 ]; then \
	   echo "Installing Debian packages: $(DEB_ALL)"; \
	   apt-get update -q && \
	   DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEB_ALL) && \
	   echo "Generating the fr_FR.UTF-8 locale (the tests run in French and in English)" && \
	   sed -i 's/^# *\(fr_FR\.UTF-8 UTF-8\)/\1/' /etc/locale.gen && \
	   { grep -q '^fr_FR\.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' >>/etc/locale.gen; } && \
	   locale-gen && \
	   { command -v npm >/dev/null || \
	     DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; } && \
	   echo "Installing the browser tests' npm packages (tests/browser/package-lock.json)" && \
	   npm ci --prefix tests/browser --no-audit --no-fund; \
	 else \
	   echo "copil needs these Debian packages; as root, run:"; \
	   echo "  apt-get update && apt-get install -y --no-install-recommends $(DEB_ALL)"; \
	   echo "and, for the browser tests: npm ci --prefix tests/browser"; \
	   exit 1; \
	 fi

# --- the two commands of the README ------------------------------------

demo: need-deps
	@$(MAKE) --no-print-directory all
	@echo "Checking every sample with $(BIN) validate:"
	@$(BIN) validate samples/*.xml
	@mkdir -p out
	@$(BIN) render -d out samples/*.xml
	@$(BIN) dashboard -q --csv out/dashboard -o out/dashboard.pdf samples
	@echo "The documents of every sample, and the académie's dashboard of the samples:"
	@ls -1 out/*.pdf out/dashboard/*.csv
	@mkdir -p out/form && cp samples/*.xml out/form/
	@echo "To see them and change them in a form, in the browser (on copies, in out/form):"
	@echo "  $(BIN) serve out/form --open"

# --- the tests: tests/run.sh ----------------------------------------------

# T picks areas and cases of tests/run.sh (T='bad finish', T=bad/NAME); it
# is read from the command line only, so that a T left in the environment
# cannot shrink the suite that CI runs.
ifeq ($(origin T),environment)
T :=
endif
TEST_ENV = COPIL=$(BIN) UNIT=$(UNIT_BIN) PNGDIFF=$(PNGDIFF) FUZZ=$(FUZZ)

# The build of check and regen, once for all the areas: copil, and of the
# unit tests, pngdiff and the fuzz targets what the picked areas run
# (CHECK_NEEDS, from tests/run.sh --needs), with as many compilers at a time
# as there are cores unless make was given -j. The fuzz targets, the same
# whatever SAN says, are built by clang in build/fuzz/, beside build/ or
# build/san/: under SAN=1 too they are up to date from a plain make check.
CHECK_NEEDS  ?= UNIT PNGDIFF FUZZ
NEED_UNIT    := $(UNIT_BIN)
NEED_PNGDIFF := $(PNGDIFF)
NEED_FUZZ    := $(FUZZ_BINS)
NPROC        := $(shell nproc 2>/dev/null || echo 1)
JOBS          = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
check-build: all $(foreach n,$(CHECK_NEEDS),$(NEED_$(n)))

# The first line stops at a T that picks nothing, before any build; the
# second runs under make -n too, the third not. set -f: a glob in T is
# tests/run.sh's to match, not the shell's.
PICKS_NEED = $(shell set -f; $(TEST_ENV) VALGRIND=$(VALGRIND_AREA) bash tests/run.sh --needs $(T))
check: need-deps
	@set -f; $(TEST_ENV) VALGRIND=$(VALGRIND_AREA) bash tests/run.sh --list $(T) >/dev/null
	@$(MAKE) --no-print-directory $(JOBS) check-build CHECK_NEEDS="$(PICKS_NEED)"
	@set -f; $(TEST_ENV) VALGRIND=$(VALGRIND_AREA) bash tests/run.sh $(T)
# Memcheck cannot run a sanitized binary: no valgrind area under SAN=1.
VALGRIND_AREA = $(if $(filter 1,$(SAN)),,1)

# Rewrites the pinned diagnostics, page dumps, golden texts and reference
# images (of the cases T picks) on purpose: review the diff.
regen: need-deps
	@set -f; $(TEST_ENV) bash tests/run.sh --list $(T) >/dev/null
	@$(MAKE) --no-print-directory $(JOBS) check-build CHECK_NEEDS="$(PICKS_NEED)"
	@set -f; $(TEST_ENV) bash tests/run.sh --update $(T)

unit: $(UNIT_BIN)
	@$(UNIT_BIN)

# The fuzz targets; `make fuzz-run T=data|layout|text [SECONDS=1800]` fuzzes
# one of them, `make fuzz-smoke` replays the seeds and the reproducers.
fuzz: $(FUZZ_BINS)

fuzz-run: fuzz
	@bash tests/fuzz/run.sh $(FUZZ) $(or $(T),data) $(or $(SECONDS),1800)

fuzz-smoke: fuzz
	@FUZZ=$(FUZZ) bash tests/fuzz/smoke.sh

# Memcheck over the rendering of every sample (tests/valgrind.sh).
valgrind: all
	@COPIL=$(BIN) bash tests/valgrind.sh

bench: all
	@bash bench/run.sh $(BIN)
	@bash bench/render.sh $(BIN)
	@bash bench/batch.sh $(BIN)
	@bash bench/hostile.sh $(BIN)
	@bash bench/memory.sh $(BIN)
	@bash bench/serve.sh $(BIN)
	@bash bench/dashboard.sh $(BIN)
	@if [ -x ../shared/bench/compare.sh ]; then ../shared/bench/compare.sh $(BIN); fi

format:
	clang-format -i $(wildcard src/*.c src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h tests/tools/*.c)

# --- install -------------------------------------------------------------

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/schemas $(DESTDIR)$(DATADIR)/stylesheets \
	           $(DESTDIR)$(DATADIR)/fonts
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/copil
	install -d $(DESTDIR)$(LIBEXECDIR)
	install -m 755 $(MAIL_BIN) $(DESTDIR)$(LIBEXECDIR)/copil-mail
	install -m 755 $(SERVE_BIN) $(DESTDIR)$(LIBEXECDIR)/copil-serve
	install -m 644 schemas/*.xsd $(DESTDIR)$(DATADIR)/schemas/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/fr/man1 \
	           $(DESTDIR)$(MANDIR)/fr/man5 $(DESTDIR)$(COMPLETIONDIR)
	install -m 644 man/copil.1 $(DESTDIR)$(MANDIR)/man1/copil.1
	install -m 644 man/copil-data.5 $(DESTDIR)$(MANDIR)/man5/copil-data.5
	install -m 644 man/fr/copil.1 $(DESTDIR)$(MANDIR)/fr/man1/copil.1
	install -m 644 man/fr/copil-data.5 $(DESTDIR)$(MANDIR)/fr/man5/copil-data.5
	install -m 644 completion/copil $(DESTDIR)$(COMPLETIONDIR)/copil
	install -d $(DESTDIR)$(APPLICATIONSDIR)
	install -m 644 desktop/copil.desktop $(DESTDIR)$(APPLICATIONSDIR)/copil.desktop
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/copil.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; \
	done
	cp -R stylesheets/. $(DESTDIR)$(DATADIR)/stylesheets/
	cp -R fonts/. $(DESTDIR)$(DATADIR)/fonts/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/copil
	rm -rf $(DESTDIR)$(LIBEXECDIR)
	rm -rf $(DESTDIR)$(DATADIR)
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/copil.mo; done
	rm -f $(DESTDIR)$(MANDIR)/man1/copil.1 $(DESTDIR)$(MANDIR)/man5/copil-data.5 \
	      $(DESTDIR)$(MANDIR)/fr/man1/copil.1 $(DESTDIR)$(MANDIR)/fr/man5/copil-data.5 \
	      $(DESTDIR)$(COMPLETIONDIR)/copil $(DESTDIR)$(APPLICATIONSDIR)/copil.desktop

clean:
	rm -rf build out tests/tmp
