#!/usr/bin/env python3
"""Measures a running rectifyd from the outside, as a user meets it (bench/daemon.sh, bench/peers.sh).

    daemon_probe.py lifecycle RECTIFYD PLAN WORKDIR [--idle S] [--burst N] [--rectifyctl PATH]
    daemon_probe.py latency   RECTIFYD WORKDIR [--count N]

`lifecycle`: a fresh start to READY=1 (sd_notify, on a socket of ours), resident memory at
ready, the cold-start backlog delivered into a Maildir (notices, items, CPU seconds the daemon
spent on it), idle and peak memory, wake-ups over `--idle` seconds after a burst of control
requests, then a restart on the same state to READY=1.

`latency`: items that go stale at known instants a few seconds ahead, a webhook receiver on
127.0.0.1; how long after each instant its POST arrives (p50, max).

Prints `key<TAB>value` lines; the shell scripts print the tables. Nothing here is timed against
a target: the numbers are printed, the reader compares.
"""
import argparse
import atexit
import http.client
import http.server
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

HZ = os.sysconf("SC_CLK_TCK")

# Every process started here (rectifyd, a peer's server) is stopped when the script ends, by
# returning, by an exception or by SIGTERM/SIGINT: no server outlives a run.
CHILDREN = []


def track(proc):
    CHILDREN.append(proc)
    return proc


