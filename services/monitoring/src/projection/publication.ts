import { createHash } from 'node:crypto';
import { type DomainEvent, FIRST_WERKAGENDA_ID } from '@regie/es-core';

/**
 * A quarterly projection presented to the regiegroep, frozen as an event (stream
 * `projection-<quarter>`). Each publication is a new version; earlier versions never change.
 *
 * `text` is the computed projection as the exact JSON text that was served at that moment, and
 * `sha256` the digest of its UTF-8 bytes. The event store keeps event data as jsonb, which does
 * not keep the key order of an object but keeps a string byte for byte: the frozen document is
 * therefore a string. Events recorded before that carry `document` (an object); their text is
 * the canonical JSON of it (keys sorted at every depth), the same whether the event comes from
 * the database or from the appending process's memory (see frozenText).
 */
export type ProjectionPublished = DomainEvent<
  'ProjectionPublished',
  { quarter: string; version: number; publishedAt: string; werkagendaId?: string } & (
    { text: string; sha256: string } | { document: unknown }
  )
>;
export type PublicationEvent = ProjectionPublished;

export type PublicationState = { versions: number };

export const projectionStream = (key: string): string => 'projection-' + key;

/**
 * The projections of one werkagenda and quarter: the first werkagenda keeps the bare quarter its
 * history was written with (`projection-2026-Q4`, events without `werkagendaId`); every later
 * werkagenda's read `<werkagendaId>:<quarter>`. Each has its own versions.
 */
export const publicationKey = (werkagendaId: string, quarter: string): string =>
  werkagendaId === FIRST_WERKAGENDA_ID ? quarter : `${werkagendaId}:${quarter}`;

export const initialState = (): PublicationState => ({ versions: 0 });

export const evolve = (state: PublicationState, event: PublicationEvent): PublicationState =>
  event.type === 'ProjectionPublished' ? { versions: event.data.version } : state;

/** The hex sha256 of a text's UTF-8 bytes. */
export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with the keys of every object sorted: one text for one value, whatever order its keys came in. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sorted(value));

const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
};

/** The frozen text of a publication: as recorded, or (events before the text was kept) its canonical JSON. */
export const frozenText = (data: ProjectionPublished['data']): string => ('text' in data ? data.text : canonicalJson(data.document));
