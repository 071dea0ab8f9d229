import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import {
  MilestoneAchieved,
  MilestoneCancelled,
  MilestonePlanned,
  MilestoneReplanned,
  MilestoneStarted,
  isLate,
  milestoneStream,
} from './milestone';
import { MilestoneCommand, decide, milestoneDecider } from './milestone.decide';

const milestoneId = '0195f3c2-7a10-7c4e-9b2a-3d4e5f607182';
const actionCode = '2.1';
const ref = { milestoneId, actionCode };

const plan: MilestoneCommand = {
  type: 'PlanMilestone',
  data: { ...ref, title: 'Plan van aanpak gereed', dueDate: '2026-03-31' },
};
const start: MilestoneCommand = { type: 'StartMilestone', data: { milestoneId, startedOn: '2026-01-15' } };
const achieve = (achievedOn: string, today = '2026-03-20'): MilestoneCommand => ({
  type: 'AchieveMilestone',
  data: { milestoneId, achievedOn, today },
});
const replan = (dueDate: string): MilestoneCommand => ({
  type: 'ReplanMilestone',
  data: { milestoneId, dueDate, reason: 'evaluatie schuift op' },
});
const cancel: MilestoneCommand = { type: 'CancelMilestone', data: { milestoneId, reason: 'opgegaan in actie 2.2' } };

const planned: MilestonePlanned = {
  type: 'MilestonePlanned',
  data: { ...ref, title: 'Plan van aanpak gereed', dueDate: '2026-03-31', dueDateText: null },
};
const started: MilestoneStarted = { type: 'MilestoneStarted', data: { ...ref, startedOn: '2026-01-15' } };
const achieved: MilestoneAchieved = { type: 'MilestoneAchieved', data: { ...ref, achievedOn: '2026-03-18' } };
const replanned: MilestoneReplanned = {
  type: 'MilestoneReplanned',
  data: { ...ref, previousDueDate: '2026-03-31', dueDate: '2026-06-30', reason: 'evaluatie schuift op' },
};
const cancelled: MilestoneCancelled = { type: 'MilestoneCancelled', data: { ...ref, reason: 'opgegaan in actie 2.2' } };

const given = spec(milestoneDecider).given;

