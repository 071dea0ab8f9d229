import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { type IntegrationMessage, newId } from '@regie/es-core';
import { secureKafkaForTests } from '@regie/test-kit';
import { KafkaBus } from './kafka-bus';
import type { KafkaBusOptions } from './kafka-shared';
import { parseBusKeys } from './message-signing';
import { PlatformaticKafkaBus } from './platformatic-bus';

const secure = secureKafkaForTests('Kafka SASL/ACL suite');
const suite = secure ? describe : describe.skip;

const CLIENTS = {
  kafkajs: (options: KafkaBusOptions) => new KafkaBus(options),
  platformatic: (options: KafkaBusOptions) => new PlatformaticKafkaBus(options),
};

/** Against a broker of infra/kafka started with `start-secure`: SASL/SCRAM-SHA-512 users and ACLs, with either client. */
suite('Kafka bus on a broker with SASL/SCRAM and ACLs', () => {
  const keyring = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
  const sasl = () => ({ mechanism: 'scram-sha-512' as const, username: secure!.username, password: secure!.password });
  const buses: (KafkaBus | PlatformaticKafkaBus)[] = [];
  const bus = (client: keyof typeof CLIENTS, opts: Partial<KafkaBusOptions> = {}) => {
    const b = CLIENTS[client]({
      brokers: secure!.brokers,
      clientId: 'regie-secure-test',
      partitions: 1,
      keyring,
      log: () => undefined,
      ...opts,
    });
    buses.push(b);
    return b;
  };
  afterAll(() => Promise.all(buses.map((b) => b.close())));

  const message = (topic: string, n: number): IntegrationMessage => ({
    topic,
    key: `stream-${n}`,
    eventId: newId(),
    type: 'Counted',
    payload: { n },
    position: n,
    occurredAt: new Date().toISOString(),
  });

  for (const client of Object.keys(CLIENTS) as (keyof typeof CLIENTS)[]) {
    it(`carries messages on ${client} with the SCRAM user the ACLs allow, and not without it`, async () => {
      const topic = `regie.secure-${newId().slice(-10)}.v1`;
      const b = bus(client, { sasl: sasl() });
      expect(await b.isConnected()).toBe(true);
      const sent = [message(topic, 1), message(topic, 2)];
      await b.publish(sent);
      const received: string[] = [];
      const sub = await b.subscribe(topic, 'monitoring', async (m) => void received.push(m.eventId));
      for (const end = Date.now() + 30_000; received.length < 2 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
      expect(received).toEqual(sent.map((m) => m.eventId));
      await sub.close();
      expect(await bus(client).isConnected()).toBe(false);
      expect(await bus(client, { sasl: { ...sasl(), password: 'geraden' } }).isConnected()).toBe(false);
    });
  }

  it('refuses a client without credentials, and one with a wrong password', async () => {
    // The broker answers ApiVersions to anyone; anything more needs a login.
    const anonymous = new Kafka({
      clientId: 'anonymous',
      brokers: secure!.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect();
    const guessing = new Kafka({
      clientId: 'guessing',
      brokers: secure!.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      sasl: { ...sasl(), password: 'geraden' },
    }).admin();
    await expect(guessing.connect().then(() => guessing.listTopics())).rejects.toThrow(/authentication failed/i);
    await guessing.disconnect();
  });

  it('refuses what the ACLs do not allow, even to an authenticated user', async () => {
    // The user may use topics and groups but not change the cluster's configuration.
    const admin = new Kafka({
      clientId: 'acl-probe',
      brokers: secure!.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      sasl: sasl(),
    }).admin();
    await admin.connect();
    try {
      await expect(
        admin.alterConfigs({
          validateOnly: true,
          resources: [{ type: 4 /* BROKER */, name: '1', configEntries: [{ name: 'log.retention.ms', value: '1' }] }],
        }),
      ).rejects.toThrow(/authoriz/i);
    } finally {
      await admin.disconnect();
    }
  });
});
