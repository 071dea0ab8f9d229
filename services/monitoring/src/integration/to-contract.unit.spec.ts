import type { RecordedEvent } from '@regie/es-core';
import { toIntegrationMessage } from './to-contract';

const recorded = (type: string, data: object): RecordedEvent =>
  ({
    id: '0196a4a2-7c1e-7000-8000-000000000001',
    streamId: 'projection-2026-Q4',
    type,
    data,
    revision: 0,
    position: 42,
    occurredAt: new Date('2026-12-08T10:00:00.000Z'),
  }) as unknown as RecordedEvent;

describe("monitoring's integration events", () => {
  it('announces a published projection version on regie.monitoring.v1, without its document', () => {
    const message = toIntegrationMessage(
      recorded('ProjectionPublished', { quarter: '2026-Q4', version: 2, publishedAt: '2026-12-08T10:00:00.000Z', document: { big: true } }),
    );
    expect(message).toMatchObject({
      topic: 'regie.monitoring.v1',
      key: 'projection-2026-Q4',
      type: 'ProjectionPublishedV1',
      payload: { type: 'ProjectionPublishedV1', quarter: '2026-Q4', version: 2, publishedAt: '2026-12-08T10:00:00.000Z' },
    });
    expect(message?.payload).not.toHaveProperty('document');
  });

  it('names the werkagenda of a projection of another werkagenda than the first', () => {
    const data = {
      quarter: '2026-Q4',
      version: 1,
      publishedAt: '2026-12-08T10:00:00.000Z',
      werkagendaId: 'actieplan-x',
      text: '{}',
      sha256: 'x',
    };
    expect(toIntegrationMessage(recorded('ProjectionPublished', data))?.payload).toEqual({
      type: 'ProjectionPublishedV1',
      quarter: '2026-Q4',
      version: 1,
      publishedAt: '2026-12-08T10:00:00.000Z',
      werkagendaId: 'actieplan-x',
    });
  });

  it('keeps indicators inside', () => {
    expect(toIntegrationMessage(recorded('MeasurementRecorded', { indicatorId: 'x' }))).toBeUndefined();
    expect(toIntegrationMessage(recorded('IndicatorTargetsChanged', { indicatorId: 'x' }))).toBeUndefined();
  });
});
