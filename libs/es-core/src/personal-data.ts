import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';

/**
 * Personal data (AVG/GDPR) by crypto-shredding. A person's name is never stored as text: events,
 * integration messages and read-model rows hold it sealed under a key of its own data subject
 * (AES-256-GCM), and names are opened only when an answer leaves the platform. Forgetting a
 * person deletes the subject's key: every sealed copy (history, Kafka topics, read models,
 * rebuilds, time-travel schemas, backups of those) then reads as `REDACTED_NAME`, while the
 * stored bytes — and so the hash chain — stay as they were.
 */
export interface SealedName {
  /** The data subject: a random id, the same for every mention of the same (normalised) name. */
  subject: string;
  alg: 'A256GCM';
  /** base64url */
  iv: string;
  ciphertext: string;
  tag: string;
}

/**
 * Text that names persons, e.g. "Minister voor Langdurige Zorg en Sport ({0})": the function
 * stays readable, each `{n}` is `persons[n]` opened (or redacted) when the text is shown.
 */
export interface PersonalText {
  text: string;
  persons: SealedName[];
}

/** What a forgotten person's name reads as. */
export const REDACTED_NAME = '[verwijderd]';
/** A sealed value that does not open with its subject's key (altered): shown instead of failing. */
export const UNREADABLE_NAME = '[onleesbaar]';

export const isSealedName = (value: unknown): value is SealedName => {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.alg === 'A256GCM' &&
    typeof v.subject === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.ciphertext === 'string' &&
    typeof v.tag === 'string'
  );
};

export const isPersonalText = (value: unknown): value is PersonalText => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return Object.keys(v).length === 2 && typeof v.text === 'string' && Array.isArray(v.persons) && v.persons.every(isSealedName);
};

/** Fills the `{n}` placeholders of a personal text with the (opened) names. */
export const renderPersonalText = (text: string, names: readonly string[]): string =>
  text.replace(/\{(\d+)\}/g, (whole, n: string) => names[Number(n)] ?? whole);

/** The form two spellings of one name share: case, accents and spacing do not make a second person. */
export const normaliseName = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const b64 = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * Seals a name under its subject's key. Deterministic: the IV is derived from the key and the
 * name (a synthetic IV), so sealing the same name again gives the same value — commands stay
 * idempotent and equal data stays equal. It reveals only that two mentions are the same
 * spelling, which the subject id already tells. The subject id is authenticated data.
 */
export function sealWith(key: Buffer, subject: string, name: string): SealedName {
  const iv = createHmac('sha256', key).update('iv\0').update(name, 'utf8').digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(name, 'utf8'), cipher.final()]);
  return { subject, alg: 'A256GCM', iv: b64(iv), ciphertext: b64(ciphertext), tag: b64(cipher.getAuthTag()) };
}

