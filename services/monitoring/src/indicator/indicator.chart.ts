import { monthIndex, monthOf } from '../shared/calendar';

/**
 * A minimal line chart of an indicator against its baseline and targets, as SVG (no chart library
 * is installed). Measurements are a line with dots; the baseline a grey dashed line; each target a
 * green dashed line from the month it applies (an undated target is drawn over the whole range).
 */
export interface ChartInput {
  title: string;
  unit: string;
  baseline: { value: number; reference: string } | null;
  targets: { value: number; by: string | null; approximate: boolean }[];
  measurements: { period: string; value: number }[];
}

const W = 720;
const H = 360;
const M = { left: 56, right: 16, top: 40, bottom: 48 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function indicatorChartSvg(input: ChartInput): string {
  const months = [...input.measurements.map((m) => monthIndex(m.period)), ...input.targets.flatMap((t) => (t.by ? [monthIndex(t.by)] : []))];
  const first = months.length ? Math.min(...months) : 0;
  const last = months.length ? Math.max(...months, first + 1) : 1;
  const values = [...input.measurements.map((m) => m.value), ...input.targets.map((t) => t.value), ...(input.baseline ? [input.baseline.value] : [])];
  const top = Math.max(1, ...values) * 1.1;
  const x = (month: number) => M.left + ((month - first) / (last - first)) * (W - M.left - M.right);
  const y = (value: number) => H - M.bottom - (value / top) * (H - M.top - M.bottom);
  const hline = (value: number, from: number, to: number, cls: string, label: string) =>
    `<line class="${cls}" x1="${fmt(from)}" x2="${fmt(to)}" y1="${fmt(y(value))}" y2="${fmt(y(value))}"/>` +
    `<text x="${fmt(to - 4)}" y="${fmt(y(value) - 4)}" text-anchor="end">${esc(label)}</text>`;
  const parts: string[] = [
    `<text x="${M.left}" y="22" class="title">${esc(input.title)}</text>`,
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`,
    `<text x="${M.left - 6}" y="${fmt(y(0))}" text-anchor="end">0</text>`,
    `<text x="${M.left - 6}" y="${fmt(y(top / 1.1) + 4)}" text-anchor="end">${fmt(top / 1.1)}</text>`,
  ];
  if (months.length) {
    parts.push(`<text x="${M.left}" y="${H - M.bottom + 18}">${monthOf(first)}</text>`, `<text x="${W - M.right}" y="${H - M.bottom + 18}" text-anchor="end">${monthOf(last)}</text>`);
  }
  if (input.baseline) parts.push(hline(input.baseline.value, M.left, W - M.right, 'baseline', `basislijn ca. ${input.baseline.value} (${input.baseline.reference})`));
  for (const t of input.targets) {
    const from = t.by ? x(monthIndex(t.by)) : M.left;
    parts.push(hline(t.value, Math.min(from, W - M.right - 1), W - M.right, 'target', `doel ${t.approximate ? 'ca. ' : '≤ '}${t.value}${t.by ? ` vanaf ${t.by}` : ' (langere termijn)'}`));
  }
  if (input.measurements.length) {
    const points = input.measurements.map((m) => `${fmt(x(monthIndex(m.period)))},${fmt(y(m.value))}`);
    parts.push(`<polyline class="series" points="${points.join(' ')}"/>`);
    parts.push(...input.measurements.map((m) => `<circle class="series" cx="${fmt(x(monthIndex(m.period)))}" cy="${fmt(y(m.value))}" r="3"><title>${m.period}: ${m.value}</title></circle>`));
  } else {
    parts.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="empty">Nog geen metingen</text>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(input.title)} (${esc(input.unit)})">` +
    `<style>text{font:12px sans-serif;fill:#333}.title{font-size:14px;font-weight:bold}.axis{stroke:#333}` +
    `.baseline{stroke:#888;stroke-dasharray:6 4}.target{stroke:#2a7d2a;stroke-dasharray:4 3}polyline.series{fill:none;stroke:#1f4e9c;stroke-width:2}` +
    `circle.series{fill:#1f4e9c}.empty{fill:#888}</style>` +
    parts.join('') +
    `</svg>\n`
  );
}
