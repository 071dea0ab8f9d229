import { QUARTER_PATTERN } from '@regie/calendar';
import { type Decider, InvalidInput } from '@regie/es-core';
import { evolve, initialState, type PublicationEvent, type PublicationState } from './publication';

export type PublishProjection = { type: 'PublishProjection'; data: { quarter: string; publishedAt: string; document: unknown } };
export type PublicationCommand = PublishProjection;

export const decide = (command: PublicationCommand, state: PublicationState): PublicationEvent[] => {
  const { quarter, publishedAt, document } = command.data;
  if (!QUARTER_PATTERN.test(quarter)) throw new InvalidInput('quarter', 'verwacht een kwartaal als 2026-Q4');
  return [{ type: 'ProjectionPublished', data: { quarter, version: state.versions + 1, publishedAt, document } }];
};

export const publicationDecider: Decider<PublicationCommand, PublicationEvent, PublicationState> = { decide, evolve, initialState };
