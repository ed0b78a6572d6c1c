// SVG charts: bars (histograms, categories) and lines (metrics over steps).
// Colours are presentation attributes (allowed by the page's CSP); text is dark on white.

import { h, s, fmtNum, fmtInt, nextId } from './dom.js';

export const PALETTE = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#8a5a00', '#be185d'];
const TEXT = '#1b1f24';
const GRID = '#d0d7de';

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) { hi = lo + 1; }
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => span / st <= count) || 10 * mag;
  const start = Math.floor(lo / step) * step;
  const ticks = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

function shorten(t, n) {
  t = String(t);
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function frame(title, desc, width, height) {
  const tid = nextId('chart-title');
  const did = nextId('chart-desc');
  const svg = s('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${tid} ${did}`, preserveAspectRatio: 'xMidYMid meet',
  });
  svg.appendChild(s('title', { id: tid }, title));
  svg.appendChild(s('desc', { id: did }, desc));
  return svg;
}

/**
 * A bar chart. bars: [{label, count, title?, kind?}] (kind 'other' or 'null' draws a
 * grey bar). Every bar is a <rect class="bar" data-count="N">.
 */
export function barChart({ bars, title, xLabel, yLabel = 'rows', width = 760, height = 340 }) {
  const rotate = bars.length > 8;
  const m = { l: 64, r: 16, t: 16, b: rotate ? 96 : 56 };
  const w = width - m.l - m.r;
  const ht = height - m.t - m.b;
  const max = Math.max(1, ...bars.map((b) => Number(b.count) || 0));
  // counts: whole-number ticks
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : niceTicks(0, max, 5).filter((t) => Number.isInteger(t));
  const top = ticks[ticks.length - 1];
  const y = (v) => m.t + ht - (ht * v) / top;
  const total = bars.reduce((a, b) => a + (Number(b.count) || 0), 0);
  const svg = frame(title, `${bars.length} bars, ${fmtInt(total)} ${yLabel} in all.`, width, height);

  const axis = s('g', { class: 'axis' });
  for (const t of ticks) {
    axis.appendChild(s('line', { x1: m.l, x2: m.l + w, y1: y(t), y2: y(t), stroke: GRID, 'stroke-width': 1 }));
    axis.appendChild(s('text', { x: m.l - 8, y: y(t) + 4, 'text-anchor': 'end', fill: TEXT, 'font-size': 12 }, fmtNum(t)));
  }
  axis.appendChild(s('line', { x1: m.l, x2: m.l + w, y1: m.t + ht, y2: m.t + ht, stroke: TEXT, 'stroke-width': 1 }));
  axis.appendChild(s('text', {
    x: 14, y: m.t + ht / 2, transform: `rotate(-90 14 ${m.t + ht / 2})`, 'text-anchor': 'middle', fill: TEXT, 'font-size': 12,
  }, yLabel));
  if (xLabel) {
    axis.appendChild(s('text', { x: m.l + w / 2, y: height - 6, 'text-anchor': 'middle', fill: TEXT, 'font-size': 12 }, xLabel));
  }
  svg.appendChild(axis);

  const n = Math.max(1, bars.length);
  const slot = w / n;
  const gap = Math.min(8, slot * 0.15);
  const g = s('g', { class: 'bars' });
  const labelEvery = rotate ? Math.ceil(n / 40) : 1;
  bars.forEach((b, i) => {
    const c = Number(b.count) || 0;
    const x = m.l + i * slot + gap / 2;
    const bh = (ht * c) / top;
    const fill = b.kind === 'null' || b.kind === 'other' ? '#6e7781' : PALETTE[0];
    const rect = s('rect', {
      class: 'bar', x, y: m.t + ht - bh, width: Math.max(1, slot - gap), height: bh, fill,
      'data-count': String(c), 'data-label': String(b.label),
    });
    rect.appendChild(s('title', null, b.title || `${b.label}: ${fmtInt(c)}`));
    g.appendChild(rect);
    if (i % labelEvery === 0) {
      const lx = m.l + i * slot + slot / 2;
      const ly = m.t + ht + 14;
      g.appendChild(rotate
        ? s('text', { x: lx, y: ly, transform: `rotate(-45 ${lx} ${ly})`, 'text-anchor': 'end', fill: TEXT, 'font-size': 11 }, shorten(b.label, 16))
        : s('text', { x: lx, y: ly + 2, 'text-anchor': 'middle', fill: TEXT, 'font-size': 11 }, shorten(b.label, Math.max(4, Math.floor(slot / 7)))));
    }
  });
  svg.appendChild(g);
  return svg;
}

