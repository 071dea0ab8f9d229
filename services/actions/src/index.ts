import { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
export { ActionsModule } from './actions.module';
export { WerkagendaSeeder, type SeedOutcome } from './seed/seed-werkagenda';
export { ActionsReadModelSync } from './read-model/read-model-sync';
export { actionsReadModel, ACTIONS_SCHEMA } from './read-model/actions-read-model';
export { MILESTONE_UPCASTERS as ACTIONS_UPCASTERS } from './milestone/milestone.upcasters';
export { toIntegrationMessage as actionsMessages } from './integration/to-contract';
export const WERKAGENDA_ACTION_CODES: readonly string[] = WERKAGENDA_SEED.actions.map((action) => action.code);
