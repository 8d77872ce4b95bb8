#!/usr/bin/env bash
# Control socket benchmark: requests/s and latency of `status` and of an `items` query
# over 100,000 items with 50 concurrent clients, and the wall time of one rectifyctl call.
#   bench/control.sh                 # 100,000 items, 50 clients, 10 s per endpoint
#   ITEMS=20000 CLIENTS=20 DURATION=5 bench/control.sh
# (DURATION, not SECONDS: bash's own SECONDS counts the script's run time, so reading it
# gave each endpoint about 0 s.)
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
CLIENTS=${CLIENTS:-50}
SECONDS_PER=${DURATION:-10}
SCRATCH=${SCRATCH:-.build-bench}
scripts/install-deps.sh
. bench/lib.sh
build_release "$SCRATCH" rectify-bench rectifyd rectifyctl
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$BIN/rectify-bench" generate "$ITEMS" "$tmp/plan.json"
cat > "$tmp/rectifyd.yaml" <<CONF
state_dir: state
plans: [plan.json]
log_level: warning
alerts: {digest: {enabled: false}}
control: {socket: state/rectifyd.sock}
receivers: [{name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}]
CONF
start_settled_daemon "$tmp"
sock="$tmp/state/rectifyd.sock"

run() { "$BIN/rectify-bench" control 0 "$sock" "$1" "$CLIENTS" "$SECONDS_PER"; }
declare -A S I
while IFS=$'\t' read -r k v; do S[$k]=$v; done < <(run "/v1/status")
while IFS=$'\t' read -r k v; do I[$k]=$v; done < <(run "/v1/items?state=overdue&limit=50")

# One rectifyctl call, start to exit (median of 21).
times=()
for _ in $(seq 1 21); do
    t0=$(date +%s%N); "$BIN/rectifyctl" status --socket "$sock" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)

printf '%-48s %12s %12s %12s %12s\n' "endpoint ($ITEMS items, $CLIENTS clients)" "requests/s" "p50 ms" "p99 ms" "failures"
printf '%-48s %12s %12s %12s %12s\n' "GET /v1/status" "${S[requests_per_second]}" "${S[latency_p50_ms]}" "${S[latency_p99_ms]}" "${S[failures]}"
printf '%-48s %12s %12s %12s %12s\n' "GET /v1/items?state=overdue&limit=50" "${I[requests_per_second]}" "${I[latency_p50_ms]}" "${I[latency_p99_ms]}" "${I[failures]}"
printf '%-48s %12s\n' "rectifyctl status, start to exit (median ms)" "$(awk -v us="$median" 'BEGIN{printf "%.1f", us/1000}')"
