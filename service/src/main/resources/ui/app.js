// Parley moderator UI. Plain DOM, no framework. Every string from the API (comment text, author,
// article title, history, stance targets) goes in through textContent or text nodes, never as
// HTML: comments are written by anyone.
'use strict';

const QUEUES = ['PENDING', 'REPORTED', 'ESCALATED', 'AUTO_REJECTED', 'APPROVED', 'REJECTED'];
const QUEUE_NAMES = {
  PENDING: 'Pending', REPORTED: 'Reported', ESCALATED: 'Escalated',
  AUTO_REJECTED: 'Auto-rejected', APPROVED: 'Approved', REJECTED: 'Rejected',
};
const REASONS = ['insult', 'threat', 'identity_attack', 'profanity', 'severe_toxicity', 'toxicity', 'spam', 'off_topic', 'other'];
const PAGE = 100;
// The server counts a queue up to this many (CommentStore.COUNT_LIMIT); a count of it means that many or more.
const COUNT_LIMIT = 10000;
const shownCount = (n) => n >= COUNT_LIMIT ? COUNT_LIMIT.toLocaleString('en') + '+' : String(n);

const state = {
  user: null,
  queue: 'PENDING',
  site: '',          // the site the lists are narrowed to ('' every site); a moderator of one site has only theirs
  article: '',       // the article the lists are narrowed to, siteRef(site, id); '' every article
  comments: [],      // as the API sent them, in its order (open queues: highest risk first)
  total: 0,
  next: null,        // the server's cursor for the page after the last one shown; null at the end
  index: 0,
  selected: new Set(),
  articles: new Map(), // siteRef(site, id) -> {site, id, title}, from the article list and every comment seen
  busy: false,
  shownTo: null,       // the username whose queue the page holds, kept past the end of their session
  reasonPicked: false, // the moderator chose the menu's reason since moving to this comment
  singleKeys: true,    // the single-character keys act (WCAG 2.1.4: they can be turned off, per browser)
  namesSites: true,    // messages name a comment's site (label): the moderator has more than one; kept past the session's end
};

const $ = (id) => document.getElementById(id);

// ---------- small DOM helpers (text only) ----------

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Untrusted text set beside other text: a right-to-left override (U+202E) in an author's name
// would otherwise run on and reverse what follows it ("#7 · moder · DEHSILBUP"). First-strong
// isolate … pop directional isolate keep it to itself. Separate elements get unicode-bidi: isolate (app.css).
function isolated(s) {
  return '\u2068' + s + '\u2069';
}

function pct(p) {
  return Math.round(p * 100) + '%';
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// ---------- API ----------

async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    return { status: 0, body: { message: 'the service cannot be reached' } };
  }
  let json = null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { json = await res.json(); } catch (e) { json = null; }
  }
  if (res.status === 401 && path !== '/v1/session') sessionEnded();
  return { status: res.status, body: json };
}

function sessionEnded() {
  if (!state.user) return;
  state.user = null;
  showLogin('Your session has ended. Log in again to go on where you were.');
}

// ---------- the session's end ----------

// A session ends at a time fixed at its log-in (moderation.sessionMinutes). The page learnt of it only at its next
// request, so a moderator reading one comment long heard of it at their decision, refused; now it warns this long
// before, in a polite live region kept until the end, and at the end shows the log-in form by itself.
const SESSION_WARNING_MS = 5 * 60 * 1000;
let sessionTimer = null;  // the one timer: the warning's time, then the end's
let sessionEnds = null;   // when the session ends on this browser's clock (Date.now()); null: no end (an API key)

// Counted from the answer's expiresInSeconds (the service's clock, rounded up) on this browser's clock: the two
// clocks may be minutes apart, so expiresAt itself is never compared with Date.now().
function watchSession(session) {
  sessionEnds = typeof session.expiresInSeconds === 'number' ? Date.now() + session.expiresInSeconds * 1000 : null;
  $('session-note').textContent = '';
  planSession();
}

function planSession() {
  clearTimeout(sessionTimer);
  sessionTimer = null;
  if (sessionEnds === null || !state.user) return;
  const left = sessionEnds - Date.now();
  if (left <= 0) return sessionEnded();
  if (left <= SESSION_WARNING_MS) warnSession(left);
  sessionTimer = setTimeout(checkSessionEnd, left <= SESSION_WARNING_MS ? left : left - SESSION_WARNING_MS);
}

