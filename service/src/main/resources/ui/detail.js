// The moderator page's panel beside the list: the comment on show with its thread, readers' reports and history.
import { ref, siteQuery, siteRef, state } from './state.js';
import { $, clear, el, highlighted, isLong, isolated, size, textBlock, when } from './dom.js';
import { api, notNow } from './api.js';
import { changedMeanwhile, decide, mayReopen } from './decisions.js';
import { showAuthor } from './queue.js';

// ---------- detail: thread context and history ----------

// A long parent, whole, pushed the readers' reports and the history many screens down: its head, and the rest on demand.
// So does a long quoted passage (a moderator's fifth audit: a quote of a thousand lines put the history 16,000 px down).
function parentText(text, language, what = 'comment') {
  if (!isLong(text)) return [textBlock('parent-text', text, language)];
  const head = highlighted(text, [], true);
  head.className = 'parent-text';
  if (language) head.lang = language;
  const more = el('details', 'parent-more');
  const whole = 'Show the whole ' + what + ' (' + size(text) + ')';
  const summary = el('summary', null, whole);
  more.append(summary, textBlock('parent-text', text, language));
  // Its words say what it does now (a second accessibility audit): open, it kept offering the whole comment.
  more.addEventListener('toggle', () => {
    head.hidden = more.open;
    summary.textContent = more.open ? 'Show less' : whole;
  });
  return [head, more];
}

/** The passage a reply quotes, with whom it names as its author. */
function quoted(c) {
  const q = el('blockquote', 'parent quote');
  q.append(el('div', 'muted', 'quoted' + (c.parentNumber ? ' from #' + c.parentNumber : '')
    + (c.parentAuthor ? (c.parentNumber ? ' ' : ' from ') + isolated(c.parentAuthor) : '')));
  q.append(...parentText(c.quote, undefined, 'passage'));
  return q;
}

/** A further comment a reply quotes (alsoQuotes): its number, else its id, and the name the reply gives it. */
function alsoQuoted(q) {
  const who = q.number ? '#' + q.number : q.id ? isolated(q.id) : 'a comment';
  return q.author ? who + ' ' + isolated(q.author) : who;
}

// Each request for the panel is numbered: only the latest one's answer is drawn (an earlier one for the same comment,
// answered late after a conflict, would draw the comment as it was).
let asked = 0;

/** No comment on show: an answer still on its way for the one before is dropped. */
export function resetDetail() {
  asked++;
}

