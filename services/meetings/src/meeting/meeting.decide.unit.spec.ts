import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { MeetingEvent, MeetingRef } from './meeting';
import { type MeetingCommand, meetingDecider } from './meeting.decide';

const kern: MeetingRef = {
  meetingId: '0196a4a2-7c1e-7000-8000-00000000000a',
  seriesId: '0196a4a2-7c1e-7000-8000-00000000000b',
  kind: 'kerngroep',
};
const regie: MeetingRef = { ...kern, kind: 'regiegroep' };
const { meetingId } = kern;
const slot = {
  index: 3,
  nominalDate: '2026-04-27',
  movedBecause: 'Koningsdag',
  startsAt: '2026-04-28T08:00:00.000Z',
  endsAt: '2026-04-28T09:30:00.000Z',
};

const schedule = (ref: MeetingRef = kern): MeetingCommand => ({ type: 'ScheduleMeeting', data: { ...ref, ...slot } });
const scheduled = (ref: MeetingRef = kern): MeetingEvent => ({ type: 'MeetingScheduled', data: { ...ref, ...slot } });
const before = '2026-04-20T09:00:00.000Z';
const after = '2026-04-28T10:00:00.000Z';
const reschedule = (startsAt: string, now = before): MeetingCommand => ({
  type: 'RescheduleMeeting',
  data: { meetingId, startsAt, reason: 'voorzitter verhinderd', now },
});
const cancel: MeetingCommand = { type: 'CancelMeeting', data: { meetingId, reason: 'te weinig agendapunten' } };
const cancelled = (ref = kern, sequence = 1): MeetingEvent => ({
  type: 'MeetingCancelled',
  data: { ...ref, reason: 'te weinig agendapunten', sequence },
});
const item = {
  id: '0196a4a2-7c1e-7000-8000-0000000000c1',
  title: 'Opening',
  source: { type: 'standing' as const, ref: 'opening' },
  order: 1,
};
const publish: MeetingCommand = { type: 'PublishAgenda', data: { meetingId, items: [item] } };
const published = (ref = kern): MeetingEvent => ({ type: 'AgendaPublished', data: { ...ref, items: [item] } });
const add: MeetingCommand = { type: 'AddAgendaItem', data: { meetingId, itemId: item.id, title: 'Communicatie pilotregio’s' } };
const withdraw: MeetingCommand = { type: 'WithdrawAgendaItem', data: { meetingId, itemId: item.id, title: 'Opening' } };
const withdrawn: MeetingEvent = { type: 'AgendaItemWithdrawn', data: { ...kern, itemId: item.id, title: 'Opening' } };
const during = '2026-04-28T09:00:00.000Z';
const held = (ref = kern, now = during): MeetingEvent => ({ type: 'MeetingHeld', data: { ...ref, heldAt: now, recordedAt: now } });
/** Holding sends the draft as composed at that moment: frozen with the holding when never published. */
const markHeld = (now = during): MeetingCommand => ({ type: 'MarkMeetingHeld', data: { meetingId, now, draft: [item] } });
const frozenByHolding = (ref = kern): MeetingEvent => ({ type: 'AgendaPublished', data: { ...ref, items: [item], frozenBy: 'held' } });
const changeChair = (chair: string, previousChair: string | null = 'VWS'): MeetingCommand => ({
  type: 'ChangeMeetingChair',
  data: { meetingId, chair, previousChair },
});
const decision = (decisionKind: 'operationeel' | 'strategisch'): MeetingCommand => ({
  type: 'RecordDecision',
  data: { meetingId, decisionId: '0196a4a2-7c1e-7000-8000-0000000000d1', text: 'Pilot verlengen', decisionKind },
});
const apId = '0196a4a2-7c1e-7000-8000-0000000000e1';
/** The owner arrives sealed (personal data): the decider only carries it. */
const owner = { subject: '0196a4a2-7c1e-7000-8000-0000000000f1', alg: 'A256GCM' as const, iv: 'aXY', ciphertext: 'Y3Q', tag: 'dGFn' };
const assign: MeetingCommand = {
  type: 'AssignActionPoint',
  data: { meetingId, actionPointId: apId, text: 'Notitie opstellen', owner, dueDate: '2026-05-31' },
};
const assigned: MeetingEvent = {
  type: 'ActionPointAssigned',
  data: { ...kern, actionPointId: apId, text: 'Notitie opstellen', owner, dueDate: '2026-05-31' },
};
const complete: MeetingCommand = { type: 'CompleteActionPoint', data: { meetingId, actionPointId: apId, completedOn: '2026-05-20' } };
const approve: MeetingCommand = { type: 'ApproveMinutes', data: { meetingId, now: '2026-05-19T10:00:00.000Z' } };
const approved: MeetingEvent = { type: 'MinutesApproved', data: { ...kern, approvedAt: '2026-05-19T10:00:00.000Z' } };

