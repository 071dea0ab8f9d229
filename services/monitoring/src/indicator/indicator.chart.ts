import * as echarts from 'echarts';
import { monthIndex, monthOf } from '@regie/calendar';

/**
 * A line chart of an indicator against its baseline and targets, rendered to SVG on the server by
 * Apache ECharts (server-side rendering, no DOM). Measurements are a line with their values on the
 * points; the baseline a grey dashed line; each target a green dashed line from the month it
 * applies (an undated target over the whole range) — and only while it was valid: a target changed
 * later ends the month before the change, and the new one starts there. Colours are the Rijkshuisstijl's
 * (lintblauw, groen); every line also has a text label, so nothing is said by colour alone.
 */
type ChartTarget = { value: number; by: string | null; approximate: boolean };

export interface ChartInput {
  title: string;
  unit: string;
  /** Lower is better when not given: targets are upper bounds ("doel ≤ 240"). */
  direction?: 'hoger-is-beter' | 'lager-is-beter';
  baseline: { value: number; reference: string } | null;
  /** Targets valid throughout (when there is no history). */
  targets?: ChartTarget[];
  /** Each set of targets with the day it applies from (null: from the start). */
  targetHistory?: { validFrom: string | null; targets: ChartTarget[] }[];
  measurements: { period: string; value: number }[];
}

const WIDTH = 720;
const HEIGHT = 360;
const LINTBLAUW = '#154273';
const GROEN = '#39870c';
const GRIJS = '#696969';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const baselineLabel = (b: NonNullable<ChartInput['baseline']>) => `basislijn ca. ${b.value} (${b.reference})`;
export const targetLabel = (t: ChartTarget, direction: ChartInput['direction'] = 'lager-is-beter') =>
  `doel ${t.approximate ? 'ca. ' : direction === 'hoger-is-beter' ? '≥ ' : '≤ '}${t.value}${t.by ? ` vanaf ${t.by}` : ' (langere termijn)'}`;

export function indicatorChartSvg(input: ChartInput): string {
  const history = [...(input.targetHistory ?? [{ validFrom: null, targets: input.targets ?? [] }])].sort((a, b) =>
    (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
  );
  const allTargets = history.flatMap((v) => v.targets);
  const used = [
    ...input.measurements.map((m) => monthIndex(m.period)),
    ...allTargets.flatMap((t) => (t.by ? [monthIndex(t.by)] : [])),
    ...history.flatMap((v) => (v.validFrom ? [monthIndex(v.validFrom.slice(0, 7))] : [])),
  ];
  const first = used.length ? Math.min(...used) : 0;
  const last = used.length ? Math.max(...used, first + 1) : 1;
  const months = Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i));
  const measured: (number | null)[] = months.map(() => null);
  for (const m of input.measurements) measured[monthIndex(m.period) - first] = m.value;
  const values = [
    ...input.measurements.map((m) => m.value),
    ...allTargets.map((t) => t.value),
    ...(input.baseline ? [input.baseline.value] : []),
  ];
  const top = Math.max(1, ...values) * 1.1;

  const reference = (value: number, from: string, label: string, color: string, until = months[months.length - 1]) => [
    {
      coord: [from, value],
      name: label,
      lineStyle: { color, type: 'dashed', width: 1.5 },
      label: { color, formatter: '{b}', position: 'insideEndTop' },
    },
    { coord: [until, value] },
  ];
  // Each version's targets from where they apply (their month, not before the version) until the month before the next version.
  const targetLines = history.flatMap((version, i) => {
    const start = version.validFrom ? monthIndex(version.validFrom.slice(0, 7)) : first;
    const next = history[i + 1]?.validFrom;
    const end = next ? monthIndex(next.slice(0, 7)) - 1 : last;
    const until = next ? `, geldig tot ${monthOf(end)}` : '';
    if (end < start) return [];
    return version.targets.map((t) => {
      const by = t.by ? monthIndex(t.by) : first;
      // A target replaced before its month came is drawn where it was valid, so the change stays visible.
      const from = by > end ? start : Math.max(start, by);
      return reference(t.value, monthOf(from), targetLabel(t, input.direction) + until, GROEN, monthOf(end));
    });
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'RijksoverheidSansWebText, Verdana, sans-serif' },
      title: {
        text: input.title,
        subtext: input.unit,
        left: 8,
        textStyle: { fontSize: 14, color: '#000' },
        subtextStyle: { color: '#333' },
      },
      grid: { left: 56, right: 24, top: 64, bottom: 40 },
      xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: '#000' } },
      yAxis: { type: 'value', min: 0, max: Math.ceil(top), axisLabel: { color: '#000' } },
      series: [
        {
          type: 'line',
          name: 'gemeten',
          data: measured,
          connectNulls: true,
          symbol: 'circle',
          symbolSize: 6,
          color: LINTBLAUW,
          lineStyle: { width: 2 },
          label: { show: true, color: LINTBLAUW },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [
              ...(input.baseline ? [reference(input.baseline.value, months[0], baselineLabel(input.baseline), GRIJS)] : []),
              ...targetLines,
            ],
          },
        },
      ],
      graphic: input.measurements.length
        ? []
        : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'Nog geen metingen', fill: GRIJS, fontSize: 14 } }],
    });
    const svg = chart.renderToSVGString();
    // The chart is one image with a text alternative (WCAG 1.1.1); its figures are also in the CSV.
    const alternative = `${input.title} (${input.unit})`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/^<svg /, `<svg role="img" aria-label="${esc(alternative)}" `).replace(/(<svg[^>]*>)/, `$1<title>${esc(alternative)}</title>`)}\n`;
  } finally {
    chart.dispose();
  }
}
