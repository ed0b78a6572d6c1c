// End-to-end checks of the web UI in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core). Run by test_ui.py, which builds the lake, starts `lakehouse serve`
// and passes: LH_UI_URL, LH_UI_TOKEN (read-write), LH_UI_TOKEN_RO (read-only),
// LH_UI_SCREENSHOTS (a folder) and LH_UI_FACTS (JSON: snapshot ids, run ids, ...).
// No timing assertions: every wait is Playwright's, with generous timeouts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.LH_UI_URL;
const TOKEN = process.env.LH_UI_TOKEN;
const TOKEN_RO = process.env.LH_UI_TOKEN_RO;
const SHOTS = process.env.LH_UI_SCREENSHOTS || path.join(import.meta.dirname, '..', '..', 'build', 'ui-screenshots');
const FACTS = JSON.parse(process.env.LH_UI_FACTS || '{}');
const WAIT = 60000;
const T = { timeout: 180000 };

assert.ok(BASE && TOKEN && TOKEN_RO, 'LH_UI_URL, LH_UI_TOKEN and LH_UI_TOKEN_RO must be set (test_ui.py sets them)');
fs.mkdirSync(SHOTS, { recursive: true });

let browser;
let context;
let page;
const problems = [];   // uncaught page errors and CSP violations, of every page
const queries = [];    // SQL the page sent to the query tool
const calls = [];      // every tool call the pages made: {tool, args}

// tables of the fixture whose names need quotes, as the UI writes them (test_ui.py qualified())
const WEIRD = '"we.ird sch\'ema"."ta.ble ""q"""';
const HEBREW = 'main."שלום עולם"';
const SPACE = 'main."sp ace"';

function watch(p, label) {
  p.on('pageerror', (e) => problems.push(`${label}: uncaught error: ${e.message}`));
  p.on('console', (m) => {
    const t = m.text();
    if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply)/i.test(t)) problems.push(`${label}: CSP: ${t}`);
  });
  p.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/tools\/(.+)$/);
    if (!m || r.method() !== 'POST') return;
    let args = {};
    try { args = JSON.parse(r.postData() || '{}'); } catch { /* not JSON */ }
    calls.push({ tool: m[1], args });
    if (m[1] === 'query') queries.push(args.sql || '');
  });
}

/** A CSS string for an attribute selector ([data-table=${cssStr(name)}]): any name. */
function cssStr(text) {
  return JSON.stringify(text);
}

/** Answers a request with 401, as the lake does for a token it no longer takes. */
function refuse(route) {
  return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'unauthorized', message: 'token revoked for the test' }) });
}

/** The pages the accessibility and narrow-screen checks visit. */
function everyPage() {
  const fr = FACTS.fragment;
  const g = FACTS.gold_fragment;
  return [
    '#/catalog', '#/table/shop.products', '#/history', '#/history/shop.products',
    `#/compare/shop.products/${FACTS.products_v1}/${FACTS.products_v2}`,
    '#/samples/raw.coco_captions', '#/row/raw.coco_captions/0', '#/samples/big.numbers?page=3',
    `#/video/raw.visdrone/${fr.fragment_id}?clip=${encodeURIComponent(fr.clip_uri)}`,
    `#/video/gold.fragment_tracking/${g.fragment_id}?clip=${encodeURIComponent(g.clip_uri)}`,
    '#/charts/raw.coco_captions?column=caption&measure=length', '#/charts/big.numbers?column=bucket',
    '#/experiments', '#/experiment/ui-exp',
    `#/runs?ids=${FACTS.runs.join(',')}`,
    `#/table/${encodeURIComponent(WEIRD)}`, `#/samples/${encodeURIComponent(HEBREW)}`,
    `#/history/${encodeURIComponent(WEIRD)}`, '#/samples/shop.products?snapshot=abc',
  ];
}

async function newContext() {
  const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  c.setDefaultTimeout(WAIT);
  return c;
}

/** Waits until the page shown is `hash` and has finished loading. */
async function ready(p = page, hash) {
  await p.waitForFunction((h) => {
    const m = document.querySelector('main');
    return m && m.dataset.ready === 'true' && (!h || location.hash === h);
  }, hash, { timeout: WAIT });
}

/** Goes to a UI address (#/…) and waits for the page. */
async function go(hash, p = page) {
  await p.evaluate((h) => {
    delete document.querySelector('main').dataset.ready;
    if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = h;
  }, hash);
  await ready(p);
}

/** Clicks something that opens another page, and waits for it. */
async function clickTo(locator, p = page) {
  await p.evaluate(() => { delete document.querySelector('main').dataset.ready; });
  await locator.click();
  await ready(p);
}

async function shot(name, p = page) {
  await p.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

async function alertText(p = page) {
  return (await p.locator('#alert').textContent()).trim();
}

/** Calls a tool with the read-write token, from the page (same origin). */
async function tool(name, args) {
  return page.evaluate(async ([n, a, t]) => {
    const r = await fetch(`/tools/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` }, body: JSON.stringify(a) });
    return r.json();
  }, [name, args, TOKEN]);
}

async function latestSnapshot() {
  const r = await tool('snapshots', { limit: 1 });
  return r.snapshots[r.snapshots.length - 1].snapshot_id;
}

/** The rows of the data table under `selector` as arrays of cell texts, with the header. */
async function tableData(selector, p = page) {
  return p.locator(selector).first().evaluate((t) => ({
    head: [...t.tHead.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...t.tBodies[0].rows].filter((r) => !r.hidden).map((r) => [...r.cells].map((c) => c.textContent.trim())),
  }));
}

/** The rows as objects, sorted by `key` (scan order is the table's, not the ids'). */
function sortedBy(data, key) {
  const objs = data.rows.map((r) => Object.fromEntries(data.head.map((h, i) => [h, r[i]])));
  return objs.sort((a, b) => Number(a[key]) - Number(b[key]));
}

function column(data, name) {
  const i = data.head.indexOf(name);
  assert.ok(i >= 0, `no column ${name} in the table (columns: ${data.head.join(', ')})`);
  return data.rows.map((r) => r[i]);
}

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  context = await newContext();
  page = await context.newPage();
  watch(page, 'main tab');
});

after(async () => {
  if (browser) await browser.close();
});

test('the token handed over in the address is kept in sessionStorage and removed from the address bar', T, async () => {
  const res = await page.goto(`${BASE}/?token=${encodeURIComponent(TOKEN)}#/catalog`);
  assert.equal(res.status(), 200, 'GET / answers 200');
  const csp = res.headers()['content-security-policy'] || '';
  assert.match(csp, /script-src 'self'/, `GET / sends the Content-Security-Policy (got: ${csp})`);
  await ready(page, '#/catalog');
  assert.ok(!page.url().includes('token'), `the token is gone from the address bar: ${page.url()}`);
  assert.equal(new URL(page.url()).hash, '#/catalog', 'the page address is kept');
  const kept = await page.evaluate(() => sessionStorage.getItem('lakehouse.token'));
  assert.equal(kept, TOKEN, 'the token is kept in sessionStorage');
  assert.match(await page.locator('#session-text').textContent(), /tenant ui.*read-write.*writes allowed/, 'the session names the tenant, role and writes');
  await page.reload();
  await ready(page, '#/catalog');
  assert.equal(await page.locator('#login-form').count(), 0, 'a reload stays signed in (sessionStorage)');
});

test('the login field refuses a wrong token with a message and takes the right one', T, async () => {
  const c = await newContext();
  const p = await c.newPage();
  watch(p, 'login tab');
  await p.goto(`${BASE}/#/catalog`);
  await p.locator('#login-token').waitFor();
  assert.equal(await p.locator('label[for="login-token"]').textContent(), 'Access token', 'the token field is labelled');
  await p.fill('#login-token', 'lh_this-token-does-not-exist');
  await p.click('#login-form button[type="submit"]');
  await p.waitForFunction(() => document.getElementById('login-error').textContent.length > 0);
  const err = await p.locator('#login-error').textContent();
  assert.match(err, /^Sign-in failed: ./, `a wrong token shows an error (got: ${err})`);
  assert.equal(await p.locator('#login-token').getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), null, 'a wrong token is not kept');
  await shot('login.png', p);
  await a11yChecks(p, 'login');
  await p.fill('#login-token', TOKEN);
  await p.press('#login-token', 'Enter');
  await p.locator('h1', { hasText: 'Catalog' }).waitFor();
  await ready(p);
  assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), TOKEN, 'the right token is kept');
  await p.click('#sign-out');
  await p.locator('#login-token').waitFor();
  assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), null, 'signing out forgets the token');
  await c.close();
});

