import { ANY, NO_STREAM, type ResolvedEvent, START } from '@kurrent/kurrentdb-client';
import type { NewEvent } from '@regie/es-core';
import {
  actualRevisionOf,
  firstRevisionFor,
  isUserEvent,
  positionOf,
  readPositionAfter,
  toEventData,
  toRecordedEvent,
  toStreamState,
} from './mapping';

const newEvent: NewEvent = {
  id: '0195a3c0-7d2e-7c41-9d6a-3b8f2e1a4c5d',
  type: 'MilestoneReplanned',
  data: { dueDate: '2026-03-31', reason: 'evaluatie later', nested: { a: [1, 2] } },
  schemaVersion: 2,
  occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  metadata: {
    actor: { userId: 'coordinator', role: 'coordinator' },
    correlationId: '0195a3c0-7d2e-7c41-9d6a-000000000001',
    causationId: '0195a3c0-7d2e-7c41-9d6a-000000000002',
    idempotencyKey: 'key-1',
  },
};

/** A read event in the client's shape, with the data and metadata that toEventData stored. */
const resolvedFrom = (
  stored: { id: string; type: string; data: unknown; metadata: unknown },
  at: { streamId: string; revision: bigint; commit?: bigint; created: Date },
): ResolvedEvent =>
  ({
    event: {
      streamId: at.streamId,
      id: stored.id,
      isJson: true,
      revision: at.revision,
      type: stored.type,
      created: at.created,
      data: stored.data,
      metadata: stored.metadata,
      position: at.commit === undefined ? undefined : { commit: at.commit, prepare: at.commit },
    },
    commitPosition: at.commit,
  }) as ResolvedEvent;

describe('toEventData', () => {
  it('stores id, type and data as a JSON event, and schemaVersion and occurredAt inside the metadata', () => {
    expect(toEventData(newEvent)).toEqual({
      id: newEvent.id,
      contentType: 'application/json',
      type: 'MilestoneReplanned',
      data: { dueDate: '2026-03-31', reason: 'evaluatie later', nested: { a: [1, 2] } },
      metadata: {
        actor: { userId: 'coordinator', role: 'coordinator' },
        correlationId: '0195a3c0-7d2e-7c41-9d6a-000000000001',
        causationId: '0195a3c0-7d2e-7c41-9d6a-000000000002',
        idempotencyKey: 'key-1',
        schemaVersion: 2,
        occurredAt: '2026-03-01T10:00:00.000Z',
      },
    });
  });

  it('survives the JSON encoding the client applies', () => {
    const stored = toEventData(newEvent);
    const metadata = JSON.parse(JSON.stringify(stored.metadata));
    expect(metadata.occurredAt).toBe('2026-03-01T10:00:00.000Z');
    expect(metadata.schemaVersion).toBe(2);
  });

  it('refuses metadata that uses a key the adapter reserves', () => {
    expect(() => toEventData({ ...newEvent, metadata: { ...newEvent.metadata, occurredAt: 'x' } })).toThrow(/"occurredAt" is reserved/);
    expect(() => toEventData({ ...newEvent, metadata: { ...newEvent.metadata, schemaVersion: 3 } })).toThrow(/"schemaVersion" is reserved/);
  });
});

describe('toRecordedEvent', () => {
  const created = new Date('2026-03-01T10:00:01.234Z');

  it('gives back exactly the NewEvent that was stored, plus stream, revision, position and recordedAt', () => {
    const stored = JSON.parse(JSON.stringify(toEventData(newEvent)));
    const recorded = toRecordedEvent(resolvedFrom(stored, { streamId: 'milestone-7', revision: 4n, commit: 18_446n, created }));
    expect(recorded).toEqual({
      id: newEvent.id,
      streamId: 'milestone-7',
      revision: 4,
      position: 18_446,
      type: 'MilestoneReplanned',
      data: newEvent.data,
      schemaVersion: 2,
      occurredAt: new Date('2026-03-01T10:00:00.000Z'),
      recordedAt: created,
      metadata: newEvent.metadata,
    });
  });

  it('reads an event written by another tool: schema version 1, occurredAt = recorded time, empty metadata', () => {
    const recorded = toRecordedEvent(
      resolvedFrom(
        { id: newEvent.id, type: 'Foreign', data: { x: 1 }, metadata: undefined },
        { streamId: 's', revision: 0n, commit: 10n, created },
      ),
    );
    expect(recorded.schemaVersion).toBe(1);
    expect(recorded.occurredAt).toEqual(created);
    expect(recorded.metadata).toEqual({});
  });

  it('fails on an unresolved link instead of inventing an event', () => {
    expect(() => toRecordedEvent({ commitPosition: 5n })).toThrow(/could not be resolved/);
  });
});

