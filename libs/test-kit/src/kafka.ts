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

/**
 * A broker that speaks SASL/SCRAM-SHA-512 only and checks ACLs (KAFKA_SECURE_BROKERS, as
 * `infra/kafka/kafka.sh start-secure` prints it), with the user it made (KAFKA_CLIENT_USER,
 * KAFKA_CLIENT_PASSWORD: regie / regie-secret by default). Required in CI, skipped loudly elsewhere.
 */
export function secureKafkaForTests(suite: string): { brokers: string[]; username: string; password: string } | undefined {
  const brokers = process.env.KAFKA_SECURE_BROKERS?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const username = process.env.KAFKA_CLIENT_USER ?? 'regie';
  const password = process.env.KAFKA_CLIENT_PASSWORD ?? 'regie-secret';
  if (brokers?.length) return { brokers, username, password };
  if (process.env.CI === 'true')
    throw new Error(`${suite}: KAFKA_SECURE_BROKERS is not set; CI must start a secure broker (infra/kafka/kafka.sh start-secure)`);
  console.warn(
    `\n*** ${suite} SKIPPED: KAFKA_SECURE_BROKERS is not set. Start one with KAFKA_PORT=9094 KAFKA_CONTROLLER_PORT=9095 REGIE_KAFKA_DIR=.regie/kafka-secure infra/kafka/kafka.sh start-secure ***\n`,
  );
  return undefined;
}
