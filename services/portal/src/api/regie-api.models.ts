import type { components } from './regie-api.schema';

/**
 * The names the portal's screens use for the API's answers: each an alias of, or a part of, a
 * schema generated from contracts/openapi.json (npm run openapi), so a changed answer fails here.
 */
type Schema<K extends keyof components['schemas']> = components['schemas'][K];

export type LoginResult = Schema<'LoginResult_Output'>;
export type Me = Schema<'Me_Output'>;
export type Role = Me['roles'][number];

/** A refusal as the portal keeps it: the service's problem+json, or what the portal could make of a non-JSON answer. */
export type Problem = Partial<Schema<'ProblemDetails'>> & Pick<Schema<'ProblemDetails'>, 'status'>;
export type FieldError = NonNullable<Problem['errors']>[number];

export type Werkagenda = Schema<'Werkagenda_Output'>;
export type WerkagendaEntry = Schema<'WerkagendaEntry_Output'>;
export type Person = Schema<'PersonAnswer_Output'>;
export type Grant = NonNullable<Me['grants']>[number];
export type ActionSummary = Schema<'ActionSummary_Output'>;
export type Action = Schema<'ActionDetail_Output'>;
export type Rag = NonNullable<ActionSummary['rag']>;
export type ActionHolder = ActionSummary['actionHolder'];
export type MilestoneSummary = ActionSummary['milestones'][number];
export type MilestoneStatus = MilestoneSummary['status'];
export type Milestone = Action['milestones'][number];
export type ProgressReport = Action['progressReports'][number];
export type Knelpunt = Action['knelpunten'][number];
export type Region = Action['regions'][number];
export type RegionStatus = Region['status'];
export type KnelpuntLevel = NonNullable<Knelpunt['escalatedTo']>;

export type MeetingSeries = Schema<'MeetingSeries_Output'>;
export type CalendarToken = Schema<'CalendarTokenListed_Output'>;
export type CalendarTokenMade = Schema<'CalendarTokenMade_Output'>;
export type MeetingSummary = Schema<'MeetingSummary_Output'>;
export type Meeting = Schema<'MeetingDetail_Output'>;
export type MeetingKind = MeetingSummary['kind'];
export type MeetingStatus = MeetingSummary['status'];
export type AgendaItem = Meeting['agenda'][number];
export type Decision = Meeting['decisions'][number];
export type ActionPoint = Meeting['actionPoints'][number];
export type DecisionEntry = Schema<'DecisionEntry_Output'>;
export type DecisionStatus = DecisionEntry['status'];
export type ActionPointEntry = Schema<'ActionPointEntry_Output'>;
export type ActionPointStatus = ActionPointEntry['status'];
export type MeetingMinutes = Schema<'MeetingMinutes_Output'>;

export type CommitmentSummary = Schema<'CommitmentSummary_Output'>;
export type Commitment = Schema<'CommitmentDetail_Output'>;
export type CommitmentStatus = CommitmentSummary['status'];
export type Due = CommitmentSummary['due'];

export type BoardActionLine = Schema<'BoardActionLine_Output'>;
export type BoardAction = Schema<'BoardAction_Output'>;
export type BoardMilestone = BoardAction['milestones'][number];

export type Indicator = Schema<'IndicatorDetail_Output'>;
export type Measurement = Indicator['measurements'][number];
export type IndicatorTarget = Indicator['targets'][number];

export type Projection = Schema<'Projection_Output'>;
export type PublishedProjection = Schema<'PublishedProjection_Output'>;
export type ProjectedMilestone = Projection['milestones']['due'][number];
export type ProjectionCommitment = Projection['commitments']['due'][number];
export type ProjectionIndicator = Projection['indicators'][number];
export type ProjectionActionLine = Projection['actionLines'][number];

export type AuditPage = Schema<'AuditPage_Output'>;
export type AuditStream = Schema<'AuditStream_Output'>;
export type AuditEvent = AuditPage['events'][number];
export type Verification = Schema<'ChainVerification_Output'>;
export type ChainCheckpoint = Schema<'ChainCheckpoint_Output'>;
