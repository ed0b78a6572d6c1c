// Modal Lakehouse web UI: the session (token), the router of #/ addresses, the layout.
// Every page is a module function page(root, args, params, ctx) that renders into root.

import * as api from './api.js';
import { h, clear, field } from './dom.js';
import { alertError, say, heading, errorBlock, href } from './ui.js';
import { catalogPage, tablePage } from './catalog.js';
import { historyPage, comparePage } from './history.js';
import { samplesPage, rowPage, videoPage } from './samples.js';
import { chartsPage } from './stats.js';
import { experimentsPage, experimentPage, runsPage } from './experiments.js';

const routes = {
  catalog: catalogPage,
  table: tablePage,
  history: historyPage,
  compare: comparePage,
  samples: samplesPage,
  row: rowPage,
  video: videoPage,
  charts: chartsPage,
  experiments: experimentsPage,
  experiment: experimentPage,
  runs: runsPage,
};

// which item of the main navigation a page belongs to
const section = {
  catalog: 'catalog', table: 'catalog', samples: 'catalog', row: 'catalog', video: 'catalog', charts: 'catalog',
  history: 'history', compare: 'history',
  experiments: 'experiments', experiment: 'experiments', runs: 'experiments',
};

const app = { session: null, seq: 0, first: true };

/** The page address of location.hash: {name, args, params}, or null for a plain anchor. */
function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  if (raw && !raw.startsWith('/')) return null;
  const body = raw.slice(1);
  const qi = body.indexOf('?');
  const path = qi < 0 ? body : body.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? '' : body.slice(qi + 1));
  const parts = path.split('/').filter((x) => x !== '').map((x) => {
    try { return decodeURIComponent(x); } catch { return x; }
  });
  return { name: parts[0] || 'catalog', args: parts.slice(1), params };
}

/** A token handed over in the address (/?token=…, or #/page?token=…) is removed from the
 * address bar (history.replaceState), so it stays in no link, history entry or bookmark.
 * Returns it ('' when the address had an empty one), or null when there was none. */
