import { actionsContext } from './actions.context';
import { WERKAGENDA_SEED } from './seed/werkagenda.seed-data';
export { ActionsModule } from './actions.module';
export { actionsContext } from './actions.context';
export { WerkagendaSeeder, type SeedOutcome } from './seed/seed-werkagenda';
export { MILESTONE_UPCASTERS as ACTIONS_UPCASTERS } from './milestone/milestone.upcasters';
export { toIntegrationMessage as actionsMessages } from './integration/to-contract';
export const actionsReadModel = actionsContext.definition;
export const ACTIONS_SCHEMA = actionsContext.name;
export const WERKAGENDA_ACTION_CODES: readonly string[] = WERKAGENDA_SEED.actions.map((action) => action.code);
/** The HTTP answers' schemas, for tests that hold the OpenAPI document to what the routes send. */
export * as actionsAnswers from './action/action.responses';