test('catalog: schemas, tables with counts from the catalog, views, partitioning, comments, search', T, async () => {
  await go('#/catalog');
  const big = page.locator('tr[data-table="big.numbers"] [data-rows]');
  assert.equal(await big.getAttribute('data-rows'), '10000000', 'big.numbers has 10 million rows (catalog)');
  assert.equal((await big.textContent()).trim(), '10,000,000', 'shown as 10,000,000');
  for (const [name, rows] of Object.entries(FACTS.tables)) {
    const cell = page.locator(`tr[data-table=${cssStr(name)}] [data-rows]`);
    assert.equal(await cell.count(), 1, `the catalog lists ${name}`);
    assert.equal(await cell.getAttribute('data-rows'), String(rows), `${name} shows ${rows} rows`);
  }
  assert.match(await page.locator('tr[data-table="shop.orders"]').textContent(), /region/, 'shop.orders is partitioned by region');
  assert.match(await page.locator('tr[data-table="shop.products"]').textContent(), /Fruit for sale/, 'the table comment is shown');
  assert.match(await page.locator('tr[data-view="shop.cheap"]').textContent(), /price < 2/, 'the view and its SQL are listed');
  assert.ok(!queries.some((q) => /count\s*\(/i.test(q)), 'the catalog counts nothing: row counts come from the catalog');

  const visible = () => page.locator('tr[data-table]:visible, tr[data-view]:visible').evaluateAll((els) => els.map((e) => e.dataset.table || e.dataset.view));
  await page.fill('#catalog-search', 'numbers');
  assert.deepEqual(await visible(), ['big.numbers'], 'searching "numbers" keeps big.numbers only');
  assert.match(await page.locator('#catalog-count').textContent(), /^1 of \d+/, 'the match count is announced');
  await page.fill('#catalog-search', 'fruit');
  assert.deepEqual(await visible(), ['shop.products'], 'search matches comments');
  await page.fill('#catalog-search', 'bb_left');
  assert.deepEqual(await visible(), ['raw.visdrone_annotations'], 'search matches column names');
  assert.match(page.url(), /q=bb_left/, 'the search is in the address');
  await page.fill('#catalog-search', '');
  assert.equal((await visible()).length, Object.keys(FACTS.tables).length + 1, 'an empty search shows every table and view');
  await shot('catalog.png');
});

test('table page: columns with types and column ids, comments, partitioning', T, async () => {
  await go('#/table/shop.products');
  const d = await tableData('table.columns-table');
  assert.deepEqual(column(d, 'Name'), ['id', 'title', 'price', 'stock'], 'the columns, in order');
  assert.deepEqual(column(d, 'Column id'), ['1', '2', '3', '4'], 'their column ids');
  assert.deepEqual(column(d, 'Type'), ['INTEGER', 'VARCHAR', 'DOUBLE', 'INTEGER'], 'their types');
  assert.equal(column(d, 'Comment')[2], 'Price in euros', 'the column comment');
  assert.match(await page.locator('#table-comment').textContent(), /Fruit for sale/, 'the table comment');
  assert.equal(await page.locator('#table-rows').getAttribute('data-rows'), '4', 'the row count');
  await shot('table.png');
  await go('#/table/shop.orders');
  assert.match(await page.locator('dl.summary').textContent(), /Partitioned by\s*region/, 'the partitioning of shop.orders');
  await go('#/table/big.numbers');
  assert.equal(await page.locator('#table-rows').textContent(), '10,000,000', 'big.numbers: 10,000,000 rows');
});

test('history and time travel: a snapshot shows the table as it was', T, async () => {
  const v1 = FACTS.products_v1;
  await go('#/history/shop.products');
  assert.ok(await page.locator('li.snapshot').count() >= 7, 'the table timeline lists its snapshots');
  const v2 = page.locator(`li.snapshot[data-snapshot="${FACTS.products_v2}"]`);
  assert.match(await v2.textContent(), /altered table: shop\.products/, 'a snapshot says what it changed, by table name');
  assert.equal(await v2.locator('dl dd').first().textContent(), 'ui-fixture', 'and who made it');
  await shot('history.png');
  await clickTo(page.getByRole('link', { name: `Rows of shop.products as of snapshot ${v1}`, exact: true }));
  assert.match(await page.locator('#time-travel-notice').textContent(), new RegExp(`as of snapshot ${v1}`), 'the time-travel notice names the snapshot');
  const oldData = await tableData('table.samples');
  const old = sortedBy(oldData, 'id');
  assert.deepEqual(old.map((r) => r.id), ['1', '2', '3', '4'], 'as of the first version: ids 1-4');
  assert.deepEqual(old.map((r) => r.name), ['apple', 'pear', 'plum', 'fig'], 'as of the first version: the column is still "name"');
  assert.deepEqual(old.map((r) => r.price), ['1.5', '2', '3.25', '4'], 'as of the first version: plum costs 3.25');
  assert.ok(!oldData.head.includes('stock'), 'as of the first version: no stock column');
  await clickTo(page.getByRole('link', { name: 'Show the latest' }));
  const nowData = await tableData('table.samples');
  const now = sortedBy(nowData, 'id');
  assert.deepEqual(now.map((r) => r.id), ['1', '3', '4', '5'], 'latest: pear deleted, kiwi inserted');
  assert.deepEqual(now.map((r) => r.price), ['1.5', '3.5', '4', '0.75'], 'latest: plum costs 3.5');
  assert.deepEqual(now.map((r) => r.title), ['apple', 'plum', 'fig', 'kiwi'], 'latest: the column is "title"');
  assert.ok(nowData.head.includes('stock'), 'latest: the stock column');
  // sorted by the lake: the sort box
  await page.selectOption('#filter-order', 'price');
  await page.check('#filter-desc');
  await clickTo(page.locator('#filter-form button[type="submit"]'));
  assert.deepEqual(column(await tableData('table.samples'), 'price'), ['4', '3.5', '1.5', '0.75'], 'sorted by price, descending');

  await go('#/history');
  const tagged = page.locator(`li.snapshot[data-snapshot="${FACTS.tag_snapshot}"] .tag[data-tag="${FACTS.tag}"]`);
  assert.equal(await tagged.count(), 1, `the lake timeline shows tag ${FACTS.tag} on snapshot ${FACTS.tag_snapshot}`);
});

test('compare two snapshots: inserted, deleted and updated rows, the changed value highlighted, renamed and added columns', T, async () => {
  const { products_v1: v1, products_v2: v2 } = FACTS;
  await go('#/history/shop.products');
  await page.selectOption('#compare-from', String(v1));
  await page.selectOption('#compare-to', String(v2));
  await clickTo(page.locator('#compare-form button[type="submit"]'));
  assert.equal(new URL(page.url()).hash, `#/compare/shop.products/${v1}/${v2}`, 'the comparison has its own address');
  assert.equal(await page.locator('#count-inserted').textContent(), '1', 'one row inserted');
  assert.equal(await page.locator('#count-deleted').textContent(), '1', 'one row deleted');
  assert.equal(await page.locator('#count-updated').textContent(), '1', 'one row updated');
  assert.match(await page.locator('table.changes-inserted tbody').textContent(), /kiwi/, 'the inserted row is kiwi');
  assert.match(await page.locator('table.changes-deleted tbody').textContent(), /pear/, 'the deleted row is pear');
  const changed = page.locator('table.changes-updated .changed');
  assert.equal(await changed.count(), 1, 'one value changed in the updated row');
  assert.equal(await changed.getAttribute('data-column'), 'price', 'the changed value is the price');
  assert.equal(await changed.getAttribute('data-old'), '3.25', 'it was 3.25');
  assert.equal(await changed.getAttribute('data-new'), '3.5', 'it is 3.5');
  const bg = await changed.locator('mark').evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.ok(bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', `the new value is highlighted (background ${bg})`);
  assert.match(await page.locator('table.changes-updated tbody').textContent(), /plum/, 'the unchanged values of the row are shown');
  const renamed = page.locator('table.column-diff tr[data-change="renamed"]');
  assert.equal(await renamed.count(), 1, 'one column renamed');
  assert.match(await renamed.textContent(), /name.*title/, 'name was renamed to title');
  assert.equal(await renamed.getAttribute('data-column-id'), '2', 'matched by column id 2');
  const added = page.locator('table.column-diff tr[data-change="added"]');
  assert.equal(await added.count(), 1, 'one column added');
  assert.match(await added.textContent(), /stock/, 'stock was added');
  assert.equal(await page.locator('table.column-diff tr[data-change="dropped"]').count(), 0, 'no column dropped');
  await shot('compare.png');
});

test('rollback asks for confirmation (cancel changes nothing), then rolls back; a tag is made', T, async () => {
  const v1 = FACTS.products_v1;
  await go('#/history/shop.products');
  const before = await latestSnapshot();
  const button = page.locator(`button[data-action="rollback"][data-snapshot="${v1}"]`);
  await button.click();
  const dialog = page.locator('#confirm-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await page.locator('#confirm-text').textContent(), new RegExp(`as it was at snapshot ${v1}`), 'the dialog says what will happen');
  await page.click('#confirm-cancel');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => /cancelled/.test(document.getElementById('status').textContent));
  assert.equal(await latestSnapshot(), before, 'cancel: no new snapshot');
  const d0 = await tool('describe_table', { table: 'shop.products' });
  assert.ok(d0.columns.some((c) => c.name === 'title'), 'cancel: the table is unchanged');

  await page.evaluate(() => { delete document.querySelector('main').dataset.ready; });
  await button.click();
  await dialog.waitFor({ state: 'visible' });
  await page.click('#confirm-ok');
  await dialog.waitFor({ state: 'hidden' });
  await ready(page);
  await page.waitForFunction(() => /Rolled back/.test(document.getElementById('status').textContent));
  const after1 = await latestSnapshot();
  assert.ok(after1 > before, `confirm: a new snapshot (${after1} > ${before})`);
  const entry = page.locator(`li.snapshot[data-snapshot="${after1}"]`);
  assert.equal(await entry.count(), 1, 'the new snapshot is on the timeline');
  const [author, message] = await entry.locator('dl dd').allTextContents();
  assert.equal(author, 'ui', 'the rollback\'s author is the token\'s tenant');
  assert.match(message, new RegExp(`rollback.*shop\\.products.*${v1}`), 'its commit message says what it was');
  await go('#/samples/shop.products?order=id');
  const rows = await tableData('table.samples');
  assert.deepEqual(column(rows, 'price'), ['1.5', '2', '3.25', '4'], 'after the rollback the table shows the old values');
  assert.deepEqual(column(rows, 'name'), ['apple', 'pear', 'plum', 'fig'], 'and the old columns');

  await go('#/history');
  const latest = await latestSnapshot();
  await page.locator(`button[data-action="tag"][data-snapshot="${latest}"]`).click();
  await dialog.waitFor({ state: 'visible' });
  await page.fill('#confirm-fields input[name="name"]', 'ui-rolled-back');
  await page.fill('#confirm-fields input[name="message"]', 'after the UI rollback');
  await page.evaluate(() => { delete document.querySelector('main').dataset.ready; });
  await page.click('#confirm-ok');
  await ready(page);
  await page.locator(`li.snapshot[data-snapshot="${latest}"] .tag[data-tag="ui-rolled-back"]`).waitFor();
  const tags = await tool('query', { sql: "SELECT snapshot_id, message FROM lakehouse_tags('lake') WHERE tag_name = 'ui-rolled-back'" });
  assert.deepEqual(tags.rows, [[latest, 'after the UI rollback']], 'the tag is in the lake, on that snapshot, with its message');
});

test('a read-only token gets no rollback or tag buttons', T, async () => {
  const c = await newContext();
  const p = await c.newPage();
  watch(p, 'read-only tab');
  await p.goto(`${BASE}/?token=${encodeURIComponent(TOKEN_RO)}#/history/shop.products`);
  await ready(p, '#/history/shop.products');
  assert.match(await p.locator('#session-text').textContent(), /read-only/, 'the session says read-only');
  assert.ok(await p.locator('li.snapshot').count() > 0, 'the timeline is shown');
  assert.equal(await p.locator('button[data-action="rollback"]').count(), 0, 'no rollback buttons');
  assert.equal(await p.locator('button[data-action="tag"]').count(), 0, 'no tag buttons');
  assert.match(await p.locator('.notice').first().textContent(), /read-only/, 'a note says why');
  await go('#/history', p);
  assert.equal(await p.locator('button[data-action="tag"]').count(), 0, 'no tag buttons on the lake timeline');
  await c.close();
});

test('samples: thumbnails of the images, the filter box, a row detail', T, async () => {
  await go('#/samples/raw.coco_captions');
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('img.thumb')];
    return imgs.length > 0 && imgs.every((i) => i.dataset.state === 'loaded' || i.dataset.state === 'error');
  });
  const info = await page.evaluate(() => {
    const t = document.querySelector('table.samples');
    const head = [...t.tHead.rows[0].cells].map((c) => c.textContent.trim());
    const wi = head.indexOf('image_width'), hi = head.indexOf('image_height');
    return [...t.tBodies[0].rows].map((r) => {
      const img = r.querySelector('img.thumb');
      return {
        w: Number(r.cells[wi].textContent), h: Number(r.cells[hi].textContent),
        img: img && { complete: img.complete, nw: img.naturalWidth, nh: img.naturalHeight, state: img.dataset.state, src: img.src },
      };
    });
  });
  assert.equal(info.length, FACTS.coco.rows, `every row of raw.coco_captions is on page 1 (${FACTS.coco.rows})`);
  let square = 0;
  for (const [i, r] of info.entries()) {
    assert.ok(r.img, `row ${i} has a thumbnail`);
    assert.equal(r.img.state, 'loaded', `row ${i}: the thumbnail loaded`);
    assert.ok(r.img.complete && r.img.nw > 0 && r.img.nh > 0, `row ${i}: img.complete with a size (${r.img.nw}x${r.img.nh})`);
    assert.ok(r.img.nw <= 160 && r.img.nh <= 160, `row ${i}: at most 160 px (${r.img.nw}x${r.img.nh})`);
    assert.ok(r.img.src.startsWith('blob:'), `row ${i}: fetched with the token, shown from a blob: URL`);
    const expectW = r.w >= r.h ? Math.min(160, r.w) : (r.h > 160 ? (160 * r.w) / r.h : r.w);
    assert.ok(Math.abs(r.img.nw - expectW) <= 1.5, `row ${i}: the ${r.w}x${r.h} image keeps its aspect ratio (${r.img.nw}x${r.img.nh})`);
    if (r.w === 512 && r.h === 512) {
      square++;
      assert.deepEqual([r.img.nw, r.img.nh], [160, 160], `row ${i}: a 512x512 image gives a 160x160 thumbnail`);
    }
  }
  assert.ok(square > 0, 'some COCO images are 512x512');
  await shot('samples.png');

  // the filter box takes a SQL WHERE clause
  await page.fill('#filter-where', FACTS.coco_filter.where);
  await clickTo(page.locator('#filter-form button[type="submit"]'));
  assert.equal(await page.locator('#page-summary').getAttribute('data-total'), String(FACTS.coco_filter.rows), 'the filtered count');
  const f = await tableData('table.samples');
  assert.equal(f.rows.length, FACTS.coco_filter.rows, `${FACTS.coco_filter.rows} rows match`);
  for (const c of column(f, 'caption')) assert.match(c, /astronaut/i, 'every shown row matches the filter');
  assert.ok(column(f, 'image_width').every((w) => w === '512'), 'image_width = 512 in every row');
  // a bad filter: the lake's message is shown
  await page.fill('#filter-where', 'no_such_column = 1');
  await page.locator('#filter-form button[type="submit"]').click();
  await page.waitForFunction(() => document.getElementById('alert').textContent.length > 0);
  assert.match(await alertText(), /no_such_column/, 'a bad filter shows the lake\'s error');

  // the detail view of a row
  await go('#/samples/raw.coco_captions');
  await clickTo(page.getByRole('link', { name: 'Open row 0', exact: true }));
  assert.equal(new URL(page.url()).hash, '#/row/raw.coco_captions/0', 'the row has its own address');
  const detail = await page.locator('dl.row-detail').textContent();
  assert.match(detail, /caption \(VARCHAR\)/, 'the detail lists the columns with types');
  const big = page.locator('dl.row-detail img.thumb');
  await page.waitForFunction(() => document.querySelector('dl.row-detail img.thumb')?.dataset.state === 'loaded');
  const size = await big.evaluate((i) => [i.naturalWidth, i.naturalHeight]);
  assert.deepEqual(size, [512, 512], 'the detail shows the 512x512 image at 512 px');
  await shot('row.png');
});

