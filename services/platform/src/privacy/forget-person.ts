import type { Pool } from 'pg';
import type { CommandContext, EventStore, PersonalDataVault } from '@regie/es-core';
import { postgresStoreOf } from '../adapters';
import { erasePerson, type ErasureOutcome } from './personal-data';
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
