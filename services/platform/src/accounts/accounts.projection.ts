import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import { ACCOUNT_EVENT_TYPES, type AccountEvent } from './account';

const TYPES = new Set<string>(ACCOUNT_EVENT_TYPES);

/**
 * `auth.accounts` from the account streams. Runs in the ProjectionRunner's transaction, which also
 * moves the checkpoint (`auth.projection_checkpoints`, name `accounts`): the rows and the checkpoint
 * always agree. Times come from the events, so a rebuild writes the same rows. Passwords are not
 * here: `auth.credentials` is written by the reset itself and survives a rebuild (docs/security.md).
 */
export const accountsProjection: Projection = {
  name: 'accounts',
  handles: (event) => TYPES.has(event.type) && event.streamId.startsWith('account-'),
  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    const event = recorded as unknown as AccountEvent & { occurredAt: Date };
    const at = recorded.occurredAt;
    const update = (set: string | undefined, values: unknown[]) =>
      em.query(`UPDATE auth.accounts SET ${set ? `${set}, ` : ''}updated_at = $2 WHERE id = $1`, [event.data.accountId, at, ...values]);
    switch (event.type) {
      case 'AccountCreated': {
        const { accountId, username, grants, personId } = event.data;
        await em.query(
          `INSERT INTO auth.accounts (id, username, person_id, disabled, grants, created_at, updated_at)
           VALUES ($1, $2, $3, false, $4::jsonb, $5, $5) ON CONFLICT (id) DO NOTHING`,
          [accountId, username, personId, JSON.stringify(grants), at],
        );
        return;
      }
      case 'GrantsChanged':
        await update('grants = $3::jsonb', [JSON.stringify(event.data.grants)]);
        return;
      case 'AccountDisabled':
        await update('disabled = true', []);
        return;
      case 'AccountEnabled':
        await update('disabled = false', []);
        return;
      case 'PasswordReset':
        // The credential is not in the event (auth.credentials, written by the reset itself): only the moment.
        await update(undefined, []);
        return;
      case 'PersonLinked':
        await update('person_id = $3', [event.data.personId]);
        return;
    }
  },
};
