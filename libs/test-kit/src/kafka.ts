/**
 * The Kafka brokers of this run (KAFKA_BROKERS, e.g. localhost:9092, as `infra/kafka/kafka.sh start`
 * prints). In CI a missing broker fails the run; locally the Kafka suites are skipped with a loud warning.
 */
export function kafkaBrokersForTests(suite: string): string[] | undefined {
  const brokers = process.env.KAFKA_BROKERS?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers?.length) return brokers;
  if (process.env.CI === 'true') throw new Error(`${suite}: KAFKA_BROKERS is not set; CI must start Kafka (infra/kafka/kafka.sh start)`);
  console.warn(
    `\n*** ${suite} SKIPPED: KAFKA_BROKERS is not set. Start a broker with infra/kafka/kafka.sh start and export KAFKA_BROKERS=localhost:9092 ***\n`,
  );
  return undefined;
}
