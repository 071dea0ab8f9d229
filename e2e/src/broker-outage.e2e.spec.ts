import { randomBytes } from 'node:crypto';
import { newId } from '@regie/es-core';
import { kafkaBrokersForTests, testDatabase } from '@regie/test-kit';
import { privateBroker } from './kafka-broker';
import { seededBoard, startPlatformProcess, type PlatformProcess } from './platform-process';

// Needs what the Kafka tier needs (Java, the broker jars); uses a broker of its own to stop it.
const suite = kafkaBrokersForTests('broker outage e2e suite') ? describe : describe.skip;

/** A process's last lines, without kafkajs's repeated connection errors while the broker is down. */
const tail = (p: PlatformProcess) =>
  p
    .output()
    .split('\n')
    .filter((line) => !/Connection error|Failed to connect to seed broker/.test(line))
    .join('\n')
    .slice(-4000);

suite('Kafka broker outage', () => {
  it('never fails a write while the broker is down, and delivers everything once it is back', async () => {
    const broker = await privateBroker();
    const db = await testDatabase('broker_outage');
    const processes: PlatformProcess[] = [];
    try {
      const env = {
        DATABASE_URL: db.url,
        REGIE_BUS: 'kafka',
        KAFKA_BROKERS: broker.brokers,
        REGIE_BUS_KEYS: `k1:${randomBytes(32).toString('base64')}`, // the processes sign and verify with one key
        KAFKA_NAMESPACE: `outage-${newId().slice(-8)}.`,
        REGIE_NOW: '2026-03-15T09:00:00Z',
      };
      const actions = await startPlatformProcess({ ...env, REGIE_SERVICES: 'actions' });
      processes.push(actions);
      const monitoring = await startPlatformProcess({ ...env, REGIE_SERVICES: 'monitoring', REGIE_SEED: 'false' });
      processes.push(monitoring);
      const boardSize = async () => (await seededBoard<{ milestones: unknown[] }>(monitoring.api)).flatMap((a) => a.milestones).length;
      const until = async (check: () => Promise<boolean>, ms = 90_000) => {
        for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) if (await check()) return;
        throw new Error(
          `condition not reached in time (board: ${await boardSize().catch(String)})\n--- actions:\n${tail(actions)}\n--- monitoring:\n${tail(monitoring)}`,
        );
      };
      await until(async () => (await boardSize()) === 16);

      const statuses: number[] = [];
      const write = async (i: number) => {
        const res = await actions.api.fetch(`/api/v1/actions/1.1/milestones`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Tijdens storing ${i}`, dueDate: '2026-09-30' }),
        });
        statuses.push(res.status);
      };
      for (let i = 0; i < 5; i++) await write(i);
      await broker.stop();
      for (let i = 5; i < 20; i++) await write(i);
      await broker.resume();
      for (let i = 20; i < 25; i++) await write(i);

      expect(statuses).toEqual(Array(25).fill(201));
      // kafkajs reconnects with backoff (its consumers restart after retries run out): allow time.
      await until(async () => (await boardSize()) === 16 + 25, 180_000);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await broker.stop();
      await db.drop();
    }
  }, 420_000);
});