const given = spec(meetingDecider).given;

describe('meeting: scheduling', () => {
  it('schedules an occurrence, remembering the holiday that moved it', () => {
    given([]).when(schedule()).then([scheduled()]);
  });

  it('records nothing when the horizon job proposes an occurrence that exists (even if rescheduled or cancelled)', () => {
    given([scheduled()]).when(schedule()).then([]);
    given([scheduled(), cancelled()]).when(schedule()).then([]);
  });

  it('reschedules one occurrence with a reason, keeping its duration and raising the sequence', () => {
    given([scheduled()])
      .when(reschedule('2026-04-29T12:00:00+02:00'))
      .then([
        {
          type: 'MeetingRescheduled',
          data: {
            ...kern,
            previousStartsAt: slot.startsAt,
            startsAt: '2026-04-29T10:00:00.000Z',
            endsAt: '2026-04-29T11:30:00.000Z',
            reason: 'voorzitter verhinderd',
            sequence: 1,
          },
        },
      ]);
  });

  it('refuses to reschedule to the same moment or into the past', () => {
    given([scheduled()]).when(reschedule('2026-04-28T10:00:00+02:00')).thenThrows(InvalidInput, 'het overleg staat al op dit tijdstip');
    given([scheduled()]).when(reschedule('2026-04-01T10:00:00.000Z')).thenThrows(InvalidInput, 'verleden');
  });

  it('refuses to reschedule a cancelled or held meeting', () => {
    given([scheduled(), cancelled()]).when(reschedule('2026-04-29T10:00:00.000Z')).thenThrows(IllegalTransition, 'geannuleerd');
    given([scheduled(), held()]).when(reschedule('2026-05-29T10:00:00.000Z', after)).thenThrows(IllegalTransition, 'gehouden');
  });

  it('cancels with a reason and raises the sequence; not twice, not after it was held', () => {
    given([scheduled()]).when(cancel).then([cancelled()]);
    given([scheduled(), cancelled()]).when(cancel).thenThrows(IllegalTransition, 'het overleg is al geannuleerd');
    given([scheduled(), held()]).when(cancel).thenThrows(IllegalTransition);
  });

  it.each([
    ['reschedule', reschedule('2026-04-29T10:00:00.000Z')],
    ['cancel', cancel],
    ['publish', publish],
    ['hold', markHeld()],
  ])('refuses to %s a meeting that does not exist', (_, command) =>
    given([]).when(command).thenThrows(NotFound, `overleg ${meetingId} bestaat niet`),
  );
});

describe('meeting: agenda', () => {
  it('adds, withdraws and reorders items while the agenda is a draft', () => {
    given([scheduled()])
      .when(add)
      .then([{ type: 'AgendaItemAdded', data: { ...kern, itemId: item.id, title: 'Communicatie pilotregio’s' } }]);
    given([scheduled()]).when(withdraw).then([withdrawn]);
    given([scheduled()])
      .when({ type: 'ReorderAgenda', data: { meetingId, itemIds: ['a', 'b'] } })
      .then([{ type: 'AgendaReordered', data: { ...kern, itemIds: ['a', 'b'] } }]);
  });

  it('refuses to withdraw an item twice, and a reorder naming an item twice', () => {
    given([scheduled(), withdrawn]).when(withdraw).thenThrows(IllegalTransition, 'het agendapunt is al teruggetrokken');
    given([scheduled()])
      .when({ type: 'ReorderAgenda', data: { meetingId, itemIds: ['a', 'a'] } })
      .thenThrows(InvalidInput);
  });

  it('publishes the composed items, frozen in the event', () => {
    given([scheduled()]).when(publish).then([published()]);
  });

  it('refuses an empty agenda', () => {
    given([scheduled()])
      .when({ type: 'PublishAgenda', data: { meetingId, items: [] } })
      .thenThrows(InvalidInput);
  });

  it.each([
    ['add', add],
    ['withdraw', withdraw],
    ['publish', publish],
  ])('freezes a published agenda: refuses to %s', (_, command) => {
    given([scheduled(), published()]).when(command).thenThrows(IllegalTransition, 'de agenda is al gepubliceerd en ligt vast');
  });

  it('refuses agenda changes to a cancelled or held meeting', () => {
    given([scheduled(), cancelled()]).when(add).thenThrows(IllegalTransition, 'het overleg is geannuleerd');
    given([scheduled(), held()]).when(publish).thenThrows(IllegalTransition, 'het overleg is al gehouden');
  });
});

