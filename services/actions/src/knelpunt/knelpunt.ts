import { DomainEvent } from '@regie/es-core';

/** Where a knelpunt is put on the agenda; regiegroep is the higher level. */
export type EscalationLevel = 'kerngroep' | 'regiegroep';

// Events
export type KnelpuntRaised = DomainEvent<
  'KnelpuntRaised',
  { knelpuntId: string; actionCode: string; description: string; raisedAt: string }
>;
export type KnelpuntEscalated = DomainEvent<
  'KnelpuntEscalated',
  { knelpuntId: string; actionCode: string; from: EscalationLevel | null; to: EscalationLevel }
>;
export type KnelpuntResolved = DomainEvent<
  'KnelpuntResolved',
  { knelpuntId: string; actionCode: string; resolution: string; resolvedAt: string }
>;
export type KnelpuntEvent = KnelpuntRaised | KnelpuntEscalated | KnelpuntResolved;

// State
export type KnelpuntState = {
  exists: boolean;
  knelpuntId?: string;
  actionCode?: string;
  escalatedTo: EscalationLevel | null;
  resolved: boolean;
};

export const knelpuntStream = (id: string): string => 'knelpunt-' + id;

export const initialState = (): KnelpuntState => ({ exists: false, escalatedTo: null, resolved: false });

export const evolve = (state: KnelpuntState, event: KnelpuntEvent): KnelpuntState => {
  switch (event.type) {
    case 'KnelpuntRaised':
      return { ...state, exists: true, knelpuntId: event.data.knelpuntId, actionCode: event.data.actionCode };
    case 'KnelpuntEscalated':
      return { ...state, escalatedTo: event.data.to };
    case 'KnelpuntResolved':
      return { ...state, resolved: true };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
