import { randomBytes } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { InProcessBus, type IntegrationMessage, newId } from '@regie/es-core';
import { kafkaBrokersForTests } from '@regie/test-kit';
import { KafkaBus } from './kafka-bus';
import { DLQ_SUFFIX, type KafkaBusOptions } from './kafka-shared';
import { parseBusKeys, signMessage } from './message-signing';
import { PlatformaticKafkaBus } from './platformatic-bus';

/**
 * The bus contract: what the services rely on from the Kafka bus, run against both clients on a real
 * broker (REGIE_KAFKA_CLIENT chooses one). kafkajs reads and writes beside the bus under test as an
 * outside observer would with kcat: raw messages in, dead-letter topics and group assignments out.
 */
const brokers = kafkaBrokersForTests('Kafka bus suite');
const suite = brokers ? describe : describe.skip;

type KafkaClientBus = KafkaBus | PlatformaticKafkaBus;
const CLIENTS: Record<'kafkajs' | 'platformatic', (options: KafkaBusOptions) => KafkaClientBus> = {
  kafkajs: (options) => new KafkaBus(options),
  platformatic: (options) => new PlatformaticKafkaBus(options),
};

const topic = () => `regie.test-${newId().slice(-12)}.v1`;
const message = (t: string, key: string, n: number): IntegrationMessage => ({
  topic: t,
  key,
  eventId: newId(),
  type: 'Counted',
  payload: { n },
  position: n,
  occurredAt: new Date().toISOString(),
});
const until = async (check: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
};

for (const [client, make] of Object.entries(CLIENTS)) busContract(client, make);

