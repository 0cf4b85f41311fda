// The moderator page's DOM helpers, its messages, and a reader's text as it shows it. Every string from the API
// (comment text, author, article title, history, stance targets) goes in through textContent or text nodes, never as
// HTML: comments are written by anyone.
import { readsText } from './state.js';

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

// A time in the moderator's own zone and language, the zone named ("Dec 5, 2026, 8:35 PM GMT+5:30"): unnamed, a
// moderator comparing it with the request or erasure log (UTC) had to know their offset and convert by hand. Intl
// refuses timeZoneName beside dateStyle/timeStyle, so the fields are named one by one (what medium/short show).
const SHOWN = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };

/**
 * A <time> for an API time (ISO-8601): its text in the browser's zone, named; its tooltip and datetime the instant in
 * UTC, exactly as the service sent it, to match with the logs' lines without converting. Text only, as everything here.
 */
export function when(iso) {
  const t = el('time');
  const d = iso ? new Date(iso) : null;
  if (!d || isNaN(d)) {
    t.textContent = iso || '';
    return t;
  }
  // The service's times end in Z (UTC); one that did not would be given as toISOString's UTC, to the millisecond.
  const utc = /Z$/.test(iso) ? iso : d.toISOString();
  t.dateTime = utc;
  t.title = utc;
  t.textContent = d.toLocaleString(undefined, SHOWN);  // formatted afresh each time: a laptop may change zone
  return t;
}

// ---------- the toolbar's options ----------

// On a phone the site and article menus, the count, the reason and the note are behind the toolbar's More (app.css),
// shown until it is pressed again; elsewhere always shown, and the button with them.
export function showOptions(open) {
  $('toolbar-more').setAttribute('aria-expanded', String(open));
}

// ---------- messages ----------

let messageTimer = null;
let undoing = null;  // what the Undo button beside the message does, while the message that offers it is shown
let undoTimed = false;  // the offer goes with its message after UNDO_SHOWN_MS (an outcome's; a failed undo's stays)

// How long an outcome stays: one that offers an undo longer, for a mistake seen on the next comment.
const SHOWN_MS = 4000, UNDO_SHOWN_MS = 15000;

// A screen reader reads out a live region's new text only if the region was in the page before it:
// one region, hidden until its first message and changing role as it was shown, told nothing reliably.
// undo: what the Undo button (and u) does while this message is shown; every other message takes the offer away.
export function message(text, kind, undo) {
  const urgent = kind === 'error' || kind === 'conflict';
  // The news of a narrowing or a poll ("…: 4 in Pending.") no longer holds after a decision: a screen reader that went
  // back to it read it as it was (a moderator's audit, sixty-seventh session).
  $('news').textContent = '';
  const m = $(urgent ? 'alert' : 'message');
  $(urgent ? 'message' : 'alert').textContent = '';
  m.textContent = text;
  m.className = 'message ' + (kind || 'info');
  offerUndo(undo, m);
  undoTimed = !urgent && !!undo;
  clearTimeout(messageTimer);
  if (!urgent) messageTimer = setTimeout(expire, undo ? UNDO_SHOWN_MS : SHOWN_MS);
}

// The outcome's message goes, and the undo it offers, but not from under the focus or the pointer (a second
// accessibility audit, WCAG 2.2.1): 15 s was all a keyboard user had to reach the button (a screen reader user, after
// hearing the next comment read), and the offer then went with the focus on it, which fell to the page's body.
function expire() {
  if (undoing && undoHeld()) return;  // kept: undoLeft starts the count again
  $('message').textContent = '';
  offerUndo(null);
}

function undoHeld() {
  const b = $('undo');
  return document.activeElement === b || b.matches(':hover');
}

/** The focus or the pointer left the Undo button: the offer it holds has its time again, from now. */
export function undoLeft() {
  if (!undoing || !undoTimed || undoHeld()) return;
  clearTimeout(messageTimer);
  messageTimer = setTimeout(expire, UNDO_SHOWN_MS);
}