// At the warning's time and at the end the service is asked once: a log-in in another tab of this browser may
// have put a newer session in the cookie meanwhile, and this page then goes on with it. Unreachable, or down,
// the page's own count stands.
async function checkSessionEnd() {
  sessionTimer = null;
  const r = await api('GET', '/v1/session');
  if (!state.user) return;  // logged out meanwhile
  if (r.status === 401) return sessionEnded();
  if (r.status === 200 && typeof r.body.expiresInSeconds === 'number') {
    if (r.body.expiresInSeconds * 1000 > SESSION_WARNING_MS) $('session-note').textContent = '';
    sessionEnds = Date.now() + Math.max(1, r.body.expiresInSeconds) * 1000;
  }
  planSession();
}

function warnSession(left) {
  const note = $('session-note');
  if (note.textContent) return;  // said once: a live region read out again at each change would only interrupt
  const at = new Date(Date.now() + left).toLocaleTimeString(undefined, { timeStyle: 'short' });
  const minutes = Math.round(left / 60000);
  note.textContent = 'Your session ends at ' + at + (minutes < 1 ? ', in less than a minute' : ', in ' + minutes
    + ' minute' + (minutes === 1 ? '' : 's')) + '. The page will then ask you to log in again, and keep your place.';
}

// ---------- messages ----------

let messageTimer = null;

// A screen reader reads out a live region's new text only if the region was in the page before it:
// one region, hidden until its first message and changing role as it was shown, told nothing reliably.
function message(text, kind) {
  const urgent = kind === 'error' || kind === 'conflict';
  const m = $(urgent ? 'alert' : 'message');
  $(urgent ? 'message' : 'alert').textContent = '';
  m.textContent = text;
  m.className = 'message ' + (kind || 'info');
  clearTimeout(messageTimer);
  if (!urgent) messageTimer = setTimeout(() => { m.textContent = ''; }, 4000);
}

// ---------- log-in ----------

function showLogin(error) {
  $('app').hidden = true;
  // An alert stays until the next message: one about the queue before the log-in was still shown after it.
  clearTimeout(messageTimer);
  $('alert').textContent = '';
  $('message').textContent = '';
  toggleHelp(false);
  clearTimeout(sessionTimer);
  sessionTimer = null;
  $('session-note').textContent = '';
  $('login').hidden = false;
  $('password').value = '';
  const e = $('login-error');
  e.textContent = error || '';
  e.hidden = !error;
  $(error || !$('username').value ? 'username' : 'password').focus();
}

async function login(event) {
  event.preventDefault();
  const button = $('login-button');
  button.disabled = true;
  const r = await api('POST', '/v1/session', { username: $('username').value, password: $('password').value });
  button.disabled = false;
  if (r.status === 200) {
    $('password').value = '';
    showApp(r.body);
  } else {
    const e = $('login-error');
    e.textContent = r.status === 401 ? 'Wrong username or password.'
      : (r.body && r.body.message) || 'Log-in failed (' + r.status + ').';
    e.hidden = false;
    $('password').value = '';
    $('password').focus();
  }
}

async function logout() {
  await api('DELETE', '/v1/session');
  state.user = null;
  forget();
  showLogin();
}

/** What the page learnt for one moderator: their comments, selection, articles, sites and note. */
function forget() {
  loads++;  // a load still in flight for the one before is dropped when it answers
  state.shownTo = null;
  state.comments = [];
  state.selected.clear();
  state.articles.clear();
  state.reasonPicked = false;
  clear($('comments'));
  clear($('detail'));
  clear($('article'));
  clear($('site'));
  $('note').value = '';
}

// A session may still be valid while the database is down (503) or the service restarts: say so
// and ask again, rather than show an empty log-in form.
async function checkSession() {
  const r = await api('GET', '/v1/session');
  if (state.user) return;  // logged in meanwhile
  if (r.status === 200) return showApp(r.body);
  if (r.status === 401) return showLogin();
  const why = ((r.body && r.body.message) || 'The service could not check your session (' + r.status + ').')
    + ' Trying again in a few seconds…';
  if ($('login').hidden) showLogin(why);
  else { $('login-error').textContent = why; $('login-error').hidden = false; }  // keep what is being typed
  setTimeout(checkSession, 5000);
}

function showApp(session) {
  // Another moderator at this browser (after a log-out, or a session that ended): nothing of the one
  // before stays. The article menu kept their articles' titles, of sites the next may not moderate,
  // and their unsent note went with the next one's decision, under the next one's name. The same moderator back
  // after their session ended finds the comment they were on (and their note), not the first of the queue.
  const same = state.shownTo === session.username;
  if (!same) forget();
  const back = same ? current() : undefined;
  state.shownTo = session.username;
  state.user = session;
  state.namesSites = !session.site;
  const who = $('who');
  clear(who);
  who.append(el('span', null, session.username), document.createTextNode(' '), el('span', 'role', session.role));
  if (session.site) who.append(document.createTextNode(' '), el('span', 'role', session.site));
  $('site-filter').hidden = !!session.site;  // a moderator of one site: the service narrows every list to it
  $('login').hidden = true;
  $('login-error').hidden = true;
  $('app').hidden = false;
  watchSession(session);
  readHash();
  load(back ? ref(back) : undefined);
}

