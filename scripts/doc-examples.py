#!/usr/bin/env python3
"""Runs every command and config example in README.md and docs/*.md, so that the docs and the
program cannot drift apart.

Each fenced block is handled by its kind:

  sh / bash / console blocks   every command is run (continuation lines joined) in a sandbox:
                               a temporary copy of config/, seeds/, systemd/ and docs/ with
                               .build, scripts and Tests linked, `rectifyctl` and `rectifyd`
                               on PATH. Lines starting with `$ ` are commands and the lines
                               after them the output the docs show: each shown line must
                               appear in the real output, in order (`…` matches anything,
                               white space is not compared).
  yaml / json blocks           a whole config (state_dir, plans or receivers at the top) is
                               checked with `rectifyd --check-config`; a plan (items at the
                               top) with `rectifyctl check`; a `receivers:` list alone is put
                               into a minimal config and checked.
  other blocks                 shown output or text; not run.

An HTML comment on the line before a block says more (`<!-- doc-test: KEY: VALUE; … -->`):

  skip: REASON        not run, with the reason (e.g. it needs systemd as PID 1)
  daemon: CONFIG      run the block while `rectifyd --config CONFIG` runs in the sandbox
                      (fresh state; RECTIFYD_SOCKET and S point at its socket)
  exits: 0,1          exit statuses the block's commands may have (default 0)
  fragment: KIND      a yaml block that is part of something: `config` (merged over the
                      shipped config/rectifyd.yaml), `receivers` or `plan-items`
  setup: COMMAND      run first (e.g. to create a file the example reads)

Exit status 0 when every example ran as the docs say; 1 with a list of what did not.
Usage: scripts/doc-examples.py [--bin DIR] [FILE.md ...]
"""
import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r"^(\s*)```(\w*)\s*$")
DIRECTIVE = re.compile(r"<!--\s*doc-test:\s*(.*?)\s*-->")


