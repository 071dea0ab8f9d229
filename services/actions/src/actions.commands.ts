import { defineAggregate, type AggregateHookContext } from '@regie/context';
import { actionKey, IllegalTransition, InvalidInput, NotFound, splitActionKey } from '@regie/es-core';
import { type ActionEvent, actionStream } from './action/action';
import type { ActionCommand } from './action/action.decide';
import { ActionsQueries } from './read-model/actions.queries';
import { actionDecider } from './action/action.decide';
import { type KnelpuntEvent, knelpuntStream } from './knelpunt/knelpunt';
import { knelpuntDecider } from './knelpunt/knelpunt.decide';
import { type MilestoneEvent, milestoneStream } from './milestone/milestone';
import { milestoneDecider } from './milestone/milestone.decide';
import { evolve as evolveWerkagenda, initialState as noWerkagenda, type WerkagendaEvent, werkagendaStream } from './werkagenda/werkagenda';
import { werkagendaDecider } from './werkagenda/werkagenda.decide';
import { WERKAGENDA_UPCASTERS } from './werkagenda/werkagenda.upcasters';

/** The actions context's aggregates on the command bus: `new Milestone.Command(id, command, ctx)`. */
export const Werkagenda = defineAggregate({
  stream: werkagendaStream,
  decider: werkagendaDecider,
  upcasters: WERKAGENDA_UPCASTERS,
  before: async (command, hook) => {
    // A werkagenda's title is unique among werkagenda's (its id is, by its stream).
    const title =
      command.type === 'EstablishWerkagenda' || command.type === 'ChangeWerkagenda' || command.type === 'ReviseWerkagenda'
        ? command.data.title
        : undefined;
    if (title !== undefined && (await hook.get(ActionsQueries).werkagendaWithTitle(title, command.data.werkagendaId)))
      throw new IllegalTransition(`er is al een werkagenda met de titel "${title}"`);
  },
});
// An action's stream grows with every progress report over the years: commands start from a snapshot of its state.
// Version 2: the state holds title, actiehouder persons, start activities and regions.
export const Action = defineAggregate({
  stream: actionStream,
  decider: actionDecider,
  snapshot: { decider: 'action', version: 2 },
  before: (command, hook) => checkAgainstWerkagenda(command, hook),
});
export const Milestone = defineAggregate({
  stream: milestoneStream,
  decider: milestoneDecider,
  before: async (command, hook) => {
    if (command.type === 'PlanMilestone') {
      await assertActionExists(hook, command.data.actionCode);
      const region = command.data.regionSlug;
      if (region && !(await actionHasRegion(hook, command.data.actionCode, region)))
        throw new InvalidInput('regionSlug', `regio ${region} hoort niet bij actie ${command.data.actionCode}`);
    }
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

async function actionHasRegion({ store }: AggregateHookContext, code: string, slug: string): Promise<boolean> {
  const events = await store.readStream(actionStream(code));
  return events.some((e) => e.type === 'RegionAdded' && (e.data as { region: { slug: string } }).region.slug === slug);
}

/**
 * A new action belongs to an established werkagenda that is not archived, in one of its action
 * lines, led by its parties; its title is unique within the werkagenda (its code is, by its stream).
 */
async function checkAgainstWerkagenda(command: ActionCommand, hook: AggregateHookContext): Promise<void> {
  if (command.type !== 'DefineAction' && command.type !== 'ChangeAction') return;
  const { werkagendaId, code } = splitActionKey(command.data.code);
  const readWerkagenda = async () => {
    const events = await hook.store.readStream(werkagendaStream(werkagendaId));
    return events.reduce((state, e) => evolveWerkagenda(state, e as unknown as WerkagendaEvent), noWerkagenda());
  };
  const checkParties = (parties: string[], known: { code: string }[]) => {
    const unknown = parties.filter((p) => !known.some((party) => party.code === p));
    if (unknown.length > 0) throw new InvalidInput('leadParties', `geen partij van de werkagenda: ${unknown.join(', ')}`);
  };
  if (command.type === 'DefineAction') {
    const d = command.data;
    if (actionKey(d.werkagendaId, code) !== d.code)
      throw new InvalidInput('code', `sleutel ${d.code} hoort niet bij werkagenda ${d.werkagendaId}`);
    const werkagenda = await readWerkagenda();
    if (!werkagenda.established) throw new NotFound(`werkagenda ${d.werkagendaId} bestaat niet`);
    if (werkagenda.archived) throw new IllegalTransition(`werkagenda ${d.werkagendaId} is gearchiveerd: er komen geen acties meer bij`);
    if (!werkagenda.actionLines.some((l) => l.number === d.actionLine))
      throw new InvalidInput('actionLine', `de werkagenda heeft geen actielijn ${d.actionLine}`);
    checkParties(d.actionHolder.parties, werkagenda.parties);
  } else if (command.data.leadParties !== undefined) {
    const werkagenda = await readWerkagenda();
    if (werkagenda.established) checkParties(command.data.leadParties, werkagenda.parties);
  }
  const title = command.data.title;
  if (title !== undefined) {
    const holder = await hook.get(ActionsQueries).actionWithTitle(werkagendaId, title);
    if (holder !== undefined && holder !== command.data.code)
      throw new IllegalTransition(`de werkagenda heeft al een actie met de titel "${title}" (actie ${splitActionKey(holder).code})`);
  }
}
