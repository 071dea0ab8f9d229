import { type Clock, type EventStore, newId, type NewEvent } from '@regie/es-core';
import type { Lockout } from '@regie/nest-kit';

/** The security stream of an account: who was locked out, until when, after how many wrong passwords. */
export const accountStream = (account: string) => `account-${account}`;

export type LoginLockedOut = NewEvent<'LoginLockedOut', { account: string; until: string; attempts: number }>;

/**
 * Records a temporary lockout in the store, so auditors find it in the audit log beside every
 * other change. Only for accounts that exist: a name someone typed may be anything, a person's
 * e-mail address included, and does not belong in a history that is never rewritten.
 */
export function recordLockout(store: EventStore, clock: Clock, exists: (account: string) => Promise<boolean>) {
  return async (lockout: Lockout): Promise<void> => {
    if (!(await exists(lockout.account))) return;
    const id = newId();
    const event: LoginLockedOut = {
      id,
      type: 'LoginLockedOut',
      schemaVersion: 1,
      occurredAt: clock.now(),
      data: { account: lockout.account, until: lockout.until.toISOString(), attempts: lockout.attempts },
      metadata: { actor: { userId: 'login-throttle', role: 'system' }, correlationId: id, causationId: id },
    };
    await store.append(accountStream(lockout.account), [event], 'any');
  };
}