describe('milestone', () => {
  it('plans a milestone for an action with a due date', () => {
    given([]).when(plan).then([planned]);
  });

  it('refuses to plan the same milestone twice', () => {
    given([planned]).when(plan).thenThrows(IllegalTransition);
  });

  it.each([
    ['start', start],
    ['achieve', achieve('2026-03-18')],
    ['replan', replan('2026-06-30')],
    ['cancel', cancel],
  ])('refuses to %s a milestone that does not exist', (_, command) => {
    given([]).when(command).thenThrows(NotFound, `mijlpaal ${milestoneId} bestaat niet`);
  });

  describe('starting', () => {
    it('starts a planned milestone', () => {
      given([planned]).when(start).then([started]);
    });

    it('refuses to start a milestone that is already in progress', () => {
      given([planned, started]).when(start).thenThrows(IllegalTransition, 'de mijlpaal is al gestart');
    });

    it('refuses to start an achieved milestone', () => {
      given([planned, achieved]).when(start).thenThrows(IllegalTransition);
    });

    it('refuses to start a cancelled milestone', () => {
      given([planned, cancelled]).when(start).thenThrows(IllegalTransition);
    });
  });

  describe('achieving', () => {
    it('achieves a planned milestone straight away', () => {
      given([planned]).when(achieve('2026-03-18')).then([achieved]);
    });

    it('achieves a milestone in progress', () => {
      given([planned, started]).when(achieve('2026-03-18')).then([achieved]);
    });

    it('accepts a milestone achieved today', () => {
      given([planned, started])
        .when(achieve('2026-03-20', '2026-03-20'))
        .then([{ type: 'MilestoneAchieved', data: { ...ref, achievedOn: '2026-03-20' } }]);
    });

    it('refuses to achieve a milestone twice', () => {
      given([planned, achieved]).when(achieve('2026-03-19')).thenThrows(IllegalTransition);
    });

    it('refuses to achieve a cancelled milestone', () => {
      given([planned, cancelled])
        .when(achieve('2026-03-18'))
        .thenThrows(IllegalTransition, 'een geannuleerde mijlpaal kan niet behaald worden');
    });

    it('refuses an achievement date in the future', () => {
      const tomorrow = achieve('2026-03-21', '2026-03-20');
      given([planned, started]).when(tomorrow).thenThrows(InvalidInput, 'een mijlpaal kan niet in de toekomst behaald zijn');
      const state = [planned, started].reduce(milestoneDecider.evolve, milestoneDecider.initialState());
      expect(() => decide(tomorrow, state)).toThrow(expect.objectContaining({ field: 'achievedOn' }));
    });

    it('refuses an achievement date before the milestone started, and takes the start day itself', () => {
      given([planned, started])
        .when(achieve('2026-01-14'))
        .thenThrows(InvalidInput, 'een mijlpaal kan niet behaald zijn vóór de start (gestart op 2026-01-15)');
      given([planned, started])
        .when(achieve('2026-01-15'))
        .then([{ type: 'MilestoneAchieved', data: { ...ref, achievedOn: '2026-01-15' } }]);
      given([planned])
        .when(achieve('2025-12-01'))
        .then([{ type: 'MilestoneAchieved', data: { ...ref, achievedOn: '2025-12-01' } }]); // never started: any past date
    });
  });

  describe('replanning', () => {
    it('replans a planned milestone, recording the previous due date and the reason', () => {
      given([planned]).when(replan('2026-06-30')).then([replanned]);
    });

    it('replans a milestone in progress', () => {
      given([planned, started]).when(replan('2026-06-30')).then([replanned]);
    });

    it('refuses to replan an achieved milestone', () => {
      given([planned, achieved]).when(replan('2026-06-30')).thenThrows(IllegalTransition);
    });

    it('refuses to replan a cancelled milestone', () => {
      given([planned, cancelled]).when(replan('2026-06-30')).thenThrows(IllegalTransition);
    });

    it('refuses a replan to the date it is already due', () => {
      const same = replan('2026-03-31');
      given([planned]).when(same).thenThrows(InvalidInput);
      const state = milestoneDecider.evolve(milestoneDecider.initialState(), planned);
      expect(() => decide(same, state)).toThrow(expect.objectContaining({ field: 'dueDate' }));
    });

    it('counts replans and keeps the latest due date', () => {
      given([planned, replanned])
        .when(replan('2026-09-30'))
        .thenState((state) => expect(state).toMatchObject({ dueDate: '2026-09-30', replanCount: 2, status: 'planned' }));
    });

    it('compares a second replan with the replanned date, not the original one', () => {
      given([planned, replanned])
        .when(replan('2026-03-31'))
        .then([
          {
            type: 'MilestoneReplanned',
            data: { ...ref, previousDueDate: '2026-06-30', dueDate: '2026-03-31', reason: 'evaluatie schuift op' },
          },
        ]);
    });
  });

  describe('cancelling', () => {
    it('cancels a planned milestone with a reason', () => {
      given([planned]).when(cancel).then([cancelled]);
    });

    it('cancels a milestone in progress', () => {
      given([planned, started]).when(cancel).then([cancelled]);
    });

    it('refuses to cancel an achieved milestone', () => {
      given([planned, achieved]).when(cancel).thenThrows(IllegalTransition);
    });

    it('refuses to cancel a milestone twice', () => {
      given([planned, cancelled]).when(cancel).thenThrows(IllegalTransition);
    });
  });

  describe('isLate', () => {
    const today = '2026-04-01';

    it('calls a planned milestone due yesterday late', () => {
      expect(isLate({ status: 'planned', dueDate: '2026-03-31' }, today)).toBe(true);
    });

    it('calls a milestone in progress past its due date late', () => {
      expect(isLate({ status: 'in_progress', dueDate: '2026-03-31' }, today)).toBe(true);
    });

    it('does not call a milestone due today late', () => {
      expect(isLate({ status: 'planned', dueDate: today }, today)).toBe(false);
    });

    it('does not call an achieved milestone late, even past its due date', () => {
      expect(isLate({ status: 'achieved', dueDate: '2026-03-31' }, today)).toBe(false);
    });

    it('does not call a cancelled milestone late', () => {
      expect(isLate({ status: 'cancelled', dueDate: '2026-03-31' }, today)).toBe(false);
    });

    it('does not call a milestone late once it is replanned to a later date', () => {
      given([planned, replanned])
        .when(start)
        .thenState((state) => expect(isLate(state, today)).toBe(false));
    });
  });

  it('names its stream after the milestone id', () => {
    expect(milestoneStream(milestoneId)).toBe(`milestone-${milestoneId}`);
  });
});
