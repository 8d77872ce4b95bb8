#!/usr/bin/env python3
"""The web listener tested as an adversary would (docs/web.md): a real rectifyd with a Maildir
receiver and the web listener on a free loopback port, driven over HTTP.

Each case says the attack or behaviour it covers; the script prints each result and closes with
'N passed, N failed' (exit 1 on any failure). The daemon must keep running with nothing lost.

Usage: scripts/web-tests.py [--bin .build/debug]
"""
import argparse
import base64
import concurrent.futures
import datetime
import email
import glob
import hashlib
import hmac
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "test-link-key-0123456789abcdefghijklmnopqrstuvwxyz"
OFFICE_PASSWORD = "office-password-1"
VIEWER_PASSWORD = "viewer-password-1"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def plan_yaml(today):
    def day(n):
        return (today + datetime.timedelta(days=n)).isoformat()

    return f"""plan:
  id: webtest
  unit: 测试县卫生健康局
  title: 测试整改台账
  time_zone: Asia/Shanghai
  owner: {{name: 整改办, email: zgb@test.example}}
  leaders:
    - {{name: 王局长, email: main@test.example, level: main}}
    - {{name: 李副局长, email: deputy@test.example, level: deputy}}
items:
  - id: "A"
    title: 甲事项即将到期
    status: in_progress
    deadline: {{date: {day(15)}, precision: day}}
    responsible: {{department: 医政股, contacts: [{{name: 张三, email: zhang@test.example}}]}}
  - id: "B"
    title: 乙事项已逾期
    status: in_progress
    deadline: {{date: {day(-3)}, precision: day}}
    responsible: {{department: 医政股, contacts: [{{name: 张三, email: zhang@test.example}}]}}
  - id: "C"
    title: 丙事项属于李四
    status: in_progress
    deadline: {{date: {day(12)}, precision: day}}
    responsible: {{department: 办公室, contacts: [{{name: 李四, email: lisi@test.example}}]}}
"""


