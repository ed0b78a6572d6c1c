// Samples: a paged view of a table's rows (thumbnails for image URIs, a SQL filter, time
// travel), one row's detail, and the video fragment player with its annotation boxes.

import * as api from './api.js';
import { h, s, table, dl, empty, fmtInt, fmtNum, field, notice, valueNode, valueText, clear } from './dom.js';
import { heading, href, tableNav, breadcrumbs, errorBlock, section, alertError, replaceParams, timeTravelNotice, snapshotParam } from './ui.js';
import { isFragmentIndex, findView } from './catalog.js';
import { PALETTE, swatch } from './charts.js';
import { playFragment } from './media.js';

export const PAGE_SIZE = 50;
const NOT_IMAGE = /\.(mp4|m4v|mov|webm|mkv|avi|mp3|wav|flac|ogg|parquet|json|jsonl|csv|txt|npy|npz|pt|bin|zip|tar|gz)$/i;

/** A column whose values are image URIs the thumbnail endpoint can show. */
export function isImageColumn(name) {
  return /(^|_)uri$/i.test(name);
}

export function isImageValue(v) {
  return typeof v === 'string' && v.length > 0 && !NOT_IMAGE.test(v.split('?')[0]);
}

/** An <img> filled later from /ui/thumb (fetched with the token, shown as a blob: URL). */
function thumb(tableName, column, uri, snapshot, size = 160) {
  const img = h('img', {
    class: size > 200 ? 'thumb large' : 'thumb', alt: `Thumbnail of ${uri.split('/').pop()}`, title: uri,
    decoding: 'async', dataset: { uri, state: 'pending' },
  });
  img._src = api.thumbUrl(tableName, column, uri, size, snapshot);
  return img;
}

/** Loads the thumbnails of `root` with the page's requests (`io`), a few at a time. */
export function loadThumbs(io, root) {
  const queue = [...root.querySelectorAll('img.thumb[data-state="pending"]')];
  const worker = async () => {
    while (queue.length) {
      const img = queue.shift();
      img.dataset.state = 'loading';
      try {
        img.src = await io.blobUrl(img._src);
        await img.decode().catch(() => {});
        img.dataset.state = img.naturalWidth > 0 ? 'loaded' : 'error';
      } catch (e) {
        // the page was left, or the token was refused (the tab is signed out already)
        if (e.name === 'AbortError' || e.status === 401) return;
        img.dataset.state = 'error';
        img.replaceWith(h('span', { class: 'thumb-failed', title: e.message, dataset: { uri: img.dataset.uri } },
          `No preview (${e.message})`));
      }
    }
  };
  for (let i = 0; i < 4; i++) worker();
}

function cellFor(tableName, col, v, snapshot) {
  if (isImageColumn(col) && isImageValue(v)) return thumb(tableName, col, v, snapshot);
  return valueNode(v);
}

/**
 * The page asked for by ?page=: 1 when absent; Infinity or a whole number of 1 or more
 * (clamped to the last page later); anything else throws an InputError.
 */
export function pageParam(raw) {
  const t = String(raw ?? '').trim();
  if (!t) return 1;
  const n = Number(t);
  if (n === Infinity || (Number.isInteger(n) && n >= 1)) return n;
  throw new api.InputError(`“${t}” is not a page number: pages are numbered 1, 2, 3 and on.`);
}

