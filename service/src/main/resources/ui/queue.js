import { PAGE, QUEUES, QUEUE_NAMES, articleOf, current, ref, shownCount, siteRef, state } from './state.js';
import { $, clear, el, isolated, message } from './dom.js';
import { api, notNow } from './api.js';
import { authorNamed, focusList, renderList, select } from './list.js';
import { resetDetail } from './detail.js';
import { listRead } from './poll.js';

// Which queue, site, article, author and search the moderator page shows (the address's hash keeps them), and loading
// them: the queue's pages, the tabs' counts, the article and site menus, and the author and search shown beside them.

// ---------- queue and filters ----------

// The one site a moderator of a single site is narrowed to (the service narrows every list to it); none without a
// user, as after a 401 while a decision's counts are still refreshed.
const oneSite = () => state.user && state.user.site;

export function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const q = (p.get('queue') || 'PENDING').toUpperCase();
  state.queue = QUEUES.includes(q) ? q : 'PENDING';
  const asked = p.get('site') || '', own = state.user && state.user.sites;
  // A moderator of some sites may narrow to one of theirs; another named in the address is ignored, not a 403.
  state.site = oneSite() || (own && !own.includes(asked) ? '' : asked);
  const article = p.get('article') || '', articleSite = p.get('articleSite') || '';
  state.article = article ? siteRef(own && !own.includes(articleSite) ? '' : articleSite, article) : '';
  // An author is a site's: without their site (or with one the moderator does not work on), every site's readers of
  // the name were one list (a moderator's audit, sixty-seventh session). A moderator of one site: theirs.
  // Nor with another site's list or article, which the menus never make: a shared or edited address showed another
  // site's reader of the name under this one (a check of this session's mends).
  const author = p.get('author') || '', authorSite = oneSite() || p.get('authorSite') || '';
  const ofArticle = state.article && articleOf(state.article).site;
  const elsewhere = (state.site && state.site !== authorSite) || (ofArticle && ofArticle !== authorSite);
  state.author = author && authorSite && !elsewhere && (!own || own.includes(authorSite)) ? siteRef(authorSite, author) : '';
  state.search = searched(p.get('q') || '');
}

// A search as the service reads it (QueueResource): at most MAX_SEARCH UTF-16 units, not cut inside a character, its
// ends' spaces, control and zero-width characters left out (SPACES_AROUND). Inside it, control characters are spaces (an
// address's %00: the service refuses a NUL); zero-width ones are kept, as the joiners of Persian words and emoji
// sequences (a moderator's audit, sixty-ninth session: "می‌خواهم" copied from a comment was searched as "می خواهم").
const AROUND = /^[\s\p{Z}\p{Cc}\p{Cf}]+|[\s\p{Z}\p{Cc}\p{Cf}]+$/gu;
function searched(text) {
  const t = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(AROUND, '');
  if (t.length <= 200) return t;
  const end = /[\ud800-\udbff]/.test(t[199]) ? 199 : 200;
  return t.slice(0, end).replace(AROUND, '');
}

function writeHash() {
  const p = new URLSearchParams();
  p.set('queue', state.queue);
  if (state.site && !oneSite()) p.set('site', state.site);
  named(p, state.article, 'article', 'articleSite');
  named(p, state.author, 'author', 'authorSite');
  if (state.search) p.set('q', state.search);
  history.replaceState(null, '', '#' + p.toString());
}

// An article's or author's siteRef in the address: its id or name, and its site apart (none: absent).
function named(p, ref, name, siteName) {
  if (!ref) return;
  const a = articleOf(ref);
  p.set(name, a.id);
  if (a.site) p.set(siteName, a.site);
}

export function query(extra) {
  const p = new URLSearchParams(extra || {});
  if (state.site && !oneSite()) p.set('site', state.site);
  // Its site's article, its site's author alone: without a site, the article id narrows to every one of the moderator's
  // sites' articles with it, and a name to each site's reader of it, another person on each.
  narrowTo(p, state.article, 'articleId');
  narrowTo(p, state.author, 'author');
  if (state.search) p.set('q', state.search);  // of every site the list is: a search is no site's
  return p.toString();
}

