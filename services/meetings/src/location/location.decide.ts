import { type Decider, InvalidInput } from '@regie/es-core';
import { evolve, initialState, type LocationEvent, type LocationState, type LocationTarget } from './location';

export type SetLocation = { type: 'SetLocation'; data: { target: LocationTarget; targetId: string; location: string | null } };
export type LocationCommand = SetLocation;

export const decide = (command: LocationCommand, state: LocationState): LocationEvent[] => {
  const location = command.data.location?.trim().replace(/\s+/g, ' ') || null;
  if (location !== null && location.length > 200) throw new InvalidInput('location', 'hoogstens 200 tekens');
  if (location === state.location) return []; // the same place again records nothing
  return [{ type: 'LocationSet', data: { ...command.data, location } }];
};

export const locationDecider: Decider<LocationCommand, LocationEvent, LocationState> = { decide, evolve, initialState };
