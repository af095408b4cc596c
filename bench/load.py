#!/usr/bin/env python3
"""Times the scholarship dashboard of a seeded programme over HTTP: the JSON API, its CSV, the donor
report and the admin's HTML page (first page of 100 scholars, with three charts). Sequential requests
give the latency; four client threads give the throughput.

usage: load.py BASE_URL PROGRAMME_ID [REQUESTS=50]"""

import gzip
import json
import statistics
import sys
import threading
import time
import urllib.request

base, pid = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 50


def request(path, headers=None, body=None, method="GET"):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    with urllib.request.urlopen(req) as r:
        return r.status, r.read(), dict(r.headers)


_, body, _ = request("/api/v1/auth/token", {"content-type": "application/json"},
                     json.dumps({"handle": "bench-admin", "password": "bench password of some length"}).encode(), "POST")
auth = {"authorization": "Bearer " + json.loads(body)["token"]}

targets = [
    ("dashboard JSON", f"/api/v1/programmes/{pid}/dashboard", {}),
    ("dashboard CSV", f"/api/v1/programmes/{pid}/dashboard", {"accept": "text/csv"}),
    ("donor report JSON", f"/api/v1/programmes/{pid}/report", {}),
    ("dashboard page", f"/admin/programmes/{pid}/dashboard", {}),
]

print(f"{'what':<20} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'bytes':>9} {'gzip':>8} {'req/s (4 threads)':>18}")
for name, path, extra in targets:
    headers = {**auth, **extra}
    for _ in range(3):
        request(path, headers)
    times = []
    size = 0
    for _ in range(n):
        t = time.perf_counter()
        status, body, _ = request(path, headers)
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200, status
        size = len(body)
    zipped = len(gzip.compress(body))
    times.sort()
    done = [0]

    def worker():
        for _ in range(n // 4):
            request(path, headers)
            done[0] += 1

    t = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    rate = done[0] / (time.perf_counter() - t)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name:<20} {statistics.median(times):>10.1f} {p95:>8.1f} {times[-1]:>8.1f} {size:>9} {zipped:>8} {rate:>18.1f}")
