#!/usr/bin/env python3
"""A throwaway webhook receiver for RectifyNotify's tests (http.server).

Listens on 127.0.0.1 (a free port chosen by the kernel, or --port). A POST to /status/NNN is answered
with status NNN (any other path: 200), its body echoing the request line as careless servers do;
a POST to /hang is read and never answered (the client's timeout ends it); --delay S waits S
seconds before each answer. Every request is appended to OUT as one JSON line {path, headers, body}.
Prints the port on stdout once listening; exits when stdin closes or after --timeout seconds.
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=float, default=60)
    # A fixed port lets a test start "the receiver" after the daemon (rectifyd's end-to-end tests).
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--delay", type=float, default=0)
    args = p.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = {"unparseable": raw.decode("utf-8", "replace")}
            record = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
            if self.path.startswith("/hang"):
                with lock, open(args.out + ".hung", "a", encoding="utf-8") as f:
                    f.write(self.path + "\n")
                time.sleep(3600)
                return
            if args.delay:
                time.sleep(args.delay)
            with lock, open(args.out, "a", encoding="utf-8") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
            status = 200
            reply_body = {"status": status}
            if self.path.startswith("/status/"):
                status = int(self.path.split("/")[2].split("?")[0])
                reply_body = {"status": status, "error": "rejected POST " + self.path}
            reply = json.dumps(reply_body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                # "?retry_after=120" (or an HTTP date): a throttling receiver's Retry-After.
                if "retry_after=" in self.path:
                    from urllib.parse import parse_qs, urlsplit
                    self.send_header("Retry-After", parse_qs(urlsplit(self.path).query)["retry_after"][0])
                self.end_headers()
                self.wfile.write(reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client went away (a test killed it): not news

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Until stdin closes (the test finished or died) or the timeout passes.
    waiter = threading.Thread(target=lambda: sys.stdin.read(), daemon=True)
    waiter.start()
    waiter.join(args.timeout)
    server.shutdown()


if __name__ == "__main__":
    main()
