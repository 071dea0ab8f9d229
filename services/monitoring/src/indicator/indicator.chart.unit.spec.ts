import { indicatorChartSvg } from './indicator.chart';

const base = {
  title: 'Nieuwe Wlz-indicaties <ggz-wonen>',
  unit: 'per maand',
  baseline: { value: 300, reference: '2023' },
  targets: [
    { value: 240, by: '2024-03', approximate: false },
    { value: 100, by: null, approximate: true },
  ],
};
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('indicator chart (SVG)', () => {
  it('is one image with an escaped text alternative, draws baseline and targets, and says when there are no measurements', () => {
    const svg = indicatorChartSvg({ ...base, measurements: [] });
    expect(svg).toMatch(/^<\?xml[^]*<svg role="img" aria-label="Nieuwe Wlz-indicaties &lt;ggz-wonen&gt; \(per maand\)"/);
    expect(svg).toContain('<title>Nieuwe Wlz-indicaties &lt;ggz-wonen&gt; (per maand)</title>');
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        'Nieuwe Wlz-indicaties &lt;ggz-wonen&gt;',
        'basislijn ca. 300 (2023)',
        'doel ≤ 240 vanaf 2024-03',
        'doel ca. 100 (langere termijn)',
        'Nog geen metingen',
      ]),
    );
  });

  it('plots measurements in month order, every month on the axis, values on the points', () => {
    const svg = indicatorChartSvg({
      ...base,
      baseline: null,
      targets: [],
      measurements: [
        { period: '2026-03', value: 50 },
        { period: '2026-01', value: 100 },
      ],
    });
    const labels = texts(svg);
    expect(labels.filter((t) => /^\d{4}-\d{2}$/.test(t))).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(labels).toEqual(expect.arrayContaining(['100', '50']));
    expect(labels).not.toContain('Nog geen metingen');
  });

  it('draws each set of targets where it was valid: a replaced target ends the month before the change', () => {
    const svg = indicatorChartSvg({
      ...base,
      direction: 'hoger-is-beter',
      targetHistory: [
        { validFrom: null, targets: [{ value: 40, by: '2026-02', approximate: false }] },
        { validFrom: '2026-04-01', targets: [{ value: 60, by: '2026-06', approximate: false }] },
      ],
      measurements: [{ period: '2026-01', value: 30 }],
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['doel ≥ 40 vanaf 2026-02, geldig tot 2026-03', 'doel ≥ 60 vanaf 2026-06']));
  });
});
