import { actionsContext } from './actions.context';
import { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
export { ActionsModule } from './actions.module';
export { actionsContext } from './actions.context';
export { WerkagendaSeeder, type SeedOutcome, partiesFrom } from './seed/seed-werkagenda';
export { ACTIONS_UPCASTERS } from './actions.upcasters';
export { toIntegrationMessage as actionsMessages } from './integration/to-contract';
export const actionsReadModel = actionsContext.definition;
export const ACTIONS_SCHEMA = actionsContext.name;
/** An action's key as a query or path parameter ('2.1', 'actieplan-dakloos-wlz-2025:1.1'), with its Dutch message. */
export { actionCodeParam as actionKeyParam } from './shared/schemas';
export const WERKAGENDA_ACTION_CODES: readonly string[] = WERKAGENDA_SEED.actions.map((action) => action.code);
/** The HTTP answers' schemas, for tests that hold the OpenAPI document to what the routes send. */
export * as actionsAnswers from './action/action.responses';

// The pure domain, for tools that build histories by the real rules (the bench's synthetic history).
export { actionStream, type ActionEvent } from './action/action';
export { actionDecider, type ActionCommand } from './action/action.decide';
export { milestoneStream, type MilestoneEvent } from './milestone/milestone';
export { milestoneDecider, type MilestoneCommand } from './milestone/milestone.decide';
export { knelpuntStream, type KnelpuntEvent } from './knelpunt/knelpunt';
export { knelpuntDecider, type KnelpuntCommand } from './knelpunt/knelpunt.decide';
export { werkagendaStream, type WerkagendaEvent } from './werkagenda/werkagenda';
export { werkagendaDecider, type WerkagendaCommand } from './werkagenda/werkagenda.decide';
export { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
export { ACTIEPLAN_SEED } from './seed/actieplan.seed-data';

/** Every event type the context records: the portal's event labels must name each (type-only; the portal never loads this code). */
export type { ActionsDomainEvent } from './actions.commands';
