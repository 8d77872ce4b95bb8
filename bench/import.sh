#!/bin/sh
# Import benchmark: all five seed reports, and a generated ~1 MB report.
# Builds rectifyctl in release mode (own scratch path), then times in-process runs with the
# hidden `rectifyctl import --bench-repeat N` flag and prints the median of N runs.
# Targets: seeds < 100 ms, 1 MB < 1 s.
set -eu
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build-import-release}
runs=${RUNS:-21}
swift build -c release --scratch-path "$scratch" --product rectifyctl >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/rectifyctl"
large=$(mktemp /tmp/rectify-large-report.XXXXXX.txt)
trap 'rm -f "$large"' EXIT
python3 bench/make-large-report.py seeds/000_3f65e14414f6d587.txt "$large" 1000000 2>/dev/null

field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
row() {
    name=$1 target=$2
    shift 2
    out=$("$bin" import --bench-repeat "$runs" "$@")
    median=$(field "$out" median_ms)
    verdict=$(awk -v m="$median" -v t="$target" 'BEGIN { print (m < t) ? "ok" : "SLOW" }')
    printf '%-22s %9s %6s %9s %9s %10s  %s\n' "$name" "$(field "$out" bytes)" "$(field "$out" items)" \
        "$median" "$(field "$out" min_ms)" "< $target" "$verdict"
}
printf '%-22s %9s %6s %9s %9s %10s\n' "input" "bytes" "items" "median_ms" "min_ms" "target_ms"
row "five seeds" 100 seeds/*.txt
row "generated 1 MB report" 1000 "$large"
echo "(median and best of $runs in-process runs, release build)"
