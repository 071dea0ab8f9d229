import { ACTIONS_TOPIC_V1, ActionsEventV1 } from '@regie/contracts-actions';
import type { IntegrationMessage, RecordedEvent } from '@regie/es-core';
import type { ActionsDomainEvent } from '../actions.commands';

/**
 * The one place where actions' domain events become integration events (contracts v1).
 * Domain events not listed stay inside the context. Every message is validated against the
 * contract before it leaves.
 */
export function toIntegrationMessage(event: RecordedEvent): IntegrationMessage | undefined {
  const payload = contractPayload(event);
  if (!payload) return undefined;
  return {
    topic: ACTIONS_TOPIC_V1,
    key: event.streamId,
    eventId: event.id,
    type: String(payload.type),
    payload: ActionsEventV1.parse(payload),
    position: event.position,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** What each domain event is on the bus; `null` stays inside the context. */
const RENAMED: Record<ActionsDomainEvent['type'], ActionsEventV1['type'] | null> = {
  WerkagendaEstablished: null,
  WerkagendaChanged: null,
  PartyAdded: null,
  PartyChanged: null,
  ActionLineAdded: null,
  ActionLineRenamed: null,
  WerkagendaArchived: null,
  ActionDefined: 'ActionDefinedV1',
  ActionChanged: null,
  RegionAdded: null,
  RegionStatusChanged: null,
  ActionHolderAssigned: 'ActionHolderAssignedV1',
  ProgressReported: 'ProgressReportedV1',
  MilestonePlanned: 'MilestonePlannedV1',
  MilestoneStarted: 'MilestoneStartedV1',
  MilestoneAchieved: 'MilestoneAchievedV1',
  MilestoneReplanned: 'MilestoneReplannedV1',
  MilestoneCancelled: 'MilestoneCancelledV1',
  KnelpuntRaised: 'KnelpuntRaisedV1',
  KnelpuntEscalated: 'KnelpuntEscalatedV1',
  KnelpuntResolved: 'KnelpuntResolvedV1',
};

function contractPayload(event: RecordedEvent): Record<string, unknown> | undefined {
  const type = RENAMED[event.type as ActionsDomainEvent['type']];
  if (!type) return undefined;
  const data = event.data as Record<string, unknown>;
  if (event.type === 'ActionDefined') {
    const { startActivities: _internal, actiehouderPersonIds: _people, ...rest } = data;
    return { type, ...rest };
  }
  // A named actiehouder (actionHolder.person, sealed) stays inside the context: the contract's
  // actionHolder has no such field, and parsing leaves it out.
  return { type, ...data };
}
