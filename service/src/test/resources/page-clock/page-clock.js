// ModeratorUiTest's clock for the moderator page, installed before the page's own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument) by the tests that wait on the page's timers: the undo offer's 15 s, the
// session's warning and end, the poll's interval and back-off, the news's fade. Date.now and setTimeout run as the
// browser's do, and pageClock.pass(ms) moves both on at once, as that much time passing would: each timer then due
// runs (in the order they were due), and the rest are due that much sooner. The tests wait seconds of the page's time
// without waiting them. The page uses no other clock (setInterval, performance.now, new Date() of now): a page that
// did would need it here too.
(() => {
  const now = Date.now.bind(Date), set = window.setTimeout.bind(window), unset = window.clearTimeout.bind(window);
  const timers = new Map();  // id -> { due (on this clock), run, real (the browser's timer) }
  let passed = 0, last = 0;

  const arm = (id, t) => {
    t.real = set(() => { timers.delete(id); t.run(); }, Math.max(0, t.due - Date.now()));
  };
  Date.now = () => now() + passed;
  window.setTimeout = (f, ms, ...args) => {
    const id = ++last, t = { due: Date.now() + Math.max(0, Number(ms) || 0), run: () => f(...args) };
    timers.set(id, t);
    arm(id, t);
    return id;
  };
  window.clearTimeout = (id) => {
    const t = timers.get(id);
    if (t) unset(t.real);
    timers.delete(id);
  };
  // Resolves once the timers that came due have run (the browser runs timers of equal delay in the order set).
  window.pageClock = {
    pass(ms) {
      passed += ms;
      [...timers].sort((a, b) => a[1].due - b[1].due).forEach(([id, t]) => { unset(t.real); arm(id, t); });
      return new Promise((resolve) => set(resolve, 0));
    },
  };
})();
