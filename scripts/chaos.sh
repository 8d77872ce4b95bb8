#!/usr/bin/env bash
# rectifyd under faults (issue 11): kill -9 at random moments during delivery to an SMTP and
# a webhook receiver with delays, receivers down and back, a second daemon on the same state.
# Loopback only, a few minutes at most. Prints expected / delivered / duplicated / lost /
# stalled and exits 1 when a goal is missed. Options: --kills N --items N --seed S --bin PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
if [[ " $* " != *" --bin "* ]]; then
    swift build --product rectifyd 2>&1 | grep -E "error|warning:|Compiling|Build complete" | grep -v "^\[" || true
fi
exec timeout 600 python3 scripts/chaos.py "$@"
