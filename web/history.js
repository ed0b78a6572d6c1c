// History: the snapshot timeline of the lake and of one table, time travel, comparing two
// snapshots of a table (rows and columns), rollback and tags.

import * as api from './api.js';
import { h, table, dl, empty, fmtInt, field, notice, valueNode, valueText, timeNode } from './dom.js';
import { heading, href, tableNav, breadcrumbs, confirmDialog, say, showError, alertError, section, snapshotParam } from './ui.js';

/** The items of a snapshot's changes: [{kind, value}], from DuckLake's text
 * (kind:value,kind:value; a value may be "schema"."name" with "" inside) or a map of lists. */
export function changeList(changes) {
  if (!changes) return [];
  if (typeof changes === 'string') {
    const out = [];
    let cur = '', quoted = false;
    for (const ch of changes) {
      if (ch === '"') quoted = !quoted; // "" inside a quoted name toggles twice
      if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
    }
    if (cur) out.push(cur);
    return out.map((x) => {
      const i = x.indexOf(':');
      return i < 0 ? { kind: x, value: '' } : { kind: x.slice(0, i), value: x.slice(i + 1) };
    });
  }
  if (Array.isArray(changes)) return changes.map((x) => ({ kind: '', value: valueText(x) }));
  if (typeof changes === 'object') {
    return Object.entries(changes).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => ({ kind: k, value: valueText(x) })));
  }
  return [{ kind: '', value: String(changes) }];
}

/** The parts of "a"."b" (quoted, "" inside, joined by dots), or null when it is not that. */
function quotedParts(text) {
  const parts = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') return null;
    let part = '';
    i++;
    for (;;) {
      if (i >= text.length) return null;
      if (text[i] === '"') {
        if (text[i + 1] === '"') { part += '"'; i += 2; continue; }
        i++;
        break;
      }
      part += text[i++];
    }
    parts.push(part);
    if (i < text.length && text[i++] !== '.') return null;
  }
  return parts.length ? parts : null;
}

/** One change as text: the kind in words (inserted_into_table -> inserted into table), the
 * names exactly (schema.table as the addresses write them); a table no longer in the lake
 * by its id. names: {tables: Map id -> name|null, schemas: Map id -> name, known}. */
export function changeText({ kind, value }, names = { tables: new Map(), schemas: new Map(), known: false }) {
  const what = kind.replace(/_/g, ' ');
  const v = String(value ?? '');
  let shown = v;
  const parts = v.startsWith('"') ? quotedParts(v) : null;
  if (parts) shown = parts.map(api.namePart).join('.');
  else if (/^\d+$/.test(v)) {
    const id = Number(v);
    const thing = /schema/.test(kind) ? 'schema' : /view/.test(kind) ? 'view' : /table/.test(kind) ? 'table' : '';
    if (thing === 'table' && names.tables.has(id)) shown = names.tables.get(id) || `table id ${id}`;
    else if (thing === 'table') shown = names.known ? `a dropped table (id ${id})` : `table id ${id}`;
    else if (thing === 'schema') shown = names.schemas.has(id) ? api.namePart(names.schemas.get(id)) : `a dropped schema (id ${id})`;
    else if (thing === 'view') shown = `a view (id ${id})`;
  }
  return what ? `${what}: ${shown}` : shown;
}

/** The changes of a snapshot as a list of short texts. */
export function changeItems(changes, names) {
  return changeList(changes).map((c) => changeText(c, names));
}

/**
 * Table ids -> schema-qualified names, at the latest snapshot. ducklake_table_info has each
 * table's id, its schema's id and its name; a schema id is the schema (of list_tables)
 * holding a table of every name it holds, asked of describe_table when two could. An id
 * not there is a table dropped since (known: the ids could be read at all).
 */
