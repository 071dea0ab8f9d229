import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformMetrics } from './platform-metrics';

describe('the alert rules of infra/prometheus', () => {
  it('name only metrics a Regie process exports (a renamed metric would leave its alert silent)', async () => {
    const rules = readFileSync(join(__dirname, '../../../../infra/prometheus/regie-rules.yml'), 'utf8');
    const named = new Set([...rules.matchAll(/\bregie_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')));
    const exported = new Set((await new PlatformMetrics({ processMetrics: true }).registry.getMetricsAsJSON()).map((m) => m.name));
    expect([...named].filter((name) => !exported.has(name))).toEqual([]);
    expect(named.size).toBeGreaterThan(8);
  });
});
