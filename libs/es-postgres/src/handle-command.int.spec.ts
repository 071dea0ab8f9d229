import {
  type CommandContext,
  type Decider,
  type DomainEvent,
  handleCommand,
  IllegalTransition,
  WrongExpectedRevision,
} from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

/** A seat that can be taken once: the rule a concurrent writer must see before it decides. */
type Taken = DomainEvent<'SeatTaken', { by: string }>;
const seat: Decider<{ by: string }, Taken, { takenBy?: string; claims: number }> = {
  initialState: () => ({ claims: 0 }),
  evolve: (state, event) => ({ takenBy: event.data.by, claims: state.claims + 1 }),
  decide: (command, state) => {
    if (state.takenBy) throw new IllegalTransition(`bezet door ${state.takenBy}`);
    return [{ type: 'SeatTaken', data: { by: command.by } }];
  },
};
/** Every writer adds a line: nothing it decides depends on what others wrote. */
type Noted = DomainEvent<'Noted', { n: number }>;
const notes: Decider<{ n: number }, Noted, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (command) => [{ type: 'Noted', data: { n: command.n } }],
};

const context = (expectedRevision?: number): CommandContext => ({
  actor: { userId: 'coordinator', role: 'coordinator' },
  correlationId: 'c',
  causationId: 'c',
  now: new Date('2026-03-01T10:00:00Z'),
  expectedRevision,
});

describe('handleCommand on PostgreSQL under concurrent writers', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  let other: PostgresEventStore; // a second process's store on the same database
  beforeEach(async () => {
    db = await testDatabase('handle_command');
    store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 20 });
    other = await PostgresEventStore.open({ connectionString: db.url, poolSize: 20 });
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    await db.drop();
  });

  it('appends every write without If-Match, from two processes at once, each once', async () => {
    const writes = Array.from({ length: 80 }, (_, n) => handleCommand(n % 2 ? store : other, 'notes-1', notes, { n }, context()));
    await Promise.all(writes);
    const stored = await store.readStream('notes-1');
    expect(stored.map((e) => (e.data as { n: number }).n).sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, n) => n));
  });

  it('decides a retried write again on the new state, so a rule that the other writer made false refuses it', async () => {
    const outcomes = await Promise.allSettled(
      ['actiehouder-a', 'actiehouder-b', 'actiehouder-c'].map((by) => handleCommand(store, 'seat-1', seat, { by }, context())),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual([
      expect.any(IllegalTransition),
      expect.any(IllegalTransition),
    ]);
    expect(await store.readStream('seat-1')).toHaveLength(1);
  });

  it('keeps refusing a write whose If-Match the stream has moved past', async () => {
    await handleCommand(store, 'notes-2', notes, { n: 1 }, context());
    await expect(handleCommand(store, 'notes-2', notes, { n: 2 }, context(-1))).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(await store.readStream('notes-2')).toHaveLength(1);
  });
});
