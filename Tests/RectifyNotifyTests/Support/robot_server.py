#!/usr/bin/env python3
"""Plays a WeCom, DingTalk or Feishu robot for RectifyNotify's tests (http.server on 127.0.0.1).

Checks what the real robots check, independently of rectifyd's code: the key in the URL, the
signature (Python's hmac/hashlib/base64), the payload's shape and size, an optional keyword,
and the rate limit (a sliding window of arrivals). Answers with the robots' own success and
error bodies, with HTTP 200 like they do. Every request is appended to OUT as one JSON line
{accepted, code, path, body, content, size}. Prints the port once listening; exits when stdin
closes or after --timeout seconds.
"""
import argparse
import base64
import collections
import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OK = {
    "wecom": {"errcode": 0, "errmsg": "ok"},
    "dingtalk": {"errcode": 0, "errmsg": "ok"},
    "feishu": {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {}, "msg": "success"},
}
ERRORS = {
    "wecom": {
        "key": {"errcode": 93000, "errmsg": "invalid webhook url, hint: [1778029200_test], from ip: 127.0.0.1"},
        "rate": {"errcode": 45009, "errmsg": "api freq out of limit, hint: [1778029200_test], from ip: 127.0.0.1"},
        "shape": {"errcode": 40008, "errmsg": "invalid message type, hint: [1778029200_test]"},
        "size": {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096. invalid Request Parameter"},
        "sign": {"errcode": 93000, "errmsg": "invalid webhook url"},
        "keyword": {"errcode": 93000, "errmsg": "invalid webhook url"},
    },
    "dingtalk": {
        "key": {"errcode": 300001, "errmsg": "token is not exist"},
        "rate": {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"},
        "shape": {"errcode": 40035, "errmsg": "缺少参数 json"},
        "size": {"errcode": 460101, "errmsg": "message too long, exceed 20000 bytes"},
        "sign": {"errcode": 310000, "errmsg": "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"},
        "keyword": {"errcode": 310000, "errmsg": "keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"},
    },
    "feishu": {
        "key": {"code": 19001, "data": {}, "msg": "param invalid: incoming webhook access token invalid"},
        "rate": {"code": 11232, "data": {}, "msg": "frequency limited psm[lark.oapi.app_platform_runtime]appID[-1]"},
        "shape": {"code": 19002, "data": {}, "msg": "params error, msg_type need"},
        "size": {"code": 19002, "data": {}, "msg": "params error, request body exceeds 20 KB"},
        "sign": {"code": 19021, "data": {}, "msg": "sign match fail or timestamp is not within one hour from current time"},
        "keyword": {"code": 19024, "data": {}, "msg": "Key Words Not Found"},
    },
}


def b64_hmac(key, message):
    return base64.b64encode(hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()).decode()


def check_wecom(args, query, body):
    if query.get("key") != [args.key]:
        return "key", ""
    kind = body.get("msgtype")
    if kind == "markdown" and isinstance(body.get("markdown", {}).get("content"), str):
        content, limit = body["markdown"]["content"], 4096
    elif kind == "text" and isinstance(body.get("text", {}).get("content"), str):
        content, limit = body["text"]["content"], 2048
        mobiles = body["text"].get("mentioned_mobile_list", [])
        if not (isinstance(mobiles, list) and all(isinstance(m, str) for m in mobiles)):
            return "shape", content
    else:
        return "shape", ""
    if len(content.encode()) > limit:
        return "size", content
    return None, content


def check_dingtalk(args, query, body, raw):
    if query.get("access_token") != [args.key]:
        return "key", ""
    if args.secret:
        ts, sign = query.get("timestamp", [""])[0], query.get("sign", [""])[0]
        # parse_qs has already percent-decoded the sign.
        expected = b64_hmac(args.secret, ts + "\n" + args.secret)
        if not ts.isdigit() or abs(time.time() * 1000 - int(ts)) > 3600_000 or not hmac.compare_digest(sign, expected):
            return "sign", ""
    md = body.get("markdown", {})
    at = body.get("at", {})
    if body.get("msgtype") != "markdown" or not isinstance(md.get("title"), str) or not isinstance(md.get("text"), str):
        return "shape", ""
    if not isinstance(at.get("atMobiles", []), list):
        return "shape", md["text"]
    if len(raw) > 20000:
        return "size", md["text"]
    return None, md["text"]


def check_feishu(args, path, body, raw):
    if path.rstrip("/").split("/")[-1] != args.key:
        return "key", ""
    if args.secret:
        ts, sign = str(body.get("timestamp", "")), body.get("sign", "")
        expected = base64.b64encode(hmac.new((ts + "\n" + args.secret).encode(), b"", hashlib.sha256).digest()).decode()
        if not ts.isdigit() or abs(time.time() - int(ts)) > 3600 or not hmac.compare_digest(sign, expected):
            return "sign", ""
    kind = body.get("msg_type")
    if kind == "interactive":
        card = body.get("card", {})
        title = card.get("header", {}).get("title", {}).get("content")
        if card.get("header", {}).get("template") not in ("red", "yellow", "green", "blue") or not isinstance(title, str):
            return "shape", ""
        texts = [e["text"]["content"] for e in card.get("elements", []) if e.get("tag") == "div"]
        content = title + "\n" + "\n".join(texts)
    elif kind == "post":
        post = body.get("content", {}).get("post", {}).get("zh_cn", {})
        if not isinstance(post.get("title"), str) or not isinstance(post.get("content"), list):
            return "shape", ""
        content = post["title"] + "\n" + "\n".join(e["text"] for para in post["content"] for e in para if e.get("tag") == "text")
    else:
        return "shape", ""
    if len(raw) > 20 * 1024:
        return "size", content
    return None, content


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kind", required=True, choices=["wecom", "dingtalk", "feishu"])
    p.add_argument("--key", required=True)
    p.add_argument("--secret")
    p.add_argument("--keyword")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--window", type=float, default=60)
    p.add_argument("--per-second", type=int)
    p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args()
    lock = threading.Lock()
    arrivals = collections.deque()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            try:
                body = json.loads(raw.decode("utf-8"))
                if not isinstance(body, dict):
                    raise ValueError("not an object")
            except ValueError:
                body, problem, content = {}, "shape", ""
            else:
                if args.kind == "wecom":
                    problem, content = check_wecom(args, query, body)
                elif args.kind == "dingtalk":
                    problem, content = check_dingtalk(args, query, body, raw)
                else:
                    problem, content = check_feishu(args, url.path, body, raw)
            if problem is None and args.keyword and args.keyword not in content:
                problem = "keyword"
            with lock:
                now = time.monotonic()
                if problem is None:
                    while arrivals and now - arrivals[0] >= args.window:
                        arrivals.popleft()
                    recent = sum(1 for t in arrivals if now - t < 1)
                    if len(arrivals) >= args.limit or (args.per_second and recent >= args.per_second):
                        problem = "rate"
                    else:
                        arrivals.append(now)
                reply = OK[args.kind] if problem is None else ERRORS[args.kind][problem]
                record = {"accepted": problem is None, "problem": problem, "path": self.path, "body": body,
                          "content": content, "size": len(raw), "at": now}
                with open(args.out, "a", encoding="utf-8") as f:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
            data = json.dumps(reply, ensure_ascii=False).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    waiter = threading.Thread(target=lambda: sys.stdin.read(), daemon=True)
    waiter.start()
    waiter.join(args.timeout)
    server.shutdown()


if __name__ == "__main__":
    main()