async function tableNames(io) {
  const out = { tables: new Map(), schemas: new Map(), known: false };
  let info;
  try {
    info = await io.query("SELECT table_id, schema_id, table_name FROM ducklake_table_info('lake')", { maxRows: 100000 });
  } catch (e) {
    if (e.name === 'AbortError' || e.status === 401) throw e;
    return out; // names stay ids
  }
  const lt = await io.tool('list_tables', {}).catch((e) => {
    if (e.name === 'AbortError' || e.status === 401) throw e;
    return null;
  });
  if (!lt) return out; // names stay ids
  const schemasOf = new Map(); // table name -> the schemas with a table of that name
  for (const t of lt.tables || []) {
    if (!schemasOf.has(t.name)) schemasOf.set(t.name, new Set());
    schemasOf.get(t.name).add(t.schema);
  }
  const bySchema = new Map(); // schema id -> [[table id, name]]
  for (const [id, sid, n] of info.rows) {
    if (!bySchema.has(Number(sid))) bySchema.set(Number(sid), []);
    bySchema.get(Number(sid)).push([Number(id), n]);
  }
  for (const [sid, list] of bySchema) {
    let cand = null;
    for (const [, n] of list) {
      const here = schemasOf.get(n) || new Set();
      cand = cand ? new Set([...cand].filter((x) => here.has(x))) : new Set(here);
    }
    if (cand && cand.size === 1) out.schemas.set(sid, [...cand][0]);
    else if (cand && cand.size > 1) {
      const [id0, n0] = list[0];
      for (const sc of cand) {
        const d = await io.tool('describe_table', { table: api.tableName(sc, n0) }).catch((e) => {
          if (e.name === 'AbortError' || e.status === 401) throw e;
          return null;
        });
        if (d && Number(d.table_id) === id0) { out.schemas.set(sid, sc); break; }
      }
    }
    for (const [id, n] of list) out.tables.set(id, out.schemas.has(sid) ? api.tableName(out.schemas.get(sid), n) : null);
  }
  out.known = true;
  return out;
}

async function tagsBySnapshot(io, snaps) {
  const map = new Map();
  if (snaps.some((x) => Array.isArray(x.tags))) {
    for (const x of snaps) for (const t of x.tags || []) {
      const name = typeof t === 'string' ? t : t.name || t.tag_name;
      if (!map.has(x.snapshot_id)) map.set(x.snapshot_id, []);
      map.get(x.snapshot_id).push(name);
    }
    return map;
  }
  try {
    const r = await io.query("SELECT tag_name, snapshot_id FROM lakehouse_tags('lake') ORDER BY tag_name", { maxRows: 10000 });
    for (const [name, id] of r.rows) {
      if (!map.has(id)) map.set(id, []);
      map.get(id).push(name);
    }
  } catch (e) {
    if (e.name === 'AbortError' || e.status === 401) throw e;
    /* no tags yet */
  }
  return map;
}

async function tagAction(io, snapshot, ctx) {
  const v = await confirmDialog({
    title: `Tag snapshot ${snapshot}`,
    text: `Give snapshot ${snapshot} a name. Tagged snapshots are never expired; read them with AT (TAG => 'name').`,
    ok: 'Create tag',
    fields: [
      { name: 'name', label: 'Tag name', required: true, requiredMessage: 'A tag needs a name.' },
      { name: 'message', label: 'Message (optional)' },
    ],
  });
  if (!v) { say('Tagging cancelled: nothing changed.'); return; }
  const args = { name: v.name, snapshot: api.snapshotId(snapshot) };
  if (v.message) args.message = v.message;
  const r = await io.tool('tag_create', args);
  say(`Tagged snapshot ${r.snapshot_id ?? snapshot} as “${r.name ?? v.name}”.`);
  await ctx.reload();
}