function takeTokenFromAddress() {
  const search = new URLSearchParams(location.search);
  let token = search.get('token');
  search.delete('token');
  let hash = location.hash;
  const qi = hash.indexOf('?');
  if (qi >= 0) {
    const hp = new URLSearchParams(hash.slice(qi + 1));
    if (hp.has('token')) {
      token = token || hp.get('token');
      hp.delete('token');
      const rest = hp.toString();
      hash = hash.slice(0, qi) + (rest ? `?${rest}` : '');
    }
  }
  if (token === null) return null;
  const q = search.toString();
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${hash}`);
  return token;
}

function showSession() {
  const s = app.session;
  const box = document.getElementById('session');
  const who = s.tenant ? `tenant ${s.tenant}` : 'no tenant';
  document.getElementById('session-text').textContent =
    `${who} · ${s.role}${s.writes ? ' · writes allowed' : ' · read-only here'}`;
  document.getElementById('sign-out').hidden = !api.getToken();
  box.hidden = false;
  document.querySelector('.site-nav').hidden = false;
  document.getElementById('version').textContent = s.version ? `lakehouse ${s.version}` : '';
}

function markNav(name) {
  for (const a of document.querySelectorAll('.site-nav a')) {
    if (a.dataset.nav === section[name]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function route(how) {
  if (!app.session) return;
  const r = parseHash();
  if (!r) return;
  const seq = ++app.seq;
  // this render's own requests: aborted, and their blob: URLs freed, when the next starts
  const scope = api.newPage();
  alertError('');
  if (!(how && how.keepStatus)) say('');
  const main = document.getElementById('main');
  const root = h('div', { class: `page page-${r.name}` });
  clear(main).appendChild(root);
  main.setAttribute('aria-busy', 'true');
  main.dataset.page = r.name;
  delete main.dataset.ready;
  markNav(r.name);
  const page = routes[r.name] || notFound;
  // reload: the same page again after an action, keeping the action's message
  const ctx = { session: app.session, writes: !!app.session.writes, api: scope, reload: () => route({ keepStatus: true }) };
  const focusHeading = !app.first;
  app.first = false;
  const focus = () => {
    const h1 = root.querySelector('h1');
    if (focusHeading && h1 && seq === app.seq) h1.focus({ preventScroll: false });
  };
  // focus the heading as soon as it is there (pages add it first)
  queueMicrotask(focus);
  try {
    await page(root, r.args, r.params, ctx);
  } catch (e) {
    if (seq !== app.seq || e.name === 'AbortError') return;
    if (e.status === 401) return signedOut(e.message);
    // an address the page cannot use says so plainly; a failure of the lake says what failed
    root.appendChild(errorBlock(e, e instanceof api.InputError ? '' : 'This page could not load'));
    alertError(e.message || String(e));
  }
  if (seq !== app.seq) return;
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = 'true';
}

async function notFound(root, args, params) {
  root.appendChild(heading('Page not found'));
  root.appendChild(h('p', null, 'There is no page at this address. ', h('a', { href: href('catalog') }, 'Go to the catalog'), '.'));
}

function signedOut(message) {
  app.seq++; // the page shown is over: its late answers change nothing
  app.session = null;
  api.setToken('');
  document.getElementById('session').hidden = true;
  document.querySelector('.site-nav').hidden = true;
  showLogin(message ? `Your token was not accepted: ${message}` : '');
}

function showLogin(message) {
  api.newPage();
  const main = document.getElementById('main');
  const root = h('div', { class: 'page page-login' });
  clear(main).appendChild(root);
  main.dataset.page = 'login';
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = 'true';
  const input = h('input', {
    type: 'password', name: 'token', id: 'login-token', autocomplete: 'off', spellcheck: 'false', required: true,
  });
  const err = h('p', { class: 'error-inline', id: 'login-error', role: 'alert' });
  if (message) err.textContent = message;
  const form = h('form', { class: 'login-form', id: 'login-form', novalidate: true },
    field('Access token', input, 'A token made with `lakehouse token create`. It is kept in this tab only.'),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
    err);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    input.removeAttribute('aria-invalid');
    const token = input.value.trim();
    if (!token) {
      err.textContent = 'Enter a token.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    try {
      const s = await api.session(token);
      api.setToken(token);
      app.session = s;
      showSession();
      app.first = false;
      if (!location.hash || location.hash === '#' || location.hash === '#/login') location.hash = '#/catalog';
      else route();
      say('Signed in.');
    } catch (e) {
      err.textContent = `Sign-in failed: ${e.message}`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'login-error');
      input.focus();
    }
  });
  root.append(heading('Sign in'), h('p', null, 'This lake needs an access token.'), form);
  document.title = 'Sign in · Modal Lakehouse';
  if (!app.first) input.focus();
}

/** A token put in the address while the tab is open: taken out of it at once, and used
 * when it is not the one in use (then the session is asked again). */
async function onHashChange() {
  const token = takeTokenFromAddress();
  if (token && token !== api.getToken()) {
    api.setToken(token);
    try {
      app.session = await api.session();
    } catch (e) {
      if (e.status === 401) { signedOut(e.message); return; }
      alertError(`The lake could not say who this token is: ${e.message}`);
      return;
    }
    showSession();
  }
  route();
}

async function start() {
  const handed = takeTokenFromAddress();
  if (handed) api.setToken(handed);
  // a 401 to any request of any page: back to the login, with the lake's reason
  api.onUnauthorized((e) => { if (app.session) signedOut(e.message); });
  const main = document.getElementById('main');
  document.getElementById('skip-link').addEventListener('click', (ev) => {
    ev.preventDefault();
    const target = main.querySelector('h1') || main;
    target.focus();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    api.setToken('');
    say('Signed out.');
    signedOut('');
  });
  window.addEventListener('hashchange', () => { onHashChange(); });
  try {
    app.session = await api.session();
  } catch (e) {
    if (e.status === 401) {
      const had = !!api.getToken();
      api.setToken('');
      document.querySelector('.site-nav').hidden = true;
      showLogin(had ? `Your token was not accepted: ${e.message}` : '');
      return;
    }
    clear(main).appendChild(h('div', { class: 'page' }, heading('Cannot reach the lake'), errorBlock(e),
      h('p', null, h('button', { type: 'button', id: 'retry' }, 'Try again'))));
    main.querySelector('#retry').addEventListener('click', () => location.reload());
    return;
  }
  showSession();
  if (!location.hash || location.hash === '#') history.replaceState(null, '', `${location.pathname}${location.search}#/catalog`);
  route();
}

start();
