import request from 'supertest';
import { actionsTestApp, type ActionsTestApp } from '../testing/actions-test-app';

/**
 * Two actiehouders who report at the same moment must both be heard: a write whose client did not
 * say which revision it saw (no If-Match) does not depend on that revision, so it is retried.
 */
describe('concurrent progress reports on one action', () => {
  let t: ActionsTestApp;
  beforeAll(async () => (t = await actionsTestApp('concurrent_reports')));
  afterAll(async () => t.close());

  const CONCURRENT = 300; // the burst the adversarial test sent

  it('accepts every report sent at once without If-Match, each recorded once', async () => {
    const before = (await t.store.readStream('action-3.2')).length;
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        request(t.http)
          .post('/api/v1/actions/3.2/progress-reports')
          .send({ rag: 'groen', summary: `Melding ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(CONCURRENT).fill(201));
    const reports = (await t.store.readStream('action-3.2')).slice(before).filter((e) => e.type === 'ProgressReported');
    expect(reports).toHaveLength(CONCURRENT);
    expect(new Set(reports.map((e) => (e.data as { summary: string }).summary)).size).toBe(CONCURRENT);
  }, 120_000);

  it('still refuses a report against a revision the client saw before another write (stale If-Match: 409)', async () => {
    const first = await request(t.http).post('/api/v1/actions/3.2/progress-reports').send({ rag: 'oranje', summary: 'Eerste' }).expect(201);
    const seen = first.headers.etag;
    await request(t.http).post('/api/v1/actions/3.2/progress-reports').send({ rag: 'rood', summary: 'Tussendoor' }).expect(201);
    const stale = await request(t.http)
      .post('/api/v1/actions/3.2/progress-reports')
      .set('If-Match', seen)
      .send({ rag: 'groen', summary: 'Laat' });
    expect(stale.status).toBe(409);
  });

  it('answers a repeated request with the same Idempotency-Key as the first time, recording one report', async () => {
    const send = () =>
      request(t.http)
        .post('/api/v1/actions/3.2/progress-reports')
        .set('Idempotency-Key', 'melding-3.2-eenmaal')
        .send({ rag: 'groen', summary: 'Eenmaal' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const once = (await t.store.readStream('action-3.2')).filter((e) => (e.data as { summary?: string }).summary === 'Eenmaal');
    expect(once).toHaveLength(1);
  });
});
