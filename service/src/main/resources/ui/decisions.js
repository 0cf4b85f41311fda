// The moderator page's decisions: one comment's (a, r, e and the toolbar), the bulk selection's, and what the list
// does with their answers (a decided comment leaves its queue; one changed meanwhile is shown as it is now).
import { COUNT_LIMIT, REASONS, current, ref, refOfCard, siteQuery, siteRef, state } from './state.js';
import { $, isolated, message, pct } from './dom.js';
import { api, notNow } from './api.js';
import { refreshCounts } from './queue.js';
import { focusList, renderList } from './list.js';

// ---------- decisions ----------

// Reject reason from the scores: the most specific attribute that fired, else the rating's attribute.
// The comment's top attribute, as its rating names it: a reject reason becomes a training label
// (scripts/export-decisions), so the page proposes what the model is surest of and no more. A comment a word list
// held whose name is a reason's ("threats") proposes that one: a threat the list held was proposed "insult", its top
// attribute (a moderator's sixth audit).
export function defaultReason(c) {
  const held = c ? heldBy(c) : null;
  const listed = held && held.rule ? held.rule.toLowerCase().replace(/s$/, '') : '';
  if (REASONS.includes(listed)) return listed;
  const r = c && c.rating && c.rating.attribute ? c.rating.attribute.toLowerCase() : '';
  return REASONS.includes(r) ? r : 'toxicity';
}

const PAST = { APPROVE: 'Approved', REJECT: 'Rejected', ESCALATE: 'Escalated' };

// How a message names a comment: by its number, else its id, and for a moderator of several sites (or of every site)
// by its site too, "#9 of a.example": ids and numbers are each site's own, so "Approved 12345." could be either of two
// sites' (the API's 409s and 403s name it so too). A moderator of one site keeps the short form. The id is a reader's
// site's and may hold a direction override: isolated, it cannot reverse the site after it. Set as text, as every message.
export function label(c) {
  const which = c.number !== undefined && c.number !== null ? '#' + c.number : String(c.id);
  return c.site && state.namesSites ? isolated(which) + ' of ' + c.site : which;
}

/**
 * The rule that held the comment whatever its scores, read from the policy's rules: a listed phrase
 * ('phrase "watch your back" (threats) -> REVIEW') or its language ('language ar (not English) -> REVIEW'). The service
 * queues such a comment above its scores (StoredComment.risk): under "SAFE 12%" a threat waited at the queue's end (a
 * moderator's sixth audit). Its badge and why, or null where its scores place it (a band held it too, or it was stored
 * before).
 */
export function heldBy(c) {
  if (!queuedAboveScores(c)) return null;
  const holding = (c.rules || []).filter((r) => !r.endsWith('-> PUBLISH'));
  // A phrase before the language: it is what set the risk (0.95), though the policy writes the language's rule first.
  for (const r of holding) {
    const phrase = /^phrase "(.*)" \((.*)\) -> /.exec(r);
    if (phrase) return { badge: 'HELD · ' + phrase[2], tone: 'high', why: 'the phrase "' + phrase[1] + '" (' + phrase[2] + ')', rule: phrase[2] };
  }
  for (const r of holding) {
    const language = /^language (\S+) \(not English\) -> /.exec(r);
    if (language) return { badge: 'HELD · language ' + language[1], tone: 'medium', why: 'its language, ' + language[1] };
  }
  return null;
}

/** The highest of the comment's six probabilities; its risk, the queue's order, is higher where a rule held it. */
export function topScore(c) {
  return Math.max(0, ...Object.values(c.attributes || {}).map((s) => s.probability));
}

/** Whether its risk is above its own six scores: a sentence of it (the sentence rule), a phrase or its language held it. */
export function queuedAboveScores(c) {
  return c.risk > topScore(c) + 0.0001;
}

/**
 * A card's name as a screen reader says it when the card has the focus: which comment, whose, its rating and status,
 * and whether it is selected for bulk. Named from its content, a card began "Select #8 for bulk", Chromium cut it off
 * after some 400 characters (a stance, a comment's end), and a selection was never heard (a third accessibility audit).
 */
