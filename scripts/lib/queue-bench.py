"""Times what moderators and sites ask of the moderation store, for scripts/benchmark-queue.

One keep-alive connection, one request at a time (a moderator's page waits for each answer), so a
latency here is the service's and the database's, not a queue of requests. Reads come first, then
writes (reports, decisions, submissions), which change the queues. Prints one line per request
kind: requests, p50, p90, max, in milliseconds.
Usage: queue-bench.py URL MODERATOR_KEY WEBSITE_KEY IDS_FILE REQUESTS [ONE_SITE_KEY FEW_SITES_KEY]
IDS_FILE: comment ids (one a line, a random sample of the website key's site) for the per-comment requests.
ONE_SITE_KEY, FEW_SITES_KEY: moderator keys of bench.example, and of bench.example and bench-2.example
(benchmark-queue --sites): their page's reads are timed too, before the writes.
"""
import base64
import http.client
import json
import random
import statistics
import sys
import time
import urllib.parse

url, moderator, website, ids_file, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
one_site, few_sites = (sys.argv[6], sys.argv[7]) if len(sys.argv) > 7 else (None, None)
host = urllib.parse.urlsplit(url)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
ids = [line.strip() for line in open(ids_file, encoding="utf-8") if line.strip()]
random.Random(5).shuffle(ids)


def call(method, path, key, body=None, ok=(200, 201)):
    headers = {"Authorization": "Bearer " + key}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = r.read()
    took = (time.perf_counter() - started) * 1000
    if r.status not in ok:
        raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data), took


def timed(name, requests, warm=2):
    """requests: a list of (method, path, key, body); the first `warm` are sent but not counted."""
    times = []
    for i, (method, path, key, body) in enumerate(requests):
        _, took = call(method, path, key, body)
        if i >= warm:
            times.append(took)
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    print(f"{name:<64} {len(times):>5} {statistics.median(times):>9.1f} {q(0.9):>9.1f} {times[-1]:>9.1f}", flush=True)


def get(path, key=moderator):
    return ("GET", path, key, None)


def quoted(comment_id):
    return urllib.parse.quote(comment_id, safe="")


