import { Client } from 'pg';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from '../platform';
import { platformForTests } from '../testing/platform-for-tests';

describe('audit API', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;
  const get = async (path: string): Promise<any> => (await api.fetch(path, {}, 'auditor')).json();

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('audit_api', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  it('says the chain was never verified, then where the last verification signed it and how many events came after', async () => {
    const never = await get('/api/v1/audit/checkpoint');
    expect(never.checkpoint).toBeNull();
    expect(never.since).toBe(never.head.position);
    const report = await get('/api/v1/audit/verify');
    expect(report.ok).toBe(true);
    const signed = await get('/api/v1/audit/checkpoint');
    expect(signed).toEqual({
      checkpoint: { position: report.head.position, verifiedAt: report.checkedAt, trusted: true },
      head: { position: report.head.position },
      since: 0,
    });
    const planned = await api.fetch(
      '/api/v1/actions/2.1/milestones',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Na het ijkpunt', dueDate: '2026-09-30' }),
      },
      'coordinator',
    );
    expect(planned.status).toBe(201);
    const later = await get('/api/v1/audit/checkpoint');
    expect(later.checkpoint.position).toBe(report.head.position);
    expect(later.since).toBe(later.head.position - report.head.position);
    expect(later.since).toBeGreaterThan(0);
    expect((await api.fetch('/api/v1/audit/checkpoint', {}, 'coordinator')).status).toBe(403);
  });

  it('traces a person by the directory: what the accounts acting for them did, and what is recorded about them', async () => {
    const people: { id: string; name: string }[] = await get('/api/v1/people');
    const person = people.find((p) => p.name === 'C. de Vries');
    expect(person).toBeDefined();
    const { events } = await get(`/api/v1/audit/events?person=${person?.id}&order=desc&limit=1000`);
    const did = events.filter((e: any) => e.metadata.actor?.userId === 'coordinator');
    expect(did.map((e: any) => e.data.title)).toContain('Na het ijkpunt');
    const about = events.filter((e: any) => e.metadata.actor?.userId !== 'coordinator');
    expect(about.map((e: any) => e.type)).toEqual(expect.arrayContaining(['PersonRegistered', 'AccountCreated']));
    expect(about.every((e: any) => e.streamId === `person-${person?.id}` || e.data.personId === person?.id)).toBe(true);
    const other = people.find((p) => p.name === 'J. Bakker');
    const theirs = await get(`/api/v1/audit/events?person=${other?.id}&limit=1000`);
    expect(theirs.events.map((e: any) => e.type)).toEqual(['PersonRegistered']);
    const bad = await api.fetch('/api/v1/audit/events?person=coordinator', {}, 'auditor');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'person', message: expect.stringContaining('personenregister') }),
    ]);
  });

  it('lists events in global order with full metadata, filtered and paged', async () => {
    const page = await get('/api/v1/audit/events?type=MilestonePlanned&actor=seed&limit=5');
    expect(page.events).toHaveLength(5);
    expect(page.events[0]).toMatchObject({ type: 'MilestonePlanned', metadata: { actor: { userId: 'seed', role: 'system' } } });
    expect(page.events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const next = await get(`/api/v1/audit/events?type=MilestonePlanned&actor=seed&limit=100&after=${page.next}`);
    expect(next.events).toHaveLength(16 - 5);
    expect(next.events[0].position).toBeGreaterThan(page.next);
    expect((await get('/api/v1/audit/events?actor=niemand')).events).toEqual([]);
  });

  it('traces an action with its milestones and knelpunten, newest first, paged back, and searches the words in the data', async () => {
    const first = await get('/api/v1/audit/events?action=3.2&order=desc&limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.events[0].position).toBeGreaterThan(first.events[1].position);
    const all = await get('/api/v1/audit/events?action=3.2&order=desc&limit=1000');
    const types = all.events.map((e: { type: string }) => e.type);
    expect(types).toContain('ActionDefined');
    expect(types).toContain('MilestonePlanned');
    expect(all.events.every((e: any) => e.streamId === 'action-3.2' || e.data.actionCode === '3.2')).toBe(true);
    const rest = await get(`/api/v1/audit/events?action=3.2&order=desc&limit=1000&before=${first.next}`);
    expect(rest.events.map((e: { id: string }) => e.id)).toEqual(all.events.slice(2).map((e: { id: string }) => e.id));
    const title: string = all.events.find((e: any) => e.type === 'MilestonePlanned').data.title;
    const found = await get(`/api/v1/audit/events?text=${encodeURIComponent(title.slice(0, 12).toUpperCase())}`);
    expect(found.events.length).toBeGreaterThan(0);
    expect(found.events.every((e: any) => JSON.stringify(e.data).toLowerCase().includes(title.slice(0, 12).toLowerCase()))).toBe(true);
    expect((await get('/api/v1/audit/events?text=100%25_')).events).toEqual([]);
  });

  it("shows one stream's history", async () => {
    const { events } = await get('/api/v1/audit/streams/action-2.1');
    expect(events.map((e: { type: string }) => e.type)).toEqual(['ActionDefined']);
    expect((await api.fetch('/api/v1/audit/streams/bestaat-niet', {}, 'auditor')).status).toBe(404);
  });

  it('checks the chain against an anchor kept outside the database, and refuses half an anchor naming the field', async () => {
    const { head } = await get('/api/v1/audit/verify');
    expect(await get(`/api/v1/audit/verify?anchorPosition=${head.position}&anchorHash=${head.hash}`)).toMatchObject({ ok: true });
    const other = await get(`/api/v1/audit/verify?anchorPosition=${head.position}&anchorHash=${'a'.repeat(64)}`);
    expect(other).toMatchObject({ ok: false, problems: [expect.objectContaining({ position: head.position, kind: 'anchor-mismatch' })] });
    const half = await api.fetch(`/api/v1/audit/verify?anchorPosition=${head.position}`, {}, 'auditor');
    expect(half.status).toBe(400);
    expect(((await half.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'anchorHash' })]);
  });

  it('verifies the hash chain, and names the first broken link after tampering in the database', async () => {
    expect(await get('/api/v1/audit/verify')).toMatchObject({ ok: true, problems: [] });
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(`UPDATE es.events SET metadata = jsonb_set(metadata, '{actor,userId}', '"iemand-anders"') WHERE position = 10`);
    await sql.end();
    const report = await get('/api/v1/audit/verify');
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ position: 10, kind: 'hash-mismatch' })]);
  });

  it('is for auditors only', async () => {
    expect((await fetch(`${platform.url}/api/v1/audit/events`)).status).toBe(401);
    expect((await api.fetch('/api/v1/audit/events', {}, 'coordinator')).status).toBe(403);
    expect((await api.fetch('/api/v1/audit/verify', {}, 'actiehouder-2.1')).status).toBe(403);
  });

  it('refuses a malformed filter with problem+json naming the field', async () => {
    const res = await api.fetch('/api/v1/audit/events?from=gisteren', {}, 'auditor');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const keyed = await get('/api/v1/audit/events?action=actieplan-dakloos-wlz-2025:1.1&limit=5');
    expect(keyed.events[0]).toMatchObject({ type: 'ActionDefined', streamId: 'action-actieplan-dakloos-wlz-2025:1.1' });
    const action = await api.fetch('/api/v1/audit/events?action=action-2.1', {}, 'auditor');
    expect(action.status).toBe(400);
    expect(((await action.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'action' })]);
  });
});
