// The page's colour scheme: the system's (the default), or light or dark, picked in the header's Colours menu and kept
// in this browser (localStorage, as the single-key setting is; other tabs follow). Until the forty-fifth session the
// system's setting alone chose, so a moderator whose system is light could not have the page dark on a night shift.
// dark.css holds the dark colours, linked for the system's dark setting: a choice sets its media to all or to none.
// A classic script in the head, not a module: it runs before the page is first drawn (a module runs after the whole
// page is parsed), so a page kept dark on a light system does not show light first. It imports and exports nothing.
(() => {
  const KEY = 'parley.scheme';
  const SYSTEM = '(prefers-color-scheme: dark)';

  function stored() {
    try {
      const s = localStorage.getItem(KEY);
      return s === 'light' || s === 'dark' ? s : '';
    } catch (e) { return ''; }  // storage refused: the system's
  }

  // '' the system's, 'light' or 'dark'.
  function apply(scheme) {
    document.getElementById('dark-scheme').media = scheme === 'dark' ? 'all' : scheme === 'light' ? 'not all' : SYSTEM;
    document.querySelector('meta[name="color-scheme"]').content = scheme || 'light dark';
    const menu = document.getElementById('scheme');
    if (menu) menu.value = scheme;
  }

  apply(stored());
  document.addEventListener('DOMContentLoaded', () => {
    const menu = document.getElementById('scheme');
    menu.value = stored();
    menu.addEventListener('change', () => {
      try {
        if (menu.value) localStorage.setItem(KEY, menu.value); else localStorage.removeItem(KEY);
      } catch (e) { /* storage refused: for this page only */ }
      apply(menu.value);
    });
  });
  // Chosen in another tab of this browser: so here too.
  window.addEventListener('storage', (e) => { if (e.key === KEY || e.key === null) apply(stored()); });
})();