counts, _ = call("GET", "/v1/queue/counts", moderator)
articles, _ = call("GET", "/v1/articles?limit=1000", moderator)
largest = max(articles, key=lambda a: a["comments"])
typical = sorted(articles, key=lambda a: a["comments"])[len(articles) // 2]
print(f"/v1/queue/counts: {counts}")
print(f"articles: {len(articles)} listed; largest {largest['id']} ({largest['comments']} comments), "
      f"median {typical['id']} ({typical['comments']})")
print(f"{'request (ms)':<64} {'n':>5} {'p50':>9} {'p90':>9} {'max':>9}")

for q in ("PENDING", "REPORTED", "ESCALATED", "AUTO_REJECTED", "APPROVED", "REJECTED", "PUBLISHED"):
    timed(f"GET /v1/queue?status={q} (first page)", [get(f"/v1/queue?status={q}&limit=50")] * (n + 2))
for q, depth in (("PENDING", 2000), ("APPROVED", 10000), ("PUBLISHED", 10000), ("PUBLISHED", 100000)):
    page, _ = call("GET", f"/v1/queue?status={q}&limit=50&offset={depth - 50}", moderator)
    if "next" not in page:  # the queue is not that deep
        continue
    timed(f"GET /v1/queue?status={q}&offset={depth}", [get(f"/v1/queue?status={q}&limit=50&offset={depth}")] * (n + 2))
    timed(f"  same page by after= (cursor at {depth})",
          [get(f"/v1/queue?status={q}&limit=50&after={page['next']}")] * (n + 2))
for name, a in (("the largest", largest), ("the median", typical)):
    for q in ("PENDING", "PUBLISHED"):
        timed(f"GET /v1/queue?status={q}&articleId= ({name} article)",
              [get(f"/v1/queue?status={q}&limit=50&articleId={quoted(a['id'])}")] * (n + 2))
# A search (?q=) narrows the queue's own index scan: no index holds words, so one that matches little reads the whole
# queue's texts, and the counts every queue's.
some = ids[len(ids) // 2]
for name, term in (("a common word", "the"), ("a word no comment has", "zqxjv"), ("a comment's id", some)):
    for q in ("PENDING", "PUBLISHED"):
        timed(f"GET /v1/queue?status={q}&q= ({name})", [get(f"/v1/queue?status={q}&limit=50&q={quoted(term)}")] * (n + 2))
    timed(f"GET /v1/queue/counts?q= ({name})", [get(f"/v1/queue/counts?q={quoted(term)}")] * (n + 2))
timed("GET /v1/queue/counts", [get("/v1/queue/counts")] * (n + 2))
timed("GET /v1/queue/counts?articleId= (the largest article)",
      [get(f"/v1/queue/counts?articleId={quoted(largest['id'])}")] * (n + 2))
for limit in (100, 500):
    timed(f"GET /v1/articles?limit={limit}", [get(f"/v1/articles?limit={limit}")] * (n + 2))
timed("GET /v1/sites?limit=200 (the sites menu)", [get("/v1/sites?limit=200")] * (n + 2))
QUEUES = ("PENDING", "REPORTED", "ESCALATED", "AUTO_REJECTED", "APPROVED", "REJECTED", "PUBLISHED")
if one_site:
    # What the page asks for a moderator of one site (the service narrows every list to it) and of a chosen few
    # (their sites' lists, and one of them picked in the menu, ?site=): each queue's first page at a load or a
    # tab, the counts after each decision, the article menu and the sites menu at each load.
    for who, key, narrow in (("one site", one_site, ""), ("two sites", few_sites, ""),
                             ("two sites, ?site= one", few_sites, "&site=bench.example")):
        print(f"a moderator of {who}:", flush=True)
        for q in QUEUES:
            timed(f"  GET /v1/queue?status={q} (first page)", [get(f"/v1/queue?status={q}&limit=50{narrow}", key)] * (n + 2))
        page, _ = call("GET", f"/v1/queue?status=PUBLISHED&limit=50&offset=9950{narrow}", key)
        if "next" in page:
            timed("  GET /v1/queue?status=PUBLISHED by after= (cursor at 10000)",
                  [get(f"/v1/queue?status=PUBLISHED&limit=50&after={page['next']}{narrow}", key)] * (n + 2))
        timed("  GET /v1/queue/counts", [get(f"/v1/queue/counts?{narrow[1:]}", key)] * (n + 2))
        timed("  GET /v1/articles?limit=500", [get(f"/v1/articles?limit=500{narrow}", key)] * (n + 2))
        if key == few_sites and not narrow:  # one site's page has no sites menu
            timed("  GET /v1/sites?limit=200 (the sites menu)", [get("/v1/sites?limit=200", key)] * (n + 2))
timed("GET /v1/comments/{id} (random ids)", [get(f"/v1/comments/{quoted(i)}") for i in ids[:n + 2]])
timed("GET /v1/comments/{id}/status (website)", [get(f"/v1/comments/{quoted(i)}/status", website) for i in ids[:n + 2]])

# Writes: each changes what the next finds, so each request names a different comment.
timed("POST /v1/comments/{id}/report (website)",
      [("POST", f"/v1/comments/{quoted(i)}/report", website, {"reason": "abusive", "reportId": f"bench-{i}"})
       for i in ids[n + 2:2 * n + 4]])
bulk = max(3, n // 5)  # bulk calls of 50 each
pending, after = [], ""
while len(pending) < n + 2 + 50 * bulk:
    page, _ = call("GET", f"/v1/queue?status=PENDING&limit=200{after}", moderator)
    pending += page["comments"]
    if "next" not in page:
        break
    after = "&after=" + page["next"]
one, rest = pending[:n + 2], pending[n + 2:]
# Each comment named with its site: ids are each site's own (here no two sites share one, but a moderator of several names it).
timed("POST /v1/comments/{id}/decision (APPROVE, from PENDING)",
      [("POST", f"/v1/comments/{quoted(c['id'])}/decision?site={quoted(c.get('site') or '')}", moderator,
        {"decision": "APPROVE", "expectedVersion": c["version"]})
       for c in one])
batches = [rest[b:b + 50] for b in range(0, len(rest) - 49, 50)][:bulk]
if batches:
    timed("POST /v1/decisions (bulk REJECT of 50)",
          [("POST", "/v1/decisions", moderator, {"decision": "REJECT", "reason": "other",
                                                  "comments": [{"id": c["id"], "site": c.get("site") or "",
                                                                "expectedVersion": c["version"]} for c in b]})
           for b in batches], warm=0)
stamp = base64.b32encode(random.randbytes(5)).decode().lower()
own = max((a for a in articles if a.get("site") == "bench.example"), key=lambda a: a["comments"], default=largest)
timed("POST /v1/comments (submit: scored and stored)",
      [("POST", "/v1/comments", website, {"id": f"bench-{stamp}-{k}", "articleId": own["id"],
                                          "text": f"I read the article twice, and point {k} still puzzles me."})
       for k in range(n + 2)])
