// The moderator page's session: the log-in form, the log-out, and the session's end, told before it comes.
import { current, ref, state } from './state.js';
import { $, clear, clearMessages, el, message } from './dom.js';
import { api, notNow, notNowCause, retryWait } from './api.js';
import { forget, load, readHash } from './queue.js';
import { toggleHelp } from './keys.js';

export function sessionEnded() {
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
  if (r.status === 200 && r.body.username !== state.user.username) return becomeTheirs(r.body);
  if (r.status === 200 && typeof r.body.expiresInSeconds === 'number') {
    if (r.body.expiresInSeconds * 1000 > SESSION_WARNING_MS) $('session-note').textContent = '';
    sessionEnds = Date.now() + Math.max(1, r.body.expiresInSeconds) * 1000;
  }
  planSession();
}

// Another moderator logged in in another window of this browser: the cookie, and every request, are theirs now. The
// page becomes theirs too (showApp forgets what it held), rather than go on showing this one's name over decisions
// recorded under the other's, and says so: their name at the top changing alone would go unseen.
function becomeTheirs(session) {
  const before = state.user.username;
  showApp(session);
  message(session.username + ' has logged in in another window of this browser, so this page is now theirs. Nothing sent'
    + ' as ' + before + ' since then was applied; log out and back in as ' + before + ' to go on as before.', 'error');
}

// A call refused because the session is another moderator's (api.js, 412): whose it is is asked once, many such answers
// at once (a poll's two calls) asking once.
let switching = null;
export function sessionSwitched() {
  if (!switching) switching = api('GET', '/v1/session').then((r) => {
    switching = null;
    if (!state.user) return;
    if (r.status === 401) return sessionEnded();
    if (r.status === 200 && r.body.username !== state.user.username) becomeTheirs(r.body);
  });
}

// A hidden tab's timers may fire late (browsers throttle them), and a sleeping computer's not at all: when the page is
// shown again, the time left is read afresh from the clock, and once the warning is due, from the service.
export function sessionShown() {
  if (document.hidden || !state.user) return;
  // Asked each time the tab is shown again: a log-in in another tab is the likeliest then.
  clearTimeout(sessionTimer);
  checkSessionEnd();
}

function warnSession(left) {
  const note = $('session-note');
  if (note.textContent) return;  // said once: a live region read out again at each change would only interrupt
  // Its zone named, as the panel's times are (dom.js, when): timeStyle refuses timeZoneName beside it.
  const at = new Date(Date.now() + left).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const minutes = Math.round(left / 60000);
  note.textContent = 'Your session ends at ' + at + (minutes < 1 ? ', in less than a minute' : ', in ' + minutes
    + ' minute' + (minutes === 1 ? '' : 's')) + '. The page will then ask you to log in again, and keep your place.';
}

// ---------- log-in ----------

function showLogin(error) {
  $('app').hidden = true;
  // An alert stays until the next message: one about the queue before the log-in was still shown after it.
  clearMessages();
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

export async function login(event) {
  event.preventDefault();
  const button = $('login-button');
  button.disabled = true;
  const r = await api('POST', '/v1/session', { username: $('username').value, password: $('password').value });
  button.disabled = false;
  if (r.status === 200) {
    $('password').value = '';
    delete r.body.token;  // the cookie (HttpOnly) carries it; kept in the page, a script bug could read it
    showApp(r.body);
  } else {
    const e = $('login-error');
    // A 429 here is the log-in throttle's (said in the API's words until a moderator's fifth audit, sixty-fourth
    // session); any other "not now" is the service's state.
    e.textContent = r.status === 401 ? 'Wrong username or password.'
      : r.status === 429 ? 'Too many log-in attempts from this address. Try again ' + retryWait(r) + '.'
      : notNow(r, 'you were not logged in') || (r.body && r.body.message) || 'Log-in failed (' + r.status + ').';
    e.hidden = false;
    $('password').value = '';
    $('password').focus();
  }
}

export async function logout() {
  const r = await api('DELETE', '/v1/session');
  if (r.status === 412) return;  // another moderator's session now (api.js): the page becomes theirs, and says so
  // Not ended (the database holds sessions): the log-in form would say otherwise, and a reload would come back in.
  const later = notNow(r, 'you were not logged out');
  if (later) return message(later, 'error');
  state.user = null;
  forget();
  $('username').value = '';  // a log-out hands the browser on (a shared desk): the form kept the name typed before
  // The next moderator at this browser starts from the default queue, not from the filters of the one before, which
  // the address kept (an article of a site the next may not moderate, say).
  state.queue = 'PENDING';
  state.site = '';
  state.article = '';
  state.author = '';
  history.replaceState(null, '', location.pathname + location.search);
  showLogin();
}

// A session may still be valid while the database is down (503) or the service restarts: say so
// and ask again, rather than show an empty log-in form.
export async function checkSession() {
  const r = await api('GET', '/v1/session');
  if (state.user) return;  // logged in meanwhile
  if (r.status === 200) return showApp(r.body);
  if (r.status === 401) return showLogin();
  const cause = notNowCause(r);
  const why = (cause ? cause + ', so your session could not be checked.'
    : (r.body && r.body.message) || 'The service could not check your session (' + r.status + ').')
    + ' Trying again ' + retryWait(r) + '…';
  const shown = $('login-error');
  if ($('login').hidden) showLogin(why);
  // Keep what is being typed; and the same words are not written again at each try (a third accessibility audit): an
  // alert whose text is set again is said again, every 5 s, while the moderator types.
  else if (shown.hidden || shown.textContent !== why) { shown.textContent = why; shown.hidden = false; }
  setTimeout(checkSession, (r.retryAfter || 5) * 1000);
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
