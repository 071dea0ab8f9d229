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

// The pure domain, for tools that build histories by the real rules (the bench's synthetic history).
export { meetingDecider, DECISION_KINDS, type MeetingCommand } from './meeting/meeting.decide';
export { meetingStream, type AgendaItem, type DecisionKind, type MeetingEvent, type MeetingState } from './meeting/meeting';
export {
  meetingSeriesStream,
  MEETING_KINDS,
  /** The four seeded overlegvormen (what the bench's synthetic history plans); `overleg` is a coordinator's own. */
  type SeededKind as MeetingKind,
  type MeetingKind as AnyMeetingKind,
  type MeetingSeriesEvent,
  type SeriesDefinition,
} from './series/meeting-series';
export { meetingSeriesDecider, type MeetingSeriesCommand } from './series/meeting-series.decide';
export { composeDraft, itemIdOf, type DraftInput, type DueCommitment, type DueMilestone, type OpenKnelpunt } from './agenda/compose-draft';
export { meetingIdOf } from './scheduling/horizon-job';
export { preparations } from './scheduling/preparation';
export { SERIES_SEED } from './seed/series.seed-data';

/** Every event type the context records: the portal's event labels must name each (type-only; the portal never loads this code). */
export type { MeetingsDomainEvent } from './meetings.commands';
