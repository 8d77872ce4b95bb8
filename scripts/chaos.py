#!/usr/bin/env python3
"""rectifyd on a bad day, measured: kill -9 at random moments during delivery, receivers down
and back, a second daemon on the same state. Loopback only, bounded in time.

Every item of a generated plan falls stale at its own instant over the run, so alerts keep
coming; each item is alerted once per receiver (an SMTP server with a per-message delay and
a webhook server with a per-request delay). At the end the script counts, per receiver and
item, what arrived:

  expected     items x receivers
  delivered    (receiver, item) pairs that arrived at least once
  duplicated   messages that arrived again (the same notice id: SMTP's X-Rectifyd-Notice,
               the webhook's Idempotency-Key), and the item arrivals beyond the first they
               carried (a webhook notice carries every item of its evaluation)
  lost         pairs that never arrived
  stalls       retries attempted later than their backoff + 1 s while the daemon ran

Goal: 0 lost, at most one message sent again per kill per receiver (the one in flight), 0 stalls.
Usage: scripts/chaos.sh [--kills N] [--items N] [--seed S] [--bin PATH]
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUPPORT = os.path.join(ROOT, "Tests", "RectifyNotifyTests", "Support")


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """One of the test receivers (they print their port, and stop when stdin closes)."""

    def __init__(self, script, args):
        self.proc = subprocess.Popen([sys.executable, os.path.join(SUPPORT, script)] + args,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.port = int(self.proc.stdout.readline())

    def stop(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Daemon:
    """rectifyd as a child; its stderr lines are kept with the time they arrived."""

    def __init__(self, binary, config, cwd, lines):
        self.lines = lines
        self.proc = subprocess.Popen([binary, "--config", config], cwd=cwd, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def kill(self, sig=signal.SIGKILL):
        self.proc.send_signal(sig)
        self.proc.wait()
        self.reader.join(2)


def plan(items, start):
    """Item k falls stale at start + spread(k): the first few at once, the rest over the run."""
    lines = ["plan:", "  id: chaos", "  unit: 混沌测试县卫生健康局", "  title: 故障注入台账", "items:"]
    for k in range(1, items + 1):
        stale_at = start + (0 if k <= items // 4 else (k - items // 4) * 0.25)
        last = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stale_at - 3600 + 1))
        lines += [
            f'  - id: "{k}"',
            f"    title: 第{k}项问题尚未整改到位",
            "    status: in_progress",
            "    deadline: 2030-12-31",
            f"    responsible: {{contacts: [{{name: 联系人{k}, email: p{k}@example.gov.cn}}]}}",
            f"    last_update: {last}",
        ]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--items", type=int, default=80)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "rectifyd"))
    p.add_argument("--delay", type=float, default=0.08, help="seconds each receiver takes per message")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    args = p.parse_args()
    args.bin = os.path.abspath(args.bin)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="rectifyd-chaos-")
    lines = []  # (monotonic time, daemon log line), over every run
    runs = []   # (started, ended) monotonic windows in which a daemon ran
    servers = []
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                        "-out", "cert.pem", "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=IP:127.0.0.1"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(work, "smtp-password"), "w") as f:
            f.write("secret\n")
        inbox = os.path.join(work, "inbox")
        hooks = os.path.join(work, "hooks.jsonl")
        smtp_port, hook_port = free_port(), free_port()

        def start_smtp():
            return Server("smtp_server.py", ["--out", inbox, "--cert", os.path.join(work, "cert.pem"), "--key",
                                             os.path.join(work, "key.pem"), "--port", str(smtp_port),
                                             "--timeout", "900", "--delay", str(args.delay)])

        def start_hook():
            return Server("webhook_server.py", ["--out", hooks, "--port", str(hook_port), "--timeout", "900",
                                                "--delay", str(args.delay)])

        smtp, hook = start_smtp(), start_hook()
        servers += [smtp, hook]
        start = time.time() + 2
        with open(os.path.join(work, "plan.yaml"), "w") as f:
            f.write(plan(args.items, start))
        with open(os.path.join(work, "rectifyd.yaml"), "w") as f:
            f.write(f"""state_dir: state
plans: [plan.yaml]
policy: {{stale_after: 1h}}
alerts: {{digest: {{enabled: false}}, repeat_stale: 30d}}
delivery: {{backoff_initial: 0.5s, backoff_max: 2s, max_attempts: 1000, batch_size: 20, shutdown_grace: 3s}}
routing: {{email_receiver: smtp}}
control: {{socket: state/rectifyd.sock}}
receivers:
  - name: smtp
    type: smtp
    url: smtp://127.0.0.1:{smtp_port}
    from: {{address: rectifyd@example.gov.cn}}
    username: alerts
    password_file: smtp-password
    ca_file: cert.pem
    timeout: 5s
  - {{name: hook, type: webhook, url: "http://127.0.0.1:{hook_port}/hook", timeout: 3s}}
