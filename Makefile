# Build and install rectifyd (docs/install.md).
#
#   make                                release binaries, man pages, shell completions
#   make deb                            the Debian package (.build/deb/rectifyd_VERSION_ARCH.deb)
#   sudo make install                   programs under PREFIX, the unit, /etc/rectifyd
#   make install DESTDIR=/tmp/stage     the same into a staging tree (packaging, checks)
#   sudo make uninstall                 removes what install put there; keeps /etc/rectifyd,
#                                       /var/lib/rectifyd and the rectifyd user
#
# Units, sysusers.d and tmpfiles.d files go under $(PREFIX)/lib, which systemd searches for
# both /usr/local and /usr. The unit's ExecStart= is rewritten to $(BINDIR). The config lives
# in /etc/rectifyd whatever PREFIX is (the unit's ConfigurationDirectory=).
#
# The release binaries link the Swift runtime in (--static-swift-stdlib): they need only
# libc, libstdc++, libcurl, libsqlite3, libxml2 and zlib from the system, so they run on a
# server without a Swift toolchain and survive a toolchain upgrade on one with it.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/rectifyd
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
CONFDIR := /etc/rectifyd
# SwiftPM's build directory (--scratch-path).
SCRATCH ?= .build

RELEASE := $(SCRATCH)/release
GEN := $(SCRATCH)/generated
MANUALS := $(SCRATCH)/plugins/GenerateManual/outputs
DOCS := docs/install.md docs/configuration.md docs/receivers.md docs/plan-format.md docs/check-output.md \
    docs/import.md docs/api.md docs/robots.md docs/operations.md

.PHONY: all build man completions install uninstall deb clean-generated

all: build man completions

build:
	swift build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product rectifyd
	swift build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product rectifyctl

# ArgumentParser's generate-manual plugin (works offline: it ships with the dependency).
# It writes every product's page with one section; rectifyd is a daemon (8), rectifyctl a
# user command (1). The plugin builds every product first, by default in release mode
# without --static-swift-stdlib, which would relink the release binaries against the
# toolchain's shared runtime: it uses the debug build instead (the pages are the same, and
# the test suite has usually built it already). Blank lines between paragraphs of help
# text become .Pp (groff warns about empty input lines and they are not mdoc).
man: build
	mkdir -p $(GEN)/man
	swift package --scratch-path $(SCRATCH) plugin generate-manual --configuration debug --section 8 >/dev/null
	sed 's/^$$/.Pp/' $(MANUALS)/rectifyd/rectifyd.8 > $(GEN)/man/rectifyd.8
	swift package --scratch-path $(SCRATCH) plugin generate-manual --configuration debug --section 1 >/dev/null
	sed 's/^$$/.Pp/' $(MANUALS)/rectifyctl/rectifyctl.1 > $(GEN)/man/rectifyctl.1

completions: build
	mkdir -p $(GEN)/bash $(GEN)/zsh $(GEN)/fish
	for tool in rectifyd rectifyctl; do \
	    $(RELEASE)/$$tool --generate-completion-script bash > $(GEN)/bash/$$tool && \
	    $(RELEASE)/$$tool --generate-completion-script zsh > $(GEN)/zsh/_$$tool && \
	    $(RELEASE)/$$tool --generate-completion-script fish > $(GEN)/fish/$$tool.fish || exit 1; \
	done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(DOCDIR)/examples \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 $(RELEASE)/rectifyd $(RELEASE)/rectifyctl $(DESTDIR)$(BINDIR)/
	sed 's|/usr/local/bin/|$(BINDIR)/|g' systemd/rectifyd.service > $(DESTDIR)$(UNITDIR)/rectifyd.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/rectifyd.service
	install -m 0644 systemd/rectifyd.sysusers $(DESTDIR)$(SYSUSERSDIR)/rectifyd.conf
	install -m 0644 systemd/rectifyd.tmpfiles $(DESTDIR)$(TMPFILESDIR)/rectifyd.conf
	install -m 0644 $(GEN)/man/rectifyctl.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(GEN)/man/rectifyd.8 $(DESTDIR)$(MANDIR)/man8/
	for tool in rectifyd rectifyctl; do \
	    install -m 0644 $(GEN)/bash/$$tool $(DESTDIR)$(BASHCOMPDIR)/$$tool && \
	    install -m 0644 $(GEN)/zsh/_$$tool $(DESTDIR)$(ZSHCOMPDIR)/_$$tool && \
	    install -m 0644 $(GEN)/fish/$$tool.fish $(DESTDIR)$(FISHCOMPDIR)/$$tool.fish || exit 1; \
	done
	install -m 0644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	install -m 0644 systemd/rectifyd.yaml config/plans/example.yaml $(DESTDIR)$(DOCDIR)/examples/
	install -d -m 0755 $(DESTDIR)$(CONFDIR) $(DESTDIR)$(CONFDIR)/plans
	install -d -m 0700 $(DESTDIR)$(CONFDIR)/credentials
	@# An existing config is never overwritten.
	if [ ! -e $(DESTDIR)$(CONFDIR)/rectifyd.yaml ]; then \
	    sed 's|/usr/local/share/doc/rectifyd|$(DOCDIR)|g' systemd/rectifyd.yaml > $(DESTDIR)$(CONFDIR)/rectifyd.yaml && \
	    chmod 0644 $(DESTDIR)$(CONFDIR)/rectifyd.yaml; \
	fi
ifeq ($(DESTDIR),)
	systemd-sysusers $(SYSUSERSDIR)/rectifyd.conf
	systemd-tmpfiles --create $(TMPFILESDIR)/rectifyd.conf
	if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
endif

uninstall:
ifeq ($(DESTDIR),)
	if [ -d /run/systemd/system ]; then systemctl disable --now rectifyd.service || true; fi
endif
	rm -f $(DESTDIR)$(BINDIR)/rectifyd $(DESTDIR)$(BINDIR)/rectifyctl
	rm -f $(DESTDIR)$(UNITDIR)/rectifyd.service $(DESTDIR)$(SYSUSERSDIR)/rectifyd.conf \
	    $(DESTDIR)$(TMPFILESDIR)/rectifyd.conf
	rm -f $(DESTDIR)$(MANDIR)/man1/rectifyctl.1 $(DESTDIR)$(MANDIR)/man8/rectifyd.8
	for tool in rectifyd rectifyctl; do \
	    rm -f $(DESTDIR)$(BASHCOMPDIR)/$$tool $(DESTDIR)$(ZSHCOMPDIR)/_$$tool $(DESTDIR)$(FISHCOMPDIR)/$$tool.fish; \
	done
	rm -rf $(DESTDIR)$(DOCDIR)
ifeq ($(DESTDIR),)
	if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
endif
	@echo "Kept: $(CONFDIR) (config, plans, credentials), /var/lib/rectifyd (state) and the rectifyd user."

# The Debian package: stages `make install DESTDIR=… PREFIX=/usr` (which builds), adds
# packaging/debian (control, maintainer scripts, copyright, changelog, lintian overrides) and
# runs dpkg-deb (scripts/build-deb.sh).
deb:
	SCRATCH=$(SCRATCH) scripts/build-deb.sh

clean-generated:
	rm -rf $(GEN)