// Described by the message it goes with ("Approved #7. Undo (u) puts it back in Pending."): reached with Shift+Tab
// after that message was read, "Undo" alone said nothing of what it undoes.
function offerUndo(undo, region) {
  undoing = undo || null;
  $('undo').hidden = !undoing;
  if (undoing) $('undo').setAttribute('aria-describedby', region.id); else $('undo').removeAttribute('aria-describedby');
}

/**
 * Does the undo the message on show offers: the Undo button and the key u. With none on offer, u says why (after a bulk
 * decision it did nothing, unsaid: a moderator's sixth audit).
 */
export function undoOffered() {
  if (undoing) undoing();
  else message('Nothing to undo now: a decision is undone while its message shows; later, with Put back in Pending in'
    + ' its panel.');
}

/** Both regions emptied, and a message's clearing still to come dropped: for the log-in form. */
export function clearMessages() {
  clearTimeout(messageTimer);
  $('alert').textContent = '';
  $('message').textContent = '';
  offerUndo(null);
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

// A comment longer than this is shown on its card in excerpts (a moderator's third audit): whole, a comment of 10,000
// characters filled the list many screens deep, and the one word that held it, at its end, was out of sight with its
// scores and its rules below it. The panel shows it whole (detail.js).
const LONG = 1500;
const HEAD = 300;     // its first characters, always shown
const CONTEXT = 200;  // characters kept on each side of a marked word
const EXCERPTS = 5;   // marked words given excerpts of their own, the strongest first (others are marked where shown)
const FOUND_EXCERPTS = 3;  // and found words, the first ones (others are outlined where shown)
// A line break takes a line of the card, as about this many characters do, so lines count too: a comment of a thousand
// line breaks and a hundred characters was a card 22,000 px tall, its one marked word at the end out of sight (a
// moderator's fifth audit, sixty-fourth session). An excerpt keeps so many lines at most.
const LINE = 60;
const HEAD_LINES = 6;
const CONTEXT_LINES = 3;

/** "1,118 characters", and "on 1,001 lines" where it has more than one. */
export function size(text) {
  const lines = text.split('\n').length;
  return text.length.toLocaleString('en') + ' characters' + (lines > 1 ? ' on ' + lines.toLocaleString('en') + ' lines' : '');
}

/** Whether a reader's text is shown in excerpts on its card, or folded in the panel: long, or of many lines. */
export function isLong(text) {
  let extent = text.length;
  for (let i = text.indexOf('\n'); i >= 0 && extent <= LONG; i = text.indexOf('\n', i + 1)) extent += LINE;
  return extent > LONG;
}

/** Where an excerpt from i on ends: chars on, or before its lines-plus-first line break, whichever is first. */
function forth(text, i, chars, lines) {
  let p = i - 1;
  for (let k = 0; k <= lines; k++) {
    p = text.indexOf('\n', p + 1);
    if (p < 0) return i + chars;
  }
  return Math.min(i + chars, p);
}

/** Where an excerpt up to i begins: chars back, or after the lines-plus-first line break before it, whichever is last. */
function back(text, i, chars, lines) {
  let p = i;
  for (let k = 0; k <= lines; k++) {
    if (p <= 0) return i - chars;
    p = text.lastIndexOf('\n', p - 1);
    if (p < 0) return i - chars;
  }
  return Math.max(i - chars, p + 1);
}

// The comment text with the explaining spans as <mark>, and the words the list is searched for (found words) outlined:
// text nodes, marks and spans only. Excerpted: its head and the passages around its strongest marks and its first found
// words, each cut left out shown as " … ".
export function highlighted(text, spans, excerpted, search) {
  const p = el('p', 'comment-text');
  p.dir = 'auto';  // an Arabic or Hebrew comment reads right to left
  const ranges = (spans || [])
    .map((s) => ({ begin: Math.max(0, s.begin), end: Math.min(text.length, s.end), weight: s.weight }))
    .filter((s) => s.end > s.begin)
    .sort((a, b) => a.begin - b.begin);
  const found = foundIn(text, search);
  const shown = excerpted ? excerpts(text, ranges, found) : [[0, text.length]];
  let at = 0;
  for (const [from, to] of shown) {
    if (from > at) p.append(el('span', 'cut', ' … '));
    at = appendMarked(p, text, ranges, found, from, to);
  }
  if (at < text.length) p.append(el('span', 'cut', ' …'));
  return p;
}

// Where the text holds a search, as the service finds it (QueueReads.Narrowing): letter case aside (Unicode's simple
// folding, where the service lower-cases as the database does: a Greek sigma either form either way), and only for a
// search the service reads in the texts. Not found here where the two differ (a Turkish İ): left unmarked, still listed.
function foundIn(text, search) {
  if (!search || !readsText(search)) return [];
  const words = new RegExp(search.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'giu');
  return [...text.matchAll(words)].map((m) => ({ begin: m.index, end: m.index + m[0].length }));
}

/** Appends text[from, to) with the marks in it; returns where it stopped. */
function appendMarked(p, text, ranges, found, from, to) {
  let at = from;
  for (const s of ranges) {
    const begin = Math.max(s.begin, at);
    if (s.end <= begin || begin >= to) continue; // inside one already marked, or outside this passage
    if (begin > at) appendFound(p, text, found, at, begin);
    const m = el('mark', markLevel(s.weight));
    appendFound(m, text, found, begin, Math.min(s.end, to));
    m.title = 'weight ' + Number(s.weight).toFixed(2);
    p.append(m);
    at = Math.min(s.end, to);
  }
  if (at < to) appendFound(p, text, found, at, to);
  return to;
}

/** Appends text[from, to) with the found words in it outlined (a found word across a mark's edge in two parts). */
function appendFound(parent, text, found, from, to) {
  let at = from;
  for (const f of found) {
    const begin = Math.max(f.begin, at), end = Math.min(f.end, to);
    if (end <= begin) continue;
    if (begin > at) appendText(parent, text.slice(at, begin));
    // Said once, before its first part: a phrase across a mark's edge was "found" three times for a screen reader.
    const span = el('span', begin === f.begin ? 'found first' : 'found');
    appendText(span, text.slice(begin, end));
    parent.append(span);
    at = end;
  }
  if (at < to) appendText(parent, text.slice(at, to));
}

/** The passages of a long text to show, in order and apart: its head, and around its strongest marks and first found words. */
function excerpts(text, ranges, found) {
  const strongest = ranges.slice().sort((a, b) => b.weight - a.weight).slice(0, EXCERPTS);
  const wanted = [[0, forth(text, 0, HEAD, HEAD_LINES)]]
    .concat(strongest.concat(found.slice(0, FOUND_EXCERPTS)).map((s) => [back(text, s.begin, CONTEXT, CONTEXT_LINES), forth(text, s.end, CONTEXT, CONTEXT_LINES)]))
    .map(([from, to]) => [Math.max(0, from), Math.min(text.length, to)])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const w of wanted) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 20) last[1] = Math.max(last[1], w[1]); else merged.push(w);
  }
  // At a space near each cut where there is one, and never inside a surrogate pair (half an emoji shows as U+FFFD).
  return merged.map(([from, to]) => [edge(text, from, 1), edge(text, to, -1)]).filter(([from, to]) => to > from);
}

function edge(text, i, direction) {
  if (i <= 0 || i >= text.length) return i;
  const space = direction > 0 ? text.indexOf(' ', i) : text.lastIndexOf(' ', i);
  if (space >= 0 && Math.abs(space - i) <= 30) return direction > 0 ? space + 1 : space;
  const low = text.charCodeAt(i) >= 0xDC00 && text.charCodeAt(i) <= 0xDFFF;
  return low ? i + direction : i;
}
