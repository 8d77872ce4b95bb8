# Shared by the bench/*.sh scripts (sourced after `cd` to the repository root).

# build_release SCRATCH PRODUCT...: release builds of the products; the log only on failure.
# Sets BIN to the absolute release directory.
build_release() {
    local scratch=$1 log
    shift
    log=$(mktemp)
    for p in "$@"; do
        swift build -c release --scratch-path "$scratch" --product "$p" >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
    done
    rm -f "$log"
    BIN="$(cd "$scratch/release" && pwd)"
}

# start_settled_daemon DIR: starts $BIN/rectifyd on DIR/rectifyd.yaml (state under DIR/state,
# log in DIR/log; its pid in `pid`) and returns once it is in its steady state: the socket up,
# the first evaluation's outbox delivered, and the re-evaluations of confirmed items settled
# (last_evaluation unchanged over 3 s) — so a benchmark measures the daemon, not its start-up.
start_settled_daemon() {
    local dir=$1 sock last now
    (cd "$dir" && exec "$BIN/rectifyd" --config rectifyd.yaml 2>log) &
    pid=$!
    sock="$dir/state/rectifyd.sock"
    for _ in $(seq 1 600); do [ -S "$sock" ] && break; sleep 0.1; done
    for _ in $(seq 1 600); do
        "$BIN/rectifyctl" status --socket "$sock" --json 2>/dev/null | grep -q '"outbox_pending" : 0' && break
        sleep 1
    done
    last=""
    for _ in $(seq 1 300); do
        now=$("$BIN/rectifyctl" status --socket "$sock" --json 2>/dev/null | grep '"last_evaluation"' || true)
        [ -n "$now" ] && [ "$now" = "$last" ] && break
        last=$now
        sleep 3
    done
}

# run_child COMMAND...: runs a measuring child in the background and waits for it, so the
# cleanup trap (stop_child) can stop it — and everything it started — on Ctrl-C or exit.
child=""
pid=""
run_child() {
    "$@" &
    child=$!
    wait "$child"
    child=""
}
stop_child() {
    if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
        kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
}
