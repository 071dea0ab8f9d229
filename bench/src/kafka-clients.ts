import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { KafkaBus, PlatformaticKafkaBus } from '@regie/bus-kafka';
import { type IntegrationBus, type IntegrationMessage, newId } from '@regie/es-core';
import { ROOT } from './db';
import { type ResultRow, row } from './table';

/**
 * Part 6: the Kafka bus's produce and consume throughput on its two clients, the platform's own
 * adapters from libs/bus-kafka: KafkaBus (kafkajs) and PlatformaticKafkaBus (@platformatic/kafka,
 * REGIE_KAFKA_CLIENT=platformatic), on the same broker in the same run, with the same guarantees
 * (idempotent producer, acks = all, offsets committed after the handler, dead-lettering armed).
 * Produce: `publish` of relay-sized batches (500 messages of a MilestonePlannedV1's size) until
 * all are acknowledged (acks = all). Consume: a new consumer group from the beginning of the
 * topic until its handler has seen every message. The clients take turns (kafkajs, platformatic,
 * platformatic, kafkajs), each on a topic of its own.
 *
 * The broker: KAFKA_BROKERS if set, else one started here with infra/kafka/kafka.sh (a single
 * KRaft node, jars from Maven Central; ports BENCH_KAFKA_PORT (29092) and the next one, data in
 * .regie/bench-kafka, so as not to meet another broker on this machine) and stopped afterwards.
 */
export async function withBroker<T>(log: (line: string) => void, work: (brokers: string[]) => Promise<T>): Promise<T> {
  if (process.env.KAFKA_BROKERS) return work(process.env.KAFKA_BROKERS.split(','));
  const port = Number(process.env.BENCH_KAFKA_PORT ?? 29092);
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    REGIE_KAFKA_DIR: join(ROOT, '.regie/bench-kafka'),
    KAFKA_HEAP_OPTS: '-Xmx512m',
  };
  const script = join(ROOT, 'infra/kafka/kafka.sh');
  log(`Kafka: starting a broker (infra/kafka/kafka.sh, port ${port})`);
  execFileSync(script, ['start'], { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  try {
    return await work([`localhost:${port}`]);
  } finally {
    execFileSync(script, ['stop'], { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  }
}

const message = (topic: string, i: number): IntegrationMessage => {
  const milestoneId = newId();
  return {
    topic,
    key: `milestone-${milestoneId}`,
    eventId: newId(),
    type: 'MilestonePlannedV1',
    position: i + 1,
    occurredAt: new Date().toISOString(),
    payload: {
      type: 'MilestonePlannedV1',
      milestoneId,
      actionCode: '2.1',
      title: `Plan van aanpak voor het verbeteren van de samenwerking – regio ${i}`,
      dueDate: '2026-05-31',
      dueDateText: null,
    },
  };
};

async function produceConsume(
  bus: IntegrationBus & { ensureTopics(topics: string[]): Promise<void> },
  topic: string,
  count: number,
): Promise<{ produce: number; consume: number }> {
  await bus.ensureTopics([topic]);
  const messages = Array.from({ length: count }, (_, i) => message(topic, i));
  let started = performance.now();
  for (let i = 0; i < messages.length; i += 500) await bus.publish(messages.slice(i, i + 500));
  const produce = count / ((performance.now() - started) / 1000);
  const seen = new Set<string>();
  let all!: () => void;
  const done = new Promise<void>((resolve) => (all = resolve));
  started = performance.now();
  const subscription = await bus.subscribe(topic, `bench-${newId()}`, async (m) => {
    seen.add(m.eventId);
    if (seen.size === count) all();
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    done,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${topic}: ${seen.size}/${count} consumed in 120 s`)), 120_000))),
  ]).finally(() => clearTimeout(timer));
  const consume = count / ((performance.now() - started) / 1000);
  await subscription.close();
  return { produce, consume };
}

export async function kafkaClientRows(brokers: string[], count: number, log: (line: string) => void): Promise<ResultRow[]> {
  const run = newId().slice(-8);
  const clients = {
    kafkajs: () => new KafkaBus({ brokers, clientId: `bench-kafkajs-${run}`, partitions: 3 }),
    platformatic: () => new PlatformaticKafkaBus({ brokers, clientId: `bench-platformatic-${run}`, partitions: 3 }),
  };
  const figures = { kafkajs: [] as { produce: number; consume: number }[], platformatic: [] as { produce: number; consume: number }[] };
  for (const [i, name] of (['kafkajs', 'platformatic', 'platformatic', 'kafkajs'] as const).entries()) {
    log(`Kafka: ${name}, ${count.toLocaleString()} messages produced, then consumed (${i + 1}/4)`);
    const bus = clients[name]();
    try {
      figures[name].push(await produceConsume(bus, `bench.${run}.${name}.${i}`, count));
    } finally {
      await bus.close();
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [js, pf] = [figures.kafkajs, figures.platformatic];
  const note = `${count.toLocaleString()} messages per run, mean of 2 runs each, 3 partitions, one broker (KRaft); both are libs/bus-kafka's adapters as the platform runs them`;
  return [
    row(
      '6',
      'Kafka bus produce (publish, batches of 500, acks = all): @platformatic/kafka',
      mean(pf.map((f) => f.produce)),
      'msg/s',
      mean(js.map((f) => f.produce)),
      'kafkajs 2.2.4 (KafkaBus)',
      'report both',
      undefined,
      note,
    ),
    row(
      '6',
      'Kafka bus consume (new group, from the start): @platformatic/kafka',
      mean(pf.map((f) => f.consume)),
      'msg/s',
      mean(js.map((f) => f.consume)),
      'kafkajs 2.2.4 (KafkaBus)',
      'report both',
    ),
  ];
}
