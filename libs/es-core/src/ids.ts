import { createHash } from 'node:crypto';
import { v7 as uuidv7, validate, version } from 'uuid';

/** New ids for events and aggregates are UUIDv7: time-ordered, so indexes stay compact. */
export const newId = (): string => uuidv7();

const SEED_NAMESPACE = Buffer.from('0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de'.replace(/-/g, ''), 'hex');

/**
 * Stable ids for seeded things, so a second seed run finds what the first one made: a UUIDv5
 * (RFC 9562: SHA-1 of namespace and key, version and variant bits set) in the platform's
 * namespace. Hashed with node:crypto directly: the uuid package's v5 re-encodes the namespace and
 * key on every call and is 3–4× slower, and composing an agenda makes one id per item.
 */
export const stableId = (key: string): string => {
  const hash = createHash('sha1').update(SEED_NAMESPACE).update(key, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const isUuid = (value: string): boolean => validate(value);
export const isUuidV7 = (value: string): boolean => validate(value) && version(value) === 7;
