"""Randomly broken requests against a running Parley service (see scripts/fuzz). Standard library only."""
import gzip
import json
import random
import sys
import urllib.error
import urllib.request
import zlib

base, n, seed, web, admin = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
R = random.Random(seed)
E = random.Random(seed + 1_000_003)  # encodings: their own draws, so a seed sends the requests it always sent, some now encoded

# A valid body per endpoint, and the key that may call it; each request breaks one at random.
VALID = {
    "/v1/score": (web, {"comment": {"text": "you are an idiot"}, "id": "x", "attributes": ["TOXICITY", "INSULT"], "doNotStore": False,
                        "targets": ["Obama"], "context": {"articleTitle": "t", "parentText": "p", "commentNumber": 3, "rating": {"up": 1, "down": 2}}}),
    "/v1/score/batch": (web, {"comments": [{"comment": {"text": "you idiot"}, "targets": ["x"]}, {"comment": {"text": "fine"}, "spans": False}]}),
    "/v1/score/thread": (web, {"id": "t1", "article": {"title": "Syria", "text": "Obama and Assad"}, "targets": ["military action"],
                               "comments": [{"id": "1", "text": "we can't bomb people", "number": 1},
                                            {"id": "2", "text": "I agree", "number": 2, "parentId": "1"}]}),
    "/v1alpha1/comments:analyze": (web, {"comment": {"text": "idiot"}, "requestedAttributes": {"TOXICITY": {"scoreThreshold": 0.1}},
                                         "languages": ["en"], "doNotStore": True, "spanAnnotations": True, "clientToken": "c"}),
    "/v1alpha1/comments:suggestscore": (web, {"comment": {"text": "idiot"}, "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.9}}},
                                              "languages": ["en"], "clientToken": "c"}),
    "/v1/comments": (web, {"id": "c1", "articleId": "a1", "articleTitle": "T", "text": "you idiot", "number": 1, "parentId": "c0",
                           "parentNumber": 0, "author": "bob", "quote": "q", "rating": {"up": 1, "down": 2}, "targets": ["Obama"]}),
    "/v1/threads": (web, {"id": "t2", "article": {"title": "Syria"}, "comments": [{"id": "1", "text": "we can't bomb people", "number": 1}]}),
    "/v1/comments/c1/decision": (admin, {"decision": "REJECT", "reason": "insult", "expectedVersion": 1, "note": "n"}),
    "/v1/comments/c1/report": (web, {"reason": "spam"}),
    "/v1/decisions": (admin, {"decision": "APPROVE", "reason": "other", "note": "n", "comments": [{"id": "c1", "expectedVersion": 1}]}),
    "/v1/session": (None, {"username": "admin", "password": "x"}),
}
ODD_GETS = ["/v1/queue?limit=-1", "/v1/queue?limit=100000", "/v1/queue?status=NOPE", "/v1/queue?offset=-5", "/v1/queue?limit=abc",
            "/v1/queue?articleId=%00", "/v1/articles?limit=0", "/v1/articles?limit=1.5", "/v1/comments/%00", "/v1/comments/" + "x" * 5000,
            "/v1/comments/zz/status", "/v1/queue/counts?articleId=" + "x" * 3000,
            "/v1/queue?after=nope", "/v1/queue?after=" + "x" * 3000, "/v1/queue?after=%00"]


def odd_value():
    return R.choice([None, True, False, 0, -1, 2 ** 63, 1e308, -0.0, 3.5, "", " ", "x" * R.choice([1, 201, 20481, 100000]), "a " * 10240, "Die Regierung hat versagt. " * 3,
                     "\u0000", "a\u0000b", "\ufffd\ufffd", "\u200b", "\u0301", "\u0001\u0002", "é" * 10, "😀", [], [None], {}, {"a": 1},
                     [[[[[]]]]], ["x"] * R.choice([2, 11, 101, 1000]), "NaN", "TOXICITY", "APPROVE"])