test('paging through 10 million rows: page 3 shows ids 100..149, the total from the catalog, nothing scans', T, async () => {
  const start = queries.length;
  await go('#/samples/big.numbers?page=3');
  const d = await tableData('table.samples');
  const ids = column(d, 'id').map(Number);
  assert.equal(ids.length, 50, '50 rows a page');
  assert.deepEqual(ids, Array.from({ length: 50 }, (_, i) => 100 + i), 'page 3 shows ids 100..149');
  const summary = page.locator('#page-summary');
  assert.equal(await summary.getAttribute('data-total'), '10000000', 'the total is the catalog\'s row count');
  assert.match(await summary.textContent(), /Rows 101–150 of 10,000,000/, 'the summary names rows 101-150 of 10,000,000');
  assert.match(await page.locator('nav.pager').first().textContent(), /Page 3 of 200,000/, 'page 3 of 200,000');
  const sent = queries.slice(start);
  assert.ok(sent.length > 0 && sent.every((q) => !/count\s*\(/i.test(q)), `no count(*) for an unfiltered page: ${JSON.stringify(sent)}`);
  assert.ok(sent.some((q) => /LIMIT 51 OFFSET 100\b/.test(q)), `the page is read with LIMIT/OFFSET: ${JSON.stringify(sent)}`);
  await clickTo(page.getByRole('link', { name: 'Next page' }).first());
  const d4 = await tableData('table.samples');
  assert.equal(Number(column(d4, 'id')[0]), 150, 'Next: page 4 starts at id 150');
  assert.match(page.url(), /page=4/, 'the page number is in the address');
});

test('video fragment player: plays one fragment, its statistics, the annotation boxes of the frame', T, async () => {
  const fr = FACTS.fragment;
  await go(`#/samples/raw.visdrone?where=${encodeURIComponent(`clip_uri = '${fr.clip_uri}'`)}`);
  const play = page.getByRole('link', { name: new RegExp(`^Play fragment ${fr.fragment_id} of `) });
  assert.equal(await play.count(), 1, 'the fragment index lists the fragment with a Play link');
  await clickTo(play);
  assert.match(new URL(page.url()).hash, new RegExp(`^#/video/raw\\.visdrone/${fr.fragment_id}\\?clip=`), 'the player has its own address');
  await page.waitForFunction(() => document.getElementById('player').readyState >= 2, null, { timeout: WAIT });
  const v = await page.locator('#player').evaluate((el) => ({ duration: el.duration, readyState: el.readyState, w: el.videoWidth, src: el.src, how: el.dataset.playback, t: el.currentTime }));
  assert.ok(v.src.startsWith('blob:'), 'the fragment is fetched with the token and played from a blob: URL');
  assert.equal(v.how, 'mse', 'played through Media Source Extensions, in the fragment\'s own timeline');
  assert.ok(v.t < 0.05, `the timeline starts at 0 (currentTime ${v.t})`);
  assert.ok(v.w > 0, 'the video decodes');
  const want = fr.end_time - fr.start_time;
  assert.ok(Math.abs(v.duration - want) <= 0.05, `the video's duration ${v.duration} s is the fragment's ${want} s (end_time - start_time)`);
  await page.waitForFunction((sf) => document.getElementById('overlay').dataset.frame === String(sf), fr.start_frame);
  const boxes = await page.locator('#overlay rect.box').count();
  assert.equal(boxes, fr.first_frame_boxes, `the ${fr.first_frame_boxes} boxes of frame ${fr.start_frame} are drawn`);
  const stats = await page.locator('section dl').first().textContent();
  assert.match(stats, /n_objects/, 'the fragment\'s statistics are shown');
  assert.match(stats, new RegExp(`start_frame\\s*${fr.start_frame}`), 'with its start frame');
  await page.click('#next-frame');
  await page.waitForFunction((sf) => document.getElementById('overlay').dataset.frame === String(sf + 1), fr.start_frame);
  assert.match(await page.locator('#frame-readout').textContent(), new RegExp(`Frame ${fr.start_frame + 1}`), 'Next frame steps one frame');
  await page.click('#prev-frame');
  await page.waitForFunction((sf) => document.getElementById('overlay').dataset.frame === String(sf), fr.start_frame);
  // it plays, and the boxes follow the frames
  await page.click('#play-pause');
  await page.waitForFunction((sf) => Number(document.getElementById('overlay').dataset.frame) >= sf + 5, fr.start_frame);
  await page.click('#play-pause');
  await page.waitForFunction(() => document.getElementById('player').paused);
  await page.locator('#player').evaluate((el) => { el.currentTime = 0; });
  await page.waitForFunction(() => { const v = document.getElementById('player'); return !v.seeking && v.readyState >= 2; });
  await shot('video.png');
});

test('charts: histograms and value counts from column_histogram, whose bars add up to the rows', T, async () => {
  const sumBars = (sel) => page.locator(`${sel} rect.bar`).evaluateAll((rs) => rs.reduce((a, r) => a + Number(r.dataset.count), 0));
  await go('#/charts/raw.coco_captions?column=caption&measure=length');
  assert.equal(await sumBars('#histogram'), FACTS.tables['raw.coco_captions'], 'the caption-length bars add up to the table\'s rows');
  assert.equal(await page.locator('#histogram').getAttribute('data-kind'), 'numeric', 'a histogram');
  assert.ok(await page.locator('#histogram rect.bar').count() > 1, 'with several bars');
  assert.equal(await page.locator('#chart-rows').getAttribute('data-rows'), String(FACTS.tables['raw.coco_captions']), 'the rows counted');
  assert.ok(await page.locator('#quality-chart rect.bar').count() >= 13, 'the quality report has a bar per column');
  assert.ok(await page.locator('table.quality-table tbody tr').count() >= 13, 'and a table');
  await shot('charts.png');
  await go('#/charts/raw.visdrone?column=n_objects');
  assert.equal(await sumBars('#histogram'), FACTS.tables['raw.visdrone'], 'objects per fragment: the bars add up to the fragments');
  await go('#/charts/raw.coco_captions?column=split');
  assert.equal(await page.locator('#histogram').getAttribute('data-kind'), 'categorical', 'a text column gives value counts');
  assert.equal(await sumBars('#histogram'), FACTS.tables['raw.coco_captions'], 'the value counts add up to the rows');
  await go('#/charts/big.numbers?column=bucket');
  assert.equal(await sumBars('#histogram'), 10000000, 'a histogram of 10 million rows, computed by the lake');
  assert.ok(!queries.some((q) => /FROM\s+"big"\."numbers"\s*$/i.test(q)), 'no query reads the whole table');
});

test('experiments: runs, metrics as line charts, two runs compared, links to the data a run wrote', T, async () => {
  const [run0, run1] = FACTS.runs;
  await go('#/experiments');
  const row = page.locator('tr[data-experiment="ui-exp"]');
  assert.equal(await row.count(), 1, 'the experiment is listed');
  assert.match(await row.textContent(), /ui-check/, 'with its project');
  await shot('experiments.png');
  await clickTo(row.getByRole('link', { name: 'ui-exp', exact: true }));
  assert.equal(new URL(page.url()).hash, '#/experiment/ui-exp', 'the experiment has its own address');
  assert.equal(await page.locator('table.runs tbody tr').count(), 2, 'two runs');
  for (const run of [run0, run1]) {
    const card = page.locator(`article.run-card[data-run="${run}"]`);
    const series = await card.locator('path.line').evaluateAll((ps) => ps.map((p) => p.dataset.series).sort());
    assert.deepEqual(series, ['acc', 'loss'], `run ${run}: a line chart with one path per metric`);
    assert.equal(await card.locator('circle').count(), 10, `run ${run}: 5 steps of 2 metrics`);
  }
  await page.check(`input.pick-run[value="${run0}"]`);
  await page.check(`input.pick-run[value="${run1}"]`);
  await clickTo(page.getByRole('button', { name: 'Compare selected runs' }));
  assert.equal(new URL(page.url()).hash, `#/runs?id=${encodeURIComponent(run0)}&id=${encodeURIComponent(run1)}`, 'the comparison has its own address, a parameter per run');
  const cfg = await tableData('table.config-compare');
  assert.equal(cfg.head.length, 3, 'the config: a key column and one column per run');
  assert.deepEqual(column(cfg, 'Key'), ['batch', 'lr', 'model'], 'every config key');
  assert.equal(await page.locator('table.config-compare tr[data-key="lr"] mark.differs').count(), 2, 'differing values are marked');
  assert.equal(await page.locator('table.config-compare tr[data-key="model"] mark.differs').count(), 0, 'equal values are not');
  const charts = page.locator('figure.metric-compare');
  assert.equal(await charts.count(), 2, 'a chart per metric');
  for (let i = 0; i < 2; i++) assert.equal(await charts.nth(i).locator('path.line').count(), 2, 'each overlays the two runs');
  assert.match(await page.locator('#artifacts').textContent(), /ui-predictions/, 'the artifact version whose meta names the run');
  await shot('runs.png');
  const link = page.locator(`a.run-data[data-run="${run0}"][data-table="results.predictions"]`);
  assert.equal(await link.count(), 1, 'a link to the data run 0 wrote');
  await clickTo(link);
  const d = await tableData('table.samples');
  assert.equal(d.rows.length, 3, 'run 0 wrote 3 rows of results.predictions');
  assert.ok(column(d, 'run_id').every((r) => r === run0), 'all of them with its run_id');
});

// ---- names, addresses and arguments ---------------------------------------------------------

test('names with a dot, a space, quotes or non-ASCII text open from the catalog, round-trip in the address, and reach every page', T, async () => {
  for (const name of [WEIRD, HEBREW, SPACE]) {
    const rows = FACTS.tables[name];
    await go('#/catalog');
    const row = page.locator(`tr[data-table=${cssStr(name)}]`);
    assert.equal(await row.count(), 1, `the catalog lists ${name}`);
    await clickTo(row.locator('a.table-link'));
    const hash = new URL(page.url()).hash;
    assert.equal(decodeURIComponent(hash), `#/table/${name}`, `the address names ${name} exactly (${hash})`);
    assert.equal(await page.locator('h1').textContent(), `Table ${name}`, `the table page of ${name}`);
    assert.equal(await page.locator('#table-rows').getAttribute('data-rows'), String(rows), `${name}: its row count`);
    await clickTo(page.locator('nav.subnav a', { hasText: 'Samples' }));
    assert.equal(await page.locator('#page-summary').getAttribute('data-total'), String(rows), `${name}: samples, with the total`);
    assert.equal((await tableData('table.samples')).rows.length, rows, `${name}: every row on page 1`);
    await clickTo(page.locator('nav.subnav a', { hasText: 'Charts' }));
    const bars = await page.locator('#histogram rect.bar').evaluateAll((rs) => rs.reduce((a, r) => a + Number(r.dataset.count), 0));
    assert.equal(bars, rows, `${name}: a chart whose bars add up to the rows`);
    assert.ok(await page.locator('table.quality-table tbody tr').count() > 0, `${name}: the quality report`);
    await clickTo(page.locator('nav.subnav a', { hasText: 'History' }));
    assert.ok(await page.locator('li.snapshot').count() >= 1, `${name}: its history`);
  }
  assert.ok(queries.some((q) => q.includes('FROM "we.ird sch\'ema"."ta.ble ""q"""')), 'SQL names the table with both parts quoted');
  assert.ok(calls.some((c) => c.tool === 'describe_table' && c.args.table === SPACE), 'tools get the name as SQL, its parts quoted where needed');
  // two snapshots of the odd table compared
  await go(`#/history/${encodeURIComponent(WEIRD)}`);
  await clickTo(page.locator('#compare-form button[type="submit"]'));
  assert.equal(await page.locator('#count-inserted').textContent(), '1', 'the comparison of the odd table: one row inserted');
  assert.match(await page.locator('table.changes-inserted tbody').textContent(), /odd three/, 'and it is "odd three"');
  // thumbnails of a table named in Hebrew with a space
  await go(`#/samples/${encodeURIComponent(HEBREW)}`);
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('img.thumb')];
    return imgs.length === 3 && imgs.every((i) => i.dataset.state === 'loaded' || i.dataset.state === 'error');
  });
  assert.deepEqual(await page.locator('img.thumb').evaluateAll((is) => is.map((i) => i.dataset.state)), ['loaded', 'loaded', 'loaded'], 'its thumbnails load');
  // an old address with the name unquoted still opens the table
  await go('#/table/main.sp ace');
  assert.equal(await page.locator('h1').textContent(), `Table ${SPACE}`, 'main.sp ace (unquoted) opens main."sp ace"');
  // a table that is not there: the samples page shows describe_table's error, not an empty table
  await go('#/samples/shop.no_such_table');
  assert.match(await page.locator('main .error-inline').first().textContent(), /no_such_table/, 'the lake\'s error is shown');
  assert.equal(await page.locator('table.samples').count(), 0, 'no rows are shown');
});

