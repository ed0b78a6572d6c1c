// Charts of a table: a histogram or bar chart of one column (column_histogram: computed by
// the lake in SQL, never by fetching rows) and the quality report (quality_check, and the
// rows of registry.quality_reports for the table).

import * as api from './api.js';
import { h, table, dl, empty, fmtInt, fmtNum, fmtPercent, field, notice, isNumericType, isTextType, valueText } from './dom.js';
import { heading, href, tableNav, breadcrumbs, errorBlock, section, snapshotParam, timeTravelNotice } from './ui.js';
import { barChart } from './charts.js';

function defaultColumn(cols) {
  const numeric = cols.filter((c) => isNumericType(c.type) && !/(^id$|_id$|^rowid$)/i.test(c.name));
  if (numeric.length) return numeric[0].name;
  return cols.length ? cols[0].name : '';
}

/** Bars of a column_histogram answer; counts add up to the rows looked at. */
export function histogramBars(r) {
  const bars = [];
  if (r.kind === 'numeric') {
    for (const b of r.bins || []) {
      bars.push({ label: `${fmtNum(b.lo)}–${fmtNum(b.hi)}`, count: b.count, title: `${fmtNum(b.lo)} to ${fmtNum(b.hi)}: ${fmtInt(b.count)} rows` });
    }
  } else {
    for (const v of r.values || []) {
      const label = v.value === null ? 'NULL' : valueText(v.value);
      bars.push({ label, count: v.count, title: `${label}: ${fmtInt(v.count)} rows` });
    }
    if (r.other) bars.push({ label: 'other values', count: r.other, kind: 'other', title: `${fmtInt(r.other)} rows with other values` });
  }
  if (r.nulls) bars.push({ label: 'NULL', count: r.nulls, kind: 'null', title: `${fmtInt(r.nulls)} rows with NULL` });
  return bars;
}

// the quality check scans every row: on load only up to this many (the catalog's count),
// behind a button above
export const QUALITY_ON_LOAD_ROWS = 1000000;

