import { Upcasters, type RecordedEvent } from '@regie/es-core';
import { COMMITMENT_UPCASTERS } from './commitment.upcasters';

describe('CommitmentRegistered upcasting', () => {
  const upcasters = new Upcasters(COMMITMENT_UPCASTERS);
  const v1 = {
    type: 'CommitmentRegistered',
    schemaVersion: 1,
    data: { commitmentId: 'c', madeBy: 'Minister voor LZS (C. Helder)' },
  } as unknown as RecordedEvent;

  it('reads a v1 madeBy string as a text naming no sealed person (its names stay as they were stored)', () => {
    expect(upcasters.upcast(v1)).toMatchObject({
      schemaVersion: 2,
      data: { madeBy: { text: 'Minister voor LZS (C. Helder)', persons: [] } },
    });
  });

  it('writes new registrations at v2', () => {
    expect(upcasters.currentVersions).toEqual({ CommitmentRegistered: 2 });
  });
});
