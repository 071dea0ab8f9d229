import { defineAggregate, type AggregateHookContext } from '@regie/context';
import { NotFound } from '@regie/es-core';
import { type ActionEvent, actionStream } from './action/action';
import { actionDecider } from './action/action.decide';
import { type KnelpuntEvent, knelpuntStream } from './knelpunt/knelpunt';
import { knelpuntDecider } from './knelpunt/knelpunt.decide';
import { type MilestoneEvent, milestoneStream } from './milestone/milestone';
import { milestoneDecider } from './milestone/milestone.decide';
import { type WerkagendaEvent, werkagendaStream } from './werkagenda/werkagenda';
import { werkagendaDecider } from './werkagenda/werkagenda.decide';

/** The actions context's aggregates on the command bus: `new Milestone.Command(id, command, ctx)`. */
export const Werkagenda = defineAggregate({ stream: werkagendaStream, decider: werkagendaDecider });
// An action's stream grows with every progress report over the years: commands start from a snapshot of its state.
export const Action = defineAggregate({ stream: actionStream, decider: actionDecider, snapshot: { decider: 'action', version: 1 } });
export const Milestone = defineAggregate({
  stream: milestoneStream,
  decider: milestoneDecider,
  before: async (command, hook) => {
    if (command.type === 'PlanMilestone') await assertActionExists(hook, command.data.actionCode);
  },
});
export const Knelpunt = defineAggregate({
  stream: knelpuntStream,
  decider: knelpuntDecider,
  before: async (command, hook) => {
    if (command.type === 'RaiseKnelpunt') await assertActionExists(hook, command.data.actionCode);
  },
});

export const ACTIONS_AGGREGATES = [Werkagenda, Action, Milestone, Knelpunt];

/** Every event the actions context records. */
export type ActionsDomainEvent = WerkagendaEvent | ActionEvent | MilestoneEvent | KnelpuntEvent;

async function assertActionExists({ store }: AggregateHookContext, code: string): Promise<void> {
  const [first] = await store.readStream(actionStream(code), { maxCount: 1 });
  if (!first) throw new NotFound(`actie ${code} bestaat niet`);
}
