import { type LogEntry, logLevel } from 'kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';
/** Where the client's own lines go (the process's logger); without it, kafkajs's console output. */
export type KafkaLog = (level: KafkaLogLevel, message: string) => void;

/**
 * Events of a healthy cluster that kafkajs reports as errors: a group rebalancing after a member
 * joined or left, a coordinator that is loading or moved, a leader being elected. The client
 * retries them itself; at ERROR they would page an operator for nothing.
 */
const ROUTINE =
  /rebalanc|coordinator is (loading|not available)|not the correct coordinator|NOT_COORDINATOR|COORDINATOR_LOAD_IN_PROGRESS|COORDINATOR_NOT_AVAILABLE|REBALANCE_IN_PROGRESS|LEADER_NOT_AVAILABLE|NOT_LEADER_FOR_PARTITION|leadership election/i;

/** kafkajs's warning about a setting made on purpose (the bounded retries of the producer, see kafka-bus.ts). */
const DELIBERATE = /Limiting retries for the idempotent producer/;

const LEVELS: Record<number, KafkaLogLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** One kafkajs log entry as a level and a line: routine cluster events at INFO, whatever kafkajs said. */
export function kafkaLogLine(entry: LogEntry): { level: KafkaLogLevel; message: string } {
  const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry.log;
  const details = Object.entries(fields)
    .filter(([, value]) => value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`);
  const line = `kafkajs ${entry.namespace}: ${message}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  const level = LEVELS[entry.level] ?? 'info';
  if (DELIBERATE.test(line)) return { level: 'debug', message: line };
  return { level: ROUTINE.test(line) && (level === 'error' || level === 'warn') ? 'info' : level, message: line };
}

/** A kafkajs `logCreator` writing to `log`. */
export const kafkaLogCreator = (log: KafkaLog) => () => (entry: LogEntry) => {
  const { level, message } = kafkaLogLine(entry);
  log(level, message);
};
