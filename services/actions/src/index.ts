export { ActionsModule } from './actions.module';
export { WerkagendaSeeder, type SeedOutcome } from './seed/seed-werkagenda';
export { ActionsReadModelSync } from './read-model/read-model-sync';
export { actionsReadModel, ACTIONS_SCHEMA } from './read-model/actions-read-model';
export { MILESTONE_UPCASTERS as ACTIONS_UPCASTERS } from './milestone/milestone.upcasters';
export { toIntegrationMessage as actionsMessages } from './integration/to-contract';