function busContract(client: string, make: (options: KafkaBusOptions) => KafkaClientBus) {
  suite(`Kafka integration bus on ${client} (real broker)`, () => {
    const buses: KafkaClientBus[] = [];
    const bus = (opts: Partial<KafkaBusOptions> = {}) => {
      const b = make({ brokers: brokers!, clientId: `regie-test-${client}`, partitions: 3, retryDelayMs: 20, ...opts });
      buses.push(b);
      return b;
    };
    afterAll(async () => Promise.all(buses.map((b) => b.close())));

    it('delivers every message, in order per key, and members of one group share the work', async () => {
      const t = topic();
      const group = `share-${newId().slice(-8)}`;
      const producer = bus();
      const received: { member: number; m: IntegrationMessage }[] = [];
      const members = await Promise.all([1, 2].map((member) => bus().subscribe(t, group, async (m) => void received.push({ member, m }))));
      // Publish only once both members hold partitions: before that the first one alone takes them all.
      const admin = new Kafka({ clientId: 'group-reader', brokers: brokers!, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      const assignment = async () => {
        const [described] = (await admin.describeGroups([group])).groups;
        if (described.state !== 'Stable') return undefined;
        return described.members
          .map((m) => `${m.memberId}:${JSON.stringify(AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment)}`)
          .sort();
      };
      let before: string[] | undefined;
      for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        before = await assignment();
        if (before?.length === 2 && before.every((m) => m.includes('['))) break;
      }
      expect(before).toHaveLength(2);

      // Twelve keys spread over the three partitions, so each member's partitions carry messages.
      const keys = Array.from({ length: 12 }, (_, k) => `stream-${k}`);
      const sent = keys.flatMap((key) => Array.from({ length: 10 }, (_, i) => message(t, key, i)));
      await producer.publish(sent);
      const deliveries = new Map<string, number>();
      const count = () => {
        deliveries.clear();
        for (const r of received) deliveries.set(r.m.eventId, (deliveries.get(r.m.eventId) ?? 0) + 1);
        return deliveries.size;
      };
      await until(() => count() >= sent.length);
      const after = await assignment();
      await admin.disconnect();

      // At least once: every message arrives, nothing arrives that was not sent.
      expect(sent.filter((m) => !deliveries.has(m.eventId))).toEqual([]);
      expect(deliveries.size).toBe(sent.length);
      // Shared: both members did part of the work, and each key stayed with one member.
      for (const member of [1, 2]) expect([member, received.some((r) => r.member === member)]).toEqual([member, true]);
      for (const key of keys) {
        const ofKey = received.filter((r) => r.m.key === key);
        const firstSeen = ofKey.map((r) => (r.m.payload as { n: number }).n).filter((n, i, all) => all.indexOf(n) === i);
        expect([key, firstSeen]).toEqual([key, Array.from({ length: 10 }, (_, i) => i)]);
        if (after?.join() === before?.join()) expect([key, new Set(ofKey.map((r) => r.member)).size]).toEqual([key, 1]);
      }
      // Duplicates are counted, not hidden: only a rebalance (a partition changing hands before its
      // offsets were committed) redelivers; in a group that stayed as it was there are none.
      const duplicates = received.length - deliveries.size;
      if (after?.join() === before?.join()) expect(duplicates).toBe(0);
      else console.warn(`the group rebalanced during the test: ${duplicates} duplicate deliveries`);
      await Promise.all(members.map((s) => s.close()));
    });

    it('sends a malformed message to the dead-letter topic with the error, and goes on consuming', async () => {
      const t = topic();
      const b = bus();
      const handled: string[] = [];
      await b.ensureTopics([t]);
      const raw = new Kafka({ clientId: 'raw', brokers: brokers!, logLevel: logLevel.NOTHING }).producer();
      await raw.connect();
      await raw.send({ topic: t, messages: [{ key: 'x', value: '{not json' }] });
      await raw.disconnect();
      const good = message(t, 'x', 1);
      await b.publish([good]);
      const sub = await b.subscribe(t, 'meetings', async (m) => void handled.push(m.eventId));
      const dead = await readAll(t + DLQ_SUFFIX, 1);
      await until(() => handled.length > 0);
      expect(handled).toEqual([good.eventId]);
      expect(dead[0].value).toBe('{not json');
      expect(dead[0].headers['dlq-error']).toMatch(/not JSON/);
      expect(dead[0].headers['dlq-reason']).toBe('unparseable');
      expect(dead[0].headers['dlq-group']).toBe('meetings');
      await sub.close();
    });

    it('keeps every dead-letter copy when two consumer groups of one process refuse the same messages at once', async () => {
      const t = topic();
      const b = bus({ keyring: parseBusKeys(`k1:${randomBytes(32).toString('base64')}`) });
      await b.ensureTopics([t]);
      const raw = new Kafka({ clientId: 'raw', brokers: brokers!, logLevel: logLevel.NOTHING }).producer();
      await raw.connect();
      await raw.send({
        topic: t,
        messages: Array.from({ length: 5 }, (_, i) => ({ key: `u-${i}`, value: JSON.stringify(message(t, `u-${i}`, i)) })),
      });
      await raw.disconnect();
      const subs = await Promise.all(['meetings', 'monitoring'].map((group) => b.subscribe(t, group, async () => undefined)));
      const dead = await readAll(t + DLQ_SUFFIX, 10);
      await new Promise((r) => setTimeout(r, 300));
      expect(dead.map((d) => d.headers['dlq-group']).sort()).toEqual([...Array(5).fill('meetings'), ...Array(5).fill('monitoring')]);
      await Promise.all(subs.map((s) => s.close()));
    });

    it('sends a message whose handler keeps failing to the dead-letter topic after bounded retries', async () => {
      const t = topic();
      const b = bus({ maxAttempts: 3 });
      let attempts = 0;
      const poison = message(t, 'p', 1);
      const fine = message(t, 'p', 2);
      const ok: string[] = [];
      await b.publish([poison, fine]);
      const sub = await b.subscribe(t, 'monitoring', async (m) => {
        if (m.eventId === poison.eventId) {
          attempts++;
          throw new Error('projection refused it');
        }
        ok.push(m.eventId);
      });
      const dead = await readAll(t + DLQ_SUFFIX, 1);
      await until(() => ok.length > 0);
      expect(attempts).toBe(3);
      expect(dead[0].headers['dlq-error']).toBe('projection refused it');
      expect(dead[0].headers['dlq-reason']).toBe('handler-failed');
      expect(dead[0].headers['dlq-group']).toBe('monitoring');
      expect(dead[0].headers.eventId).toBe(poison.eventId);
      expect(ok).toEqual([fine.eventId]);
      await sub.close();
    });

    it('retries an error the subscriber calls transient until it passes, past maxAttempts, and never dead-letters it', async () => {
      const t = topic();
      const outage = new Error('database down');
      const dead: string[] = [];
      const b = bus({ maxAttempts: 2, retryDelayMs: 5, onDeadLetter: (_, error) => dead.push(error) });
      let tries = 0;
      const ok: string[] = [];
      await b.publish([message(t, 'o', 1)]);
      const sub = await b.subscribe(
        t,
        'monitoring',
        async (m) => {
          if (++tries <= 5) throw outage;
          ok.push(m.eventId);
        },
        { isTransient: (error) => error === outage },
      );
      await until(() => ok.length > 0);
      expect(tries).toBe(6);
      expect(dead).toEqual([]);
      await sub.close();
    });

    it('commits what was processed on close: the group resumes after it, not from the start', async () => {
      const t = topic();
      const b = bus();
      const first: string[] = [];
      await b.publish([message(t, 'k', 1), message(t, 'k', 2)]);
      const sub = await b.subscribe(t, 'commitments', async (m) => void first.push(m.eventId));
      await until(() => first.length === 2);
      await sub.close();
      const later = message(t, 'k', 3);
      await b.publish([later]);
      const second: string[] = [];
      const again = await bus().subscribe(t, 'commitments', async (m) => void second.push(m.eventId));
      await until(() => second.length >= 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(second).toEqual([later.eventId]);
      await again.close();
    });

    it('applies only messages signed with a shared key: unsigned or forged ones are dead-lettered, never handled', async () => {
      const t = topic();
      const keyring = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
      const producer = bus({ keyring });
      const handled: string[] = [];
      await producer.ensureTopics([t]);
      // Well-formed messages, as a forger with access to the broker would put them there.
      const unsigned = message(t, 'ms-1', 1);
      const forged = message(t, 'ms-2', 2);
      const tampered = message(t, 'ms-3', 3);
      const wire = (m: IntegrationMessage) => ({
        key: m.key,
        value: JSON.stringify({ eventId: m.eventId, type: m.type, payload: m.payload, position: m.position, occurredAt: m.occurredAt }),
        headers: { eventId: m.eventId, type: m.type },
      });
      const forger = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
      const genuine = wire(tampered);
      const signature = signMessage(keyring, { topic: t, ...genuine });
      const raw = new Kafka({ clientId: 'forger', brokers: brokers!, logLevel: logLevel.NOTHING }).producer();
      await raw.connect();
      await raw.send({
        topic: t,
        messages: [
          wire(unsigned),
          { ...wire(forged), headers: { ...wire(forged).headers, ...signMessage(forger, { topic: t, ...wire(forged) }) } },
          { ...genuine, value: genuine.value.replace('"n":3', '"n":33'), headers: { ...genuine.headers, ...signature } },
        ],
      });
      await raw.disconnect();
      const good = message(t, 'ms-1', 4);
      await producer.publish([good]);

      const sub = await bus({ keyring }).subscribe(t, 'monitoring', async (m) => void handled.push(m.eventId));
      const dead = await readAll(t + DLQ_SUFFIX, 3);
      await until(() => handled.length > 0);
      await new Promise((r) => setTimeout(r, 300));
      expect(handled).toEqual([good.eventId]);
      expect(dead.map((d) => d.headers.eventId).sort()).toEqual([unsigned.eventId, forged.eventId, tampered.eventId].sort());
      for (const d of dead) {
        expect(d.headers['dlq-reason']).toBe('bad-signature');
        expect(d.headers['dlq-group']).toBe('monitoring');
      }
      expect(dead.find((d) => d.headers.eventId === unsigned.eventId)?.headers['dlq-error']).toMatch(/^unsigned/);
      await sub.close();
    });

    it('creates a topic again that the broker lost, and publishing and consuming go on', async () => {
      const t = topic();
      const b = bus();
      const received: string[] = [];
      const first = message(t, 'k', 1);
      await b.publish([first]);
      const sub = await b.subscribe(t, 'monitoring', async (m) => void received.push(m.eventId));
      await until(() => received.length === 1);
      await sub.close();

      // The broker loses the topic (as after a restart on empty storage); the bus still "knows" it.
      const admin = new Kafka({ clientId: 'admin', brokers: brokers!, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [t, t + DLQ_SUFFIX] });
      for (const end = Date.now() + 20_000; (await admin.listTopics()).includes(t) && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 100));
      expect(await admin.listTopics()).not.toContain(t);

      const second = message(t, 'k', 2);
      const started = Date.now();
      await b.publish([second]);
      expect(Date.now() - started).toBeLessThan(30_000); // not the client's endless retries
      expect(await admin.listTopics()).toEqual(expect.arrayContaining([t, t + DLQ_SUFFIX]));
      await admin.disconnect();
      // The group's offsets went with the topic: it reads the new topic from its start.
      const again = await b.subscribe(t, 'monitoring', async (m) => void received.push(m.eventId));
      await until(() => received.includes(second.eventId));
      expect(received).toEqual([first.eventId, second.eventId]);
      await again.close();
    });

    it("reports each consumed partition's lag and the dead letters it sent, for the metrics", async () => {
      const t = topic();
      const group = `lag-${newId().slice(-8)}`;
      const b = bus({ maxAttempts: 1 });
      const poison = message(t, 'k-0', 0);
      const sent = [poison, ...Array.from({ length: 30 }, (_, i) => message(t, `k-${i % 6}`, i + 1))];
      await b.publish(sent);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const handled = new Set<string>();
      const sub = await b.subscribe(t, group, async (m) => {
        if (m.eventId === poison.eventId) throw new Error('refused');
        await held;
        handled.add(m.eventId);
      });
      // Held: nothing is committed yet, so the group is behind by what was published (one message may be in hand).
      let behind: Awaited<ReturnType<KafkaClientBus['consumerLag']>> = [];
      for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        behind = (await b.consumerLag()).filter((l) => l.group === group);
        if (behind.length === 3) break;
      }
      expect(behind.map((l) => [l.topic, l.partition]).sort()).toEqual([0, 1, 2].map((p) => [t, p]));
      expect(behind.reduce((sum, l) => sum + l.lag, 0)).toBeGreaterThanOrEqual(sent.length - 3);
      release();
      await until(() => handled.size === sent.length - 1);
      let after = behind;
      for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        after = (await b.consumerLag()).filter((l) => l.group === group);
        if (after.length === 3 && after.every((l) => l.lag === 0)) break;
      }
      expect(after.map((l) => l.lag)).toEqual([0, 0, 0]);
      expect(b.deadLetters()).toEqual([{ topic: t, group, count: 1 }]);
      await sub.close();
      // A closed subscription is no longer this process's to report.
      expect((await b.consumerLag()).filter((l) => l.group === group)).toEqual([]);
    });

    it('answers whether the broker is reachable, within seconds when it is not', async () => {
      expect(await bus().isConnected()).toBe(true);
      const nowhere = bus({ brokers: ['localhost:1'], log: () => undefined });
      const started = Date.now();
      expect(await nowhere.isConnected()).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    async function readAll(t: string, count: number) {
      const consumer = new Kafka({ clientId: 'dlq-reader', brokers: brokers!, logLevel: logLevel.NOTHING }).consumer({
        groupId: `dlq-${newId()}`,
        maxWaitTimeInMs: 100,
      });
      const out: { value: string; headers: Record<string, string> }[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic: t, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
          out.push({ value: message.value?.toString() ?? '', headers });
        },
      });
      await until(() => out.length >= count);
      await consumer.disconnect();
      return out;
    }
  });
}

