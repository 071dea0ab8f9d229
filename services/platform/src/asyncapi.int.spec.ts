import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { payload: { properties: { payload: { properties: Record<string, unknown> } } } }> };
};

/** An integrator reads the event contract from the running platform, without an account. */
describe('GET /api/asyncapi.json', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('asyncapi', '2026-03-15T09:00:00Z'));
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('serves the committed AsyncAPI document, listing every topic with the payload schema of its messages', async () => {
    const response = await fetch(`${platform.url}/api/asyncapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as Doc;
    const topics = Object.values(doc.channels).map((channel) => channel.address);
    expect(topics).toEqual(['regie.actions.v1', 'regie.commitments.v1', 'regie.meetings.v1', 'regie.monitoring.v1']);
    for (const channel of Object.values(doc.channels)) {
      const names = Object.keys(channel.messages);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const message = doc.components.messages[channel.messages[name].$ref.split('/').pop() ?? ''];
        expect(message.payload.properties.payload.properties.type).toEqual({ type: 'string', const: name });
      }
    }
    expect(doc).toEqual(JSON.parse(readFileSync(join(__dirname, '../../../contracts/asyncapi.json'), 'utf8')));
  });
});
