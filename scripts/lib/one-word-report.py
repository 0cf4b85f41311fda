#!/usr/bin/env python3
"""How the default policy treats docs/one-word-comments.jsonl: reads the probe and `scripts/score --policy`'s
output for it, and prints, per group of words (insults, ordinary words, identity words) and per way of writing
them (lower case, capitalised, with "." or "!"), how many are held (REVIEW or REJECT) and their mean TOXICITY.
Usage: one-word-report.py PROBE SCORES [--cases]; --cases adds each line's TOXICITY and action."""
import json
import sys
from collections import defaultdict

probe = {c["id"]: c for c in (json.loads(l) for l in open(sys.argv[1], encoding="utf-8"))}
scored = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
if any("action" not in o for o in scored):
    sys.exit("one-word-report: SCORES must come from scripts/score --policy (its lines carry the action)")
forms = ["lower", "capital", "stop", "bang"]
held, n, tox = defaultdict(int), defaultdict(int), defaultdict(float)
for o in scored:
    c = probe[o["id"]]
    k = (c["group"], c["form"])
    n[k] += 1
    held[k] += o["action"] != "PUBLISH"
    tox[k] += o["attributes"]["TOXICITY"]
groups = list(dict.fromkeys(c["group"] for c in probe.values()))
print(f"{'held (mean TOXICITY)':<22}" + "".join(f"{f:>16}" for f in forms) + f"{'all':>10}")
for g in groups:
    cells = "".join(f"{held[(g, f)]:>6}/{n[(g, f)]:<3}({tox[(g, f)] / n[(g, f)]:.2f})" if n[(g, f)] else f"{'':>16}" for f in forms)
    print(f"{g:<22}{cells}{sum(held[(g, f)] for f in forms):>6}/{sum(n[(g, f)] for f in forms)}")
if "--cases" in sys.argv:
    print()
    for o in scored:
        print(f"{o['id']:<24} {o['attributes']['TOXICITY']:.3f} {o['attributes']['IDENTITY_ATTACK']:.3f} {o['action']:<8} {probe[o['id']]['text']!r}")
