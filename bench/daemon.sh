#!/usr/bin/env bash
# The daemon as users meet it, measured from outside (bench/daemon_probe.py), and the loader
# and timer inside it (rectify-bench). Prints a table.
#   bench/daemon.sh                          # 100,000 items, 30 s idle after a burst of 200 requests
#   ITEMS=20000 IDLE=10 bench/daemon.sh
#   SCRATCH=.build-perf bench/daemon.sh      # reuse another release build directory
# The daemon runs on a fresh state directory with a Maildir receiver: start to READY=1 (on a
# notify socket of ours, as systemd's), RSS at ready, the cold-start backlog delivered, idle
# and peak RSS, wake-ups of every thread over IDLE s after a burst of control requests, a
# restart on the same state to READY=1; then items going stale at known instants with a
# webhook receiver on 127.0.0.1 (instant -> POST received). Everything started is stopped at
# exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
IDLE=${IDLE:-30}
BURST=${BURST:-200}
SCRATCH=${SCRATCH:-.build-bench}
command -v python3 >/dev/null 2>&1 || { echo "daemon.sh needs python3" >&2; exit 1; }
scripts/install-deps.sh
tmp=$(mktemp -d)
. bench/lib.sh
cleanup() {
    stop_child
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
build_release "$SCRATCH" rectify-bench rectifyd rectifyctl

declare -A R
probe() { run_child python3 bench/daemon_probe.py "$@" > "$tmp/probe.out"; while IFS=$'\t' read -r k v; do R[$k]=$v; done < "$tmp/probe.out"; }
"$BIN/rectify-bench" generate "$ITEMS" "$tmp/plan.json"
"$BIN/rectify-bench" generate "$ITEMS" "$tmp/plan.yaml"
while IFS=$'\t' read -r k v; do R[$k]=$v; done < <("$BIN/rectify-bench" load 0 "$tmp/plan.json")
R[yaml_load_seconds]=$("$BIN/rectify-bench" load 0 "$tmp/plan.yaml" | awk -F'\t' '$1 == "load_seconds" {print $2}')
while IFS=$'\t' read -r k v; do R[$k]=$v; done < <("$BIN/rectify-bench" timer "$ITEMS")
for n in 200 5000; do
    while IFS=$'\t' read -r k v; do R[${k}_$n]=$v; done < <("$BIN/rectify-bench" render "$n")
done
probe lifecycle "$BIN/rectifyd" "$tmp/plan.json" "$tmp/life" --idle "$IDLE" --burst "$BURST" --rectifyctl "$BIN/rectifyctl"
probe latency "$BIN/rectifyd" "$tmp/latency"

row() { printf '%-52s %12s %12s\n' "$1" "$2" "$3"; }
row "measure ($ITEMS items)" "value" "target"
row "plan file MiB (JSON / YAML)" "$(( $(stat -c %s "$tmp/plan.json") / 1048576 )) / $(( $(stat -c %s "$tmp/plan.yaml") / 1048576 ))" ""
row "loader: JSON load s / YAML load s" "${R[load_seconds]} / ${R[yaml_load_seconds]}" "- / ≤ 2"
row "loader: load + first evaluation s (JSON)" "${R[load_and_evaluate_seconds]}" ""
row "loader: peak RSS MiB (JSON)" "${R[peak_rss_mb]}" ""
row "daemon: start to READY=1, fresh state, s" "${R[fresh_ready_seconds]}" "≤ 1"
row "daemon: RSS at READY=1, MiB" "${R[fresh_ready_rss_mib]}" ""
row "daemon: backlog into Maildir, notices / items" "${R[backlog_notices]} / ${R[backlog_items]}" ""
row "daemon: backlog delivery, wall s / CPU s" "${R[backlog_wall_seconds]} / ${R[backlog_cpu_seconds]}" "≤ 2"
row "daemon: RSS idle after the backlog, MiB" "${R[idle_rss_mib]}" "≤ 150"
row "daemon: RSS after $BURST requests, MiB" "${R[after_requests_rss_mib]}" ""
row "daemon: peak RSS (VmHWM), MiB" "${R[peak_rss_mib]}" "≤ 200"
row "daemon: overdue query, HTTP median ms" "${R[query_http_ms]}" ""
row "daemon: rectifyctl items --state overdue, s" "${R[query_cli_seconds]}" ""
row "daemon: wake-ups over ${IDLE} s idle after $BURST requests" "${R[idle_wakeups]}" "0 + timers"
row "daemon: CPU s over ${IDLE} s idle" "${R[idle_cpu_seconds]}" "~0"
row "daemon: threads" "${R[threads]}" ""
row "daemon: start to READY=1, restart, s" "${R[restart_ready_seconds]}" "≤ 0.5"
row "daemon: RSS at READY=1 after restart, MiB" "${R[restart_ready_rss_mib]}" ""
row "daemon: instant -> webhook received p50 / max ms" "${R[latency_p50_ms]:--} / ${R[latency_max_ms]:--}" "≤ 2 p50"
row "timer: lateness p50 / p99 ms (${R[timer_instants]} instants)" "${R[timer_lateness_p50_ms]} / ${R[timer_lateness_p99_ms]}" "- / < 10"
row "notice of 200 entries rendered (text + HTML), ms" "${R[render_ms_200]}" "milliseconds"
row "digest of 5,000 entries rendered (text + HTML), ms" "${R[render_ms_5000]}" "milliseconds"
echo "wake-ups by thread: ${R[idle_wakeups_by_thread]}"