async function rollbackAction(io, name, snapshot, ctx) {
  const v = await confirmDialog({
    title: `Roll back ${name}?`,
    text: `This makes a new snapshot in which ${name} is as it was at snapshot ${snapshot}. The snapshots in between stay in the history.`,
    ok: 'Roll back',
    danger: true,
  });
  if (!v) { say('Rollback cancelled: nothing changed.'); return; }
  const r = await io.tool('rollback_table', { table: name, snapshot: api.snapshotId(snapshot) });
  say(`Rolled back ${name} to snapshot ${r.to_snapshot ?? snapshot}: new snapshot ${r.snapshot_id}.`);
  await ctx.reload();
}

function writeButton(label, action, attrs) {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', async () => {
    alertError('');
    try { await action(); } catch (e) {
      // a refused token has already signed the tab out (api.onUnauthorized)
      if (e.name !== 'AbortError' && e.status !== 401) showError(e);
    }
  });
  return b;
}

export async function historyPage(root, args, params, ctx) {
  const io = ctx.api;
  const tableName = args[0] ? api.canonicalName(args[0]) : '';
  const limit = Math.min(100000, Math.max(1, Math.floor(Number(params.get('limit'))) || 100));
  const { snapshot, error } = snapshotParam(params);
  if (tableName) {
    root.appendChild(breadcrumbs([['Catalog', href('catalog')], [tableName, href('table', tableName, { snapshot })], ['History', null]]));
    root.appendChild(heading(`History of ${tableName}`, 'Every snapshot that changed this table. Pick one to see the table as it was, or compare two.'));
    root.appendChild(tableNav(tableName, 'history', { snapshot }));
  } else {
    root.appendChild(heading('History', 'The snapshots of the whole lake, newest first.'));
  }
  if (error) throw error;
  if (snapshot) {
    // the history lists every snapshot; the one looked at is marked, and the table's other
    // pages keep it
    root.appendChild(h('p', { class: 'notice', id: 'time-travel-notice' },
      `Snapshot ${snapshot} is the one you are looking at${tableName ? `: the other pages of ${tableName} show the table as of it` : ''}. `,
      h('a', { href: tableName ? href('history', tableName) : href('history') }, 'Look at the latest')));
  }
  const body = h('div', null, h('p', { class: 'loading' }, 'Loading snapshots…'));
  root.appendChild(body);
  const sargs = { limit };
  if (tableName) sargs.table = tableName;
  const res = await io.tool('snapshots', sargs);
  const snaps = [...(res.snapshots || [])].sort((a, b) => b.snapshot_id - a.snapshot_id);
  const [tags, names] = await Promise.all([tagsBySnapshot(io, snaps), tableNames(io)]);
  if (tableName) {
    const d = await io.tool('describe_table', { table: tableName }).catch((e) => {
      if (e.name === 'AbortError' || e.status === 401) throw e;
      return null;
    });
    if (d && d.table_id !== undefined && d.table_id !== null) names.tables.set(Number(d.table_id), tableName);
  }
  body.textContent = '';
  if (!ctx.writes) {
    body.appendChild(notice('This session is read-only here: rollback and tags need a read-write token on a server started with --read-write.'));
  }
  if (!snaps.length) { body.appendChild(empty('No snapshots.')); return; }

  if (tableName && snaps.length >= 2) {
    const from = h('select', { id: 'compare-from', name: 'from' });
    const to = h('select', { id: 'compare-to', name: 'to' });
    for (const sn of snaps) {
      from.appendChild(h('option', { value: String(sn.snapshot_id) }, `Snapshot ${sn.snapshot_id}${sn.commit_message ? ` – ${sn.commit_message}` : ''}`));
      to.appendChild(h('option', { value: String(sn.snapshot_id) }, `Snapshot ${sn.snapshot_id}${sn.commit_message ? ` – ${sn.commit_message}` : ''}`));
    }
    from.value = String(snaps[1].snapshot_id);
    to.value = String(snaps[0].snapshot_id);
    const form = h('form', { class: 'inline-form', id: 'compare-form', 'aria-label': 'Compare two snapshots' },
      field('From snapshot', from), field('To snapshot', to),
      h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Compare')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      let a = Number(from.value), b = Number(to.value);
      if (a === b) { alertError('Pick two different snapshots to compare.'); return; }
      if (a > b) [a, b] = [b, a];
      location.hash = href('compare', tableName, a, b);
    });
    body.appendChild(section('Compare two snapshots', form));
  }

  const ol = h('ol', { class: 'timeline', 'aria-label': tableName ? `Snapshots of ${tableName}` : 'Snapshots of the lake' });
  snaps.forEach((sn, i) => {
    const id = sn.snapshot_id;
    const older = snaps[i + 1];
    const actions = h('div', { class: 'actions' });
    if (tableName) {
      actions.appendChild(h('a', { href: href('samples', tableName, { snapshot: id }), 'aria-label': `Rows of ${tableName} as of snapshot ${id}` }, 'View rows as of'));
      actions.appendChild(h('a', { href: href('table', tableName, { snapshot: id }), 'aria-label': `Columns of ${tableName} as of snapshot ${id}` }, 'Columns as of'));
      actions.appendChild(h('a', { href: href('charts', tableName, { snapshot: id }), 'aria-label': `Charts of ${tableName} as of snapshot ${id}` }, 'Charts as of'));
      if (older) {
        actions.appendChild(h('a', { href: href('compare', tableName, older.snapshot_id, id), 'aria-label': `What snapshot ${id} changed in ${tableName}` }, 'What changed'));
      }
      if (ctx.writes && i > 0) {
        actions.appendChild(writeButton('Roll back to this', () => rollbackAction(io, tableName, id, ctx),
          { class: 'danger', 'aria-label': `Roll back ${tableName} to snapshot ${id}`, dataset: { action: 'rollback', snapshot: String(id) } }));
      }
    } else {
      actions.appendChild(h('a', { href: href('catalog', { snapshot: id }), 'aria-label': `Catalog as of snapshot ${id}` }, 'Catalog as of'));
    }
    if (ctx.writes) {
      actions.appendChild(writeButton('Tag…', () => tagAction(io, id, ctx),
        { 'aria-label': `Tag snapshot ${id}`, dataset: { action: 'tag', snapshot: String(id) } }));
    }
    const tagList = tags.get(id) || [];
    const viewing = snapshot !== '' && id === snapshot;
    ol.appendChild(h('li', { class: ['snapshot', viewing ? 'viewing' : null], dataset: { snapshot: String(id) }, 'aria-current': viewing ? 'true' : null },
      h('div', { class: 'snap-head' },
        h('h3', null, `Snapshot ${id}`),
        h('span', { class: 'time' }, timeNode(sn.time || sn.snapshot_time), sn.schema_version === undefined ? '' : ` · schema version ${sn.schema_version}`),
        viewing ? h('span', { class: 'tag viewing-tag' }, 'the one you are looking at') : null,
        tagList.map((t) => h('span', { class: 'tag', dataset: { tag: t } }, `tag ${t}`))),
      sn.author || sn.commit_message ? dl([
        ['Author', sn.author || undefined],
        ['Message', sn.commit_message || undefined],
      ], 'facts compact') : null,
      h('ul', { class: 'changes', 'aria-label': `Changes of snapshot ${id}` }, changeItems(sn.changes, names).map((c) => h('li', null, c))),
      actions));
  });
  // h1, then h2 for the timeline, h3 for each snapshot: no level is skipped
  body.appendChild(h('h2', { class: 'timeline-title', id: 'timeline-title' }, tableName ? 'Snapshots that changed this table' : 'Snapshots'));
  body.appendChild(ol);
  if (res.truncated) {
    body.appendChild(h('p', null, `Showing the newest ${fmtInt(snaps.length)} snapshots. `,
      h('a', { href: tableName ? href('history', tableName, { limit: limit * 10, snapshot }) : href('history', { limit: limit * 10 }) }, 'Show more')));
  }
}

