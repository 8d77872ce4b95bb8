#!/usr/bin/env bash
# rectifyd beside the tools an office would use instead, on the same workload, from one run:
# Taskwarrior (`task overdue`), remind, and Prometheus Alertmanager holding one alert per open
# item. Prints a table: each measure, rectifyd's figure, the peer's, and rectifyd ÷ peer
# (below 1: rectifyd is faster or smaller).
#   bench/peers.sh                         # 10,000 and 100,000 items, 30 s idle
#   SIZES=10000 IDLE=10 bench/peers.sh
#   SCRATCH=.build-perf bench/peers.sh     # reuse another release build directory
# Installs taskwarrior, remind and prometheus-alertmanager from Debian when they are missing.
# Every server listens on 127.0.0.1 only and is stopped when the script ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}
IDLE=${IDLE:-30}
SCRATCH=${SCRATCH:-.build-bench}

need=()
command -v task >/dev/null 2>&1 || need+=(taskwarrior)
command -v remind >/dev/null 2>&1 || need+=(remind)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
    echo "peers: apt-get install ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
scripts/install-deps.sh
tmp=$(mktemp -d)
. bench/lib.sh
cleanup() {
    stop_child
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
build_release "$SCRATCH" rectifyd rectifyctl rectify-bench

for n in $SIZES; do
    "$BIN/rectify-bench" generate "$n" "$tmp/plan-$n.json"
    # peers.py stops what it started on SIGTERM (rectifyd, Alertmanager, the webhook receiver).
    run_child python3 bench/peers.py "$BIN" "$tmp/plan-$n.json" "$tmp/work-$n" --idle "$IDLE" > "$tmp/rows-$n"
done

printf '%-58s %8s  %-14s %10s %10s %9s\n' "measure" "items" "peer" "rectifyd" "peer" "rd÷peer"
for n in $SIZES; do
    while IFS=$'\t' read -r measure peer ours theirs; do
        ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }')
        printf '%-58s %8s  %-14s %10s %10s %9s\n' "$measure" "$n" "$peer" "$ours" "$theirs" "$ratio"
    done < "$tmp/rows-$n"
done
