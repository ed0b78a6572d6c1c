// The catalog (schemas, tables, views, with a search box) and one table's page.

import * as api from './api.js';
import { h, table, dl, empty, fmtInt, fmtBytes, field, notice } from './dom.js';
import { heading, href, tableNav, replaceParams, breadcrumbs } from './ui.js';

export function partitionText(parts) {
  if (!parts || !parts.length) return '';
  return parts.map((p) => (!p.transform || p.transform === 'identity' ? p.column : `${p.transform}(${p.column})`)).join(', ');
}

export const FRAGMENT_INDEX_COLUMNS = ['clip_uri', 'fragment_id', 'byte_offset', 'byte_length', 'init_length'];

export function isFragmentIndex(columnNames) {
  const set = new Set(columnNames);
  return FRAGMENT_INDEX_COLUMNS.every((c) => set.has(c));
}

export async function catalogPage(root, args, params) {
  root.appendChild(heading('Catalog', 'Schemas, tables and views of the lake, with their sizes from the catalog.'));
  const search = h('input', { type: 'search', id: 'catalog-search', value: params.get('q') || '', autocomplete: 'off', spellcheck: 'false' });
  const count = h('p', { class: 'search-count', id: 'catalog-count', 'aria-live': 'polite' });
  root.appendChild(h('form', { class: 'search-form', role: 'search', onsubmit: (e) => e.preventDefault() },
    field('Search tables, views, columns and comments', search), count));
  const body = h('div', { class: 'catalog-body' }, h('p', { class: 'loading' }, 'Loading the catalog…'));
  root.appendChild(body);

  const snapshot = params.get('snapshot') || '';
  const at = snapshot ? { snapshot: Number(snapshot) } : {};
  if (snapshot) {
    root.insertBefore(h('p', { class: 'notice' }, `Shown as of snapshot ${snapshot} (time travel). `,
      h('a', { href: href('catalog') }, 'Show the latest')), body);
  }
  const [tables, schemas, cols] = await Promise.all([
    api.tool('list_tables', at),
    api.tool('list_schemas', at),
    api.query(`SELECT table_schema, table_name, column_name FROM information_schema.columns
               WHERE table_catalog = current_database() ORDER BY table_schema, table_name, ordinal_position`, { maxRows: 20000, ...at })
      .catch(() => null),
  ]);
  body.textContent = '';
  const colsOf = new Map();
  if (cols) {
    for (const [sc, tb, c] of cols.rows) {
      const k = `${sc}.${tb}`;
      if (!colsOf.has(k)) colsOf.set(k, []);
      colsOf.get(k).push(c);
    }
  }
  const tlist = tables.tables || [];
  const vlist = tables.views || [];
  const totals = tlist.reduce((a, t) => ({ rows: a.rows + (t.rows || 0), files: a.files + (t.files || 0), bytes: a.bytes + (t.file_bytes || 0) }), { rows: 0, files: 0, bytes: 0 });
  const schemaNames = new Set((schemas.schemas || []).map((x) => x.name));
  for (const t of tlist) schemaNames.add(t.schema);
  for (const v of vlist) schemaNames.add(v.schema);
  body.appendChild(dl([
    ['Schemas', fmtInt(schemaNames.size)],
    ['Tables', fmtInt(tlist.length)],
    ['Views', fmtInt(vlist.length)],
    ['Rows', fmtInt(totals.rows)],
    ['Data files', fmtInt(totals.files)],
    ['Data size', fmtBytes(totals.bytes)],
    ['Snapshot', String(tables.snapshot_id ?? '')],
  ], 'facts summary'));

  const searchable = [];
  for (const sc of [...schemaNames].sort()) {
    const ts = tlist.filter((t) => t.schema === sc).sort((a, b) => a.name.localeCompare(b.name));
    const vs = vlist.filter((v) => v.schema === sc).sort((a, b) => a.name.localeCompare(b.name));
    const sec = h('section', { class: 'card schema', 'aria-labelledby': `schema-${sc}`, dataset: { schema: sc } },
      h('h2', { id: `schema-${sc}` }, `Schema ${sc}`));
    if (!ts.length && !vs.length) sec.appendChild(empty('No tables.'));
    if (ts.length) {
      const t = table({
        caption: `Tables of ${sc}`,
        className: 'catalog-tables',
        columns: [
          { name: 'name', label: 'Table', cell: (r) => h('a', { href: href('table', `${sc}.${r.name}`, snapshot ? { snapshot } : null) }, r.name) },
          { name: 'rows', label: 'Rows', numeric: true, cell: (r) => h('span', { dataset: { rows: String(r.rows) } }, fmtInt(r.rows)) },
          { name: 'files', label: 'Files', numeric: true, cell: (r) => fmtInt(r.files) },
          { name: 'file_bytes', label: 'Size', numeric: true, cell: (r) => fmtBytes(r.file_bytes) },
          { name: 'partitioned_by', label: 'Partitioned by', cell: (r) => partitionText(r.partitioned_by) || '—' },
          { name: 'comment', label: 'Comment', cell: (r) => r.comment || '' },
          {
            name: 'links', label: 'Open', cell: (r) => h('span', { class: 'link-list' },
              h('a', { href: href('samples', `${sc}.${r.name}`, snapshot ? { snapshot } : null), 'aria-label': `Samples of ${sc}.${r.name}` }, 'Samples'),
              h('a', { href: href('history', `${sc}.${r.name}`), 'aria-label': `History of ${sc}.${r.name}` }, 'History'),
              h('a', { href: href('charts', `${sc}.${r.name}`), 'aria-label': `Charts of ${sc}.${r.name}` }, 'Charts')),
          },
        ],
        rows: ts,
        rowAttrs: (r) => ({ dataset: { table: `${sc}.${r.name}` } }),
      });
      sec.appendChild(t);
      const trs = t.querySelectorAll('tbody tr');
      ts.forEach((r, i) => searchable.push({
        el: trs[i], section: sec,
        text: [sc, r.name, `${sc}.${r.name}`, r.comment || '', ...(colsOf.get(`${sc}.${r.name}`) || [])].join('\n').toLowerCase(),
      }));
    }
    if (vs.length) {
      const t = table({
        caption: `Views of ${sc}`,
        className: 'catalog-views',
        columns: [
          { name: 'name', label: 'View', cell: (r) => h('a', { href: href('table', `${sc}.${r.name}`) }, r.name) },
          { name: 'sql', label: 'Definition', cell: (r) => h('code', { class: 'sql', title: r.sql || '' }, (r.sql || '').length > 160 ? `${r.sql.slice(0, 160)}…` : (r.sql || '')) },
          { name: 'comment', label: 'Comment', cell: (r) => r.comment || '' },
          { name: 'links', label: 'Open', cell: (r) => h('a', { href: href('samples', `${sc}.${r.name}`), 'aria-label': `Samples of ${sc}.${r.name}` }, 'Samples') },
        ],
        rows: vs,
        rowAttrs: (r) => ({ dataset: { view: `${sc}.${r.name}` } }),
      });
      sec.appendChild(t);
      const trs = t.querySelectorAll('tbody tr');
      vs.forEach((r, i) => searchable.push({
        el: trs[i], section: sec,
        text: [sc, r.name, `${sc}.${r.name}`, r.comment || '', r.sql || '', ...(colsOf.get(`${sc}.${r.name}`) || [])].join('\n').toLowerCase(),
      }));
    }
    body.appendChild(sec);
  }

  const apply = () => {
    const q = search.value.trim().toLowerCase();
    const words = q.split(/\s+/).filter(Boolean);
    let shown = 0;
    const visible = new Map();
    for (const item of searchable) {
      const ok = words.every((w) => item.text.includes(w));
      item.el.hidden = !ok;
      if (ok) shown++;
      visible.set(item.section, (visible.get(item.section) || 0) + (ok ? 1 : 0));
    }
    for (const sec of body.querySelectorAll('section.schema')) {
      const n = visible.get(sec);
      sec.hidden = words.length > 0 && !n;
      for (const t of sec.querySelectorAll('table')) {
        const any = [...t.tBodies[0].rows].some((tr) => !tr.hidden);
        t.closest('.table-wrap').hidden = !any;
      }
    }
    count.textContent = words.length ? `${shown} of ${searchable.length} tables and views match “${search.value.trim()}”.` : `${searchable.length} tables and views.`;
    replaceParams({ q: search.value.trim(), snapshot });
  };
  search.addEventListener('input', apply);
  apply();
}

