import { type PersonalDataVault, unsealed } from '@regie/es-core';
import type { AnswerStep } from './express-server';

/**
 * Personal data leaves the platform only here: read models and events hold names sealed, and
 * every JSON answer has them opened on the way out — or "[verwijderd]" once the person was
 * forgotten. CoreModule gives this step to ExpressServerAdapter, which runs it on every object a
 * handler answers. It runs after a write's Idempotency-Key interceptor kept the answer, so a kept
 * answer is kept sealed (and a repeat after forgetting shows "[verwijderd]").
 */
export const openingPersonalData =
  (vault: PersonalDataVault): AnswerStep =>
  (body) =>
    unsealed(body, vault);

/**
 * An answer that leaves as stored, its personal data sealed: the audit log shows history byte for
 * byte. Written as `stored` itself; the opening step passes over it (it has a `toJSON`).
 */
export class AsStored<T> {
  constructor(readonly stored: T) {}

  toJSON(): T {
    return this.stored;
  }
}

export const asStored = <T>(answer: T): AsStored<T> => new AsStored(answer);
