import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import {
  type Due,
  type FulfilmentDocument,
  type CommitmentBecameOverdue,
  type CommitmentDueSoon,
  type CommitmentEvent,
  type CommitmentFulfilled,
  type CommitmentPostponed,
  type CommitmentRegistered,
  type CommitmentWithdrawn,
  commitmentStream,
} from './commitment';
import { type CommitmentCommand, commitmentDecider, decide } from './commitment.decide';

const commitmentId = '0196a4a2-7c1e-7000-8000-0000000000c1';
const eind2025: Due = { text: 'eind 2025', date: '2025-12-31' };
const q1: Due = { text: 'Q1 2026', date: '2026-03-31' };
const document: FulfilmentDocument = { kenmerk: '4357720-1094902-LZ', title: "Kamerbrief 'Voortgang Langdurige ggz'", date: '2026-02-27' };

const registration = {
  commitmentId,
  text: 'Voor het einde van dit jaar de Kamer informeren over de voortgang',
  madeBy: { text: 'Staatssecretaris van VWS', persons: [] },
  madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
  due: eind2025,
  actionCodes: ['0'],
  externalRef: null,
};
const register: CommitmentCommand = { type: 'RegisterCommitment', data: registration };
const postpone = (due = q1, reason = 'uitloop van het evaluatieonderzoek'): CommitmentCommand => ({
  type: 'PostponeCommitment',
  data: { commitmentId, due, reason },
});
const fulfil = (today = '2026-03-01', doc = document): CommitmentCommand => ({
  type: 'FulfilCommitment',
  data: { commitmentId, document: doc, today },
});
const withdraw: CommitmentCommand = { type: 'WithdrawCommitment', data: { commitmentId, reason: 'vervallen na kabinetswissel' } };
const markOverdue = (dueDate: string, today: string): CommitmentCommand => ({
  type: 'MarkCommitmentOverdue',
  data: { commitmentId, dueDate, today },
});
const markDueSoon = (dueDate: string, today: string, lookaheadDays = 42): CommitmentCommand => ({
  type: 'MarkCommitmentDueSoon',
  data: { commitmentId, dueDate, today, lookaheadDays },
});

const registered: CommitmentRegistered = { type: 'CommitmentRegistered', data: registration };
const postponed: CommitmentPostponed = {
  type: 'CommitmentPostponed',
  data: { commitmentId, previousDue: eind2025, due: q1, reason: 'uitloop van het evaluatieonderzoek', source: null },
};
const fulfilled: CommitmentFulfilled = { type: 'CommitmentFulfilled', data: { commitmentId, document } };
const withdrawn: CommitmentWithdrawn = {
  type: 'CommitmentWithdrawn',
  data: { commitmentId, reason: 'vervallen na kabinetswissel', source: null },
};
const overdue = (dueDate = '2025-12-31'): CommitmentBecameOverdue => ({ type: 'CommitmentBecameOverdue', data: { commitmentId, dueDate } });
const dueSoon = (dueDate = '2025-12-31'): CommitmentDueSoon => ({
  type: 'CommitmentDueSoon',
  data: { commitmentId, dueDate, lookaheadDays: 42, text: registration.text, actionCodes: ['0'] },
});

const given = (history: CommitmentEvent[]) => spec(commitmentDecider).given(history);

