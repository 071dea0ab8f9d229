export { CommitmentsModule } from './commitments.module';
export { CommitmentsSeeder, type CommitmentsSeedOutcome, seedCommitmentId } from './seed/seed-commitments';
export { CommitmentsReadModelSync } from './read-model/read-model-sync';
export { commitmentsReadModel, COMMITMENTS_SCHEMA } from './read-model/commitments-read-model';
export { CommitmentJobs, COMMITMENT_JOBS } from './jobs/commitment-jobs';
export { TweedeKamerImporter, type ImportSummary } from './import/tk-import';
export { toIntegrationMessage as commitmentsMessages } from './integration/to-contract';
export { COMMITMENT_UPCASTERS } from './commitment/commitment.upcasters';
