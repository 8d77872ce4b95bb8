#!/usr/bin/env python3
"""A webhook receiver for rectifyd's end-to-end tests.

Listens on 127.0.0.1 (port 0 = any free port, or argv[2]), prints the port on stdout once
listening, and writes each POST as a JSON file (headers + body) into argv[1]. Stops by itself
when stdin closes or after argv[3] seconds (default 120).
"""
import json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

out = sys.argv[1]
port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 120
os.makedirs(out, exist_ok=True)
counter = [0]
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with lock:
            counter[0] += 1
            n = counter[0]
        record = {"path": self.path, "headers": dict(self.headers.items()), "body": body.decode("utf-8")}
        tmp = os.path.join(out, f".{n:05d}.tmp")
        with open(tmp, "w") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(out, f"{n:05d}.json"))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok":true}')

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
deadline = time.time() + lifetime

def watch_stdin():
    sys.stdin.read()
    os._exit(0)

threading.Thread(target=watch_stdin, daemon=True).start()
while time.time() < deadline:
    time.sleep(0.2)
os._exit(0)