class Daemon:
    def __init__(self, bin_dir):
        self.bin = bin_dir
        self.dir = tempfile.mkdtemp(prefix="rectifyd-web-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        os.makedirs(f"{self.dir}/plans")
        with open(f"{self.dir}/plans/webtest.yaml", "w") as f:
            f.write(plan_yaml(datetime.date.today()))
        with open(f"{self.dir}/link-key", "w") as f:
            f.write(KEY + "\n")
        os.chmod(f"{self.dir}/link-key", 0o600)
        for user, role, password in [("zgb", "office", OFFICE_PASSWORD), ("guest", "viewer", VIEWER_PASSWORD)]:
            subprocess.run(
                [f"{bin_dir}/rectifyctl", "web", "passwd", user, "--role", role, "--accounts", f"{self.dir}/accounts.yaml",
                 "--password-stdin"], input=password + "\n", text=True, check=True, capture_output=True)
        with open(f"{self.dir}/rectifyd.yaml", "w") as f:
            f.write(f"""state_dir: state
plans: [plans/webtest.yaml]
control: {{socket: state/rectifyd.sock}}
routing: {{email_receiver: mail}}
alerts: {{digest: {{enabled: false}}}}
web:
  listen: 127.0.0.1:{self.port}
  base_url: {self.base}
  link_key_file: link-key
  accounts_file: accounts.yaml
  upload_limit: 64KB
  max_files: 3
  login_attempts: 5
receivers:
  - name: mail
    type: maildir
    path: state/Maildir
""")
        self.start()

    def start(self):
        self.log = open(f"{self.dir}/rectifyd.log", "a+")
        self.proc = subprocess.Popen(
            [f"{self.bin}/rectifyd", "--config", f"{self.dir}/rectifyd.yaml"], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.log_text().count("web listening") > getattr(self, "starts", 0) and len(self.mails()) >= 2:
                self.starts = getattr(self, "starts", 0) + 1
                return
            if self.proc.poll() is not None:
                raise SystemExit("rectifyd exited:\n" + self.log_text())
            time.sleep(0.2)
        raise SystemExit("rectifyd did not start its web listener:\n" + self.log_text())

    def log_text(self):
        with open(f"{self.dir}/rectifyd.log") as f:
            return f.read()

    def mails(self):
        found = []
        for path in sorted(glob.glob(f"{self.dir}/state/Maildir/new/*")):
            with open(path, "rb") as f:
                message = email.message_from_binary_file(f)
            text = html = ""
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    text = part.get_payload(decode=True).decode()
                elif part.get_content_type() == "text/html":
                    html = part.get_payload(decode=True).decode()
            found.append({"to": message["To"], "subject": str(email.header.make_header(email.header.decode_header(message["Subject"]))),
                          "text": text, "html": html, "path": path})
        return found

    def seen(self):
        return {m["path"] for m in self.mails()}

    def since(self, seen):
        return [m for m in self.mails() if m["path"] not in seen]

    def ctl(self, *args, input=None):
        return subprocess.run(
            [f"{self.bin}/rectifyctl", "--socket", f"{self.dir}/state/rectifyd.sock", *args], capture_output=True, text=True,
            input=input)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Client:
    """A browser without JavaScript: cookies, forms, no redirects followed unless asked."""

    def __init__(self, base, agent="web-tests/1.0"):
        self.base = urllib.parse.urlsplit(base)
        self.cookies = {}
        self.agent = agent

    def request(self, method, path, body=None, headers=None, follow=False):
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=30)
        headers = dict(headers or {})
        headers.setdefault("User-Agent", self.agent)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                k, v = value.split(";")[0].split("=", 1)
                self.cookies[k] = v
        connection.close()
        result = (response.status, dict((k.lower(), v) for k, v in response.getheaders()), data.decode("utf-8", "replace"))
        if follow and result[0] in (302, 303):
            return self.request("GET", result[1]["location"])
        return result

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, files=(), headers=None, follow=False):
        if files:
            boundary = "----webtests" + hashlib.sha1(os.urandom(8)).hexdigest()
            parts = []
            for k, v in fields.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
            for name, filename, content, ctype in files:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                    f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            ctype = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields).encode()
            ctype = "application/x-www-form-urlencoded"
        h = {"Content-Type": ctype}
        h.update(headers or {})
        return self.request("POST", path, body=body, headers=h, follow=follow)


def link_of(mail):
    found = re.search(r"https?://127\.0\.0\.1:\d+(/r/[A-Za-z0-9_\-.]+)", mail["text"])
    return found.group(1) if found else None


def csrf_of(html):
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    return found.group(1) if found else None


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def forge(claim_fields, key=KEY):
    """A token as the daemon makes them (docs/web.md, "Links"), with a key of our choosing."""
    key_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    payload = "\x1f".join(["1", key_id] + claim_fields).encode()
    signature = hmac.new(key.encode(), payload, hashlib.sha256).digest()
    return b64(payload) + "." + b64(signature)


def claim_of(token):
    payload = token.split(".")[0]
    payload += "=" * (-len(payload) % 4)
    return base64.urlsafe_b64decode(payload).decode().split("\x1f")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + b"\x00" * 64


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    daemon = Daemon(os.path.abspath(args.bin))
    results = []

    def case(name, condition, detail=""):
        results.append(bool(condition))
        print(("PASS " if condition else "FAIL ") + name + ("" if condition else f"  -- {detail}"))

    try:
        run_cases(daemon, case)
    except Exception as error:  # a crash in the script is a failure, with what happened
        import traceback
        traceback.print_exc()
        case("the script ran to the end", False, repr(error))
    finally:
        alive = daemon.proc.poll() is None
        case("rectifyd kept running through every attack", alive, daemon.log_text()[-2000:])
        daemon.stop()
        if not args.keep:
            shutil.rmtree(daemon.dir, ignore_errors=True)
        else:
            print("kept", daemon.dir)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


def poll(found, seconds=20):
    """`found()` once it is not empty, or what it is after `seconds`."""
    deadline = time.time() + seconds
    while True:
        result = found()
        if result or time.time() > deadline:
            return result
        time.sleep(0.2)


