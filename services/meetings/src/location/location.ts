import type { DomainEvent } from '@regie/es-core';

/**
 * Where an overlegvorm (series) or one overleg meets: a room, an address or "Online (Teams)".
 * One stream per target: `meeting-location-series-<id>` or `meeting-location-meeting-<id>`. A
 * meeting's own location overrides its series'; `location: null` clears it. The calendar feed
 * writes it as LOCATION.
 */
export type LocationTarget = 'series' | 'meeting';
export type LocationSet = DomainEvent<'LocationSet', { target: LocationTarget; targetId: string; location: string | null }>;
export type LocationEvent = LocationSet;

export type LocationState = { location: string | null };

export const locationStream = (key: string): string => 'meeting-location-' + key;
/** The aggregate id of a target: `series-<id>` or `meeting-<id>`. */
export const locationKey = (target: LocationTarget, targetId: string): string => `${target}-${targetId}`;

export const initialState = (): LocationState => ({ location: null });

export const evolve = (_state: LocationState, event: LocationEvent): LocationState => ({ location: event.data.location });
