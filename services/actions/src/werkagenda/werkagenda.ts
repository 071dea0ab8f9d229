import { DomainEvent } from '@regie/es-core';

/** How a party takes part in the werkagenda: the penvoerder holds the pen, partners share the work, deelnemers take part. */
export const PARTY_ROLES = ['penvoerder', 'partner', 'deelnemer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * Whether a party takes part in the bestuurlijke afspraken, recorded apart from its membership
 * of the werkagenda: "De VNG heeft zich in september 2024 teruggetrokken uit de bestuurlijke
 * afspraken … De VNG neemt wel deel aan de werkagenda" (Kamerstuk 25 424, nr. 727).
 * `since`: the first day it holds (YYYY-MM-DD); `sinceText`: the words the documents use.
 */
export type BestuurlijkeAfspraken = { participates: boolean; since: string | null; sinceText: string | null; note: string | null };

/**
 * A party to the werkagenda, e.g. `{ code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport', … }`.
 * `role`, membership and bestuurlijke afspraken are null when not recorded (werkagenda's
 * established before parties had them, see werkagenda.upcasters.ts).
 */
export type Party = {
  code: string;
  name: string;
  role: PartyRole | null;
  /** Membership of the werkagenda, ISO dates, both inclusive; null: not recorded / open-ended. */
  memberFrom: string | null;
  memberTo: string | null;
  bestuurlijkeAfspraken: BestuurlijkeAfspraken | null;
};
/** An actielijn, numbered 0–3 in the first werkagenda, 1–3 in the actieplan. */
export type ActionLine = { number: number; title: string };
export type Period = { from: string; to: string };

export type EstablishWerkagendaData = {
  werkagendaId: string;
  title: string;
  /** ISO dates (YYYY-MM-DD), both inclusive. */
  period: Period;
  parties: Party[];
  actionLines: ActionLine[];
};
export type ChangeWerkagendaData = { werkagendaId: string; title?: string; period?: Period; reason: string };
export type PartyAddedData = { werkagendaId: string; party: Party };
export type PartyChangedData = { werkagendaId: string; party: Party; reason: string };
export type ActionLineAddedData = { werkagendaId: string; actionLine: ActionLine };
export type ActionLineRenamedData = { werkagendaId: string; number: number; title: string; reason: string };
export type WerkagendaArchivedData = { werkagendaId: string; reason: string };

// Events (WerkagendaEstablished v2: parties with role, membership and bestuurlijke afspraken)
export type WerkagendaEstablished = DomainEvent<'WerkagendaEstablished', EstablishWerkagendaData>;
export type WerkagendaChanged = DomainEvent<'WerkagendaChanged', ChangeWerkagendaData>;
export type PartyAdded = DomainEvent<'PartyAdded', PartyAddedData>;
export type PartyChanged = DomainEvent<'PartyChanged', PartyChangedData>;
export type ActionLineAdded = DomainEvent<'ActionLineAdded', ActionLineAddedData>;
export type ActionLineRenamed = DomainEvent<'ActionLineRenamed', ActionLineRenamedData>;
export type WerkagendaArchived = DomainEvent<'WerkagendaArchived', WerkagendaArchivedData>;
export type WerkagendaEvent =
  WerkagendaEstablished | WerkagendaChanged | PartyAdded | PartyChanged | ActionLineAdded | ActionLineRenamed | WerkagendaArchived;

// State
export type WerkagendaState = {
  established: boolean;
  werkagendaId?: string;
  title?: string;
  period?: Period;
  parties: Party[];
  actionLines: ActionLine[];
  archived: boolean;
};

export const werkagendaStream = (id: string): string => 'werkagenda-' + id;

export const initialState = (): WerkagendaState => ({ established: false, parties: [], actionLines: [], archived: false });

export const evolve = (state: WerkagendaState, event: WerkagendaEvent): WerkagendaState => {
  switch (event.type) {
    case 'WerkagendaEstablished': {
      const d = event.data;
      return {
        ...state,
        established: true,
        werkagendaId: d.werkagendaId,
        title: d.title,
        period: d.period,
        parties: d.parties,
        actionLines: d.actionLines,
      };
    }
    case 'WerkagendaChanged':
      return { ...state, title: event.data.title ?? state.title, period: event.data.period ?? state.period };
    case 'PartyAdded':
      return { ...state, parties: [...state.parties, event.data.party] };
    case 'PartyChanged':
      return { ...state, parties: state.parties.map((p) => (p.code === event.data.party.code ? event.data.party : p)) };
    case 'ActionLineAdded':
      return { ...state, actionLines: [...state.actionLines, event.data.actionLine].sort((a, b) => a.number - b.number) };
    case 'ActionLineRenamed':
      return {
        ...state,
        actionLines: state.actionLines.map((l) => (l.number === event.data.number ? { number: l.number, title: event.data.title } : l)),
      };
    case 'WerkagendaArchived':
      return { ...state, archived: true };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** Same party, field by field. */
export const sameParty = (a: Party, b: Party): boolean => JSON.stringify(normalParty(a)) === JSON.stringify(normalParty(b));
const normalParty = (p: Party) => ({
  code: p.code,
  name: p.name,
  role: p.role,
  memberFrom: p.memberFrom,
  memberTo: p.memberTo,
  bestuurlijkeAfspraken: p.bestuurlijkeAfspraken
    ? {
        participates: p.bestuurlijkeAfspraken.participates,
        since: p.bestuurlijkeAfspraken.since,
        sinceText: p.bestuurlijkeAfspraken.sinceText,
        note: p.bestuurlijkeAfspraken.note,
      }
    : null,
});
