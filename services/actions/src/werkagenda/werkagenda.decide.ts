import { Decider, IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import {
  ActionLine,
  EstablishWerkagendaData,
  Party,
  Period,
  WerkagendaEvent,
  WerkagendaState,
  evolve,
  initialState,
  sameParty,
} from './werkagenda';

// Commands
export type EstablishWerkagenda = { type: 'EstablishWerkagenda'; data: EstablishWerkagendaData };
export type ChangeWerkagenda = {
  type: 'ChangeWerkagenda';
  data: { werkagendaId: string; title?: string; period?: Period; reason?: string };
};
export type AddParty = { type: 'AddParty'; data: { werkagendaId: string; party: Party } };
export type ChangeParty = { type: 'ChangeParty'; data: { werkagendaId: string; party: Party; reason?: string } };
export type AddActionLine = { type: 'AddActionLine'; data: { werkagendaId: string; actionLine: ActionLine } };
export type RenameActionLine = { type: 'RenameActionLine'; data: { werkagendaId: string; number: number; title: string; reason?: string } };
export type ArchiveWerkagenda = { type: 'ArchiveWerkagenda'; data: { werkagendaId: string; reason: string } };
/**
 * Several changes at once (one PATCH): title/period, parties by code (a new code is added, a known
 * one changed) and action lines by number (new: added, known: renamed). All or nothing.
 */
export type ReviseWerkagenda = {
  type: 'ReviseWerkagenda';
  data: { werkagendaId: string; title?: string; period?: Period; parties?: Party[]; actionLines?: ActionLine[]; reason?: string };
};
export type WerkagendaCommand =
  EstablishWerkagenda | ChangeWerkagenda | AddParty | ChangeParty | AddActionLine | RenameActionLine | ArchiveWerkagenda | ReviseWerkagenda;

const checkPeriod = (period: Period, field = 'period') => {
  if (period.from > period.to) throw new InvalidInput(`${field}.to`, 'het einde van de periode ligt vóór het begin');
};
const checkParty = (party: Party, field: string) => {
  if (party.memberFrom && party.memberTo && party.memberFrom > party.memberTo)
    throw new InvalidInput(`${field}.memberTo`, 'het einde van het lidmaatschap ligt vóór het begin');
};
/** A change of something set before says why. */
const reasonFor = (reason: string | undefined): string => {
  const trimmed = reason?.trim();
  if (!trimmed) throw new InvalidInput('reason', 'geef een reden: deze wijziging verandert iets dat eerder is vastgelegd');
  return trimmed;
};
const live = (state: WerkagendaState, werkagendaId: string) => {
  if (!state.established) throw new NotFound(`werkagenda ${werkagendaId} bestaat niet`);
  if (state.archived) throw new IllegalTransition(`werkagenda ${werkagendaId} is gearchiveerd en verandert niet meer`);
};

export const decide = (command: WerkagendaCommand, state: WerkagendaState): WerkagendaEvent[] => {
  switch (command.type) {
    case 'EstablishWerkagenda': {
      if (state.established) throw new IllegalTransition('de werkagenda is al vastgesteld');
      const d = command.data;
      checkPeriod(d.period);
      d.parties.forEach((party, i) => checkParty(party, `parties.${i}`));
      if (new Set(d.parties.map((p) => p.code)).size !== d.parties.length)
        throw new InvalidInput('parties', 'een partij staat er twee keer in');
      if (new Set(d.actionLines.map((l) => l.number)).size !== d.actionLines.length)
        throw new InvalidInput('actionLines', 'een actielijn staat er twee keer in');
      return [{ type: 'WerkagendaEstablished', data: d }];
    }
    case 'ChangeWerkagenda': {
      const { werkagendaId, title, period, reason } = command.data;
      live(state, werkagendaId);
      if (period) checkPeriod(period);
      const titleChanges = title !== undefined && title !== state.title;
      const periodChanges = period !== undefined && (period.from !== state.period?.from || period.to !== state.period?.to);
      if (!titleChanges && !periodChanges) return [];
      return [
        {
          type: 'WerkagendaChanged',
          data: { werkagendaId, ...(titleChanges ? { title } : {}), ...(periodChanges ? { period } : {}), reason: reasonFor(reason) },
        },
      ];
    }
    case 'AddParty': {
      const { werkagendaId, party } = command.data;
      live(state, werkagendaId);
      checkParty(party, 'party');
      if (state.parties.some((p) => p.code === party.code)) throw new IllegalTransition(`partij ${party.code} hoort al bij de werkagenda`);
      return [{ type: 'PartyAdded', data: { werkagendaId, party } }];
    }
    case 'ChangeParty': {
      const { werkagendaId, party, reason } = command.data;
      live(state, werkagendaId);
      checkParty(party, 'party');
      const before = state.parties.find((p) => p.code === party.code);
      if (!before) throw new NotFound(`partij ${party.code} hoort niet bij de werkagenda`);
      if (sameParty(before, party)) return [];
      return [{ type: 'PartyChanged', data: { werkagendaId, party, reason: reasonFor(reason) } }];
    }
    case 'AddActionLine': {
      const { werkagendaId, actionLine } = command.data;
      live(state, werkagendaId);
      if (state.actionLines.some((l) => l.number === actionLine.number))
        throw new IllegalTransition(`actielijn ${actionLine.number} bestaat al`);
      return [{ type: 'ActionLineAdded', data: { werkagendaId, actionLine } }];
    }
    case 'RenameActionLine': {
      const { werkagendaId, number, title, reason } = command.data;
      live(state, werkagendaId);
      const before = state.actionLines.find((l) => l.number === number);
      if (!before) throw new NotFound(`actielijn ${number} bestaat niet`);
      if (before.title === title) return [];
      return [{ type: 'ActionLineRenamed', data: { werkagendaId, number, title, reason: reasonFor(reason) } }];
    }
    case 'ArchiveWerkagenda': {
      const { werkagendaId, reason } = command.data;
      if (!state.established) throw new NotFound(`werkagenda ${werkagendaId} bestaat niet`);
      if (state.archived) return [];
      return [{ type: 'WerkagendaArchived', data: { werkagendaId, reason: reasonFor(reason) } }];
    }
    case 'ReviseWerkagenda': {
      const { werkagendaId, title, period, parties = [], actionLines = [], reason } = command.data;
      live(state, werkagendaId);
      const steps: WerkagendaCommand[] = [
        ...(title !== undefined || period !== undefined
          ? [{ type: 'ChangeWerkagenda', data: { werkagendaId, title, period, reason } } as ChangeWerkagenda]
          : []),
        ...parties.map((party): WerkagendaCommand =>
          state.parties.some((p) => p.code === party.code)
            ? { type: 'ChangeParty', data: { werkagendaId, party, reason } }
            : { type: 'AddParty', data: { werkagendaId, party } },
        ),
        ...actionLines.map((line): WerkagendaCommand =>
          state.actionLines.some((l) => l.number === line.number)
            ? { type: 'RenameActionLine', data: { werkagendaId, number: line.number, title: line.title, reason } }
            : { type: 'AddActionLine', data: { werkagendaId, actionLine: line } },
        ),
      ];
      const events: WerkagendaEvent[] = [];
      let current = state;
      for (const step of steps) {
        for (const event of decide(step, current)) {
          events.push(event);
          current = evolve(current, event);
        }
      }
      return events;
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidInput('type', `onbekend commando ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const werkagendaDecider: Decider<WerkagendaCommand, WerkagendaEvent, WerkagendaState> = {
  decide,
  evolve,
  initialState,
};
