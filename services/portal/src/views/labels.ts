import type {
  CommitmentStatus,
  Decision,
  KnelpuntLevel,
  MeetingKind,
  MeetingStatus,
  MilestoneStatus,
  Rag,
  Role,
} from '../api/regie-api.models';

/** The Dutch words users see for the API's codes (glossary: ../shared/DESIGN.md). */
export const ROLE_LABEL: Record<Role, string> = {
  coordinator: 'coördinator',
  actiehouder: 'actiehouder',
  director: 'directeur (regiegroep)',
  auditor: 'auditor',
  beheerder: 'beheerder',
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
  overleg: 'Overleg',
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

export const DECISION_KIND_LABEL: Record<Decision['kind'], string> = {
  operationeel: 'operationeel besluit',
  strategisch: 'strategisch besluit',
};

/** A decision that no longer stands says so; a valid one needs no word. */
export const DECISION_STATUS_LABEL: Record<Decision['status'], string> = {
  geldig: '',
  gecorrigeerd: 'gecorrigeerd',
  ingetrokken: 'ingetrokken',
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

/** What an event means: the one table is event-labels.ts (exhaustive by the contexts' event types). */
export { eventTypeLabel as eventLabel, EVENT_TYPES as KNOWN_EVENT_TYPES } from './event-labels';
