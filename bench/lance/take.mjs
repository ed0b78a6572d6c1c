// The baseline of bench/bench_take.c: Lance's take (npm @lancedb/lancedb, its native code)
// on the same data written as a Lance table, batches of random offsets, warm cache.
//   node take.mjs DIR a|b ROWS BATCHES SEED
// a: id BIGINT, x DOUBLE, s VARCHAR; b: id BIGINT, blob BINARY of 20,480 bytes. Prints
// "lance <rows/s>" over BATCHES takes of 256 distinct offsets (offset = id = the lake's
// row id).
import * as lancedb from "@lancedb/lancedb";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

// the CommonJS build of apache-arrow, the one @lancedb/lancedb itself loads (the ESM
// build's classes would be other classes to it)
const arrow = createRequire(import.meta.url)("apache-arrow");

const [dir, kind, rowsArg, batchesArg, seedArg] = process.argv.slice(2);
const rows = Number(rowsArg), batches = Number(batchesArg);
const TAKE = 256;

function batchA(lo, hi) {
  const n = hi - lo;
  const id = new BigInt64Array(n), x = new Float64Array(n), s = new Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = BigInt(lo + i);
    x[i] = (lo + i) * 0.5;
    s[i] = `caption number ${lo + i} of the benchmark`;
  }
  return new arrow.Table({ id: arrow.makeVector(id), x: arrow.makeVector(x),
                           s: arrow.vectorFromArray(s, new arrow.Utf8()) });
}

function batchB(lo, hi) {
  const n = hi - lo, width = 20480;
  const id = new BigInt64Array(n), offsets = new Int32Array(n + 1), data = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    id[i] = BigInt(lo + i);
    const hex = createHash("md5").update(String(lo + i)).digest("hex").repeat(640);
    data.set(Buffer.from(hex, "latin1"), i * width);
    offsets[i + 1] = (i + 1) * width;
  }
  const blob = arrow.makeVector(arrow.makeData({ type: new arrow.Binary(), length: n, nullCount: 0,
                                                 valueOffsets: offsets, data }));
  return new arrow.Table({ id: arrow.makeVector(id), blob });
}

const db = await lancedb.connect(dir);
const name = `t_${kind}_${rows}`;
let table;
if (existsSync(`${dir}/${name}.lance`)) {
  table = await db.openTable(name);
} else {
  const step = kind === "a" ? 1000000 : 2000;
  const make = kind === "a" ? batchA : batchB;
  for (let lo = 0; lo < rows; lo += step) {
    const t = make(lo, Math.min(rows, lo + step));
    if (!table) table = await db.createTable(name, t);
    else await table.add(t);
  }
}
if ((await table.countRows()) !== rows) throw new Error("the Lance table has the wrong row count");

// the same xorshift as bench_take.c, so both take the same rows
let state = BigInt(seedArg) | 1n;
const mask = (1n << 64n) - 1n;
function next() {
  state ^= (state << 13n) & mask; state ^= state >> 7n; state ^= (state << 17n) & mask;
  return Number(state % BigInt(rows));
}
// 256 distinct offsets (Lance returns a repeated offset once)
function offsetsOf() {
  const seen = new Set();
  while (seen.size < TAKE) seen.add(next());
  return [...seen];
}

for (let i = 0; i < Math.min(batches, 20); i++) await table.takeOffsets(offsetsOf()).toArrow(); // warm
let got = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < batches; i++) {
  const r = await table.takeOffsets(offsetsOf()).toArrow();
  got += r.numRows;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
if (got !== batches * TAKE) throw new Error(`Lance returned ${got} rows, not ${batches * TAKE}`);
console.log(`lance ${(got / secs).toFixed(0)}`);
