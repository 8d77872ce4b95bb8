#!/usr/bin/env bash
# Daemon benchmarks (issue: the deadline-watching daemon). Prints a table.
#   bench/daemon.sh            # 100,000 items, 60 s idle
#   ITEMS=20000 IDLE=10 bench/daemon.sh
# Targets: load+evaluate 100k items < 1 s and < 200 MB RSS; timer lateness p99 < 10 ms;
# no wake-ups when idle other than the next instant.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
IDLE=${IDLE:-60}
SCRATCH=.build-bench
scripts/install-deps.sh
swift build -c release --scratch-path "$SCRATCH" --product rectify-bench >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product rectifyd >/dev/null
BIN="$SCRATCH/release"

declare -A R
plan=$(mktemp --suffix=.json)
"$BIN/rectify-bench" generate "$ITEMS" "$plan"
while IFS=$'\t' read -r k v; do R[$k]=$v; done < <("$BIN/rectify-bench" load 0 "$plan")
while IFS=$'\t' read -r k v; do R[$k]=$v; done < <("$BIN/rectify-bench" timer "$ITEMS")

# Idle cost: the daemon with nothing due for IDLE seconds.
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp" "$plan"' EXIT
cat > "$tmp/plan.yaml" <<PLAN
plan: {id: idle, unit: 空闲测试, title: 空闲}
items:
  - {id: "1", title: 远期事项, status: in_progress, deadline: 2035-12-31, last_update: $(date -u +%Y-%m-%dT%H:%M:%SZ)}
PLAN
cat > "$tmp/rectifyd.yaml" <<CONF
state_dir: state
plans: [plan.yaml]
alerts: {digest: {enabled: false}}
control: {socket: state/rectifyd.sock}
receivers: [{name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}]
CONF
"$BIN/rectifyd" --config "$tmp/rectifyd.yaml" 2>"$tmp/log" &
pid=$!
sleep 2
# Context switches per thread (tid count), so threads that come or go do not skew the sum.
ctx() { for t in /proc/$pid/task/*; do echo "${t##*/} $(awk '/ctxt_switches/ {s+=$2} END {print s}' "$t/status" 2>/dev/null)"; done; }
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
ctx > "$tmp/ctx0"; t0=$(cpu)
sleep "$IDLE"
ctx > "$tmp/ctx1"; t1=$(cpu)
switches=$(awk 'NR==FNR {a[$1]=$2; next} ($1 in a) {s += $2 - a[$1]} END {print s+0}' "$tmp/ctx0" "$tmp/ctx1")
threads=$(wc -l < "$tmp/ctx1")
hz=$(getconf CLK_TCK)
kill -TERM $pid; wait $pid || true

printf '%-44s %14s %14s\n' "measure" "value" "target"
printf '%-44s %14s %14s\n' "items" "${R[load_items]}" ""
printf '%-44s %14s %14s\n' "plan file MB (JSON)" "$(( $(stat -c %s "$plan") / 1048576 ))" ""
printf '%-44s %14s %14s\n' "load (parse + validate) s" "${R[load_seconds]}" ""
printf '%-44s %14s %14s\n' "first evaluation s" "${R[evaluate_seconds]}" ""
printf '%-44s %14s %14s\n' "load + first evaluation s" "${R[load_and_evaluate_seconds]}" "< 1"
printf '%-44s %14s %14s\n' "peak RSS MB" "${R[peak_rss_mb]}" "< 200"
printf '%-44s %14s %14s\n' "armed instants fired" "${R[timer_instants]}" ""
printf '%-44s %14s %14s\n' "timer lateness p50 ms" "${R[timer_lateness_p50_ms]}" ""
printf '%-44s %14s %14s\n' "timer lateness p99 ms" "${R[timer_lateness_p99_ms]}" "< 10"
printf '%-44s %14s %14s\n' "timer lateness max ms" "${R[timer_lateness_max_ms]}" ""
printf '%-44s %14s %14s\n' "idle ${IDLE}s: context switches ($threads threads)" "$switches" "~0"
printf '%-44s %14s %14s\n' "idle ${IDLE}s: CPU seconds" "$(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN{printf "%.3f", (b-a)/hz}')" "~0"
