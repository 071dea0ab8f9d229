import type { MeetingKind, MeetingSummary } from '../api/regie-api.models';

/** Splits the calendar at `now`: meetings still to come (or running), and earlier ones, latest first. */
export function splitCalendar(meetings: MeetingSummary[], now: Date): { upcoming: MeetingSummary[]; past: MeetingSummary[] } {
  const upcoming = meetings.filter((m) => new Date(m.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = meetings.filter((m) => new Date(m.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

/** The next meeting of a kind whose agenda is still a draft: where the coordinator has work to do. */
export const nextDraft = (meetings: MeetingSummary[], kind: MeetingKind, now: Date): MeetingSummary | undefined =>
  meetings
    .filter((m) => m.kind === kind && m.status === 'scheduled' && new Date(m.startsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];

/** Which kinds of decision an overlegvorm takes (DESIGN.md: operational in the kerngroep, strategic in the regiegroep). */
export const decisionKinds = (kind: MeetingKind): ('operationeel' | 'strategisch')[] =>
  kind === 'regiegroep' ? ['strategisch', 'operationeel'] : ['operationeel'];

export const isKind = (value: unknown): value is MeetingKind =>
  typeof value === 'string' && ['kerngroep', 'evaluatie', 'jaaroverleg', 'regiegroep'].includes(value);