def blocks(path):
    """(line, language, directives, text) for every fenced block of a markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, indent, lang = i, m.group(1), m.group(2).lower()
        body = []
        i += 1
        while i < len(lines) and not FENCE.match(lines[i]):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        i += 1
        directives = {}
        j = start - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j >= 0:
            d = DIRECTIVE.search(lines[j])
            if d:
                for part in d.group(1).split(";"):
                    if ":" in part:
                        k, v = part.split(":", 1)
                        directives[k.strip()] = v.strip()
                    elif part.strip():
                        directives[part.strip()] = ""
        yield start + 1, lang, directives, "\n".join(body)


def commands(text):
    """Shell commands of a block: `$ `-prompted ones with their shown output, or every line."""
    raw = text.split("\n")
    prompted = any(l.startswith("$ ") for l in raw)
    out = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if prompted and not line.startswith("$ "):
            i += 1
            continue
        cmd = line[2:] if prompted else line
        while cmd.rstrip().endswith("\\") and i + 1 < len(raw):
            i += 1
            cmd = cmd.rstrip()[:-1] + " " + raw[i].strip()
        i += 1
        shown = []
        if prompted:
            while i < len(raw) and not raw[i].startswith("$ "):
                shown.append(raw[i])
                i += 1
        stripped = cmd.strip()
        if stripped and not stripped.startswith("#"):
            out.append((stripped, shown if prompted else None))
    return out


def matches(shown, actual):
    """Every non-empty shown line appears in `actual`, in order; `…` stands for anything."""
    norm = lambda s: re.sub(r"\s+", "", s)
    actual_lines = [norm(l) for l in actual.split("\n")]
    pos = 0
    for line in shown:
        want = norm(line)
        if not want or want == "…":
            continue
        pattern = re.compile(".*".join(re.escape(p) for p in want.split("…")))
        while pos < len(actual_lines) and not pattern.search(actual_lines[pos]):
            pos += 1
        if pos == len(actual_lines):
            return line
        pos += 1
    return None


class Sandbox:
    def __init__(self, bindir):
        self.dir = tempfile.mkdtemp(prefix="rectifyd-docs-")
        for name in ["config", "seeds", "systemd", "docs", "bench"]:
            src = os.path.join(ROOT, name)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(self.dir, name))
        # No Package.swift or Sources: a `swift build` in an example fails at once instead of
        # building into the linked .build under another path.
        for name in [".build", "scripts", "Tests", "README.md"]:
            src = os.path.join(ROOT, name)
            if os.path.exists(src):
                os.symlink(src, os.path.join(self.dir, name))
        self.env = dict(os.environ)
        self.env["PATH"] = bindir + os.pathsep + self.env["PATH"]
        self.env["NO_COLOR"] = "1"
        self.env.pop("RECTIFYD_SOCKET", None)
        self.bindir = bindir

    def run(self, cmd, timeout=60):
        p = subprocess.run(["bash", "-c", cmd], cwd=self.dir, env=self.env, capture_output=True, text=True,
                           timeout=timeout)
        return p.returncode, p.stdout + p.stderr

    def daemon(self, config):
        state = os.path.join(self.dir, "state")
        shutil.rmtree(state, ignore_errors=True)
        log = open(os.path.join(self.dir, "daemon.log"), "w")
        proc = subprocess.Popen([os.path.join(self.bindir, "rectifyd"), "--config", config], cwd=self.dir,
                                env=self.env, stdout=log, stderr=subprocess.STDOUT)
        socket = None
        for line in open(os.path.join(self.dir, config), encoding="utf-8"):
            m = re.search(r"socket:\s*([^,}\s]+)", line)
            if m and not line.lstrip().startswith("#"):
                socket = m.group(1)
        deadline = time.time() + 15
        while time.time() < deadline:
            if "control socket listening" in open(os.path.join(self.dir, "daemon.log")).read():
                break
            if proc.poll() is not None:
                break
            time.sleep(0.1)
        if socket:
            path = socket if os.path.isabs(socket) else os.path.join(os.path.dirname(os.path.join(self.dir, config)), socket)
            self.env["RECTIFYD_SOCKET"] = path
            self.env["S"] = path
        return proc

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def check_yaml(sandbox, text, directives, where):
    kind = directives.get("fragment")
    top = {m.group(1) for m in re.finditer(r"^([a-z_]+):", text, re.M)}
    name = os.path.join("config", "doc-example.yaml")
    path = os.path.join(sandbox.dir, name)
    if kind == "plan-items" or (kind is None and "items" in top):
        if kind == "plan-items":
            text = "plan: {id: doc-example, unit: 示例单位, title: 示例}\n" + text
        open(path.replace(".yaml", "-plan.yaml"), "w", encoding="utf-8").write(text)
        code, out = sandbox.run(f"rectifyctl check --at 2026-11-22 {name.replace('.yaml', '-plan.yaml')}")
        return None if code in (0, 1) else f"{where}: the plan example does not load:\n{out}"
    if kind == "config" or (kind is None and top & {"state_dir", "plans"}):
        if kind == "config":
            base = open(os.path.join(ROOT, "config", "rectifyd.yaml"), encoding="utf-8").read()
            keys = top
            kept = []
            skipping = False
            for line in base.split("\n"):
                m = re.match(r"^([a-z_]+):", line)
                if m:
                    skipping = m.group(1) in keys
                if not skipping:
                    kept.append(line)
            text = "\n".join(kept) + "\n" + text
        open(path, "w", encoding="utf-8").write(text)
        code, out = sandbox.run(f"rectifyd --check-config {name}")
        if code != 0 and ("secret" in out or "CREDENTIALS_DIRECTORY" in out or "no such file" in out) \
                and "error:" in out and all(("secret" in l or "CREDENTIALS" in l or "no such file" in l
                                             or "rectifyd: " in l or not l.strip())
                                            for l in out.split("\n") if "error" in l):
            return None  # only the example's secrets and paths are missing here: its syntax and keys are fine
        return None if code == 0 else f"{where}: the config example is rejected:\n{out}"
    if kind == "receivers" or (kind is None and top == {"receivers"}):
        base = ("state_dir: state\nplans: [plans/example.yaml]\nalerts: {digest: {enabled: false}}\n"
                "control: {socket: state/rectifyd.sock}\n")
        open(path, "w", encoding="utf-8").write(base + text)
        code, out = sandbox.run(f"rectifyd --check-config {name}")
        real = [l for l in out.split("\n") if "error" in l and "secret" not in l and "CREDENTIALS" not in l
                and "no such file" not in l and "rectifyd:" not in l]
        return None if code == 0 or not real else f"{where}: the receivers example is rejected:\n{out}"
    return f"{where}: a yaml block that is neither a config, a plan nor receivers: add <!-- doc-test: fragment: … --> or skip"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug"))
    p.add_argument("files", nargs="*")
    args = p.parse_args()
    files = args.files or [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    sandbox = Sandbox(os.path.abspath(args.bin))
    failures, ran, skipped = [], 0, 0
    try:
        for path in files:
            rel = os.path.relpath(path, ROOT)
            for line, lang, directives, text in blocks(path):
                where = f"{rel}:{line}"
                if "skip" in directives:
                    if not directives["skip"]:
                        failures.append(f"{where}: skip needs a reason")
                    skipped += 1
                    continue
                if lang in ("yaml", "yml", "json") and lang != "json":
                    ran += 1
                    problem = check_yaml(sandbox, text, directives, where)
                    if problem:
                        failures.append(problem)
                    continue
                prompted = any(l.startswith("$ ") for l in text.split("\n"))
                if lang not in ("sh", "bash", "console", "shell") and not prompted:
                    continue
                ran += 1
                allowed = {int(x) for x in directives.get("exits", "0").split(",")}
                daemon = sandbox.daemon(directives["daemon"]) if "daemon" in directives else None
                try:
                    if "setup" in directives:
                        sandbox.run(directives["setup"])
                    for cmd, shown in commands(text):
                        if cmd.startswith("export "):
                            k, _, v = cmd[len("export "):].partition("=")
                            sandbox.env[k] = os.path.join(sandbox.dir, v) if v and not v.startswith("/") else v
                            continue
                        m = re.match(r"^([A-Z_]+)=(\S+)(\s+#.*)?$", cmd)
                        if m:
                            sandbox.env[m.group(1)] = os.path.join(sandbox.dir, m.group(2)) \
                                if not m.group(2).startswith("/") and "/" in m.group(2) else m.group(2)
                            continue
                        try:
                            code, out = sandbox.run(cmd)
                        except subprocess.TimeoutExpired:
                            failures.append(f"{where}: `{cmd}` did not finish in 60 s")
                            continue
                        if code not in allowed:
                            failures.append(f"{where}: `{cmd}` exited {code} (the docs allow {sorted(allowed)}):\n"
                                            + "\n".join(out.split("\n")[-12:]))
                            continue
                        if shown:
                            missing = matches(shown, out)
                            if missing is not None:
                                failures.append(f"{where}: `{cmd}` does not print what the docs show; first missing "
                                                f"line: {missing!r}\n--- printed:\n" + "\n".join(out.split("\n")[:30]))
                finally:
                    if daemon:
                        daemon.send_signal(signal.SIGTERM)
                        try:
                            daemon.wait(10)
                        except subprocess.TimeoutExpired:
                            daemon.kill()
                        sandbox.env.pop("RECTIFYD_SOCKET", None)
                        sandbox.env.pop("S", None)
    finally:
        sandbox.close()
    print(f"doc examples: {ran} blocks run, {skipped} skipped, {len(failures)} failed")
    for f in failures:
        print("\n" + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