export function cardName(c, selected) {
  const rating = c.rating || { name: 'SAFE' };
  const held = heldBy(c);
  return label(c) + ' by ' + isolated(c.author || 'anonymous') + ', ' + (held ? held.badge : rating.name + ' ' + pct(c.risk)) + ', ' + c.status
    + (c.openReports > 0 ? ', ' + c.openReports + ' report' + (c.openReports > 1 ? 's' : '') : '')
    + (selected ? ', selected for bulk' : '');
}

// The toolbar's note goes with the next decision (an escalation says why to the senior moderator), then clears.
function noteText() {
  const note = $('note').value.trim();
  return note ? note : undefined;
}

// An escalation passes a comment to a senior moderator (moderation.escalationRole), and what a senior decided after it
// stays theirs until they reopen it (seniorOnly): the page says so rather than send a decision the service refuses.
function reserved(c) {
  return c && (c.status === 'ESCALATED' || c.seniorOnly) && !(state.user && state.user.decidesEscalated);
}

const RESERVED = 'Escalated comments are decided by a senior moderator (admin).';
const SENIORS = 'What a senior moderator (admin) decided after an escalation, only a senior decides again.';

function reservedWhy(c) {
  return c.status === 'ESCALATED' ? RESERVED : SENIORS;
}

/** A moderator's decision that the panel offers to undo, for as long as it stands (detail.js). */
export function mayReopen(c) {
  return c.decidedBy === 'MODERATOR' && ['PUBLISHED', 'REJECTED', 'ESCALATED'].includes(c.status) && !reserved(c);
}

const DECISION_KEYS = { approve: 'a', reject: 'r', escalate: 'e' };

export function renderDecisionButtons() {
  const locked = reserved(current());
  for (const id of Object.keys(DECISION_KEYS)) {
    $(id).disabled = locked;
    // The key in words, and for assistive technology (a third accessibility audit: the title "a" was all it said).
    const key = !locked && state.singleKeys ? DECISION_KEYS[id] : null;
    $(id).title = locked ? reservedWhy(current()) : key ? 'Shortcut: ' + key : '';
    if (key) $(id).setAttribute('aria-keyshortcuts', key); else $(id).removeAttribute('aria-keyshortcuts');
  }
  renderRejectReason();
}

/** The reason r and Reject give, on the button: a phone shows it there (app.css), its menu being behind More. As text. */
export function renderRejectReason() {
  const menu = $('reason');
  $('reject-reason').textContent = current() && menu.selectedIndex >= 0 ? menu.options[menu.selectedIndex].text : '';
}

const STILL_SENDING = 'Still sending the last decision: press again once it is answered.';

export async function decide(decision) {
  const c = current();
  if (!c) return;
  if (state.busy) return message(STILL_SENDING, 'error');
  // Only the comment highlighted, whatever the page is doing meanwhile (a list loading, say).
  const card = $('comments').children[state.index];
  if (!card || refOfCard(card) !== ref(c)) return message('The list is changing: decide again once it shows the comment.', 'error');
  if (reserved(c)) return message(reservedWhy(c), 'error');
  const reason = decision === 'REJECT' ? $('reason').value : undefined;
  const note = noteText();
  const what = decision === 'REOPEN' ? 'your undo of the decision on ' + label(c)
    : 'your ' + decision.toLowerCase() + ' of ' + label(c) + (reason ? ' (' + reason + ')' : '');
  state.busy = true;
  const r = await api('POST', '/v1/comments/' + encodeURIComponent(c.id) + '/decision' + siteQuery(c),
    { decision, reason, note, expectedVersion: c.version });
  state.busy = false;
  if (r.status === 200) {
    $('note').value = '';
    const at = state.comments.findIndex((x) => ref(x) === ref(c));
    const list = listOnShow();
    replace(ref(c), r.body);
    if (decision === 'REOPEN') message(BACK(c));  // from the panel: an undo, not offered again
    // An escalation is undone by a senior alone: offered to a moderator, the undo could only be refused (a moderator's
    // fifth audit, sixty-fourth session).
    else if (!mayReopen(r.body)) message(PAST[decision] + ' ' + label(c) + '. ' + RESERVED, 'info');
    else message(PAST[decision] + ' ' + label(c) + (reason ? ' (' + reason + ')' : '') + '.' + undoHint(), 'info',
      () => reopen(r.body, list, at));
  } else if (r.status === 409 && r.body && r.body.current) {
    conflict(c, r.body.current);
  } else if (r.status === 401) {
    notApplied(what);
  } else if (!switched(r)) {
    message(later(r, what) || (r.body && r.body.message) || 'The decision failed (' + r.status + ').', 'error');
  }
  refreshCounts();
}

