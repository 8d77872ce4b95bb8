#!/usr/bin/env bash
# The whole test suite under ThreadSanitizer: the test process and every rectifyd the tests
# start (built beside the tests with the same sanitizer). Any data race report fails the run.
#   scripts/tsan.sh                  # build into .build-tsan, run every test
#   scripts/tsan.sh --filter Fault   # extra arguments go to swift test
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
SCRATCH=.build-tsan
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
echo "== swift build --sanitize=thread"
swift build --build-tests --sanitize=thread --scratch-path "$SCRATCH" 2>&1 | grep -E "error:|Build complete" || true
# Reports go to files (one per process, children included) instead of stderr, where a daemon's
# would vanish into a test's log capture.
export TSAN_OPTIONS="log_path=$reports/tsan second_deadlock_stack=1"
echo "== swift test --sanitize=thread"
status=0
swift test --skip-build --sanitize=thread --scratch-path "$SCRATCH" "$@" 2>&1 | tail -n 40 || status=$?
shopt -s nullglob
found=("$reports"/tsan*)
if ((${#found[@]})); then
    echo "== ThreadSanitizer reports (${#found[@]} processes)"
    cat "${found[@]}" | head -n 400
    echo "tsan.sh: ThreadSanitizer reported problems (above)." >&2
    exit 1
fi
if ((status != 0)); then
    echo "tsan.sh: the tests failed under ThreadSanitizer." >&2
    exit "$status"
fi
echo "tsan.sh: no ThreadSanitizer reports."
