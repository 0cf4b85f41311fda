// The moderator page's keyboard: the help dialog, the setting that turns single-character keys off, and the keys.
import { QUEUES, current, ref, refOfCard, state } from './state.js';
import { $, showOptions, undoOffered } from './dom.js';
import { load, switchQueue } from './queue.js';
import { select } from './list.js';
import { clearSelection, decide, decideSelected, renderDecisionButtons, toggleSelected } from './decisions.js';

// ---------- keyboard ----------

// A modal <dialog>: it was a box over the page that took no focus, and Tab went on through the page behind it.
export function toggleHelp(show) {
  const h = $('help');
  const open = show === undefined ? !h.open : show;
  if (open && !h.open) h.showModal(); else if (!open && h.open) h.close();
}

// The single-character keys (letters, digits, ?) can be turned off in the help, for this browser:
// a speech-input user's stray word would otherwise decide the comment that has the focus (WCAG 2.1.4).
// The buttons, the arrows in the list and Esc go on working.
export const SINGLE_KEYS = 'parley.singleKeys';

export function readSingleKeys() {
  try { return localStorage.getItem(SINGLE_KEYS) !== 'off'; } catch (e) { return true; }  // storage refused: on
}

export function setSingleKeys(on) {
  state.singleKeys = on;
  try {
    if (on) localStorage.removeItem(SINGLE_KEYS); else localStorage.setItem(SINGLE_KEYS, 'off');
  } catch (e) { /* storage refused: for this page only */ }
  renderKeyHints();
}

/** The setting in the help, and the keys named in titles only while they work. */
export function renderKeyHints() {
  const on = state.singleKeys;
  $('single-keys').checked = on;
  $('help-where').textContent = on ? 'They act while the focus is on the comment list or the panel beside it.'
    : 'Single-key shortcuts are off in this browser: use the buttons; in the list, ↓ ↑ move and Space selects.';
  renderDecisionButtons();
  $('undo').title = on ? 'u' : '';
  $('bulk-approve').title = 'Approve all selected' + (on ? ' (Shift+A)' : '');
  $('bulk-reject').title = 'Reject all selected' + (on ? ' (Shift+R)' : '');
  [...$('tabs').children].forEach((b, i) => { b.title = on ? 'Key ' + (i + 1) : ''; });
  $('search').title = on ? 'Search (/)' : 'Search';
  if (on) $('search').setAttribute('aria-keyshortcuts', '/'); else $('search').removeAttribute('aria-keyshortcuts');
  for (const box of $('comments').querySelectorAll('input.pick')) box.title = 'Select for bulk' + (on ? ' (x)' : '');
}

/** Keys that act once per press, however long it is held. */
const ONCE = new Set(['a', 'r', 'e', 'u', 'x', 'A', 'R']);

// Where the keys act: the comment list and the panel about the comment on show, and nowhere else
// (WCAG 2.1.4, "active only on focus"). They acted wherever the focus was outside a text field, so a
// stray "a" on a tab, a button or the page's body approved the comment on show.
function inQueue(t) {
  return !!t && t !== document.body && !!t.closest('.list-pane, #detail');
}

export function onKey(e) {
  if (!state.user || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (!inQueue(t)) return;  // the help dialog too: Esc closes it by itself
  const typing = t.tagName === 'INPUT' && t.type !== 'checkbox' || t.tagName === 'TEXTAREA';
  if (typing) return;
  if (e.key === 'Escape') {
    if (state.selected.size) clearSelection();
    return;
  }
  // Inside the list (one Tab stop): the arrows, Home and End move, Space selects the comment with the
  // focus for bulk. In the panel the arrows scroll it. None is a single character: they go on working
  // with those turned off.
  const inList = !t.closest('#detail');
  const moves = { ArrowDown: state.index + 1, ArrowUp: state.index - 1, Home: 0, End: state.comments.length - 1 };
  if (inList && Object.hasOwn(moves, e.key)) {
    e.preventDefault();
    select(moves[e.key], true);
    return;
  }
  if (e.key === ' ' && t.matches('li.comment')) {
    e.preventDefault();  // the list would scroll
    if (!e.repeat) toggleSelected(refOfCard(t), true);
    return;
  }
  if (!state.singleKeys) return;
  if (e.key === '?') { toggleHelp(); e.preventDefault(); return; }
  // A held key repeats: fine for moving through the list, never for a decision, which would decide
  // the comments behind the one the moderator read (half a second of a held 'a' approved four).
  // Caps Lock sends 'A' without Shift: a letter is read by Shift alone, so bulk decisions are Shift's, whatever the case.
  const key = e.key.length === 1 ? (e.shiftKey ? e.key.toUpperCase() : e.key.toLowerCase()) : e.key;
  if (e.repeat && ONCE.has(key)) { e.preventDefault(); return; }
  const keys = {
    j: () => select(state.index + 1, true),
    k: () => select(state.index - 1, true),
    a: () => decide('APPROVE'),
    r: () => decide('REJECT'),
    e: () => decide('ESCALATE'),
    u: undoOffered,
    x: () => { if (current()) toggleSelected(ref(current()), true); },
    A: () => decideSelected('APPROVE'),
    R: () => decideSelected('REJECT'),
    g: () => load(current() && ref(current())),
    n: () => { showOptions(true); $('note').focus(); },  // on a phone the note is behind More
    '/': () => { $('search').focus(); $('search').select(); },  // its words chosen, to be typed over
  };
  const digit = Number(e.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= QUEUES.length) {
    e.preventDefault();
    switchQueue(QUEUES[digit - 1]);
    return;
  }
  const f = keys[key];
  if (f) {
    e.preventDefault();
    f();
  }
}
