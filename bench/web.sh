#!/usr/bin/env bash
# Web listener benchmark: the office's board over 100,000 items and a responder's page behind
# a signed link, with 50 concurrent clients (keep-alive, a Python load generator on the same
# 2 cores), p50/p99 latency. Goal: board p99 under 200 ms at 100,000 items on this machine.
#   bench/web.sh                          # 100,000 items, 50 clients, 10 s per page
#   ITEMS=20000 CLIENTS=20 DURATION=5 bench/web.sh
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
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/rectify-bench" generate "$ITEMS" "$tmp/plan.json"
head -c 48 /dev/urandom | base64 > "$tmp/link-key"
printf 'bench-password-1\n' | "$BIN/rectifyctl" web passwd bench --role office --accounts "$tmp/accounts.yaml" --password-stdin >/dev/null
cat > "$tmp/rectifyd.yaml" <<CONF
state_dir: state
plans: [plan.json]
log_level: warning
alerts: {digest: {enabled: false}}
control: {socket: state/rectifyd.sock}
web: {listen: "127.0.0.1:$port", base_url: "http://127.0.0.1:$port", link_key_file: link-key, accounts_file: accounts.yaml}
receivers: [{name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}]
CONF
start_settled_daemon "$tmp"
sock="$tmp/state/rectifyd.sock"
base="http://127.0.0.1:$port"
cookie=$(curl -s -o /dev/null -D - -d 'user=bench&password=bench-password-1' "$base/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
# A responder's page: the link of the first mail in the Maildir, and how many items it shows.
link=$(python3 - "$tmp/state/Maildir/new" <<'PY'
import email, os, re, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    m = email.message_from_binary_file(open(os.path.join(d, name), "rb"))
    for part in m.walk():
        if part.get_content_type() == "text/plain":
            found = re.search(r"https?://[^/\s]+(/r/\S+)", part.get_payload(decode=True).decode())
            if found:
                print(found.group(1)); raise SystemExit
PY
)
page=$(curl -s "$base$link")
items_on_page="$(printf '%s' "$page" | grep -o 'id="item-' | wc -l) of $(printf '%s' "$page" | grep -o '共[0-9]*项' | head -1 | tr -dc 0-9 || true)"
[ -z "${items_on_page##* of }" ] && items_on_page="${items_on_page% of }"
curl -s -o /dev/null -b "$cookie" "$base/board"   # the first board request computes the figures
run() { python3 bench/web-load.py "$base" "$1" "$CLIENTS" "$SECONDS_PER" "${2:-}"; }
declare -A B R L
while IFS=$'\t' read -r k v; do B[$k]=$v; done < <(run "/board" "$cookie")
while IFS=$'\t' read -r k v; do R[$k]=$v; done < <(run "$link")
while IFS=$'\t' read -r k v; do L[$k]=$v; done < <(run "/items?state=overdue" "$cookie")

printf '%-52s %12s %10s %10s %10s\n' "page ($ITEMS items, $CLIENTS clients)" "requests/s" "p50 ms" "p99 ms" "failures"
printf '%-52s %12s %10s %10s %10s\n' "GET /board (goal: p99 < 200 ms)" "${B[requests_per_second]}" "${B[latency_p50_ms]}" "${B[latency_p99_ms]}" "${B[failures]}"
printf '%-52s %12s %10s %10s %10s\n' "GET /items?state=overdue (100 rows)" "${L[requests_per_second]}" "${L[latency_p50_ms]}" "${L[latency_p99_ms]}" "${L[failures]}"
printf '%-52s %12s %10s %10s %10s\n' "GET /r/TOKEN (responder page: $items_on_page items)" "${R[requests_per_second]}" "${R[latency_p50_ms]}" "${R[latency_p99_ms]}" "${R[failures]}"