export async function chartsPage(root, args, params, ctx) {
  const io = ctx.api;
  const name = api.canonicalName(args[0] || '');
  const { snapshot, error } = snapshotParam(params);
  const where = (params.get('where') || '').trim();
  const bins = Math.min(200, Math.max(1, Math.floor(Number(params.get('bins')) || 20)));
  const key = params.get('key') || '';
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [name, href('table', name, { snapshot })], ['Charts & quality', null]]));
  root.appendChild(heading(`Charts of ${name}`, 'Histograms and value counts computed by the lake in SQL, and the table’s quality report.'));
  if (error) throw error;
  root.appendChild(tableNav(name, 'charts', { snapshot }));
  if (snapshot) {
    const p = new URLSearchParams(params);
    p.delete('snapshot');
    root.appendChild(timeTravelNotice(name, snapshot, href('charts', name, Object.fromEntries(p)), 'time-travel-notice'));
  }
  const at = snapshot ? { snapshot } : {};
  const desc = await io.tool('describe_table', { table: name, ...at });
  const cols = desc.columns;
  const column = params.get('column') || defaultColumn(cols);
  const colInfo = cols.find((c) => c.name === column);
  const measure = params.get('measure') === 'length' ? 'length' : 'value';

  const colSel = h('select', { id: 'chart-column', name: 'column' }, cols.map((c) => h('option', { value: c.name, selected: c.name === column }, `${c.name} (${c.type})`)));
  const measSel = h('select', { id: 'chart-measure', name: 'measure' },
    h('option', { value: 'value', selected: measure === 'value' }, 'its values'),
    h('option', { value: 'length', selected: measure === 'length' }, 'the length of its text'));
  const binsIn = h('input', { type: 'number', id: 'chart-bins', name: 'bins', min: '1', max: '200', step: '1', value: String(bins), class: 'narrow' });
  const whereIn = h('input', { type: 'text', id: 'chart-where', name: 'where', value: where, class: 'wide', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'inline-form', id: 'chart-form', 'aria-label': 'Chart settings' },
    field('Column', colSel), field('Chart', measSel), field('Bins (numbers)', binsIn), field('Only rows where (SQL)', whereIn),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Draw')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = href('charts', name, { column: colSel.value, measure: measSel.value === 'length' ? 'length' : '', bins: binsIn.value !== '20' ? binsIn.value : '', where: whereIn.value.trim(), snapshot, key });
  });
  const chartSec = section('Distribution', form);
  chartSec.id = 'distribution';
  root.appendChild(chartSec);

  // suggestions: the numeric columns, and the lengths of text columns
  const sugg = [];
  for (const c of cols) {
    if (isNumericType(c.type) && !/(^id$|_id$)/i.test(c.name)) sugg.push([c.name, { column: c.name }]);
    if (isTextType(c.type) && !/_uri$|sha256|_file$/i.test(c.name)) sugg.push([`length of ${c.name}`, { column: c.name, measure: 'length' }]);
  }
  if (sugg.length) {
    chartSec.appendChild(h('p', { class: 'link-list suggestions' }, h('span', null, 'Quick charts:'),
      sugg.slice(0, 12).map(([label, p]) => h('a', { href: href('charts', name, { ...p, snapshot }) }, label))));
  }
  const chartBox = h('div', { class: 'chart-box', id: 'chart' }, h('p', { class: 'loading' }, 'Computing…'));
  chartSec.appendChild(chartBox);
  const qualSec = section('Quality report');
  qualSec.id = 'quality';
  root.appendChild(qualSec);
  const qualBox = h('div', null);
  qualSec.appendChild(qualBox);
  const rows = Number(desc.rows);
  const runQuality = () => {
    qualBox.textContent = '';
    qualBox.appendChild(h('p', { class: 'loading' }, 'Checking…'));
    return quality(io, qualBox, name, at, key, cols, snapshot);
  };
  let qualityNow = Promise.resolve();
  if (key || !(rows > QUALITY_ON_LOAD_ROWS)) qualityNow = runQuality();
  else {
    // a big table: the check reads every row, so it waits to be asked for
    const btn = h('button', { type: 'button', id: 'run-quality', class: 'primary' }, `Run the quality check (scans ${fmtInt(rows)} rows)`);
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      try { await runQuality(); } catch (e) {
        if (e.name === 'AbortError' || e.status === 401) return;
        qualBox.textContent = '';
        qualBox.appendChild(errorBlock(e, 'The quality check failed'));
      }
    });
    qualBox.appendChild(h('p', null, `${name} has ${fmtInt(rows)} rows: the quality check reads all of them, so it runs when you ask. `, btn));
  }

  const hargs = { table: name, column, bins, measure, ...at };
  if (where) hargs.where = where;
  await Promise.all([
    (async () => {
      chartBox.textContent = '';
      if (!colInfo) { chartBox.appendChild(empty(`${name} has no column ${column}.`)); return; }
      let r;
      try { r = await io.tool('column_histogram', hargs); } catch (e) {
        if (e.status === 401 || e.name === 'AbortError') throw e;
        chartBox.appendChild(errorBlock(e, 'The lake could not compute this chart'));
        return;
      }
      const bars = histogramBars(r);
      const what = measure === 'length' ? `length of ${column}` : column;
      const sum = bars.reduce((a, b) => a + Number(b.count), 0);
      chartBox.appendChild(dl([
        ['Rows', h('span', { id: 'chart-rows', dataset: { rows: String(r.rows) } }, fmtInt(r.rows))],
        ['NULL', fmtInt(r.nulls)],
        r.kind === 'numeric' ? ['Min', fmtNum(r.min)] : ['Distinct values', fmtInt(r.distinct)],
        r.kind === 'numeric' ? ['Max', fmtNum(r.max)] : ['Shown', `${fmtInt((r.values || []).length)} most common`],
        ['Snapshot', String(r.snapshot_id ?? '')],
      ], 'facts summary'));
      if (!bars.length || !sum) { chartBox.appendChild(empty('No rows to chart.')); return; }
      const chart = barChart({
        bars,
        title: `${r.kind === 'numeric' ? 'Histogram' : 'Most common values'} of ${what} in ${name}`,
        xLabel: what,
        yLabel: 'rows',
      });
      chart.id = 'histogram';
      chart.dataset.kind = r.kind;
      chart.dataset.rows = String(r.rows);
      chartBox.appendChild(h('figure', { class: 'chart-figure' }, chart,
        h('figcaption', null, `${r.kind === 'numeric' ? 'Histogram' : 'Value counts'} of ${what}: ${fmtInt(sum)} rows in ${bars.length} bars${where ? ' (filtered)' : ''}.`)));
      chartBox.appendChild(h('details', { class: 'chart-data' }, h('summary', null, 'Chart data as a table'),
        table({ caption: `Bars of ${what}`, columns: [{ name: 'label', label: r.kind === 'numeric' ? 'Range' : 'Value' }, { name: 'count', label: 'Rows', numeric: true, cell: (b) => fmtInt(b.count) }], rows: bars })));
    })(),
    qualityNow,
  ]);
}

