import { type CommandContext, type Decider, type DomainEvent, handleCommand, IllegalTransition, stateOf } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

/** A progress log: the state counts reports and keeps the last three, and refuses a report on a closed log. */
type LogEvent = DomainEvent<'Reported', { text: string }> | DomainEvent<'Closed', Record<string, never>>;
type LogState = { reports: number; last: string[]; closed: boolean };
type LogCommand = { type: 'report'; text: string } | { type: 'close' };
const log: Decider<LogCommand, LogEvent, LogState> = {
  initialState: () => ({ reports: 0, last: [], closed: false }),
  evolve: (state, event) =>
    event.type === 'Closed'
      ? { ...state, closed: true }
      : { ...state, reports: state.reports + 1, last: [...state.last, event.data.text].slice(-3) },
  decide: (command, state) => {
    if (state.closed) throw new IllegalTransition('het logboek is gesloten');
    return command.type === 'close' ? [{ type: 'Closed', data: {} }] : [{ type: 'Reported', data: { text: command.text } }];
  },
};
/** The same log, but its state is counted another way: a version bump. */
const logV2: Decider<LogCommand, LogEvent, LogState> = {
  ...log,
  evolve: (state, event) =>
    event.type === 'Reported' ? { ...log.evolve(state, event), reports: state.reports + 10 } : log.evolve(state, event),
};

const context = (idempotencyKey?: string): CommandContext => ({
  actor: { userId: 'coordinator', role: 'coordinator' },
  correlationId: 'c',
  causationId: 'c',
  now: new Date('2026-03-01T10:00:00Z'),
  idempotencyKey,
});

describe('decider-state snapshots in handleCommand', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await testDatabase('snapshots');
    store = await PostgresEventStore.open({ connectionString: db.url });
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  const snapshotRow = async () =>
    (await store.sqlPool.query(`SELECT version, revision, state FROM es.snapshots WHERE stream_id = 'log-1'`)).rows[0] as
      { version: number; revision: string; state: LogState } | undefined;

  it('decides on the snapshot plus the events after it exactly as on the whole stream', async () => {
    const options = { decider: 'log', version: 1, every: 10 };
    for (let n = 0; n < 25; n++) await handleCommand(store, 'log-1', log, { type: 'report', text: `r${n}` }, context(), {}, options);
    const row = await snapshotRow();
    expect(Number(row?.revision)).toBe(19); // stored after the 20th event, the next one due after the 30th
    expect(row?.state).toEqual(stateOf(log, (await store.readStream('log-1')).slice(0, 20)));

    // A state read back from the snapshot plus the tail decides like the full fold: closing, then refusing.
    await handleCommand(store, 'log-1', log, { type: 'close' }, context(), {}, options);
    await expect(handleCommand(store, 'log-1', log, { type: 'report', text: 'te laat' }, context(), {}, options)).rejects.toBeInstanceOf(
      IllegalTransition,
    );
    const history = await store.readStream('log-1');
    expect(history).toHaveLength(26); // the history itself is unchanged: every event is there
    expect(stateOf(log, history)).toEqual({ reports: 25, last: ['r22', 'r23', 'r24'], closed: true });
  });

  it('reads only the events after the snapshot, and in the process that decided last only the events after that', async () => {
    const options = { decider: 'log', version: 1, every: 10 };
    for (let n = 0; n < 12; n++) await handleCommand(store, 'log-1', log, { type: 'report', text: `r${n}` }, context(), {}, options);
    const other = await PostgresEventStore.open({ connectionString: db.url }); // another process: no states in memory
    try {
      const reads: { fromRevision?: number }[] = [];
      for (const s of [other, store]) {
        const readStream = s.readStream.bind(s);
        jest.spyOn(s, 'readStream').mockImplementation((id, o) => (reads.push(o ?? {}), readStream(id, o)));
      }
      await handleCommand(other, 'log-1', log, { type: 'report', text: 'r12' }, context(), {}, options);
      expect(reads).toEqual([{ fromRevision: 10 }]); // the snapshot is at revision 9
      await handleCommand(store, 'log-1', log, { type: 'report', text: 'r13' }, context(), {}, options);
      expect(reads[1]).toEqual({ fromRevision: 12 }); // it decided on revision 11, and reads the other process's event
      const state = (await snapshotRow())?.state;
      expect(stateOf(log, await store.readStream('log-1'))).toEqual({ reports: 14, last: ['r11', 'r12', 'r13'], closed: false });
      expect(state?.reports).toBe(10);
    } finally {
      await other.close();
    }
  });

  it('ignores a snapshot of another decider version and folds the whole stream', async () => {
    for (let n = 0; n < 10; n++)
      await handleCommand(store, 'log-1', log, { type: 'report', text: `r${n}` }, context(), {}, { decider: 'log', version: 1, every: 5 });
    expect((await snapshotRow())?.version).toBe(1);
    const v2 = { decider: 'log', version: 2, every: 5 };
    await handleCommand(store, 'log-1', logV2, { type: 'report', text: 'r10' }, context(), {}, v2);
    const row = await snapshotRow();
    // Had the version-1 snapshot been used, 10 reports would count 10 and not 110.
    expect(row).toMatchObject({ version: 2, revision: '10' });
    expect(row?.state.reports).toBe(110);
    expect(row?.state).toEqual(stateOf(logV2, await store.readStream('log-1')));
  });

  it('answers a retried command whose events the snapshot covers as the first time, without appending again', async () => {
    const options = { decider: 'log', version: 1, every: 3 };
    const first = await handleCommand(store, 'log-1', log, { type: 'report', text: 'eerste' }, context('sleutel-1'), {}, options);
    for (let n = 0; n < 6; n++) await handleCommand(store, 'log-1', log, { type: 'report', text: `r${n}` }, context(), {}, options);
    expect(Number((await snapshotRow())?.revision)).toBeGreaterThan(first.revision);
    const again = await handleCommand(store, 'log-1', log, { type: 'report', text: 'eerste' }, context('sleutel-1'), {}, options);
    expect(again).toMatchObject({ revision: first.revision, position: first.position });
    expect(await store.readStream('log-1')).toHaveLength(7);
  });

  it('keeps no snapshot of a state that JSON would change (a Date), and still decides right', async () => {
    const dated: Decider<LogCommand, LogEvent, { at?: Date; reports: number }> = {
      initialState: () => ({ reports: 0 }),
      evolve: (state, event) => ({ at: new Date(0), reports: state.reports + (event.type === 'Reported' ? 1 : 0) }),
      decide: (command) =>
        command.type === 'close' ? [{ type: 'Closed', data: {} }] : [{ type: 'Reported', data: { text: command.text } }],
    };
    for (let n = 0; n < 6; n++)
      await handleCommand(
        store,
        'log-1',
        dated,
        { type: 'report', text: `r${n}` },
        context(),
        {},
        { decider: 'dated', version: 1, every: 2 },
      );
    expect(await snapshotRow()).toBeUndefined();
    expect(await store.readStream('log-1')).toHaveLength(6);
  });
});