@atexit.register
def _stop_children():
    for proc in CHILDREN:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def stop_on_signals():
    def handler(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def out(key, value):
    print(f"{key}\t{value}", flush=True)


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ


def switches(pid):
    """Context switches per thread (voluntary + involuntary): every wake-up is one."""
    result = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                total = sum(int(l.split()[1]) for l in f if "ctxt_switches" in l)
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            result[tid] = (name, total)
        except FileNotFoundError:
            pass
    return result


class UnixHTTP(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=60)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(60)
        self.sock.connect(self.path)


def get(sock_path, path):
    c = UnixHTTP(sock_path)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body


class Notify:
    """The sd_notify socket systemd would hold: READY=1 arrives here. Read all the time, as
    systemd does (a full socket would block the daemon's STATUS= updates)."""

    def __init__(self, path):
        self.path = path
        if os.path.exists(path):
            os.unlink(path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.ready = threading.Event()
        self.ready_at = None
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            data = self.sock.recv(65536).decode(errors="replace")
            if "READY=1" in data.split("\n") and not self.ready.is_set():
                self.ready_at = time.monotonic()
                self.ready.set()

    def wait_ready(self, proc, timeout=600):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.ready.wait(0.05):
                self.ready.clear()
                return self.ready_at
            if proc.poll() is not None:
                raise SystemExit(f"rectifyd exited with {proc.returncode} before READY=1")
        raise SystemExit("no READY=1")


def start(rectifyd, config, workdir, notify, log_name):
    env = dict(os.environ, NOTIFY_SOCKET=notify.path)
    log = open(os.path.join(workdir, log_name), "w")
    t0 = time.monotonic()
    proc = track(subprocess.Popen([rectifyd, "--config", config], cwd=workdir, env=env, stderr=log, stdout=log))
    ready = notify.wait_ready(proc)
    return proc, ready - t0


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        out("stop_timeout", "no exit 60 s after SIGTERM; killed")
        proc.kill()
        proc.wait()


def write_config(workdir, plans, receivers, extra=""):
    config = os.path.join(workdir, "rectifyd.yaml")
    with open(config, "w") as f:
        f.write(f"state_dir: state\nplans: [{', '.join(plans)}]\nlog_level: " + os.environ.get("PROBE_LOG_LEVEL", "warning") + "\n")
        f.write("alerts: {digest: {enabled: false}}\ncontrol: {socket: state/rectifyd.sock}\n")
        f.write(extra)
        f.write(f"receivers: [{', '.join(receivers)}]\n")
    return config


def pending(sock):
    status, body = get(sock, "/v1/status")
    return json.loads(body).get("outbox_pending", 0) if status == 200 else -1


def outbox_rows(work):
    """Outbox rows not yet written out as delivered (pending or marked sent), from the database."""
    db = sqlite3.connect(f"file:{work}/state/state.sqlite?mode=ro", uri=True, timeout=10)
    try:
        return db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
    finally:
        db.close()


def lifecycle(args):
    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    config = write_config(
        work, [os.path.abspath(args.plan)],
        ["{name: mail, type: maildir, path: state/Maildir, from: {address: rectifyd@localhost}}"])
    notify = Notify(os.path.join(work, "notify.sock"))
    sock = os.path.join(work, "state", "rectifyd.sock")

    proc, ready = start(args.rectifyd, config, work, notify, "fresh.log")
    out("fresh_ready_seconds", f"{ready:.3f}")
    out("fresh_ready_rss_mib", f"{status_kb(proc.pid, 'VmRSS') / 1024:.1f}")
    cpu0, t0 = cpu_seconds(proc.pid), time.monotonic()
    # Until nothing is pending and every delivery is written out: a delivery marked sent leaves
    # the pending count at once, its outbox row only when its pass's log and history are.
    while pending(sock) != 0 or outbox_rows(work) != 0:
        time.sleep(0.05)
    cpu1, t1 = cpu_seconds(proc.pid), time.monotonic()
    db = sqlite3.connect(f"file:{work}/state/state.sqlite?mode=ro", uri=True)
    notices = db.execute("SELECT COUNT(*) FROM deliveries WHERE outcome = 'delivered'").fetchone()[0]
    # A delivery's items: its notice's (notice_items) and any beyond them (delivery_items).
    items = db.execute(
        "SELECT (SELECT COUNT(*) FROM delivery_items i JOIN deliveries d ON d.id = i.delivery_id AND d.outcome = 'delivered')"
        " + (SELECT COUNT(*) FROM notice_items n JOIN deliveries d ON d.notice_id = n.notice_id AND d.outcome = 'delivered')"
    ).fetchone()[0]
    db.close()
    out("backlog_notices", notices)
    out("backlog_items", items)
    out("backlog_cpu_seconds", f"{cpu1 - cpu0:.2f}")
    out("backlog_wall_seconds", f"{t1 - t0:.2f}")
    # Let confirmations settle (the scheduler re-evaluates confirmed items), then look.
    last, steady = None, 0
    while steady < 3:
        time.sleep(1)
        now = cpu_seconds(proc.pid)
        steady = steady + 1 if last is not None and now - last < 0.02 else 0
        last = now
    out("idle_rss_mib", f"{status_kb(proc.pid, 'VmRSS') / 1024:.1f}")

    # The overdue query against the running daemon: the API (the page rectifyctl shows) and
    # the command itself, start to exit; medians.
    walls = []
    for _ in range(21):
        t0 = time.monotonic()
        get(sock, "/v1/items?state=overdue&limit=50")
        walls.append(time.monotonic() - t0)
    out("query_http_ms", f"{sorted(walls)[10] * 1000:.2f}")
    if args.rectifyctl:
        walls = []
        for _ in range(11):
            t0 = time.monotonic()
            subprocess.run([args.rectifyctl, "items", "--state", "overdue", "--socket", sock], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            walls.append(time.monotonic() - t0)
        out("query_cli_seconds", f"{sorted(walls)[5]:.3f}")

    # A burst of requests, as scripts and rectifyctl make them; then nothing for --idle seconds.
    paths = ["/v1/status", "/v1/items?state=overdue&limit=50", "/v1/metrics", "/v1/items/bench/7", "/v1/deliveries?limit=5"]
    for i in range(args.burst):
        get(sock, paths[i % len(paths)])
    time.sleep(1)
    out("after_requests_rss_mib", f"{status_kb(proc.pid, 'VmRSS') / 1024:.1f}")
    s0, c0 = switches(proc.pid), cpu_seconds(proc.pid)
    time.sleep(args.idle)
    s1, c1 = switches(proc.pid), cpu_seconds(proc.pid)
    woken = {}
    for tid, (name, n) in s1.items():
        if tid in s0 and n > s0[tid][1]:
            woken[f"{name}[{tid}]"] = n - s0[tid][1]
    out("idle_seconds", args.idle)
    out("idle_wakeups", sum(woken.values()))
    out("idle_wakeups_by_thread", json.dumps(woken, ensure_ascii=False) if woken else "-")
    out("idle_cpu_seconds", f"{c1 - c0:.3f}")
    out("threads", len(s1))
    out("peak_rss_mib", f"{status_kb(proc.pid, 'VmHWM') / 1024:.1f}")
    stop(proc)

    proc, ready = start(args.rectifyd, config, work, notify, "restart.log")
    out("restart_ready_seconds", f"{ready:.3f}")
    out("restart_ready_rss_mib", f"{status_kb(proc.pid, 'VmRSS') / 1024:.1f}")
    stop(proc)


class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    received = []

    def do_POST(self):
        at = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Hook.received.append((at, body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


def latency(args):
    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    # Each item goes stale (30 days after its last update) at a known instant, a few seconds
    # after the daemon is ready, one every 0.25 s. Nothing else about them lags.
    stale = 30 * 86400
    base = round(time.time()) + 4
    instants = {str(i): base + i * 0.25 for i in range(args.count)}
    lines = ["plan: {id: lat, unit: 时延测试, title: 时延}", "items:"]
    for i, at in instants.items():
        whole = int(at - stale)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + f".{round((at - int(at)) * 1000):03d}Z"
        lines.append(f'  - {{id: "{i}", title: 事项{i}, status: in_progress, deadline: 2035-12-31, last_update: "{stamp}"}}')
    with open(os.path.join(work, "plan.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    config = write_config(
        work, ["plan.yaml"],
        [f"{{name: hook, type: webhook, url: 'http://127.0.0.1:{port}/hook', kinds: [stale]}}"])
    notify = Notify(os.path.join(work, "notify.sock"))
    proc, _ = start(args.rectifyd, config, work, notify, "latency.log")
    deadline = max(instants.values()) + 5
    while time.time() < deadline and len(Hook.received) < args.count:
        time.sleep(0.1)
    stop(proc)
    server.shutdown()
    delays = []
    for at, body in Hook.received:
        try:
            doc = json.loads(body)
        except ValueError:
            continue
        for entry in doc.get("entries", []):
            key = entry["item"]["id"]
            if key in instants:
                delays.append((at - instants[key]) * 1000)
    delays.sort()
    out("latency_items", len(delays))
    if delays:
        out("latency_p50_ms", f"{delays[len(delays) // 2]:.2f}")
        out("latency_max_ms", f"{delays[-1]:.2f}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    l = sub.add_parser("lifecycle")
    l.add_argument("rectifyd")
    l.add_argument("plan")
    l.add_argument("workdir")
    l.add_argument("--idle", type=float, default=30)
    l.add_argument("--burst", type=int, default=200)
    l.add_argument("--rectifyctl", help="also time `rectifyctl items --state overdue` against the daemon")
    t = sub.add_parser("latency")
    t.add_argument("rectifyd")
    t.add_argument("workdir")
    t.add_argument("--count", type=int, default=20)
    args = p.parse_args()
    stop_on_signals()
    lifecycle(args) if args.mode == "lifecycle" else latency(args)


if __name__ == "__main__":
    main()