def wait_for_mails(d, *recipients, seconds=30):
    """The mails once every one of `recipients` has one (deliveries take a moment on a busy machine)."""
    deadline = time.time() + seconds
    while True:
        mails = d.mails()
        if all(any(r in m["to"] for m in mails) for r in recipients) or time.time() > deadline:
            return mails
        time.sleep(0.2)


def run_cases(d, case):
    mails = wait_for_mails(d, "zhang@", "lisi@")
    zhang = next(m for m in mails if "zhang@" in m["to"])
    lisi = next(m for m in mails if "lisi@" in m["to"])
    link, other = link_of(zhang), link_of(lisi)
    case("every mail carries its recipient's signed link", all(link_of(m) for m in mails), [m["to"] for m in mails if not link_of(m)])
    step = zhang["text"].split("请按以下要求办理")[1] if "请按以下要求办理" in zhang["text"] else ""
    case("请按以下要求办理 points at the link, not at shell commands",
         link in step and "rectifyctl progress" not in zhang["text"], step[:300])
    case("the HTML mail links to the page", f'href="{d.base}{link}"' in zhang["html"])
    token = link.split("/r/")[1]
    case("tokens never appear in the log", token not in d.log_text() and link_of(lisi).split("/r/")[1] not in d.log_text())

    browser = Client(d.base)
    status, headers, page = browser.get(link)
    case("the link opens the recipient's page", status == 200 and "甲事项即将到期" in page and "乙事项已逾期" in page, status)
    case("the page shows only that notice's items", "丙事项属于李四" not in page)
    case("pages forbid scripts and framing (CSP)", "script-src" not in headers.get("content-security-policy", "x")
         and "default-src 'none'" in headers.get("content-security-policy", "") and headers.get("x-frame-options") == "DENY")
    csrf = csrf_of(page)

    # Tampered, truncated, foreign-key and expired tokens.
    tampered = link[:-2] + ("A" if link[-2] != "A" else "B") + link[-1]
    status, _, body = browser.get(tampered)
    case("a tampered token is 403 with a page that says what to do", status == 403 and "原始链接" in body, status)
    status, _, body = browser.get(link[: len(link) // 2])
    case("a cut-off token is 403", status == 403 and "不完整" in body, status)
    claim = claim_of(token)
    forged = forge(claim[2:], key="another-key-that-this-daemon-never-had-0123")
    status, _, _ = browser.get("/r/" + forged)
    case("a token signed with another key is 403", status == 403, status)
    expired = forge([str(int(time.time()) - 60)] + claim[3:])
    status, _, body = browser.get("/r/" + expired)
    case("an expired token is 410 with a page that says what to do", status == 410 and "过期" in body and "整改办" in body, status)
    longer = forge([str(int(time.time()) + 86400)] + claim[3:4] + ["lisi@test.example"] + claim[5:])
    status, _, _ = browser.get("/r/" + longer)
    case("a validly signed token naming another recipient for this notice is refused", status == 403, status)

    # Another recipient's item through this token.
    status, _, body = browser.post(f"{link}/items/webtest/C/progress", {"csrf": csrf, "note": "冒充"})
    case("a token used on another recipient's item is 403", status == 403 and "不在这份督办通知" in body, status)

    # CSRF: a form without its token, with a wrong one, from a foreign origin.
    status, _, _ = browser.post(f"{link}/items/webtest/A/progress", {"note": "无校验码"})
    case("a form without its CSRF token is 403", status == 403, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/progress", {"note": "错误校验码", "csrf": "x" * 24})
    case("a form with a wrong CSRF token is 403", status == 403, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/progress", {"note": "跨站", "csrf": csrf}, headers={"Origin": "https://evil.example"})
    case("a form from a foreign Origin is 403", status == 403, status)

    # Uploads: over the limit, refused type, a disguised type, a path in the name.
    big = PDF + b"0" * (70 * 1024)
    status, _, body = browser.post(f"{link}/items/webtest/A/progress", {"csrf": csrf, "note": "大文件"}, [("files", "big.pdf", big, "application/pdf")])
    case("an upload over the limit is 413", status == 413, status)
    status, _, body = browser.post(f"{link}/items/webtest/A/progress", {"csrf": csrf, "note": "exe"}, [("files", "tool.exe", b"MZ\x90\x00" * 20, "application/octet-stream")])
    case("an upload of a refused type is 400 naming the accepted types", status == 400 and "PDF" in body, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/progress", {"csrf": csrf, "note": "假PDF"}, [("files", "fake.pdf", b"<html><script>alert(1)</script>", "application/pdf")])
    case("a file whose bytes are not what its name says is refused", status == 400, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/progress", {"csrf": csrf, "note": "four files"},
                                [("files", f"f{i}.pdf", PDF, "application/pdf") for i in range(4)])
    case("more files than max_files is refused", status == 413, status)
    evil = "<script>alert('x')</script>\n<b>粗体</b> & 进展"
    status, headers, _ = browser.post(
        f"{link}/items/webtest/A/progress", {"csrf": csrf, "note": evil},
        [("files", "../../../etc/passwd/整改报告.pdf", PDF, "application/pdf"), ("files", "..\\..\\照片.png", PNG, "image/png")])
    case("a progress report with evidence is accepted (303)", status == 303, status)
    status, _, page = browser.get(link)
    case("a file name with a path keeps only its last part", "整改报告.pdf" in page and "../" not in page and "照片.png" in page and "..\\" not in page)
    case("HTML and script in a note are shown as text", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page and "<script>" not in page
         and "&lt;b&gt;粗体&lt;/b&gt; &amp; 进展" in page)
    files = sorted(glob.glob(f"{d.dir}/state/evidence/*/*"))
    case("evidence is stored under the state directory with names of its own", len(files) == 2 and all(re.search(r"/[A-Za-z0-9_-]+\.(pdf|png)$", f) for f in files)
         and not os.path.exists("/etc/passwd/整改报告.pdf"), files)
    case("evidence files are private (0600)", all(os.stat(f).st_mode & 0o777 == 0o600 for f in files))
    evidence_link = re.search(r'href="(/r/[^"]+/evidence/([^"]+))"', page)
    status, headers, body = browser.get(evidence_link.group(1))
    case("the link's holder gets the evidence back, never sniffed", status == 200 and headers.get("x-content-type-options") == "nosniff", status)
    evidence_id = evidence_link.group(2)
    status, _, _ = Client(d.base).get(f"/evidence/{evidence_id}")
    case("evidence is not served without an account", status == 303, status)
    status, _, _ = Client(d.base).get(f"{other}/evidence/{evidence_id}")
    case("evidence is not served through another recipient's link", status == 404, status)
    # A stored file that cannot be read is a 500 whose cause is logged, not "the file is gone";
    # a file that is really gone is a 404 that says so.
    served = next(f for f in files if open(f, "rb").read().decode("utf-8", "replace") == body)
    os.rename(served, served + ".kept")
    os.mkdir(served)
    status, _, _ = browser.get(evidence_link.group(1))
    case("an evidence file that cannot be read is a 500, its cause in the log", status == 500
         and "the evidence file evidence/" in d.log_text() and "cannot be read" in d.log_text(), status)
    os.rmdir(served)
    status, _, page_gone = browser.get(evidence_link.group(1))
    case("a deleted evidence file is a 404 that says so", status == 404 and "已不存在" in page_gone, status)
    os.rename(served + ".kept", served)

    # 签收, with who, when, address and user agent in the audit trail.
    status, _, _ = browser.post(f"{link}/receipt", {"csrf": csrf})
    case("签收 is recorded (303)", status == 303, status)
    show = json.loads(d.ctl("show", "webtest/A", "--json").stdout)
    receipt = [h for h in show["history"] if h["kind"] == "receipt"]
    case("the audit trail has the receipt with recipient, address and user agent",
         receipt and receipt[0]["user"] == "zhang@test.example" and receipt[0]["address"] == "127.0.0.1"
         and receipt[0]["user_agent"] == "web-tests/1.0" and receipt[0]["source"] == "link", receipt)
    progress = [h for h in show["history"] if h["kind"] == "progress"]
    case("the progress report is in rectifyctl show with its evidence", progress and progress[0]["note"] == evil
         and "evidence_files" in progress[0]["details"] and len(show.get("evidence", [])) == 2, progress)

    # 申请延期 → rectifyctl requests → approve: deadline moves, original kept, reply mail.
    before = d.seen()
    to = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    status, _, _ = browser.post(f"{link}/items/webtest/A/extend", {"csrf": csrf, "to": to, "reason": "等待财政拨款"})
    case("申请延期 before the deadline is accepted", status == 303, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/extend", {"csrf": csrf, "to": to, "reason": "再次"})
    case("a second pending extension is refused (409)", status == 409, status)
    status, _, body = browser.post(f"{link}/items/webtest/B/extend", {"csrf": csrf, "to": to, "reason": "逾期后申请"})
    case("申请延期 after the deadline is refused", status == 409 and "时限已过" in body, status)
    status, _, _ = browser.post(f"{link}/items/webtest/A/extend", {"csrf": csrf, "to": "2026-02-30", "reason": "x"})
    case("a date that does not exist is 400", status == 400, status)
    listed = d.ctl("requests", "--json")
    requests = json.loads(listed.stdout)["requests"]
    case("rectifyctl requests lists the pending request", len(requests) == 1 and requests[0]["kind"] == "extend", listed.stdout)
    approved = d.ctl("approve", str(requests[0]["id"]), "--reason", "同意")
    case("rectifyctl approve applies it", approved.returncode == 0, approved.stderr)
    item = json.loads(d.ctl("show", "webtest/A", "--json").stdout)["item"]
    case("an approved 延期 keeps the original deadline on record", item["deadline"]["date"] == to and item.get("original_deadline") is not None, item)
    again = d.ctl("approve", str(requests[0]["id"]))
    case("a request cannot be decided twice", again.returncode != 0 and "already" in again.stderr, again.stderr)
    replies = poll(lambda: [m for m in d.since(before) if "zhang@" in m["to"] and "申请办理结果" in m["subject"]])
    case("the requester is told of the approval by mail", replies and "已批准" in replies[0]["text"], [m["subject"] for m in d.since(before)])

    # 申请销号 needs evidence; the office rejects it on the review page with a reason.
    status, _, _ = browser.post(f"{link}/items/webtest/B/close", {"csrf": csrf, "note": "已整改"})
    case("申请销号 without evidence is refused", status == 400, status)
    status, _, _ = browser.post(f"{link}/items/webtest/B/close", {"csrf": csrf, "note": "已整改完毕"}, [("files", "验收.pdf", PDF, "application/pdf")])
    case("申请销号 with evidence is accepted", status == 303, status)
    viewer = Client(d.base)
    viewer.post("/login", {"user": "guest", "password": VIEWER_PASSWORD})
    status, _, page = viewer.get("/review")
    request_id = re.search(r"#(\d+) ·", page).group(1) if status == 200 and re.search(r"#(\d+) ·", page) else "0"
    status, _, _ = viewer.post(f"/review/{request_id}", {"csrf": csrf_of(page) or "", "decision": "approve"})
    case("a viewer cannot decide requests (403)", status == 403, status)
    office = Client(d.base, agent="office-browser")
    status, headers, _ = office.post("/login", {"user": "zgb", "password": OFFICE_PASSWORD})
    case("the office logs in (303, HttpOnly session cookie)", status == 303 and "rectifyd_session" in office.cookies
         and "HttpOnly" in headers.get("set-cookie", "") and "SameSite=Lax" in headers.get("set-cookie", ""), headers)
    status, _, page = office.get("/review")
    office_csrf = csrf_of(page)
    status, _, _ = office.post(f"/review/{request_id}", {"decision": "reject", "reason": "缺少验收报告"})
    case("a review form without its CSRF token is 403", status == 403, status)
    status, _, body = office.post(f"/review/{request_id}", {"csrf": office_csrf, "decision": "reject", "reason": ""})
    case("a rejection without a reason is refused", status == 400, status)
    before = d.seen()
    status, _, _ = office.post(f"/review/{request_id}", {"csrf": office_csrf, "decision": "reject", "reason": "缺少验收报告<script>"})
    case("the office rejects with a reason", status == 303, status)
    replies = poll(lambda: [m for m in d.since(before) if "zhang@" in m["to"] and "未获批准" in m["text"]])
    case("the rejection reaches the requester through the channel that reached them, with the reason",
         replies and "缺少验收报告" in replies[0]["text"] and "未获批准" in replies[0]["text"], [m["subject"] for m in d.since(before)])

    # The board and item pages.
    status, _, page = office.get("/board")
    case("the board shows counts, the on-time rate and an SVG burndown", status == 200 and "按期完成率" in page and "<svg" in page and "测试县卫生健康局" in page, status)
    status, _, page = office.get("/items/webtest/A")
    case("the item page shows history with address and user agent", status == 200 and "web-tests/1.0" in page and "整改报告.pdf" in page, status)
    status, _, _ = Client(d.base).get("/board")
    case("the board needs an account (redirect to login)", status == 303)

    # Password guessing: rate-limited and logged.
    guesser = Client(d.base)
    codes = [guesser.post("/login", {"user": "zgb", "password": f"wrong{i}"})[0] for i in range(6)]
    status, _, _ = guesser.post("/login", {"user": "zgb", "password": OFFICE_PASSWORD})
    case("password guessing is locked after 5 failures (429), even with the right password", codes[:5] == [401] * 5 and codes[5] == 429 and status == 429, codes + [status])
    case("failed logins are logged, never with the password", "login failed" in d.log_text() and "wrong1" not in d.log_text())

    # 500 concurrent clients on the board and the responder page.
    def fetch(i):
        c = Client(d.base)
        c.cookies = dict(office.cookies)
        try:
            return c.get("/board" if i % 2 else link)[0]
        except Exception as error:
            return repr(error)

    with concurrent.futures.ThreadPoolExecutor(max_workers=500) as pool:
        statuses = list(pool.map(fetch, range(500)))
    case("500 concurrent clients are all answered 200", statuses.count(200) == 500, {s: statuses.count(s) for s in set(statuses)})
    status, _, _ = office.get("/board")
    case("the board still answers after the crowd", status == 200, status)
    history = json.loads(d.ctl("show", "webtest/A", "--json").stdout)["history"]
    escalation(d, case)
    case("nothing was lost: the audit trail holds every accepted action", [h["kind"] for h in history].count("receipt") == 1
         and [h["kind"] for h in history].count("progress") == 1 and [h["kind"] for h in history].count("extension_requested") == 1
         and [h["kind"] for h in history].count("extend") == 1, [h["kind"] for h in history])


def escalation(d, case):
    """A red notice nobody signed for within web.receipt_within (3 working days) goes to the
    leaders above its recipient; a signed one does not. Time is moved by ageing the deliveries
    in the state database while the daemon is stopped."""
    import sqlite3
    d.stop()
    db = sqlite3.connect(f"{d.dir}/state/state.sqlite")
    unreceived = db.execute("SELECT recipient FROM notices WHERE received_at IS NULL AND colour = 'red'").fetchall()
    db.execute("UPDATE notices SET delivered_at = delivered_at - 10 * 86400")
    db.commit()
    db.close()
    before = d.seen()
    d.start()
    deadline = time.time() + 10
    while time.time() < deadline and not any("未签收" in m["subject"] for m in d.since(before)):
        time.sleep(0.2)
    escalated = [m for m in d.since(before) if "未签收" in m["subject"]]
    case("a red notice not signed for in 3 working days is escalated to the leaders above", unreceived and escalated
         and {"main@test.example", "zgb@test.example"} <= {m["to"].split("<")[-1].rstrip(">") for m in escalated}
         and all("deputy@" not in m["to"] for m in escalated), ([r for r in unreceived], [(m["to"], m["subject"]) for m in escalated]))
    case("a notice that was signed for is not escalated", all("zhang@" not in m["text"] for m in escalated),
         [m["text"][:400] for m in escalated])
    d.stop()
    seen = d.seen()
    d.start()
    time.sleep(1)
    case("an escalation is sent once, not again after a restart", not any("未签收" in m["subject"] for m in d.since(seen)))


if __name__ == "__main__":
    main()