suite('Kafka integration bus: the two clients together (real broker)', () => {
  const buses: KafkaClientBus[] = [];
  afterAll(async () => Promise.all(buses.map((b) => b.close())));
  const keyring = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
  const bus = (client: keyof typeof CLIENTS) => {
    const b = CLIENTS[client]({ brokers: brokers!, clientId: `regie-test-${client}`, partitions: 3, keyring });
    buses.push(b);
    return b;
  };

  it('each reads (and verifies) what the other wrote with its headers, and puts a key on the same partition (switching keeps the order per key)', async () => {
    const t = topic();
    const keys = Array.from({ length: 12 }, (_, k) => `stream-${k}`);
    const traced = (m: IntegrationMessage): IntegrationMessage => ({
      ...m,
      headers: { correlationId: newId(), traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` },
    });
    const fromJs = keys.map((key) => traced(message(t, key, 1)));
    const fromPf = keys.map((key) => traced(message(t, key, 2)));
    await bus('kafkajs').publish(fromJs);
    await bus('platformatic').publish(fromPf);
    const partitions = new Map<string, number[]>();
    const consumer = new Kafka({ clientId: 'partition-reader', brokers: brokers!, logLevel: logLevel.NOTHING }).consumer({
      groupId: `partitions-${newId()}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: t, fromBeginning: true });
    let seen = 0;
    await consumer.run({
      eachMessage: async ({ partition, message: m }) => {
        const key = m.key?.toString() ?? '';
        partitions.set(key, [...(partitions.get(key) ?? []), partition]);
        seen++;
      },
    });
    await until(() => seen >= 24);
    await consumer.disconnect();
    for (const key of keys) expect([key, new Set(partitions.get(key)).size]).toEqual([key, 1]);
    expect(new Set([...partitions.values()].map(([p]) => p)).size).toBeGreaterThan(1);

    for (const [reader, written] of [
      ['platformatic', fromJs],
      ['kafkajs', fromPf],
    ] as const) {
      const received: IntegrationMessage[] = [];
      const sub = await bus(reader).subscribe(t, `cross-${reader}-${newId().slice(-6)}`, async (m) => void received.push(m));
      await until(() => received.length >= 24);
      await sub.close();
      const byId = new Map(received.map((m) => [m.eventId, m]));
      // The consumer gets the message as written, its correlation id and traceparent among the headers.
      expect(written.map((m) => byId.get(m.eventId))).toEqual(
        written.map((m) => ({ ...m, headers: expect.objectContaining({ ...m.headers, eventId: m.eventId, type: m.type }) })),
      );
    }
  });
});

describe('the in-process bus (no broker)', () => {
  it('reports no consumer lag and no dead letters: there is no broker to ask', async () => {
    const inProcess = new InProcessBus({} as never, { baseMs: 10, maxMs: 10 });
    expect(await inProcess.consumerLag()).toEqual([]);
    expect(inProcess.deadLetters()).toEqual([]);
  });
});
