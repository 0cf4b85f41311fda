// The moderator page's poll: the queue on show read again every so often while the tab is visible, so that a moderator
// left on one comment learns of new comments, and of other moderators' decisions and sites' erasures on the list's
// cards, without a move, a decision or a reload (g); until the forty-seventh session the page learnt of them only then.
// The answer is merged without disturbing the moderator: the comment on show stays on show, where it is on the screen,
// with the focus; new comments come in after it; a card changed elsewhere is shown as a 409 would show it. Nothing is
// said but what the panel would say of the comment on show, and how many comments came in (politely: news, below), and
// a poll that fails is tried again later, quietly.
import { PAGE, QUEUE_NAMES, current, ref, siteQuery, state } from './state.js';
import { $, message } from './dom.js';
import { api } from './api.js';
import { learnArticles, loadInFlight, loadNumber, loadSites, query, renderTabs } from './queue.js';
import { belongs, changedQuietly, label, sayChanged } from './decisions.js';
import { redrawList } from './list.js';

// Seconds between two reads of the list: the address's ?poll= (the tests use 1), else the session's pollSeconds (the
// service's moderation.pollSeconds, 20 by default; until the forty-seventh session the address alone set it), else 20.
const seconds = (n) => Number.isInteger(n) && n >= 1 && n <= 3600;
const asked = Number(new URLSearchParams(location.search).get('poll'));
const every = () => (seconds(asked) ? asked : state.user && seconds(state.user.pollSeconds) ? state.user.pollSeconds : 20) * 1000;
// A failed read waits twice as long each time, up to five minutes (or the interval, if longer): no storm of requests at
// a service that is restarting, nor of errors on the page, which says nothing of it.
const longest = () => Math.max(every(), 5 * 60 * 1000);
// The service's largest page (QueueResource.MAX_PAGE): a list longer is read again in its first this many.
const MAX_PAGE = 200;
// Comments gone from the queue, read one by one to show how they are now: at most this many a poll, the rest next time.
const ASK = 10;

let timer = null;
let failures = 0;
let lastRead = 0;  // Date.now() when the list was last read, by a load or a poll

function schedule(ms) {
  clearTimeout(timer);
  timer = setTimeout(tick, ms);
}

/** The list was loaded: the next poll an interval on, and the news of the list before gone. */
export function listRead() {
  quietNews();
  read();
}

// The list was read (a load, or a poll): the next poll an interval on.
function read() {
  lastRead = Date.now();
  failures = 0;
  schedule(every());
}

/** The tab shown again: a poll due while it was hidden (none is sent then) is sent at once. */
export function pollShown() {
  if (!document.hidden && state.user && Date.now() - lastRead >= every()) schedule(0);
}

async function tick() {
  // Not while hidden, logged out, a decision is being sent or a load is in flight: each would make the answer stale.
  if (document.hidden || !state.user || $('app').hidden || state.busy || loadInFlight()) return schedule(every());
  const outcome = await poll();
  if (outcome === 'read') read();
  else if (outcome === 'failed') schedule(Math.min(longest(), every() * 2 ** ++failures));
  else schedule(every());  // dropped: the list changed meanwhile
}

// An answer read before the list changed otherwise (a load, "Load more", a decision sent or answered, the panel's
// fresher read) may hold a comment as it was before: a decided one would come back. It is dropped, and the next poll
// reads after the change (as "a load that read the queue before a decision" is replaced, queue.js's refreshCounts).
function stale(load, edits) {
  return !state.user || load !== loadNumber() || loadInFlight() || edits !== state.edits || state.busy;
}