// An article's or author's siteRef in a list's query: its id or name, and its site unless one is named already.
function narrowTo(p, ref, name) {
  if (!ref) return;
  const a = articleOf(ref);
  p.set(name, a.id);
  if (a.site && !p.has('site') && !oneSite()) p.set('site', a.site);
}

// Each load of the list, and each "Load more", is numbered: the answers of two in flight at once (a digit,
// then another) arrived in any order, and a queue already left, answering last, replaced the one on show.
let loads = 0;
// The last load whose answers came; a load is in flight while it is not the last one started.
let answered = 0;

/** The number of the last load started, and whether one is in flight (poll.js: its answer would be older). */
export const loadNumber = () => loads;
export const loadInFlight = () => answered !== loads;

/** What the page learnt for one moderator: their comments, selection, articles, sites and note. */
export function forget() {
  loads++;  // a load still in flight for the one before is dropped when it answers
  answered = loads;
  resetDetail();  // and so is the panel's
  shown = null;
  state.shownTo = null;
  state.comments = [];
  state.selected.clear();
  state.changed.clear();
  state.articles.clear();
  state.reasonPicked = false;
  clear($('comments'));
  clear($('detail'));
  clear($('article'));
  clear($('site'));
  $('note').value = '';
  $('author-filter').hidden = true;
}

// The queue, site and article of the list on show: a load that fails goes back to them, so the tabs, the menus and the
// address never name another list than the one the keys act on.
let shown = null;

export async function load(keepId) {
  writeHash();
  renderAuthor();
  renderSearch();
  const mine = ++loads;
  const [page, counts] = await Promise.all([
    api('GET', '/v1/queue?' + query({ status: state.queue, limit: PAGE, offset: 0 })),
    api('GET', '/v1/queue/counts?' + query()),
    loadArticles(mine),
    loadSites(mine),
  ]);
  if (mine === loads) answered = mine;
  if (!state.user || mine !== loads) return;
  if (page.status !== 200) {
    if (shown) {
      Object.assign(state, shown);
      $('site').value = state.site;
      renderArticles();
      renderAuthor();
      renderSearch();
      writeHash();
    }
    renderTabs(null);
    message(notNow(page, 'the queue was not loaded') || (page.body && page.body.message)
      || 'Could not load the queue (' + page.status + ').', 'error');
    return;
  }
  renderTabs(counts.status === 200 ? counts.body : null);
  shown = { queue: state.queue, site: state.site, article: state.article, author: state.author, search: state.search };
  state.found = state.search;
  // The comment to keep, read now: one the moderator moved to while the list reloaded (g), not the one before.
  const keep = keepId && current() ? ref(current()) : keepId;
  state.comments = page.body.comments;
  state.total = page.body.total;
  state.next = page.body.next || null;
  state.selected.clear();
  state.changed.clear();  // each card as it is now
  const at = keep ? state.comments.findIndex((c) => ref(c) === keep) : -1;
  state.index = at >= 0 ? at : 0;
  learnArticles(state.comments);
  renderList();
  listRead();
}

export async function loadMore() {
  // After where the last page ended, not at an offset: comments that other moderators decided
  // meanwhile have left the queue, and an offset would skip as many waiting ones.
  const page = { status: state.queue, limit: PAGE };
  if (state.next) page.after = state.next;
  const mine = loads;
  const r = await api('GET', '/v1/queue?' + query(page));
  if (mine !== loads) return;  // another queue, site or article since
  if (r.status !== 200) return message(notNow(r, 'no more comments were loaded') || (r.body && r.body.message) || 'Could not load more.', 'error');
  const known = new Set(state.comments.map(ref));
  const before = state.comments.length;
  const fromButton = document.activeElement === $('more');
  state.edits++;
  state.comments.push(...r.body.comments.filter((c) => !known.has(ref(c))));
  state.total = r.body.total;
  // The server gives next on a full page; counting the list against total would not do, since
  // comments decided by others meanwhile are still in the list.
  state.next = r.body.next || null;
  learnArticles(r.body.comments);
  renderList();
  // The last page hides the button, and the focus went with it to the page's body, where no key acts
  // and Tab starts again at the top: it goes to the first comment loaded.
  if (fromButton && $('more').hidden && state.comments.length > before) select(before, true);
}