describe('meeting: record', () => {
  it('is held once it has begun; a published agenda stays as it was published', () => {
    given([scheduled(), published()]).when(markHeld()).then([held()]);
  });

  it('freezes a draft never published when held: the agenda as it stands is published with the holding', () => {
    given([scheduled()]).when(markHeld()).then([frozenByHolding(), held()]);
    given([scheduled(), frozenByHolding(), held()]).when(add).thenThrows(IllegalTransition, 'het overleg is al gehouden');
  });

  it('may be recorded as held after it ended: it took place at its start, the moment of recording is kept', () => {
    const weekLater = '2026-05-05T10:00:00.000Z';
    given([scheduled(), published()])
      .when(markHeld(weekLater))
      .then([{ type: 'MeetingHeld', data: { ...kern, heldAt: slot.startsAt, recordedAt: weekLater } }]);
  });

  it('refuses to be held before it begins, twice, or when cancelled', () => {
    given([scheduled()]).when(markHeld(before)).thenThrows(IllegalTransition, 'begonnen');
    given([scheduled(), held()]).when(markHeld()).thenThrows(IllegalTransition, 'het overleg is al gehouden');
    given([scheduled(), cancelled()]).when(markHeld()).thenThrows(IllegalTransition);
  });

  it('records an operational decision in a kerngroep that was held', () => {
    given([scheduled(), held()])
      .when(decision('operationeel'))
      .then([
        {
          type: 'DecisionRecorded',
          data: { ...kern, decisionId: '0196a4a2-7c1e-7000-8000-0000000000d1', text: 'Pilot verlengen', decisionKind: 'operationeel' },
        },
      ]);
  });

  it('refuses a strategic decision in a kerngroep, with a Dutch reason', () => {
    given([scheduled(), held()])
      .when(decision('strategisch'))
      .thenThrows(IllegalTransition, 'een strategisch besluit hoort in de regiegroep; de kerngroep neemt operationele besluiten');
  });

  it('records a strategic decision in a regiegroep', () => {
    given([scheduled(regie), held(regie)])
      .when(decision('strategisch'))
      .then([
        {
          type: 'DecisionRecorded',
          data: { ...regie, decisionId: '0196a4a2-7c1e-7000-8000-0000000000d1', text: 'Pilot verlengen', decisionKind: 'strategisch' },
        },
      ]);
  });

  it('refuses decisions and action points before the meeting was held, and after the minutes were approved', () => {
    given([scheduled()]).when(decision('operationeel')).thenThrows(IllegalTransition, 'leg eerst vast dat het overleg gehouden is');
    given([scheduled()]).when(assign).thenThrows(IllegalTransition, 'leg eerst vast');
    given([scheduled(), held(), approved]).when(assign).thenThrows(IllegalTransition, 'het verslag is vastgesteld en ligt vast');
  });

  it('assigns an action point with owner and due date, and completes it once', () => {
    given([scheduled(), held()]).when(assign).then([assigned]);
    given([scheduled(), held(), assigned])
      .when(complete)
      .then([{ type: 'ActionPointCompleted', data: { ...kern, actionPointId: apId, completedOn: '2026-05-20' } }]);
    given([
      scheduled(),
      held(),
      assigned,
      { type: 'ActionPointCompleted', data: { ...kern, actionPointId: apId, completedOn: '2026-05-20' } },
    ])
      .when(complete)
      .thenThrows(IllegalTransition, 'het actiepunt is al afgerond');
  });

  it('completes an action point after the minutes were approved, but not one that does not exist', () => {
    given([scheduled(), held(), assigned, approved])
      .when(complete)
      .thenState((s) => expect(s.actionPoints[apId]).toEqual({ done: true }));
    given([scheduled(), held()]).when(complete).thenThrows(NotFound, `actiepunt ${apId} bestaat niet`);
  });

  it('approves the minutes of a held meeting once', () => {
    given([scheduled(), held()]).when(approve).then([approved]);
    given([scheduled(), held(), approved]).when(approve).thenThrows(IllegalTransition, 'het verslag is al vastgesteld');
    given([scheduled()]).when(approve).thenThrows(IllegalTransition);
  });
});

