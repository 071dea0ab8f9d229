export type { Projection } from './projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
export { CheckpointMoved } from './checkpoint';
export { readModelProgress, type ReadModelProgress } from './progress';
export { swapInLive, type LiveSwapOptions } from './live-swap';
export { compareWithLive, type LiveComparison, type CompareOptions } from './compare-with-live';
export {
  rebuildInto,
  rebuildAllInto,
  type RebuildOptions,
  checksums,
  BOOKKEEPING_TABLES,
  swapIn,
  dropSchema,
  projectionsOf,
  type ReadModelDefinition,
  type ConsumerDefinition,
  type MessageSources,
  type TableChecksum,
} from './rebuild';
export { openReadModelDataSource, queryPrepared, schemaOf, type ReadModelDataSourceOptions } from './data-source';
export { Relay, type RelayOptions } from './relay';
export { IdempotentConsumer, applyOnce, type IdempotentConsumerOptions } from './idempotent-consumer';
export { TIME_TRAVEL_SNAPSHOT_EVERY, TimeTravel, type TimeTravelOptions, type TimeTravelSnapshot } from './time-travel';
export { claimInstance } from './time-travel-claims';
export { holdingLooks, holdLooksPerRequest } from './look-scope';
export { ServiceConsumers, ServiceRelay } from './nest-lifecycle';
export { ReadAt } from './read-at';
export { changedKeys, RowSet } from './row-set';
export { Answers, type AnswersOptions } from './answers';