/** Every article with comments (of the site chosen), for the menu (a queue page shows only the articles on it). */
async function loadArticles(mine) {
  const r = await api('GET', '/v1/articles?' + new URLSearchParams(state.site ? { site: state.site, limit: 500 } : { limit: 500 }));
  if (r.status !== 200 || mine !== loads) return;
  for (const a of r.body) state.articles.set(siteRef(a.site, a.id), { site: a.site || '', id: a.id, title: a.title || '' });
  renderArticles();
}

/**
 * The sites for the menu: those with open work, for a moderator of every site; each of theirs, for a moderator of
 * some (the service lists no other). The one chosen stays in it even when its work is done.
 */
export async function loadSites(mine) {
  if (!state.user || state.user.site) return;  // no user: refreshCounts after a decision the session's end refused
  const r = await api('GET', '/v1/sites?limit=200');
  if (r.status !== 200 || mine !== loads) return;
  const s = $('site');
  clear(s);
  s.append(new Option(state.user.sites ? 'All your sites' : 'All sites', ''));
  const listed = r.body.slice();
  for (const name of (state.user.sites || []).concat(state.site ? [state.site] : []))
    if (!listed.some((x) => x.site === name)) listed.push({ site: name, pending: 0 });
  for (const x of listed) s.append(new Option(isolated(x.site) + ' (' + shownCount(x.pending) + ' pending)', x.site));
  s.value = state.site;
}

// After a decision: the tabs' counts, and the site menu's, which said "(4 pending)" until the next load. A load still
// in flight (a menu or a tab chosen just before the key) may have read the queue before the decision: answering after
// it, it put the decided comment back in the list, and the counts as they were. It is replaced by one that reads after.
export async function refreshCounts() {
  if (state.user && answered !== loads) return load(true);
  const [r] = await Promise.all([api('GET', '/v1/queue/counts?' + query()), loadSites(loads)]);
  if (r.status === 200) renderTabs(r.body);
}

export function buildTabs() {
  QUEUES.forEach((q, i) => {
    const b = el('button', 'tab');
    b.type = 'button';
    b.dataset.queue = q;
    b.title = 'Key ' + (i + 1);
    b.append(el('span', 'tab-name', QUEUE_NAMES[q]), el('span', 'count', '–'));
    // A click with the pointer (detail 1 or more) takes the focus to the queue's comments, where the keys
    // act: left on the tab, a, j and the digits did nothing until a comment was clicked too. Enter or
    // Space on a focused tab (detail 0) leaves the focus there, as tabs do for keyboard users.
    b.addEventListener('click', (e) => switchQueue(q, e.detail > 0));
    $('tabs').append(b);
  });
}

// Updated in place: rebuilt, they dropped the keyboard focus of the tab just pressed onto the page's
// body. The queue on show is aria-current, for a screen reader, besides the underline.
export function renderTabs(counts) {
  if (counts) state.counts = counts;
  for (const b of $('tabs').children) {
    const q = b.dataset.queue;
    b.classList.toggle('active', q === state.queue);
    if (q === state.queue) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    if (counts) b.querySelector('.count').textContent = counts[q] === undefined ? '–' : shownCount(counts[q]);
  }
}

export async function switchQueue(q, toList) {
  if (q !== state.queue) {
    state.queue = q;
    await load();
  }
  if (toList) focusList();
}

export function learnArticles(comments) {
  for (const c of comments) {
    const key = siteRef(c.site, c.articleId);
    if (c.articleId && (!state.articles.has(key) || c.articleTitle)) {
      state.articles.set(key, { site: c.site || '', id: c.articleId, title: c.articleTitle || '' });
    }
  }
  renderArticles();
}

