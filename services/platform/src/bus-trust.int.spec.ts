import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { DLQ_SUFFIX, KafkaBus, parseBusKeys, signMessage } from '@regie/bus-kafka';
import { InProcessBus, type IntegrationMessage, newId } from '@regie/es-core';
import { apiClient, kafkaBrokersForTests, TEST_PASSWORD, testDatabase } from '@regie/test-kit';
import { openAdapters } from './adapters';
import { relayCommand } from './cli/relay';
import type { CliRuntime } from './cli/runtime';
import { loadConfig } from './config';
import { type RunningPlatform, startPlatform } from './platform';
import { MESSAGE_SOURCES } from './read-models';
import { relayHistory } from './relay-history';

const brokers = kafkaBrokersForTests('bus trust suite');
const suite = brokers ? describe : describe.skip;

/** The platform on a real broker: what a stranger puts on a topic, and a topic the broker lost. */
suite('a bus an operator can trust (real broker)', () => {
  const namespace = `relay-${newId().slice(-8)}.`;
  const keys = `k1:${randomBytes(32).toString('base64')}`;
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let config: ReturnType<typeof loadConfig>;
  let env: Record<string, string>;
  const buses: KafkaBus[] = [];

  beforeAll(async () => {
    db = await testDatabase('relay_history');
    env = {
      DATABASE_URL: db.url,
      PORT: '0',
      REGIE_LOG_LEVEL: 'error',
      REGIE_NOW: '2026-03-15T09:00:00Z',
      REGIE_LOCAL_PASSWORD: TEST_PASSWORD,
      REGIE_BUS: 'kafka',
      KAFKA_BROKERS: brokers!.join(','),
      KAFKA_NAMESPACE: namespace,
      KAFKA_PARTITIONS: '3',
      REGIE_BUS_KEYS: keys,
      // The platform's bus on the client CI or the developer chose (kafkajs by default).
      ...(process.env.REGIE_KAFKA_CLIENT ? { REGIE_KAFKA_CLIENT: process.env.REGIE_KAFKA_CLIENT } : {}),
    };
    config = loadConfig(env);
    platform = await startPlatform(config, () => undefined); // seeds; its relays publish the seed
  });
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await platform?.close();
    await db?.drop();
  });

  /** The operator's `regie relay --from 0`, on a configuration (its own connections, its own signature); what it printed. */
  const relayFromStart = async (on: ReturnType<typeof loadConfig>): Promise<string[]> => {
    const runtime: CliRuntime = {
      config: () => on,
      withAdapters: async (work) => {
        const adapters = await openAdapters(on, () => undefined, 'tool');
        try {
          return await work(adapters);
        } finally {
          await adapters.close();
        }
      },
      withServices: () => Promise.reject(new Error('not used')),
    };
    const report: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void report.push(line));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await relayCommand(runtime).parseAsync(['--from', '0'], { from: 'user' });
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
    return report;
  };
  const until = async (check: () => boolean, ms = 60_000) => {
    for (const end = Date.now() + ms; !check() && Date.now() < end;) await new Promise((r) => setTimeout(r, 100));
  };
  /** A consumer group that starts now, reading the topic from its beginning and verifying signatures. */
  const readAs = async (group: string, count: number) => {
    const bus = new KafkaBus({ brokers: brokers!, clientId: `relay-test-${group}`, namespace, keyring: parseBusKeys(keys) });
    buses.push(bus);
    const received: IntegrationMessage[] = [];
    const sub = await bus.subscribe(ACTIONS_TOPIC_V1, group, async (m) => void received.push(m));
    await until(() => received.length >= count);
    await new Promise((r) => setTimeout(r, 500)); // nothing more arrives than was sent
    await sub.close();
    return received;
  };

  it('never applies a well-formed message put on the topic without a valid signature; it is dead-lettered naming the group', async () => {
    const milestone = (title: string) => {
      const eventId = newId();
      const milestoneId = newId();
      const value = JSON.stringify({
        eventId,
        type: 'MilestonePlannedV1',
        payload: { type: 'MilestonePlannedV1', milestoneId, actionCode: '2.2', title, dueDate: '2026-10-01' },
        position: 1_000_000,
        occurredAt: new Date().toISOString(),
      });
      return { eventId, milestoneId, message: { key: milestoneId, value, headers: { eventId, type: 'MilestonePlannedV1' } } };
    };
    const physical = `${namespace}${ACTIONS_TOPIC_V1}`;
    const unsigned = milestone('Zonder handtekening');
    const forged = milestone('Met een geraden sleutel');
    const wrongKey = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
    const raw = new Kafka({ clientId: 'kcat-like', brokers: brokers!, logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    await raw.send({
      topic: physical,
      messages: [
        unsigned.message,
        { ...forged.message, headers: { ...forged.message.headers, ...signMessage(wrongKey, { topic: physical, ...forged.message }) } },
      ],
    });
    await raw.disconnect();

    // Monitoring's consumer group refuses both: copies on the dead-letter topic say who and why.
    const dead: Record<string, string>[] = [];
    const reader = new Kafka({ clientId: 'dlq-reader', brokers: brokers!, logLevel: logLevel.NOTHING }).consumer({
      groupId: `dlq-${newId()}`,
      maxWaitTimeInMs: 100,
    });
    await reader.connect();
    await reader.subscribe({ topic: physical + DLQ_SUFFIX, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) =>
        void dead.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]))),
    });
    const byMonitoring = () => dead.filter((h) => /monitoring/.test(h['dlq-group'] ?? ''));
    await until(() => byMonitoring().length >= 2);
    await reader.disconnect();
    expect(
      byMonitoring()
        .map((h) => [h.eventId, h['dlq-reason']])
        .sort(),
    ).toEqual(
      [
        [unsigned.eventId, 'bad-signature'],
        [forged.eventId, 'bad-signature'],
      ].sort(),
    );
    expect(byMonitoring().every((h) => h['dlq-group'].startsWith(namespace))).toBe(true);

    // And the board never shows them, while a real write still arrives.
    const api = apiClient(platform.url);
    const real = await api.fetch('/api/v1/actions/2.2/milestones', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Echt gepland', dueDate: '2026-10-01' }),
    });
    expect(real.status).toBe(201);
    const { id } = (await real.json()) as { id: string };
    const board = async () =>
      ((await (await api.fetch('/api/v1/monitoring/milestones')).json()) as { milestones: { id: string }[] }[]).flatMap((a) =>
        a.milestones.map((m) => m.id),
      );
    let ids: string[] = [];
    for (const end = Date.now() + 30_000; !ids.includes(id) && Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
      ids = await board();
    expect(ids).toContain(id);
    expect(ids).not.toContain(unsigned.milestoneId);
    expect(ids).not.toContain(forged.milestoneId);
  });

  it('publishes the history again, so a consumer group that starts on the emptied topic gets every message in order', async () => {
    const { store } = platform.adapters;
    const history = await store.readAll({ after: 0, limit: 100_000 });
    const expected = history.map(MESSAGE_SOURCES[ACTIONS_TOPIC_V1]).filter((m): m is IntegrationMessage => m !== undefined);
    expect(expected.length).toBeGreaterThan(10);

    const before = await readAs(`before-${newId().slice(-6)}`, expected.length);
    expect(new Set(before.map((m) => m.eventId))).toEqual(new Set(expected.map((m) => m.eventId)));

    // The broker loses the topic's messages.
    const admin = new Kafka({ clientId: 'relay-test-admin', brokers: brokers!, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const physical = `${namespace}${ACTIONS_TOPIC_V1}`;
    await admin.deleteTopics({ topics: [physical] });
    for (const end = Date.now() + 20_000; (await admin.listTopics()).includes(physical) && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 100));
    await admin.disconnect();

    // The operator's command, on the platform's configuration (its own connections, its own signature).
    const report = await relayFromStart(config);
    expect(report).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${ACTIONS_TOPIC_V1}: ${expected.length} berichten opnieuw gepubliceerd \\(posities 1 tot en met \\d+\\)$`),
      ),
    );

    const after = await readAs(`after-${newId().slice(-6)}`, expected.length);
    expect(after.map((m) => m.eventId).sort()).toEqual(expected.map((m) => m.eventId).sort());
    // Per aggregate in store order, as the first time.
    const order = (messages: IntegrationMessage[]) => {
      const byKey = new Map<string, number[]>();
      for (const m of messages) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.position]);
      return Object.fromEntries([...byKey].sort(([a], [b]) => a.localeCompare(b)));
    };
    expect(order(after)).toEqual(order(expected));
  });

  it('refuses a position that is not one, and a process whose bus reads the store itself', async () => {
    const { store } = platform.adapters;
    const inProcess = new InProcessBus(store, { baseMs: 1000, maxMs: 1000 }, () => undefined);
    await expect(relayHistory(store, inProcess, MESSAGE_SOURCES, { from: 0 })).rejects.toThrow(/REGIE_BUS=inprocess/);
    await inProcess.close();
    await expect(relayHistory(store, platform.adapters.bus, MESSAGE_SOURCES, { from: -1 })).rejects.toThrow(/--from: verwacht een positie/);
    await expect(relayHistory(store, platform.adapters.bus, MESSAGE_SOURCES, { from: 0, topics: ['regie.nope.v1'] })).rejects.toThrow(
      /--topic: onbekend topic regie.nope.v1/,
    );
  });
  it('fills the empty topics of a new namespace from the store, so a monitoring process that starts there reaches the same board', async () => {
    // Both seeded werkagenda's boards: the first one's and the actieplan's (its nine pilot plans).
    const board = async (url: string) =>
      (
        await Promise.all(
          ['betekenisvol-leven-2025-2028', 'actieplan-dakloos-wlz-2025'].map(
            async (id) =>
              (await (await apiClient(url).fetch(`/api/v1/monitoring/milestones?werkagendaId=${id}`)).json()) as {
                milestones: { id: string; status: string }[];
              }[],
          ),
        )
      )
        .flat()
        .flatMap((a) => a.milestones.map((m) => `${m.id}:${m.status}`))
        .sort();
    const original = await board(platform.url);
    expect(original.length).toBeGreaterThan(10);

    // Topics that never held a message (a new environment, or a broker that lost everything), filled by the relay command.
    const fresh = `${namespace}nieuw.`;
    await relayFromStart(loadConfig({ ...env, KAFKA_NAMESPACE: fresh }));

    // Monitoring on a database of its own: all it knows of the actions comes from the refilled topic.
    const db2 = await testDatabase('relay_new_board');
    const second = await startPlatform(
      loadConfig({ ...env, DATABASE_URL: db2.url, KAFKA_NAMESPACE: fresh, REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' }),
      () => undefined,
    );
    try {
      let rebuilt: string[] = [];
      for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
        rebuilt = await board(second.url);
        if (rebuilt.length === original.length) break;
      }
      expect(rebuilt).toEqual(original);
    } finally {
      await second.close();
      await db2.drop();
    }
  });
});
