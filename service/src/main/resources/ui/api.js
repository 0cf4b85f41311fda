// The moderator page's one way to the service: JSON in and out, with the session cookie.
import { sessionEnded } from './session.js';

// Never throws: an unreachable service is status 0. A 401 on any call but the session's own ends the session on the page.

export async function api(method, path, body) {
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
