#!/usr/bin/env bash
# The whole test suite: installs what it needs (once), builds with zero warnings allowed,
# runs every test target, then builds the Debian package and tests it under a real systemd
# (scripts/test-unit.sh; as root). This is what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test

echo "== swift build (warnings are errors for our sources)"
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log" | grep -E "error|warning:|Compiling|Build complete" | grep -v "^\[" || true
if grep -E "^/.*/(Sources|Tests)/.*warning:" "$log" | grep -v "/.build" ; then
    echo "test.sh: the build printed warnings (above); fix them." >&2
    exit 1
fi
if ! grep -q "Build complete" "$log"; then
    echo "test.sh: the build failed." >&2
    exit 1
fi

echo "== systemd unit"
scripts/check-systemd.sh .build/debug/rectifyd

echo "== swift test"
swift test --skip-build 2>&1 | tail -n 200

echo "== web listener: attacks and the responder/office loop (scripts/web-tests.py)"
timeout 300 python3 scripts/web-tests.py --bin .build/debug
echo "== web listener in Chromium: from a mail in the Maildir through approval (scripts/web-browser-tests.py)"
timeout 300 python3 scripts/web-browser-tests.py --bin .build/debug

echo "== every example in README.md and docs/ (scripts/doc-examples.py)"
timeout 600 python3 scripts/doc-examples.py --bin .build/debug

echo "== chaos (kill -9 during delivery, receivers down, a second daemon; docs/operations.md)"
timeout 300 python3 scripts/chaos.py --kills 6 --items 40 --bin .build/debug/rectifyd

# The .deb (release build, reused when up to date) installed in Debian 12 booted with
# systemd-nspawn: the unit under a real systemd. The guest image is debootstrapped once and
# cached in /var/cache/rectifyd-test-unit.
echo "== the package under a real systemd (scripts/test-unit.sh)"
scripts/test-unit.sh
