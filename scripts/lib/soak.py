"""scripts/soak's helpers (standard library only).
  soak.py moderate BASE MOD_KEY SITE_KEY USER PASSWORD STATUSES_FILE   a moderator's steady work, until killed
  soak.py threads BASE SITE_KEY TEXTS RUN STATUSES_FILE [EVERY]       a site's thread a minute, until killed
  soak.py sample ADMIN PID DB CSV RAW_DIR LOG                         a row of figures every 30 s, until killed
  soak.py report CSV                                                  first, last and slopes per hour
  soak.py latency LOG                                                 each endpoint's median and p99 by 5 minutes
"""
import csv, json, os, re, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

def call(base, method, path, key=None, body=None, cookie=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if key: req.add_header("Authorization", "Bearer " + key)
    if cookie: req.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null"), r.headers.get("Set-Cookie")
    except urllib.error.HTTPError as e:
        return e.code, None, None
    except OSError:
        return 0, None, None

def q(id):
    """An id in a path: a thread comment's "THREAD/COMMENT" is written with %2F."""
    return urllib.parse.quote(id, safe="")

def counter(statuses, base):
    """call(base, …), its status counted in statuses."""
    def go(*a, **k):
        status, body, cookie = call(base, *a, **k)
        statuses[status] = statuses.get(status, 0) + 1
        return body or {}, cookie
    return go

def write_statuses(out, statuses):
    with open(out, "w") as f:
        f.write("statuses: " + " ".join(f"{k}={v}" for k, v in sorted(statuses.items())) + "\n")

def moderate(base, mod, site, user, password, out):
    """Once a second: the first page of PENDING, two of it decided (every 10 s instead its first five approved in one
    bulk decision), the counts; a published comment reported and the REPORTED queue's first decided; every 10th single
    decision then undone (a REOPEN at the version it made); once a minute a log-in, who-am-I and log-out. About 6
    requests/s."""
    statuses, n, decided = {}, 0, 0
    go = counter(statuses, base)
    def decide(c, body):
        nonlocal decided
        answer, _ = go("POST", f"/v1/comments/{q(c['id'])}/decision?site={c['site']}", mod, body)
        decided += 1
        if decided % 10 == 0 and "version" in answer:
            go("POST", f"/v1/comments/{q(c['id'])}/decision?site={c['site']}", mod,
               {"decision": "REOPEN", "expectedVersion": answer["version"]})
    while True:
        started = time.monotonic()
        page, _ = go("GET", "/v1/queue?status=PENDING&limit=10", mod)
        pending = page.get("comments", [])
        if n % 10 == 5 and pending:
            go("POST", "/v1/decisions", mod, {"decision": "APPROVE", "comments": [
                {"id": c["id"], "site": c["site"], "expectedVersion": c["version"]} for c in pending[:5]]})
        else:
            for i, c in enumerate(pending[:2]):
                decide(c, {"decision": "REJECT", "reason": "insult", "expectedVersion": c["version"]} if (n + i) % 3 == 0
                       else {"decision": "APPROVE", "expectedVersion": c["version"]})
        go("GET", "/v1/queue/counts", mod)
        published, _ = go("GET", f"/v1/queue?status=PUBLISHED&limit=5&offset={n % 50}", mod)
        for c in published.get("comments", [])[:1]:
            go("POST", f"/v1/comments/{q(c['id'])}/report", site, {"reason": "spam", "reportId": f"r{n}"})
        reported, _ = go("GET", "/v1/queue?status=REPORTED&limit=5", mod)
        for c in reported.get("comments", [])[:1]:
            decide(c, {"decision": "APPROVE", "expectedVersion": c["version"]})
        if n % 60 == 0:
            _, cookie = go("POST", "/v1/session", body={"username": user, "password": password})
            if cookie:
                cookie = cookie.split(";")[0]
                go("GET", "/v1/session", cookie=cookie)
                go("DELETE", "/v1/session", cookie=cookie)
        n += 1
        write_statuses(out, statuses)
        time.sleep(max(0.0, 1 - (time.monotonic() - started)))

TARGETS = ["the council", "the government", "the policy", "Russia", "the author", "immigration", "the police", "Obama"]

def threads(base, site, texts_file, run, out, every="30"):
    """Every EVERY seconds (30), in turn: a new thread of 20 comments (every fourth a reply to the one before it, naming its author)
    with a ?target=, or the last thread sent again with another target, whose stance its comments do not hold yet."""
    texts = [json.loads(line)["comment"]["text"] for line in open(texts_file)]
    statuses, n, thread = {}, 0, None
    go = counter(statuses, base)
    while True:
        started = time.monotonic()
        if n % 2 == 0:
            k = n // 2
            thread = {"id": f"{run}-t{k}", "article": {"id": f"{run}-a{k}", "title": f"Soak article {k}"}, "comments": [
                dict({"id": f"c{i}", "number": i, "author": f"reader{(k + i) % 97}", "text": texts[(20 * k + i) % len(texts)]},
                     **({"parentNumber": i - 1, "parentAuthor": f"reader{(k + i - 1) % 97}"} if i % 4 == 0 else {}))
                for i in range(1, 21)]}
        target = urllib.parse.quote(TARGETS[n % len(TARGETS)])
        go("POST", f"/v1/threads?target={target}", site, thread)
        n += 1
        write_statuses(out, statuses)
        time.sleep(max(0.0, float(every) - (time.monotonic() - started)))

# column → a Prometheus sample's name and labels (a regular expression); matching samples are summed
METRICS = {
    "rss": r'process_resident_memory_bytes', "heap": r'jvm_memory_bytes_used\{area="heap"\}',
    "nonheap": r'jvm_memory_bytes_used\{area="nonheap"\}', "old_after_gc": r'jvm_memory_pool_collection_used_bytes\{pool="G1 Old Gen"\}',
    "threads": r'jvm_threads_current', "fds": r'process_open_fds', "db_active": r'db_pool_active\{.*\}',
    "db_idle": r'db_pool_idle\{.*\}', "db_waiting": r'db_pool_waiting\{.*\}', "requests": r'jetty_request_duration_seconds_count',
    "r5xx": r'jetty_responses_total\{code="5xx"\}', "pending": r'parley_queue\{queue="PENDING"\}',
    "reported": r'parley_queue\{queue="REPORTED"\}', "escalated": r'parley_queue\{queue="ESCALATED"\}',
}
COLUMNS = ["t_s"] + list(METRICS) + ["series", "heap_after_full_gc", "tasks", "vmrss", "outside_heap", "pg_conns", "db_bytes",
                                     "comments", "log_bytes"]

def scrape(admin):
    with urllib.request.urlopen(f"http://127.0.0.1:{admin}/metrics/prometheus", timeout=30) as r:
        return r.read().decode()

def figures(text):
    row = {}
    for col, pattern in METRICS.items():
        rx = re.compile("^" + pattern.replace('"\\}', '",?\\}') + r" (\S+)$", re.M)
        row[col] = sum(float(v) for v in rx.findall(text))
    # every sample line: a label that takes a value per id (a comment's, a client's) would make it grow without end
    row["series"] = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    return row

def psql(db, sql):
    return subprocess.run(["psql", "-h", os.environ.get("SOAK_PG_HOST", "127.0.0.1"), "-U", os.environ.get("SOAK_PG_USER", "postgres"),
                           "-d", db, "-qAtc", sql], capture_output=True, text=True).stdout.strip()

def heap_range(pid):
    """The Java heap's reserved addresses, from GC.heap_info ("[0x…, 0x…)")."""
    info = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"\[(0x[0-9a-f]+), (0x[0-9a-f]+)\)", info)
    return (int(m.group(1), 16), int(m.group(2), 16)) if m else None