""")
        config = os.path.join(work, "rectifyd.yaml")
        spread_end = start + (args.items - args.items // 4) * 0.25

        def run_daemon():
            d = Daemon(args.bin, config, work, lines)
            runs.append([time.monotonic(), None])
            return d

        def end_run(d, sig=signal.SIGKILL):
            d.kill(sig)
            runs[-1][1] = time.monotonic()

        daemon = run_daemon()
        # Phase 1: kill -9 at random moments while items keep falling due.
        for _ in range(args.kills):
            time.sleep(rng.uniform(0.4, 2.0))
            end_run(daemon)
            time.sleep(rng.uniform(0.05, 0.4))
            daemon = run_daemon()
        # Phase 2: receivers down and back.
        time.sleep(0.5)
        smtp.stop()
        hook.stop()
        time.sleep(3)
        smtp, hook = start_smtp(), start_hook()
        servers += [smtp, hook]
        # Phase 3: a second daemon on the same state must refuse to start.
        second = subprocess.run([args.bin, "--config", config], cwd=work, capture_output=True, text=True, timeout=30)
        second_refused = second.returncode == 2 and "another rectifyd" in second.stderr
        # Let everything settle: all items due, everything delivered.
        deadline = time.time() + max(0, spread_end - time.time()) + 25
        expected = {("smtp", str(k)) for k in range(1, args.items + 1)} | {("hook", str(k)) for k in range(1, args.items + 1)}
        while time.time() < deadline:
            if set(arrivals(inbox, hooks)) >= expected:
                time.sleep(2)
                break
            time.sleep(0.5)
        end_run(daemon, signal.SIGTERM)
        got = arrivals(inbox, hooks)
        seen = set(got)
        delivered = len(seen & expected)
        duplicated = len(got) - len(seen)
        lost = len(expected - seen)
        items_again = {r: sum(1 for g in got if g[0] == r) - len({g for g in seen if g[0] == r}) for r in ("smtp", "hook")}
        per_receiver = messages_again(inbox, hooks)
        stalls, worst = count_stalls(lines, runs)
        print()
        print(f"rectifyd chaos run (seed {args.seed}): {args.items} items, {args.kills} kill -9s, "
              f"receivers down 3 s, a second daemon")
        print()
        print("| measure | value | goal |")
        print("|---|---|---|")
        print(f"| expected (items x receivers) | {len(expected)} | |")
        print(f"| delivered | {delivered} | {len(expected)} |")
        print(f"| lost | {lost} | 0 |")
        print(f"| messages sent again (smtp / webhook) | {per_receiver['smtp']} / {per_receiver['hook']} "
              f"| <= {args.kills} per receiver |")
        print(f"| item arrivals beyond the first (smtp / webhook) | {duplicated} ({items_again['smtp']} / {items_again['hook']}) | |")
        print(f"| stalled retries (attempted > backoff + 1 s late) | {stalls} (latest {worst:.2f} s) | 0 |")
        print(f"| second daemon refused | {'yes' if second_refused else 'NO: ' + second.stderr[-300:]} | yes |")
        ok = (lost == 0 and all(v <= args.kills for v in per_receiver.values()) and stalls == 0 and second_refused)
        print()
        print("chaos: PASS" if ok else "chaos: FAIL")
        if not ok and not args.keep:
            print(f"(work directory kept: {work})")
            args.keep = True
        return 0 if ok else 1
    finally:
        for s in servers:
            s.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def messages_again(inbox, hooks):
    """Per receiver, how many messages arrived more than once (counted by their notice id)."""
    ids = {"smtp": [], "hook": []}
    if os.path.isdir(inbox):
        for name in os.listdir(inbox):
            if name.endswith(".eml"):
                with open(os.path.join(inbox, name), "rb") as f:
                    m = re.search(rb"^X-Rectifyd-Notice: *(\S+)", f.read(8192), re.M)
                if m:
                    ids["smtp"].append(m.group(1))
    if os.path.exists(hooks):
        for line in open(hooks, encoding="utf-8"):
            try:
                ids["hook"].append(json.loads(line)["headers"].get("idempotency-key"))
            except (ValueError, KeyError):
                continue
    return {r: len(v) - len(set(v)) for r, v in ids.items()}


def arrivals(inbox, hooks):
    """(receiver, item) for every message that arrived, duplicates included."""
    got = []
    if os.path.isdir(inbox):
        for name in os.listdir(inbox):
            if name.endswith(".json"):
                try:
                    meta = json.load(open(os.path.join(inbox, name)))
                except ValueError:
                    continue
                for rcpt in meta.get("rcpt_tos", []):
                    m = re.match(r"p(\d+)@", rcpt)
                    if m:
                        got.append(("smtp", m.group(1)))
    if os.path.exists(hooks):
        for line in open(hooks, encoding="utf-8"):
            try:
                body = json.loads(line)["body"]
            except (ValueError, KeyError):
                continue
            for item in {e.get("item", {}).get("id") if isinstance(e.get("item"), dict) else e.get("item_id")
                         for e in body.get("alerts", body.get("entries", []))}:
                if item:
                    got.append(("hook", str(item)))
    return got


def count_stalls(lines, runs):
    """Retries whose next attempt (a later line about the same notice) came more than 1 s after
    their due time, counting only due times inside a run of the daemon that lasted past them."""
    pending = {}  # notice -> due (monotonic)
    stalls, worst = 0, 0.0
    for t, line in lines:
        m = re.search(r"notice=(\S+)", line)
        if not m:
            continue
        notice = m.group(1)
        if notice in pending and ("delivered" in line or "delivery failed" in line):
            late = t - pending.pop(notice)
            worst = max(worst, late)
            if late > 1.0:
                stalls += 1
        r = re.search(r"retry_in=([\d.]+)s", line)
        if r and "will retry" in line:
            due = t + float(r.group(1))
            if any(a <= t and (b is None or due < b) for a, b in runs):
                pending[notice] = due
    # Retries still pending while the daemon ran on past their due time + 1 s.
    end = lines[-1][0] if lines else 0
    for notice, due in pending.items():
        if any(a <= due and (b is None or b > due + 1) for a, b in runs) and end > due + 1:
            stalls += 1
    return stalls, worst


if __name__ == "__main__":
    sys.exit(main())
