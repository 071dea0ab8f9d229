import { type CommandContext, type Decider, type DomainEvent, EventStore, handleCommand, type PersonalDataVault } from '@regie/es-core';

/**
 * The record of an erasure: which data subject's key was deleted, when, by whom (metadata) —
 * never the name. Stream `personal-data-<subject>`; an erasure is recorded once.
 */
export type PersonalDataErased = DomainEvent<'PersonalDataErased', { subject: string; erasedAt: string }>;
type ErasePersonalData = { type: 'ErasePersonalData'; data: { subject: string; erasedAt: string } };

export const personalDataStream = (subject: string): string => 'personal-data-' + subject;

const erasureDecider: Decider<ErasePersonalData, PersonalDataErased, { erased: boolean }> = {
  initialState: () => ({ erased: false }),
  evolve: () => ({ erased: true }),
  decide: (command, state) => (state.erased ? [] : [{ type: 'PersonalDataErased', data: command.data }]),
};

export type ErasureOutcome =
  { status: 'forgotten'; subject: string; erasedAt: string } | { status: 'already-forgotten'; erasedAt: string } | { status: 'unknown' };

/**
 * Forgets a person: records the erasure (without the name), then deletes the subject's key. In
 * that order, so a crash in between leaves a key that the next attempt deletes, never a deletion
 * without its record; recording is idempotent per subject.
 */
export async function erasePerson(
  store: EventStore,
  vault: PersonalDataVault,
  name: string,
  context: CommandContext,
): Promise<ErasureOutcome> {
  const subject = await vault.subjectOf(name);
  if (subject) {
    const erasedAt = context.now.toISOString();
    await handleCommand(
      store,
      personalDataStream(subject),
      erasureDecider,
      { type: 'ErasePersonalData', data: { subject, erasedAt } },
      {
        ...context,
        expectedRevision: undefined,
      },
    );
  }
  const outcome = await vault.forget(name, context.now);
  if (outcome.status === 'forgotten')
    return { status: 'forgotten', subject: outcome.subject as string, erasedAt: (outcome.erasedAt as Date).toISOString() };
  if (outcome.status === 'already-forgotten') return { status: 'already-forgotten', erasedAt: (outcome.erasedAt as Date).toISOString() };
  return { status: 'unknown' };
}