// ---------- undo ----------

const BACK = (c) => label(c) + ' is back in Pending, unread.';

// A decision made by mistake (a moderator's third audit: it could only be revised from the Approved or Rejected queue,
// never put back unread). The message after it offers Undo (u): a REOPEN at the version the decision made.
function undoHint() {
  return ' Undo' + (state.singleKeys ? ' (u)' : '') + ' puts it back in Pending.';
}

// The comment goes back where it was in the list it left, if that list is still on show, with the focus: it is
// PENDING again, and the keys decide it anew. Sent again after a failure, it counts once, as any decision.
async function reopen(decided, list, at) {
  if (state.busy) return message(STILL_SENDING, 'error', () => reopen(decided, list, at));  // still on offer
  const what = 'your undo of the decision on ' + label(decided);
  state.busy = true;
  const r = await api('POST', '/v1/comments/' + encodeURIComponent(decided.id) + '/decision' + siteQuery(decided),
    { decision: 'REOPEN', expectedVersion: decided.version });
  state.busy = false;
  if (r.status === 200) {
    restore(r.body, list, at);
    message(BACK(decided));
    focusList();
  } else if (r.status === 409 && r.body && r.body.current) {
    restore(r.body.current, list, at);
    conflict(decided, r.body.current);
    focusList();
  } else {
    undoFailed(r, what, () => reopen(decided, list, at));
  }
  refreshCounts();
}

// An undo the service did not apply: said, and offered again where it may yet work (the service back, say), not after a
// refusal that would only come again; {@code again} sends it again.
function undoFailed(r, what, again) {
  if (r.status === 401) return notApplied(what);
  if (switched(r)) return;
  const passing = later(r, what);
  message(passing || (r.body && r.body.message) || 'The undo failed (' + r.status + ').', 'error', passing ? again : undefined);
}

// Which list is on show: its queue and its site, article, author and search filters. An undo after the filters changed
// put the comment in a list of another article's (a moderator's fifth audit, sixty-fourth session).
function listOnShow() {
  return JSON.stringify([state.queue, state.site, state.article, state.author, state.search]);
}

// Whether the list on show holds the comment undone in {@code list}: that list, or the same without its author filter or
// its search (narrowed to an author, a decision, then ×: the comment was not put back, a moderator's audit,
// sixty-seventh session).
function holds(list) {
  const [queue, site, article, author, search] = JSON.parse(list);
  const widened = (was, now) => now === was || !now;
  return queue === state.queue && site === state.site && article === state.article
    && widened(author, state.author) && widened(search, state.search);
}

// The comment as it is now, back in the list at its place (kept in its new state, as a conflict shows one), on show.
// In a wider list than it was decided in, its place there is not known: beside the comment on show.
function restore(now, list, at) {
  const i = putBack(now, list, at);
  if (i < 0) return;
  state.index = i;
  renderList();
}

// restore's change to the list, not drawn: where the comment now is in it, -1 where the list on show is another.
function putBack(now, list, at) {
  if (!holds(list) || now.status === 'ERASED') return -1;
  if (listOnShow() !== list) at = state.index;
  state.edits++;
  state.changed.delete(ref(now));  // this moderator's own undo; a 409's conflict() marks it again
  let i = state.comments.findIndex((x) => ref(x) === ref(now));
  if (i >= 0) {
    recount(state.comments[i], now);
    state.comments[i] = now;
  } else {
    i = Math.max(0, Math.min(at, state.comments.length));
    state.comments.splice(i, 0, now);
    recount(null, now);
  }
  return i;
}

// The service unreachable, restarting or without its database: the comment stays on show with its note, reason and
// selection, for the same key press to send it again. Sent with the version it was sent with before, a decision
// counts once (docs/moderation.md, "Faults"), so it does no harm if the first reached the database after all, as
// one whose connection closed before its answer may have.
function later(r, what) {
  const text = notNow(r, what + (r.status === 0 ? ' may not have been applied' : ' was not applied'));
  return text && text + ' Sent again, a decision counts once.';
}

