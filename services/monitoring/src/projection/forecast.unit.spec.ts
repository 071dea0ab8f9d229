import { applicableTarget, forecastIndicator, leastSquares, type TargetFact, targetsValidAt } from './forecast';

const targets: TargetFact[] = [
  { value: 240, by: '2024-03', text: 'ten minste 20 % minder dan ca. 300', source: 'Kamerstuk 25 424, nr. 664' },
  { value: 100, by: null, text: 'stabiel ca. 100 per maand', source: 'Kamerstuk 25 424, nr. 664' },
];
const series = (start: number, values: number[]) =>
  values.map((value, i) => ({ period: `2026-${String(start + i).padStart(2, '0')}`, value, position: 100 + i }));

describe('least squares', () => {
  it('fits 10, 9, 7, 6 at x = 0..3: slope −1,4, intercept 10,1, residual sd √0,1', () => {
    const fit = leastSquares([10, 9, 7, 6].map((y, x) => ({ x, y })));
    expect(fit.slope).toBeCloseTo(-1.4, 10);
    expect(fit.intercept).toBeCloseTo(10.1, 10);
    expect(fit.residualSd).toBeCloseTo(Math.sqrt(0.1), 10);
    expect(fit.sxx).toBe(5);
  });
});

describe('the target that applies in a month', () => {
  it('is the earliest dated target not yet passed, else the long-term one', () => {
    expect(applicableTarget(targets, '2023-12')?.value).toBe(240);
    expect(applicableTarget(targets, '2024-03')?.value).toBe(240);
    expect(applicableTarget(targets, '2026-12')?.value).toBe(100);
    expect(applicableTarget([targets[0]], '2026-12')?.value).toBe(240);
    expect(applicableTarget([], '2026-12')).toBeUndefined();
  });
});

describe('indicator forecast', () => {
  it('says "onvoldoende gegevens" below 4 measurements, and forecasts nothing', () => {
    const f = forecastIndicator(series(1, [120, 110, 105]), targets, '2026-12');
    expect(f).toMatchObject({
      status: 'onvoldoende gegevens',
      assessment: 'onvoldoende gegevens',
      trend: null,
      forecast: null,
      points: 3,
      sources: [100, 101, 102],
    });
    expect(f.why).toMatch(/^Onvoldoende gegevens: 3 metingen in de laatste 12 maanden/);
    expect(forecastIndicator([], targets, '2026-12')).toMatchObject({ status: 'onvoldoende gegevens', window: null });
    expect(forecastIndicator([], targets, '2026-12').why).toMatch(/: geen metingen in/);
    expect(forecastIndicator(series(1, [120]), targets, '2026-12').why).toMatch(/: 1 meting in/);
  });

  it('forecasts 10, 9, 7, 6 (Jan–Apr) two months on: 3,1 with band ±2·s·√(1 + 1/4 + 3,5²/5) = ±1,22', () => {
    const f = forecastIndicator(series(1, [10, 9, 7, 6]), [{ value: 5, by: null, text: 'x', source: 'y' }], '2026-06');
    expect(f.trend).toEqual({ slopePerMonth: -1.4, direction: 'dalend' });
    expect(f.forecast).toEqual({ period: '2026-06', value: 3.1, low: 1.88, high: 4.32, residualSd: 0.316 });
    expect(f.assessment).toBe('op koers');
    expect(f.why).toMatch(/weinig metingen/);
  });

  it('is "onzeker" when the band straddles the target and "niet op koers" when the band is above it', () => {
    const f = (target: number) =>
      forecastIndicator(series(1, [10, 9, 7, 6]), [{ value: target, by: null, text: 'x', source: 'y' }], '2026-06').assessment;
    expect(f(3)).toBe('onzeker');
    expect(f(1.5)).toBe('niet op koers');
  });

  it('uses only the last 12 months up to the latest measurement', () => {
    const old = { period: '2024-01', value: 900, position: 1 };
    const f = forecastIndicator([old, ...series(1, [100, 100, 100, 100])], targets, '2026-12');
    expect(f).toMatchObject({ points: 4, window: { from: '2026-01', to: '2026-04' }, trend: { slopePerMonth: 0, direction: 'vlak' } });
    expect(f.forecast).toMatchObject({ value: 100, low: 100, high: 100 });
    expect(f.assessment).toBe('op koers');
  });
});

describe('the targets valid at a moment', () => {
  const t = (value: number) => [{ value, by: '2026-12', text: '', source: '' }];
  const history = [
    { validFrom: null, targets: t(240) },
    { validFrom: '2026-03-01', targets: t(200) },
    { validFrom: '2026-09-15', targets: t(150) },
  ];

  it('is the latest set valid on that day: a change applies from its day on, a moment before keeps the old targets', () => {
    expect(targetsValidAt(history, '2025-12-31')).toEqual(t(240));
    expect(targetsValidAt(history, '2026-02-28')).toEqual(t(240));
    expect(targetsValidAt(history, '2026-03-01')).toEqual(t(200));
    expect(targetsValidAt(history, '2026-09-14')).toEqual(t(200));
    expect(targetsValidAt(history, '2026-12-31')).toEqual(t(150));
  });

  it('is the set recorded last of two changed on the same day', () => {
    expect(targetsValidAt([...history, { validFrom: '2026-03-01', targets: t(190) }], '2026-03-01')).toEqual(t(190));
  });

  it('is none before the first set of targets', () => {
    expect(targetsValidAt(history.slice(1), '2026-01-31')).toEqual([]);
  });
});

describe('an indicator where higher is better', () => {
  it('is "op koers" when the whole band is at or above the target, "niet op koers" when it is wholly below', () => {
    const rising = series(1, [6, 7, 9, 10]);
    const f = (target: number) =>
      forecastIndicator(rising, [{ value: target, by: null, text: 'x', source: 'y' }], '2026-06', 'hoger-is-beter');
    expect(f(11)).toMatchObject({ assessment: 'op koers', why: expect.stringContaining('doel ≥ 11') }); // band 11,68 – 14,12
    expect(f(15)).toMatchObject({ assessment: 'niet op koers' });
    expect(f(13.5)).toMatchObject({ assessment: 'onzeker' });
  });
});
