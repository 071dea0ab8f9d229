import { randomBytes } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { type IntegrationMessage, newId } from '@regie/es-core';
import { kafkaBrokersForTests } from '@regie/test-kit';
import { DLQ_SUFFIX, KafkaBus } from './kafka-bus';
import { parseBusKeys, signMessage } from './message-signing';

const brokers = kafkaBrokersForTests('Kafka bus suite');
const suite = brokers ? describe : describe.skip;

suite('Kafka integration bus (real broker)', () => {
  const buses: KafkaBus[] = [];
  const bus = (opts: Partial<ConstructorParameters<typeof KafkaBus>[0]> = {}) => {
    const b = new KafkaBus({ brokers: brokers!, clientId: 'regie-test', partitions: 3, retryDelayMs: 20, ...opts });
    buses.push(b);
    return b;
  };
  afterAll(async () => Promise.all(buses.map((b) => b.close())));

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
