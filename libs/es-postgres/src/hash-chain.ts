import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { RecordedEvent } from '@regie/es-core';

/**
 * Tamper evidence: every event's hash covers its content, its metadata, its place (position,
 * stream, revision), its times and the previous event's hash, in global order. Altering,
 * deleting or reordering a stored row breaks the chain from that row on.
 *
 * The input is canonical JSON (object keys sorted at every depth), because PostgreSQL's jsonb
 * does not keep key order: the same event read back must hash the same.
 */
export const GENESIS = '';

export function chainHash(previous: string, event: Omit<RecordedEvent, 'recordedAt'> & { recordedAt: Date }): string {
  const content = canonicalJson({
    position: event.position,
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  });
  return createHash('sha256').update(previous).update('\n').update(content).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON()); // e.g. a Date: stored as its JSON string
  }
  // Loops and one string instead of entries/filter/map/join: a verification of the chain runs this
  // over every event, and its garbage was a quarter of that time. Keys sort by UTF-16 code units,
  // as Array.prototype.sort does by default.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (i in value ? canonicalJson(value[i]) : '');
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += (out.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/**
 * An event's canonical JSON (what chainHash hashes) as two texts around the fields only the
 * database knows when it appends (position, recordedAt, revision), plus the canonical JSON of its
 * data and metadata, which is what the store writes: `before + position + ',"recordedAt":"' + iso
 * + '","revision":' + revision + after` is exactly chainHash's input, as the keys sort as data, id,
 * metadata, occurredAt | position, recordedAt, revision | schemaVersion, streamId, type.
 * The append function (append-function.ts) completes and hashes it under the head lock.
 */
export interface ChainParts {
  data: string;
  metadata: string;
  before: string;
  after: string;
}

export function chainParts(event: {
  id: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  occurredAt: Date;
}): ChainParts {
  const data = canonicalJson(event.data);
  const metadata = canonicalJson(event.metadata);
  const str = JSON.stringify;
  return {
    data,
    metadata,
    before: `{"data":${data},"id":${str(event.id)},"metadata":${metadata},"occurredAt":${str(event.occurredAt.toISOString())},"position":`,
    after: `,"schemaVersion":${canonicalJson(event.schemaVersion)},"streamId":${str(event.streamId)},"type":${str(event.type)}}`,
  };
}

/** chainParts completed, as the append function does it in SQL; for tests and tools. */
export const completeChainParts = (parts: ChainParts, position: number, recordedAt: Date, revision: number): string =>
  `${parts.before}${position},"recordedAt":${JSON.stringify(recordedAt.toISOString())},"revision":${revision}${parts.after}`;

/**
 * The chain key signs what a verification found intact: each event's seal and each checkpoint.
 * It must not be in the database, so that whoever can rewrite the database cannot sign a
 * rewritten history: it comes from REGIE_CHAIN_KEY, is derived from REGIE_MASTER_KEY, or is kept
 * in a key file beside the database (see the platform's chain-key.ts).
 */
export const CHAIN_KEY_BYTES = 32;

/** A key for the chain from the master key, separate from every other use of the master key. */
export const deriveChainKey = (masterKey: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'regie event chain signing key', CHAIN_KEY_BYTES));

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** Names a chain key without revealing it, so a checkpoint signed with another key is told apart from a forged one. */
/** Per key (the same Buffer for a whole verification): a seal per event needs the key's id. */
const keyIds = new WeakMap<Buffer, string>();

export const chainKeyId = (key: Buffer): string => {
  let id = keyIds.get(key);
  if (id === undefined) keyIds.set(key, (id = mac(key, 'regie chain key id').slice(0, 16)));
  return id;
};

/**
 * An event's seal: the key holder saw the event intact at this position with this chain hash.
 * Prefixed with the key's id, so a seal made with another key is told apart from a broken one.
 */
export const sealOf = (key: Buffer, position: number, hash: string): string =>
  `${chainKeyId(key)}:${mac(key, `regie chain seal|${position}|${hash}`)}`;

/** A checkpoint's signature: the chain was intact up to this position and ended in this hash. */
export const checkpointSignature = (key: Buffer, position: number, hash: string): string =>
  mac(key, `regie chain checkpoint|${position}|${hash}`);

/** Compares a stored MAC with the expected one in constant time; anything malformed is simply unequal. */
export const sameMac = (stored: unknown, expected: string): boolean =>
  typeof stored === 'string' && stored.length === expected.length && timingSafeEqual(Buffer.from(stored), Buffer.from(expected));