test('a bad ?snapshot= is an error on every page: never the latest rows in its place', T, async () => {
  for (const bad of ['abc', '0', '1.5']) {
    for (const where of ['samples/shop.products', 'table/shop.products', 'charts/shop.products', 'catalog', 'row/shop.products/0', `history/${encodeURIComponent(WEIRD)}`]) {
      const start = calls.length;
      await go(`#/${where}?snapshot=${bad}`);
      const err = (await page.locator('main .error-inline').first().textContent()).trim();
      assert.equal(err, `“${bad}” is not a snapshot id: a snapshot id is a whole number of 1 or more, as the history lists them. Leave it out to see the latest.`, `${where}?snapshot=${bad}: a clear error`);
      assert.equal(await page.locator('table.samples, table.columns-table, #histogram, tr[data-table], li.snapshot, dl.row-detail').count(), 0, `${where}?snapshot=${bad}: nothing is shown in its place`);
      assert.deepEqual(calls.slice(start), [], `${where}?snapshot=${bad}: nothing is asked of the lake`);
    }
  }
  // a snapshot the lake does not have: its error, not the latest rows
  await go('#/samples/shop.products?snapshot=999999');
  assert.ok((await page.locator('main .error-inline').count()) > 0, 'a snapshot past the last one: the lake\'s error');
  assert.equal(await page.locator('table.samples').count(), 0, 'and no rows');
  // the samples form refuses one too, and stays on the page
  await go('#/samples/shop.products');
  await page.fill('#filter-snapshot', '0');
  await page.locator('#filter-form button[type="submit"]').click();
  await page.waitForFunction(() => /not a snapshot id/.test(document.getElementById('alert').textContent));
  assert.equal(await page.locator('#filter-snapshot').getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  assert.equal(new URL(page.url()).hash, '#/samples/shop.products', 'the address is unchanged');
});

test('samples: a page past the last shows the last, a page that is no number says so, numbers go to SQL plainly', T, async () => {
  const start = queries.length;
  for (const big of ['1e20', 'Infinity', '999999999']) {
    await go(`#/samples/big.numbers?page=${big}`);
    assert.match(await page.locator('#page-clamped').textContent(), new RegExp(`There is no page ${big}: big\\.numbers has 200,000 pages\\. Showing the last\\.`), `page=${big}: said`);
    assert.match(await page.locator('nav.pager').first().textContent(), /Page 200,000 of 200,000/, `page=${big}: the last page`);
    const ids = column(await tableData('table.samples'), 'id').map(Number);
    assert.deepEqual([ids.length, ids[0], ids[49]], [50, 9999950, 9999999], `page=${big}: the last 50 rows`);
    assert.match(new URL(page.url()).hash, /[?&]page=200000\b/, `page=${big}: the address names the page shown`);
  }
  for (const bad of ['abc', '0', '-2', '2.5']) {
    await go(`#/samples/big.numbers?page=${bad}`);
    assert.equal((await page.locator('main .error-inline').first().textContent()).trim(), `“${bad}” is not a page number: pages are numbered 1, 2, 3 and on.`, `page=${bad}: a clear message`);
    assert.equal(await page.locator('table.samples').count(), 0, `page=${bad}: no rows`);
  }
  // filtered: the count comes first, then the last page of the rows kept
  await go(`#/samples/big.numbers?where=${encodeURIComponent('id < 120')}&page=9`);
  assert.match(await page.locator('#page-clamped').textContent(), /has 3 pages of rows matching the filter/, 'a filtered page past the last');
  assert.deepEqual(column(await tableData('table.samples'), 'id').map(Number), Array.from({ length: 20 }, (_, i) => 100 + i), 'the last page of the filter: ids 100..119');
  const sent = queries.slice(start);
  assert.ok(!sent.some((q) => /e\+|Infinity|NaN/.test(q)), `no number in exponent notation reaches SQL: ${JSON.stringify(sent.filter((q) => /e\+|Infinity|NaN/.test(q)))}`);
  assert.ok(sent.some((q) => /LIMIT 51 OFFSET 9999950\b/.test(q)), 'the last page is read with a plain OFFSET');
});

test('a token put in the address while signed in leaves it at once, on any page change, and is used', T, async () => {
  const c = await newContext();
  const p = await c.newPage();
  watch(p, 'token tab');
  await p.goto(`${BASE}/?token=${encodeURIComponent(TOKEN)}#/catalog`);
  await ready(p, '#/catalog');
  await go(`#/charts/shop.products?column=price&token=${encodeURIComponent(TOKEN)}`, p);
  assert.equal(new URL(p.url()).hash, '#/charts/shop.products?column=price', 'the token is gone from the address, the rest is kept');
  const leaks = await p.locator('a[href*="token"]').count();
  assert.equal(leaks, 0, 'no link on the page carries the token');
  assert.ok(await p.locator('#histogram').count() === 1, 'the page is shown');
  // another token in the address: the tab uses it (here: read-only) and drops it from the address
  await go(`#/history/shop.products?token=${encodeURIComponent(TOKEN_RO)}`, p);
  assert.equal(new URL(p.url()).hash, '#/history/shop.products', 'the read-only token is gone from the address');
  assert.match(await p.locator('#session-text').textContent(), /read-only/, 'and it is the one in use');
  assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), TOKEN_RO, 'kept in sessionStorage');
  assert.equal(await p.locator('button[data-action="rollback"]').count(), 0, 'so no rollback buttons');
  // a token the lake does not know: signed out, with the reason
  await go('#/catalog?token=lh_not-a-token', p);
  assert.equal(new URL(p.url()).hash, '#/catalog', 'the unknown token is gone from the address');
  assert.match(await p.locator('#login-error').textContent(), /^Your token was not accepted: ./, 'the login says why');
  await c.close();
});

