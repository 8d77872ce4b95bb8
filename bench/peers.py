#!/usr/bin/env python3
"""rectifyd beside the tools an office would use instead, on the same workload (bench/peers.sh).

    peers.py BIN_DIR PLAN_JSON WORKDIR [--idle S]

The plan (rectify-bench generate) is turned into each peer's input with the same deadlines
and states: Taskwarrior tasks (pending, or completed for done items) due when rectifyd's
deadline passes; a remind file with one REM per open item's deadline; Alertmanager alerts, one
per open item, labelled with its state. Each measure is printed as `measure<TAB>peer<TAB>
rectifyd<TAB>peer value` lines; peers.sh prints them as a table with the ratio.

What is compared (one run, medians where repeated):
- the overdue query offline: `rectifyctl check PLAN` (every lagging item, grouped) against
  `task overdue` and `remind FILE` (every reminder of the day);
- the overdue query against a running service: `rectifyctl items --state overdue` and
  GET /v1/items?state=overdue against `amtool alert query state=overdue` and
  GET /api/v2/alerts?filter=state="overdue";
- peak and idle resident memory of the service holding every item;
- wake-ups (context switches of every thread) over --idle seconds after a burst of requests;
- start until ready (READY=1; Alertmanager's /-/ready), fresh and restarted;
- latency: rectifyd from the instant an item goes stale to its webhook POST arriving,
  Alertmanager from an alert's POST to its webhook POST arriving (group_wait 0s).
"""
import argparse
import datetime
import http.client
import http.server
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon_probe as probe  # noqa: E402

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def row(measure, peer, ours, theirs):
    print(f"{measure}\t{peer}\t{ours}\t{theirs}", flush=True)


def run_probe(*args):
    """daemon_probe.py's `key<TAB>value` lines as a dictionary; stopped with us if we are."""
    proc = probe.track(subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                       "daemon_probe.py"), *args],
                                        stdout=subprocess.PIPE, text=True))
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"daemon_probe.py {args[0]} failed ({proc.returncode})")
    result = {}
    for line in out.splitlines():
        k, _, v = line.partition("\t")
        result[k] = v
    return result


