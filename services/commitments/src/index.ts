export { CommitmentsModule } from './commitments.module';
export { CommitmentsSeeder, type CommitmentsSeedOutcome, seedCommitmentId } from './seed/seed-commitments';
export { CommitmentsReadModelSync } from './read-model/read-model-sync';
export { commitmentsReadModel, COMMITMENTS_SCHEMA } from './read-model/commitments-read-model';
export { CommitmentJobs, COMMITMENT_JOBS } from './jobs/commitment-jobs';
export { TweedeKamerImporter, type ImportSummary } from './import/tk-import';
export { toIntegrationMessage as commitmentsMessages } from './integration/to-contract';
export { COMMITMENT_UPCASTERS } from './commitment/commitment.upcasters';

// The pure domain, for tools that build histories by the real rules (the bench's synthetic history).
export { commitmentDecider, type CommitmentCommand } from './commitment/commitment.decide';
export { commitmentStream, type CommitmentEvent, type CommitmentState } from './commitment/commitment';
export { resolveDue, type Due } from './due/resolve-due';
