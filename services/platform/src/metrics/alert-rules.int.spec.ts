import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { prometheusToolForTests } from '../testing/prometheus';

const SUITE = 'the Prometheus alert rules of infra/prometheus';
const promtool = prometheusToolForTests(SUITE, 'promtool');
const dir = join(__dirname, '../../../../infra/prometheus');

(promtool ? describe : describe.skip)(SUITE, () => {
  const run = (...args: string[]) => spawnSync(promtool ?? '', args, { cwd: dir, encoding: 'utf8' });

  it('are accepted by promtool', () => {
    const check = run('check', 'rules', 'regie-rules.yml');
    expect(`${check.stdout}${check.stderr}`).toMatch(/SUCCESS: \d+ rules found/);
    expect(check.status).toBe(0);
  });

  it('fire on the situations they describe and not on their ordinary neighbours (promtool test rules)', () => {
    const test = run('test', 'rules', 'regie-rules.test.yml');
    expect(`${test.stdout}${test.stderr}`).toContain('SUCCESS');
    expect(test.status).toBe(0);
  });
});