// Refused because this browser's session is now another moderator's (api.js): the page becomes theirs and says so
// itself (session.js), the decision's own message would only say it in the API's words first.
function switched(r) {
  return r.status === 412 && r.body && r.body.field === 'X-Parley-Moderator';
}

// The session ended as a decision was sent: the log-in form said only that, and back in, the comment
// was still there with nothing to say whether the key press had counted. It did not.
function notApplied(what) {
  const e = $('login-error');
  e.textContent = 'Your session has ended, so ' + what + ' was not applied. Log in again and decide again.';
  e.hidden = false;
}

export async function decideSelected(decision) {
  if (state.busy) return message(STILL_SENDING, 'error');
  const picked = state.comments.filter((c) => state.selected.has(ref(c)));
  if (!picked.length) return message('Nothing selected: press x on comments to select them.', 'error');
  // A reason becomes each comment's training label: one picked in the menu goes to all of them, else
  // each gets its own top attribute, as r would give it (one comment's reason would mislabel the rest).
  const shared = decision === 'REJECT' && state.reasonPicked ? $('reason').value : undefined;
  const own = (c) => decision === 'REJECT' && !shared ? defaultReason(c) : undefined;
  const note = noteText();
  // Where each was, for an undo to put them back in the same order (positions, and the list, as they are now).
  const places = new Map(picked.map((c) => [ref(c), state.comments.indexOf(c)]));
  const list = listOnShow();
  state.busy = true;
  const r = await api('POST', '/v1/decisions', { decision, reason: shared, note,
    comments: picked.map((c) => ({ id: c.id, site: c.site || '', expectedVersion: c.version, reason: own(c) })) });
  state.busy = false;
  if (r.status !== 200) {
    const what = 'your ' + decision.toLowerCase() + ' of ' + picked.length + ' selected comment' + (picked.length === 1 ? '' : 's');
    if (r.status === 401) notApplied(what);
    else if (!switched(r)) message(later(r, what) || (r.body && r.body.message) || 'The decision failed (' + r.status + ').', 'error');
    return;
  }
  $('note').value = '';
  let ok = 0;
  const undoable = [];  // as decided: the undo's REOPEN names the version each decision made
  const conflicts = [];
  const withdrawn = [];  // erased by their sites meanwhile
  const failed = [];
  const kept = [];  // escalated, and not this moderator's to decide
  const seniors = [];  // decided by a senior after an escalation: not this moderator's either
  for (const item of r.body.results) {
    const id = siteRef(item.site, item.id);  // as it was asked for
    if (item.status === 200) {
      ok++;
      if (mayReopen(item.comment)) undoable.push({ comment: item.comment, at: places.get(id) });
      state.selected.delete(id);
      replace(id, item.comment, true);
    } else if (item.status === 409 && item.comment && item.comment.status === 'ERASED') {
      withdrawn.push(label(item.comment));
      replace(id, item.comment, true);
    } else if (item.status === 409 && item.comment) {
      conflicts.push(label(item.comment));
      state.selected.delete(id);
      update(id, item.comment, true);
    } else if (item.status === 403 && item.comment) {
      (item.comment.status === 'ESCALATED' ? kept : seniors).push(label(item.comment));
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
  // Undone as one, as it was made (until the sixty-eighth session a bulk decision had none: each was put back from its
  // panel in Approved or Rejected). An escalation is a senior's to undo, as a single one is.
  if (undoable.length) text += ' Undo' + (state.singleKeys ? ' (u)' : '') + ' puts ' + (undoable.length === 1 ? 'it' : 'them')
    + ' back in Pending.';
  if (conflicts.length) text += ' ' + conflicts.join(', ') + ' changed meanwhile (another decision, or readers\' reports): shown as they are now.';
  if (withdrawn.length) text += ' ' + withdrawn.join(', ') + ' ' + (withdrawn.length === 1 ? 'was' : 'were') + WITHDRAWN;
  if (kept.length) text += ' Left ' + kept.join(', ') + ' as escalated: ' + RESERVED;
  if (seniors.length) text += ' Left ' + seniors.join(', ') + ' as decided: ' + SENIORS;
  if (failed.length) text += ' Failed: ' + failed.join('; ');
  message(text, conflicts.length || withdrawn.length ? 'conflict' : failed.length || kept.length || seniors.length ? 'error' : 'info',
    undoable.length ? () => reopenAll(undoable, list) : undefined);
  refreshCounts();
}

// A bulk decision undone: one REOPEN of them all at the versions it made, each back where it was in the list it left,
// if that list is on show, in its order. One that changed meanwhile is shown as it is now, as a single undo's 409 is.
async function reopenAll(undoable, list) {
  if (state.busy) return message(STILL_SENDING, 'error', () => reopenAll(undoable, list));  // still on offer
  const what = 'your undo of the decision on ' + undoable.length + ' comment' + (undoable.length === 1 ? '' : 's');
  // First to last place, each then landing where it was among those before it; the answers come in the same order.
  const sent = undoable.slice().sort((a, b) => a.at - b.at);
  state.busy = true;
  const r = await api('POST', '/v1/decisions', { decision: 'REOPEN',
    comments: sent.map((u) => ({ id: u.comment.id, site: u.comment.site || '', expectedVersion: u.comment.version })) });
  state.busy = false;
  if (r.status !== 200) {
    undoFailed(r, what, () => reopenAll(undoable, list));
    return refreshCounts();
  }
  const back = [], changed = [], failed = [];
  let drawn = false;  // the list on show holds them: another queue's is left as it is (a check of the mends: drawn
  // again, its comment's fresher read by the panel was told as someone else's decision)
  for (const [k, item] of r.body.results.entries()) {
    const at = sent[k].at;
    if (item.status === 200) {
      back.push(item.comment);
      drawn = putBack(item.comment, list, at) >= 0 || drawn;
    } else if (item.status === 409 && item.comment) {
      changed.push(label(item.comment));
      const i = putBack(item.comment, list, at);
      drawn = i >= 0 || drawn;
      if (i >= 0) state.changed.add(ref(item.comment));
    } else {
      failed.push(item.id + ': ' + (item.error ? item.error.message : item.status));
    }
  }
  if (drawn) {
    if (back.length) state.index = Math.max(0, state.comments.findIndex((c) => ref(c) === ref(back[0])));
    renderList();
  }
  let text = back.length === 1 ? BACK(back[0]) : back.length + ' comments are back in Pending, unread.';
  if (!back.length) text = 'None is back in Pending.';
  if (changed.length) text += ' ' + changed.join(', ') + ' changed meanwhile: shown as ' + (changed.length === 1 ? 'it is' : 'they are') + ' now.';
  if (failed.length) text += ' Failed: ' + failed.join('; ');
  message(text, changed.length ? 'conflict' : failed.length ? 'error' : 'info');
  focusList();
  refreshCounts();
}

const WITHDRAWN = ' withdrawn by the site meanwhile (erased): nothing to decide, and gone from the list.';

/**
 * The panel read a newer version of the comment on show than its card holds (detail.js): shown as it is now, with why,
 * as a decision's 409 would, but before a key is pressed. A comment the moderator has moved on from is left to its 409.
 */
export function changedMeanwhile(card, now) {
  if (current() && ref(current()) === ref(card)) conflict(card, now, true);
}

// Someone decided first, or readers reported it meanwhile (each report is a version, and no decision
// closes reports since): show the comment as it is now, and say which. One its site withdrew (erased: no text,
// no decision takes) leaves the list, and the next one is current. unasked: found by the panel, not by a decision.
function conflict(mine, now, unasked) {
  if (now.status === 'ERASED') replace(ref(mine), now); else update(ref(mine), now);
  sayChanged(mine, now, unasked);
}

/** What a conflict says of a comment changed elsewhere (mine: as the list held it; now: as it is). */
export function sayChanged(mine, now, unasked) {
  if (now.status === 'ERASED') return message(label(now) + ' was' + WITHDRAWN, 'conflict');
  const reported = now.status === mine.status && now.decidedBy === mine.decidedBy && now.openReports > mine.openReports;
  message((reported ? 'Readers reported ' + label(now) + ' meanwhile (' + now.openReports + ' open, version ' + now.version + ')'
    : 'Someone else decided ' + label(now) + (unasked ? ' meanwhile' : ' first') + ' (now ' + now.status + ', version ' + now.version + ')')
    + '. Its current state is shown; decide again if needed.', 'conflict');
}

// Whether a comment in this state still belongs in the queue on screen (the same conditions as the server's).
export function belongs(c, queue) {
  if (c.status === 'ERASED') return false;  // in no queue
  switch (queue) {
    case 'PENDING': return c.status === 'PENDING';
    case 'REPORTED': return c.status === 'PUBLISHED' && c.openReports > 0;
    case 'ESCALATED': return c.status === 'ESCALATED';
    case 'AUTO_REJECTED': return c.status === 'REJECTED' && c.decidedBy === 'RULE';
    case 'APPROVED': return c.status === 'PUBLISHED' && c.decidedBy === 'MODERATOR';
    case 'REJECTED': return c.status === 'REJECTED' && c.decidedBy === 'MODERATOR';
    case 'PUBLISHED': return c.status === 'PUBLISHED';
    default: return true;
  }
}

// The queue's total as the list's comments come and go: one that leaves the queue (decided, here or elsewhere) takes one
// off, one back in it (an undo) adds one; one already out of it (a conflict kept it) left the total then. A total of
// "10,000+" stays as it is. was, now: the comment before and after (null: not in the list).
function recount(was, now) {
  const d = (now && belongs(now, state.queue) ? 1 : 0) - (was && belongs(was, state.queue) ? 1 : 0);
  if (d && state.total < COUNT_LIMIT) state.total = Math.max(0, state.total + d);
}

// A decided comment: leaves the list if it no longer belongs here, the next one becomes current.
function replace(id, now, deferRender) {
  const i = state.comments.findIndex((x) => ref(x) === id);
  if (i < 0) return;
  state.edits++;
  state.changed.delete(id);
  recount(state.comments[i], now);
  if (belongs(now, state.queue)) {
    state.comments[i] = now;
  } else {
    state.comments.splice(i, 1);
    state.selected.delete(id);
    if (i < state.index) state.index--;
  }
  if (!deferRender) renderList();
}

// A comment changed elsewhere: kept in place, in its new state and marked changed (its card's left border), so the
// moderator sees what happened; after a bulk decision's 409 too, where the mark was never added (a moderator's fourth
// audit). One decided elsewhere has left the queue, and its total, as the tab's count says.
function update(id, now, deferRender) {
  const i = state.comments.findIndex((x) => ref(x) === id);
  if (i < 0) return;
  state.edits++;
  recount(state.comments[i], now);
  state.comments[i] = now;
  state.changed.add(id);
  if (!deferRender) renderList();
}

/**
 * A poll (poll.js) found a comment of the list, not the one on show, changed elsewhere: as a 409 would show it, without
 * a message or a new drawing (the poll draws once). An erased one leaves the list; one out of the queue leaves the
 * selection, where a bulk decision would only meet its 409.
 */
export function changedQuietly(was, now) {
  if (now.status === 'ERASED') return replace(ref(was), now, true);
  if (!belongs(now, state.queue)) state.selected.delete(ref(was));
  update(ref(was), now, true);
}

// ---------- bulk selection ----------

// From a key (Space, x) the focus is on the comment, not its box, so nothing says the box changed: the
// outcome is read out. A click on the box itself is heard as the box's own state.
export function toggleSelected(id, announce) {
  if (state.selected.has(id)) state.selected.delete(id); else state.selected.add(id);
  const on = state.selected.has(id);
  const li = [...$('comments').children].find((x) => refOfCard(x) === id);
  const c = state.comments.find((x) => ref(x) === id);
  if (li) {
    li.classList.toggle('checked', on);
    li.querySelector('input.pick').checked = on;
    if (c) li.querySelector('.card-name').textContent = cardName(c, on);
  }
  renderBulk();
  if (announce && c) message((on ? 'Selected ' + label(c) + ' for bulk' : 'Unselected ' + label(c)) + ' (' + state.selected.size + ' selected).');
}

export function renderBulk() {
  const n = state.selected.size;
  $('bulk').hidden = n === 0;
  $('bulk-count').textContent = n + ' selected';
}

export function clearSelection() {
  state.selected.clear();
  renderList();
}
