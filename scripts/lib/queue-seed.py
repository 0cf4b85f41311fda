"""Submits real comments to a running service through its API, for scripts/benchmark-queue.

Fox News comments (1,528, ten articles, with authors and reply order) and Wikipedia talk comments
(jigsaw, 2,868, grouped into articles of 100) become threads of at most 100 comments, sent to
POST /v1/threads; every fifth thread is sent comment by comment to POST /v1/comments instead, so both
paths store. Each comment is scored and routed by the policy, so statuses, scores and spans are real.
Usage: queue-seed.py TRAINING_DATA URL WEBSITE_KEY
"""
import csv
import gzip
import io
import json
import sys
import time
import urllib.request

root, url, key = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]


def post(path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.load(r)


def threads():
    by_title = {}
    for line in gzip.open(f"{root}/fox_news_comments/fox-news-comments.json.gz", "rt", encoding="utf-8"):
        c = json.loads(line)
        by_title.setdefault(c["title"], []).append(c)
    for i, (title, comments) in enumerate(sorted(by_title.items())):
        for part in range(0, len(comments), 100):
            yield f"fox{i}", title, [{"text": c["text"], "author": c["user"] or None} for c in comments[part:part + 100]]
    csv.field_size_limit(10 ** 8)
    rows = csv.DictReader(io.TextIOWrapper(gzip.open(f"{root}/jigsaw_toxic_partial/train.csv.gz"), encoding="utf-8"))
    texts = [r["comment_text"][:5000] for r in rows if r["comment_text"].strip()]
    for part in range(0, len(texts), 100):
        yield f"talk{part // 100}", f"Talk page {part // 100}", [{"text": t} for t in texts[part:part + 100]]


start, stored, statuses = time.monotonic(), 0, {}  # a duration: a monotonic clock, which no clock step moves
for n, (article, title, comments) in enumerate(threads()):
    thread_id = f"{article}-{n}"
    for j, c in enumerate(comments):
        c.update(id=f"c{j + 1}", number=j + 1)
        if j >= 2 and j % 3 == 0:  # a third are replies, to an earlier comment on the page
            c.update(parentId=f"c{j // 2}", parentNumber=j // 2)
    if n % 5 == 4:  # one comment at a time, as a site submits as readers post
        for c in comments:
            body = dict(c, id=f"{thread_id}-{c['id']}", articleId=article, articleTitle=title)
            if "parentId" in c: body["parentId"] = f"{thread_id}-{c['parentId']}"
            r = post("/v1/comments", body)
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    else:
        r = post("/v1/threads", {"id": thread_id, "article": {"id": article, "title": title}, "comments": comments})
        for s, k in r["statuses"].items():
            statuses[s] = statuses.get(s, 0) + k
    stored += len(comments)
print(f"submitted {stored} comments through the API in {time.monotonic() - start:.0f} s: {statuses}", file=sys.stderr)