// ---------- queue and filters ----------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const q = (p.get('queue') || 'PENDING').toUpperCase();
  state.queue = QUEUES.includes(q) ? q : 'PENDING';
  const asked = p.get('site') || '', own = state.user && state.user.sites;
  // A moderator of some sites may narrow to one of theirs; another named in the address is ignored, not a 403.
  state.site = (state.user && state.user.site) || (own && !own.includes(asked) ? '' : asked);
  const article = p.get('article') || '', articleSite = p.get('articleSite') || '';
  state.article = article ? siteRef(own && !own.includes(articleSite) ? '' : articleSite, article) : '';
}

function writeHash() {
  const p = new URLSearchParams();
  p.set('queue', state.queue);
  if (state.site && !state.user.site) p.set('site', state.site);
  if (state.article) {
    const a = articleOf(state.article);
    p.set('article', a.id);
    if (a.site) p.set('articleSite', a.site);
  }
  history.replaceState(null, '', '#' + p.toString());
}

function query(extra) {
  const p = new URLSearchParams(extra || {});
  if (state.site && !state.user.site) p.set('site', state.site);
  if (state.article) {
    const a = articleOf(state.article);
    p.set('articleId', a.id);
    // Its site's article alone: without a site, the article id narrows to every one of the moderator's sites' articles with it.
    if (a.site && !p.has('site') && !state.user.site) p.set('site', a.site);
  }
  return p.toString();
}

// Which article or comment: its site and its id, one string (a Map key, a Set member). Ids are each site's own
// (changesets 15 and 16), so two sites' article 42 are two articles, two entries in the menu, and a moderator of two
// sites may have two comments 12345 in one list. '' as the site: one stored before sites were kept, or an address
// that named no article's site (every article with the id, of the moderator's sites).
function siteRef(site, id) {
  return (site || '') + '\n' + id;
}

function articleOf(ref) {
  const i = ref.indexOf('\n');
  return { site: ref.slice(0, i), id: ref.slice(i + 1) };
}

// Which comment, on this page; each call about a comment names its site too (?site=, '' for one stored before sites
// were kept), or the service would ask which.
function ref(c) {
  return siteRef(c.site, c.id);
}

function refOfCard(li) {
  return siteRef(li.dataset.site, li.dataset.id);
}

function siteQuery(c) {
  return '?site=' + encodeURIComponent(c.site || '');
}

// Each load of the list, and each "Load more", is numbered: the answers of two in flight at once (a digit,
// then another) arrived in any order, and a queue already left, answering last, replaced the one on show.
let loads = 0;

async function load(keepId) {
  writeHash();
  const mine = ++loads;
  const [page, counts] = await Promise.all([
    api('GET', '/v1/queue?' + query({ status: state.queue, limit: PAGE, offset: 0 })),
    api('GET', '/v1/queue/counts?' + query()),
    loadArticles(mine),
    loadSites(mine),
  ]);
  if (!state.user || mine !== loads) return;
  renderTabs(counts.status === 200 ? counts.body : null);
  if (page.status !== 200) {
    message((page.body && page.body.message) || 'Could not load the queue (' + page.status + ').', 'error');
    return;
  }
  state.comments = page.body.comments;
  state.total = page.body.total;
  state.next = page.body.next || null;
  state.selected.clear();
  const at = keepId ? state.comments.findIndex((c) => ref(c) === keepId) : -1;
  state.index = at >= 0 ? at : 0;
  learnArticles(state.comments);
  renderList();
}