describe('positionOf', () => {
  const event = { id: newEvent.id, type: 'T', data: {}, metadata: {} };
  const created = new Date(0);

  it('is the commit position, from the resolved event or else from the recorded event', () => {
    expect(positionOf(resolvedFrom(event, { streamId: 's', revision: 0n, commit: 1234n, created }))).toBe(1234);
    const withoutTopLevel = resolvedFrom(event, { streamId: 's', revision: 0n, commit: 99n, created });
    delete withoutTopLevel.commitPosition;
    expect(positionOf(withoutTopLevel)).toBe(99);
  });

  it('refuses an event without a position (servers before 22.6 reading a stream)', () => {
    expect(() => positionOf(resolvedFrom(event, { streamId: 's', revision: 0n, created }))).toThrow(/without a log position/);
    expect(() => positionOf(resolvedFrom(event, { streamId: 's', revision: 0n, commit: 0xffff_ffff_ffff_ffffn, created }))).toThrow(
      /without a log position/,
    );
  });
});

describe('isUserEvent', () => {
  const at = { revision: 0n, commit: 1n, created: new Date(0) };
  const of = (streamId: string, type: string) => resolvedFrom({ id: newEvent.id, type, data: {}, metadata: {} }, { ...at, streamId });

  it('keeps our events and drops system event types, links and system streams', () => {
    expect(isUserEvent(of('milestone-7', 'MilestoneReplanned'))).toBe(true);
    expect(isUserEvent(of('$stats-127.0.0.1:2113', '$statsCollected'))).toBe(false);
    expect(isUserEvent(of('$ce-milestone', '$>'))).toBe(false);
    expect(isUserEvent(of('milestone-7', '$metadata'))).toBe(false);
    expect(isUserEvent(of('$scavenges', 'ScavengeStarted'))).toBe(false);
    expect(isUserEvent({ commitPosition: 1n })).toBe(false);
  });
});

describe('expected revision', () => {
  it('maps any, no_stream and numbers to the client stream state', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    expect(toStreamState(-1)).toBe(NO_STREAM);
  });

  it('refuses what is not a revision', () => {
    expect(() => toStreamState(-2)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
    expect(() => toStreamState(Number.NaN)).toThrow(RangeError);
  });

  it('reads the actual revision of a WrongExpectedVersionError as a number, -1 for no stream', () => {
    expect(actualRevisionOf(NO_STREAM)).toBe(-1);
    expect(actualRevisionOf(0n)).toBe(0);
    expect(actualRevisionOf(7n)).toBe(7);
  });

  it('knows the revision a pinned append would start at', () => {
    expect(firstRevisionFor('no_stream')).toBe(0);
    expect(firstRevisionFor(-1)).toBe(0);
    expect(firstRevisionFor(4)).toBe(5);
    expect(firstRevisionFor('any')).toBeUndefined();
  });
});

describe('readPositionAfter', () => {
  it('reads from the start for 0 and from the event position otherwise', () => {
    expect(readPositionAfter(0)).toBe(START);
    expect(readPositionAfter(18_446)).toEqual({ commit: 18_446n, prepare: 18_446n });
  });

  it('refuses negative and fractional positions', () => {
    expect(() => readPositionAfter(-1)).toThrow(RangeError);
    expect(() => readPositionAfter(2.5)).toThrow(RangeError);
  });
});
