import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { CalendarTokenIssued, CalendarTokenRevoked } from './calendar-token';
import { calendarTokenDecider, MAX_ACTIVE_TOKENS } from './calendar-token.decide';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const issued = (n: number): CalendarTokenIssued => ({
  type: 'CalendarTokenIssued',
  data: { tokenId: `t${n}`, secretHash: hash(n), issuedAt: '2026-12-01T09:00:00.000Z', werkagendaIds: ['*'] },
});
const revoked = (n: number): CalendarTokenRevoked => ({
  type: 'CalendarTokenRevoked',
  data: { tokenId: `t${n}`, revokedAt: '2026-12-02T09:00:00.000Z' },
});
const issue = (n: number) => ({ type: 'IssueCalendarToken' as const, data: { ...issued(n).data, werkagendaIds: ['*'] } });
const revoke = (n: number) => ({ type: 'RevokeCalendarToken' as const, data: revoked(n).data });

describe('personal calendar addresses', () => {
  it('records an address made, and its revocation', () => {
    spec(calendarTokenDecider)
      .given([])
      .when(issue(1))
      .then([issued(1)]);
    spec(calendarTokenDecider)
      .given([issued(1)])
      .when(revoke(1))
      .then([revoked(1)]);
  });

  it('refuses an address for someone with rights in no werkagenda: it would show nothing', () => {
    spec(calendarTokenDecider)
      .given([])
      .when({ type: 'IssueCalendarToken', data: { ...issued(1).data, werkagendaIds: [] } })
      .thenThrows(InvalidInput);
  });

  it('refuses to revoke an address that does not exist or was revoked already, alike', () => {
    spec(calendarTokenDecider)
      .given([issued(1)])
      .when(revoke(2))
      .thenThrows(NotFound);
    spec(calendarTokenDecider)
      .given([issued(1), revoked(1)])
      .when(revoke(1))
      .thenThrows(NotFound);
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} active addresses; a revoked one makes room`, () => {
    const ten = Array.from({ length: MAX_ACTIVE_TOKENS }, (_, i) => issued(i + 1));
    spec(calendarTokenDecider).given(ten).when(issue(11)).thenThrows(IllegalTransition);
    spec(calendarTokenDecider)
      .given([...ten, revoked(3)])
      .when(issue(11))
      .then([issued(11)]);
  });
});
