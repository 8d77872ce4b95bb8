#!/usr/bin/env bash
# The main job on shipped defaults: rectifyd watches the five seed reports and the example
# plan, and delivers its alerts as real mails into state/Maildir. Ctrl-C stops it (the
# outbox and the notification log survive in state/state.sqlite; a restart sends nothing twice).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product rectifyd 2>&1 | grep -E "error|warning:|Compiling rectifyd|Build complete" || true
swift build --product rectifyctl >/dev/null 2>&1 || true
test -x .build/debug/rectifyd || { echo "demo: the build failed" >&2; exit 1; }
mkdir -p state
echo "demo: rectifyd --config config/rectifyd.yaml  (alerts → state/Maildir/new, Ctrl-C to stop)" >&2
if [ -n "${DEMO_SECONDS:-}" ]; then
    timeout --signal=TERM "$DEMO_SECONDS" .build/debug/rectifyd --config config/rectifyd.yaml || true
    echo "demo: $(ls state/Maildir/new 2>/dev/null | wc -l) mails in state/Maildir/new" >&2
else
    exec .build/debug/rectifyd --config config/rectifyd.yaml
fi