export async function samplesPage(root, args, params, ctx) {
  const io = ctx.api;
  const name = api.canonicalName(args[0] || '');
  const where = (params.get('where') || '').trim();
  const order = params.get('order') || '';
  const desc = params.get('desc') === '1';
  const { snapshot, error } = snapshotParam(params);
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [name, href('table', name, { snapshot })], ['Samples', null]]));
  root.appendChild(heading(`Samples of ${name}`));
  if (error) throw error;
  const wanted = pageParam(params.get('page'));
  root.appendChild(tableNav(name, 'samples', { snapshot }));

  const at = snapshot ? { snapshot } : {};
  // a table (describe_table), or a view (list_tables); anything else is an error to show
  let descr = null;
  try {
    descr = await io.tool('describe_table', { table: name, ...at });
  } catch (e) {
    if (e.status === 401 || e.name === 'AbortError') throw e;
    if (!(await findView(io, name, at))) throw e;
  }
  const isTable = !!descr;
  const orderSel = h('select', { id: 'filter-order', name: 'order' },
    h('option', { value: '' }, 'table order (fastest)'),
    isTable ? h('option', { value: 'rowid', selected: order === 'rowid' }, 'row id') : null,
    (descr ? descr.columns : []).map((c) => h('option', { value: c.name, selected: c.name === order }, c.name)));
  if (order && ![...orderSel.options].some((o) => o.value === order)) orderSel.appendChild(h('option', { value: order, selected: true }, order));
  const descBox = h('input', { type: 'checkbox', id: 'filter-desc', name: 'desc', checked: desc });
  const whereInput = h('input', { type: 'text', id: 'filter-where', name: 'where', value: where, autocomplete: 'off', spellcheck: 'false', class: 'wide' });
  const snapInput = h('input', { type: 'number', id: 'filter-snapshot', name: 'snapshot', min: '1', step: '1', value: String(snapshot), inputmode: 'numeric' });
  // novalidate: the snapshot field is checked by the page, with its message
  const form = h('form', { class: 'filter-form', id: 'filter-form', 'aria-label': 'Filter rows', novalidate: true },
    field('Filter (SQL WHERE clause)', whereInput, 'For example: caption ILIKE \'%dog%\' AND image_width > 400'),
    field('As of snapshot', snapInput, 'Empty: the latest'),
    field('Sort by', orderSel, 'Sorting reads the whole table'),
    h('div', { class: 'field check-field' }, h('span', { class: 'check' }, descBox, h('label', { for: 'filter-desc' }, 'Descending'))),
    h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      where || snapshot || order ? h('a', { href: href('samples', name), class: 'button-link' }, 'Clear') : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    let snap;
    try { snap = api.snapshotId(snapInput.value); } catch (err) {
      snapInput.setAttribute('aria-invalid', 'true');
      alertError(err.message);
      snapInput.focus();
      return;
    }
    location.hash = href('samples', name, {
      where: whereInput.value.trim(), snapshot: snap, order: orderSel.value, desc: orderSel.value && descBox.checked ? '1' : '', page: 1,
    });
  });
  root.appendChild(form);
  if (snapshot) root.appendChild(timeTravelNotice(name, snapshot, href('samples', name, { where }), 'time-travel-notice'));
  const body = h('div', { class: 'samples-body' }, h('p', { class: 'loading' }, 'Loading rows…'));
  root.appendChild(body);

  const ref = api.tableRef(name);
  const cond = where ? ` WHERE (${where})` : '';
  const countRows = () => io.query(`SELECT count(*) AS n FROM ${ref}${cond}`, { maxRows: 1, ...at }).then((r) => Number(r.rows[0][0]));
  // the rows there are: the catalog's count, or (filtered) a count of the rows kept; a page
  // past the last is the last. The count runs first only when the page asked for is not 1.
  let total = where ? null : (descr ? Number(descr.rows) : null);
  if (where && wanted > 1) total = await countRows();
  const pagesOf = (n) => Math.max(1, Math.ceil(n / PAGE_SIZE));
  let page = wanted;
  let clamped = false;
  if (total !== null && page > pagesOf(total)) { page = pagesOf(total); clamped = true; }
  if (!Number.isSafeInteger((page - 1) * PAGE_SIZE)) {
    throw new api.InputError(`Page ${params.get('page')} is past the rows this page can reach: pick a smaller page number.`);
  }
  const offset = (page - 1) * PAGE_SIZE;
  const orderBy = order ? ` ORDER BY ${order === 'rowid' ? 'rowid' : api.ident(order)}${desc ? ' DESC' : ''} NULLS LAST` : '';
  const sel = (withRowid) => `SELECT ${withRowid ? 'rowid AS "rowid", ' : ''}* FROM ${ref}${cond}${orderBy} LIMIT ${PAGE_SIZE + 1} OFFSET ${api.sqlInt(offset)}`;
  const [res, counted] = await Promise.all([
    io.query(sel(isTable), { maxRows: PAGE_SIZE + 1, ...at }),
    where && total === null ? countRows() : Promise.resolve(total),
  ]);
  total = counted;
  clear(body);
  if (clamped) {
    replaceParams({ where, snapshot, order, desc: desc ? '1' : '', page });
    body.appendChild(h('p', { class: 'notice', id: 'page-clamped' },
      `There is no page ${String(params.get('page')).trim()}: ${name} has ${fmtInt(pagesOf(total))} page${pagesOf(total) === 1 ? '' : 's'}`
      + `${where ? ' of rows matching the filter' : ''}. Showing the last.`));
  }
  const cols = res.columns.map((c) => c.name);
  const dataCols = isTable ? cols.slice(1) : cols;
  const rows = api.objects(res);
  const hasNext = rows.length > PAGE_SIZE;
  if (hasNext) rows.length = PAGE_SIZE;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const fragments = isFragmentIndex(dataCols);

  const first = rows.length ? offset + 1 : 0;
  const summary = h('p', { class: 'page-summary', id: 'page-summary', dataset: { total: total === null ? '' : String(total), page: String(page) } },
    rows.length
      ? `Rows ${fmtInt(first)}–${fmtInt(offset + rows.length)}${total === null ? '' : ` of ${fmtInt(total)}`}${where ? ' matching the filter' : ''}.`
      : `No rows${where ? ' match the filter' : ''} on page ${fmtInt(page)}.`);
  body.appendChild(summary);
  if (res.truncated) body.appendChild(notice('The server cut this page short (its size cap): some rows or values are missing.'));
  body.appendChild(pager(name, { where, snapshot, order, desc, page, pages, hasNext }));
  if (!rows.length) {
    body.appendChild(empty(where ? 'No rows match this filter.' : 'This table has no rows.'));
    return;
  }
  const columns = [];
  if (isTable) {
    columns.push({
      name: 'rowid', label: 'Row',
      cell: (r) => {
        const links = [h('a', { href: href('row', name, r.rowid, { snapshot }), 'aria-label': `Open row ${r.rowid}` }, `#${r.rowid}`)];
        if (fragments) {
          links.push(h('a', { href: href('video', name, r.fragment_id, { clip: r.clip_uri }), class: 'play-link', 'aria-label': `Play fragment ${r.fragment_id} of ${r.clip_uri.split('/').pop()}` }, 'Play'));
        }
        return h('span', { class: 'link-list' }, links);
      },
    });
  }
  // image columns first, as thumbnails beside the captions and other columns
  const imageCols = dataCols.filter((c) => isImageColumn(c) && rows.some((r) => isImageValue(r[c])));
  for (const c of [...imageCols, ...dataCols.filter((x) => !imageCols.includes(x))]) {
    columns.push({
      name: c, label: c,
      cell: (r) => cellFor(name, c, r[c], snapshot),
      class: (r) => (imageCols.includes(c) ? 'thumb-cell' : valueText(r[c]).length > 60 ? 'long' : null),
    });
  }
  body.appendChild(table({
    caption: `Page ${fmtInt(page)} of ${name}${snapshot ? ` as of snapshot ${snapshot}` : ''}`,
    className: 'samples',
    columns,
    rows,
    rowAttrs: (r) => (isTable ? { dataset: { rowid: String(r.rowid) } } : null),
  }));
  body.appendChild(pager(name, { where, snapshot, order, desc, page, pages, hasNext }, 'bottom'));
  loadThumbs(io, body);
}