describe('commitment', () => {
  describe('registering', () => {
    it('registers a commitment with its source, due date and linked actions, as open', () => {
      given([]).when(register).then([registered]);
      given([])
        .when(register)
        .thenState((s) => expect(s).toMatchObject({ status: 'open', due: eind2025, actionCodes: ['0'] }));
    });

    it('refuses to register the same commitment twice', () => {
      given([registered])
        .when(register)
        .thenThrows(IllegalTransition, /bestaat al/);
    });
  });

  it.each([
    ['postpone', postpone()],
    ['fulfil', fulfil()],
    ['withdraw', withdraw],
  ])('refuses to %s a commitment that does not exist', (_, command) => {
    given([]).when(command).thenThrows(NotFound, `toezegging ${commitmentId} bestaat niet`);
  });

  describe('postponing', () => {
    it('postpones to a later due date, keeping the previous one and the reason', () => {
      given([registered]).when(postpone()).then([postponed]);
      given([registered])
        .when(postpone())
        .thenState((s) => expect(s).toMatchObject({ status: 'postponed', due: q1 }));
    });

    it('keeps the chain: a second postponement starts from the first one’s date', () => {
      const najaar = { text: 'najaar 2026', date: '2026-11-30' };
      given([registered, postponed])
        .when(postpone(najaar, 'opnieuw later'))
        .then([
          { type: 'CommitmentPostponed', data: { commitmentId, previousDue: q1, due: najaar, reason: 'opnieuw later', source: null } },
        ]);
    });

    it('lifts an overdue commitment to postponed', () => {
      given([registered, overdue()])
        .when(postpone())
        .thenState((s) => expect(s.status).toBe('postponed'));
    });

    it('refuses a postponement to the same date or an earlier one, naming the field', () => {
      given([registered])
        .when(postpone({ text: '2025-12-31', date: '2025-12-31' }))
        .thenThrows(InvalidInput, /dezelfde datum/);
      given([registered])
        .when(postpone({ text: 'najaar 2025', date: '2025-11-30' }))
        .thenThrows(InvalidInput, /latere datum dan 2025-12-31/);
      const state = commitmentDecider.evolve(commitmentDecider.initialState(), registered);
      expect(() => decide(postpone({ text: 'x', date: '2025-01-01' }), state)).toThrow(expect.objectContaining({ field: 'due' }));
    });

    it('allows postponing to an unknown date, and from an unknown date to a known one', () => {
      const unknown = { text: 'onbekend', date: null };
      given([registered])
        .when(postpone(unknown))
        .thenState((s) => expect(s.due).toEqual(unknown));
      given([{ ...registered, data: { ...registration, due: unknown } }])
        .when(postpone(q1))
        .thenState((s) => expect(s.due).toEqual(q1));
    });

    it('refuses to postpone a fulfilled or a withdrawn commitment', () => {
      given([registered, fulfilled]).when(postpone()).thenThrows(IllegalTransition, 'een nagekomen toezegging kan niet uitgesteld worden');
      given([registered, withdrawn])
        .when(postpone())
        .thenThrows(IllegalTransition, 'een ingetrokken toezegging kan niet uitgesteld worden');
    });
  });

  describe('fulfilling', () => {
    it.each([
      ['an open', [registered]],
      ['a postponed', [registered, postponed]],
      ['an overdue', [registered, overdue()]],
    ])('fulfils %s commitment by a document', (_, history) => {
      given(history as CommitmentEvent[])
        .when(fulfil())
        .then([fulfilled]);
    });

    it('accepts a document whose kenmerk and date the source does not give', () => {
      const bare = { kenmerk: null, title: 'Kamerbrief pilotregio’s', date: null };
      given([registered])
        .when(fulfil('2026-03-01', bare))
        .then([{ type: 'CommitmentFulfilled', data: { commitmentId, document: bare } }]);
    });

    it('refuses a document dated in the future, naming document.date', () => {
      const state = commitmentDecider.evolve(commitmentDecider.initialState(), registered);
      expect(() => decide(fulfil('2026-02-26'), state)).toThrow(expect.objectContaining({ field: 'document.date' }));
    });

    it('refuses to fulfil twice, or to fulfil a withdrawn commitment', () => {
      given([registered, fulfilled]).when(fulfil()).thenThrows(IllegalTransition, 'de toezegging is al nagekomen');
      given([registered, withdrawn]).when(fulfil()).thenThrows(IllegalTransition, 'een ingetrokken toezegging kan niet nagekomen worden');
    });
  });

  describe('withdrawing', () => {
    it('withdraws an open, postponed or overdue commitment with a reason', () => {
      given([registered]).when(withdraw).then([withdrawn]);
      given([registered, postponed]).when(withdraw).then([withdrawn]);
      given([registered, overdue()]).when(withdraw).then([withdrawn]);
    });

    it('refuses to withdraw a fulfilled commitment, or to withdraw twice', () => {
      given([registered, fulfilled]).when(withdraw).thenThrows(IllegalTransition, 'een nagekomen toezegging kan niet ingetrokken worden');
      given([registered, withdrawn]).when(withdraw).thenThrows(IllegalTransition, 'de toezegging is al ingetrokken');
    });
  });

  describe('the deadline job (MarkCommitmentOverdue)', () => {
    it('records overdue once the due date has passed while the commitment is open', () => {
      given([registered]).when(markOverdue('2025-12-31', '2026-01-01')).then([overdue()]);
      given([registered])
        .when(markOverdue('2025-12-31', '2026-01-01'))
        .thenState((s) => expect(s.status).toBe('overdue'));
    });

    it('records overdue for a postponed commitment past its new due date', () => {
      given([registered, postponed])
        .when(markOverdue('2026-03-31', '2026-04-01'))
        .then([overdue('2026-03-31')]);
    });

    it('records nothing on the due date itself: due today is not overdue yet', () => {
      given([registered]).when(markOverdue('2025-12-31', '2025-12-31')).then([]);
    });

    it('records nothing when the job runs a second time', () => {
      given([registered, overdue()]).when(markOverdue('2025-12-31', '2026-01-02')).then([]);
    });

    it('records nothing for the old deadline after a postponement', () => {
      given([registered, postponed]).when(markOverdue('2025-12-31', '2026-01-01')).then([]);
    });

    it('records nothing for a fulfilled or withdrawn commitment, an unknown due date, or an unknown commitment', () => {
      given([registered, fulfilled]).when(markOverdue('2025-12-31', '2026-06-01')).then([]);
      given([registered, withdrawn]).when(markOverdue('2025-12-31', '2026-06-01')).then([]);
      given([{ ...registered, data: { ...registration, due: { text: 'onbekend', date: null } } }])
        .when(markOverdue('2025-12-31', '2026-06-01'))
        .then([]);
      given([]).when(markOverdue('2025-12-31', '2026-06-01')).then([]);
    });
  });

  describe('the look-ahead job (MarkCommitmentDueSoon)', () => {
    it('records due-soon within the look-ahead, with the text and actions for the agenda', () => {
      given([registered]).when(markDueSoon('2025-12-31', '2025-11-19')).then([dueSoon()]);
      given([registered]).when(markDueSoon('2025-12-31', '2025-12-31')).then([dueSoon()]);
    });

    it('records nothing before the look-ahead starts or after the due date', () => {
      given([registered]).when(markDueSoon('2025-12-31', '2025-11-18')).then([]);
      given([registered]).when(markDueSoon('2025-12-31', '2026-01-01')).then([]);
    });

    it('records it once per due date, and again for a new due date after a postponement', () => {
      given([registered, dueSoon()]).when(markDueSoon('2025-12-31', '2025-12-01')).then([]);
      given([registered, dueSoon(), postponed])
        .when(markDueSoon('2026-03-31', '2026-03-01'))
        .then([dueSoon('2026-03-31')]);
    });

    it('records nothing for an old due date, or once the commitment is closed or overdue', () => {
      given([registered, postponed]).when(markDueSoon('2025-12-31', '2025-12-01')).then([]);
      given([registered, fulfilled]).when(markDueSoon('2025-12-31', '2025-12-01')).then([]);
      given([registered, overdue()]).when(markDueSoon('2025-12-31', '2025-12-31')).then([]);
    });
  });

  describe('updating from the source (Tweede Kamer import)', () => {
    const update = (text: string, due = eind2025): CommitmentCommand => ({
      type: 'UpdateCommitmentFromSource',
      data: { commitmentId, text, due, sourceChangedAt: '2026-01-05T10:00:00+01:00' },
    });

    it('records a changed text or due date with the previous due date', () => {
      given([registered])
        .when(update('Nieuwe tekst', q1))
        .then([
          {
            type: 'CommitmentUpdated',
            data: { commitmentId, text: 'Nieuwe tekst', previousDue: eind2025, due: q1, sourceChangedAt: '2026-01-05T10:00:00+01:00' },
          },
        ]);
    });

    it('records nothing when text and due date are unchanged', () => {
      given([registered]).when(update(registration.text)).then([]);
    });

    it('lifts overdue to postponed when the source moves the due date, but not for a text change', () => {
      given([registered, overdue()])
        .when(update(registration.text, q1))
        .thenState((s) => expect(s.status).toBe('postponed'));
      given([registered, overdue()])
        .when(update('Andere tekst'))
        .thenState((s) => expect(s.status).toBe('overdue'));
    });

    it('refuses to update a commitment that does not exist', () => {
      given([]).when(update('x')).thenThrows(NotFound);
    });
  });

  it('names its stream after the commitment id', () => {
    expect(commitmentStream(commitmentId)).toBe(`commitment-${commitmentId}`);
  });
});
