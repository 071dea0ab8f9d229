import type { CommitmentStatus, KnelpuntLevel, MeetingKind, MeetingStatus, MilestoneStatus, Rag, Role } from '../api/regie-api.models';

/** The Dutch words users see for the API's codes (glossary: ../shared/DESIGN.md). */
export const ROLE_LABEL: Record<Role, string> = {
  coordinator: 'coördinator',
  actiehouder: 'actiehouder',
  director: 'directeur (regiegroep)',
  auditor: 'auditor',
};

export const RAG_LABEL: Record<Rag | 'grijs', string> = { groen: 'Groen', oranje: 'Oranje', rood: 'Rood', grijs: 'Geen mijlpalen' };

export const MILESTONE_STATUS_LABEL: Record<MilestoneStatus, string> = {
  planned: 'gepland',
  in_progress: 'in uitvoering',
  achieved: 'behaald',
  cancelled: 'vervallen',
};

export const MEETING_KIND_LABEL: Record<MeetingKind, string> = {
  kerngroep: 'Kerngroepoverleg',
  evaluatie: 'Evaluatie op voortgang',
  jaaroverleg: 'Jaaroverleg',
  regiegroep: 'Regiegroep',
};

export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  scheduled: 'gepland, agenda in concept',
  agenda_published: 'agenda gepubliceerd',
  held: 'gehouden',
  minutes_approved: 'verslag vastgesteld',
  cancelled: 'geannuleerd',
};

export const COMMITMENT_STATUS_LABEL: Record<CommitmentStatus, string> = {
  open: 'open',
  postponed: 'uitgesteld',
  overdue: 'over de termijn',
  fulfilled: 'nagekomen',
  withdrawn: 'ingetrokken',
};

export const LEVEL_LABEL: Record<KnelpuntLevel, string> = { kerngroep: 'kerngroep', regiegroep: 'regiegroep' };

export const AGENDA_SOURCE_LABEL: Record<string, string> = {
  standing: 'vast punt',
  'regiegroep-preparation': 'voorbereiding regiegroep',
  knelpunt: 'geëscaleerd knelpunt',
  milestone: 'mijlpaal',
  'late-milestones': 'mijlpalen te laat',
  projection: 'kwartaalprojectie',
  commitment: 'toezegging',
  'action-point': 'open actiepunt',
  manual: 'toegevoegd door coördinator',
};

/** What an event means, in the words of the audit timeline; unknown types show as they are. */
const EVENT_LABEL: Record<string, string> = {
  WerkagendaEstablished: 'Werkagenda vastgesteld',
  ActionDefined: 'Actie vastgelegd',
  ActionHolderAssigned: 'Actiehouder toegewezen',
  MilestonePlanned: 'Mijlpaal gepland',
  MilestoneStarted: 'Mijlpaal gestart',
  MilestoneAchieved: 'Mijlpaal behaald',
  MilestoneReplanned: 'Mijlpaal herpland',
  MilestoneCancelled: 'Mijlpaal vervallen',
  ProgressReported: 'Voortgang gerapporteerd',
  KnelpuntRaised: 'Knelpunt gemeld',
  KnelpuntEscalated: 'Knelpunt geëscaleerd',
  KnelpuntResolved: 'Knelpunt opgelost',
  MeetingSeriesDefined: 'Overlegvorm vastgelegd',
  MeetingScheduled: 'Overleg ingepland',
  MeetingRescheduled: 'Overleg verplaatst',
  MeetingCancelled: 'Overleg geannuleerd',
  AgendaItemAdded: 'Agendapunt toegevoegd',
  AgendaItemWithdrawn: 'Agendapunt teruggetrokken',
  AgendaReordered: 'Agenda herschikt',
  AgendaPublished: 'Agenda gepubliceerd',
  MeetingHeld: 'Overleg gehouden',
  MeetingChairChanged: 'Voorzitter gewijzigd',
  DecisionRecorded: 'Besluit vastgelegd',
  ActionPointAssigned: 'Actiepunt uitgezet',
  ActionPointCompleted: 'Actiepunt afgerond',
  MinutesApproved: 'Verslag vastgesteld',
  AttendanceRecorded: 'Aanwezigheid vastgelegd',
  ItemNotesRecorded: 'Aantekeningen bij agendapunt vastgelegd',
  DecisionCorrected: 'Besluit gecorrigeerd',
  DecisionWithdrawn: 'Besluit ingetrokken',
  ActionPointReassigned: 'Actiepunt overgedragen',
  CommitmentRegistered: 'Toezegging geregistreerd',
  CommitmentUpdated: 'Toezegging bijgewerkt uit de bron',
  CommitmentPostponed: 'Toezegging uitgesteld',
  CommitmentFulfilled: 'Toezegging nagekomen',
  CommitmentWithdrawn: 'Toezegging ingetrokken',
  CommitmentBecameOverdue: 'Toezegging over de termijn',
  CommitmentDueSoon: 'Termijn toezegging nadert',
  IndicatorDefined: 'Indicator vastgelegd',
  IndicatorBaselineSet: 'Basislijn vastgelegd',
  IndicatorTargetSet: 'Doel vastgelegd',
  IndicatorAssessmentNoted: 'Beoordeling vastgelegd',
  MeasurementRecorded: 'Meting vastgelegd',
  ProjectionPublished: 'Kwartaalprojectie gepubliceerd',
};
export const eventLabel = (type: string): string => EVENT_LABEL[type] ?? type;
export const KNOWN_EVENT_TYPES = Object.keys(EVENT_LABEL);
