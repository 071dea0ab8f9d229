import type { Pool } from 'pg';
import {
  type CommandContext,
  type EventStore,
  type PersonalDataVault,
  REDACTED_NAME,
  type SealedName,
  UNREADABLE_NAME,
} from '@regie/es-core';
import { postgresStoreOf } from '../adapters';
import { erasePerson, type ErasureOutcome, type PersonalDataErased, personalDataStream } from './personal-data';
import { plainMentions, type PlainMentions } from './mentions';

export interface ForgetDependencies {
  store: EventStore;
  vault: PersonalDataVault;
  pool: Pool;
  /** The live read-model schemas, searched for plain-text mentions. */
  readModelSchemas: string[];
}

export type ForgetReport = Exclude<ErasureOutcome, { status: 'unknown' }> & { remaining: PlainMentions };

/**
 * "Forget person X", for the API and the CLI alike: the erasure (recorded, key deleted), and
 * where the name still occurs as plain text. `unknown` when no key was ever made for the name.
 */
export async function forgetPerson(
  deps: ForgetDependencies,
  name: string,
  context: CommandContext,
): Promise<ForgetReport | { status: 'unknown'; remaining: PlainMentions }> {
  const outcome = await erasePerson(deps.store, deps.vault, name, context);
  const remaining = await plainMentions(deps.pool, name, postgresStoreOf(deps.store), deps.readModelSchemas);
  return { ...outcome, remaining };
}

/**
 * "Forget this person" for the directory, by the person's sealed name rather than a typed one:
 * the name is opened only to find its subject's key, which is then deleted as forgetPerson does.
 * A name that no longer opens was forgotten before (by name, or an earlier attempt): the record
 * of that erasure says when.
 */
export async function forgetPersonById(
  deps: ForgetDependencies,
  person: { name: SealedName },
  context: CommandContext,
): Promise<ForgetReport> {
  const [name] = await deps.vault.open([person.name]);
  if (name !== REDACTED_NAME && name !== UNREADABLE_NAME) {
    const report = await forgetPerson(deps, name, context);
    if (report.status !== 'unknown') return report;
  }
  const [erased] = (await deps.store.readStream(personalDataStream(person.name.subject), {
    maxCount: 1,
  })) as unknown as PersonalDataErased[];
  return {
    status: 'already-forgotten',
    erasedAt: erased?.data.erasedAt ?? context.now.toISOString(),
    remaining: { events: [], tables: [] },
  };
}
