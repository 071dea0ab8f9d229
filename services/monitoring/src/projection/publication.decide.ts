import { QUARTER_PATTERN } from '@regie/calendar';
import { type Decider, FIRST_WERKAGENDA_ID, InvalidInput } from '@regie/es-core';
import { evolve, initialState, type PublicationEvent, type PublicationState, sha256Of } from './publication';

/** `werkagendaId` absent: the first werkagenda (as every publication before werkagenda's were tenants). */
export type PublishProjection = {
  type: 'PublishProjection';
  data: { quarter: string; publishedAt: string; document: unknown; werkagendaId?: string };
};
export type PublicationCommand = PublishProjection;

export const decide = (command: PublicationCommand, state: PublicationState): PublicationEvent[] => {
  const { quarter, publishedAt, document, werkagendaId } = command.data;
  if (!QUARTER_PATTERN.test(quarter)) throw new InvalidInput('quarter', 'verwacht een kwartaal als 2026-Q4');
  // Frozen as text: the exact bytes every later read serves, whichever way the event is read back.
  const text = JSON.stringify(document);
  const version = state.versions + 1;
  const tenant = werkagendaId && werkagendaId !== FIRST_WERKAGENDA_ID ? { werkagendaId } : {};
  return [{ type: 'ProjectionPublished', data: { quarter, version, publishedAt, ...tenant, text, sha256: sha256Of(text) } }];
};

export const publicationDecider: Decider<PublicationCommand, PublicationEvent, PublicationState> = { decide, evolve, initialState };
