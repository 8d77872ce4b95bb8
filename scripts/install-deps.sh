#!/usr/bin/env bash
# Installs what building and testing rectifyd needs on Debian 12, once: the C libraries
# libcurl (every outbound byte) and SQLite (GRDB); with --test Python with aiosmtpd (the
# SMTP server tests talk to), openssl (test certificates), systemd-analyze, for the web
# listener's browser tests Debian's Chromium with chromium-driver and Selenium, and for the
# ledger tests LibreOffice Calc and Writer (re-saving and converting office files, headless),
# poppler-utils (pdftoppm for the docs picture), CJK fonts, openpyxl and python-docx; with
# --package what `make deb` needs (dpkg-dev, lintian); with --unit that and what
# scripts/test-unit.sh needs (systemd-nspawn, debootstrap).
# Quick when everything is already there: it checks before it installs.
set -euo pipefail

want=(libcurl4-openssl-dev libsqlite3-dev pkg-config)
if [ "${1:-}" = "--test" ]; then
    want+=(openssl ca-certificates)
    # Debian's python3 comes without pip (the Swift toolchain pulls in python3, not pip).
    command -v python3 >/dev/null 2>&1 || want+=(python3)
    python3 -m pip --version >/dev/null 2>&1 || want+=(python3-pip)
    command -v systemd-analyze >/dev/null 2>&1 || want+=(systemd)
    want+=(chromium chromium-driver libreoffice-calc libreoffice-writer poppler-utils fonts-noto-cjk)
fi
# `make deb`: dpkg-shlibdeps and dpkg-parsechangelog; lintian checks the package.
if [ "${1:-}" = "--package" ] || [ "${1:-}" = "--unit" ]; then
    want+=(dpkg-dev lintian binutils)
fi
# scripts/test-unit.sh: a Debian guest booted with systemd-nspawn.
if [ "${1:-}" = "--unit" ]; then
    want+=(systemd-container debootstrap util-linux procps)
fi
need_apt=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
    echo "install-deps: apt-get install ${need_apt[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
    # openpyxl and python-docx write the ledger tests' files and read the drafted 通报 (.docx) back.
    for module in openpyxl:openpyxl docx:python-docx; do
        if ! python3 -c "import ${module%%:*}" 2>/dev/null; then
            echo "install-deps: pip install ${module##*:}" >&2
            python3 -m pip install -q "${module##*:}" 2>/dev/null \
                || python3 -m pip install -q --break-system-packages "${module##*:}"
        fi
    done
    if ! python3 -c "import aiosmtpd" 2>/dev/null; then
        echo "install-deps: pip install aiosmtpd" >&2
        python3 -m pip install -q aiosmtpd 2>/dev/null \
            || python3 -m pip install -q --break-system-packages aiosmtpd
    fi
    if ! python3 -c "import selenium" 2>/dev/null; then
        echo "install-deps: pip install selenium" >&2
        python3 -m pip install -q selenium 2>/dev/null \
            || python3 -m pip install -q --break-system-packages selenium
    fi
fi
