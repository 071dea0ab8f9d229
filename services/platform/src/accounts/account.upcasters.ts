import type { Upcaster } from '@regie/es-core';

export const ACCOUNT_UPCASTERS: Upcaster[] = [
  /**
   * PasswordReset v1 → v2: v1 carried the scrypt salt and hash of the new password (base64). v2
   * keeps credentials out of the history (they live in `auth.credentials`, docs/security.md): a v1
   * event reads without them, so no reader (audit API, projections, replays) ever sees them.
   * Whether Regie generated that password was not recorded: `generated` reads null.
   */
  {
    type: 'PasswordReset',
    fromVersion: 1,
    upcast: (data) => ({ accountId: (data as { accountId: string }).accountId, generated: null }),
  },
];