test('history: kinds of change in words, names exactly with their schema, a dropped table by its id', T, async () => {
  await go('#/history');
  const items = await page.locator('ul.changes li').allTextContents();
  for (const want of [
    `created schema: "we.ird sch'ema"`, `created table: ${WEIRD}`, `inserted into table: ${WEIRD}`,
    `created table: ${HEBREW}`, `inserted into table: ${HEBREW}`, `created table: ${SPACE}`,
    'created table: shop.stock_level_log', 'inserted into table: results.steps',
    'inserted into table: silver.captions', 'inserted into table: gold.captions', 'inserted into table: raw.coco_captions',
  ]) assert.ok(items.includes(want), `the timeline says "${want}"`);
  assert.deepEqual(await page.locator(`li.snapshot[data-snapshot="${FACTS.underscore_insert}"] ul.changes li`).allTextContents(),
    ['inserted into table: shop.stock_level_log'], 'a name keeps its underscores');
  assert.deepEqual(await page.locator(`li.snapshot[data-snapshot="${FACTS.dropped_snapshot}"] ul.changes li`).allTextContents(),
    [`dropped table: a dropped table (id ${FACTS.dropped_id})`], 'a dropped table, by its id');
  assert.deepEqual(items.filter((t) => /: \d+$/.test(t)), [], 'no bare table id');
  assert.deepEqual(items.filter((t) => /coco captions|stock level/.test(t)), [], 'no name with its underscores turned to spaces');
  assert.equal(await page.locator('main h2#timeline-title').count(), 1, 'the timeline has an h2 between the h1 and the snapshots\' h3');
});

