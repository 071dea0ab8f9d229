import type { RecordedEvent } from '@regie/es-core';
import { toIntegrationMessage } from './to-contract';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '0196a4a2-7c1e-7000-8000-0000000000aa',
  streamId: 'action-2.1',
  revision: 1,
  position: 9,
  type,
  data,
  schemaVersion: 1,
  occurredAt: new Date('2026-03-15T09:00:00Z'),
  recordedAt: new Date('2026-03-15T09:00:00Z'),
  metadata: { actor: { userId: 'u', role: 'r' }, correlationId: 'c', causationId: 'c' },
});

describe('actions domain events → contract v1', () => {
  it('keeps a named actiehouder (personal data) inside the context: parties and description go out, the person does not', () => {
    const person = { subject: '0196a4a2-7c1e-7000-8000-0000000000f1', alg: 'A256GCM', iv: 'aXY', ciphertext: 'Y3Q', tag: 'dGFn' };
    const message = toIntegrationMessage(
      recorded('ActionHolderAssigned', { code: '2.1', actionHolder: { parties: ['VWS'], description: 'VWS', person } }),
    );
    expect(message?.payload).toEqual({
      type: 'ActionHolderAssignedV1',
      code: '2.1',
      actionHolder: { parties: ['VWS'], description: 'VWS' },
    });
  });
});
