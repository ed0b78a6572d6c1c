// The catalog (schemas, tables, views, with a search box) and one table's page.

import * as api from './api.js';
import { h, table, dl, empty, fmtInt, fmtBytes, field, nextId } from './dom.js';
import { heading, href, tableNav, replaceParams, breadcrumbs, timeTravelNotice, errorBlock, snapshotParam } from './ui.js';

export function partitionText(parts) {
  if (!parts || !parts.length) return '';
  return parts.map((p) => (!p.transform || p.transform === 'identity' ? p.column : `${p.transform}(${p.column})`)).join(', ');
}

export const FRAGMENT_INDEX_COLUMNS = ['clip_uri', 'fragment_id', 'byte_offset', 'byte_length', 'init_length'];

export function isFragmentIndex(columnNames) {
  const set = new Set(columnNames);
  return FRAGMENT_INDEX_COLUMNS.every((c) => set.has(c));
}

// the column names the search box looks in: at most this many (the query's row cap)
const COLUMN_CAP = 20000;

export async function catalogPage(root, args, params, ctx) {
  const io = ctx.api;
  root.appendChild(heading('Catalog', 'Schemas, tables and views of the lake, with their sizes from the catalog.'));
  const snapshot = api.snapshotId(params.get('snapshot')) ?? '';
  const search = h('input', { type: 'search', id: 'catalog-search', value: params.get('q') || '', autocomplete: 'off', spellcheck: 'false' });
  const count = h('p', { class: 'search-count', id: 'catalog-count', 'aria-live': 'polite' });
  root.appendChild(h('form', { class: 'search-form', role: 'search', onsubmit: (e) => e.preventDefault() },
    field('Search tables, views, columns and comments', search), count));
  const body = h('div', { class: 'catalog-body' }, h('p', { class: 'loading' }, 'Loading the catalog…'));
  root.appendChild(body);

  const at = snapshot ? { snapshot } : {};
  if (snapshot) root.insertBefore(timeTravelNotice('the catalog', snapshot, href('catalog')), body);
  const [tables, schemas, cols] = await Promise.all([
    io.tool('list_tables', at),
    io.tool('list_schemas', at),
    io.query(`SELECT table_schema, table_name, column_name FROM information_schema.columns
               WHERE table_catalog = current_database() ORDER BY table_schema, table_name, ordinal_position`, { maxRows: COLUMN_CAP, ...at })
      .catch((e) => {
        if (e.name === 'AbortError' || e.status === 401) throw e;
        return e;
      }),
  ]);
  body.textContent = '';
  const colsOf = new Map();
  if (cols instanceof Error) {
    root.insertBefore(errorBlock(cols, 'Column names could not be loaded, so the search looks only at names and comments'), body);
  } else {
    for (const [sc, tb, c] of cols.rows) {
      const k = api.tableName(sc, tb);
      if (!colsOf.has(k)) colsOf.set(k, []);
      colsOf.get(k).push(c);
    }
    if (cols.truncated) {
      root.insertBefore(h('p', { class: 'notice', id: 'columns-capped' },
        `The search looks at the first ${fmtInt(cols.rows.length)} column names only: this lake has more than the ${fmtInt(COLUMN_CAP)} the page reads. `
        + 'Names, comments and views are all searched.'), body);
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
  const at2 = snapshot ? { snapshot } : null;
  for (const sc of [...schemaNames].sort()) {
    const ts = tlist.filter((t) => t.schema === sc).sort((a, b) => a.name.localeCompare(b.name));
    const vs = vlist.filter((v) => v.schema === sc).sort((a, b) => a.name.localeCompare(b.name));
    const hid = nextId('schema-title');
    const sec = h('section', { class: 'card schema', 'aria-labelledby': hid, dataset: { schema: sc } },
      h('h2', { id: hid }, `Schema ${api.namePart(sc)}`));
    if (!ts.length && !vs.length) sec.appendChild(empty('No tables.'));
    if (ts.length) {
      const full = (r) => api.tableName(sc, r.name);
      const t = table({
        caption: `Tables of ${api.namePart(sc)}`,
        className: 'catalog-tables',
        columns: [
          { name: 'name', label: 'Table', cell: (r) => h('a', { href: href('table', full(r), at2), class: 'table-link' }, api.namePart(r.name)) },
          { name: 'rows', label: 'Rows', numeric: true, cell: (r) => h('span', { dataset: { rows: String(r.rows) } }, fmtInt(r.rows)) },
          { name: 'files', label: 'Files', numeric: true, cell: (r) => fmtInt(r.files) },
          { name: 'file_bytes', label: 'Size', numeric: true, cell: (r) => fmtBytes(r.file_bytes) },
          { name: 'partitioned_by', label: 'Partitioned by', cell: (r) => partitionText(r.partitioned_by) || '—' },
          { name: 'comment', label: 'Comment', cell: (r) => r.comment || '' },
          {
            name: 'links', label: 'Open', cell: (r) => h('span', { class: 'link-list' },
              h('a', { href: href('samples', full(r), at2), 'aria-label': `Samples of ${full(r)}` }, 'Samples'),
              h('a', { href: href('history', full(r), at2), 'aria-label': `History of ${full(r)}` }, 'History'),
              h('a', { href: href('charts', full(r), at2), 'aria-label': `Charts of ${full(r)}` }, 'Charts')),
          },
        ],
        rows: ts,
        rowAttrs: (r) => ({ dataset: { table: full(r) } }),
      });
      sec.appendChild(t);
      const trs = t.querySelectorAll('tbody tr');
      ts.forEach((r, i) => searchable.push({
        el: trs[i], section: sec,
        text: [sc, r.name, `${sc}.${r.name}`, full(r), r.comment || '', ...(colsOf.get(full(r)) || [])].join('\n').toLowerCase(),
      }));
    }
    if (vs.length) {
      const full = (r) => api.tableName(sc, r.name);
      const t = table({
        caption: `Views of ${api.namePart(sc)}`,
        className: 'catalog-views',
        columns: [
          { name: 'name', label: 'View', cell: (r) => h('a', { href: href('table', full(r), at2) }, api.namePart(r.name)) },
          { name: 'sql', label: 'Definition', cell: (r) => h('code', { class: 'sql', title: r.sql || '' }, (r.sql || '').length > 160 ? `${r.sql.slice(0, 160)}…` : (r.sql || '')) },
          { name: 'comment', label: 'Comment', cell: (r) => r.comment || '' },
          { name: 'links', label: 'Open', cell: (r) => h('a', { href: href('samples', full(r), at2), 'aria-label': `Samples of ${full(r)}` }, 'Samples') },
        ],
        rows: vs,
        rowAttrs: (r) => ({ dataset: { view: full(r) } }),
      });
      sec.appendChild(t);
      const trs = t.querySelectorAll('tbody tr');
      vs.forEach((r, i) => searchable.push({
        el: trs[i], section: sec,
        text: [sc, r.name, `${sc}.${r.name}`, full(r), r.comment || '', r.sql || '', ...(colsOf.get(full(r)) || [])].join('\n').toLowerCase(),
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

export async function tablePage(root, args, params, ctx) {
  const io = ctx.api;
  const name = api.canonicalName(args[0] || '');
  const { snapshot, error } = snapshotParam(params);
  const at = snapshot ? { snapshot } : {};
  root.appendChild(breadcrumbs([['Catalog', href('catalog', snapshot ? { snapshot } : null)], [name, null]]));
  root.appendChild(heading(`Table ${name}`));
  if (error) throw error;
  root.appendChild(tableNav(name, 'table', { snapshot }));
  if (snapshot) root.appendChild(timeTravelNotice(name, snapshot, href('table', name), 'time-travel-notice'));
  let d;
  try {
    d = await io.tool('describe_table', { table: name, ...at });
  } catch (e) {
    if (e.status === 401 || e.name === 'AbortError') throw e;
    // a view? list_tables names views
    const v = await findView(io, name, at);
    if (!v) throw e;
    const [sc, vn] = api.parseTable(name);
    root.querySelector('h1').textContent = `View ${name}`;
    document.title = `View ${name} · Modal Lakehouse`;
    root.appendChild(dl([['Comment', v.comment || '—'], ['Definition', h('pre', { class: 'sql' }, v.sql || '')]]));
    const cols = await io.query(`SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = ${api.lit(sc)} AND table_name = ${api.lit(vn)} ORDER BY ordinal_position`, { maxRows: 2000, ...at })
      .catch((e2) => {
        if (e2.status === 401 || e2.name === 'AbortError') throw e2;
        return e2;
      });
    if (cols instanceof Error) root.appendChild(errorBlock(cols, 'The columns could not be read'));
    else {
      root.appendChild(table({
        caption: 'Columns', columns: [{ name: 'column_name', label: 'Name' }, { name: 'data_type', label: 'Type' }, { name: 'is_nullable', label: 'Nullable' }],
        rows: api.objects(cols),
      }));
    }
    return;
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

/** The view `name` as list_tables describes it (at `at`), or null when there is none. */
export async function findView(io, name, at = {}) {
  const [sc, vn] = api.parseTable(name);
  const lt = await io.tool('list_tables', { schema: sc, ...at }).catch((e) => {
    if (e.status === 401 || e.name === 'AbortError') throw e;
    return null;
  });
  return (lt && (lt.views || []).find((x) => x.name === vn)) || null;
}
