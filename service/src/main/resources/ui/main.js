// The moderator page's entry module (index.html loads it; it imports the rest): wires the page's controls and starts.
// Plain DOM, no framework and no build step: native ES modules, served as they are. Every string from the API
// (comment text, author, article title, history, stance targets) goes in through textContent or text nodes, never as
// HTML: comments are written by anyone.
//
//   state.js      constants, the shared state object, site-and-id references, the comment on show
//   dom.js        el, clear, isolated, pct, when; the toolbar's More (a phone's); the live regions' messages; a reader's
//                 text with its marks
//   api.js        the fetch wrapper; "not now" answers (503, 429, no connection) in a moderator's words
//   session.js    log-in, log-out, the session's end and its warning
//   queue.js      the hash, queue tabs and counts, the site and article menus, load and "Load more"
//   poll.js       the list read again every so often while the tab is visible, merged under the moderator
//   list.js       the comment cards and the one on show
//   detail.js     the panel: thread, reports, history
//   decisions.js  decide, bulk selection and decisions, conflicts
//   keys.js       the keyboard, the help, the single-key setting
// (scheme.js, the colour scheme picked in the header, is no module: a classic script the head loads, before this.)
//
// Modules call one another both ways (list.js and decisions.js, say): legal, since each only declares things as it
// loads and nothing runs before init, which comes last (no module imports main.js). Each module has its own top-level
// names, so what another uses is exported; a `let` another changes is not, since imports are read-only.
import { REASONS, articleOf, state } from './state.js';
import { $, showOptions, undoLeft, undoOffered } from './dom.js';
import { checkSession, login, logout, sessionShown } from './session.js';
import { buildTabs, everyAuthor, load, loadMore, readHash, search } from './queue.js';
import { focusList } from './list.js';
import { pollShown } from './poll.js';
import { clearSelection, decide, decideSelected, renderRejectReason } from './decisions.js';
import { SINGLE_KEYS, onKey, readSingleKeys, renderKeyHints, setSingleKeys, toggleHelp } from './keys.js';

// ---------- start ----------

function init() {
  buildTabs();
  const reason = $('reason');
  REASONS.forEach((r) => reason.append(new Option(r.replace(/_/g, ' '), r)));
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  document.addEventListener('visibilitychange', sessionShown);
  document.addEventListener('visibilitychange', pollShown);
  $('help-button').addEventListener('click', () => toggleHelp());
  $('help-close').addEventListener('click', () => toggleHelp(false));
  $('help').addEventListener('click', (e) => { if (e.target === $('help')) toggleHelp(false); });
  reason.addEventListener('change', () => { state.reasonPicked = true; renderRejectReason(); });
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
  $('undo').addEventListener('click', undoOffered);
  // The offer stays while the button has the focus or the pointer (dom.js, expire), and has its 15 s again after.
  $('undo').addEventListener('blur', undoLeft);
  $('undo').addEventListener('mouseleave', undoLeft);
  // Enter or Esc leaves the note for the comment on show, where a, r or e decide with it (a blur
  // left the focus on the page's body: a screen reader then read nothing).
  $('note').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    const li = $('comments').children[state.index];
    if (li) li.focus({ preventScroll: true }); else e.target.blur();
  });
  $('more').addEventListener('click', loadMore);
  $('author-clear').addEventListener('click', everyAuthor);
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search($('search').value);
  });
  $('search-clear').addEventListener('click', () => search(''));
  // Esc goes back to the comment on show, the search on show put back in the field (the browser's own Esc emptied it,
  // which read as every comment while the list was still narrowed).
  $('search').addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    $('search').value = state.search;
    focusList();
  });
  $('toolbar-more').addEventListener('click', (e) => showOptions(e.currentTarget.getAttribute('aria-expanded') !== 'true'));
  givesBackTheFocus($('site'), () => {
    state.site = $('site').value;
    state.article = '';       // an article of the site before may have none of this one's comments
    state.author = '';        // nor its author, a name of that site's
    state.articles.clear();
    load();
  });
  // Not followed: the address's hash holds the queue. One column wide, the panel is after the whole list.
  $('to-panel').addEventListener('click', (e) => {
    e.preventDefault();
    $('detail').focus();
  });
  givesBackTheFocus($('scheme'), () => {});  // scheme.js applies the choice
  givesBackTheFocus($('article'), () => {
    state.article = $('article').value;
    // Another site's article has none of this author's comments: its reader of the name is another person, whose
    // comments the list showed under this one's name (a moderator's audit, sixty-seventh session).
    if (state.author && state.article && articleOf(state.article).site !== articleOf(state.author).site) state.author = '';
    load();
  });
  document.addEventListener('keydown', onKey);
  // On a phone the controls stay at the top (app.css): the comment brought into view stops below them, however tall
  // they wrap.
  new ResizeObserver(() => document.documentElement.style.setProperty('--controls-height', $('controls').offsetHeight + 'px'))
    .observe($('controls'));
  window.addEventListener('hashchange', () => {
    if (!state.user) return;
    readHash();
    $('search').value = state.search;  // the address's, even where the field has the focus
    load();
  });

  checkSession();
}

// A menu's choice with the pointer, or Enter or Esc on the menu, gives the focus back to the comment on show, where the
// keys act; the arrows on the closed menu keep it there, each choice applied, for stepping through them (WCAG 3.2.2). The
// Colours menu kept the focus after any choice, so the next key did nothing until a Tab; the site and article menus gave
// it to the list at the first arrow, so the third article was reached by tabbing back each time (a moderator's fifth
// audit, sixty-fourth session).
function givesBackTheFocus(menu, choose) {
  let trying = false;  // the value changes from an arrow or a letter on the closed menu: each is applied, the focus stays
  const back = () => { if (state.user) focusList(); else menu.blur(); };
  menu.addEventListener('focus', () => { trying = false; });
  menu.addEventListener('pointerdown', () => { trying = false; });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      back();
    } else {
      // Space, Alt+ArrowDown and F4 open its list, where a choice is made with Enter (unseen here): that one gives back.
      trying = !(e.key === ' ' || e.key === 'F4' || e.altKey);
    }
  });
  menu.addEventListener('change', () => {
    choose();
    if (!trying) back();
  });
}

init();