function pager(name, { where, snapshot, order, desc, page, pages, hasNext }, where2 = 'top') {
  const to = (p) => href('samples', name, { where, snapshot, order, desc: desc ? '1' : '', page: p });
  const items = [];
  const item = (label, p, enabled, aria) => items.push(h('li', null, enabled
    ? h('a', { href: to(p), 'aria-label': aria, rel: label === 'Next' ? 'next' : label === 'Previous' ? 'prev' : null }, label)
    : h('span', { class: 'disabled', 'aria-disabled': 'true' }, label)));
  item('First', 1, page > 1, 'First page');
  item('Previous', page - 1, page > 1, 'Previous page');
  items.push(h('li', { class: 'current' }, `Page ${fmtInt(page)}${pages ? ` of ${fmtInt(pages)}` : ''}`));
  item('Next', page + 1, hasNext, 'Next page');
  if (pages) item('Last', pages, page < pages, 'Last page');
  const input = h('input', { type: 'number', min: '1', max: pages ? String(pages) : null, step: '1', value: String(page), class: 'narrow', inputmode: 'numeric' });
  const go = h('form', { class: 'goto-form' }, field('Go to page', input), h('button', { type: 'submit' }, 'Go'));
  go.addEventListener('submit', (e) => {
    e.preventDefault();
    let p = Math.max(1, Math.floor(Number(input.value) || 1));
    if (pages) p = Math.min(p, pages);
    if (!Number.isSafeInteger(p)) p = pages || 1;
    location.hash = to(p);
  });
  return h('nav', { class: 'pager', 'aria-label': where2 === 'top' ? 'Pages' : 'Pages (bottom)' }, h('ul', null, items), go);
}

