"""What POST /v1/threads answered, in a few lines (scripts/submit-page): the statuses, which comments and targets were
new and which already stored, and the thread's stance and actions. The answer is read from stdin; a refusal or
something that is no answer exits non-zero with the service's message."""
import json
import sys

answer = sys.stdin.read()
if not answer.strip():
    sys.exit("submit-page: no answer from the service")
try:
    r = json.loads(answer)
except ValueError:
    sys.exit("submit-page: the service answered: " + answer[:500])
if not isinstance(r, dict) or "threadId" not in r:
    sys.exit("submit-page: " + str(r.get("message", answer[:500]) if isinstance(r, dict) else answer[:500]))


def counts(names, values):
    """'AGAINST 12, FAVOR 3, NONE 5': the names in order, each with its count (0 when absent)."""
    return ", ".join(f"{n} {values.get(n, 0)}" for n in names)


comments = r.get("comments") or []
stored = sum(1 for c in comments if c.get("duplicate"))
statuses = r.get("statuses") or {}
print(f"thread {r['threadId']} article {r['articleId']}: {len(comments)} comments"
      + (f" ({len(comments) - stored} new, {stored} already stored)" if stored else "")
      + (": " + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items())) if statuses else ""))
targets = r.get("targets")
if targets:
    if targets.get("new"):
        print("targets read now:", "; ".join(targets["new"]))
    if targets.get("stored"):
        print("targets already stored:", "; ".join(targets["stored"]))
summary = r.get("summary") or {}
if summary.get("stance"):
    print("stance, comments per label:")
for row in summary.get("stance") or []:
    print(f"  {row['target']}: {counts(('FAVOR', 'AGAINST', 'NONE'), row.get('counts') or {})}")
if summary.get("actions"):
    print("actions:", counts(("PUBLISH", "REVIEW", "REJECT"), summary["actions"]))
if not comments:
    print("submit-page: note: the page has no comments: nothing to moderate", file=sys.stderr)
