// Experiments: the experiment and run registry, each run's metrics as line charts, runs
// compared side by side, the data each run wrote and its artifact versions.

import * as api from './api.js';
import { h, table, dl, empty, fmtInt, fmtNum, fmtBytes, notice, valueText, timeNode } from './dom.js';
import { heading, href, breadcrumbs, errorBlock, section, shortId, alertError } from './ui.js';
import { lineChart } from './charts.js';

const RUN_COLUMNS = 'run_id, experiment_id, sim_index, status, config, s3_prefix, started_at, completed_at, reason';

function statusBadge(st) {
  return h('span', { class: `badge status-${String(st || '').toLowerCase()}` }, String(st ?? '—'));
}

function parseConfig(c) {
  if (typeof c === 'string') { try { return JSON.parse(c); } catch { return { value: c }; } }
  return c || {};
}

/** {a: {b: 1}} -> {'a.b': 1} */
function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj || {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

function configText(c) {
  const f = flatten(parseConfig(c));
  const keys = Object.keys(f);
  return keys.length ? keys.map((k) => `${k}=${valueText(f[k])}`).join(', ') : '—';
}

function runLabel(r) {
  return `run ${r.sim_index ?? ''} (${shortId(r.run_id)})`.replace('run  (', 'run (');
}

/** Is this error one to pass on (the page was left, or the token refused)? */
function fatal(e) {
  return e && (e.name === 'AbortError' || e.status === 401);
}

/** Does a registry table exist yet? (They are made by the first registry write.) */
async function registryHas(io, table) {
  try { return await io.tableExists(`registry.${table}`); } catch (e) {
    if (fatal(e)) throw e;
    return false;
  }
}

/** The metrics of runs: Map run_id -> Map key -> [[step, value]]. */
async function metricsOf(io, runIds) {
  const out = new Map(runIds.map((id) => [id, new Map()]));
  if (!runIds.length || !(await registryHas(io, 'metrics'))) return { out, truncated: false };
  const r = await io.query(`SELECT run_id, step, key, value FROM registry.metrics WHERE run_id IN (${runIds.map(api.lit).join(', ')})
    ORDER BY run_id, key, step`, { maxRows: 50000 });
  for (const [run, step, key, value] of r.rows) {
    const m = out.get(run);
    if (!m) continue;
    if (!m.has(key)) m.set(key, []);
    m.get(key).push([Number(step), Number(value)]);
  }
  return { out, truncated: r.truncated };
}

// a run's rows in a table are counted up to this many and then shown as "1,000+"
export const DATA_BOUND = 1000;

/**
 * The tables (outside the registry) with a run_id column, and each run's rows there,
 * counted with a bound: one query per table, each run's count reading at most
 * DATA_BOUND + 1 of its rows (a LIMIT stops the scan), so a big table is not read whole
 * to count what a run wrote.
 */
async function dataOf(io, runIds) {
  const res = new Map(runIds.map((id) => [id, []]));
  const t = await io.query(`SELECT DISTINCT table_schema, table_name, data_type FROM information_schema.columns
    WHERE column_name = 'run_id' AND table_catalog = current_database() AND table_schema <> 'registry'
    ORDER BY table_schema, table_name`, { maxRows: 1000 });
  const tables = t.rows.map(([sc, tb, type]) => ({ name: api.tableName(sc, tb), text: /^(VARCHAR|TEXT|STRING)$/i.test(String(type)) }));
  await Promise.all(tables.map(async ({ name, text }) => {
    const ref = api.tableRef(name);
    const col = text ? 'run_id' : 'CAST(run_id AS VARCHAR)';
    const sql = runIds.map((id) => `SELECT ${api.lit(id)} AS run_id, (SELECT count(*) FROM (SELECT 1 FROM ${ref} WHERE ${col} = ${api.lit(id)} LIMIT ${DATA_BOUND + 1})) AS n`)
      .join('\nUNION ALL ');
    try {
      const c = await io.query(sql, { maxRows: runIds.length + 1 });
      for (const [run, n] of c.rows) if (res.has(run) && Number(n) > 0) res.get(run).push({ table: name, rows: Number(n) });
    } catch (e) {
      if (fatal(e)) throw e;
      /* a table this token cannot read */
    }
  }));
  for (const list of res.values()) list.sort((a, b) => a.table.localeCompare(b.table));
  return { byRun: res, tables: tables.map((x) => x.name) };
}

function rowsText(n) {
  return n > DATA_BOUND ? `${fmtInt(DATA_BOUND)}+ rows` : `${fmtInt(n)} row${n === 1 ? '' : 's'}`;
}

function dataLinks(runId, list) {
  if (!list.length) return empty('No rows with this run_id in the lake’s tables.');
  return h('ul', { class: 'data-links' }, list.map((d) => h('li', null,
    h('a', { href: href('samples', d.table, { where: `run_id = ${api.lit(runId)}` }), class: 'run-data', dataset: { table: d.table, run: runId, rows: String(d.rows) } },
      `${d.table}`), ` — ${rowsText(d.rows)}`)));
}

async function artifacts(io) {
  if (!(await registryHas(io, 'artifact_versions'))) return null;
  const r = await io.query(`SELECT name, kind, version, uri, files, bytes, meta, manifest_uri, created_at
    FROM registry.artifact_versions ORDER BY created_at DESC, name, version DESC`, { maxRows: 2000 });
  return { rows: api.objects(r), truncated: r.truncated };
}

function artifactTable(rows, caption) {
  return table({
    caption,
    className: 'artifacts',
    columns: [
      { name: 'name', label: 'Name' },
      { name: 'version', label: 'Version', cell: (a) => `v${a.version}` },
      { name: 'kind', label: 'Kind' },
      { name: 'files', label: 'Files', numeric: true, cell: (a) => fmtInt(a.files) },
      { name: 'bytes', label: 'Size', numeric: true, cell: (a) => fmtBytes(a.bytes) },
      { name: 'meta', label: 'Meta', cell: (a) => h('code', null, valueText(a.meta)) },
      { name: 'uri', label: 'Where', cell: (a) => h('code', { class: 'uri' }, String(a.uri ?? '')) },
      { name: 'created_at', label: 'Created', cell: (a) => timeNode(a.created_at) },
    ],
    rows,
  });
}

function mentions(a, ids) {
  const m = valueText(a.meta);
  return ids.some((id) => id && m.includes(id));
}

function artifactSection(all, ids, what) {
  const sec = section('Artifact versions');
  sec.id = 'artifacts';
  if (!all) { sec.appendChild(empty('No artifact versions yet: registry.artifact_versions is made by the first `lakehouse version put`.')); return sec; }
  const related = all.rows.filter((a) => mentions(a, ids));
  sec.appendChild(related.length ? artifactTable(related, `Artifact versions whose meta mentions ${what}`)
    : empty(`No artifact version’s meta mentions ${what}.`));
  sec.appendChild(h('details', { class: 'all-artifacts' }, h('summary', null, `All artifact versions (${fmtInt(all.rows.length)})`),
    all.rows.length ? artifactTable(all.rows, 'All artifact versions') : empty('None.')));
  if (all.truncated) sec.appendChild(notice('Only the newest artifact versions are listed.'));
  return sec;
}

function runsTable(runs, { selectable, caption }) {
  return table({
    caption,
    className: 'runs',
    columns: [
      ...(selectable ? [{
        name: 'pick', label: 'Compare',
        cell: (r) => h('input', { type: 'checkbox', class: 'pick-run', value: r.run_id, 'aria-label': `Select ${runLabel(r)} to compare` }),
      }] : []),
      { name: 'run_id', label: 'Run', cell: (r) => h('a', { href: runsHref([r.run_id]), class: 'run-link', title: r.run_id }, runLabel(r)) },
      { name: 'experiment_id', label: 'Experiment', cell: (r) => h('a', { href: href('experiment', r.experiment_id) }, r.experiment_id) },
      { name: 'status', label: 'Status', cell: (r) => statusBadge(r.status) },
      { name: 'config', label: 'Config', cell: (r) => h('code', null, configText(r.config)) },
      { name: 'started_at', label: 'Started', cell: (r) => timeNode(r.started_at) },
      { name: 'completed_at', label: 'Ended', cell: (r) => timeNode(r.completed_at) },
      { name: 'reason', label: 'Reason', cell: (r) => (r.reason ? String(r.reason) : '') },
    ],
    rows: runs,
    rowAttrs: (r) => ({ dataset: { run: r.run_id } }),
  });
}

/** The address of runs side by side: #/runs?id=A&id=B (a run id may hold any text, commas too). */
export function runsHref(ids) {
  return href('runs', { id: ids });
}

/** The run ids of a #/runs address: ?id= repeated, or the older ?ids=A,B. */
export function runIdsOf(params) {
  const ids = params.getAll('id');
  const old = params.get('ids');
  if (old) ids.push(...old.split(','));
  return [...new Set(ids.map((x) => x.trim()).filter(Boolean))];
}

export async function experimentsPage(root, args, params, ctx) {
  const io = ctx.api;
  root.appendChild(heading('Experiments', 'The experiment and run registry.'));
  const body = h('div', null, h('p', { class: 'loading' }, 'Loading experiments…'));
  root.appendChild(body);
  const [ex, runs] = await Promise.all([
    io.tool('experiment_list', {}),
    io.query(`SELECT ${RUN_COLUMNS} FROM registry.simulation_runs ORDER BY started_at DESC`, { maxRows: 100 }).catch((e) => {
      if (fatal(e)) throw e;
      return null;
    }),
  ]);
  body.textContent = '';
  const list = api.objects(ex);
  if (!list.length) body.appendChild(empty('No experiments yet: create one with `lakehouse experiment create ID --project P`.'));
  else {
    body.appendChild(table({
      caption: 'Experiments',
      className: 'experiments',
      columns: [
        { name: 'experiment_id', label: 'Experiment', cell: (e) => h('a', { href: href('experiment', e.experiment_id) }, e.experiment_id) },
        { name: 'project', label: 'Project' },
        { name: 'description', label: 'Description', cell: (e) => e.description || '' },
        { name: 'status', label: 'Status', cell: (e) => statusBadge(e.status) },
        { name: 'runs', label: 'Runs', numeric: true, cell: (e) => fmtInt(e.runs) },
        { name: 'started', label: 'Running', numeric: true, cell: (e) => fmtInt(e.started) },
        { name: 'completed', label: 'Completed', numeric: true, cell: (e) => fmtInt(e.completed) },
        { name: 'failed', label: 'Failed', numeric: true, cell: (e) => fmtInt(e.failed) },
        { name: 'created_at', label: 'Created', cell: (e) => timeNode(e.created_at) },
        { name: 'completed_at', label: 'Completed at', cell: (e) => timeNode(e.completed_at) },
      ],
      rows: list,
      rowAttrs: (e) => ({ dataset: { experiment: e.experiment_id } }),
    }));
  }
  if (runs && runs.rows.length) {
    const sec = section('Latest runs');
    sec.appendChild(comparePicker(api.objects(runs), 'Latest runs'));
    body.appendChild(sec);
  }
}

/** A runs table with checkboxes and a button that opens #/runs?id=…&id=… */
function comparePicker(runs, caption) {
  const wrap = h('div', { class: 'compare-picker' });
  const t = runsTable(runs, { selectable: true, caption });
  const btn = h('button', { type: 'button', class: 'primary compare-runs' }, 'Compare selected runs');
  btn.addEventListener('click', () => {
    const ids = [...wrap.querySelectorAll('input.pick-run:checked')].map((c) => c.value);
    if (ids.length < 2) { alertError('Select two or more runs to compare.'); return; }
    alertError('');
    location.hash = runsHref(ids);
  });
  wrap.append(t, h('div', { class: 'form-buttons' }, btn));
  return wrap;
}

export async function experimentPage(root, args, params, ctx) {
  const io = ctx.api;
  const id = args[0] || '';
  root.appendChild(breadcrumbs([['Experiments', href('experiments')], [id, null]]));
  root.appendChild(heading(`Experiment ${id}`));
  const show = await io.tool('experiment_show', { experiment_id: id });
  const e = show.experiment || {};
  root.appendChild(dl([
    ['Project', e.project ?? '—'],
    ['Description', e.description || '—'],
    ['Status', statusBadge(e.status)],
    ['Runs', fmtInt(e.runs)],
    ['Running', fmtInt(e.started)],
    ['Completed', fmtInt(e.completed)],
    ['Failed', fmtInt(e.failed)],
    ['Created', timeNode(e.created_at)],
    ['Completed at', timeNode(e.completed_at)],
  ], 'facts summary'));
  const runs = api.objects(show.runs);
  const runsSec = section('Runs');
  runsSec.id = 'runs';
  runsSec.appendChild(runs.length ? comparePicker(runs, `Runs of ${id}`) : empty('No runs yet.'));
  root.appendChild(runsSec);
  if (!runs.length) return;
  const shown = runs.slice(0, 24);
  const ids = shown.map((r) => r.run_id);
  const soft = (e) => { if (fatal(e)) throw e; return null; };
  const [{ out: metrics, truncated }, data, arts] = await Promise.all([metricsOf(io, ids), dataOf(io, ids).catch(soft), artifacts(io).catch(soft)]);
  const mSec = section('Metrics of each run');
  mSec.id = 'metrics';
  if (truncated) mSec.appendChild(notice('Some metrics were cut by the server’s row cap.'));
  if (runs.length > shown.length) mSec.appendChild(notice(`Showing the first ${shown.length} of ${runs.length} runs.`));
  const cards = h('div', { class: 'run-cards' });
  mSec.appendChild(cards);
  for (const r of shown) {
    const m = metrics.get(r.run_id);
    const art = h('article', { class: 'run-card', dataset: { run: r.run_id } },
      h('h3', null, h('a', { href: runsHref([r.run_id]) }, runLabel(r)), ' ', statusBadge(r.status)),
      h('p', null, h('code', null, configText(r.config))));
    if (!m || !m.size) art.appendChild(empty('No metrics logged.'));
    else {
      const chart = lineChart({ series: [...m].map(([k, pts]) => ({ name: k, points: pts })), title: `Metrics of ${runLabel(r)}`, yLabel: 'value' });
      chart.classList.add('run-metrics');
      art.appendChild(chart);
    }
    if (data) {
      art.appendChild(h('h4', null, 'Data this run wrote'));
      art.appendChild(dataLinks(r.run_id, data.byRun.get(r.run_id) || []));
    }
    cards.appendChild(art);
  }
  root.appendChild(mSec);
  root.appendChild(artifactSection(arts, [id, ...ids], `experiment ${id} or its runs`));
}

export async function runsPage(root, args, params, ctx) {
  const io = ctx.api;
  const ids = runIdsOf(params);
  const title = ids.length === 1 ? `Run ${shortId(ids[0])}` : `Compare ${ids.length} runs`;
  root.appendChild(breadcrumbs([['Experiments', href('experiments')], [title, null]]));
  root.appendChild(heading(title, ids.length > 1 ? 'Configs side by side, metrics overlaid.' : null));
  if (!ids.length) { root.appendChild(empty('Pick runs on an experiment’s page.')); return; }
  if (!(await registryHas(io, 'simulation_runs'))) { root.appendChild(empty('No runs yet.')); return; }
  const r = await io.query(`SELECT ${RUN_COLUMNS} FROM registry.simulation_runs WHERE run_id IN (${ids.map(api.lit).join(', ')})`, { maxRows: ids.length });
  const found = api.objects(r);
  const runs = ids.map((id) => found.find((x) => x.run_id === id)).filter(Boolean);
  const missing = ids.filter((id) => !found.some((x) => x.run_id === id));
  if (missing.length) root.appendChild(notice(`No such run: ${missing.map((x) => `“${x}”`).join(', ')}.`));
  if (!runs.length) return;
  root.appendChild(runsTable(runs, { selectable: false, caption: 'Runs' }));

  // configs in columns; a row per key; differing values highlighted
  const flat = runs.map((x) => flatten(parseConfig(x.config)));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  const cfg = section('Config');
  cfg.id = 'config';
  if (!keys.length) cfg.appendChild(empty('These runs have no config.'));
  else {
    cfg.appendChild(table({
      caption: 'Config of each run',
      className: 'config-compare',
      columns: [
        { name: 'key', label: 'Key', cell: (k) => h('code', null, k) },
        ...runs.map((x, i) => ({
          name: x.run_id, label: runLabel(x),
          cell: (k) => {
            const vals = flat.map((f) => valueText(f[k] === undefined ? '—' : f[k]));
            const differs = runs.length > 1 && new Set(vals).size > 1;
            const v = flat[i][k] === undefined ? '—' : valueText(flat[i][k]);
            return differs ? h('mark', { class: 'differs' }, v) : v;
          },
        })),
      ],
      rows: keys,
      rowAttrs: (k) => ({ dataset: { key: k } }),
    }));
  }
  root.appendChild(cfg);

  const soft = (e) => { if (fatal(e)) throw e; return null; };
  const [{ out: metrics, truncated }, data, arts] = await Promise.all([
    metricsOf(io, runs.map((x) => x.run_id)), dataOf(io, runs.map((x) => x.run_id)).catch(soft), artifacts(io).catch(soft)]);
  const mSec = section('Metrics');
  mSec.id = 'metrics';
  if (truncated) mSec.appendChild(notice('Some metrics were cut by the server’s row cap.'));
  const mkeys = [...new Set([...metrics.values()].flatMap((m) => [...m.keys()]))].sort();
  if (!mkeys.length) mSec.appendChild(empty('No metrics logged.'));
  else if (runs.length === 1) {
    const m = metrics.get(runs[0].run_id);
    const chart = lineChart({ series: mkeys.map((k) => ({ name: k, points: m.get(k) || [] })), title: `Metrics of ${runLabel(runs[0])}` });
    chart.classList.add('run-metrics');
    mSec.appendChild(chart);
  } else {
    for (const k of mkeys) {
      mSec.appendChild(h('h3', null, k));
      const chart = lineChart({
        series: runs.filter((x) => metrics.get(x.run_id).has(k)).map((x) => ({ name: runLabel(x), points: metrics.get(x.run_id).get(k) })),
        title: `${k} of ${runs.length} runs`, yLabel: k,
      });
      chart.classList.add('metric-compare');
      chart.dataset.metric = k;
      mSec.appendChild(chart);
    }
    // last values side by side
    mSec.appendChild(table({
      caption: 'Last logged value of each metric',
      columns: [{ name: 'key', label: 'Metric', cell: (k) => h('code', null, k) },
        ...runs.map((x) => ({
          name: x.run_id, label: runLabel(x), numeric: true,
          cell: (k) => { const p = metrics.get(x.run_id).get(k); return p && p.length ? `${fmtNum(p[p.length - 1][1])} (step ${p[p.length - 1][0]})` : '—'; },
        }))],
      rows: mkeys,
    }));
  }
  root.appendChild(mSec);

  const dSec = section('Data the runs wrote');
  dSec.id = 'run-data';
  if (!data) dSec.appendChild(errorBlock(new Error('could not list the tables with a run_id column')));
  else {
    for (const x of runs) {
      dSec.appendChild(h('h3', null, runLabel(x)));
      dSec.appendChild(dataLinks(x.run_id, data.byRun.get(x.run_id) || []));
    }
  }
  root.appendChild(dSec);
  root.appendChild(artifactSection(arts, [...runs.map((x) => x.run_id), ...new Set(runs.map((x) => x.experiment_id))],
    runs.length === 1 ? 'this run or its experiment' : 'these runs or their experiments'));
}
