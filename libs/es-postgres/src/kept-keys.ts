import { Client, type ClientConfig } from 'pg';
import { processChanges } from '@regie/es-core';

/** The channel a change of the subject keys notifies on, in every process on the database. */
export const SUBJECT_KEYS_CHANGED = 'regie_subject_keys_changed';

/** How many subject keys a process keeps at most, and for how long at most (a belt to the notifications' braces). */
export const KEPT_KEYS_MAX = 10_000;
export const KEPT_KEYS_MAX_AGE_MS = 60_000;

/**
 * The subject keys this process has read, kept so that opening the names in an answer does not
 * read them from PostgreSQL again (a round trip for every answer with a name in it: every page
 * with an actiehouder, a bewindspersoon or a participant).
 *
 * A key goes as soon as it could have changed: a trigger on the key table NOTIFYs
 * `regie_subject_keys_changed` at the commit of every delete, update or truncate (an erasure, a
 * re-wrap under a new master key), and every process LISTENs and lets all its keys go when one
 * arrives. The process that erases lets them go itself before the erasure answers, so there the
 * name is "[verwijderd]" at once; another process follows when the notification reaches it
 * (milliseconds). A process whose listening connection is down keeps no key (every opening reads
 * them, as before) until it listens again; a key read while a change arrived is not kept; and no
 * key is kept longer than a minute. Only keys that exist are kept: a forgotten subject is read
 * again each time (subjects are never given a key again, but a restored backup could).
 */
export class KeptKeys {
  private readonly keys = new Map<string, { key: Buffer; until: number }>();
  private listener?: Client;
  private listening = false;
  private closing = false;
  /** Changes seen so far: a read that began before the last one may hold a key that is gone. */
  private changes = 0;

  constructor(
    private readonly connection: ClientConfig,
    private readonly log: (line: string) => void = () => undefined,
    private readonly maxAgeMs = KEPT_KEYS_MAX_AGE_MS,
  ) {}

  /** Starts listening; until it does (or while it cannot), nothing is kept. */
  start(): void {
    this.listen().catch((error: Error) =>
      this.log(`persoonsgegevens: sleutels worden niet bewaard tot de database meldingen geeft (${error.message})`),
    );
  }

  get(subject: string, now = Date.now()): Buffer | undefined {
    const kept = this.keys.get(subject);
    if (!kept) return undefined;
    if (kept.until > now && this.listening) return kept.key;
    this.keys.delete(subject);
    return undefined;
  }

  /** A counter, not a time: taken before the keys are read, it tells whether a change came in between. */
  since(): number {
    return this.changes;
  }

  keep(subject: string, key: Buffer, readSince: number): void {
    if (!this.listening || readSince !== this.changes) return;
    this.keys.delete(subject);
    this.keys.set(subject, { key, until: Date.now() + this.maxAgeMs });
    while (this.keys.size > KEPT_KEYS_MAX) this.keys.delete(this.keys.keys().next().value as string);
  }

  /** A change (an erasure here, or a notification from any process): every key is read again. */
  forgetAll(): void {
    this.keys.clear();
    this.changes++;
    processChanges.changed(); // a name shown anywhere in this process may be "[verwijderd]" now
  }

  get size(): number {
    return this.keys.size;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.listening = false;
    this.forgetAll();
    await this.listener?.end().catch(() => undefined);
  }

  /** A connection of its own, replaced when lost (a second later); nothing is kept while it is down. */
  private async listen(): Promise<void> {
    if (this.closing) return;
    const listener = new Client(this.connection);
    this.listener = listener;
    const lost = () => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      this.listening = false;
      this.forgetAll();
      listener.end().catch(() => undefined);
      if (!this.closing) setTimeout(() => this.listen().catch(() => undefined), 1000).unref();
    };
    listener.on('notification', () => this.forgetAll());
    listener.on('error', lost);
    listener.on('end', lost);
    try {
      await listener.connect();
      await listener.query(`LISTEN ${SUBJECT_KEYS_CHANGED}`);
    } catch (error) {
      lost();
      throw error;
    }
    this.forgetAll(); // whatever changed while nobody listened
    this.listening = !this.closing && this.listener === listener;
  }
}

/** The trigger that notifies every process of a change of the key table `table` (schema-qualified, quoted). */
export function subjectKeysTriggerSql(schema: string, table: string): string {
  return `
    CREATE OR REPLACE FUNCTION ${schema}.subject_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${SUBJECT_KEYS_CHANGED}', TG_OP); RETURN NULL; END $$;
    CREATE OR REPLACE TRIGGER regie_subject_keys_changed AFTER DELETE OR UPDATE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.subject_keys_changed();`;
}
