#!/usr/bin/env python3
"""Load figures for issue "Fast": runs wrk against Pravo and the minimal baseline handler in one go and
prints one table of throughput, latency, server CPU per request and memory, with the ratios the goals name.

Called by bench/fast.sh, which builds, seeds and starts the servers; see BENCHMARKS.md.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_mib(pid, field="VmRSS:"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def machine_busy(seconds=1.0):
    """The share of CPU time used on the whole machine over `seconds` (0..1)."""
    def snap():
        with open("/proc/stat") as f:
            parts = [int(x) for x in f.readline().split()[1:]]
        return sum(parts), parts[3] + parts[4]
    t0, i0 = snap()
    time.sleep(seconds)
    t1, i1 = snap()
    return 1 - (i1 - i0) / max(1, t1 - t0)


def wrk(url, pid, seconds, connections, headers=(), script=None):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    peak = [rss_mib(pid)]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mib(pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    c0 = cpu_seconds(pid)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    c1 = cpu_seconds(pid)
    stop.set()
    sampler.join()
    total = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = parse_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    return {"rps": rps, "p99_ms": p99, "cpu_us": (c1 - c0) / max(1, total) * 1e6, "rss_peak": peak[0],
            "requests": total, "errors": errors}


def parse_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def fsync_rate(path, seconds=5.0):
    """One-row transactions per second on a SQLite file with synchronous=FULL (WAL): the disk's bound."""
    import sqlite3
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")
    n = 0
    end = time.time() + seconds
    while time.time() < end:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES ('answer')")
        conn.execute("COMMIT")
        n += 1
    conn.close()
    return n / seconds


def main():
    cfg = json.loads(sys.argv[1])
    seconds = int(os.environ.get("SECONDS_PER_RUN", "10"))
    busy = machine_busy()
    if busy > 0.10:
        print(f"WARNING: the machine is {busy:.0%} busy before the run; figures will be low", file=sys.stderr)
    pravo, base = cfg["pravo_pid"], cfg["baseline_pid"]
    auth = f"Authorization: Bearer {cfg['token']}"
    cookie = f"Cookie: pravo_session={cfg['token']}"
    idle = rss_mib(pravo)
    idle_anon = rss_mib(pravo, "RssAnon:")
    rows = []

    def run(name, url, pid, headers=(), connections=64, script=None):
        subprocess.run(["wrk", "-t2", "-c8", "-d2s", *sum((["-H", h] for h in headers), []),
                        *(["-s", script] if script else []), url], capture_output=True)  # warm-up
        r = wrk(url, pid, seconds, connections, headers, script)
        r["name"] = name
        rows.append(r)
        return r

    b = run("baseline: one row + 12 KB maud page", f"{cfg['baseline']}/page/1", base)
    m_json = run("module JSON (signed in)", f"{cfg['pravo']}/api/v1/courses/{cfg['course']}/modules/{cfg['module']}", pravo, [auth])
    m_html = run("module page HTML (signed in)", f"{cfg['pravo']}/courses/{cfg['course']}/modules/{cfg['module']}", pravo, [cookie])
    course = run("course page HTML", f"{cfg['pravo']}/courses/{cfg['course']}", pravo, [cookie])
    catalogue = run("catalogue HTML", f"{cfg['pravo']}/courses", pravo, [cookie])
    quiz = run("quiz page HTML", f"{cfg['pravo']}/quizzes/{cfg['quiz']}", pravo, [cookie])
    certs = run("certificates JSON", f"{cfg['pravo']}/api/v1/me/certificates", pravo, [auth])
    loaded = max(r["rss_peak"] for r in rows[1:])
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write('wrk.method = "PUT"\nwrk.body = \'{"answer": "A saved answer from the benchmark."}\'\n'
                  'wrk.headers["Content-Type"] = "application/json"\n')
    save = run("answer save (API, 8 writers)",
               f"{cfg['pravo']}/api/v1/attempts/{cfg['attempt']}/answers/{cfg['question']}", pravo, [auth], 8, lua.name)
    disk = fsync_rate(os.path.join(cfg["data"], "fsync.db"))

    print(f"{'what':<40} {'req/s':>9} {'p99 ms':>8} {'CPU µs/req':>11} {'× baseline':>10} {'non-2xx':>8}")
    for r in rows:
        ratio = r["cpu_us"] / b["cpu_us"] if b["cpu_us"] else 0
        print(f"{r['name']:<40} {r['rps']:>9.0f} {r['p99_ms']:>8.1f} {r['cpu_us']:>11.0f} {ratio:>10.2f} {r['errors']:>8}")
    print(f"{'SQLite one-row commits (synchronous=FULL)':<40} {disk:>9.0f}")
    print()
    print(f"answer saves / disk commit rate: {save['rps'] / disk:.2f} (goal >= 0.8); p99 {save['p99_ms']:.1f} ms (goal <= 20)")
    print(f"module JSON CPU / baseline: {m_json['cpu_us'] / b['cpu_us']:.2f} (goal <= 1.5); {m_json['rps']:.0f} req/s (goal >= 19000); p99 {m_json['p99_ms']:.1f} ms (goal <= 10)")
    print(f"module HTML CPU / baseline: {m_html['cpu_us'] / b['cpu_us']:.2f}")
    for r in (course, catalogue, quiz, certs):
        print(f"{r['name']} CPU / baseline: {r['cpu_us'] / b['cpu_us']:.2f} (goal <= 3)")
    print(f"backend: {cfg.get('backend', 'sqlite')}")
    print(f"RSS idle: {idle:.1f} MiB = {idle_anon:.1f} MiB anonymous (heap, stacks, caches) + {idle - idle_anon:.1f} MiB "
          "mapped from the binary and libraries (clean pages, shared with the page cache)")
    print(f"RSS: {idle:.1f} MiB idle (goal <= 15), {loaded:.1f} MiB peak under c64 (goal <= 40); baseline peak {b['rss_peak']:.1f} MiB")


if __name__ == "__main__":
    main()