function renderArticles() {
  const s = $('article');
  clear(s);
  s.append(new Option('All articles', ''));
  if (state.article && !state.articles.has(state.article)) state.articles.set(state.article, { ...articleOf(state.article), title: '' });
  // Of several sites, each entry names its site: two sites' articles may share an id, and a title.
  const sites = !state.site && !oneSite();
  const label = (a) => (a.title ? isolated(a.title) + ' (' + isolated(a.id) + ')' : a.id) + (sites && a.site ? ' · ' + isolated(a.site) : '');
  [...state.articles.entries()].map(([ref, a]) => [ref, label(a), a.title || a.id])
    .sort((a, b) => a[2].localeCompare(b[2]) || a[1].localeCompare(b[1])).forEach(([ref, text]) => {
      s.append(new Option(text, ref)); // Option() sets text, not HTML
    });
  s.value = state.article;
}

/**
 * The author the lists are narrowed to, beside the menus, with the way back to every author: the panel's "All by"
 * narrows to one (detail.js). Text only: a name is the reader's own.
 */
function renderAuthor() {
  $('author-filter').hidden = !state.author;
  const a = state.author ? articleOf(state.author) : { id: '', site: '' };
  const named = a.id + (a.site && state.namesSites ? ' · ' + a.site : '');  // of which site, for a moderator of several
  $('author-name').textContent = named;
  $('author-name').title = named;  // whole, where a long one is cut (app.css)
  $('author-clear').setAttribute('aria-label', 'Show every author, not only ' + a.id);
}

/** Every queue narrowed to one author of a site, across articles: what else the writer of the comment on show wrote. */
export async function showAuthor(site, name) {
  state.author = siteRef(site, name);
  state.article = '';  // their comments on every article; the menu may narrow again
  state.search = '';   // all of them: a search that found one of theirs would hide the rest
  await narrowed('Only the comments by ' + authorNamed(true) + ': ');
}

/** Every author again, in the queue and article on show. */
export async function everyAuthor() {
  state.author = '';
  await narrowed('Every author again: ');
}

// The list loaded again keeping the comment on show (theirs, or still in the wider list), the focus on it where the
// keys act (the button went with the panel, the × with the narrowing), and the change said: nothing told a screen
// reader that the list had narrowed (a moderator's audit, sixty-seventh session). Politely, in the region of the poll's
// news (index.html): the message's, which holds a decision's undo offer, is left as it is.
async function narrowed(said, again) {
  // An entry of its own in the browser's history, the address before it kept: Back widens again (the hashchange
  // reloads it), where it left the page (a moderator's audit, sixty-seventh session).
  if (!again) history.pushState(null, '', location.href);
  await load(current() ? ref(current()) : undefined);
  if (!state.user) return;
  focusList();
  $('news').textContent = said + state.total.toLocaleString('en') + ' in ' + QUEUE_NAMES[state.queue] + '.';
}



/**
 * The search the lists are narrowed to, in its field in the header, with the way back to every comment. The field is
 * left as it is while the moderator types in it: a poll's load would take their words away.
 */
function renderSearch() {
  if (document.activeElement !== $('search')) $('search').value = state.search;
  $('search-clear').hidden = !state.search;
}

/**
 * Every queue narrowed to what the field holds: the comment with that id (the site's), and those whose text holds it,
 * letter case aside; none, every comment again. A comment a reader complained of was found by scrolling (sixty-seventh
 * session's leftovers).
 */
export async function search(text) {
  const term = searched(text);
  $('search').value = term;
  if (term === state.search) return focusList();
  state.search = term;
  await narrowed(term ? 'Found for “' + term + '”: ' : 'Every comment again: ');
  // Found in another queue alone (a comment's id, most often): shown there, not an empty list with a count in a tab
  // (a moderator's audit, sixty-eighth session).
  const was = state.queue, other = QUEUES.find((q) => state.counts && state.counts[q] > 0);
  if (term && state.user && !state.comments.length && other) {
    state.queue = other;
    await narrowed('Found for “' + term + '”: none in ' + QUEUE_NAMES[was] + '; ', true);
  }
}
