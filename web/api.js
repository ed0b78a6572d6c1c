// The HTTP API of `lakehouse serve`: tools, the session, thumbnails and video fragments.
// Every call carries the token of this browser tab (sessionStorage) as a bearer token.
// Requests are made through a page scope (newPage()): each page render gets its own
// AbortController and its own list of blob: URLs, captured when the page starts, so a page
// left behind stops its requests and frees its URLs, and cannot borrow the next page's.

const TOKEN_KEY = 'lakehouse.token';

export class ApiError extends Error {
  constructor(status, kind, message) {
    super(message || kind || `HTTP ${status}`);
    this.status = status;
    this.kind = kind || 'error';
  }
}

/** An error of the user's input (a bad address): shown as it is, never sent anywhere. */
export class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
    this.status = 400;
  }
}

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

// Called with the message of any 401 answer to a data request (tools, thumbnails,
// fragments), before the error reaches the code that asked: a part of a page that
// tolerates its own failures still signs the tab out when the token is refused.
let unauthorized = null;

/** Sets what happens when the lake refuses the token (app.js: back to the login). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function errorOf(r, notify = true) {
  let kind = '', message = '';
  try {
    const j = await r.json();
    kind = j.error || '';
    message = j.message || '';
  } catch { /* not JSON */ }
  if (!message) message = `${r.status} ${r.statusText || 'error'}`;
  const e = new ApiError(r.status, kind, message);
  if (notify && r.status === 401 && unauthorized) unauthorized(e);
  return e;
}

function abortError() {
  return new DOMException('The page was left', 'AbortError');
}

/** GET /ui/session with `token` (default: the stored one). A 401 here is the caller's. */
export async function session(token = memoryToken) {
  const r = await fetch('/ui/session', { headers: authHeaders(token), cache: 'no-store' });
  if (!r.ok) throw await errorOf(r, false);
  return r.json();
}

// ---- arguments --------------------------------------------------------------------------

/** A whole number from text (digits only; or a number that is one), or NaN. */
function wholeNumber(v) {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  const t = String(v ?? '').trim();
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : NaN;
}

/**
 * A snapshot id from an address or a field: undefined when empty (the latest), else a
 * whole number of 1 or more; anything else throws an InputError (never read the latest
 * in its place).
 */
export function snapshotId(v) {
  if (v === undefined || v === null || String(v).trim() === '') return undefined;
  const n = wholeNumber(v);
  if (!(n >= 1)) {
    throw new InputError(`“${String(v)}” is not a snapshot id: a snapshot id is a whole number of 1 or more, `
      + 'as the history lists them. Leave it out to see the latest.');
  }
  return n;
}

/** A whole number of 0 or more written plainly for SQL (never 1e+21); throws if not one. */
export function sqlInt(n) {
  if (!Number.isSafeInteger(n) || n < 0) throw new InputError(`${String(n)} is not a whole number this page can use.`);
  return String(n);
}

// ---- a page's requests ------------------------------------------------------------------

/**
 * The requests of one page render: its own AbortController and blob: URLs, captured now.
 * close() aborts what is still running and frees the URLs; afterwards every call fails
 * with an AbortError, so a page left behind cannot start new work.
 */
export class PageScope {
  constructor() {
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.urls = [];
  }

  get closed() { return this.signal.aborted; }

  close() {
    this.controller.abort();
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
  }

  check() {
    if (this.closed) throw abortError();
  }

  /** POST /tools/NAME with `args`; the tool's JSON answer, or throws ApiError. */
  async tool(name, args = {}) {
    this.check();
    const r = await fetch(`/tools/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(args),
      signal: this.signal,
    });
    if (!r.ok) throw await errorOf(r);
    const j = await r.json();
    this.check();
    return j;
  }

  /** A read-only query: {columns, rows, row_count, truncated, snapshot_id}. */
  query(sql, { maxRows = 1000, snapshot, maxChars } = {}) {
    const args = { sql, max_rows: maxRows };
    const at = snapshotId(snapshot);
    if (at !== undefined) args.snapshot = at;
    if (maxChars) args.max_chars = maxChars;
    return this.tool('query', args);
  }

  /** True when a table exists (in information_schema), at the latest snapshot. */
  async tableExists(name) {
    const [s, t] = parseTable(name);
    const r = await this.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = ${lit(s)} AND table_name = ${lit(t)}`,
      { maxRows: 1 });
    return r.rows.length > 0;
  }

  async get(url) {
    this.check();
    const r = await fetch(url, { headers: authHeaders(), signal: this.signal });
    if (!r.ok) throw await errorOf(r);
    return r;
  }