/**
 * A line chart. series: [{name, points: [[x, y], ...]}]; one <path class="line"
 * data-series="name"> per series, and a legend.
 */
export function lineChart({ series, title, xLabel = 'step', yLabel = 'value', width = 760, height = 320 }) {
  const m = { l: 64, r: 16, t: 16, b: 48 };
  const w = width - m.l - m.r;
  const ht = height - m.t - m.b;
  const xs = series.flatMap((se) => se.points.map((p) => p[0]));
  const ys = series.flatMap((se) => se.points.map((p) => p[1])).filter(Number.isFinite);
  let x0 = Math.min(...xs), x1 = Math.max(...xs);
  if (!Number.isFinite(x0)) { x0 = 0; x1 = 1; }
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (!Number.isFinite(y0)) { y0 = 0; y1 = 1; }
  if (y0 === y1) { y0 -= Math.abs(y0) * 0.1 || 1; y1 += Math.abs(y1) * 0.1 || 1; }
  const yt = niceTicks(y0, y1, 5);
  const xt = niceTicks(x0, x1, 6).filter((t) => t >= x0 && t <= x1);
  const ylo = yt[0], yhi = yt[yt.length - 1];
  const X = (v) => m.l + (w * (v - x0)) / (x1 - x0);
  const Y = (v) => m.t + ht - (ht * (v - ylo)) / (yhi - ylo);
  const svg = frame(title, `${series.length} series: ${series.map((se) => se.name).join(', ')}.`, width, height);
  const axis = s('g', { class: 'axis' });
  for (const t of yt) {
    axis.appendChild(s('line', { x1: m.l, x2: m.l + w, y1: Y(t), y2: Y(t), stroke: GRID, 'stroke-width': 1 }));
    axis.appendChild(s('text', { x: m.l - 8, y: Y(t) + 4, 'text-anchor': 'end', fill: TEXT, 'font-size': 12 }, fmtNum(t)));
  }
  for (const t of xt) {
    axis.appendChild(s('line', { x1: X(t), x2: X(t), y1: m.t + ht, y2: m.t + ht + 5, stroke: TEXT }));
    axis.appendChild(s('text', { x: X(t), y: m.t + ht + 18, 'text-anchor': 'middle', fill: TEXT, 'font-size': 12 }, fmtNum(t)));
  }
  axis.appendChild(s('line', { x1: m.l, x2: m.l + w, y1: m.t + ht, y2: m.t + ht, stroke: TEXT }));
  axis.appendChild(s('text', { x: m.l + w / 2, y: height - 6, 'text-anchor': 'middle', fill: TEXT, 'font-size': 12 }, xLabel));
  axis.appendChild(s('text', {
    x: 14, y: m.t + ht / 2, transform: `rotate(-90 14 ${m.t + ht / 2})`, 'text-anchor': 'middle', fill: TEXT, 'font-size': 12,
  }, yLabel));
  svg.appendChild(axis);
  series.forEach((se, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = se.points.filter((p) => Number.isFinite(p[1])).sort((a, b) => a[0] - b[0]);
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${X(p[0]).toFixed(2)},${Y(p[1]).toFixed(2)}`).join(' ');
    const g = s('g', { class: 'series' });
    const path = s('path', {
      class: 'line', d, fill: 'none', stroke: color, 'stroke-width': 2.5,
      'stroke-dasharray': i >= PALETTE.length ? '6 3' : null, 'data-series': se.name,
    });
    path.appendChild(s('title', null, se.name));
    g.appendChild(path);
    for (const p of pts) {
      const c = s('circle', { cx: X(p[0]), cy: Y(p[1]), r: 3.5, fill: color });
      c.appendChild(s('title', null, `${se.name} at ${xLabel} ${fmtNum(p[0])}: ${fmtNum(p[1])}`));
      g.appendChild(c);
    }
    svg.appendChild(g);
  });
  const legend = h('ul', { class: 'legend', 'aria-label': `Legend of ${title}` }, series.map((se, i) => h('li', null,
    swatch(PALETTE[i % PALETTE.length]), se.name)));
  return h('figure', { class: 'chart-figure' }, svg, legend);
}

/** A small colour square (SVG, so no inline style is needed). */
export function swatch(color) {
  const sv = s('svg', { class: 'swatch', viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true', focusable: 'false' });
  sv.appendChild(s('rect', { x: 0, y: 0, width: 12, height: 12, fill: color }));
  return sv;
}
