import { type Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { type CalendarTokenEvent, type CalendarTokensState, evolve, initialState } from './calendar-token';

/** At most this many active addresses per user: enough for a phone, a laptop and a shared mailbox. */
export const MAX_ACTIVE_TOKENS = 10;

export type IssueCalendarToken = {
  type: 'IssueCalendarToken';
  data: { tokenId: string; secretHash: string; issuedAt: string; werkagendaIds: string[] };
};
export type RevokeCalendarToken = { type: 'RevokeCalendarToken'; data: { tokenId: string; revokedAt: string } };
export type CalendarTokenCommand = IssueCalendarToken | RevokeCalendarToken;

export const decide = (command: CalendarTokenCommand, state: CalendarTokensState): CalendarTokenEvent[] => {
  switch (command.type) {
    case 'IssueCalendarToken': {
      if (!/^[0-9a-f]{64}$/.test(command.data.secretHash)) throw new InvalidInput('secretHash', 'verwacht een sha256 in hex');
      if (state.tokens.filter((t) => t.revokedAt === null).length >= MAX_ACTIVE_TOKENS)
        throw new IllegalTransition(
          `u hebt al ${MAX_ACTIVE_TOKENS} actieve agenda-adressen; trek er eerst een in voordat u een nieuw adres maakt`,
        );
      if (command.data.werkagendaIds.length === 0)
        throw new InvalidInput('werkagendaIds', 'u hebt in geen enkele werkagenda rechten; een agenda-adres zou niets tonen');
      return [{ type: 'CalendarTokenIssued', data: command.data }];
    }
    case 'RevokeCalendarToken': {
      const token = state.tokens.find((t) => t.tokenId === command.data.tokenId);
      // Never made, someone else's (another stream) or already revoked: one answer, nothing to learn from it.
      if (!token || token.revokedAt !== null) throw new NotFound('dit agenda-adres bestaat niet of is al ingetrokken');
      return [{ type: 'CalendarTokenRevoked', data: command.data }];
    }
    default: {
      const never: never = command;
      return never;
    }
  }
};

export const calendarTokenDecider: Decider<CalendarTokenCommand, CalendarTokenEvent, CalendarTokensState> = {
  decide,
  evolve,
  initialState,
};
