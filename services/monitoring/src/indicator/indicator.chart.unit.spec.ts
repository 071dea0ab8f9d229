import { indicatorChartSvg } from './indicator.chart';

const base = { title: 'Nieuwe Wlz-indicaties <ggz-wonen>', unit: 'per maand', baseline: { value: 300, reference: '2023' }, targets: [{ value: 240, by: '2024-03', approximate: false }, { value: 100, by: null, approximate: true }] };

describe('indicator chart (SVG)', () => {
  it('draws baseline and targets, escapes the title, and says when there are no measurements', () => {
    const svg = indicatorChartSvg({ ...base, measurements: [] });
    expect(svg).toMatch(/^<\?xml[^]*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Nieuwe Wlz-indicaties &lt;ggz-wonen&gt;');
    expect(svg).toContain('basislijn ca. 300 (2023)');
    expect(svg).toContain('doel ≤ 240 vanaf 2024-03');
    expect(svg).toContain('doel ca. 100 (langere termijn)');
    expect(svg).toContain('Nog geen metingen');
    expect(svg).not.toContain('<polyline');
  });

  it('plots measurements in month order on a scale from 0 to 110 % of the largest value', () => {
    const svg = indicatorChartSvg({ ...base, baseline: null, targets: [], measurements: [{ period: '2026-01', value: 100 }, { period: '2026-03', value: 50 }] });
    // x: 56 … 704 over 2026-01 … 2026-03; y: 312 (0) … 40 (110); 100 → 312 − 100/110·272 = 64.73; 50 → 188.36
    expect(svg).toContain('<polyline class="series" points="56,64.73 704,188.36"/>');
    expect(svg).toContain('<title>2026-03: 50</title>');
  });
});
