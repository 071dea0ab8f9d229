import { meetingsContext } from './meetings.context';
export { MeetingsModule } from './meetings.module';
export { meetingsContext } from './meetings.context';
export { MeetingSeriesSeeder } from './seed/seed-series';
export { MeetingsHorizon, HORIZON_JOB } from './scheduling/horizon-job';
export { toIntegrationMessage as meetingsMessages } from './integration/to-contract';
export { MEETING_UPCASTERS } from './meeting/meeting.upcasters';
export const meetingsReadModel = meetingsContext.definition;
export const MEETINGS_SCHEMA = meetingsContext.name;
