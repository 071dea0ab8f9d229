import { meetingsContext } from './meetings.context';
export { MeetingsModule } from './meetings.module';
export { meetingsContext } from './meetings.context';
export { MeetingSeriesSeeder } from './seed/seed-series';
export { MeetingsHorizon, HORIZON_JOB } from './scheduling/horizon-job';
export { toIntegrationMessage as meetingsMessages } from './integration/to-contract';
export { MEETING_UPCASTERS } from './meeting/meeting.upcasters';
export const meetingsReadModel = meetingsContext.definition;
export const MEETINGS_SCHEMA = meetingsContext.name;
/** The HTTP answers' schemas, for tests that hold the OpenAPI document to what the routes send. */
export * as meetingsAnswers from './meeting/meeting.responses';
