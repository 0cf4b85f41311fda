// The moderator page's one way to the service: JSON in and out, with the session cookie.
import { sessionEnded, sessionSwitched } from './session.js';
import { state } from './state.js';

// Never throws: an unreachable service, or a connection closed before the answer (as a stopping instance does), is
// status 0. A 401 on any call but the session's own ends the session on the page. retryAfter: the answer's
// Retry-After in seconds (429, 503), else null.
//
// Each call but the session's own names the moderator on show (X-Parley-Moderator), the log-out too: the browser sends
// its one session cookie from every window, so after a log-in as another moderator in another window this page's key
// presses would be recorded as theirs, and its Log out end their session. The service refuses such a call (412), and the
// page becomes the session's moderator's.

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (state.user && (path !== '/v1/session' || method === 'DELETE')) init.headers['X-Parley-Moderator'] = encodeURIComponent(state.user.username);
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
  if (res.status === 412 && json && json.field === 'X-Parley-Moderator') sessionSwitched();
  const after = Number(res.headers.get('Retry-After'));
  return { status: res.status, body: json, retryAfter: Number.isInteger(after) && after > 0 ? after : null };
}

// Answers that say "not now" rather than "not this": the service unreachable (status 0), restarting, stopping or
// without its database (503; 502 and 504 from a balancer in front of it), or this page's requests too many (429).
// The API's messages for them are written for programs ("send it again (to another instance, …)"), so the page
// says what happened in a moderator's words, `what` being the outcome ("your reject of #7 was not applied"), and
// when to try again, from Retry-After. Null for any other answer, whose own message says what was wrong.
export function notNow(r, what) {
  const cause = notNowCause(r);
  return cause && cause + ', so ' + what + '. Try again ' + retryWait(r) + '.';
}

/** Why an answer says "not now", in a moderator's words (notNow); null for any other. */
export function notNowCause(r) {
  if (r.status === 429) return 'This page sent too many requests just now';
  if (r.status === 0) return 'The service cannot be reached (it may be restarting)';
  if (r.status >= 502 && r.status <= 504) return 'The service is restarting or its database is unavailable';
  return null;
}

/** "in 5 seconds", from Retry-After; "in a few seconds" without one. */
export function retryWait(r) {
  return r.retryAfter ? 'in ' + r.retryAfter + ' second' + (r.retryAfter === 1 ? '' : 's') : 'in a few seconds';
}
