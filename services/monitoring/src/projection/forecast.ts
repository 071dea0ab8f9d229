import { monthIndex, monthOf } from '@regie/calendar';

/**
 * Trend and forecast of a monthly indicator (documented in the README):
 *
 * - Data: the measurements of the last WINDOW_MONTHS calendar months up to the latest measured month.
 * - Trend: ordinary least squares y = a + b·x over those points, x = month number; b is the trend
 *   per month. Fewer than MIN_POINTS points → "onvoldoende gegevens": no trend, no forecast.
 * - Forecast for month x0: ŷ = a + b·x0, with a band of ±2 × the prediction standard error
 *   s·√(1 + 1/n + (x0 − x̄)² / Sxx), where s = √(Σ residual² / (n − 2)) (≈95 % if the residuals are
 *   roughly normal; with few points the band is an underestimate, which the text says).
 * - Against the target that applies in month x0 (see `applicableTarget`): "op koers" when the whole
 *   band is at or below the target value, "niet op koers" when the whole band is above it, else
 *   "onzeker" (mirrored when higher is better).
 */
export const WINDOW_MONTHS = 12;
export const MIN_POINTS = 4;

export interface MeasurementFact {
  period: string;
  value: number;
  position: number;
}

/** Which way is better (see indicator.ts). */
export type DirectionFact = 'hoger-is-beter' | 'lager-is-beter';

export interface TargetFact {
  /** The bound: at or below it when lower is better, at or above it when higher is better. */
  value: number;
  /** Month by which it should be reached; null = "op de langere termijn" (no date stated). */
  by: string | null;
  text: string;
  source: string;
}

export interface LeastSquares {
  n: number;
  slope: number;
  intercept: number;
  meanX: number;
  sxx: number;
  /** √(Σ residual² / (n − 2)). */
  residualSd: number;
}

export function leastSquares(points: readonly { x: number; y: number }[]): LeastSquares {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const ssr = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { n, slope, intercept, meanX, sxx, residualSd: n > 2 ? Math.sqrt(ssr / (n - 2)) : Number.NaN };
}

/**
 * The target that applies in `period`: the earliest dated target whose month is on or after
 * `period`; when all dated targets lie before it, the undated (long-term) target; when there is
 * none, the latest dated target.
 */
export function applicableTarget(targets: readonly TargetFact[], period: string): TargetFact | undefined {
  const dated = targets.filter((t) => t.by !== null).sort((a, b) => (a.by! < b.by! ? -1 : 1));
  return dated.find((t) => t.by! >= period) ?? targets.find((t) => t.by === null) ?? dated[dated.length - 1];
}

/** One set of targets and the day from which it applies (null: from the start). */
export interface TargetVersionFact {
  validFrom: string | null;
  targets: TargetFact[];
}

/**
 * The targets valid on `date` (YYYY-MM-DD): the latest set whose `validFrom` is on or before it.
 * Before the first set there were no targets (an empty list), so a moment before a change keeps
 * the targets of that moment and a moment before any target has none. Of sets valid from the same
 * day, the one recorded last counts (the history is in recorded order and the sort is stable).
 */
export function targetsValidAt<T extends TargetVersionFact>(history: readonly T[], date: string): T['targets'] {
  const valid = history.filter((v) => v.validFrom === null || v.validFrom <= date);
  const latest = valid.sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '')).at(-1);
  return latest?.targets ?? [];
}

const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;

export interface IndicatorForecast {
  method: string;
  status: 'ok' | 'onvoldoende gegevens';
  window: { from: string; to: string } | null;
  points: number;
  trend: { slopePerMonth: number; direction: 'dalend' | 'stijgend' | 'vlak' } | null;
  forecast: { period: string; value: number; low: number; high: number; residualSd: number } | null;
  target: TargetFact | null;
  assessment: 'op koers' | 'niet op koers' | 'onzeker' | 'onvoldoende gegevens' | 'geen doel';
  why: string;
  sources: number[];
}

export const FORECAST_METHOD =
  `Kleinste kwadraten (lineair) op de metingen van de laatste ${WINDOW_MONTHS} maanden; prognose met een band van ±2 × de ` +
  `voorspellingsstandaardfout uit de residuen (≈95 % bij normaal verdeelde residuen); minimaal ${MIN_POINTS} metingen, anders 'onvoldoende gegevens'.`;

export function forecastIndicator(
  measurements: readonly MeasurementFact[],
  targets: readonly TargetFact[],
  period: string,
  better: DirectionFact = 'lager-is-beter',
): IndicatorForecast {
  const target = applicableTarget(targets, period) ?? null;
  const sorted = [...measurements].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  const last = sorted[sorted.length - 1];
  const window = last ? sorted.filter((m) => monthIndex(m.period) > monthIndex(last.period) - WINDOW_MONTHS) : [];
  const sources = window.map((m) => m.position);
  const base = { method: FORECAST_METHOD, points: window.length, target, sources };
  if (window.length < MIN_POINTS) {
    return {
      ...base,
      status: 'onvoldoende gegevens',
      window: last ? { from: window[0].period, to: last.period } : null,
      trend: null,
      forecast: null,
      assessment: 'onvoldoende gegevens',
      why: `Onvoldoende gegevens: ${window.length === 0 ? 'geen metingen' : window.length === 1 ? '1 meting' : `${window.length} metingen`} in de laatste ${WINDOW_MONTHS} maanden, minimaal ${MIN_POINTS} nodig voor trend en prognose.`,
    };
  }
  const fit = leastSquares(window.map((m) => ({ x: monthIndex(m.period), y: m.value })));
  const x0 = monthIndex(period);
  const value = fit.intercept + fit.slope * x0;
  const halfWidth = 2 * fit.residualSd * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
  const forecast = {
    period,
    value: round(value),
    low: round(value - halfWidth),
    high: round(value + halfWidth),
    residualSd: round(fit.residualSd, 3),
  };
  const direction = Math.abs(fit.slope) < 1e-9 ? 'vlak' : fit.slope < 0 ? 'dalend' : 'stijgend';
  const lower = better === 'lager-is-beter';
  const assessment = !target
    ? 'geen doel'
    : (lower ? forecast.high <= target.value : forecast.low >= target.value)
      ? 'op koers'
      : (lower ? forecast.low > target.value : forecast.high < target.value)
        ? 'niet op koers'
        : 'onzeker';
  const targetText = target
    ? ` tegen doel ${lower ? '≤' : '≥'} ${target.value} (${target.by ?? 'langere termijn'}: ${target.text})`
    : ' (geen doel vastgelegd)';
  return {
    ...base,
    status: 'ok',
    window: { from: window[0].period, to: last.period },
    trend: { slopePerMonth: round(fit.slope), direction },
    forecast,
    assessment,
    why:
      `${window.length} metingen ${window[0].period} t/m ${last.period}, trend ${round(fit.slope)} per maand; prognose ${monthOf(x0)}: ` +
      `${forecast.value} (band ${forecast.low} – ${forecast.high})${targetText}: ${assessment}.` +
      (window.length < 8 ? ' Let op: met weinig metingen is de band een onderschatting.' : ''),
  };
}