export async function tablePage(root, args, params) {
  const name = args[0] || '';
  const snapshot = params.get('snapshot') || '';
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [name, null]]));
  root.appendChild(heading(`Table ${name}`));
  root.appendChild(tableNav(name, 'table', { snapshot }));
  let d;
  try {
    d = await api.tool('describe_table', snapshot ? { table: name, snapshot: Number(snapshot) } : { table: name });
  } catch (e) {
    if (e.status === 401) throw e;
    // a view? list_tables names views
    const [sc, vn] = api.splitTable(name);
    const lt = await api.tool('list_tables', { schema: sc }).catch(() => null);
    const v = lt && (lt.views || []).find((x) => x.name === vn);
    if (!v) throw e;
    root.querySelector('h1').textContent = `View ${name}`;
    document.title = `View ${name} · Modal Lakehouse`;
    root.appendChild(dl([['Comment', v.comment || '—'], ['Definition', h('pre', { class: 'sql' }, v.sql || '')]]));
    const cols = await api.query(`SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = ${api.lit(sc)} AND table_name = ${api.lit(vn)} ORDER BY ordinal_position`, { maxRows: 2000 }).catch(() => null);
    if (cols) {
      root.appendChild(table({
        caption: 'Columns', columns: [{ name: 'column_name', label: 'Name' }, { name: 'data_type', label: 'Type' }, { name: 'is_nullable', label: 'Nullable' }],
        rows: api.objects(cols),
      }));
    }
    return;
  }
  if (snapshot) {
    root.appendChild(notice(`Shown as of snapshot ${snapshot} (time travel). `));
    root.lastChild.appendChild(h('a', { href: href('table', name) }, 'Show the latest'));
  }
  if (d.comment) root.appendChild(h('p', { class: 'comment', id: 'table-comment' }, d.comment));
  root.appendChild(dl([
    ['Rows', h('span', { dataset: { rows: String(d.rows) }, id: 'table-rows' }, fmtInt(d.rows))],
    ['Data files', fmtInt(d.files)],
    ['Data size', fmtBytes(d.file_bytes)],
    ['Delete files', fmtInt(d.delete_files)],
    ['Partitioned by', partitionText(d.partitioned_by) || 'not partitioned'],
    ['Table id', d.table_id === undefined || d.table_id === null ? '—' : String(d.table_id)],
    ['Snapshot', String(d.snapshot_id ?? '')],
  ], 'facts summary'));
  const colNames = d.columns.map((c) => c.name);
  if (isFragmentIndex(colNames)) {
    root.appendChild(h('p', { class: 'notice' }, 'This table is a video fragment index: ',
      h('a', { href: href('samples', name, snapshot ? { snapshot } : null) }, 'pick a fragment to play'), '.'));
  }
  root.appendChild(table({
    caption: `Columns of ${name}`,
    className: 'columns-table',
    columns: [
      { name: 'column_id', label: 'Column id', numeric: true },
      { name: 'name', label: 'Name', cell: (c) => h('code', null, c.name) },
      { name: 'type', label: 'Type' },
      { name: 'nullable', label: 'Nullable', cell: (c) => (c.nullable === false ? 'no' : 'yes') },
      { name: 'default', label: 'Default', cell: (c) => (c.default === undefined || c.default === null ? '' : String(c.default)) },
      { name: 'comment', label: 'Comment', cell: (c) => c.comment || '' },
      { name: 'chart', label: 'Chart', cell: (c) => h('a', { href: href('charts', name, { column: c.name, snapshot }), 'aria-label': `Chart of ${c.name}` }, 'Chart') },
    ],
    rows: d.columns,
    rowAttrs: (c) => ({ dataset: { column: c.name, columnId: String(c.column_id) } }),
  }));
}