/** Opens a sealed name; throws when it was altered or sealed under another key. */
export function openWith(key: Buffer, sealed: SealedName): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
  decipher.setAAD(Buffer.from(sealed.subject, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** A subject key (or the lookup key) encrypted under the master key: iv (12) | tag (16) | ciphertext. */
export function wrapKey(master: Buffer, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function unwrapKey(master: Buffer, wrapped: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, 12));
  decipher.setAuthTag(wrapped.subarray(12, 28));
  return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
}

/** The keyed hash a subject is found by: the name itself is kept nowhere, not even hashed without a key. */
export const lookupOf = (lookupKey: Buffer, name: string): string =>
  createHmac('sha256', lookupKey).update(normaliseName(name), 'utf8').digest('hex');

export const newKey = (): Buffer => randomBytes(32);

export interface ForgetOutcome {
  /** `unknown`: no key was ever made for this name (or it was forgotten before and never used since). */
  status: 'forgotten' | 'already-forgotten' | 'unknown';
  /** The subject whose key was deleted (only for `forgotten`). */
  subject?: string;
  erasedAt?: Date;
}

/** How many people the vault holds a key for, and how many it has forgotten (for operators; no names). */
export interface VaultStatistics {
  subjects: number;
  erased: number;
}

/**
 * Port: the keys of data subjects. Adapters: PostgreSQL (shared by every service process of the
 * platform, so one person is one subject everywhere and one erasure reaches all services) and in
 * memory (tests, single process). Seal and open are the same everywhere; adapters only keep keys.
 */
export abstract class PersonalDataVault {
  abstract readonly kind: 'postgres' | 'memory';

  /** The key that turns a name into its lookup hash. */
  protected abstract lookupKey(): Promise<Buffer>;
  /** The subject and key for a lookup hash, made on first use (concurrent first uses agree). */
  protected abstract subjectFor(lookup: string): Promise<{ subject: string; key: Buffer }>;
  /** The keys of those subjects that still have one. */
  protected abstract keysOf(subjects: string[]): Promise<Map<string, Buffer>>;
  /** The subject found by `lookup`, if it has a key; never makes one. */
  protected abstract findSubject(lookup: string): Promise<string | undefined>;
  /** Deletes the key of the subject found by `lookup`; remembers only that the lookup was erased. */
  protected abstract erase(lookup: string, at: Date): Promise<ForgetOutcome>;

  abstract statistics(): Promise<VaultStatistics>;

  async seal(name: string): Promise<SealedName> {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (clean === '') throw new Error('an empty name cannot be sealed');
    const { subject, key } = await this.subjectFor(lookupOf(await this.lookupKey(), clean));
    return sealWith(key, subject, clean);
  }

  async sealText(input: { text: string; persons: string[] }): Promise<PersonalText> {
    const persons: SealedName[] = [];
    for (const name of input.persons) persons.push(await this.seal(name));
    return { text: input.text, persons };
  }

  /** The names in order; `REDACTED_NAME` where the subject was forgotten. */
  async open(sealed: readonly SealedName[]): Promise<string[]> {
    if (sealed.length === 0) return [];
    const keys = await this.keysOf([...new Set(sealed.map((s) => s.subject))]);
    return sealed.map((s) => {
      const key = keys.get(s.subject);
      if (!key) return REDACTED_NAME;
      try {
        return openWith(key, s);
      } catch {
        return UNREADABLE_NAME;
      }
    });
  }

  /** The subject of a name that has a key, without making one (e.g. to record an erasure before it happens). */
  async subjectOf(name: string): Promise<string | undefined> {
    return this.findSubject(lookupOf(await this.lookupKey(), name));
  }

  /** Deletes the key of the person with this name: every sealed mention reads as redacted from now on. */
  async forget(name: string, at: Date): Promise<ForgetOutcome> {
    return this.erase(lookupOf(await this.lookupKey(), name), at);
  }

  async close(): Promise<void> {}
}

/** Keys in memory: for tests and a single process without a database. */
export class InMemoryPersonalDataVault extends PersonalDataVault {
  readonly kind = 'memory';
  private readonly key = newKey();
  private readonly subjects = new Map<string, { subject: string; key: Buffer }>();
  private readonly erased = new Map<string, Date>();

  protected async lookupKey(): Promise<Buffer> {
    return this.key;
  }

  protected async subjectFor(lookup: string): Promise<{ subject: string; key: Buffer }> {
    let found = this.subjects.get(lookup);
    if (!found) {
      found = { subject: randomUUID(), key: newKey() };
      this.subjects.set(lookup, found);
      this.erased.delete(lookup);
    }
    return found;
  }

  protected async keysOf(subjects: string[]): Promise<Map<string, Buffer>> {
    const wanted = new Set(subjects);
    return new Map([...this.subjects.values()].filter((s) => wanted.has(s.subject)).map((s) => [s.subject, s.key]));
  }

  protected async findSubject(lookup: string): Promise<string | undefined> {
    return this.subjects.get(lookup)?.subject;
  }

  protected async erase(lookup: string, at: Date): Promise<ForgetOutcome> {
    const found = this.subjects.get(lookup);
    if (found) {
      this.subjects.delete(lookup);
      this.erased.set(lookup, at);
      return { status: 'forgotten', subject: found.subject, erasedAt: at };
    }
    const before = this.erased.get(lookup);
    return before ? { status: 'already-forgotten', erasedAt: before } : { status: 'unknown' };
  }

  async statistics(): Promise<VaultStatistics> {
    return { subjects: this.subjects.size, erased: this.erased.size };
  }
}