def mutate(o):
    if isinstance(o, dict):
        o = dict(o)
        if o and R.random() < 0.3:
            k = R.choice(list(o))
            r = R.random()
            if r < 0.3:
                del o[k]
            elif r < 0.8:
                o[k] = odd_value()
            else:
                o[k] = mutate(o[k])
        elif R.random() < 0.1:
            o[R.choice(["zzz", "text", "id", "comments"])] = odd_value()
        else:
            for k in list(o):
                if R.random() < 0.3:
                    o[k] = mutate(o[k])
        return o
    if isinstance(o, list):
        o = list(o)
        if o and R.random() < 0.5:
            i = R.randrange(len(o))
            o[i] = mutate(o[i]) if R.random() < 0.5 else odd_value()
        elif R.random() < 0.3:
            o = o * R.choice([0, 50, 150, 600])
        return o
    return odd_value() if R.random() < 0.5 else o


def broken_bytes(body):
    s = json.dumps(body).encode()
    return R.choice([s[:R.randrange(len(s))], s + b"}", b"\xff\xfe" + s, s.replace(b"idiot", b"id\xc3\x28iot"),
                     b"[" * 5000 + b"]" * 5000, b"null", b"[]", b'"str"', b"42", b"", s.replace(b'"', b"'")])


def encoded(data):
    """Content-Encoding and body: valid gzip, bodies marked gzip that are not (plain, a header then garbage, broken in the
    middle), and codings the service does not decode (a website audit: each was a 500 or a misleading 400)."""
    gz = gzip.compress(data, mtime=0)
    broken = gz[:len(gz) // 2] + b"\xff" * 8 + gz[len(gz) // 2 + 8:]
    return E.choice([("gzip", gz), ("gzip", data), ("GZIP", data), ("gzip, identity", data), ("identity, gzip", gz),
                     ("gzip", gz[:10] + bytes(E.randrange(256) for _ in range(40))), ("gzip", broken), ("gzip", gz[:len(gz) // 2]),
                     ("gzip, gzip", gzip.compress(gz, mtime=0)), ("deflate", zlib.compress(data)), ("x-gzip", gz), ("br", data), ("compress", data)])


def send(req):
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # no answer: a hang, a reset
        return -1, repr(e).encode()


counts, bad = {}, []
for _ in range(n):
    path, (key, body) = R.choice(list(VALID.items()))
    data = broken_bytes(body) if R.random() < 0.15 else json.dumps(mutate(body)).encode()
    query = R.choice(["", "", "?target=" + "x" * R.choice([1, 300]), "?target=a%00", "?target=&target=a"])
    req = urllib.request.Request(base + path + query, data=data, method="POST",
                                 headers={"Content-Type": R.choice(["application/json"] * 9 + ["text/plain"])})
    if key:
        req.add_header("Authorization", "Bearer " + key)
    if E.random() < 0.05:  # a charset: only UTF-8 is read
        req.add_header("Content-Type", "application/json; charset=" + E.choice(["utf-8", "UTF8", "ISO-8859-1", "latin1", "UTF-16LE", '"utf-16"', ""]))
    if E.random() < 0.1:
        coding, req.data = encoded(data)
        req.add_header("Content-Encoding", coding)
        data = coding.encode() + b": " + req.data
    code, out = send(req)
    counts[code] = counts.get(code, 0) + 1
    try:
        is_json = bool(out) and isinstance(json.loads(out), (dict, list))
    except ValueError:
        is_json = False
    if code >= 500 or code < 0 or (code >= 400 and not is_json):
        bad.append((path + query[:40], code, data[:200], out[:200]))
for path in ODD_GETS:
    code, out = send(urllib.request.Request(base + path, headers={"Authorization": "Bearer " + admin}))
    counts[code] = counts.get(code, 0) + 1
    if code >= 500 or code < 0 or (code >= 400 and not out.startswith(b"{")):
        bad.append((path[:60], code, b"", out[:200]))

# A run that had nothing accepted fuzzed nothing (another service on the port, say, refusing this run's keys).
if not any(200 <= c < 300 for c in counts):
    bad.append(("(nothing was accepted: the wrong service, or its keys?)", 0, b"", repr(counts).encode()))
print(f"{n + len(ODD_GETS)} requests, seed {seed}; answers by status: {dict(sorted(counts.items()))}")
seen = set()
for path, code, data, out in bad:
    if (path, code, out[:60]) not in seen:
        seen.add((path, code, out[:60]))
        print(f"FAIL {code} {path}\n  sent: {data!r}\n  got:  {out!r}")
print(f"{len(bad)} failures")
sys.exit(1 if bad else 0)