def resident_in(pid, lo, hi):
    """Bytes resident in the mappings between lo and hi (/proc/PID/smaps)."""
    kib, inside = 0, False
    for line in open(f"/proc/{pid}/smaps"):
        head = line.split()[0]
        if "-" in head and ":" not in head:
            a, b = (int(x, 16) for x in head.split("-"))
            inside = a >= lo and b <= hi
        elif head == "Rss:" and inside:
            kib += int(line.split()[1])
    return kib * 1024

def sample(admin, pid, db, out, raw, log):
    """Every 30 s; every tenth sample (5 min) first a class histogram, which is a full GC: its total is what lives.
    outside_heap: resident memory less the pages of the Java heap's range (native memory: ND4J, ONNX Runtime, malloc)."""
    start, i, heap = time.monotonic(), 0, heap_range(pid)
    with open(out, "w", newline="") as f:
        csv.writer(f).writerow(COLUMNS)
    while True:
        after_gc = ""
        if i % 10 == 0:  # its Total line: the bytes of the objects that live (a scrape after it also counts those made since)
            histogram = subprocess.run(["jcmd", pid, "GC.class_histogram"], capture_output=True, text=True).stdout.splitlines()
            total = [line for line in histogram if line.startswith("Total")]
            after_gc = total[0].split()[2] if total else ""
            with open(f"{raw}/histogram-{i:04d}.txt", "w") as f:
                f.write("\n".join(histogram[:40] + total) + "\n")
        text = scrape(admin)
        with open(f"{raw}/metrics-{i:04d}.txt", "w") as f:
            f.write(text)
        row = figures(text)
        status = open(f"/proc/{pid}/status").read()
        row.update(t_s=round(time.monotonic() - start), heap_after_full_gc=after_gc, tasks=len(os.listdir(f"/proc/{pid}/task")),
                   vmrss=int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024,
                   outside_heap=int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024 - resident_in(pid, *heap) if heap else "",
                   pg_conns=psql(db, f"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{db}'"),
                   db_bytes=psql(db, f"SELECT pg_database_size('{db}')"), comments=psql(db, "SELECT COUNT(*) FROM comments"),
                   log_bytes=os.path.getsize(log))
        with open(out, "a", newline="") as f:
            csv.writer(f).writerow([row[c] for c in COLUMNS])
        i += 1
        time.sleep(max(0.0, start + 30 * i - time.monotonic()))