describe('meeting: the chair', () => {
  it("changes the chair of one meeting from the series' chair, recording the previous one", () => {
    given([scheduled(regie)])
      .when(changeChair('DG Curatieve Zorg', null))
      .then([{ type: 'MeetingChairChanged', data: { ...regie, chair: 'DG Curatieve Zorg', previousChair: null } }]);
    given([scheduled(), { type: 'MeetingChairChanged', data: { ...kern, chair: 'GGZ Nederland', previousChair: 'VWS' } }])
      .when(changeChair('VWS', 'GGZ Nederland'))
      .then([{ type: 'MeetingChairChanged', data: { ...kern, chair: 'VWS', previousChair: 'GGZ Nederland' } }]);
  });

  it('refuses the chair it already has, and a change once cancelled or once the minutes are approved', () => {
    given([scheduled()]).when(changeChair('VWS')).thenThrows(IllegalTransition, 'VWS is al de voorzitter van dit overleg');
    given([scheduled(), cancelled()]).when(changeChair('GGZ Nederland')).thenThrows(IllegalTransition, 'geannuleerd');
    given([scheduled(), published(), held(), approved]).when(changeChair('GGZ Nederland')).thenThrows(IllegalTransition, 'verslag');
  });

  it('may still change the chair after the meeting was held, until the minutes are approved', () => {
    given([scheduled(), published(), held()])
      .when(changeChair('GGZ Nederland'))
      .then([{ type: 'MeetingChairChanged', data: { ...kern, chair: 'GGZ Nederland', previousChair: 'VWS' } }]);
  });
});

describe('meeting: ad-hoc overleg and public holidays', () => {
  const adHoc = {
    werkagendaId: 'betekenisvol-leven-2025-2028',
    title: 'Kleinschalig overleg actie 2.1',
    actionCode: '2.1',
    chair: 'VWS',
    participants: ['VWS'],
  };
  const onKingsDay = { meetingId, startsAt: '2026-04-27T08:00:00.000Z', endsAt: '2026-04-27T09:00:00.000Z', adHoc };
  const scheduledAdHoc: MeetingEvent = {
    type: 'MeetingScheduled',
    data: { ...onKingsDay, seriesId: meetingId, kind: 'overleg', index: 0, nominalDate: '2026-04-27', movedBecause: null },
  };

  it('refuses an ad-hoc meeting on a public holiday, naming it, until the coordinator confirms the date', () => {
    given([])
      .when({ type: 'ScheduleAdHocMeeting', data: onKingsDay })
      .thenThrows(IllegalTransition, /27 april 2026 is Koningsdag/);
    given([])
      .when({ type: 'ScheduleAdHocMeeting', data: { ...onKingsDay, confirmHoliday: true } })
      .then([scheduledAdHoc]);
  });

  it('schedules an ad-hoc meeting on a working day as its own one-off overleg, once', () => {
    const data = { ...onKingsDay, startsAt: '2026-04-28T08:00:00.000Z', endsAt: '2026-04-28T09:00:00.000Z' };
    given([])
      .when({ type: 'ScheduleAdHocMeeting', data })
      .then([{ type: 'MeetingScheduled', data: { ...scheduledAdHoc.data, ...data, nominalDate: '2026-04-28' } }]);
    given([scheduledAdHoc]).when({ type: 'ScheduleAdHocMeeting', data }).thenThrows(IllegalTransition);
  });

  it('takes operational decisions only in an overleg', () => {
    const ref: MeetingRef = { meetingId, seriesId: meetingId, kind: 'overleg' };
    given([scheduledAdHoc, held(ref)])
      .when({ type: 'RecordDecision', data: { meetingId, decisionId: item.id, text: 'x', decisionKind: 'strategisch' } })
      .thenThrows(IllegalTransition);
  });

  it('refuses rescheduling onto a public holiday unless confirmed, and may change the end with the start', () => {
    const tweedePaasdag = '2026-04-06T08:00:00.000Z';
    given([scheduled()])
      .when(reschedule(tweedePaasdag, '2026-03-20T09:00:00.000Z'))
      .thenThrows(IllegalTransition, /Tweede paasdag/);
    given([scheduled()])
      .when({
        type: 'RescheduleMeeting',
        data: {
          meetingId,
          startsAt: tweedePaasdag,
          endsAt: '2026-04-06T10:00:00.000Z',
          reason: 'r',
          now: '2026-03-20T09:00:00.000Z',
          confirmHoliday: true,
        },
      })
      .then([
        {
          type: 'MeetingRescheduled',
          data: {
            ...kern,
            previousStartsAt: slot.startsAt,
            startsAt: tweedePaasdag,
            endsAt: '2026-04-06T10:00:00.000Z',
            reason: 'r',
            sequence: 1,
          },
        },
      ]);
  });
});
