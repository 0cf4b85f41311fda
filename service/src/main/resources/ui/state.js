// What the moderator page holds: its fixed lists, the one shared state object every module reads and changes, and
// how it names an article or a comment (site and id).

// Published last: every comment on show, the policy's too, so that a moderator reaches one no reader reported (a
// moderator's sixth audit: a threat the model published could not be found).
export const QUEUES = ['PENDING', 'REPORTED', 'ESCALATED', 'AUTO_REJECTED', 'APPROVED', 'REJECTED', 'PUBLISHED'];
export const QUEUE_NAMES = {
  PENDING: 'Pending', REPORTED: 'Reported', ESCALATED: 'Escalated',
  AUTO_REJECTED: 'Auto-rejected', APPROVED: 'Approved', REJECTED: 'Rejected', PUBLISHED: 'Published',
};
export const REASONS = ['insult', 'threat', 'identity_attack', 'profanity', 'severe_toxicity', 'toxicity', 'spam', 'off_topic', 'other'];
export const PAGE = 100;
// The server counts a queue up to this many (QueueReads.COUNT_LIMIT); a count of it means that many or more.
export const COUNT_LIMIT = 10000;
export const shownCount = (n) => n >= COUNT_LIMIT ? COUNT_LIMIT.toLocaleString('en') + '+' : String(n);

export const state = {
  user: null,
  queue: 'PENDING',
  site: '',          // the site the lists are narrowed to ('' every site); a moderator of one site has only theirs
  article: '',       // the article the lists are narrowed to, siteRef(site, id); '' every article
  author: '',        // the author the lists are narrowed to, siteRef(site, name) (a name is its site's); '' every author
  search: '',        // what the lists are narrowed to by the search (a comment's id, or words its text holds); '' none
  found: '',         // the search the list on show was loaded with, whose words its cards and panel outline (not one still loading or failed)
  comments: [],      // as the API sent them, in its order (open queues: highest risk first)
  total: 0,
  counts: null,      // each queue's count as the tabs last showed it (narrowed as the list is); null before any
  next: null,        // the server's cursor for the page after the last one shown; null at the end
  index: 0,
  selected: new Set(),
  changed: new Set(),  // the comments shown as they are now after a change elsewhere (their cards' left border)
  edits: 0,            // counts each change to the list but a poll's: a poll's answer read before one is dropped (poll.js)
  articles: new Map(), // siteRef(site, id) -> {site, id, title}, from the article list and every comment seen
  busy: false,
  shownTo: null,       // the username whose queue the page holds, kept past the end of their session
  reasonPicked: false, // the moderator chose the menu's reason since moving to this comment
  singleKeys: true,    // the single-character keys act (WCAG 2.1.4: they can be turned off, per browser)
  namesSites: true,    // messages name a comment's site (label): the moderator has more than one; kept past the session's end
};

// Which article or comment: its site and its id, one string (a Map key, a Set member). Ids are each site's own
// (changesets 15 and 16), so two sites' article 42 are two articles, two entries in the menu, and a moderator of two
// sites may have two comments 12345 in one list. '' as the site: one stored before sites were kept, or an address
// that named no article's site (every article with the id, of the moderator's sites).
export function siteRef(site, id) {
  return (site || '') + '\n' + id;
}

// Whether the service reads a search's words in the texts, or takes it as a comment's id alone: it needs three letters
// or digits in a row (QueueReads.Narrowing.WORD).
export const readsText = (search) => /[\p{L}\p{N}]{3}/u.test(search);

export function articleOf(ref) {
  const i = ref.indexOf('\n');
  return { site: ref.slice(0, i), id: ref.slice(i + 1) };
}

// Which comment, on this page; each call about a comment names its site too (?site=, '' for one stored before sites
// were kept), or the service would ask which.
export function ref(c) {
  return siteRef(c.site, c.id);
}

export function refOfCard(li) {
  return siteRef(li.dataset.site, li.dataset.id);
}

export function siteQuery(c) {
  return '?site=' + encodeURIComponent(c.site || '');
}

export function current() {
  return state.comments[state.index];
}