export async function rowPage(root, args, params, ctx) {
  const io = ctx.api;
  const name = api.canonicalName(args[0] || '');
  const rowText = String(args[1] ?? '');
  const { snapshot, error } = snapshotParam(params);
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [name, href('table', name, { snapshot })], ['Samples', href('samples', name, { snapshot })], [`Row ${rowText}`, null]]));
  root.appendChild(heading(`Row ${rowText} of ${name}`, snapshot ? `As of snapshot ${snapshot}.` : null));
  if (error) throw error;
  root.appendChild(tableNav(name, 'samples', { snapshot }));
  const rowid = /^\d+$/.test(rowText) ? Number(rowText) : NaN;
  if (!Number.isSafeInteger(rowid)) { root.appendChild(empty('A row id is a whole number of 0 or more.')); return; }
  const at = snapshot ? { snapshot } : {};
  const res = await io.query(`SELECT rowid AS "rowid", * FROM ${api.tableRef(name)} WHERE rowid = ${api.sqlInt(rowid)}`, { maxRows: 1, ...at });
  const nav = h('p', { class: 'link-list' },
    rowid > 0 ? h('a', { href: href('row', name, rowid - 1, { snapshot }) }, 'Previous row') : null,
    h('a', { href: href('row', name, rowid + 1, { snapshot }) }, 'Next row'),
    h('a', { href: href('samples', name, { snapshot }) }, 'Back to samples'));
  if (!res.rows.length) {
    root.appendChild(empty(`No row ${rowid} in ${name}${snapshot ? ` at snapshot ${snapshot}` : ''} (deleted, or never there).`));
    root.appendChild(nav);
    return;
  }
  const row = api.objects(res)[0];
  const cols = res.columns.slice(1);
  const pairs = cols.map((c) => {
    const v = row[c.name];
    let node;
    if (isImageColumn(c.name) && isImageValue(v)) {
      node = h('div', { class: 'row-image' }, thumb(name, c.name, v, snapshot, 512), h('code', { class: 'uri' }, v));
    } else if (v !== null && typeof v === 'object') {
      node = h('pre', { class: 'json' }, JSON.stringify(v, null, 2));
    } else {
      node = valueNode(v, 100000);
    }
    return [`${c.name} (${c.type})`, node];
  });
  root.appendChild(dl(pairs, 'facts row-detail'));
  if (isFragmentIndex(cols.map((c) => c.name))) {
    root.appendChild(h('p', null, h('a', { href: href('video', name, row.fragment_id, { clip: row.clip_uri }), class: 'button-link primary' }, `Play fragment ${row.fragment_id}`)));
  }
  if (res.truncated) root.appendChild(notice('The server cut some values short (its size cap).'));
  root.appendChild(nav);
  loadThumbs(io, root);
}

