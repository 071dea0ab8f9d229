import { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
export { ActionsModule } from './actions.module';
export { WerkagendaSeeder, type SeedOutcome } from './seed/seed-werkagenda';
export { ActionsReadModelSync } from './read-model/read-model-sync';
export { actionsReadModel, ACTIONS_SCHEMA } from './read-model/actions-read-model';
export { MILESTONE_UPCASTERS as ACTIONS_UPCASTERS } from './milestone/milestone.upcasters';
export { toIntegrationMessage as actionsMessages } from './integration/to-contract';
export const WERKAGENDA_ACTION_CODES: readonly string[] = WERKAGENDA_SEED.actions.map((action) => action.code);

// The pure domain, for tools that build histories by the real rules (the bench's synthetic history).
export { actionDecider, actionStream, type ActionCommand, type ActionEvent } from './action/action';
export { milestoneDecider, milestoneStream, type MilestoneCommand, type MilestoneEvent } from './milestone/milestone';
export { knelpuntDecider, knelpuntStream, type KnelpuntCommand, type KnelpuntEvent } from './knelpunt/knelpunt';
export { werkagendaDecider, werkagendaStream, type WerkagendaCommand, type WerkagendaEvent } from './werkagenda/werkagenda';
export { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
