#!/usr/bin/env python3
"""Load for bench/web.sh: CLIENTS threads, each with its own keep-alive connection, GET one path
for SECONDS; prints requests/s, p50/p99 in ms, failures (tab-separated key value lines).
Usage: web-load.py BASE_URL PATH CLIENTS SECONDS [COOKIE]"""
import http.client
import sys
import threading
import time
import urllib.parse

base, path, clients, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
cookie = sys.argv[5] if len(sys.argv) > 5 else ""
url = urllib.parse.urlsplit(base)
latencies, failures = [], [0]
lock = threading.Lock()
stop = time.time() + seconds


def worker():
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    mine, bad = [], 0
    while time.time() < stop:
        t0 = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                bad += 1
        except Exception:
            bad += 1
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            continue
        mine.append(time.perf_counter() - t0)
    with lock:
        latencies.extend(mine)
        failures[0] += bad


threads = [threading.Thread(target=worker) for _ in range(clients)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else float("nan")


print(f"requests_per_second\t{len(latencies) / elapsed:.0f}")
print(f"latency_p50_ms\t{pct(0.50):.1f}")
print(f"latency_p99_ms\t{pct(0.99):.1f}")
print(f"failures\t{failures[0]}")
print(f"requests\t{len(latencies)}")
