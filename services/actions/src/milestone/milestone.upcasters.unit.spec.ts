import type { RecordedEvent } from '@regie/es-core';
import { Upcasters } from '@regie/es-core';
import { MILESTONE_UPCASTERS } from './milestone.upcasters';

const v1: RecordedEvent = {
  id: '0196a4a2-7c1e-7000-8000-000000000001',
  streamId: 'milestone-x',
  revision: 0,
  position: 7,
  type: 'MilestonePlanned',
  schemaVersion: 1,
  data: { milestoneId: 'x', actionCode: '0', title: 'Opdrachtformulering gereed', dueDate: '2025-04-30' },
  metadata: { actor: { userId: 'seed', role: 'system' }, correlationId: 'c', causationId: 'k' },
  occurredAt: new Date('2025-03-11T09:00:00Z'),
  recordedAt: new Date('2025-03-11T09:00:00Z'),
};

describe('milestone upcasters', () => {
  const upcasters = new Upcasters(MILESTONE_UPCASTERS);

  it('reads a v1 MilestonePlanned as v2 with dueDateText not recorded, leaving everything else as stored', () => {
    const read = upcasters.upcast(v1);
    expect(read).toEqual({ ...v1, schemaVersion: 2, data: { ...(v1.data as object), dueDateText: null } });
    expect(v1.schemaVersion).toBe(1); // the stored event object is not changed
  });

  it('leaves a v2 event and other event types alone, and writes new MilestonePlanned events as v2', () => {
    const v2 = { ...v1, schemaVersion: 2, data: { ...(v1.data as object), dueDateText: 'eind april 2025' } };
    expect(upcasters.upcast(v2)).toBe(v2);
    expect(upcasters.upcast({ ...v1, type: 'MilestoneStarted' })).toEqual({ ...v1, type: 'MilestoneStarted' });
    expect(upcasters.currentVersions).toEqual({ MilestonePlanned: 2 });
  });
});
