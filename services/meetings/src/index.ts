export { MeetingsModule } from './meetings.module';
export { MeetingSeriesSeeder } from './seed/seed-series';
export { MeetingsHorizon, HORIZON_JOB } from './scheduling/horizon-job';
export { MeetingsReadModelSync } from './read-model/read-model-sync';
export { meetingsReadModel, MEETINGS_SCHEMA } from './read-model/meetings-read-model';
export { toIntegrationMessage as meetingsMessages } from './integration/to-contract';
export { MEETING_UPCASTERS } from './meeting/meeting.upcasters';
