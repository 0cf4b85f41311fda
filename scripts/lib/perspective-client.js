// Google's client library (googleapis), built from Parley's discovery document as Perspective's
// samples build theirs; exits 1 unless each call answers as Perspective would.
// Usage: node perspective-client.js DISCOVERY_URL KEY
const {google} = require('googleapis');
const fail = (what) => { console.error('FAILED: ' + what); process.exit(1); };
(async () => {
  const [url, key] = process.argv.slice(2);
  const client = await google.discoverAPI(url);
  const a = await client.comments.analyze({key, resource: {
    comment: {text: 'You are a complete idiot.'}, requestedAttributes: {TOXICITY: {}, INSULT: {}}, clientToken: 'tok-1'}});
  console.log('analyze:', JSON.stringify(a.data));
  const p = a.data.attributeScores && a.data.attributeScores.TOXICITY && a.data.attributeScores.TOXICITY.summaryScore;
  if (!p || p.type !== 'PROBABILITY' || !(p.value >= 0 && p.value <= 1) || a.data.clientToken !== 'tok-1') fail('analyze');
  const s = await client.comments.suggestscore({key, resource: {
    comment: {text: 'Thanks for the article.'}, attributeScores: {TOXICITY: {summaryScore: {value: 0.0}}}, clientToken: 'tok-2'}});
  console.log('suggestscore:', JSON.stringify(s.data));
  if (s.data.clientToken !== 'tok-2') fail('suggestscore');
  try {
    await client.comments.analyze({key, resource: {comment: {text: 'hi'}, requestedAttributes: {FLIRTATION: {}}}});
    fail('an unknown attribute was answered');
  } catch (e) {
    if (e.code !== 400) fail('unknown attribute: ' + e.message);
    console.log('unknown attribute:', e.code, e.message);
  }
  console.log('ok: Google\'s client library works against ' + url);
})().catch(e => fail(e.message));
