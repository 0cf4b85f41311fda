import { articleOf, current, readsText, ref, shownCount, state } from './state.js';
import { $, clear, el, highlighted, isLong, isolated, pct, size } from './dom.js';
import { loadDetail, resetDetail } from './detail.js';
import { belongs, cardName, defaultReason, heldBy, label, queuedAboveScores, renderBulk, renderDecisionButtons, toggleSelected, topScore } from './decisions.js';

// The moderator page's comment list: a card for each comment, and the one on show (select).

// ---------- list ----------

export function renderList() {
  drawCards();
  select(state.index, false);
}

// What the empty list says: the queue's name aside, what it is narrowed to, where it is (else an empty search or
// author's list looked like an empty queue).
function nothing() {
  const by = state.author ? ' by ' + authorNamed(false) : '';
  return 'Nothing in this queue' + by + (state.search ? ' found for “' + state.search + '”' : '') + '.'
    + (state.search && !readsText(state.search) ? ' Read as a comment\'s id: a word needs three letters or digits in a row.' : '');
}

/**
 * The author the lists are narrowed to, with their site where the moderator has several: a name is each site's own.
 * {@code marked}: in the isolates a message's names have (a live region's text); else as text, for an element.
 */
export function authorNamed(marked) {
  const a = articleOf(state.author), name = (t) => marked ? isolated(t) : t;
  return name(a.id) + (a.site && state.namesSites ? ' of ' + name(a.site) : '');
}

function drawCards() {
  const list = $('comments');
  clear(list);
  state.comments.forEach((c, i) => list.append(card(c, i)));
  if (state.index >= state.comments.length) state.index = Math.max(0, state.comments.length - 1);
  $('empty').hidden = state.comments.length > 0;
  $('empty').textContent = nothing();
  $('more').hidden = !state.next;
  // The comments on show that are still in this queue, of its total: one changed elsewhere and kept in its new state
  // (a conflict) is counted in neither.
  const waiting = state.comments.filter((c) => belongs(c, state.queue)).length;
  $('summary').textContent = state.comments.length ? waiting + ' of ' + shownCount(state.total) : '';
  $('summary').parentElement.hidden = !state.comments.length;  // its hidden label too
  renderBulk();
}

/**
 * The list drawn again under the moderator's eyes (a poll, poll.js), the same comment on show: its card stays where it
 * was on the screen, with the focus if the list had it, and the panel is read again only where that comment changed
 * (reread) or left (erased: the next is on show). A focus elsewhere (the note, a menu, the panel, the help) stays there.
 */
export function redrawList(reread) {
  const was = $('comments').children[state.index];
  const shown = current() && ref(current());
  const top = was ? was.getBoundingClientRect().top : null;
  const active = document.activeElement;
  const focused = $('comments').contains(active) || active === $('empty');
  drawCards();
  const li = $('comments').children[state.index];
  if (!li) return select(0, false);  // the list emptied: as a decision leaves it
  markCurrent();
  if (top !== null) scroller(li).scrollBy(0, li.getBoundingClientRect().top - top);
  if (focused) li.focus({ preventScroll: true });
  if (reread || ref(current()) !== shown) showCurrent();
}

// What scrolls the list: its pane, side by side with the panel; the page itself, one column wide (app.css).
function scroller(li) {
  for (let e = li.parentElement; e; e = e.parentElement) {
    if (e.scrollHeight > e.clientHeight && /auto|scroll/.test(getComputedStyle(e).overflowY)) return e;
  }
  return document.scrollingElement || document.documentElement;
}

