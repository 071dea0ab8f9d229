import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { EscalationLevel, KnelpuntEvent, KnelpuntState, evolve, initialState } from './knelpunt';

// Commands
export type RaiseKnelpunt = {
  type: 'RaiseKnelpunt';
  data: {
    knelpuntId: string;
    actionCode: string;
    description: string;
    /** Escalate straight away, in the same command. */
    escalateTo?: EscalationLevel;
    /** ISO timestamp. */
    raisedAt: string;
  };
};
export type EscalateKnelpunt = { type: 'EscalateKnelpunt'; data: { knelpuntId: string; to: EscalationLevel } };
export type ResolveKnelpunt = {
  type: 'ResolveKnelpunt';
  data: { knelpuntId: string; resolution: string; resolvedAt: string };
};
export type KnelpuntCommand = RaiseKnelpunt | EscalateKnelpunt | ResolveKnelpunt;

/** The knelpunt's ids, once it is known to exist. */
const existing = (state: KnelpuntState, knelpuntId: string) => {
  if (!state.exists) throw new NotFound(`knelpunt ${knelpuntId} bestaat niet`);
  return { knelpuntId: state.knelpuntId as string, actionCode: state.actionCode as string };
};

export const decide = (command: KnelpuntCommand, state: KnelpuntState): KnelpuntEvent[] => {
  switch (command.type) {
    case 'RaiseKnelpunt': {
      if (state.exists) throw new IllegalTransition(`knelpunt ${state.knelpuntId} bestaat al`);
      const { knelpuntId, actionCode, description, escalateTo, raisedAt } = command.data;
      const raised: KnelpuntEvent = { type: 'KnelpuntRaised', data: { knelpuntId, actionCode, description, raisedAt } };
      if (!escalateTo) return [raised];
      return [raised, { type: 'KnelpuntEscalated', data: { knelpuntId, actionCode, from: null, to: escalateTo } }];
    }
    case 'EscalateKnelpunt': {
      const ids = existing(state, command.data.knelpuntId);
      const { to } = command.data;
      if (state.resolved) throw new IllegalTransition('een opgelost knelpunt kan niet geëscaleerd worden');
      if (state.escalatedTo === to) throw new IllegalTransition(`het knelpunt is al geëscaleerd naar de ${to}`);
      if (state.escalatedTo === 'regiegroep') {
        throw new IllegalTransition('een knelpunt kan niet van de regiegroep terug naar de kerngroep');
      }
      return [{ type: 'KnelpuntEscalated', data: { ...ids, from: state.escalatedTo, to } }];
    }
    case 'ResolveKnelpunt': {
      const ids = existing(state, command.data.knelpuntId);
      if (state.resolved) throw new IllegalTransition('het knelpunt is al opgelost');
      const { resolution, resolvedAt } = command.data;
      return [{ type: 'KnelpuntResolved', data: { ...ids, resolution, resolvedAt } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const knelpuntDecider: Decider<KnelpuntCommand, KnelpuntEvent, KnelpuntState> = {
  decide,
  evolve,
  initialState,
};