async function quality(io, box, name, at, key, cols, snapshot) {
  let q;
  try {
    q = await io.tool('quality_check', { table: name, ...at, ...(key ? { key } : {}) });
  } catch (e) {
    if (e.status === 401 || e.name === 'AbortError') throw e;
    box.textContent = '';
    box.appendChild(errorBlock(e, 'The quality check failed'));
    return;
  }
  box.textContent = '';
  const rows = (q.columns || []).map(([id, cname, type, n, nulls, distinct]) => ({ column_id: id, name: cname, type, rows: n, nulls, distinct }));
  box.appendChild(dl([['Rows', fmtInt(q.rows)], ['Columns', fmtInt(rows.length)], ['Snapshot', String(q.snapshot_id ?? '')]], 'facts summary'));
  const keySel = h('select', { id: 'quality-key', name: 'key' }, h('option', { value: '' }, '(none)'),
    cols.map((c) => h('option', { value: c.name, selected: c.name === key }, c.name)));
  const kform = h('form', { class: 'inline-form', 'aria-label': 'Key check' }, field('Check a unique key', keySel),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit' }, 'Check')));
  kform.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams(location.hash.split('?')[1] || '');
    if (keySel.value) p.set('key', keySel.value); else p.delete('key');
    location.hash = `${location.hash.split('?')[0]}?${p}`;
  });
  box.appendChild(kform);
  if (q.key) {
    const k = q.key;
    box.appendChild(h('p', { class: k.unique_and_non_null ? 'ok-box' : 'warn-box', id: 'key-result' },
      k.unique_and_non_null ? `${k.column} is a unique key: no duplicates, no NULLs.`
        : `${k.column} is not a unique key: ${fmtInt(k.duplicate_values)} duplicated values in ${fmtInt(k.rows_with_duplicates)} rows, ${fmtInt(k.null_keys)} NULL keys.`));
  }
  if (rows.length) {
    const chart = barChart({
      bars: rows.map((r) => ({ label: r.name, count: r.nulls, title: `${r.name}: ${fmtInt(r.nulls)} NULL of ${fmtInt(r.rows)} (${fmtPercent(r.nulls, r.rows)})` })),
      title: `NULL values per column of ${name}`, xLabel: 'column', yLabel: 'NULL values',
    });
    chart.id = 'quality-chart';
    box.appendChild(h('figure', { class: 'chart-figure' }, chart, h('figcaption', null, 'NULL values per column.')));
    box.appendChild(table({
      caption: `Columns of ${name}: NULLs and distinct values`,
      className: 'quality-table',
      columns: [
        { name: 'column_id', label: 'Column id', numeric: true },
        { name: 'name', label: 'Column', cell: (r) => h('a', { href: href('charts', name, { column: r.name, snapshot }), 'aria-label': `Chart of ${r.name}` }, r.name) },
        { name: 'type', label: 'Type' },
        { name: 'rows', label: 'Rows', numeric: true, cell: (r) => fmtInt(r.rows) },
        { name: 'nulls', label: 'NULL', numeric: true, cell: (r) => `${fmtInt(r.nulls)} (${fmtPercent(r.nulls, r.rows)})` },
        { name: 'distinct', label: 'Distinct', numeric: true, cell: (r) => fmtInt(r.distinct) },
      ],
      rows,
    }));
  }
  // reports the quality agent wrote (registry.quality_reports exists after the first)
  const rep = h('div', { id: 'quality-reports' }, h('h3', null, 'Reports of the quality agent'));
  box.appendChild(rep);
  let exists = false;
  try { exists = await io.tableExists('registry.quality_reports'); } catch (e) {
    if (e.name === 'AbortError' || e.status === 401) throw e;
    exists = false;
  }
  if (!exists) { rep.appendChild(empty('No quality reports yet: registry.quality_reports is made by the first one.')); return; }
  const [sc, t] = api.parseTable(name);
  // the agent records the table as its event named it: schema.table as written, or bare
  const names = [...new Set([name, `${sc}.${t}`, t])];
  const r = await io.query(`SELECT event_id, data_snapshot, status, rows, problems, checked_at FROM registry.quality_reports
    WHERE table_name IN (${names.map(api.lit).join(', ')}) ORDER BY checked_at DESC`, { maxRows: 200 }).catch((e) => e);
  if (r instanceof Error) {
    if (r.name === 'AbortError' || r.status === 401) throw r;
    rep.appendChild(errorBlock(r, 'Could not read the reports'));
    return;
  }
  const reports = api.objects(r);
  if (!reports.length) { rep.appendChild(empty(`No quality reports for ${name}.`)); return; }
  const problemCount = (p) => {
    const v = typeof p === 'string' ? (() => { try { return JSON.parse(p); } catch { return null; } })() : p;
    return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
  };
  const ordered = [...reports].reverse();
  const chart = barChart({
    bars: ordered.map((x) => ({ label: `snapshot ${x.data_snapshot}`, count: problemCount(x.problems), title: `${x.checked_at}: ${x.status}, ${problemCount(x.problems)} problems` })),
    title: `Problems found per report on ${name}`, xLabel: 'report (by data snapshot)', yLabel: 'problems',
  });
  rep.appendChild(h('figure', { class: 'chart-figure' }, chart));
  rep.appendChild(table({
    caption: `Quality reports of ${name}`,
    columns: [
      { name: 'checked_at', label: 'Checked at' },
      { name: 'data_snapshot', label: 'Data snapshot', numeric: true },
      { name: 'status', label: 'Status', cell: (x) => h('span', { class: `badge status-${String(x.status).toLowerCase()}` }, String(x.status)) },
      { name: 'rows', label: 'Rows', numeric: true, cell: (x) => fmtInt(x.rows) },
      { name: 'problems', label: 'Problems', cell: (x) => h('code', null, valueText(x.problems)) },
    ],
    rows: reports,
  }));
  if (r.truncated) rep.appendChild(notice('Only the newest reports are shown.'));
}