// ---- the video fragment player ------------------------------------------------------------

export async function videoPage(root, args, params, ctx) {
  const io = ctx.api;
  const idx = api.canonicalName(args[0] || '');
  const fragText = String(args[1] ?? '');
  const fragment = /^\d+$/.test(fragText) ? Number(fragText) : NaN;
  const clip = params.get('clip') || '';
  const clipName = clip.split('/').pop();
  root.appendChild(breadcrumbs([['Catalog', href('catalog')], [idx, href('table', idx)], ['Samples', href('samples', idx)], [`Fragment ${fragText}`, null]]));
  root.appendChild(heading(`Fragment ${fragText} of ${clipName || 'a clip'}`, `From the fragment index ${idx}.`));
  if (!clip || !Number.isSafeInteger(fragment)) {
    root.appendChild(empty('This address needs a fragment id (a whole number) and ?clip=<clip_uri>. Pick a fragment on the samples page.'));
    return;
  }
  const ref = api.tableRef(idx);
  const [sc, tb] = api.parseTable(idx);
  // the clip table and the annotation table of `video ingest`, when this index has them
  const listed = await io.tool('list_tables', { schema: sc });
  const here = new Set((listed.tables || []).map((t) => t.name));
  const clipsName = here.has(`${tb}_clips`) ? api.tableName(sc, `${tb}_clips`) : null;
  const annName = here.has(`${tb}_annotations`) ? api.tableName(sc, `${tb}_annotations`) : null;
  const fid = api.sqlInt(fragment);
  const [fr, clipRes, neighbours] = await Promise.all([
    io.query(`SELECT * FROM ${ref} WHERE clip_uri = ${api.lit(clip)} AND fragment_id = ${fid}`, { maxRows: 1 }),
    clipsName ? io.query(`SELECT * FROM ${api.tableRef(clipsName)} WHERE clip_uri = ${api.lit(clip)}`, { maxRows: 1 }).catch((e) => {
      if (e.status === 401 || e.name === 'AbortError') throw e;
      return e;
    }) : null,
    io.query(`SELECT fragment_id FROM ${ref} WHERE clip_uri = ${api.lit(clip)} AND fragment_id IN (${api.sqlInt(Math.max(0, fragment - 1))}, ${api.sqlInt(fragment + 1)}) ORDER BY fragment_id`, { maxRows: 2 }),
  ]);
  if (!fr.rows.length) { root.appendChild(empty(`${idx} has no fragment ${fragment} of this clip.`)); return; }
  const f = api.objects(fr)[0];
  const clipInfo = clipRes && !(clipRes instanceof Error) && clipRes.rows.length ? api.objects(clipRes)[0] : null;
  if (clipInfo && clipInfo.source) {
    const title = `Fragment ${fragment} of ${String(clipInfo.source).split('/').pop()}`;
    root.querySelector('h1').textContent = title;
    document.title = `${title} · Modal Lakehouse`;
  }
  const sf = Number(f.start_frame), ef = Number(f.end_frame);
  const t0 = Number(f.start_time), t1 = Number(f.end_time);
  const fragDur = t1 - t0;
  const fps = fragDur > 0 ? (ef - sf + 1) / fragDur : 25;

  const video = h('video', {
    id: 'player', controls: true, muted: true, playsinline: true, preload: 'auto',
    'aria-label': `Fragment ${fragment} of ${clipName}, ${fmtNum(fragDur)} seconds`,
    dataset: { startTime: String(t0), endTime: String(t1), startFrame: String(sf), endFrame: String(ef) },
  });
  video.muted = true;
  const W = Number(clipInfo && clipInfo.width) || 0;
  const H = Number(clipInfo && clipInfo.height) || 0;
  const overlay = s('svg', { class: 'overlay', id: 'overlay', viewBox: `0 0 ${W || 1} ${H || 1}`, preserveAspectRatio: 'xMidYMid meet', 'aria-hidden': 'true', focusable: 'false' });
  const readout = h('p', { class: 'frame-readout', id: 'frame-readout' }, 'Loading the fragment…');
  const showBoxes = h('input', { type: 'checkbox', id: 'show-boxes', checked: true });
  const prevBtn = h('button', { type: 'button', id: 'prev-frame' }, 'Previous frame');
  const nextBtn = h('button', { type: 'button', id: 'next-frame' }, 'Next frame');
  const playBtn = h('button', { type: 'button', id: 'play-pause' }, 'Play');
  const controls = h('div', { class: 'player-controls' }, prevBtn, playBtn, nextBtn,
    annName ? h('span', { class: 'check' }, showBoxes, h('label', { for: 'show-boxes' }, 'Show annotation boxes')) : null);
  const legend = h('ul', { class: 'legend', id: 'class-legend', 'aria-label': 'Object classes in this fragment' });
  root.appendChild(h('figure', { class: 'player' }, h('div', { class: 'video-box' }, video, overlay), h('figcaption', null, readout), controls, annName ? legend : null));

  const links = h('p', { class: 'link-list' },
    neighbours.rows.some((r) => r[0] === fragment - 1) ? h('a', { href: href('video', idx, fragment - 1, { clip }), rel: 'prev' }, 'Previous fragment') : null,
    neighbours.rows.some((r) => r[0] === fragment + 1) ? h('a', { href: href('video', idx, fragment + 1, { clip }), rel: 'next' }, 'Next fragment') : null,
    h('a', { href: href('samples', idx, { where: `clip_uri = ${api.lit(clip)}` }) }, 'All fragments of this clip'));
  root.appendChild(links);

  const stats = section('Fragment statistics');
  stats.appendChild(dl(Object.entries(f).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]), 'facts compact'));
  if (clipInfo) {
    stats.appendChild(h('h3', null, 'Clip'));
    stats.appendChild(dl(Object.entries(clipInfo).map(([k, v]) => [k, v]), 'facts compact'));
  } else if (clipRes instanceof Error) {
    stats.appendChild(errorBlock(clipRes, `The clip's details could not be read from ${clipsName}`));
  }
  root.appendChild(stats);

  // without a clip or annotation table: play the fragment alone, and say so plainly
  const missing = [
    clipsName ? null : `no clip table (${api.tableName(sc, `${tb}_clips`)})`,
    annName ? null : `no annotation table (${api.tableName(sc, `${tb}_annotations`)})`,
  ].filter(Boolean);
  if (missing.length) {
    root.insertBefore(h('p', { class: 'notice', id: 'player-note' },
      `${idx} has ${missing.join(' and ')}: the fragment plays ${annName ? 'without the clip’s details' : clipsName ? 'without annotation boxes' : 'without annotation boxes or the clip’s details'}.`), links);
  }

  // annotations of this fragment's frames
  const byFrame = new Map();
  const classes = new Map();
  let annNote = '';
  if (annName) {
    try {
      const ann = await io.query(`SELECT frame, track_id, bb_left, bb_top, bb_width, bb_height, score, class FROM ${api.tableRef(annName)}
        WHERE clip_uri = ${api.lit(clip)} AND frame BETWEEN ${api.sqlInt(sf)} AND ${api.sqlInt(ef)} ORDER BY frame, track_id`, { maxRows: 100000 });
      for (const a of api.objects(ann)) {
        if (!byFrame.has(a.frame)) byFrame.set(a.frame, []);
        byFrame.get(a.frame).push(a);
        const c = classes.get(a.class) || { boxes: 0, tracks: new Set() };
        c.boxes++; c.tracks.add(a.track_id);
        classes.set(a.class, c);
      }
      if (ann.truncated) annNote = 'Some annotation boxes were cut by the server’s row cap.';
    } catch (e) {
      if (e.status === 401 || e.name === 'AbortError') throw e;
      annNote = `No annotation boxes: ${e.message}`;
    }
  }
  const classColor = (c) => PALETTE[Math.abs(Number(c) || 0) % PALETTE.length];
  for (const [c, info] of [...classes].sort((a, b) => a[0] - b[0])) {
    legend.appendChild(h('li', null, swatch(classColor(c)), `class ${c}: ${fmtInt(info.boxes)} boxes, ${fmtInt(info.tracks.size)} tracks`));
  }
  if (annNote) root.insertBefore(notice(annNote), links);

  const offset = () => (Number.isFinite(video.duration) && video.duration > fragDur + 0.05 ? video.duration - fragDur : 0);
  const frameAt = (mediaTime) => Math.min(ef, Math.max(sf, sf + Math.floor((mediaTime - offset()) * fps + 1e-6)));
  let shown = -1;
  const draw = (mediaTime = video.currentTime) => {
    const frame = frameAt(mediaTime);
    const boxes = showBoxes.checked ? byFrame.get(frame) || [] : [];
    if (frame !== shown || overlay.childNodes.length !== boxes.length) {
      clear(overlay);
      const vw = W || video.videoWidth || 1, vh = H || video.videoHeight || 1;
      overlay.setAttribute('viewBox', `0 0 ${vw} ${vh}`);
      for (const b of boxes) {
        const r = s('rect', {
          class: 'box', x: b.bb_left, y: b.bb_top, width: b.bb_width, height: b.bb_height,
          fill: 'none', stroke: classColor(b.class), 'stroke-width': Math.max(1.5, vw / 200),
          'data-track': String(b.track_id), 'data-class': String(b.class),
        });
        r.appendChild(s('title', null, `track ${b.track_id}, class ${b.class}, score ${fmtNum(b.score)}`));
        overlay.appendChild(r);
      }
      shown = frame;
    }
    overlay.dataset.frame = String(frame);
    overlay.dataset.boxes = String(boxes.length);
    readout.textContent = `Frame ${frame} (frames ${sf}–${ef}, ${fmtNum(fps)} fps)${annName ? ` · ${(byFrame.get(frame) || []).length} boxes` : ''}`;
  };
  const loop = (now, meta) => {
    draw(meta && Number.isFinite(meta.mediaTime) ? meta.mediaTime : video.currentTime);
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(loop);
  };
  for (const ev of ['loadeddata', 'seeked', 'timeupdate', 'pause', 'durationchange']) video.addEventListener(ev, () => draw());
  video.addEventListener('play', () => { playBtn.textContent = 'Pause'; });
  video.addEventListener('pause', () => { playBtn.textContent = 'Play'; });
  video.addEventListener('ended', () => { playBtn.textContent = 'Play'; });
  if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(loop);
  showBoxes.addEventListener('change', () => { shown = -1; draw(); });
  const step = (d) => {
    video.pause();
    const cur = frameAt(video.currentTime);
    const next = Math.min(ef, Math.max(sf, cur + d));
    video.currentTime = offset() + (next - sf + 0.5) / fps;
  };
  prevBtn.addEventListener('click', () => step(-1));
  nextBtn.addEventListener('click', () => step(1));
  playBtn.addEventListener('click', () => {
    if (video.paused) {
      if (video.ended || video.currentTime >= offset() + fragDur - 0.5 / fps) video.currentTime = offset();
      video.play().catch(() => {});
    } else video.pause();
  });
  video.addEventListener('loadedmetadata', () => {
    if (video.currentTime < offset()) video.currentTime = offset();
  });
  video.addEventListener('error', () => {
    readout.textContent = `This fragment cannot play here: ${video.error ? video.error.message || `media error ${video.error.code}` : 'unknown error'}`;
  });
  try {
    const bytes = await io.fetchBytes(api.fragmentUrl(idx, clip, fragment));
    video.dataset.playback = await playFragment(video, bytes, t0, (obj) => io.objectUrl(obj));
  } catch (e) {
    if (e.name === 'AbortError' || e.status === 401) return;
    readout.textContent = '';
    root.insertBefore(errorBlock(e, 'The fragment could not load'), links);
  }
}
