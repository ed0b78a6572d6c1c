// Shared pieces of the pages: addresses, messages, the confirmation dialog, headings.

import * as api from './api.js';
import { h, clear, field, nextId } from './dom.js';

/** URL parameters of an object; an array value repeats its parameter (?id=a&id=b). */
function paramText(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x !== undefined && x !== null && x !== '') p.append(k, String(x));
    }
  }
  return p.toString();
}

/**
 * A UI address: href('samples', 'raw.coco', {page: 2}) -> '#/samples/raw.coco?page=2'.
 * Each path part is URI-encoded whole, so a table name (api.tableName) may hold anything.
 */
export function href(page, ...rest) {
  let params = null;
  if (rest.length && rest[rest.length - 1] && typeof rest[rest.length - 1] === 'object') params = rest.pop();
  const path = [page, ...rest.filter((x) => x !== undefined && x !== null).map((x) => encodeURIComponent(String(x)))].join('/');
  const q = paramText(params);
  return `#/${path}${q ? `?${q}` : ''}`;
}

/** Replaces the address's parameters without a new page (search boxes keep their text). */
export function replaceParams(params) {
  const hash = location.hash || '#/';
  const base = hash.split('?')[0];
  const q = paramText(params);
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
 * Asks for confirmation in a modal <dialog>. fields: [{name, label, value?, required?,
 * requiredMessage?}] become text inputs. Enter confirms (OK is the form's first submit
 * button), Cancel and Escape cancel. A required field left empty or blank keeps the dialog
 * open with its message beside the field. Resolves to null (cancelled) or {field values}
 * (trimmed).
 */
export function confirmDialog({ title, text, ok = 'OK', fields = [], danger = false }) {
  const dlg = document.getElementById('confirm-dialog');
  const form = document.getElementById('confirm-form');
  const cancelBtn = document.getElementById('confirm-cancel');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  const box = clear(document.getElementById('confirm-fields'));
  const inputs = {};
  const errors = {};
  for (const f of fields) {
    const input = h('input', { type: 'text', name: f.name, value: f.value || '', required: f.required ? true : null, 'aria-required': f.required ? 'true' : null, autocomplete: 'off', spellcheck: 'false' });
    inputs[f.name] = input;
    const wrap = field(f.label, input, f.hint);
    if (f.required) {
      const err = h('p', { class: 'error-inline field-error', id: nextId('field-error') });
      errors[f.name] = err;
      wrap.appendChild(err);
    }
    box.appendChild(wrap);
  }
  const okBtn = document.getElementById('confirm-ok');
  okBtn.textContent = ok;
  okBtn.classList.toggle('danger', danger);
  dlg.returnValue = '';
  return new Promise((resolve) => {
    // the form's own submit: Enter in a field, or OK. Cancel submits without checks.
    const check = (ev) => {
      if (ev.submitter === cancelBtn) return;
      let firstBad = null;
      for (const f of fields) {
        if (!f.required) continue;
        const el = inputs[f.name];
        const bad = !el.value.trim();
        errors[f.name].textContent = bad ? (f.requiredMessage || `${f.label} is needed.`) : '';
        if (bad) {
          el.setAttribute('aria-invalid', 'true');
          const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          if (!ids.includes(errors[f.name].id)) el.setAttribute('aria-describedby', [...ids, errors[f.name].id].join(' '));
          firstBad = firstBad || el;
        } else el.removeAttribute('aria-invalid');
      }
      if (firstBad) {
        ev.preventDefault();
        firstBad.focus();
      }
    };
    const done = () => {
      dlg.removeEventListener('close', done);
      form.removeEventListener('submit', check);
      if (dlg.returnValue !== 'ok') return resolve(null);
      const values = {};
      for (const [k, el] of Object.entries(inputs)) values[k] = el.value.trim();
      resolve(values);
    };
    form.addEventListener('submit', check);
    dlg.addEventListener('close', done);
    dlg.showModal();
    const first = fields.length ? inputs[fields[0].name] : cancelBtn;
    first.focus();
  });
}

/** The page's <h1>, focused after navigation so keyboard and screen reader users land on it. */
export function heading(text, sub) {
  document.title = `${text} · Modal Lakehouse`;
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1', id: 'page-title' }, text), sub ? h('p', { class: 'subtitle' }, sub) : null);
}

/** Links between the pages of one table; each keeps the snapshot being looked at. */
export function tableNav(table, current, extra = {}) {
  const at = extra.snapshot ? { snapshot: extra.snapshot } : null;
  const items = [
    ['table', 'Overview', href('table', table, at)],
    ['samples', 'Samples', href('samples', table, at)],
    ['history', 'History', href('history', table, at)],
    ['charts', 'Charts & quality', href('charts', table, at)],
  ];
  return h('nav', { class: 'subnav', 'aria-label': `Pages of ${table}` }, h('ul', null, items.map(([k, label, u]) =>
    h('li', null, h('a', { href: u, 'aria-current': k === current ? 'page' : null }, label)))));
}

/**
 * The ?snapshot= of an address, checked: {snapshot ('' for the latest), error (an
 * InputError to show once the page's heading is up, or null)}.
 */
export function snapshotParam(params) {
  try {
    return { snapshot: api.snapshotId(params.get('snapshot')) ?? '', error: null };
  } catch (e) {
    return { snapshot: '', error: e };
  }
}

/** The note of a page shown as of a snapshot, with a link to the same page at the latest. */
export function timeTravelNotice(what, snapshot, latestHref, id) {
  return h('p', { class: 'notice', id: id || null }, `Showing ${what} as of snapshot ${snapshot} (time travel). `,
    h('a', { href: latestHref }, 'Show the latest'));
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
