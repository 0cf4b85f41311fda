# Google's HTTP batch with Google's Python client (googleapiclient; Debian's python3-googleapi), built from Parley's
# discovery document as Perspective's Python samples build theirs: new_batch_http_request() with three analyze calls
# and one of an unknown attribute. Prints each callback; exits 1 unless the three are scored and the fourth is a 400.
# Usage: python3 perspective-batch-client.py DISCOVERY_URL KEY
import sys
from googleapiclient import discovery, errors

url, key = sys.argv[1], sys.argv[2]
client = discovery.build("commentanalyzer", "v1alpha1", developerKey=key, discoveryServiceUrl=url, cache_discovery=False)
texts = ["You are a complete idiot.", "Thanks for the article.", "What a lovely day."]
answers = {}


def callback(request_id, response, exception):
    answers[request_id] = (response, exception)
    print("batch part %s:" % request_id, exception if exception else response)


batch = client.new_batch_http_request(callback=callback)
for i, text in enumerate(texts):
    batch.add(client.comments().analyze(body={"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}},
                                              "clientToken": "tok-%d" % i}), request_id=str(i))
batch.add(client.comments().analyze(body={"comment": {"text": "hi"}, "requestedAttributes": {"FLIRTATION": {}}}),
          request_id="unknown")
batch.execute()

failed = []
for i in range(len(texts)):
    response, exception = answers.get(str(i), (None, "no answer"))
    score = (response or {}).get("attributeScores", {}).get("TOXICITY", {}).get("summaryScore", {})
    if exception or score.get("type") != "PROBABILITY" or not 0 <= score.get("value", -1) <= 1 \
            or response.get("clientToken") != "tok-%d" % i:
        failed.append("part %d" % i)
response, exception = answers.get("unknown", (None, None))
if not isinstance(exception, errors.HttpError) or exception.resp.status != 400:
    failed.append("the unknown attribute's part was not a 400")
if failed:
    print("FAILED: " + ", ".join(failed), file=sys.stderr)
    sys.exit(1)
print("ok: Google's Python client's batch works against " + url)