async function poll() {
  const load = loadNumber(), edits = state.edits;
  const limit = Math.min(MAX_PAGE, Math.max(PAGE, state.comments.length));
  const [page, counts] = await Promise.all([
    api('GET', '/v1/queue?' + query({ status: state.queue, limit, offset: 0 })),
    api('GET', '/v1/queue/counts?' + query()),
  ]);
  if (stale(load, edits)) return 'dropped';
  if (page.status !== 200) return 'failed';
  const answer = page.body.comments;
  const inAnswer = new Map(answer.map((c) => [ref(c), c]));
  const at = new Map(state.comments.map((c, i) => [ref(c), i]));
  const changed = [];  // [as the list holds it, as it is now]
  for (const [id, now] of inAnswer) {
    const was = state.comments[at.get(id)];
    if (was && now.version > was.version) changed.push([was, now]);  // readers reported it, say
  }
  // Cards still in the queue on the page but not in the answer, where it covers them (the whole queue, or the cards up
  // to the last one it holds): decided elsewhere or erased. Each is read for how it is now.
  const covered = page.body.next ? Math.max(-1, ...answer.map((c) => at.has(ref(c)) ? at.get(ref(c)) : -1)) : Infinity;
  const gone = state.comments.filter((c, i) => i < covered && belongs(c, state.queue) && !inAnswer.has(ref(c))).slice(0, ASK);
  // The comment on show too, where a conflict kept it out of its queue: it stayed as the 409 found it while it was
  // decided again elsewhere (a moderator's sixth audit).
  const showing = current();
  if (showing && !belongs(showing, state.queue) && !inAnswer.has(ref(showing))) gone.push(showing);
  const read = await Promise.all(gone.map((c) => api('GET', '/v1/comments/' + encodeURIComponent(c.id) + siteQuery(c))));
  if (stale(load, edits)) return 'dropped';
  const deleted = new Set();
  gone.forEach((was, k) => {
    if (read[k].status === 200 && read[k].body.version > was.version) changed.push([was, read[k].body]);
    // No longer stored at all (retention deleted it): it leaves the list as an erased one does, where until the
    // forty-seventh session it stayed, its decisions on offer, until a reload.
    else if (read[k].status === 404) {
      deleted.add(ref(was));
      changed.push([was, { ...was, status: 'ERASED' }]);
    }
  });

  const shown = current() && ref(current()), total = state.total;
  let onShow = null;
  for (const [was, now] of changed) {
    if (ref(was) === shown) onShow = [was, now];
    changedQuietly(was, now);
  }
  // New: not in the list, and ranked among its cards. Where the queue holds more than the list (state.next), an answer
  // that reaches past the list's last card (cards decided elsewhere still count in the limit) holds comments that were
  // waiting there all along: "Load more" reads them, and they were added and said as new until the sixty-fourth session
  // (a moderator's fifth audit: 100 cards, 5 decided elsewhere, 5 more a poll, each "new").
  const end = state.next ? Math.max(-1, ...answer.map((c, k) => at.has(ref(c)) ? k : -1)) : answer.length - 1;
  const added = answer.filter((c, k) => k <= end && !at.has(ref(c)));
  added.forEach((c) => insert(c, answer));
  state.total = page.body.total;  // the service's count, read with the answer: what the cards' changes did to it is in it
  if (added.length && document.activeElement !== $('article')) learnArticles(added);  // not from under an open menu
  if (counts.status === 200) renderTabs(counts.body);
  if (document.activeElement !== $('site')) loadSites(load);
  // The count beside the menus too, when only comments past the list's end changed.
  if (changed.length || added.length || state.total !== total) redrawList(!!onShow);
  if (onShow && deleted.has(ref(onShow[0]))) {
    message(label(onShow[0]) + ' is no longer stored: nothing to decide, and gone from the list.', 'conflict');
  } else if (onShow) sayChanged(onShow[0], onShow[1], true);
  news(added.length);
  return 'read';
}

// New comments came in silently until the forty-seventh session: a screen reader user learnt of them at j or from the
// tab's count. They are said in a polite live region of their own (index.html, #news), which waits for the reading of
// the comment on show to end, moves no focus, and leaves the message and its undo offer alone; a poll that adds none
// says nothing. The count adds up until the words go (a second "1 new comment", the same text, would not be read out).
const NEWS_SHOWN_MS = 10000;
let newsCount = 0;
let newsTimer = null;

function news(added) {
  if (!added) return;
  if (!$('news').textContent) newsCount = 0;  // its words went with a decision's message (dom.js): counted anew
  newsCount += added;
  $('news').textContent = newsCount + ' new comment' + (newsCount === 1 ? '' : 's') + ' in ' + QUEUE_NAMES[state.queue] + '.';
  clearTimeout(newsTimer);
  newsTimer = setTimeout(quietNews, NEWS_SHOWN_MS);
}

/** The news of new comments gone: its time is up, or the list it spoke of was loaded again. */
function quietNews() {
  clearTimeout(newsTimer);
  newsCount = 0;
  $('news').textContent = '';
}

// A new comment goes in at its place in the queue's order among the cards after the one on show, before the first of
// them that the answer has after it (at the end if none): never above the comment on show, where it would move the
// card under the moderator's eyes; one that ranks above it comes next, at j.
function insert(c, answer) {
  let pos = state.comments.length;
  for (let k = answer.indexOf(c) + 1; k < answer.length && pos === state.comments.length; k++) {
    const i = state.comments.findIndex((x) => ref(x) === ref(answer[k]));
    if (i > state.index) pos = i;
  }
  state.comments.splice(pos, 0, c);
}
