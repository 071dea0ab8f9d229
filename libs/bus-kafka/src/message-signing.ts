import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed bus messages: whoever can produce to the broker must not be able to change a read model.
 * The producing process signs each message with an HMAC-SHA256 under a key every process of the
 * platform shares; a consumer verifies it before its handler runs. Keys have an id, so a key can
 * be rotated without stopping the platform:
 *
 *   1. add the new key to REGIE_BUS_KEYS of every process (they all verify with it from then on);
 *   2. switch REGIE_BUS_SIGNING_KID to it, process by process;
 *   3. once no message signed with the old key is left unconsumed, remove the old key.
 *
 * Pure (no client library): each Kafka adapter calls `signMessage` where it produces and
 * `verifyMessage` where it consumes.
 */

/** The header that carries `<key id>:<signature in base64>`. */
export const SIGNATURE_HEADER = 'regie-signature';
/** The headers that identify a message and are signed with it (the envelope repeats them). */
export const SIGNED_HEADERS = ['eventId', 'type'] as const;
/** A key must hold at least this many bytes (HMAC-SHA256's block of security). */
export const BUS_KEY_MIN_BYTES = 32;

const KID = /^[A-Za-z0-9._-]{1,64}$/;
const DOMAIN = 'regie-bus-signature-v1';

export interface BusKeyring {
  /** Every key this process accepts, by id. */
  keys: ReadonlyMap<string, Buffer>;
  /** The id of the key this process signs with; one of `keys`. */
  signingKid: string;
}

/** A message as it is on the wire; header values as a Kafka client hands them over. */
export interface WireMessage {
  topic: string;
  key: Buffer | string | null | undefined;
  value: Buffer | string | null | undefined;
  headers?: Record<string, HeaderValue>;
}
type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export type Verification = { ok: true; kid: string } | { ok: false; reason: string };

/**
 * `kid1:base64,kid2:base64` → a keyring signing with `signingKid` (default: the first key listed).
 * Throws an Error whose message, in Dutch, names what is wrong (for the configuration's refusal).
 */
export function parseBusKeys(text: string, signingKid?: string): BusKeyring {
  const keys = new Map<string, Buffer>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const kid = colon < 0 ? '' : entry.slice(0, colon).trim();
    const secret = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!KID.test(kid))
      throw new Error(
        `verwacht sleutel-id:sleutel, met een sleutel-id van letters, cijfers, punt of streep (bij "${kid || entry.slice(0, 8)}…")`,
      );
    if (keys.has(kid)) throw new Error(`sleutel-id ${kid} staat er twee keer in`);
    const bytes = Buffer.from(secret, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || bytes.length < BUS_KEY_MIN_BYTES)
      throw new Error(`sleutel ${kid} moet minstens ${BUS_KEY_MIN_BYTES} bytes in base64 zijn, bijvoorbeeld: openssl rand -base64 32`);
    keys.set(kid, bytes);
  }
  if (keys.size === 0) throw new Error('verwacht minstens één sleutel als sleutel-id:sleutel, bijvoorbeeld k1:$(openssl rand -base64 32)');
  const kid = signingKid ?? [...keys.keys()][0];
  if (!keys.has(kid)) throw new Error(`de ondertekensleutel ${kid} staat niet in REGIE_BUS_KEYS`);
  return { keys, signingKid: kid };
}

/** The headers to add to a message so that consumers accept it. */
export function signMessage(keyring: BusKeyring, message: WireMessage): Record<string, string> {
  const secret = keyring.keys.get(keyring.signingKid);
  if (!secret) throw new Error(`no bus key with id ${keyring.signingKid}`);
  return { [SIGNATURE_HEADER]: `${keyring.signingKid}:${mac(secret, keyring.signingKid, message).toString('base64')}` };
}

/** Whether the message carries a valid signature under one of the keyring's keys, or why not. */
export function verifyMessage(keyring: BusKeyring, message: WireMessage): Verification {
  const header = text(message.headers?.[SIGNATURE_HEADER]);
  if (header === undefined) return { ok: false, reason: 'unsigned: no regie-signature header' };
  const colon = header.indexOf(':');
  const kid = header.slice(0, colon);
  const given = Buffer.from(header.slice(colon + 1), 'base64');
  const secret = colon > 0 ? keyring.keys.get(kid) : undefined;
  if (!secret) return { ok: false, reason: `bad signature: unknown key id ${JSON.stringify(kid.slice(0, 64))}` };
  const expected = mac(secret, kid, message);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: `bad signature under key ${kid}` };
  return { ok: true, kid };
}

/** HMAC over every signed part, each length-prefixed so no two messages share an input. */
function mac(secret: Buffer, kid: string, message: WireMessage): Buffer {
  const hmac = createHmac('sha256', secret);
  const part = (value: Buffer | string | undefined | null) => {
    const length = Buffer.alloc(4);
    if (value === undefined || value === null) {
      length.writeInt32BE(-1);
      return hmac.update(length);
    }
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    length.writeInt32BE(bytes.length);
    hmac.update(length).update(bytes);
  };
  part(DOMAIN);
  part(kid);
  part(message.topic);
  part(message.key);
  part(message.value);
  for (const name of SIGNED_HEADERS) part(text(message.headers?.[name]));
  return hmac.digest();
}

/** A header's value as text (a header given more than once does not count as given). */
function text(value: HeaderValue): string | undefined {
  if (value === undefined || Array.isArray(value)) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}
