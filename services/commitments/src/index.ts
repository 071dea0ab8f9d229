import { commitmentsContext } from './commitments.context';
export { CommitmentsModule } from './commitments.module';
export { commitmentsContext } from './commitments.context';
export { CommitmentsSeeder, type CommitmentsSeedOutcome, seedCommitmentId } from './seed/seed-commitments';
export { CommitmentJobs, COMMITMENT_JOBS } from './jobs/commitment-jobs';
export { TweedeKamerImporter, type ImportSummary } from './import/tk-import';
export { TK_IMPORT_BODY } from './import/tk-import.http';
export { toIntegrationMessage as commitmentsMessages } from './integration/to-contract';
export { COMMITMENT_UPCASTERS } from './commitment/commitment.upcasters';
export const commitmentsReadModel = commitmentsContext.definition;
export const COMMITMENTS_SCHEMA = commitmentsContext.name;
/** The HTTP answers' schemas, for tests that hold the OpenAPI document to what the routes send. */
export * as commitmentsAnswers from './commitment/commitment.responses';

// The pure domain, for tools that build histories by the real rules (the bench's synthetic history).
export { commitmentDecider, type CommitmentCommand } from './commitment/commitment.decide';
export { commitmentStream, type CommitmentEvent, type CommitmentState } from './commitment/commitment';
export { resolveDue, type Due } from './due/resolve-due';

/** Every event type the context records: the portal's event labels must name each (type-only; the portal never loads this code). */
export type { CommitmentsDomainEvent } from './commitments.commands';
