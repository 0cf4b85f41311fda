#!/usr/bin/env python3
"""Per-family table for docs/robustness-suite.jsonl: reads the suite and scripts/score's output for it.
Usage: robustness-report.py SUITE SCORES [--cases]. For evasion families: mean TOXICITY and INSULT/PROFANITY
of the evaded lines against their plain sentences (INS/PROF: the larger of INSULT and PROFANITY),
how many the default policy publishes, and "slipped": evasions published whose plain sentence is held.
For benign families: mean TOXICITY and THREAT, and how many lines the policy would not publish.
The policy is the whole default one (docs/scoring-api.md "Policy": bands, language rule, word lists and the
sentence rule) when SCORES comes from `scripts/score --policy`, whose lines carry its "action"; else the
score bands alone, computed here."""
import json
import sys
from collections import defaultdict

def bands(a):
    fired = set()
    t = a["TOXICITY"]
    if t < 0.2: fired.add("PUBLISH")
    elif 0.5 <= t < 0.9: fired.add("REVIEW")
    elif t >= 0.9: fired.add("REJECT")
    if a["SEVERE_TOXICITY"] >= 0.5: fired.add("REJECT")
    if a["IDENTITY_ATTACK"] >= 0.5: fired.add("REVIEW")
    if a["THREAT"] >= 0.2: fired.add("REVIEW")
    if fired <= {"PUBLISH"} and a["INSULT"] >= 0.8: fired.add("REVIEW")  # the second look: only what the rest publish
    if not fired: return "PUBLISH"
    return fired.pop() if len(fired) == 1 else "REVIEW"

suite = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
scores, actions = {}, {}
for l in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(l)
    scores[o["id"]] = o["attributes"]
    # keyed by the scores object itself: action() is asked of a line's scores and of its plain twin's
    actions[id(o["attributes"])] = o.get("action") or bands(o["attributes"])
action = lambda a: actions[id(a)]
print("policy:", "the default policy (scripts/score --policy)" if any("action" in json.loads(l) for l in open(sys.argv[2], encoding="utf-8"))
      else "the score bands alone")
cases = "--cases" in sys.argv
byid = {c["id"]: c for c in suite}
fam = defaultdict(list)
for c in suite:
    if c["kind"] != "plain" or c["family"] != "plain":
        fam[c["family"]].append(c)
mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
print(f"{'family':<15}{'n':>4} {'TOX plain':>9} {'TOX evaded':>10} {'INS/PROF plain':>15} {'INS/PROF ev.':>13}  published  (plain published)  slipped")
for f, cs in fam.items():
    ev = [c for c in cs if c["kind"] == "evaded"]
    if ev:
        pl = [scores[c["pair"]] for c in ev]
        es = [scores[c["id"]] for c in ev]
        pub = sum(action(s) == "PUBLISH" for s in es)
        ppub = sum(action(s) == "PUBLISH" for s in pl)
        slipped = sum(action(p) != "PUBLISH" and action(e) == "PUBLISH" for p, e in zip(pl, es))
        print(f"{f:<15}{len(ev):>4} {mean([s['TOXICITY'] for s in pl]):>9.3f} {mean([s['TOXICITY'] for s in es]):>10.3f} "
              f"{mean([max(s['INSULT'], s['PROFANITY']) for s in pl]):>15.3f} {mean([max(s['INSULT'], s['PROFANITY']) for s in es]):>13.3f}"
              f"  {pub:>3}/{len(ev):<3}    ({ppub:>2})             {slipped:>2}/{len(ev) - ppub}")
print()
print(f"{'benign family':<15}{'n':>4} {'TOX':>6} {'THREAT':>7} {'not published':>14}  {'toxic twin TOX':>14}")
for f, cs in fam.items():
    bn = [c for c in cs if c["kind"] == "benign"]
    if bn:
        s = [scores[c["id"]] for c in bn]
        held = sum(action(x) != "PUBLISH" for x in s)
        twins = [scores[c["pair"]]["TOXICITY"] for c in bn if c["pair"]]
        tw = f"{mean(twins):>14.3f}" if twins else f"{'':>14}"
        print(f"{f:<15}{len(bn):>4} {mean([x['TOXICITY'] for x in s]):>6.3f} {mean([x['THREAT'] for x in s]):>7.3f} {held:>7}/{len(bn):<6} {tw}")
if cases:
    print()
    for c in suite:
        s = scores[c["id"]]
        print(f"{c['id']:<42} {s['TOXICITY']:.3f} {s['INSULT']:.3f} {s['PROFANITY']:.3f} {s['THREAT']:.3f} {action(s):<8} {c['text'][:70]!r}")
