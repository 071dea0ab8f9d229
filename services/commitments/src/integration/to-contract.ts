import { COMMITMENTS_TOPIC_V1, CommitmentsEvent } from '@regie/contracts-commitments';
import type { IntegrationMessage, RecordedEvent } from '@regie/es-core';
import type { CommitmentEvent } from '../commitment/commitment';

/**
 * The one place where the commitments context's domain events become integration events
 * (contracts v1). Every message is validated against the contract before it leaves; events of
 * other contexts sharing the store yield nothing.
 */
export function toIntegrationMessage(event: RecordedEvent): IntegrationMessage | undefined {
  const payload = contractPayload(event as unknown as CommitmentEvent);
  if (!payload) return undefined;
  return {
    topic: COMMITMENTS_TOPIC_V1,
    key: event.streamId,
    eventId: event.id,
    type: payload.type,
    payload: CommitmentsEvent.parse(payload),
    position: event.position,
    occurredAt: event.occurredAt.toISOString(),
  };
}

function contractPayload(event: CommitmentEvent): CommitmentsEvent | undefined {
  switch (event.type) {
    case 'CommitmentRegistered': {
      const { externalRef, ...d } = event.data;
      const ref = externalRef && { system: externalRef.system, id: externalRef.id, nummer: externalRef.nummer };
      return { type: 'CommitmentRegisteredV2', ...d, externalRef: ref }; // madeBy sealed: never plain names on the bus
    }
    case 'CommitmentPostponed': {
      const { commitmentId, previousDue, due, reason } = event.data;
      return { type: 'CommitmentPostponedV1', commitmentId, previousDue, due, reason };
    }
    case 'CommitmentFulfilled':
      return { type: 'CommitmentFulfilledV1', ...event.data };
    case 'CommitmentWithdrawn':
      return { type: 'CommitmentWithdrawnV1', commitmentId: event.data.commitmentId, reason: event.data.reason };
    case 'CommitmentBecameOverdue':
      return { type: 'CommitmentBecameOverdueV1', ...event.data };
    case 'CommitmentDueSoon': {
      const { commitmentId, dueDate, text, actionCodes } = event.data;
      return { type: 'CommitmentDueSoonV1', commitmentId, dueDate, text, actionCodes };
    }
    case 'CommitmentUpdated': {
      const { commitmentId, text, previousDue, due } = event.data;
      return { type: 'CommitmentUpdatedV1', commitmentId, text, previousDue, due };
    }
    default: {
      const _exhaustive: never = event;
      return undefined; // events of other contexts sharing the store
    }
  }
}
