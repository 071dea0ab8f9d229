import type { DomainEvent } from '@regie/es-core';

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

export type PublicationState = { versions: number };

export const projectionStream = (quarter: string): string => 'projection-' + quarter;

export const initialState = (): PublicationState => ({ versions: 0 });

export const evolve = (state: PublicationState, event: PublicationEvent): PublicationState =>
  event.type === 'ProjectionPublished' ? { versions: event.data.version } : state;
