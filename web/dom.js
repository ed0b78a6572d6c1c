// Building the DOM without innerHTML: every value goes in as text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** h('a', {href: '#/x', class: 'y'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const intFmt = new Intl.NumberFormat('en-US');

export function fmtInt(n) {
  if (n === null || n === undefined || n === '') return '—';
  const x = Number(n);
  return Number.isFinite(x) ? intFmt.format(x) : String(n);
}

export function fmtNum(n) {
  if (n === null || n === undefined) return '—';
  const x = Number(n);
  if (!Number.isFinite(x)) return String(n);
  if (Number.isInteger(x)) return intFmt.format(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

export function fmtBytes(n) {
  if (n === null || n === undefined) return '—';
  let x = Number(n);
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (x >= 1024 && i < units.length - 1) { x /= 1024; i++; }
  return i === 0 ? `${x} B` : `${x.toFixed(x < 10 ? 1 : 0)} ${units[i]}`;
}

export function fmtPercent(part, whole) {
  if (!whole) return '0%';
  const p = (100 * part) / whole;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}

/** A cell value as display text (lists and structs as JSON). */
export function valueText(v) {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return `[${v.map((x) => (x !== null && typeof x === 'object' ? valueText(x) : JSON.stringify(x))).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A timestamp without its fractions of a second (the full one in title). */
export function timeNode(t) {
  if (t === null || t === undefined || t === '') return h('span', { class: 'null' }, '—');
  const s = String(t);
  return h('time', { datetime: s.replace(' ', 'T').replace(/\+00$/, 'Z'), title: s }, s.replace(/\.\d+/, '').replace(/\+00$/, ' UTC'));
}

/** A cell: NULL muted, long text cut (the full text in title). */
export function valueNode(v, max = 160) {
  if (v === null || v === undefined) return h('span', { class: 'null' }, 'NULL');
  const t = valueText(v);
  if (t.length > max) return h('span', { title: t }, `${t.slice(0, max)}…`);
  return document.createTextNode(t);
}

export function isNumericType(type) {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*|INT\d*|NUMERIC.*)$/i
    .test(String(type || '').trim());
}

export function isTextType(type) {
  return /^(VARCHAR|TEXT|STRING|JSON)$/i.test(String(type || '').trim());
}

/** A data table: columns [{name, label?, cell(row)->node|text, class?, numeric?}], rows. */
export function table({ caption, columns, rows, className, rowAttrs, captionHidden }) {
  const thead = h('thead', null, h('tr', null, columns.map((c) =>
    h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label ?? c.name))));
  const tbody = h('tbody');
  for (const r of rows) {
    const tr = h('tr', rowAttrs ? rowAttrs(r) : null);
    for (const c of columns) {
      const cls = typeof c.class === 'function' ? c.class(r) : c.class;
      const td = h('td', { class: [c.numeric ? 'num' : null, cls].filter(Boolean).join(' ') || null });
      if (c.cell) {
        const v = c.cell(r);
        if (v instanceof Node) td.appendChild(v);
        else if (Array.isArray(v)) append(td, v);
        else td.appendChild(valueNode(v));
      } else {
        td.appendChild(valueNode(r[c.name]));
      }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  const t = h('table', { class: ['data', className] }, caption ? h('caption', { class: captionHidden ? 'sr-only' : null }, caption) : null, thead, tbody);
  return h('div', { class: 'table-wrap' }, t);
}

/** A definition list from [[term, value(node|text)]]. */
export function dl(pairs, className = 'facts') {
  const el = h('dl', { class: className });
  for (const [k, v] of pairs) {
    if (v === undefined) continue;
    el.appendChild(h('dt', null, k));
    const dd = h('dd');
    if (v instanceof Node) dd.appendChild(v);
    else if (Array.isArray(v) && v.length && v.every((x) => x instanceof Node)) append(dd, v);
    else dd.appendChild(valueNode(v, 100000));
    el.appendChild(dd);
  }
  return el;
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

export function notice(text) {
  return h('p', { class: 'notice' }, text);
}

/** A labelled form control: h('label') + control, with ids tied. */
let uid = 0;
export function field(labelText, control, hint) {
  if (!control.id) control.id = `f${++uid}`;
  const parts = [h('label', { for: control.id }, labelText), control];
  if (hint) {
    const hid = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hid);
    parts.push(h('span', { class: 'hint', id: hid }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

export function nextId(prefix = 'id') {
  return `${prefix}${++uid}`;
}