function card(c, i) {
  const li = el('li', 'comment');
  li.dataset.id = c.id;
  li.dataset.site = c.site || '';
  li.dataset.risk = c.risk;
  li.dataset.status = c.status;
  li.dataset.version = c.version;
  // One Tab stop for the whole list (a roving tabindex): the comment on show; the arrows move inside.
  li.tabIndex = i === state.index ? 0 : -1;
  if (state.selected.has(ref(c))) li.classList.add('checked');
  if (state.changed.has(ref(c))) li.classList.add('changed');

  const head = el('div', 'card-head');
  const box = el('input', 'pick');
  box.type = 'checkbox';
  box.checked = state.selected.has(ref(c));
  box.title = 'Select for bulk' + (state.singleKeys ? ' (x)' : '');
  box.setAttribute('aria-label', 'Select ' + label(c) + ' for bulk');  // a title alone is no label, and every box had the same
  box.tabIndex = -1;  // Space on the comment, or x, does it from the keyboard: a hundred boxes were a hundred Tab stops
  box.addEventListener('click', (e) => { e.stopPropagation(); toggleSelected(ref(c)); });
  head.append(box);
  const rating = c.rating || { name: 'SAFE', level: 0 };
  // The queue is ordered by risk, which is one sentence's score where the policy's sentence rule held the comment
  // (above all six of the whole comment's), or more where a phrase or its language held it (heldBy): its rating is the
  // whole comment's, and "SAFE 100%" read as a contradiction.
  const top = topScore(c);
  const held = heldBy(c);
  const sentence = !held && queuedAboveScores(c);
  const badge = held ? el('span', 'badge rating-' + held.tone, held.badge)
    : el('span', 'badge rating-' + rating.name.toLowerCase(), rating.name + (sentence ? ' · a sentence ' : ' ') + pct(c.risk));
  head.append(badge);
  if (c.number !== undefined && c.number !== null) head.append(el('span', 'number', '#' + c.number));
  head.append(el('span', 'author', c.author || 'anonymous'));
  if (c.articleTitle || c.articleId) head.append(el('span', 'article', c.articleTitle || c.articleId));
  head.append(el('span', 'spacer'));
  if (c.openReports > 0) head.append(el('span', 'badge reports', c.openReports + ' report' + (c.openReports > 1 ? 's' : '')));
  head.append(el('span', 'badge status status-' + c.status.toLowerCase(), c.status));
  li.append(head);
  // The badge's explanation in words on the card (a second accessibility audit): in its tooltip alone, the keyboard,
  // touch and most screen readers never reached it.
  if (sentence) li.append(el('div', 'muted sentence-held', 'Rated ' + rating.name + ' as a whole; one of its sentences scored '
    + pct(c.risk) + ', and the policy held the comment for that.'));
  if (held) li.append(el('div', 'muted sentence-held', 'Rated ' + rating.name + ' ' + pct(top) + ' by its scores; the policy held'
    + ' it for ' + held.why + ', and queues it as ' + pct(c.risk) + '.'));

  // A reply by number, or by the parent's id (a site's own comment ids, as a thread's replies name their parents).
  const parent = c.parentNumber !== undefined && c.parentNumber !== null ? '#' + c.parentNumber : c.parentId ? isolated(c.parentId) : null;
  if (parent) {
    // The arrow is for the eye: some screen readers read it by its Unicode name ("downwards arrow with tip rightwards").
    const arrow = el('span', null, '↳');
    arrow.setAttribute('aria-hidden', 'true');
    const line = el('div', 'reply-to');
    line.append(arrow, ' reply to ' + parent + (c.parentAuthor ? ' ' + isolated(c.parentAuthor) : ''));
    li.append(line);
  }
  const long = isLong(c.text);
  const text = highlighted(c.text, c.spans, long, state.found);
  if (c.language) text.lang = c.language;  // a screen reader reads it in its own language, not as English
  li.append(text);
  // Its name (decisions.js cardName) from a hidden line, which a name may be read from; the comment is its description.
  const name = el('span', 'card-name', cardName(c, state.selected.has(ref(c))));
  name.id = 'card-name-' + i;
  name.hidden = true;
  text.id = 'card-text-' + i;
  li.append(name);
  li.setAttribute('aria-labelledby', name.id);
  li.setAttribute('aria-describedby', text.id);
  if (long) li.append(el('div', 'muted excerpted', size(c.text) + ', shown in excerpts around the marked'
    + (text.querySelector('.found') ? ' and found' : '') + ' words: the whole comment is at the end of the panel.'));
  li.append(scores(c));
  const stance = stanceLine(c);
  if (stance) li.append(stance);

  // On a phone the panel is below the whole list: its thread, reports and history are a tap away (detail.js has the way
  // back). Shown on the comment on show, in the one-column layout alone (app.css).
  const toPanel = el('button', 'ghost to-panel', 'Thread, reports and history ↓');
  toPanel.type = 'button';
  toPanel.tabIndex = -1;  // the keys and Tab reach the panel already; one more Tab stop a card was too many
  toPanel.addEventListener('click', (e) => {
    e.stopPropagation();
    if (state.index !== i) select(i, false);
    $('detail').scrollIntoView({ block: 'start' });
    $('detail').focus({ preventScroll: true });
  });
  li.append(toPanel);

  li.addEventListener('click', () => select(i, true));
  return li;
}

function scores(c) {
  const wrap = el('div', 'scores');
  const attrs = Object.entries(c.attributes || {}).sort((a, b) => b[1].probability - a[1].probability);
  for (const [name, s] of attrs) {
    const row = el('div', 'score level-' + s.level);
    row.dataset.attribute = name;
    row.title = name + ': probability ' + s.probability.toFixed(3) + ', severity ' + s.severity + ' of 7';
    row.append(el('span', 'attr', name.toLowerCase().replace(/_/g, ' ')));
    const bar = el('span', 'bar');
    const fill = el('span', 'fill');
    fill.style.width = Math.round(s.probability * 100) + '%'; // CSSOM, allowed by the CSP
    bar.append(fill);
    row.append(bar, el('span', 'prob', pct(s.probability)), el('span', 'sev', 'sev ' + s.severity));
    wrap.append(row);
  }
  const action = el('div', 'action');
  action.append(el('span', 'label', 'policy'), el('span', 'value', c.action || '–'));
  // The model reads every comment as English: the scores of one in another language say little.
  if (c.language) action.append(el('span', 'label', 'language'),
    el('span', 'value language', c.language + ' (scored as English)'));
  // Why the policy held it: the rules that fired for something other than publishing (a word list's
  // phrase, say, for a comment whose scores are all low).
  const holding = (c.rules || []).filter((r) => !r.endsWith('-> PUBLISH'));
  if (holding.length) action.append(el('span', 'label', 'because'), el('span', 'value rules', holding.join('; ')));
  if (c.decidedBy) action.append(el('span', 'label', 'set by'), el('span', 'value', c.decidedBy.toLowerCase()));
  action.append(el('span', 'label', 'version'), el('span', 'value', c.version));
  wrap.append(action);
  return wrap;
}

