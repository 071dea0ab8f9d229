import { logLevel } from 'kafkajs';
import { kafkaLogLine } from './kafka-log';

const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({
  namespace: 'Runner',
  level,
  label: 'ERROR',
  log: { timestamp: '2026-03-15T09:00:00.000Z', logger: 'kafkajs', message, ...extra },
});

describe('kafkajs log lines', () => {
  it('logs a rebalance and a loading coordinator below ERROR: the client retries them itself', () => {
    expect(kafkaLogLine(entry(logLevel.ERROR, 'The group is rebalancing, re-joining', { groupId: 'monitoring.actions' }))).toEqual({
      level: 'info',
      message: 'kafkajs Runner: The group is rebalancing, re-joining (groupId=monitoring.actions)',
    });
    expect(
      kafkaLogLine(
        entry(logLevel.ERROR, 'Response GroupCoordinator', { error: "The coordinator is loading and hence can't process requests" }),
      ).level,
    ).toBe('info');
  });

  it('keeps a real failure at ERROR', () => {
    expect(kafkaLogLine(entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092')).level).toBe('error');
    expect(kafkaLogLine(entry(logLevel.WARN, 'Failed to connect to seed broker')).level).toBe('warn');
  });

  it('does not warn at every start about the producer retries bounded on purpose', () => {
    const line = kafkaLogLine(entry(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    expect(line.level).toBe('debug');
  });
});
