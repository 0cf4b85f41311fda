// The moderator page's DOM helpers, its messages, and a reader's text as it shows it. Every string from the API
// (comment text, author, article title, history, stance targets) goes in through textContent or text nodes, never as
// HTML: comments are written by anyone.

// ---------- small DOM helpers (text only) ----------

export const $ = (id) => document.getElementById(id);

export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Untrusted text set beside other text: a right-to-left override (U+202E) in an author's name
// would otherwise run on and reverse what follows it ("#7 · moder · DEHSILBUP"). First-strong
// isolate … pop directional isolate keep it to itself. Separate elements get unicode-bidi: isolate (app.css).
export function isolated(s) {
  return '\u2068' + s + '\u2069';
}

export function pct(p) {
  return Math.round(p * 100) + '%';
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// ---------- messages ----------

let messageTimer = null;

// A screen reader reads out a live region's new text only if the region was in the page before it:
// one region, hidden until its first message and changing role as it was shown, told nothing reliably.
export function message(text, kind) {
  const urgent = kind === 'error' || kind === 'conflict';
  const m = $(urgent ? 'alert' : 'message');
  $(urgent ? 'message' : 'alert').textContent = '';
  m.textContent = text;
  m.className = 'message ' + (kind || 'info');
  clearTimeout(messageTimer);
  if (!urgent) messageTimer = setTimeout(() => { m.textContent = ''; }, 4000);
}

/** Both regions emptied, and a message's clearing still to come dropped: for the log-in form. */
export function clearMessages() {
  clearTimeout(messageTimer);
  $('alert').textContent = '';
  $('message').textContent = '';
}

// ---------- a reader's text ----------

/** A paragraph of a reader's text, in the direction its first strong letter says, and in its language when known. */
export function textBlock(className, text, language) {
  const p = el('p', className);
  appendText(p, text);
  p.dir = 'auto';
  if (language) p.lang = language;
  return p;
}

// Characters nobody sees hide obfuscation ("i\u200Bd\u200Bi\u200Bo\u200Bt" reads "idiot"): each is
// shown as a marked dot naming it. Not the joiners that scripts and emoji need (U+200C, U+200D).
const INVISIBLE = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/g;

/** Appends a reader's text as text nodes, with a visible mark for each invisible character. */
function appendText(parent, text) {
  let at = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    if (m.index > at) parent.append(document.createTextNode(text.slice(at, m.index)));
    const dot = el('span', 'invisible-char', '\u00B7');
    const code = 'U+' + m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
    dot.title = code + ': a character readers do not see';
    // A title is read by few screen readers, and the dot as "middle dot" or not at all: named as an image.
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', 'hidden character ' + code);
    parent.append(dot);
    at = m.index + m[0].length;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}

// A span's weight is log-odds (the stacker's, that annotators would mark the word), not a
// probability: 0 is even odds, and kept words go down to about -0.85.
export function markLevel(weight) {
  const p = 1 / (1 + Math.exp(-weight));
  return p >= 0.8 ? 'strong' : p >= 0.5 ? 'mid' : 'weak';
}

// The comment text with the explaining spans as <mark>: text nodes and marks only.
export function highlighted(text, spans) {
  const p = el('p', 'comment-text');
  p.dir = 'auto';  // an Arabic or Hebrew comment reads right to left
  const ranges = (spans || [])
    .map((s) => ({ begin: Math.max(0, s.begin), end: Math.min(text.length, s.end), weight: s.weight }))
    .filter((s) => s.end > s.begin)
    .sort((a, b) => a.begin - b.begin);
  let at = 0;
  for (const s of ranges) {
    const begin = Math.max(s.begin, at);
    if (s.end <= begin) continue; // inside one already marked
    if (begin > at) appendText(p, text.slice(at, begin));
    const m = el('mark', markLevel(s.weight));
    appendText(m, text.slice(begin, s.end));
    m.title = 'weight ' + Number(s.weight).toFixed(2);
    p.append(m);
    at = s.end;
  }
  if (at < text.length) appendText(p, text.slice(at));
  return p;
}
