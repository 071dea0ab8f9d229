import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import type { AuditEvent } from '../../api/regie-api.models';
import { werkagendasNamedBy } from './audit-events';

let position = 0;
const event = (streamId: string, data: unknown): AuditEvent => ({
  id: `e${++position}`,
  streamId,
  revision: 0,
  position,
  type: 'MilestonePlanned',
  schemaVersion: 1,
  data,
  metadata: { actor: { userId: 'coordinator', role: 'coordinator' }, correlationId: 'c', causationId: 'c' },
  occurredAt: '2026-12-08T09:37:12.860Z',
  recordedAt: '2026-12-08T09:37:12.861Z',
  hash: 'abc',
});

/** The audit page reads the action lists of only the werkagenda's its events name, never every one's. */
describe('the werkagenda’s an audit page names', () => {
  it('takes the current one first, then those of the actions the events name, each once', () => {
    const events = [
      event('action-wa3:1.1', { code: 'wa3:1.1' }),
      event('milestone-0b1c', { milestoneId: '0b1c', actionCode: 'wa7:2.1' }),
      event('milestone-0b1d', { milestoneId: '0b1d', actionCode: '2.1' }), // a first-tenant action: its plain code
      event('werkagenda-wa9', { werkagendaId: 'wa9' }),
      event('commitment-1', { commitmentId: '1', actionCodes: ['wa5:1.1'] }), // a toezegging's actions name no titles
      event('action-wa3:1.2', { code: 'wa3:1.2' }),
    ];
    expect(werkagendasNamedBy(events, 'wa1')).toEqual(['wa1', 'wa3', 'wa7', FIRST_WERKAGENDA_ID, 'wa9']);
  });

  it('reads at most a dozen werkagenda’s however many the events name', () => {
    const events = Array.from({ length: 250 }, (_, i) => event(`action-wa${i}:1.1`, { code: `wa${i}:1.1` }));
    const named = werkagendasNamedBy(events, 'wa1');
    expect(named).toHaveLength(12);
    expect(named[0]).toBe('wa1');
  });
});