test('the tag dialog: Enter confirms, Cancel works while the name is empty, a blank name keeps it open with a message', T, async () => {
  await go('#/history');
  const latest = await latestSnapshot();
  const dialog = page.locator('#confirm-dialog');
  const name = page.locator('#confirm-fields input[name="name"]');
  assert.deepEqual(await page.locator('#confirm-dialog .dialog-buttons button').evaluateAll((bs) => bs.map((b) => b.id)),
    ['confirm-ok', 'confirm-cancel'], 'OK comes first, in the page and on screen');
  const open = async () => {
    await page.locator(`button[data-action="tag"][data-snapshot="${latest}"]`).click();
    await dialog.waitFor({ state: 'visible' });
  };
  await open();
  await page.click('#confirm-cancel');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => /Tagging cancelled/.test(document.getElementById('status').textContent));
  await open();
  await name.fill('   ');
  await page.click('#confirm-ok');
  const msg = page.locator('#confirm-fields .field-error');
  await msg.filter({ hasText: 'A tag needs a name.' }).waitFor();
  assert.ok(await dialog.isVisible(), 'a blank name keeps the dialog open');
  assert.equal(await name.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  assert.ok((await name.getAttribute('aria-describedby')).split(' ').includes(await msg.getAttribute('id')), 'and described by the message');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'name', 'the focus is back on the field');
  await name.fill('');
  await name.press('Enter');
  await msg.filter({ hasText: 'A tag needs a name.' }).waitFor();
  assert.ok(await dialog.isVisible(), 'Enter with the name empty: still open');
  await name.fill('ui-enter-tag');
  await page.evaluate(() => { delete document.querySelector('main').dataset.ready; });
  await name.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await ready(page);
  await page.locator(`li.snapshot[data-snapshot="${latest}"] .tag[data-tag="ui-enter-tag"]`).waitFor();
  const tags = await tool('query', { sql: "SELECT snapshot_id FROM lakehouse_tags('lake') WHERE tag_name = 'ui-enter-tag'" });
  assert.deepEqual(tags.rows, [[latest]], 'Enter in the name field made the tag');
});

