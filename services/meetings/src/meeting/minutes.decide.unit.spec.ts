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
  nominalDate: '2026-04-28',
  movedBecause: null,
  startsAt: '2026-04-28T08:00:00.000Z',
  endsAt: '2026-04-28T09:30:00.000Z',
};
const scheduled = (ref = kern): MeetingEvent => ({ type: 'MeetingScheduled', data: { ...ref, ...slot } });
const held = (ref = kern): MeetingEvent => ({ type: 'MeetingHeld', data: { ...ref, heldAt: '2026-04-28T10:00:00.000Z' } });
const approved: MeetingEvent = { type: 'MinutesApproved', data: { ...kern, approvedAt: '2026-05-19T10:00:00.000Z' } };
const sealed = (n: number) => ({
  subject: `0196a4a2-7c1e-7000-8000-0000000000f${n}`,
  alg: 'A256GCM' as const,
  iv: 'aXY',
  ciphertext: 'Y3Q',
  tag: 'dGFn',
});
const itemId = '0196a4a2-7c1e-7000-8000-0000000000c1';
const decisionId = '0196a4a2-7c1e-7000-8000-0000000000d1';
const correctionId = '0196a4a2-7c1e-7000-8000-0000000000d2';
const apId = '0196a4a2-7c1e-7000-8000-0000000000e1';

const attendance: MeetingCommand = { type: 'RecordAttendance', data: { meetingId, present: [sealed(1), sealed(2)], absent: [sealed(3)] } };
const notes: MeetingCommand = { type: 'RecordItemNotes', data: { meetingId, itemId, itemTitle: 'Opening', notes: 'Geen opmerkingen.' } };
const recorded = (ref = kern, decisionKind: 'operationeel' | 'strategisch' = 'operationeel'): MeetingEvent => ({
  type: 'DecisionRecorded',
  data: { ...ref, decisionId, text: 'Pilot verlengen', decisionKind, itemId },
});
const correct: MeetingCommand = {
  type: 'CorrectDecision',
  data: { meetingId, decisionId, correctionId, text: 'Pilot verlengen tot 2027', reason: 'Datum ontbrak' },
};
const withdraw = (id = decisionId): MeetingCommand => ({
  type: 'WithdrawDecision',
  data: { meetingId, decisionId: id, reason: 'Achterhaald' },
});
const assigned: MeetingEvent = {
  type: 'ActionPointAssigned',
  data: { ...kern, actionPointId: apId, text: 'Notitie opstellen', owner: sealed(1), dueDate: '2026-05-31' },
};
const reassign: MeetingCommand = {
  type: 'ReassignActionPoint',
  data: { meetingId, actionPointId: apId, owner: sealed(2), reason: 'Met verlof' },
};

const given = spec(meetingDecider).given;

describe('meeting: the verslag (attendance and notes per agenda item)', () => {
  it('records attendance and notes of a held meeting', () => {
    given([scheduled(), held()])
      .when(attendance)
      .then([{ type: 'AttendanceRecorded', data: { ...kern, present: [sealed(1), sealed(2)], absent: [sealed(3)] } }]);
    given([scheduled(), held()])
      .when(notes)
      .then([{ type: 'ItemNotesRecorded', data: { ...kern, itemId, itemTitle: 'Opening', notes: 'Geen opmerkingen.' } }]);
  });

  it('refuses attendance without anyone present, naming the field', () => {
    given([scheduled(), held()])
      .when({ type: 'RecordAttendance', data: { meetingId, present: [], absent: [sealed(3)] } })
      .thenThrows(InvalidInput, 'ten minste één aanwezige');
  });

  it('refuses attendance and notes before the meeting was held and once the verslag is approved', () => {
    given([scheduled()]).when(attendance).thenThrows(IllegalTransition, 'leg eerst vast dat het overleg gehouden is');
    given([scheduled(), held(), approved]).when(notes).thenThrows(IllegalTransition, 'het verslag is vastgesteld en ligt vast');
    given([scheduled(), held(), approved]).when(attendance).thenThrows(IllegalTransition, 'het verslag is vastgesteld');
    given([]).when(notes).thenThrows(NotFound);
  });

  it('ties a decision and an action point to the agenda item they came from', () => {
    given([scheduled(), held()])
      .when({ type: 'RecordDecision', data: { meetingId, decisionId, text: 'Pilot verlengen', decisionKind: 'operationeel', itemId } })
      .then([recorded()]);
    given([scheduled(), held()])
      .when({
        type: 'AssignActionPoint',
        data: { meetingId, actionPointId: apId, text: 'Notitie opstellen', owner: sealed(1), dueDate: '2026-05-31', itemId },
      })
      .then([{ ...assigned, data: { ...assigned.data, itemId } } as MeetingEvent]);
  });
});

describe('meeting: correcting and withdrawing a decision', () => {
  it('corrects a decision by a new version of the same kind, also after the verslag was approved', () => {
    const corrected: MeetingEvent = {
      type: 'DecisionCorrected',
      data: { ...regie, decisionId, correctionId, text: 'Pilot verlengen tot 2027', decisionKind: 'strategisch', reason: 'Datum ontbrak' },
    };
    given([scheduled(regie), held(regie), recorded(regie, 'strategisch'), { ...approved, data: { ...approved.data, ...regie } }])
      .when(correct)
      .then([corrected]);
  });

  it('withdraws a decision with a reason, and the correction of a correction goes through its newest version', () => {
    given([scheduled(), held(), recorded()])
      .when(withdraw())
      .then([{ type: 'DecisionWithdrawn', data: { ...kern, decisionId, reason: 'Achterhaald' } }]);
    const corrected: MeetingEvent = {
      type: 'DecisionCorrected',
      data: { ...kern, decisionId, correctionId, text: 'x', decisionKind: 'operationeel', reason: 'y' },
    };
    given([scheduled(), held(), recorded(), corrected]).when(correct).thenThrows(IllegalTransition, 'pas de nieuwste versie aan');
    given([scheduled(), held(), recorded(), corrected])
      .when(withdraw(correctionId))
      .then([{ type: 'DecisionWithdrawn', data: { ...kern, decisionId: correctionId, reason: 'Achterhaald' } }]);
  });

  it('refuses to change a withdrawn or unknown decision', () => {
    const withdrawn: MeetingEvent = { type: 'DecisionWithdrawn', data: { ...kern, decisionId, reason: 'Achterhaald' } };
    given([scheduled(), held(), recorded(), withdrawn]).when(correct).thenThrows(IllegalTransition, 'dit besluit is ingetrokken');
    given([scheduled(), held(), recorded(), withdrawn]).when(withdraw()).thenThrows(IllegalTransition, 'ingetrokken');
    given([scheduled(), held()]).when(withdraw()).thenThrows(NotFound, 'besluit');
  });
});

describe('meeting: reassigning an action point', () => {
  it('gives an open action point a new owner with a reason, also after approval', () => {
    given([scheduled(), held(), assigned, approved])
      .when(reassign)
      .then([{ type: 'ActionPointReassigned', data: { ...kern, actionPointId: apId, owner: sealed(2), reason: 'Met verlof' } }]);
  });

  it('refuses to reassign a completed or unknown action point', () => {
    const completed: MeetingEvent = { type: 'ActionPointCompleted', data: { ...kern, actionPointId: apId, completedOn: '2026-05-20' } };
    given([scheduled(), held(), assigned, completed]).when(reassign).thenThrows(IllegalTransition, 'al afgerond');
    given([scheduled(), held()]).when(reassign).thenThrows(NotFound, 'actiepunt');
  });
});
