import { MonitoringEventV1 } from './events.v1';

describe('monitoring contract v1', () => {
  it('accepts a published projection version and refuses a malformed quarter or version', () => {
    const message = { type: 'ProjectionPublishedV1', quarter: '2026-Q4', version: 1, publishedAt: '2026-12-08T10:00:00.000Z' };
    expect(MonitoringEventV1.parse(message)).toEqual(message);
    expect(() => MonitoringEventV1.parse({ ...message, quarter: '2026-4' })).toThrow();
    expect(() => MonitoringEventV1.parse({ ...message, version: 0 })).toThrow();
  });
});