test('the fragment player plays an index without _clips or _annotations tables, and says so plainly', T, async () => {
  const g = FACTS.gold_fragment;
  const start = queries.length;
  await go(`#/samples/gold.fragment_tracking?where=${encodeURIComponent(`clip_uri = '${g.clip_uri}'`)}`);
  await clickTo(page.getByRole('link', { name: new RegExp(`^Play fragment ${g.fragment_id} of `) }));
  await page.waitForFunction(() => document.getElementById('player').readyState >= 2, null, { timeout: WAIT });
  assert.match(await page.locator('#player-note').textContent(),
    /^gold\.fragment_tracking has no clip table \(gold\.fragment_tracking_clips\) and no annotation table \(gold\.fragment_tracking_annotations\): the fragment plays without annotation boxes or the clip’s details\.$/, 'a plain note');
  assert.doesNotMatch(await page.locator('main').textContent(), /Catalog Error|does not exist/, 'no raw error');
  assert.equal(await page.locator('#show-boxes').count(), 0, 'no box switch without boxes');
  await page.click('#next-frame');
  await page.waitForFunction(() => /^Frame \d+ \(frames \d+–\d+/.test(document.getElementById('frame-readout').textContent));
  assert.ok(!queries.slice(start).some((q) => /fragment_tracking_(clips|annotations)/.test(q)), 'the missing tables are not queried');
});

test('run ids with commas: the comparison address names each run on its own; older addresses still open', T, async () => {
  const [a, b] = FACTS.comma_runs;
  await go('#/experiment/ui-commas');
  await page.check(`input.pick-run[value=${cssStr(a)}]`);
  await page.check(`input.pick-run[value=${cssStr(b)}]`);
  await clickTo(page.getByRole('button', { name: 'Compare selected runs' }));
  assert.equal(new URL(page.url()).hash, `#/runs?id=${encodeURIComponent(a)}&id=${encodeURIComponent(b)}`, 'one id= per run');
  assert.equal(await page.locator('table.runs tbody tr').count(), 2, 'both runs');
  assert.equal(await page.locator('main .notice', { hasText: 'No such run' }).count(), 0, 'no run is missing');
  assert.equal(await page.locator('table.config-compare tr[data-key="lr"] mark.differs').count(), 2, 'their configs side by side');
  await clickTo(page.locator(`table.runs tr[data-run=${cssStr(a)}] a.run-link`));
  assert.equal(new URL(page.url()).hash, `#/runs?id=${encodeURIComponent(a)}`, 'one run has its address too');
  assert.equal(await page.locator('table.runs tbody tr').count(), 1, 'and opens');
  await go(`#/runs?ids=${FACTS.runs.join(',')}`);
  assert.equal(await page.locator('table.runs tbody tr').count(), 2, 'an older #/runs?ids=A,B address still opens');
});

test('heavy work is bounded: run data counted up to 1,000 rows, a big table\'s quality check on request, the column search cap said', T, async () => {
  const [run0] = FACTS.runs;
  let start = queries.length;
  await go('#/experiment/ui-exp');
  const steps = page.locator(`article.run-card[data-run="${run0}"] a.run-data[data-table="results.steps"]`);
  assert.equal(await steps.getAttribute('data-rows'), '1001', 'the count of results.steps stops past 1,000');
  assert.match(await steps.locator('xpath=..').textContent(), /results\.steps — 1,000\+ rows$/, 'shown as 1,000+');
  assert.match(await page.locator(`article.run-card[data-run="${run0}"] a.run-data[data-table="results.predictions"]`).locator('xpath=..').textContent(), /— 3 rows$/, 'a small count exactly');
  const counts = queries.slice(start).filter((q) => /"results"\./.test(q));
  assert.ok(counts.length >= 2 && counts.every((q) => /LIMIT 1001\b/.test(q) && !/GROUP BY/i.test(q)), `each run's rows are counted with a LIMIT: ${JSON.stringify(counts)}`);

  start = calls.length;
  await go('#/charts/big.numbers?column=bucket');
  assert.ok(!calls.slice(start).some((c) => c.tool === 'quality_check'), 'no quality check of 10 million rows on load');
  const btn = page.locator('#run-quality');
  assert.equal((await btn.textContent()).trim(), 'Run the quality check (scans 10,000,000 rows)', 'a button says what it costs');
  await btn.click();
  await page.locator('table.quality-table').waitFor({ timeout: 180000 });
  assert.equal(await page.locator('table.quality-table tbody tr').count(), 2, 'it runs when asked: a row per column');
  start = calls.length;
  await go('#/charts/shop.products?column=price');
  assert.ok(calls.slice(start).some((c) => c.tool === 'quality_check'), 'a small table is checked on load');
  assert.equal(await page.locator('#run-quality').count(), 0, 'without a button');

  const isColumns = (u) => u.pathname === '/tools/query';
  await page.route(isColumns, async (route) => {
    if (!(route.request().postData() || '').includes('SELECT table_schema, table_name, column_name FROM information_schema.columns')) return route.fallback();
    const res = await route.fetch();
    const json = await res.json();
    json.truncated = true;
    await route.fulfill({ response: res, json });
  });
  try {
    await go('#/catalog');
    assert.match(await page.locator('#columns-capped').textContent(), /^The search looks at the first [\d,]+ column names only: this lake has more than the 20,000 the page reads\./, 'a capped column search says so');
  } finally {
    await page.unroute(isColumns);
  }
  await go('#/catalog');
  assert.equal(await page.locator('#columns-capped').count(), 0, 'and only then');
});

test('time travel is kept across a table\'s pages: overview, samples, history and charts', T, async () => {
  const v1 = FACTS.products_v1;
  await go(`#/table/shop.products?snapshot=${v1}`);
  const navs = await page.locator('nav.subnav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(navs.filter((u) => !u.endsWith(`?snapshot=${v1}`)), [], `every page of the table keeps ?snapshot=${v1}`);
  await clickTo(page.locator('nav.subnav a', { hasText: 'Charts' }));
  assert.match(await page.locator('#time-travel-notice').textContent(), new RegExp(`as of snapshot ${v1}`), 'the charts say they are as of the snapshot');
  assert.ok(await page.locator('#chart-column option[value="name"]').count() === 1, 'with the columns of then');
  const links = await page.locator('table.quality-table a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length && links.every((u) => u.includes(`snapshot=${v1}`)), 'the quality report\'s column links keep it');
  await clickTo(page.locator('nav.subnav a', { hasText: 'History' }));
  assert.equal(await page.locator(`li.snapshot[data-snapshot="${v1}"][aria-current="true"]`).count(), 1, 'the history marks the snapshot looked at');
  assert.deepEqual((await page.locator('nav.subnav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter((u) => !u.endsWith(`?snapshot=${v1}`)), [], 'and keeps it');
  await go(`#/catalog?snapshot=${v1}`);
  const open = await page.locator('tr[data-table="shop.products"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(open.filter((u) => !u.endsWith(`?snapshot=${v1}`)), [], 'the catalog as of a snapshot links every page of a table as of it');
});

test('a refused token anywhere signs the tab out with the reason: thumbnails, background queries, write buttons', T, async () => {
  const c = await newContext();
  const p = await c.newPage();
  watch(p, '401 tab');
  const signIn = async (hash) => {
    await p.goto(`${BASE}/?token=${encodeURIComponent(TOKEN)}${hash}`);
    await ready(p, hash);
  };
  const signedOut = async (what) => {
    await p.locator('#login-token').waitFor();
    assert.equal(await p.locator('#login-error').textContent(), 'Your token was not accepted: token revoked for the test', `${what}: back at the login, with the reason`);
    assert.equal(await p.evaluate(() => sessionStorage.getItem('lakehouse.token')), null, `${what}: the token is forgotten`);
  };
  // [what, the path refused, the SQL a refused query holds (or null: every request there), page]
  const cases = [
    ['a thumbnail', '/ui/thumb', null, '#/samples/raw.coco_captions'],
    ['the table names of the history', '/tools/query', /ducklake_table_info/, '#/history'],
    ['the artifacts of an experiment', '/tools/query', /artifact_versions/, '#/experiment/ui-exp'],
    ['the data a run wrote', '/tools/query', /"results"\."predictions"/, '#/experiment/ui-exp'],
    ['the clip of a fragment', '/ui/fragment', null, `#/video/raw.visdrone/${FACTS.fragment.fragment_id}?clip=${encodeURIComponent(FACTS.fragment.clip_uri)}`],
  ];
  for (const [what, path, sql, hash] of cases) {
    await signIn('#/catalog');
    const match = (u) => u.pathname === path;
    const sqlOf = (route) => { try { return JSON.parse(route.request().postData() || '{}').sql || ''; } catch { return ''; } };
    await p.route(match, (route) => (!sql || sql.test(sqlOf(route)) ? refuse(route) : route.fallback()));
    await p.evaluate((h) => { location.hash = h; }, hash);
    await signedOut(what);
    await p.unroute(match);
  }
  // a write button
  await signIn('#/history');
  await p.route((u) => u.pathname === '/tools/tag_create', refuse);
  await p.locator('button[data-action="tag"]').first().click();
  await p.fill('#confirm-fields input[name="name"]', 'never-made');
  await p.click('#confirm-ok');
  await signedOut('the tag button');
  assert.equal(await p.locator('#alert').textContent(), '', 'no error box besides the login\'s message');
  await c.close();
});

test('leaving a page stops its requests and frees its blob: URLs', T, async () => {
  await go('#/samples/raw.coco_captions');
  await page.waitForFunction(() => [...document.querySelectorAll('img.thumb')].every((i) => i.dataset.state === 'loaded' || i.dataset.state === 'error'));
  const urls = await page.locator('img.thumb').evaluateAll((is) => is.map((i) => i.src));
  assert.ok(urls.length > 0 && urls.every((u) => u.startsWith('blob:')), 'thumbnails from blob: URLs');
  // whether a blob: URL still names its image (an <img> may load blob: under the page's CSP; fetch may not)
  const decodable = (us) => page.evaluate((list) => Promise.all(list.map((u) => {
    const img = new Image();
    img.src = u;
    return img.decode().then(() => 'readable', () => 'freed');
  })), us);
  assert.deepEqual(await decodable(urls.slice(0, 2)), ['readable', 'readable'], 'while the page is shown its blob: URLs are readable');
  await go('#/catalog');
  const after = await decodable(urls);
  assert.ok(after.every((x) => x === 'freed'), `the samples page's blob: URLs are freed when it is left (${after.join(', ')})`);
  // a request still running when its page is left is aborted, and the page asks nothing more
  let held = null;
  const isHist = (u) => u.pathname === '/tools/column_histogram';
  await page.route(isHist, (route) => { held = route; });
  let start;
  try {
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => isHist(new URL(r.url())), timeout: WAIT });
    await page.evaluate(() => { location.hash = '#/charts/shop.products?column=price'; });
    for (let i = 0; !held && i < 3000; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(held, 'the charts page asked for its histogram');
    start = calls.length;
    await go('#/experiments');
    const f = await failed;
    assert.match(f.failure().errorText, /ABORTED|cancel/i, 'the left page\'s histogram request is aborted');
  } finally {
    if (held) await held.continue().catch(() => {});
    await page.unroute(isHist);
  }
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(calls.slice(start).map((c) => c.tool).filter((t) => !['experiment_list', 'query'].includes(t)), [], 'the left page starts nothing more');
});

test('at 400 px wide no page scrolls sideways: wide tables scroll in their own box', { timeout: 600000 }, async () => {
  const c = await browser.newContext({ viewport: { width: 400, height: 800 }, reducedMotion: 'reduce' });
  c.setDefaultTimeout(WAIT);
  const p = await c.newPage();
  watch(p, '400px tab');
  await p.goto(`${BASE}/?token=${encodeURIComponent(TOKEN)}#/catalog`);
  await ready(p, '#/catalog');
  const wide = [];
  for (const hash of everyPage()) {
    await go(hash, p);
    await p.waitForFunction(() => [...document.querySelectorAll('img.thumb')].every((i) => i.dataset.state === 'loaded' || i.dataset.state === 'error'));
    const o = await p.evaluate(() => {
      const se = document.scrollingElement;
      const out = [...document.querySelectorAll('body *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > se.clientWidth + 0.5)
        .slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}">`);
      return { sw: se.scrollWidth, cw: se.clientWidth, out };
    });
    if (o.sw > o.cw) wide.push(`${hash}: ${o.sw} > ${o.cw} (${o.out.join(', ')})`);
  }
  assert.deepEqual(wide, [], 'no page is wider than the window');
  await c.close();
});

// ---- accessibility -----------------------------------------------------------------------

/** Every control named, every text with 4.5:1 contrast, on the page as it is. */
async function staticChecks(p, label) {
  const out = await p.evaluate(() => {
    const unnamed = [];
    for (const el of document.querySelectorAll('input, select, button, textarea')) {
      if (el.type === 'hidden' || el.closest('[hidden]')) continue;
      const byLabel = el.labels && [...el.labels].some((l) => l.textContent.trim());
      const byAria = (el.getAttribute('aria-label') || '').trim() ||
        (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || '').join('').trim();
      const byText = el.tagName === 'BUTTON' && el.textContent.trim();
      if (!byLabel && !byAria && !byText && !(el.getAttribute('title') || '').trim()) {
        unnamed.push(el.outerHTML.slice(0, 120));
      }
    }
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const blend = (top, under) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
      }
      let bg = [255, 255, 255, 1];
      for (const l of layers.reverse()) bg = blend(l, bg);
      return bg;
    };
    const low = [];
    let checked = 0;
    const all = document.querySelectorAll('body *');
    for (const el of all) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || ['SCRIPT', 'STYLE', 'TITLE', 'OPTION', 'DESC'].includes(el.tagName)) continue;
      if (el.closest('svg title, svg desc')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.bottom < 0 || r.right < 0) continue; // hidden or off-screen (skip link)
      if (el.closest('dialog:not([open])')) continue;
      const svgText = el instanceof SVGElement;
      const fg = parse(svgText ? cs.fill : cs.color);
      if (!fg) continue;
      const bg = background(el);
      const f = fg[3] < 1 ? blend(fg, bg) : fg;
      const L1 = lum(f), L2 = lum(bg);
      const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
      checked++;
      if (ratio < 4.5) low.push(`${ratio.toFixed(2)}:1 for "${el.textContent.trim().slice(0, 40)}" <${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}"> (${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
    }
    // headings: the page starts at h1 and never skips a level going down
    const skipped = [];
    let level = 0;
    for (const el of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
      if (el.closest('[hidden]')) continue;
      const n = Number(el.tagName[1]);
      if (n > level + 1) skipped.push(`h${level || '(none)'} then <${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 40)}"`);
      level = n;
    }
    // every id an ARIA attribute or a label names is there (one element, one token)
    const broken = [];
    for (const el of document.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], label[for]')) {
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
        const v = el.getAttribute(attr);
        if (v === null || (attr === 'for' && el.tagName !== 'LABEL')) continue;
        for (const id of v.split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) broken.push(`${attr}="${v}" on <${el.tagName.toLowerCase()}>: no element with id "${id}"`);
        }
      }
    }
    return { unnamed, low, checked, skipped, broken };
  });
  assert.deepEqual(out.skipped, [], `${label}: heading levels go down one at a time from the h1`);
  assert.deepEqual(out.broken, [], `${label}: every aria-labelledby, aria-describedby and label names elements that are there`);
  assert.deepEqual(out.unnamed, [], `${label}: every input, select and button has an accessible name`);
  assert.ok(out.checked > 0, `${label}: text was checked for contrast`);
  assert.deepEqual(out.low, [], `${label}: every visible text has a contrast of 4.5:1 or more`);
}

