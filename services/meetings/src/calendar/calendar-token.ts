import type { DomainEvent } from '@regie/es-core';

/**
 * A personal, revocable, read-only address of the calendar feed (for Outlook and the like, which
 * cannot send a bearer token). One stream per user: `calendar-tokens-<username>`. Only the sha256
 * of the secret in the address is recorded; the secret itself is shown once, when it is made.
 * Who made or revoked it is the event's actor. An address shows the meetings of the werkagenda's its
 * maker could read when it was made (`werkagendaIds`, `*` for all); addresses made before
 * werkagenda's had their own rights show all.
 */
export type CalendarTokenIssued = DomainEvent<
  'CalendarTokenIssued',
  { tokenId: string; secretHash: string; issuedAt: string; werkagendaIds?: string[] }
>;
export type CalendarTokenRevoked = DomainEvent<'CalendarTokenRevoked', { tokenId: string; revokedAt: string }>;
export type CalendarTokenEvent = CalendarTokenIssued | CalendarTokenRevoked;

export interface CalendarToken {
  tokenId: string;
  secretHash: string;
  issuedAt: string;
  /** Absent: every werkagenda (an address made before rights per werkagenda). */
  werkagendaIds?: string[];
  revokedAt: string | null;
}
export type CalendarTokensState = { tokens: CalendarToken[] };

export const calendarTokensStream = (username: string): string => 'calendar-tokens-' + username;

export const initialState = (): CalendarTokensState => ({ tokens: [] });

export const evolve = (state: CalendarTokensState, event: CalendarTokenEvent): CalendarTokensState => {
  switch (event.type) {
    case 'CalendarTokenIssued':
      return { tokens: [...state.tokens, { ...event.data, revokedAt: null }] };
    case 'CalendarTokenRevoked':
      return {
        tokens: state.tokens.map((t) => (t.tokenId === event.data.tokenId ? { ...t, revokedAt: event.data.revokedAt } : t)),
      };
    default: {
      const never: never = event;
      return never;
    }
  }
};

/** The active token whose secret has this hash, if any. */
export const activeToken = (state: CalendarTokensState, secretHash: string): CalendarToken | undefined =>
  state.tokens.find((t) => t.revokedAt === null && t.secretHash === secretHash);
