// The HTTP API of `lakehouse serve`: tools, the session, thumbnails and video fragments.
// Every call carries the token of this browser tab (sessionStorage) as a bearer token,
// and the abort signal of the page being shown, so a page left behind stops its requests.

const TOKEN_KEY = 'lakehouse.token';

export class ApiError extends Error {
  constructor(status, kind, message) {
    super(message || kind || `HTTP ${status}`);
    this.status = status;
    this.kind = kind || 'error';
  }
}

let signal = null;          // the current page's AbortSignal
let objectUrls = [];        // blob: URLs made for the current page

export function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: the token lives as long as the page */ }
  memoryToken = token || '';
}

let memoryToken = getToken();

function authHeaders(token = memoryToken) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Starts a new page: aborts the requests of the previous one and frees its blob URLs. */
export function newPage() {
  if (newPage.controller) newPage.controller.abort();
  newPage.controller = new AbortController();
  signal = newPage.controller.signal;
  for (const u of objectUrls) URL.revokeObjectURL(u);
  objectUrls = [];
  return signal;
}

export function isAbort(e) {
  return e && (e.name === 'AbortError' || (signal && signal.aborted && !(e instanceof ApiError)));
}

async function errorOf(r) {
  let kind = '', message = '';
  try {
    const j = await r.json();
    kind = j.error || '';
    message = j.message || '';
  } catch { /* not JSON */ }
  if (!message) message = `${r.status} ${r.statusText || 'error'}`;
  return new ApiError(r.status, kind, message);
}

/** GET /ui/session with `token` (default: the stored one). */
export async function session(token = memoryToken) {
  const r = await fetch('/ui/session', { headers: authHeaders(token), cache: 'no-store' });
  if (!r.ok) throw await errorOf(r);
  return r.json();
}

/** POST /tools/NAME with `args`; the tool's JSON answer, or throws ApiError. */
export async function tool(name, args = {}, opts = {}) {
  const r = await fetch(`/tools/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeaders() },
    body: JSON.stringify(args),
    signal: opts.signal === undefined ? signal : opts.signal,
  });
  if (!r.ok) throw await errorOf(r);
  return r.json();
}

/** A read-only query: {columns, rows, row_count, truncated, snapshot_id}. */
export function query(sql, { maxRows = 1000, snapshot, maxChars } = {}) {
  const args = { sql, max_rows: maxRows };
  if (snapshot) args.snapshot = Number(snapshot);
  if (maxChars) args.max_chars = maxChars;
  return tool('query', args);
}

/** The rows of a query-shaped answer as objects keyed by column name. */
export function objects(result) {
  if (!result || !result.columns) return [];
  const names = result.columns.map((c) => c.name);
  return result.rows.map((row) => {
    const o = {};
    names.forEach((n, i) => { o[n] = row[i]; });
    return o;
  });
}

/** GETs `url` with the token and gives a blob: URL of the body, freed when the page changes. */
export async function blobUrl(url) {
  const r = await fetch(url, { headers: authHeaders(), signal });
  if (!r.ok) throw await errorOf(r);
  const u = URL.createObjectURL(await r.blob());
  objectUrls.push(u);
  return u;
}

/** GET /ui/thumb: a JPEG (longer side <= size) of an image URI that `column` of `table` holds. */
/** GETs `url` with the token: its body as an ArrayBuffer. */
export async function fetchBytes(url) {
  const r = await fetch(url, { headers: authHeaders(), signal });
  if (!r.ok) throw await errorOf(r);
  return r.arrayBuffer();
}

/** A blob: URL of `obj` (a Blob or a MediaSource), freed when the page changes. */
export function objectUrl(obj) {
  const u = URL.createObjectURL(obj);
  objectUrls.push(u);
  return u;
}

export function thumbUrl(table, column, uri, size = 160, snapshot) {
  const p = new URLSearchParams({ table, column, uri, size: String(size) });
  if (snapshot) p.set('snapshot', String(snapshot));
  return `/ui/thumb?${p}`;
}

export function fragmentUrl(table, clipUri, fragment) {
  const p = new URLSearchParams({ table, clip_uri: clipUri, fragment: String(fragment) });
  return `/ui/fragment?${p}`;
}

// ---- SQL text -------------------------------------------------------------------------

/** A SQL string literal. */
export function lit(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** Splits 'schema.table' at its first dot. */
export function splitTable(name) {
  const i = name.indexOf('.');
  return i < 0 ? ['main', name] : [name.slice(0, i), name.slice(i + 1)];
}

/** A quoted reference to 'schema.table'. */
export function tableRef(name) {
  const [s, t] = splitTable(name);
  return `${ident(s)}.${ident(t)}`;
}

/** True when a table exists (in information_schema), at the latest snapshot. */
export async function tableExists(name) {
  const [s, t] = splitTable(name);
  const r = await query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = ${lit(s)} AND table_name = ${lit(t)}`,
    { maxRows: 1 });
  return r.rows.length > 0;
}