export async function loadDetail(shown) {
  const mine = ++asked;
  const r = await api('GET', '/v1/comments/' + encodeURIComponent(shown.id) + siteQuery(shown));
  if (mine !== asked) return; // the moderator moved on, or the panel was asked again
  // The list was read before: a comment its site erased, another moderator decided or readers reported since is shown
  // as it is now, and why, before a key decides it (a moderator's fourth audit: an erased comment's text and author
  // stayed on its card, its decisions on offer, while this panel's history said ERASE → ERASED).
  if (r.status === 200 && r.body.version > shown.version) return changedMeanwhile(shown, r.body);
  const d = $('detail');
  // Another comment starts at the top (a third accessibility audit: it opened scrolled as far as the one before, its
  // article and "In reply to" out of view); the same one read again keeps its place.
  const another = d.dataset.ref !== ref(shown);  // by site too: two sites' "c1" are two comments
  clear(d);
  if (r.status !== 200) {
    const failed = el('p', 'error', notNow(r, 'this comment\'s thread and history were not loaded')
      || (r.body && r.body.message) || 'Could not load this comment (' + r.status + ').');
    // Said as it comes (the same audit): the panel's text alone was never heard. Not through message(), which
    // would take the undo offer of the decision just made away.
    failed.id = 'detail-error';
    failed.setAttribute('role', 'alert');
    d.append(failed);
    delete d.dataset.id;
    delete d.dataset.ref;
    return;
  }
  const c = r.body;
  d.dataset.id = c.id;
  d.dataset.ref = ref(shown);
  if (another) d.scrollTop = 0;
  // On a phone the panel is below the whole list (a moderator's sixth audit: 26,820 px down for a page of 100): back
  // to the comment, whose card has the way here (list.js). Shown in the one-column layout alone (app.css).
  const back = el('button', 'ghost to-list', '↑ Back to the comment');
  back.type = 'button';
  back.addEventListener('click', () => {
    const card = document.querySelector('#comments .comment.current');
    if (card) { card.scrollIntoView({ block: 'start' }); card.focus({ preventScroll: true }); }
  });
  d.append(back);
  d.append(el('h2', 'article-title', c.articleTitle || c.articleId || 'No article'));
  if (c.articleTitle && c.articleId) d.append(el('div', 'muted', 'article ' + c.articleId));
  if (c.site) d.append(el('div', 'muted', 'site ' + c.site));  // a service moderating several sites: whose it is
  d.append(byAuthor(c));

  d.append(el('h3', null, 'In reply to'));
  if (c.parent) {
    const q = el('blockquote', 'parent');
    q.append(el('div', 'muted', (c.parent.number ? '#' + c.parent.number + ' · ' : '') + isolated(c.parent.author || 'anonymous')
      + ' · ' + c.parent.status));
    q.append(...parentText(c.parent.text, c.parent.language));  // read as Dutch, say, not as English
    d.append(q);
    // The passage it quotes too: its stance chip ("reply to quote") was read against that passage, which was shown
    // nowhere once the parent was stored (a moderator's fourth audit), and a reply may quote it out of context.
    if (c.quote) d.append(quoted(c));
  } else if (c.quote) {
    d.append(quoted(c));
  } else {
    d.append(el('p', 'muted', c.parentId || c.parentNumber ? 'The parent comment is not stored.' : 'Not a reply.'));
  }
  // Whom the quote's further passages are of, as the site stored it (a name erased since is left out): text only.
  if (c.alsoQuotes && c.alsoQuotes.length) d.append(el('div', 'muted also-quotes', 'also quotes ' + c.alsoQuotes.map(alsoQuoted).join(', ')));

  if (c.communityRating) d.append(el('div', 'muted', 'readers: ▲ ' + (c.communityRating.up || 0) + ' ▼ ' + (c.communityRating.down || 0)));
  if (c.model) d.append(el('div', 'muted', 'model ' + c.model.name + ' ' + c.model.version
    + (c.stanceModel ? ' · stance ' + c.stanceModel.name + ' ' + c.stanceModel.version : '')));

  if (c.reports && c.reports.length) {
    // Why readers flagged it; a decision closes the open ones, an escalation too, so the senior
    // moderator who gets it sees them here, not as a count on the card.
    d.append(el('h3', null, 'Reader reports (' + c.openReports + ' open)'));
    const ul = el('ul', 'reports-list');
    for (const rep of c.reports) {
      const li = el('li', rep.open ? 'open' : 'closed');
      const at = el('span', 'muted', ' · ');
      at.append(when(rep.reportedAt), rep.open ? '' : ' · before the last decision');
      li.append(el('span', 'report-reason', rep.reason || 'no reason given'), at);
      ul.append(li);
    }
    d.append(ul);
  }

  d.append(el('h3', null, 'History'));
  const ol = el('ol', 'history');
  for (const h of c.history || []) {
    const li = el('li', 'decision-' + String(h.decision).toLowerCase());
    const line = el('div', 'history-line');
    line.append(el('strong', null, h.decision), document.createTextNode(' → ' + h.status));
    if (h.reason) line.append(el('span', 'badge reason', h.reason));
    li.append(line);
    const by = el('div', 'muted', 'by ' + isolated(h.actor) + ' (' + String(h.actorKind).toLowerCase() + ') · ');
    by.append(when(h.decidedAt), ' · v' + h.version + (h.modelVersion ? ' · model ' + h.modelVersion : ''));
    li.append(by);
    if (h.note) li.append(el('div', 'note', h.note));
    if (h.text && h.text !== c.text) li.append(el('div', 'history-text', h.text));
    ol.append(li);
  }
  if (!ol.children.length) ol.append(el('li', 'muted', 'No decisions yet.'));
  d.append(ol);

  // An undo with no time limit (a second accessibility audit, WCAG 2.2.1): the message's offer goes after 15 s, often
  // before a screen reader has read the next comment, and the decision was then only to be revised, never undone.
  if (mayReopen(c)) {
    const b = el('button', 'ghost reopen', 'Put back in Pending');
    b.type = 'button';
    b.addEventListener('click', () => decide('REOPEN'));
    d.append(b, el('span', 'muted', ' undoes the last decision: the comment waits in Pending again, unread.'));
  }

  // Its card shows a long comment in excerpts (list.js): here it is whole, last, so that it pushes nothing out of sight.
  if (isLong(c.text)) {
    d.append(el('h3', null, 'The whole comment (' + size(c.text) + ')'));
    const text = highlighted(c.text, c.spans, false, state.found);
    if (c.language) text.lang = c.language;
    d.append(text);
  }
}

// Who wrote it, and the way to what else they wrote, in every queue (a moderator's sixth audit: an author's other
// comments were found by scrolling Published). None for an anonymous or erased comment, nor in their list already.
function byAuthor(c) {
  const by = el('div', 'by');
  by.append(el('span', 'muted', 'by '), el('span', 'author', c.author || 'anonymous'));
  if (c.author && state.author !== siteRef(c.site, c.author)) {
    const all = el('button', 'ghost all-by', 'All by this author');
    all.type = 'button';
    all.addEventListener('click', () => showAuthor(c.site, c.author));
    by.append(' ', all);
  }
  return by;
}
