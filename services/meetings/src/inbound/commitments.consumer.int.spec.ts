import type { DataSource } from 'typeorm';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import type { IntegrationMessage } from '@regie/es-core';
import { testDatabase } from '@regie/test-kit';
import { meetingsReadModel } from '../index';
import { InboundActionRow, InboundCommitmentRow } from '../read-model/entities';
import { applyCommitmentsEvent, applyCommitmentsEvents } from './commitments.consumer';

const id = (n: number) => `0196a4a2-7c1e-7000-8000-0000000000c${n}`;
const due = (date: string | null) => ({ text: date ?? 'z.s.m.', date });
const registered = (n: number, date: string | null, actionCodes: string[]) => ({
  type: 'CommitmentRegisteredV1',
  commitmentId: id(n),
  text: `Voorbeeld: toezegging ${n}`,
  madeBy: 'Voorbeeld: de minister',
  madeAt: { date: '2026-01-15', source: 'Voorbeeld: commissiedebat' },
  due: due(date),
  actionCodes,
  externalRef: null,
});

/** Every kind of message meetings applies, in an order that opens, changes, closes and reopens toezeggingen. */
const payloads: object[] = [
  registered(1, '2026-06-30', ['1.1']), // its action known: placed
  registered(2, '2026-07-31', ['1.1', '9.9']), // one action unknown: unplaced
  registered(3, null, ['1.1']), // no date: on no agenda
  registered(4, '2026-05-31', []), // no action: unplaced
  { type: 'CommitmentPostponedV1', commitmentId: id(1), previousDue: due('2026-06-30'), due: due('2026-09-30'), reason: 'later' },
  {
    type: 'CommitmentUpdatedV1',
    commitmentId: id(2),
    text: 'Voorbeeld: nieuwe tekst',
    previousDue: due('2026-07-31'),
    due: due('2026-08-31'),
  },
  { type: 'CommitmentDueSoonV1', commitmentId: id(3), dueDate: '2026-04-30', text: 'Voorbeeld: toezegging 3', actionCodes: ['1.1'] },
  { type: 'CommitmentBecameOverdueV1', commitmentId: id(4), dueDate: '2026-05-31' },
  { type: 'CommitmentPostponedV1', commitmentId: id(4), previousDue: due('2026-05-31'), due: due(null), reason: 'onbekend' }, // no date: off
  { type: 'CommitmentFulfilledV1', commitmentId: id(2), document: { kenmerk: null, title: 'Voorbeeld: brief', date: null } },
  { type: 'CommitmentDueSoonV1', commitmentId: id(2), dueDate: '2026-08-31', text: 'Voorbeeld: weer open', actionCodes: ['1.1'] }, // back
  { type: 'CommitmentUpdatedV1', commitmentId: id(5), text: 'onbekend', previousDue: due(null), due: due('2026-10-31') }, // unknown: nothing
  { type: 'CommitmentWithdrawnV1', commitmentId: id(1), reason: 'Voorbeeld: vervallen' },
];
const messages: IntegrationMessage[] = payloads.map((payload, i) => ({
  topic: COMMITMENTS_TOPIC_V1,
  key: 'k',
  eventId: `e${i}`,
  type: (payload as { type: string }).type,
  payload,
  position: i + 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
}));

/** A draft's toezeggingen as one message at a time (live) and as batches (replay) leave them: the same rows. */
describe("meetings' toezeggingen consumer", () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const open: DataSource[] = [];
  beforeAll(async () => (db = await testDatabase('meetings_commitments_consumer')));
  afterAll(async () => {
    for (const ds of open) await ds.destroy();
    await db.drop();
  });

  const applied = async (schema: string, apply: (ds: DataSource) => Promise<void>) => {
    const ds = await meetingsReadModel(db.url).openDataSource(schema);
    open.push(ds);
    await ds.getRepository(InboundActionRow).insert({ code: '1.1', werkagendaId: 'w' });
    await apply(ds);
    return ds.getRepository(InboundCommitmentRow).find({ order: { id: 'ASC' } });
  };

  it('leaves the same rows whether it applies the messages one by one or in batches', async () => {
    const oneByOne = await applied('one_by_one', async (ds) => {
      for (const m of messages) await ds.transaction((em) => applyCommitmentsEvent(m, em));
    });
    const oneBatch = await applied('one_batch', (ds) => ds.transaction((em) => applyCommitmentsEvents(messages, em)));
    const twoBatches = await applied('two_batches', async (ds) => {
      await ds.transaction((em) => applyCommitmentsEvents(messages.slice(0, 7), em));
      await ds.transaction((em) => applyCommitmentsEvents(messages.slice(7), em));
    });
    expect(oneByOne).toEqual([
      { id: id(2), text: 'Voorbeeld: weer open', dueDate: '2026-08-31', actionCodes: ['1.1'], unplaced: false },
      { id: id(3), text: 'Voorbeeld: toezegging 3', dueDate: '2026-04-30', actionCodes: ['1.1'], unplaced: false },
    ]);
    expect(oneBatch).toEqual(oneByOne);
    expect(twoBatches).toEqual(oneByOne);
  });

  it('places a toezegging by the actions it names, in a batch as one by one', async () => {
    const rows = await applied('placing', (ds) => ds.transaction((em) => applyCommitmentsEvents(messages.slice(0, 4), em)));
    expect(rows.map((r) => [r.id, r.unplaced])).toEqual([
      [id(1), false],
      [id(2), true],
      [id(4), true],
    ]);
  });
});
