import type { DomainEvent, SealedName } from '@regie/es-core';
import type { DecisionKind, MeetingRef } from './meeting';

/**
 * The verslag of a meeting beyond decisions and action points: attendance, notes per agenda item,
 * and what happens to decisions and action points later (a correction or withdrawal of a decision,
 * a new owner for an action point). Nothing is overwritten: a correction is a new version of the
 * decision, and the corrected one stays (status `gecorrigeerd`).
 */
export type DecisionStatus = 'geldig' | 'gecorrigeerd' | 'ingetrokken';

/** Present and absent (afgemeld) participants or parties; names may be persons, so sealed. Replaces earlier attendance. */
export type AttendanceRecorded = DomainEvent<'AttendanceRecorded', MeetingRef & { present: SealedName[]; absent: SealedName[] }>;
/** The notes of one agenda item (with its title as it stood, so the verslag needs no lookup). Replaces earlier notes. */
export type ItemNotesRecorded = DomainEvent<'ItemNotesRecorded', MeetingRef & { itemId: string; itemTitle: string; notes: string }>;
/** A decision replaced by a new version (`correctionId`, same kind and agenda item) for a reason. */
export type DecisionCorrected = DomainEvent<
  'DecisionCorrected',
  MeetingRef & { decisionId: string; correctionId: string; text: string; decisionKind: DecisionKind; reason: string }
>;
export type DecisionWithdrawn = DomainEvent<'DecisionWithdrawn', MeetingRef & { decisionId: string; reason: string }>;
/** The new owner is sealed (personal data), as at assignment. */
export type ActionPointReassigned = DomainEvent<
  'ActionPointReassigned',
  MeetingRef & { actionPointId: string; owner: SealedName; reason: string }
>;

export type MinutesEvent = AttendanceRecorded | ItemNotesRecorded | DecisionCorrected | DecisionWithdrawn | ActionPointReassigned;

/** What the decider needs of the decisions: which exist, their kind and whether they still hold. */
export type DecisionsState = Record<string, { kind: DecisionKind; status: DecisionStatus }>;