def slope(points):
    """Least squares: units per hour."""
    if len(points) < 2: return float("nan")
    n, sx, sy = len(points), sum(p[0] for p in points), sum(p[1] for p in points)
    sxx, sxy = sum(p[0] ** 2 for p in points), sum(p[0] * p[1] for p in points)
    d = n * sxx - sx * sx
    return (n * sxy - sx * sy) / d * 3600 if d else float("nan")

def report(path):
    rows = list(csv.DictReader(open(path)))
    if not rows: sys.exit("soak: no samples")
    end = float(rows[-1]["t_s"])
    print(f"{len(rows)} samples over {end / 60:.0f} min; slopes: least squares per hour over the second half "
          f"(and its last half, to see whether it levels off)")
    print(f"{'figure':20} {'first':>14} {'last':>14} {'slope/h':>14} {'last q./h':>14}")
    for col in COLUMNS[1:]:
        pts = [(float(r["t_s"]), float(r[col])) for r in rows if r[col] not in ("", None)]
        if not pts: continue
        half = [p for p in pts if p[0] >= end / 2]
        quarter = [p for p in pts if p[0] >= end * 3 / 4]
        print(f"{col:20} {pts[0][1]:14.0f} {pts[-1][1]:14.0f} {slope(half):14.0f} {slope(quarter):14.0f}")
    print(f"5xx answers during the soak: {float(rows[-1]['r5xx']) - float(rows[0]['r5xx']):.0f}")

REQUEST_LINE = re.compile(r'\[[^:]+:(\d\d):(\d\d):(\d\d) [^\]]*\] \S+ "(\w+) (\S+) HTTP/1\.1" \d+ \S+ (\d+)$')

def latency(log):
    """From the request log's lines: each endpoint's median and 99th percentile in ms by 5 minutes from the first line,
    so that a cost that grows with the tables (a query that reads more as they fill) shows as a rising median."""
    by, t0 = {}, None
    for line in open(log, errors="replace"):
        m = REQUEST_LINE.search(line.rstrip("\n"))
        if not m: continue
        t = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        t0 = t if t0 is None else t0
        path = re.sub(r"^/v1/comments/[^/]+", "/v1/comments/ID", m.group(5).split("?")[0])  # the log has no query
        by.setdefault(f"{m.group(4)} {path}", {}).setdefault((t - t0) % 86400 // 300, []).append(int(m.group(6)))
    slots = sorted({s for v in by.values() for s in v})
    print("median/p99 ms of each endpoint by 5 minutes (from minute " + ", ".join(str(5 * s) for s in slots) + ")")
    for k, v in sorted(by.items(), key=lambda kv: -sum(len(x) for x in kv[1].values())):
        cells = [(sorted(v[s])[len(v[s]) // 2], sorted(v[s])[int(len(v[s]) * .99)]) if s in v else None for s in slots]
        print(f"{k[:44]:44} " + " ".join(f"{c[0]:>5}/{c[1]:<5}" if c else f"{'-':>11}" for c in cells))

if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"moderate": moderate, "threads": threads, "sample": sample, "report": report, "latency": latency}[cmd](*args)