/** Tabs through the page: every element focused shows a visible focus indicator. */
async function tabChecks(p, label) {
  // start at the top: the skip link is the first stop, then everything in order
  await p.evaluate(() => { window.scrollTo(0, 0); document.getElementById('skip-link').focus(); });
  const seen = new Set();
  const bad = [];
  let count = 0;
  for (let i = 0; i < 400; i++) {
    if (i > 0) await p.keyboard.press('Tab');
    const f = await p.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const key = el.id || `${el.tagName}:${el.getAttribute('href') || ''}:${el.textContent.trim().slice(0, 30)}:${[...document.querySelectorAll(el.tagName)].indexOf(el)}`;
      return {
        key, tag: el.tagName.toLowerCase(), text: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40),
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0, shadow: cs.boxShadow !== 'none',
        video: el.tagName === 'VIDEO',
      };
    });
    if (!f) break;
    if (seen.has(f.key)) break; // wrapped around
    seen.add(f.key);
    count++;
    if (!f.outline && !f.shadow) bad.push(`<${f.tag}> "${f.text}"`);
  }
  assert.ok(count >= 3, `${label}: Tab reaches the page's links and controls (${count})`);
  assert.deepEqual(bad, [], `${label}: every focused element shows an outline or box-shadow`);
}

async function a11yChecks(p, label) {
  await staticChecks(p, label);
  await tabChecks(p, label);
}

test('accessibility: skip link, keyboard use, focus outlines, labels and contrast on every page', { timeout: 600000 }, async () => {
  // the skip link is the first Tab stop and moves focus to the page
  await page.goto(`${BASE}/#/catalog`);
  await page.reload(); // a fresh load, not a same-document hash change
  await ready(page, '#/catalog');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link', 'the first Tab stop is the skip link');
  const box = await page.locator('#skip-link').boundingBox();
  assert.ok(box && box.y >= 0, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.closest('main') !== null), true, 'Enter on the skip link moves focus into main');
  // Enter follows a link, Space presses a button, Escape closes the dialog
  await page.keyboard.press('Tab');
  let steps = 0;
  while (steps++ < 60 && (await page.evaluate(() => document.activeElement.textContent.trim())) !== 'numbers') await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'numbers', 'Tab reaches the link to big.numbers');
  await page.evaluate(() => { delete document.querySelector('main').dataset.ready; });
  await page.keyboard.press('Enter');
  await ready(page, '#/table/big.numbers');
  await go('#/history/shop.products');
  await page.locator('button[data-action="tag"]').first().focus();
  await page.keyboard.press('Space');
  await page.locator('#confirm-dialog').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement.name), 'name', 'the dialog focuses its first field');
  await page.keyboard.press('Escape');
  await page.locator('#confirm-dialog').waitFor({ state: 'hidden' });

  for (const hash of everyPage()) {
    await go(hash);
    await page.waitForFunction(() => [...document.querySelectorAll('img.thumb')].every((i) => i.dataset.state === 'loaded' || i.dataset.state === 'error'));
    await a11yChecks(page, hash);
  }
});

test('no uncaught errors and no Content-Security-Policy violations on any page', T, async () => {
  assert.deepEqual(problems, [], 'the pages ran cleanly under the server\'s CSP');
});
