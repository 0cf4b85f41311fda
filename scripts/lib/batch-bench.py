#!/usr/bin/env python3
# Times 100 short :analyze calls sent as one POST /batch against the same 100 sent one at a time on one kept-alive
# connection, ROUNDS rounds after one warm-up round of each, new texts every round (known-gaps.md, forty-third session).
# Usage: python3 scripts/lib/batch-bench.py PORT KEY [ROUNDS, default 3]; the key's rate must allow 200 calls a round
# (e.g. PARLEY_API_KEYS=KEY:website:100000 PORT=... scripts/serve).
import http.client, json, random, sys, time
port, key = int(sys.argv[1]), sys.argv[2]
random.seed(43)
WORDS = "thanks for the article you are wrong about this policy and I think the council should listen to readers".split()
def fresh(): return [" ".join(random.choice(WORDS) for _ in range(12)) + " %d" % random.randrange(10**9) for _ in range(100)]
texts = fresh()
def body(t): return json.dumps({"comment": {"text": t}, "requestedAttributes": {"TOXICITY": {}}})
def batch(c):
    parts = "".join("--b\r\nContent-Type: application/http\r\nContent-ID: <%d>\r\n\r\nPOST /v1alpha1/comments:analyze?key=%s HTTP/1.1\r\n"
                    "Content-Type: application/json\r\n\r\n%s\r\n" % (i, key, body(t)) for i, t in enumerate(texts)) + "--b--\r\n"
    t0 = time.perf_counter()
    c.request("POST", "/batch", parts.encode(), {"Content-Type": "multipart/mixed; boundary=b"})
    r = c.getresponse(); data = r.read()
    dt = time.perf_counter() - t0
    assert r.status == 200 and data.count(b"HTTP/1.1 200 OK") == 100, (r.status, data[:500])
    return dt
def singles(c):
    t0 = time.perf_counter()
    for t in texts:
        c.request("POST", "/v1alpha1/comments:analyze?key=" + key, body(t).encode(), {"Content-Type": "application/json"})
        r = c.getresponse(); r.read(); assert r.status == 200, r.status
    return time.perf_counter() - t0
c = http.client.HTTPConnection("127.0.0.1", port)
batch(c); singles(c)  # warm-up, not counted
for rnd in range(int(sys.argv[3]) if len(sys.argv) > 3 else 3):
    texts[:] = fresh()  # new texts each round: nothing answered from a cache
    print("round %d: batch of 100 %.2f s, 100 alone %.2f s" % (rnd + 1, batch(c), singles(c)), flush=True)
