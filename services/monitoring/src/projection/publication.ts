import { type Decider, type DomainEvent, InvalidInput } from '@regie/es-core';
import { QUARTER_PATTERN } from '@regie/calendar';

/**
 * A quarterly projection presented to the regiegroep, frozen as an event (stream
 * `projection-<quarter>`). Each publication is a new version; earlier versions never change.
 * `document` is the computed projection exactly as it was served at that moment.
 */
export type ProjectionPublished = DomainEvent<
  'ProjectionPublished',
  { quarter: string; version: number; publishedAt: string; document: unknown }
>;
export type PublicationEvent = ProjectionPublished;

export type PublishProjection = { type: 'PublishProjection'; data: { quarter: string; publishedAt: string; document: unknown } };
export type PublicationCommand = PublishProjection;

export type PublicationState = { versions: number };

export const projectionStream = (quarter: string): string => 'projection-' + quarter;

export const publicationDecider: Decider<PublicationCommand, PublicationEvent, PublicationState> = {
  initialState: () => ({ versions: 0 }),
  evolve: (state, event) => (event.type === 'ProjectionPublished' ? { versions: event.data.version } : state),
  decide: (command, state) => {
    const { quarter, publishedAt, document } = command.data;
    if (!QUARTER_PATTERN.test(quarter)) throw new InvalidInput('quarter', 'verwacht een kwartaal als 2026-Q4');
    return [{ type: 'ProjectionPublished', data: { quarter, version: state.versions + 1, publishedAt, document } }];
  },
};
