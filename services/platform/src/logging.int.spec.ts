import { createLogger } from '@regie/nest-kit';
import { apiClient, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { loadConfig } from './config';
import { type RunningPlatform, startPlatform } from './platform';

/**
 * The platform's JSON log, as a log collector receives it: an operator follows a request by its
 * correlation id and sees who made it and how it ended, and the log holds no person's name.
 */
describe('structured logs', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  const lines: string[] = [];
  const PERSON = 'Anna de Vries-Voorbeeld';
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { correlationId?: string });

  beforeAll(async () => {
    db = await testDatabase('structured_logs');
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      REGIE_LOG_LEVEL: 'debug', // every line the platform can write
      REGIE_NOW: '2026-03-15T09:00:00Z',
      REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
    });
    const logger = createLogger({ format: 'json', level: config.REGIE_LOG_LEVEL }, { write: (chunk: string) => void lines.push(chunk) });
    platform = await startPlatform(config, (line) => logger.info(line), logger);
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('writes one line per request with the correlation id it was sent with, the actor and the status', async () => {
    const api = apiClient(platform.url, TEST_PASSWORD);
    const correlationId = 'operator-follows-this-0001';
    const res = await api.fetch('/api/v1/actions/2.1', { headers: { 'x-correlation-id': correlationId } }, 'coordinator');
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50)); // the line is written when the answer has been sent
    const line = logged().find((l) => l.correlationId === correlationId);
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'GET', path: '/api/v1/actions/2.1' },
      res: { status: 200 },
      actor: { userId: 'coordinator', role: 'coordinator' },
    });
    expect(line?.time).toEqual(expect.any(String));
  });

  it('never logs the name of a person recorded through the API', async () => {
    const api = apiClient(platform.url, TEST_PASSWORD);
    const correlationId = 'records-a-person-0002';
    const res = await api.fetch(
      '/api/v1/actions/2.1/action-holder',
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify({ parties: ['VWS'], description: 'VWS, met een actiehouder bij naam', person: PERSON }),
      },
      'coordinator',
    );
    expect(res.status).toBeLessThan(300);
    // Read it back, so the name has been through the read model and an answer too.
    expect(await (await api.fetch('/api/v1/actions/2.1', {}, 'coordinator')).text()).toContain(PERSON);
    await new Promise((r) => setTimeout(r, 50));
    expect(logged().some((l) => l.correlationId === correlationId)).toBe(true);
    const log = lines.join('');
    expect(log).not.toContain(PERSON);
    expect(log).not.toContain('Vries-Voorbeeld');
    expect(log).not.toMatch(/authorization|bearer/i);
    expect(log).not.toContain(TEST_PASSWORD);
  });
});
