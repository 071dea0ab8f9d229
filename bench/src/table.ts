import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';

/** One figure of the benchmark: a value, the baseline measured in the same run, their ratio and the target. */
export interface ResultRow {
  part: string;
  figure: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  /** What the baseline is, e.g. "raw INSERT, 1 connection". */
  baselineOf: string;
  /** value / baseline. */
  ratio: number | null;
  target: string;
  /** null: no target, or not measured. */
  pass: boolean | null;
  note?: string;
}

export type Check = (value: number, ratio: number | null) => boolean;

/** Builds a row; `check` decides pass/fail when the issue (or the bench) sets a target. */
export function row(
  part: string,
  figure: string,
  value: number | null,
  unit: string,
  baseline: number | null,
  baselineOf: string,
  target = '—',
  check?: Check,
  note?: string,
): ResultRow {
  const ratio = value !== null && baseline ? value / baseline : null;
  const pass = value === null || !check ? null : check(value, ratio);
  return { part, figure, value, unit, baseline, baselineOf, ratio, target, pass, ...(note ? { note } : {}) };
}

/** A figure that cannot be measured in this run, with what it would need. */
export const notYet = (part: string, figure: string, needs: string, target: string): ResultRow => ({
  part,
  figure,
  value: null,
  unit: '',
  baseline: null,
  baselineOf: '',
  ratio: null,
  target,
  pass: null,
  note: `not yet: needs ${needs}`,
});

const num = (v: number | null, unit: string): string => {
  if (v === null || Number.isNaN(v)) return '—';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit ? ' ' + unit : ''}`;
};

const verdict = (r: ResultRow): string => (r.note?.startsWith('not yet') ? 'not yet' : r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL');

/** The table on stdout: figure, value, baseline, ratio, target, pass/fail (notes below it). */
export function printTable(rows: ResultRow[], title: string): void {
  const header = ['#', 'figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [
    r.part,
    r.figure,
    r.note?.startsWith('not yet') ? r.note : num(r.value, r.unit),
    r.baseline === null ? '—' : `${num(r.baseline, r.unit)} (${r.baselineOf})`,
    r.ratio === null ? '—' : r.ratio >= 10 ? `${r.ratio.toFixed(0)}×` : `${r.ratio.toFixed(2)}×`,
    r.target,
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join(' | ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
  const notes = rows.filter((r) => r.note && !r.note.startsWith('not yet'));
  if (notes.length) {
    console.log('\nnotes');
    for (const r of notes) console.log(`  [${r.part}] ${r.figure}: ${r.note}`);
  }
}

/** Writes the run as JSON to bench/results/<timestamp>.json (ignored by git) and returns the path. */
export function writeJson(rows: ResultRow[], meta: Record<string, unknown>, stamp: string): string {
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  return file;
}

/** A cli-progress bar on stderr for a long phase (it stays silent when stderr is not a terminal). */
export function bar(label: string, total: number, unit = 'events'): SingleBar {
  console.error(`… ${label}`);
  const b = new SingleBar(
    {
      format: `  ${label.slice(0, 48).padEnd(48)} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  b.start(total, 0);
  return b;
}

/** A bar that fills with the clock, for phases that run a fixed time. */
export function timedBar(label: string, seconds: number): { stop(): void } {
  const b = bar(label, Math.ceil(seconds), 's');
  const started = performance.now();
  const timer = setInterval(() => b.update(Math.min(Math.ceil(seconds), Math.floor((performance.now() - started) / 1000))), 500);
  return {
    stop: () => {
      clearInterval(timer);
      b.update(Math.ceil(seconds));
      b.stop();
    },
  };
}
