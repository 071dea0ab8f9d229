import { readFileSync } from 'node:fs';
import { type BusKeyring, parseBusKeys } from '@regie/bus-kafka';
import type { KafkaBusOptions } from '@regie/bus-kafka';
import { ConfigError, type PlatformConfig } from './config';

type KafkaConfig = Pick<
  PlatformConfig,
  | 'REGIE_BUS_KEYS'
  | 'REGIE_BUS_SIGNING_KID'
  | 'REGIE_KAFKA_SSL'
  | 'REGIE_KAFKA_CA_FILE'
  | 'REGIE_KAFKA_CERT_FILE'
  | 'REGIE_KAFKA_KEY_FILE'
  | 'REGIE_KAFKA_SASL_MECHANISM'
  | 'REGIE_KAFKA_USERNAME'
  | 'REGIE_KAFKA_PASSWORD'
>;

/**
 * How this process talks to the brokers and signs what it puts on them. The keys come from
 * REGIE_BUS_KEYS only, never from the database or the broker: whoever can write there must not
 * be able to sign. Every process of the platform must be given the same keys.
 */
export function kafkaSettingsOf(config: KafkaConfig): Pick<KafkaBusOptions, 'keyring' | 'ssl' | 'sasl'> {
  const keyring: BusKeyring | undefined = config.REGIE_BUS_KEYS
    ? parseBusKeys(config.REGIE_BUS_KEYS, config.REGIE_BUS_SIGNING_KID)
    : undefined;
  const tlsFiles = { ca: config.REGIE_KAFKA_CA_FILE, cert: config.REGIE_KAFKA_CERT_FILE, key: config.REGIE_KAFKA_KEY_FILE };
  const ssl =
    config.REGIE_KAFKA_SSL || tlsFiles.ca || tlsFiles.cert
      ? Object.fromEntries(
          Object.entries(tlsFiles)
            .filter((entry): entry is [string, string] => entry[1] !== undefined)
            .map(([name, path]) => [name, pem(path, name)]),
        )
      : undefined;
  const sasl =
    config.REGIE_KAFKA_SASL_MECHANISM && config.REGIE_KAFKA_USERNAME && config.REGIE_KAFKA_PASSWORD
      ? { mechanism: config.REGIE_KAFKA_SASL_MECHANISM, username: config.REGIE_KAFKA_USERNAME, password: config.REGIE_KAFKA_PASSWORD }
      : undefined;
  return { keyring, ssl, sasl };
}

function pem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const setting = { ca: 'REGIE_KAFKA_CA_FILE', cert: 'REGIE_KAFKA_CERT_FILE', key: 'REGIE_KAFKA_KEY_FILE' }[what];
    throw new ConfigError(
      `Ongeldige configuratie:\n  ${setting}: kan ${path} niet lezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'})`,
    );
  }
}
