export { eventStoreContract } from './event-store.contract';
export { spec } from './given-when-then';
export { jobSchedulerContract } from './job-scheduler.contract';
