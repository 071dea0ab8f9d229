import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

/** New ids for events and aggregates are UUIDv7: time-ordered, so indexes stay compact. */
export const newId = (): string => uuidv7();

const SEED_NAMESPACE = '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de';

/** Stable ids for seeded things, so a second seed run finds what the first one made. */
export const stableId = (key: string): string => uuidv5(key, SEED_NAMESPACE);

export const isUuid = (value: string): boolean => validate(value);
export const isUuidV7 = (value: string): boolean => validate(value) && version(value) === 7;