function stanceLine(c) {
  const parts = [];
  // A target read after a stance reload names its own bundle (intake.StoredStance); the panel names the comment's.
  for (const s of c.stance || []) parts.push([s.target, s.label, s.probabilities && s.probabilities[s.label],
    s.stanceModel && !sameModel(s.stanceModel, c.stanceModel) ? s.stanceModel : null]);
  if (c.replyStance) parts.push(['reply to ' + readAgainst(c), c.replyStance.label,
    c.replyStance.probabilities && c.replyStance.probabilities[c.replyStance.label]]);
  if (!parts.length) return null;
  const div = el('div', 'stance');
  div.append(el('span', 'label', 'stance'));
  for (const [target, label, p, model] of parts) {
    const chip = el('span', 'chip stance-' + String(label).toLowerCase());
    chip.append(el('span', 'target', target), el('strong', null, ' ' + label), el('span', 'prob', p === undefined ? '' : ' ' + pct(p)));
    if (model) {
      const named = model.name + ' ' + model.version;
      chip.append(el('span', 'stance-model', ' · ' + named));
      chip.title = 'read by stance model ' + named + (c.stanceModel ? ', not the comment\'s ' + c.stanceModel.name + ' '
        + c.stanceModel.version : '');
    }
    div.append(chip);
  }
  return div;
}

// What a reply's stance was read against, as the service says (replyTo: "quote" or "parent", stance.ReplyContext's rule).
// A reply by number that also quoted said "reply to #296", though read against the quote; until the forty-seventh session
// the page inferred it from the quote, repeating the rule that a quote of nothing visible is none (text.BlankText).
function readAgainst(c) {
  const number = c.parentNumber !== undefined && c.parentNumber !== null ? '#' + c.parentNumber : null;
  if (c.replyTo === 'quote') return 'quote' + (number ? ' from ' + number : '');
  return number || 'parent';
}

function sameModel(a, b) {
  return !!b && a.name === b.name && a.version === b.version && a.checksum === b.checksum;
}

// The comment whose reason the menu holds: a list drawn again (after a decision elsewhere, "Load more", a conflict) keeps
// the reason the moderator picked for the comment still on show; another comment gets its own.
let reasonFor = null;

export function select(i, focus) {
  if (!state.comments.length) {
    reasonFor = null;
    resetDetail();
    clear($('detail'));
    $('detail').append(el('p', 'empty', 'Select a comment to see its thread and history.'));
    renderDecisionButtons();
    // The last comment went, and the focus with it: kept in the list, where the keys act (a digit to
    // another queue, say), on the line that says the queue is empty.
    if (document.activeElement === document.body || !document.activeElement) $('empty').focus({ preventScroll: true });
    return;
  }
  state.index = Math.max(0, Math.min(i, state.comments.length - 1));
  markCurrent();
  const li = $('comments').children[state.index];
  if (li) {
    li.scrollIntoView({ block: 'nearest' });
    // The comment that a, r and e act on holds the focus, so a screen reader reads it: always after j, k
    // or a click, and after a decision, from a key or a toolbar button, unless the moderator is in the
    // header, a menu, the note or "Load more". Kept on the Approve button, it left a screen reader
    // user hearing nothing of the comment that a would decide next, and j skipped that one.
    const a = document.activeElement;
    const elsewhere = a && a !== document.body && !$('comments').contains(a) && a.matches('header *, input, select, #more');
    if (focus || !elsewhere) li.focus({ preventScroll: true });
  }
  showCurrent();
}

// The toolbar and the panel for the comment on show.
function showCurrent() {
  if (ref(current()) !== reasonFor || !state.reasonPicked) {
    reasonFor = ref(current());
    $('reason').value = defaultReason(current());
    state.reasonPicked = false;
  }
  renderDecisionButtons();
  loadDetail(current());
}

// The card on show: highlighted, the list's one Tab stop, and aria-current.
function markCurrent() {
  const items = $('comments').children;
  for (let k = 0; k < items.length; k++) {
    items[k].classList.toggle('current', k === state.index);
    items[k].tabIndex = k === state.index ? 0 : -1;
    if (k === state.index) items[k].setAttribute('aria-current', 'true'); else items[k].removeAttribute('aria-current');
  }
}

/** The focus to the comment on show, or to the line that says the queue is empty. */
export function focusList() {
  const li = state.comments.length ? $('comments').children[state.index] : null;
  (li || $('empty')).focus({ preventScroll: true });
}
