// Shared pieces of the pages: addresses, messages, the confirmation dialog, headings.

import { h, clear, field, nextId } from './dom.js';

/** A UI address: href('samples', 'raw.coco', {page: 2}) -> '#/samples/raw.coco?page=2'. */
export function href(page, ...rest) {
  let params = null;
  if (rest.length && rest[rest.length - 1] && typeof rest[rest.length - 1] === 'object') params = rest.pop();
  const path = [page, ...rest.filter((x) => x !== undefined && x !== null).map((x) => encodeURIComponent(String(x)))].join('/');
  let q = '';
  if (params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    }
    const t = p.toString();
    if (t) q = `?${t}`;
  }
  return `#/${path}${q}`;
}

/** Replaces the address's parameters without a new page (search boxes keep their text). */
export function replaceParams(params) {
  const hash = location.hash || '#/';
  const base = hash.split('?')[0];
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const q = p.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${base}${q ? `?${q}` : ''}`);
}

let statusTimer = null;

/** A polite message in the status region (read by screen readers). */
export function say(text) {
  const el = document.getElementById('status');
  clearTimeout(statusTimer);
  el.textContent = text;
  if (text) statusTimer = setTimeout(() => { el.textContent = ''; }, 8000);
}

/** An error in the alert region; '' clears it. */
export function alertError(text) {
  const el = document.getElementById('alert');
  clear(el);
  if (!text) return;
  el.appendChild(h('p', { class: 'error-box' }, h('strong', null, 'Error: '), text));
}

export function showError(e) {
  alertError(e && e.message ? e.message : String(e));
}

/** An inline error where a part of a page could not load. */
export function errorBlock(e, what) {
  return h('p', { class: 'error-inline' }, `${what ? `${what}: ` : ''}${e && e.message ? e.message : String(e)}`);
}

/**
 * Asks for confirmation in a modal <dialog>. fields: [{name, label, value?, required?}]
 * become text inputs. Resolves to null (cancelled) or {field values}.
 */
export function confirmDialog({ title, text, ok = 'OK', fields = [], danger = false }) {
  const dlg = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  const box = clear(document.getElementById('confirm-fields'));
  const inputs = {};
  for (const f of fields) {
    const input = h('input', { type: 'text', name: f.name, value: f.value || '', required: f.required ? true : null, autocomplete: 'off', spellcheck: 'false' });
    inputs[f.name] = input;
    box.appendChild(field(f.label, input, f.hint));
  }
  const okBtn = document.getElementById('confirm-ok');
  okBtn.textContent = ok;
  okBtn.classList.toggle('danger', danger);
  dlg.returnValue = '';
  return new Promise((resolve) => {
    const done = () => {
      dlg.removeEventListener('close', done);
      if (dlg.returnValue !== 'ok') return resolve(null);
      const values = {};
      for (const [k, el] of Object.entries(inputs)) values[k] = el.value.trim();
      resolve(values);
    };
    dlg.addEventListener('close', done);
    dlg.showModal();
    const first = fields.length ? inputs[fields[0].name] : document.getElementById('confirm-cancel');
    first.focus();
  });
}

/** The page's <h1>, focused after navigation so keyboard and screen reader users land on it. */
export function heading(text, sub) {
  document.title = `${text} · Modal Lakehouse`;
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1', id: 'page-title' }, text), sub ? h('p', { class: 'subtitle' }, sub) : null);
}

/** Links between the pages of one table. */
export function tableNav(table, current, extra = {}) {
  const items = [
    ['table', 'Overview', href('table', table, extra.snapshot ? { snapshot: extra.snapshot } : null)],
    ['samples', 'Samples', href('samples', table, extra.snapshot ? { snapshot: extra.snapshot } : null)],
    ['history', 'History', href('history', table)],
    ['charts', 'Charts & quality', href('charts', table, extra.snapshot ? { snapshot: extra.snapshot } : null)],
  ];
  return h('nav', { class: 'subnav', 'aria-label': `Pages of ${table}` }, h('ul', null, items.map(([k, label, u]) =>
    h('li', null, h('a', { href: u, 'aria-current': k === current ? 'page' : null }, label)))));
}

export function breadcrumbs(items) {
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('ol', null, items.map(([text, u], i) =>
    h('li', null, u && i < items.length - 1 ? h('a', { href: u }, text) : h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, text)))));
}

/** Short id for display (UUIDs). */
export function shortId(id) {
  const t = String(id);
  return t.length > 13 ? `${t.slice(0, 8)}…${t.slice(-4)}` : t;
}

/** A <section> with an <h2>. */
export function section(title, ...children) {
  const id = nextId('sec');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}
