import { spawnSync } from 'node:child_process';
import { apiClient, testDatabase } from '@regie/test-kit';
import type { RunningPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';
import { prometheusToolForTests, type RunningPrometheus, startPrometheus } from '../testing/prometheus';

const SUITE = 'metrics at /metrics, scraped by a real Prometheus';
const prometheus = prometheusToolForTests(SUITE, 'prometheus');
const promtool = prometheusToolForTests(SUITE, 'promtool');

(prometheus && promtool ? describe : describe.skip)(SUITE, () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let server: RunningPrometheus;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('metrics', '2026-03-15T09:00:00Z'));
    server = await startPrometheus(prometheus ?? '', new URL(platform.url).host);
  });
  afterAll(async () => {
    await server?.stop();
    await platform?.close();
    await db?.drop();
  });

  const scrape = async () => {
    const res = await fetch(`${platform.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return res.text();
  };

  it('answers Prometheus text that promtool accepts, requests timed by route template and status', async () => {
    await fetch(`${platform.url}/health`);
    await fetch(`${platform.url}/api/v1/actions/2.1`); // no token: 401, on the route of any action code
    const text = await scrape();
    // promtool parses the exposition as Prometheus does and lints names and HELP texts. Its only
    // findings may be prom-client's own Node gauges named `*_total` (its naming, not ours).
    const check = spawnSync(promtool ?? '', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    const findings = `${check.stdout}${check.stderr}`.split('\n').filter((line) => line.trim() !== '');
    expect(
      findings.filter((line) => !/^regie_nodejs_active_\w+_total non-counter metrics should not have "_total" suffix$/.test(line)),
    ).toEqual([]);
    expect(text).toMatch(/^regie_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} [1-9]/m);
    expect(text).toMatch(/^regie_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/actions\/:\w+",status="401"\} 1$/m);
    expect(text).not.toContain('route="/api/v1/actions/2.1"');
    // The seed went through the store: appends were timed and counted.
    expect(text).toMatch(/^regie_event_store_append_batch_events_count [1-9]/m);
    expect(text).toMatch(/^regie_event_store_head_position [1-9]/m);
    // The in-process bus reads the store itself: a relay (and its backlog) exists only on Kafka.
    expect(text).toContain('# HELP regie_relay_backlog_events ');
    expect(text).toMatch(/^regie_scheduled_jobs_waiting\{job="[\w-]+"\} [1-9]/m);

    // A job run through the platform's scheduler is counted by its outcome, whatever adapter runs it.
    const [job] = await platform.adapters.scheduler.list();
    await platform.adapters.scheduler.runNow(job.name);
    const after = await scrape();
    expect(after).toMatch(new RegExp(`^regie_scheduled_job_runs_total\\{job="${job.name}",outcome="ok"\\} [1-9]`, 'm'));
    expect(after).toMatch(new RegExp(`^regie_scheduled_jobs_running\\{job="${job.name}"\\} 0$`, 'm'));
  });

  it('lets Prometheus answer how far behind each read model is after a burst of writes', async () => {
    const api = apiClient(platform.url);
    const writes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.fetch('/api/v1/actions/1.2/milestones', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Voorbeeld: mijlpaal ${i}`, dueDate: '2026-06-30' }),
        }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(10).fill(201));
    const head = await platform.adapters.store.headPosition();

    // Prometheus has scraped after the burst once its head position has reached the store's.
    let behind: Awaited<ReturnType<RunningPrometheus['query']>> = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
      const [scrapedHead] = await server.query('regie_event_store_head_position');
      if (scrapedHead && Number(scrapedHead.value[1]) >= head) {
        behind = await server.query('regie_read_model_behind_events');
        break;
      }
    }
    const models = new Set(behind.map((sample) => sample.metric.read_model));
    expect([...models].sort()).toEqual(['actions', 'commitments', 'meetings', 'monitoring']);
    // Each write waited for its read model (read-your-writes), so the actions model is not behind.
    const actions = behind.find((s) => s.metric.read_model === 'actions' && s.metric.projection === 'actions');
    expect(actions?.value[1]).toBe('0');
    const age = await server.query('regie_read_model_last_event_age_seconds{read_model="actions"}');
    expect(age.length).toBeGreaterThan(0);
  });
});