def timed(command, runs=3, env=None, cwd=None):
    """Median wall seconds and the largest peak RSS (MiB) of `command`, output discarded."""
    walls, peaks = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, env=env, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        walls.append(time.monotonic() - t0)
        peaks.append(int(p.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(walls), max(peaks)


def items_of(plan_path):
    with open(plan_path) as f:
        plan = json.load(f)
    items = []
    for it in plan["items"]:
        deadline = it.get("deadline")
        date = deadline["date"] if isinstance(deadline, dict) else deadline
        due = None
        if date:
            d = datetime.date.fromisoformat(date) + datetime.timedelta(days=1)
            due = datetime.datetime(d.year, d.month, d.day, tzinfo=SHANGHAI)
        items.append({"id": it["id"], "title": it["title"], "done": it["status"] == "done", "due": due,
                      "date": date, "long_term": it["status"] == "long_term"})
    return items


# --- Taskwarrior -----------------------------------------------------------------------------

def taskwarrior(items, work):
    data = os.path.join(work, "task")
    os.makedirs(data)
    rc = os.path.join(work, "taskrc")
    with open(rc, "w") as f:
        f.write(f"data.location={data}\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\nrecurrence=off\n")
    stamp = lambda t: t.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tasks = []
    for it in items:
        task = {"uuid": str(uuid.uuid5(uuid.NAMESPACE_OID, it["id"])), "description": it["title"],
                "entry": "20260101T000000Z", "status": "completed" if it["done"] else "pending"}
        if it["done"]:
            task["end"] = "20260901T000000Z"
        if it["due"]:
            task["due"] = stamp(it["due"])
        tasks.append(task)
    path = os.path.join(work, "tasks.json")
    with open(path, "w") as f:
        json.dump(tasks, f, ensure_ascii=False)
    env = dict(os.environ, TASKRC=rc)
    subprocess.run(["task", "import", path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return env


# --- remind ----------------------------------------------------------------------------------

def remind_file(items, work):
    path = os.path.join(work, "items.rem")
    with open(path, "w") as f:
        for it in items:
            if it["date"] and not it["done"]:
                title = it["title"].replace("%", "%%").replace("[", "(")
                f.write(f"REM {it['date']} MSG {title}\n")
    return path


# --- Alertmanager ----------------------------------------------------------------------------

class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    received = {}

    def do_POST(self):
        at = time.time()
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        for alert in body.get("alerts", []):
            Hook.received.setdefault(alert["labels"].get("alertname"), at)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Alertmanager:
    def __init__(self, work, hook_port):
        self.work = work
        self.port = free_port()
        self.config = os.path.join(work, "alertmanager.yml")
        with open(self.config, "w") as f:
            f.write(f"""route:
  receiver: none
  group_by: [plan]
  group_wait: 30s
  routes:
    - matchers: [latency="yes"]
      receiver: hook
      group_by: [alertname]
      group_wait: 0s
receivers:
  - name: none
  - name: hook
    webhook_configs: [{{url: "http://127.0.0.1:{hook_port}/hook", send_resolved: false}}]
""")
        self.proc = None

    def start(self):
        storage = os.path.join(self.work, "am-data")
        os.makedirs(storage, exist_ok=True)
        t0 = time.monotonic()
        self.proc = probe.track(subprocess.Popen(
            ["prometheus-alertmanager", f"--config.file={self.config}", f"--storage.path={storage}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--cluster.listen-address="],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        while True:
            try:
                status, _ = self.get("/-/ready")
                if status == 200:
                    return time.monotonic() - t0
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise SystemExit("alertmanager exited")
            time.sleep(0.005)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)

    def request(self, method, path, body=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data

    def get(self, path):
        return self.request("GET", path)

    def post_alerts(self, alerts):
        status, data = self.request("POST", "/api/v2/alerts", json.dumps(alerts).encode())
        if status != 200:
            raise SystemExit(f"alertmanager refused alerts: {status} {data[:200]}")


def states_of(items, now):
    """The state each open item is in at `now`, as rectifyd's evaluator words the main ones."""
    result = []
    for it in items:
        if it["done"]:
            continue
        if it["long_term"]:
            state = "long_term"
        elif it["due"] and it["due"].timestamp() <= now:
            state = "overdue"
        elif it["due"] and it["due"].timestamp() - now <= 20 * 86400:
            state = "due_soon"
        else:
            state = "on_track"
        result.append((it, state))
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("bin")
    p.add_argument("plan")
    p.add_argument("workdir")
    p.add_argument("--idle", type=float, default=30)
    args = p.parse_args()
    probe.stop_on_signals()
    work = os.path.abspath(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    bin_dir = os.path.abspath(args.bin)
    items = items_of(args.plan)
    n = len(items)

    # The overdue query offline.
    ours = timed([f"{bin_dir}/rectifyctl", "check", args.plan])
    env = taskwarrior(items, work)
    theirs = timed(["task", "overdue"], env=env)
    row("overdue query offline, s", "task overdue", f"{ours[0]:.3f}", f"{theirs[0]:.3f}")
    row("overdue query offline, peak MiB", "task overdue", f"{ours[1]:.1f}", f"{theirs[1]:.1f}")
    rem = remind_file(items, work)
    theirs = timed(["remind", "-q", rem])
    row("overdue query offline, s", "remind", f"{ours[0]:.3f}", f"{theirs[0]:.3f}")
    row("overdue query offline, peak MiB", "remind", f"{ours[1]:.1f}", f"{theirs[1]:.1f}")
    ours = timed([f"{bin_dir}/rectifyctl", "check", "--json", args.plan])
    theirs = timed(["task", "export"], env=env)
    row("every item as JSON offline, s", "task export", f"{ours[0]:.3f}", f"{theirs[0]:.3f}")
    row("every item as JSON offline, peak MiB", "task export", f"{ours[1]:.1f}", f"{theirs[1]:.1f}")

    # rectifyd as a service (fresh start, backlog into a Maildir, then queries and idling).
    life = run_probe("lifecycle", f"{bin_dir}/rectifyd", args.plan, os.path.join(work, "rectifyd"),
                     "--idle", str(args.idle), "--rectifyctl", f"{bin_dir}/rectifyctl")

    # Alertmanager holding one alert per open item.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    am = Alertmanager(work, server.server_address[1])
    fresh = am.start()
    now = time.time()
    ends = datetime.datetime.fromtimestamp(now + 30 * 86400, datetime.timezone.utc).isoformat()
    batch = []
    for it, state in states_of(items, now):
        batch.append({"labels": {"alertname": "rectification", "plan": "bench", "item": it["id"], "state": state},
                      "annotations": {"title": it["title"]}, "endsAt": ends})
        if len(batch) == 5000:
            am.post_alerts(batch)
            batch = []
    if batch:
        am.post_alerts(batch)
    time.sleep(2)
    pid = am.proc.pid
    am_idle = probe.status_kb(pid, "VmRSS") / 1024

    def median_request(get, path, runs=21):
        walls = []
        for _ in range(runs):
            t0 = time.monotonic()
            get(path)
            walls.append(time.monotonic() - t0)
        return statistics.median(walls)

    am_http = median_request(am.get, "/api/v2/alerts?filter=" + "state%3D%22overdue%22")
    am_cli = timed(["amtool", "alert", "query", "state=overdue", f"--alertmanager.url=http://127.0.0.1:{am.port}"],
                   runs=5)[0]
    # The same burst as rectifyd gets (200 requests, a mix of status, queries and health).
    paths = ["/api/v2/status", "/api/v2/alerts?filter=state%3D%22overdue%22&active=true", "/-/ready",
             "/api/v2/alerts/groups?filter=item%3D%227%22", "/api/v2/silences"]
    for i in range(200):
        am.get(paths[i % len(paths)])
    time.sleep(1)
    s0 = probe.switches(pid)
    time.sleep(args.idle)
    s1 = probe.switches(pid)
    am_wakeups = sum(n1 - s0[t][1] for t, (_, n1) in s1.items() if t in s0)
    am_peak = probe.status_kb(pid, "VmHWM") / 1024
    # POST -> webhook: alerts of their own, each its own group with group_wait 0s.
    delays = []
    for i in range(20):
        name = f"latency-{i}"
        t0 = time.time()
        am.post_alerts([{"labels": {"alertname": name, "latency": "yes"}, "endsAt": ends}])
        deadline = time.time() + 10
        while name not in Hook.received and time.time() < deadline:
            time.sleep(0.0005)
        if name in Hook.received:
            delays.append((Hook.received[name] - t0) * 1000)
        time.sleep(0.1)
    am.stop()
    restart = am.start()
    am.stop()
    server.shutdown()

    life.update(run_probe("latency", f"{bin_dir}/rectifyd", os.path.join(work, "latency")))

    peer = "alertmanager"
    row("overdue query, service, HTTP median ms", peer, f"{float(life['query_http_ms']):.2f}", f"{am_http * 1000:.2f}")
    row("overdue query, service, CLI median s", "amtool", f"{float(life['query_cli_seconds']):.3f}", f"{am_cli:.3f}")
    row("resident memory idle, MiB", peer, life["idle_rss_mib"], f"{am_idle:.1f}")
    row("resident memory peak, MiB", peer, life["peak_rss_mib"], f"{am_peak:.1f}")
    row(f"wake-ups over {args.idle:.0f} s idle after 200 requests", peer, life["idle_wakeups"], str(am_wakeups))
    row("start to ready (fresh), s", peer, life["fresh_ready_seconds"], f"{fresh:.3f}")
    row("start to ready (restart), s", peer, life["restart_ready_seconds"], f"{restart:.3f}")
    row("instant (rectifyd) / POST (alertmanager) -> webhook p50, ms", peer, life.get("latency_p50_ms", "-"),
        f"{statistics.median(delays):.2f}" if delays else "-")


if __name__ == "__main__":
    main()