function columnDiff(a, b) {
  const byId = (cols) => new Map(cols.map((c) => [c.column_id ?? c.name, c]));
  const A = byId(a.columns), B = byId(b.columns);
  const out = [];
  for (const [id, c] of B) {
    const o = A.get(id);
    if (!o) out.push({ change: 'added', column_id: id, name: c.name, type: c.type, before: '', after: `${c.name} ${c.type}` });
    else {
      if (o.name !== c.name) out.push({ change: 'renamed', column_id: id, name: c.name, type: c.type, before: o.name, after: c.name });
      if (o.type !== c.type) out.push({ change: 'type changed', column_id: id, name: c.name, type: c.type, before: o.type, after: c.type });
    }
  }
  for (const [id, o] of A) if (!B.has(id)) out.push({ change: 'dropped', column_id: id, name: o.name, type: o.type, before: `${o.name} ${o.type}`, after: '' });
  return out;
}

export async function comparePage(root, args, params, ctx) {
  const io = ctx.api;
  const tableName = api.canonicalName(args[0] || '');
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [tableName, href('table', tableName)], ['History', href('history', tableName)], [`${args[1] ?? ''} → ${args[2] ?? ''}`, null]]));
  root.appendChild(heading(`Compare ${tableName}`, `What changed between snapshot ${args[1] ?? '?'} and snapshot ${args[2] ?? '?'}.`));
  root.appendChild(tableNav(tableName, 'history'));
  let from = api.snapshotId(args[1]), to = api.snapshotId(args[2]);
  if (from === undefined || to === undefined || from === to) {
    root.appendChild(empty('Pick two different snapshots on the history page.'));
    return;
  }
  if (from > to) [from, to] = [to, from];
  root.appendChild(h('p', { class: 'link-list' },
    h('a', { href: href('samples', tableName, { snapshot: from }) }, `Rows as of ${from}`),
    h('a', { href: href('samples', tableName, { snapshot: to }) }, `Rows as of ${to}`)));
  const [da, db, ch] = await Promise.all([
    io.tool('describe_table', { table: tableName, snapshot: from }),
    io.tool('describe_table', { table: tableName, snapshot: to }),
    io.tool('table_changes', { table: tableName, from_snapshot: from + 1, to_snapshot: to }),
  ]);

  const cdiff = columnDiff(da, db);
  const colSec = section('Columns');
  colSec.id = 'column-changes';
  if (!cdiff.length) colSec.appendChild(empty('No columns were added, renamed or dropped.'));
  else {
    colSec.appendChild(table({
      caption: 'Column changes (matched by column id)',
      className: 'column-diff',
      columns: [
        { name: 'change', label: 'Change', cell: (r) => h('span', { class: `badge ${r.change.replace(/ /g, '-')}` }, r.change) },
        { name: 'column_id', label: 'Column id', numeric: true },
        { name: 'before', label: `At ${from}`, cell: (r) => (r.before ? h('code', null, r.before) : '—') },
        { name: 'after', label: `At ${to}`, cell: (r) => (r.after ? h('code', null, r.after) : '—') },
      ],
      rows: cdiff,
      rowAttrs: (r) => ({ dataset: { change: r.change, columnId: String(r.column_id) } }),
    }));
  }

  const cols = ch.columns.map((c) => c.name);
  const dataCols = cols.filter((c) => !['snapshot_id', 'rowid', 'change_type'].includes(c));
  const rows = api.objects(ch);
  const inserts = rows.filter((r) => r.change_type === 'insert');
  const deletes = rows.filter((r) => r.change_type === 'delete');
  const pre = new Map(), post = new Map();
  for (const r of rows) {
    const k = `${r.snapshot_id}/${r.rowid}`;
    if (r.change_type === 'update_preimage') pre.set(k, r);
    if (r.change_type === 'update_postimage') post.set(k, r);
  }
  const updates = [...new Set([...pre.keys(), ...post.keys()])].map((k) => ({ key: k, before: pre.get(k) || {}, after: post.get(k) || {} }))
    .sort((a, b) => (a.after.snapshot_id ?? a.before.snapshot_id) - (b.after.snapshot_id ?? b.before.snapshot_id) || (a.after.rowid ?? a.before.rowid) - (b.after.rowid ?? b.before.rowid));

  root.appendChild(dl([
    ['Rows inserted', h('span', { id: 'count-inserted' }, fmtInt(inserts.length))],
    ['Rows deleted', h('span', { id: 'count-deleted' }, fmtInt(deletes.length))],
    ['Rows updated', h('span', { id: 'count-updated' }, fmtInt(updates.length))],
    ['Column changes', fmtInt(cdiff.length)],
    [`Rows at ${from}`, fmtInt(da.rows)],
    [`Rows at ${to}`, fmtInt(db.rows)],
  ], 'facts summary'));
  if (ch.truncated) root.appendChild(notice('The server cut this list of changes short (its row cap): showing the first ones.'));
  root.appendChild(colSec);

  const rowTable = (list, kind, snapForLink) => table({
    caption: `${kind} rows`,
    captionHidden: true,
    className: `changes-${kind.toLowerCase()}`,
    columns: [
      { name: 'snapshot_id', label: 'Snapshot', numeric: true },
      { name: 'rowid', label: 'Row id', numeric: true, cell: (r) => h('a', { href: href('row', tableName, r.rowid, { snapshot: snapForLink }), 'aria-label': `Row ${r.rowid}` }, String(r.rowid)) },
      ...dataCols.map((c) => ({ name: c, label: c })),
    ],
    rows: list,
    rowAttrs: (r) => ({ class: `row-${kind.toLowerCase()}`, dataset: { rowid: String(r.rowid) } }),
  });
  const ins = section('Inserted rows');
  ins.id = 'inserted';
  ins.appendChild(inserts.length ? rowTable(inserts, 'Inserted', to) : empty('No rows inserted.'));
  const del = section('Deleted rows');
  del.id = 'deleted';
  del.appendChild(deletes.length ? rowTable(deletes, 'Deleted', from) : empty('No rows deleted.'));
  const upd = section('Updated rows');
  upd.id = 'updated';
  if (!updates.length) upd.appendChild(empty('No rows updated.'));
  else {
    upd.appendChild(h('p', { class: 'hint' }, 'Changed values are highlighted: the old value struck through, then the new one.'));
    upd.appendChild(table({
      caption: 'Updated rows',
      captionHidden: true,
      className: 'changes-updated',
      columns: [
        { name: 'snapshot_id', label: 'Snapshot', numeric: true, cell: (u) => String(u.after.snapshot_id ?? u.before.snapshot_id) },
        { name: 'rowid', label: 'Row id', numeric: true, cell: (u) => { const id = u.after.rowid ?? u.before.rowid; return h('a', { href: href('row', tableName, id, { snapshot: to }), 'aria-label': `Row ${id}` }, String(id)); } },
        ...dataCols.map((c) => ({
          name: c, label: c,
          cell: (u) => {
            const a = u.before[c], b = u.after[c];
            if (valueText(a) === valueText(b)) return valueNode(b);
            return h('span', { class: 'changed', dataset: { column: c, old: valueText(a), new: valueText(b) } },
              h('span', { class: 'sr-only' }, 'was '), h('del', null, valueText(a)), ' → ',
              h('span', { class: 'sr-only' }, 'now '), h('mark', null, valueText(b)));
          },
        })),
      ],
      rows: updates,
      rowAttrs: (u) => ({ class: 'row-updated', dataset: { rowid: String(u.after.rowid ?? u.before.rowid) } }),
    }));
  }
  root.append(ins, del, upd);
}