async function loadMore() {
  // After where the last page ended, not at an offset: comments that other moderators decided
  // meanwhile have left the queue, and an offset would skip as many waiting ones.
  const page = { status: state.queue, limit: PAGE };
  if (state.next) page.after = state.next;
  const mine = loads;
  const r = await api('GET', '/v1/queue?' + query(page));
  if (mine !== loads) return;  // another queue, site or article since
  if (r.status !== 200) return message((r.body && r.body.message) || 'Could not load more.', 'error');
  const known = new Set(state.comments.map(ref));
  const before = state.comments.length;
  const fromButton = document.activeElement === $('more');
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
async function loadSites(mine) {
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

// After a decision: the tabs' counts, and the site menu's, which said "(4 pending)" until the next load.
async function refreshCounts() {
  const [r] = await Promise.all([api('GET', '/v1/queue/counts?' + query()), loadSites(loads)]);
  if (r.status === 200) renderTabs(r.body);
}

function buildTabs() {
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
function renderTabs(counts) {
  for (const b of $('tabs').children) {
    const q = b.dataset.queue;
    b.classList.toggle('active', q === state.queue);
    if (q === state.queue) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    if (counts) b.querySelector('.count').textContent = counts[q] === undefined ? '–' : shownCount(counts[q]);
  }
}

async function switchQueue(q, toList) {
  if (q !== state.queue) {
    state.queue = q;
    state.index = 0;
    await load();
  }
  if (toList) focusList();
}

/** The focus to the comment on show, or to the line that says the queue is empty. */
function focusList() {
  const li = state.comments.length ? $('comments').children[state.index] : null;
  (li || $('empty')).focus({ preventScroll: true });
}

function learnArticles(comments) {
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
  const sites = !state.site && !state.user.site;
  const label = (a) => (a.title ? isolated(a.title) + ' (' + isolated(a.id) + ')' : a.id) + (sites && a.site ? ' · ' + isolated(a.site) : '');
  [...state.articles.entries()].map(([ref, a]) => [ref, label(a), a.title || a.id])
    .sort((a, b) => a[2].localeCompare(b[2]) || a[1].localeCompare(b[1])).forEach(([ref, text]) => {
      s.append(new Option(text, ref)); // Option() sets text, not HTML
    });
  s.value = state.article;
}

// ---------- list ----------

// Whether a comment in this state still belongs in the queue on screen (the same conditions as the server's).
function belongs(c, queue) {
  switch (queue) {
    case 'PENDING': return c.status === 'PENDING';
    case 'REPORTED': return c.status === 'PUBLISHED' && c.openReports > 0;
    case 'ESCALATED': return c.status === 'ESCALATED';
    case 'AUTO_REJECTED': return c.status === 'REJECTED' && c.decidedBy === 'RULE';
    case 'APPROVED': return c.status === 'PUBLISHED' && c.decidedBy === 'MODERATOR';
    case 'REJECTED': return c.status === 'REJECTED' && c.decidedBy === 'MODERATOR';
    default: return true;
  }
}

function current() {
  return state.comments[state.index];
}

function renderList() {
  const list = $('comments');
  clear(list);
  state.comments.forEach((c, i) => list.append(card(c, i)));
  if (state.index >= state.comments.length) state.index = Math.max(0, state.comments.length - 1);
  $('empty').hidden = state.comments.length > 0;
  $('more').hidden = !state.next;
  $('summary').textContent = state.comments.length ? state.comments.length + ' of ' + shownCount(state.total) : '';
  renderBulk();
  select(state.index, false);
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
  head.append(el('span', 'badge rating-' + rating.name.toLowerCase(), rating.name + ' ' + pct(c.risk)));
  if (c.number !== undefined && c.number !== null) head.append(el('span', 'number', '#' + c.number));
  head.append(el('span', 'author', c.author || 'anonymous'));
  if (c.articleTitle || c.articleId) head.append(el('span', 'article', c.articleTitle || c.articleId));
  head.append(el('span', 'spacer'));
  if (c.openReports > 0) head.append(el('span', 'badge reports', c.openReports + ' report' + (c.openReports > 1 ? 's' : '')));
  head.append(el('span', 'badge status status-' + c.status.toLowerCase(), c.status));
  li.append(head);

  if (c.parentNumber !== undefined && c.parentNumber !== null)
    li.append(el('div', 'reply-to', '↳ reply to #' + c.parentNumber + (c.parentAuthor ? ' ' + isolated(c.parentAuthor) : '')));
  const text = highlighted(c.text, c.spans);
  if (c.language) text.lang = c.language;  // a screen reader reads it in its own language, not as English
  li.append(text);
  li.append(scores(c));
  const stance = stanceLine(c);
  if (stance) li.append(stance);

  li.addEventListener('click', () => select(i, true));
  return li;
}

/** A paragraph of a reader's text, in the direction its first strong letter says, and in its language when known. */
function textBlock(className, text, language) {
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
function markLevel(weight) {
  const p = 1 / (1 + Math.exp(-weight));
  return p >= 0.8 ? 'strong' : p >= 0.5 ? 'mid' : 'weak';
}

// The comment text with the explaining spans as <mark>: text nodes and marks only.
function highlighted(text, spans) {
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
  for (const s of c.stance || []) parts.push([s.target, s.label, s.probabilities && s.probabilities[s.label]]);
  // Read against the quoted passage when there is one, else the parent comment (stance.ReplyContext).
  if (c.replyStance) parts.push(['reply to ' + (c.parentNumber ? '#' + c.parentNumber : c.quote ? 'quote' : 'parent'), c.replyStance.label,
    c.replyStance.probabilities && c.replyStance.probabilities[c.replyStance.label]]);
  if (!parts.length) return null;
  const div = el('div', 'stance');
  div.append(el('span', 'label', 'stance'));
  for (const [target, label, p] of parts) {
    const chip = el('span', 'chip stance-' + String(label).toLowerCase());
    chip.append(el('span', 'target', target), el('strong', null, ' ' + label), el('span', 'prob', p === undefined ? '' : ' ' + pct(p)));
    div.append(chip);
  }
  return div;
}

function select(i, focus) {
  if (!state.comments.length) {
    clear($('detail'));
    $('detail').append(el('p', 'empty', 'Select a comment to see its thread and history.'));
    renderDecisionButtons();
    // The last comment went, and the focus with it: kept in the list, where the keys act (a digit to
    // another queue, say), on the line that says the queue is empty.
    if (document.activeElement === document.body || !document.activeElement) $('empty').focus({ preventScroll: true });
    return;
  }
  state.index = Math.max(0, Math.min(i, state.comments.length - 1));
  const items = $('comments').children;
  for (let k = 0; k < items.length; k++) {
    items[k].classList.toggle('current', k === state.index);
    items[k].tabIndex = k === state.index ? 0 : -1;
    if (k === state.index) items[k].setAttribute('aria-current', 'true'); else items[k].removeAttribute('aria-current');
  }
  const li = items[state.index];
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
  $('reason').value = defaultReason(current());
  state.reasonPicked = false;
  renderDecisionButtons();
  loadDetail(current());
}

// ---------- detail: thread context and history ----------

let detailFor = null;

async function loadDetail(shown) {
  const id = ref(shown);
  detailFor = id;
  const r = await api('GET', '/v1/comments/' + encodeURIComponent(shown.id) + siteQuery(shown));
  if (detailFor !== id) return; // the moderator moved on
  const d = $('detail');
  clear(d);
  if (r.status !== 200) {
    d.append(el('p', 'error', (r.body && r.body.message) || 'Could not load this comment (' + r.status + ').'));
    return;
  }
  const c = r.body;
  d.dataset.id = c.id;
  d.append(el('h2', 'article-title', c.articleTitle || c.articleId || 'No article'));
  if (c.articleTitle && c.articleId) d.append(el('div', 'muted', 'article ' + c.articleId));
  if (c.site) d.append(el('div', 'muted', 'site ' + c.site));  // a service moderating several sites: whose it is

  d.append(el('h3', null, 'In reply to'));
  if (c.parent) {
    const q = el('blockquote', 'parent');
    q.append(el('div', 'muted', (c.parent.number ? '#' + c.parent.number + ' · ' : '') + isolated(c.parent.author || 'anonymous')
      + ' · ' + c.parent.status));
    q.append(textBlock('parent-text', c.parent.text, c.parent.language));  // read as Dutch, say, not as English
    d.append(q);
  } else if (c.quote) {
    const q = el('blockquote', 'parent');
    q.append(el('div', 'muted', 'quoted' + (c.parentNumber ? ' from #' + c.parentNumber : '')
      + (c.parentAuthor ? (c.parentNumber ? ' ' : ' from ') + isolated(c.parentAuthor) : '')));
    q.append(textBlock('parent-text', c.quote));
    d.append(q);
  } else {
    d.append(el('p', 'muted', c.parentId || c.parentNumber ? 'The parent comment is not stored.' : 'Not a reply.'));
  }

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
      li.append(el('span', 'report-reason', rep.reason || 'no reason given'),
        el('span', 'muted', ' · ' + when(rep.reportedAt) + (rep.open ? '' : ' · before the last decision')));
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
    li.append(el('div', 'muted', 'by ' + isolated(h.actor) + ' (' + String(h.actorKind).toLowerCase() + ') · ' + when(h.decidedAt)
      + ' · v' + h.version + (h.modelVersion ? ' · model ' + h.modelVersion : '')));
    if (h.note) li.append(el('div', 'note', h.note));
    if (h.text && h.text !== c.text) li.append(el('div', 'history-text', h.text));
    ol.append(li);
  }
  if (!ol.children.length) ol.append(el('li', 'muted', 'No decisions yet.'));
  d.append(ol);
}

// ---------- decisions ----------

// Reject reason from the scores: the most specific attribute that fired, else the rating's attribute.
// The comment's top attribute, as its rating names it: a reject reason becomes a training label
// (scripts/export-decisions), so the page proposes what the model is surest of and no more.
function defaultReason(c) {
  const r = c && c.rating && c.rating.attribute ? c.rating.attribute.toLowerCase() : '';
  return REASONS.includes(r) ? r : 'toxicity';
}

const PAST = { APPROVE: 'Approved', REJECT: 'Rejected', ESCALATE: 'Escalated' };

// How a message names a comment: by its number, else its id, and for a moderator of several sites (or of every site)
// by its site too, "#9 of a.example": ids and numbers are each site's own, so "Approved 12345." could be either of two
// sites' (the API's 409s and 403s name it so too). A moderator of one site keeps the short form. The id is a reader's
// site's and may hold a direction override: isolated, it cannot reverse the site after it. Set as text, as every message.
function label(c) {
  const which = c.number !== undefined && c.number !== null ? '#' + c.number : String(c.id);
  return c.site && state.namesSites ? isolated(which) + ' of ' + c.site : which;
}

// The toolbar's note goes with the next decision (an escalation says why to the senior moderator), then clears.
function noteText() {
  const note = $('note').value.trim();
  return note ? note : undefined;
}

// An escalation passes a comment to a senior moderator (moderation.escalationRole): the page says
// so rather than send a decision the service refuses.
function reserved(c) {
  return c && c.status === 'ESCALATED' && !(state.user && state.user.decidesEscalated);
}

const RESERVED = 'Escalated comments are decided by a senior moderator (admin).';

const DECISION_KEYS = { approve: 'a', reject: 'r', escalate: 'e' };

function renderDecisionButtons() {
  const locked = reserved(current());
  for (const id of Object.keys(DECISION_KEYS)) {
    $(id).disabled = locked;
    $(id).title = locked ? RESERVED : state.singleKeys ? DECISION_KEYS[id] : '';
  }
}

async function decide(decision) {
  const c = current();
  if (!c || state.busy) return;
  if (reserved(c)) return message(RESERVED, 'error');
  const reason = decision === 'REJECT' ? $('reason').value : undefined;
  const note = noteText();
  state.busy = true;
  const r = await api('POST', '/v1/comments/' + encodeURIComponent(c.id) + '/decision' + siteQuery(c),
    { decision, reason, note, expectedVersion: c.version });
  state.busy = false;
  if (r.status === 200) {
    $('note').value = '';
    replace(ref(c), r.body);
    message(PAST[decision] + ' ' + label(c) + (reason ? ' (' + reason + ')' : '') + '.');
  } else if (r.status === 409 && r.body && r.body.current) {
    conflict(c, r.body.current);
  } else if (r.status === 401) {
    notApplied('your ' + decision.toLowerCase() + ' of ' + label(c) + (reason ? ' (' + reason + ')' : ''));
  } else {
    message((r.body && r.body.message) || 'The decision failed (' + r.status + ').', 'error');
  }
  refreshCounts();
}

// The session ended as a decision was sent: the log-in form said only that, and back in, the comment
// was still there with nothing to say whether the key press had counted. It did not.
function notApplied(what) {
  const e = $('login-error');
  e.textContent = 'Your session has ended, so ' + what + ' was not applied. Log in again and decide again.';
  e.hidden = false;
}

async function decideSelected(decision) {
  if (state.busy) return;
  const picked = state.comments.filter((c) => state.selected.has(ref(c)));
  if (!picked.length) return message('Nothing selected: press x on comments to select them.', 'error');
  // A reason becomes each comment's training label: one picked in the menu goes to all of them, else
  // each gets its own top attribute, as r would give it (one comment's reason would mislabel the rest).
  const shared = decision === 'REJECT' && state.reasonPicked ? $('reason').value : undefined;
  const own = (c) => decision === 'REJECT' && !shared ? defaultReason(c) : undefined;
  const note = noteText();
  state.busy = true;
  const r = await api('POST', '/v1/decisions', { decision, reason: shared, note,
    comments: picked.map((c) => ({ id: c.id, site: c.site || '', expectedVersion: c.version, reason: own(c) })) });
  state.busy = false;
  if (r.status !== 200) {
    if (r.status === 401) notApplied('your ' + decision.toLowerCase() + ' of ' + picked.length + ' selected comment' + (picked.length === 1 ? '' : 's'));
    else message((r.body && r.body.message) || 'The decision failed (' + r.status + ').', 'error');
    return;
  }
  $('note').value = '';
  let ok = 0;
  const conflicts = [];
  const failed = [];
  const kept = [];  // escalated, and not this moderator's to decide
  for (const item of r.body.results) {
    const id = siteRef(item.site, item.id);  // as it was asked for
    if (item.status === 200) {
      ok++;
      state.selected.delete(id);
      replace(id, item.comment, true);
    } else if (item.status === 409 && item.comment) {
      conflicts.push(label(item.comment));
      state.selected.delete(id);
      update(id, item.comment, true);
    } else if (item.status === 403 && item.comment) {
      kept.push(label(item.comment));
      state.selected.delete(id);
    } else {
      // Named as the list shows it, with its site: the answer's id alone was either of two sites' comments.
      const asked = picked.find((c) => ref(c) === id) || { id: item.id, site: item.site };
      failed.push(label(asked) + ': ' + (item.error ? item.error.message : item.status));
    }
  }
  renderList();
  const why = decision !== 'REJECT' ? '' : shared ? ' (' + shared + ')' : ' (each for its top attribute)';
  let text = PAST[decision] + ' ' + ok + ' comment' + (ok === 1 ? '' : 's') + why + '.';
  if (conflicts.length) text += ' ' + conflicts.join(', ') + ' changed meanwhile (another decision, or readers\' reports): shown as they are now.';
  if (kept.length) text += ' Left ' + kept.join(', ') + ' as escalated: ' + RESERVED;
  if (failed.length) text += ' Failed: ' + failed.join('; ');
  message(text, conflicts.length ? 'conflict' : failed.length || kept.length ? 'error' : 'info');
  refreshCounts();
}

// Someone decided first, or readers reported it meanwhile (each report is a version, and no decision
// closes reports since): show the comment as it is now, and say which.
function conflict(mine, now) {
  update(ref(mine), now);
  const reported = now.status === mine.status && now.decidedBy === mine.decidedBy && now.openReports > mine.openReports;
  message((reported ? 'Readers reported ' + label(now) + ' meanwhile (' + now.openReports + ' open, version ' + now.version + ')'
    : 'Someone else decided ' + label(now) + ' first (now ' + now.status + ', version ' + now.version + ')')
    + '. Its current state is shown; decide again if needed.', 'conflict');
}

// A decided comment: leaves the list if it no longer belongs here, the next one becomes current.
function replace(id, now, deferRender) {
  const i = state.comments.findIndex((x) => ref(x) === id);
  if (i < 0) return;
  if (belongs(now, state.queue)) {
    state.comments[i] = now;
  } else {
    state.comments.splice(i, 1);
    if (state.total < COUNT_LIMIT) state.total = Math.max(0, state.total - 1); // one decided leaves "10,000+" as it is
    state.selected.delete(id);
    if (i < state.index) state.index--;
  }
  if (!deferRender) renderList();
}

// A comment changed elsewhere: kept in place, in its new state, so the moderator sees what happened.
function update(id, now, deferRender) {
  const i = state.comments.findIndex((x) => ref(x) === id);
  if (i < 0) return;
  state.comments[i] = now;
  if (!deferRender) {
    renderList();
    const li = $('comments').children[i];
    if (li) li.classList.add('changed');
  }
}

// ---------- bulk selection ----------

// From a key (Space, x) the focus is on the comment, not its box, so nothing says the box changed: the
// outcome is read out. A click on the box itself is heard as the box's own state.
function toggleSelected(id, announce) {
  if (state.selected.has(id)) state.selected.delete(id); else state.selected.add(id);
  const on = state.selected.has(id);
  const li = [...$('comments').children].find((x) => refOfCard(x) === id);
  if (li) {
    li.classList.toggle('checked', on);
    li.querySelector('input.pick').checked = on;
  }
  renderBulk();
  const c = state.comments.find((x) => ref(x) === id);
  if (announce && c) message((on ? 'Selected ' + label(c) + ' for bulk' : 'Unselected ' + label(c)) + ' (' + state.selected.size + ' selected).');
}

function renderBulk() {
  const n = state.selected.size;
  $('bulk').hidden = n === 0;
  $('bulk-count').textContent = n + ' selected';
}

function clearSelection() {
  state.selected.clear();
  renderList();
}

// ---------- keyboard ----------

// A modal <dialog>: it was a box over the page that took no focus, and Tab went on through the page behind it.
function toggleHelp(show) {
  const h = $('help');
  const open = show === undefined ? !h.open : show;
  if (open && !h.open) h.showModal(); else if (!open && h.open) h.close();
}

// The single-character keys (letters, digits, ?) can be turned off in the help, for this browser:
// a speech-input user's stray word would otherwise decide the comment that has the focus (WCAG 2.1.4).
// The buttons, the arrows in the list and Esc go on working.
const SINGLE_KEYS = 'parley.singleKeys';

function readSingleKeys() {
  try { return localStorage.getItem(SINGLE_KEYS) !== 'off'; } catch (e) { return true; }  // storage refused: on
}

function setSingleKeys(on) {
  state.singleKeys = on;
  try {
    if (on) localStorage.removeItem(SINGLE_KEYS); else localStorage.setItem(SINGLE_KEYS, 'off');
  } catch (e) { /* storage refused: for this page only */ }
  renderKeyHints();
}

/** The setting in the help, and the keys named in titles only while they work. */
function renderKeyHints() {
  const on = state.singleKeys;
  $('single-keys').checked = on;
  $('help-where').textContent = on ? 'They act while the focus is on the comment list or the panel beside it.'
    : 'Single-key shortcuts are off in this browser: use the buttons; in the list, ↓ ↑ move and Space selects.';
  renderDecisionButtons();
  $('bulk-approve').title = 'Approve all selected' + (on ? ' (Shift+A)' : '');
  $('bulk-reject').title = 'Reject all selected' + (on ? ' (Shift+R)' : '');
  [...$('tabs').children].forEach((b, i) => { b.title = on ? 'Key ' + (i + 1) : ''; });
  for (const box of $('comments').querySelectorAll('input.pick')) box.title = 'Select for bulk' + (on ? ' (x)' : '');
}

/** Keys that act once per press, however long it is held. */
const ONCE = new Set(['a', 'r', 'e', 'x', 'A', 'R']);

// Where the keys act: the comment list and the panel about the comment on show, and nowhere else
// (WCAG 2.1.4, "active only on focus"). They acted wherever the focus was outside a text field, so a
// stray "a" on a tab, a button or the page's body approved the comment on show.
function inQueue(t) {
  return !!t && t !== document.body && !!t.closest('.list-pane, #detail');
}

function onKey(e) {
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
  if (e.repeat && ONCE.has(e.key)) { e.preventDefault(); return; }
  const keys = {
    j: () => select(state.index + 1, true),
    k: () => select(state.index - 1, true),
    a: () => decide('APPROVE'),
    r: () => decide('REJECT'),
    e: () => decide('ESCALATE'),
    x: () => { if (current()) toggleSelected(ref(current()), true); },
    A: () => decideSelected('APPROVE'),
    R: () => decideSelected('REJECT'),
    g: () => load(current() && ref(current())),
    n: () => $('note').focus(),
  };
  const digit = Number(e.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= QUEUES.length) {
    e.preventDefault();
    switchQueue(QUEUES[digit - 1]);
    return;
  }
  const f = keys[e.key];
  if (f) {
    e.preventDefault();
    f();
  }
}

// ---------- start ----------

function init() {
  buildTabs();
  const reason = $('reason');
  REASONS.forEach((r) => reason.append(new Option(r.replace(/_/g, ' '), r)));
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('help-button').addEventListener('click', () => toggleHelp());
  $('help-close').addEventListener('click', () => toggleHelp(false));
  $('help').addEventListener('click', (e) => { if (e.target === $('help')) toggleHelp(false); });
  reason.addEventListener('change', () => { state.reasonPicked = true; });
  state.singleKeys = readSingleKeys();
  renderKeyHints();
  $('single-keys').addEventListener('change', (e) => setSingleKeys(e.target.checked));
  // Turned off or on in another tab of this browser: so here too.
  window.addEventListener('storage', (e) => {
    if (e.key === SINGLE_KEYS || e.key === null) { state.singleKeys = readSingleKeys(); renderKeyHints(); }
  });
  $('approve').addEventListener('click', () => decide('APPROVE'));
  $('reject').addEventListener('click', () => decide('REJECT'));
  $('escalate').addEventListener('click', () => decide('ESCALATE'));
  $('bulk-approve').addEventListener('click', () => decideSelected('APPROVE'));
  $('bulk-reject').addEventListener('click', () => decideSelected('REJECT'));
  $('bulk-clear').addEventListener('click', clearSelection);
  // Enter or Esc leaves the note for the comment on show, where a, r or e decide with it (a blur
  // left the focus on the page's body: a screen reader then read nothing).
  $('note').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    const li = $('comments').children[state.index];
    if (li) li.focus({ preventScroll: true }); else e.target.blur();
  });
  $('more').addEventListener('click', loadMore);
  $('site').addEventListener('change', (e) => {
    state.site = e.target.value;
    state.article = '';       // an article of the site before may have none of this one's comments
    state.articles.clear();
    state.index = 0;
    e.target.blur();
    load();
  });
  // Not followed: the address's hash holds the queue. One column wide, the panel is after the whole list.
  $('to-panel').addEventListener('click', (e) => {
    e.preventDefault();
    $('detail').focus();
  });
  $('article').addEventListener('change', (e) => {
    state.article = e.target.value;
    state.index = 0;
    e.target.blur();
    load();
  });
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', () => { if (state.user) { readHash(); load(); } });

  checkSession();
}

init();