  /** GETs `url` with the token and gives a blob: URL of the body, freed with the page. */
  async blobUrl(url) {
    const body = await (await this.get(url)).blob();
    return this.objectUrl(body);
  }

  /** GETs `url` with the token: its body as an ArrayBuffer. */
  async fetchBytes(url) {
    const bytes = await (await this.get(url)).arrayBuffer();
    this.check();
    return bytes;
  }

  /** A blob: URL of `obj` (a Blob or a MediaSource), freed with the page. */
  objectUrl(obj) {
    this.check();
    const u = URL.createObjectURL(obj);
    this.urls.push(u);
    return u;
  }
}

let current = null;

/** Starts a new page: closes the previous page's scope and gives the new one. */
export function newPage() {
  if (current) current.close();
  current = new PageScope();
  return current;
}

/** A read-only query's rows as objects keyed by column name. */
export function objects(result) {
  if (!result || !result.columns) return [];
  const names = result.columns.map((c) => c.name);
  return result.rows.map((row) => {
    const o = {};
    names.forEach((n, i) => { o[n] = row[i]; });
    return o;
  });
}

// ---- the /ui endpoints ------------------------------------------------------------------

/**
 * GET /ui/thumb: a JPEG (longer side <= size, never enlarged) of the image `uri` that
 * `column` of table `name` holds (at `snapshot`). table= takes the name as the tools do
 * (the server resolves it with describe_table). The server serves it only when the query
 * tool, with this token, finds such a row, and the URI is an asset the lake recorded.
 * size: 64, 96, 128, 160, 192, 256, 320, 384, 512, 640, 768 or 1024.
 */
export function thumbUrl(name, column, uri, size = 160, snapshot) {
  const p = new URLSearchParams({ table: tableRef(name), column, uri, size: String(size) });
  const at = snapshotId(snapshot);
  if (at !== undefined) p.set('snapshot', String(at));
  return `/ui/thumb?${p}`;
}

/** GET /ui/fragment: the init segment and fragment `fragment` of clip `clipUri` of fragment index `name`. */
export function fragmentUrl(name, clipUri, fragment) {
  const p = new URLSearchParams({ table: tableRef(name), clip_uri: clipUri, fragment: sqlInt(fragment) });
  return `/ui/fragment?${p}`;
}

// ---- SQL text and table names -------------------------------------------------------------

/** A SQL string literal. */
export function lit(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name part as written in a table name: as it is when a plain identifier, else quoted. */
export function namePart(part) {
  return PLAIN.test(part) ? part : ident(part);
}

/**
 * The name of a table as the pages write it, in addresses, on screen and in the tools'
 * `table` input: schema.table, each part in double quotes ("" for a quote inside) when it
 * is not a plain identifier, e.g. shop.products, main."sp ace", "we.ird sch'ema"."ta.ble ""q""".
 * It is SQL: the tools read it as they read any qualified name (an unquoted part as it is,
 * no case folding), and put it as it is in what they write (a rollback's commit message).
 */
export function tableName(schema, table) {
  return `${namePart(schema)}.${namePart(table)}`;
}

/**
 * [schema, table] of a table name: schema.table with either part in double quotes, or a
 * table alone (main's). An unquoted table part takes the rest of the text, so an old
 * address like #/table/shop.orders.2024 still opens shop."orders.2024". Throws an
 * InputError when the text is not a table name.
 */
export function parseTable(name) {
  const text = String(name ?? '');
  let i = 0;
  const part = (rest) => {
    if (text[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new InputError(`“${text}” is not a table name: a quote is not closed.`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') { out += '"'; i += 2; continue; }
          i++;
          return out;
        }
        out += text[i++];
      }
    }
    const end = rest ? text.length : (text.indexOf('.', i) < 0 ? text.length : text.indexOf('.', i));
    const out = text.slice(i, end);
    i = end;
    return out;
  };
  const first = part(false);
  let schema = 'main', table = first;
  if (i < text.length) {
    if (text[i] !== '.') throw new InputError(`“${text}” is not a table name: write schema.table, a part in double quotes when it needs them.`);
    i++;
    schema = first;
    table = part(true);
    if (i < text.length) throw new InputError(`“${text}” is not a table name: write schema.table, a part in double quotes when it needs them.`);
  }
  if (!schema || !table) throw new InputError(`“${text}” is not a table name: write schema.table.`);
  return [schema, table];
}

/** The table name in its canonical form (tableName of parseTable). */
export function canonicalName(name) {
  return tableName(...parseTable(name));
}

/** A fully quoted SQL reference to a table name ("schema"."table"): what the SQL the pages write gets. */
export function tableRef(name) {
  const [s, t] = parseTable(name);
  return `${ident(s)}.${ident(t)}`;
}
