import { z } from 'zod';
import { asyncApiDocument } from './asyncapi';
import { breakingChanges, describeBreach } from './compatibility';
import type { MessageSchema } from './topics';

/**
 * The registry rule: a published message version stays readable by its consumers. Fixtures are zod
 * contracts as the contracts/ projects write them, put through the same generator as the real document.
 */
const seal = z.strictObject({ subject: z.uuid(), ciphertext: z.string() });
const ThingDoneV1 = z.object({
  type: z.literal('ThingDoneV1'),
  thingId: z.uuid(),
  level: z.enum(['kerngroep', 'regiegroep']),
  due: z.object({ text: z.string(), date: z.string().nullable() }),
  source: z.object({ system: z.literal('tweede-kamer'), id: z.string() }),
  items: z.array(z.object({ title: z.string(), order: z.number().int() })),
  owner: seal,
});

const topic = (address: string, ...messages: MessageSchema[]) => ({ channel: 'things', address, description: 'fixture', messages });
const doc = (...messages: MessageSchema[]) => asyncApiDocument([topic('regie.things.v1', ...messages)]);
const changesFrom = (before: MessageSchema[], after: MessageSchema[]) => breakingChanges(doc(...before), doc(...after)).map(describeBreach);
const refused = (after: MessageSchema) => changesFrom([ThingDoneV1], [after]);

describe('compatibility of a published message version', () => {
  it('passes the unchanged contracts, and the whole real document against itself', () => {
    expect(refused(ThingDoneV1)).toEqual([]);
    expect(breakingChanges(asyncApiDocument(), asyncApiDocument())).toEqual([]);
  });

  it('refuses a removed field, naming message, version and field', () => {
    expect(refused(ThingDoneV1.omit({ thingId: true }))).toEqual(['ThingDoneV1 (ThingDone, version 1), field payload.thingId: removed']);
    expect(refused(ThingDoneV1.extend({ due: z.object({ text: z.string() }) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.due.date: removed',
    ]);
  });

  it('refuses a changed type, also inside an array and when a field becomes nullable', () => {
    expect(refused(ThingDoneV1.extend({ thingId: z.number() }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.thingId: type changed from string to number',
    ]);
    expect(refused(ThingDoneV1.extend({ items: z.array(z.object({ title: z.string(), order: z.string() })) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.items[].order: type changed from integer to string',
    ]);
    expect(refused(ThingDoneV1.extend({ thingId: z.uuid().nullable() }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.thingId: type changed from string to null | string',
    ]);
  });

  it('refuses a required field added, and a field made optional or required', () => {
    expect(refused(ThingDoneV1.extend({ reason: z.string() }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.reason: required field added: messages published before lack it',
    ]);
    expect(refused(ThingDoneV1.extend({ thingId: z.uuid().optional() }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.thingId: no longer required: consumers rely on it being there',
    ]);
    const withOptional = ThingDoneV1.extend({ reason: z.string().optional() });
    expect(changesFrom([withOptional], [ThingDoneV1.extend({ reason: z.string() })])).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.reason: became required: messages published before lack it',
    ]);
  });

  it('refuses a narrowed enum and a changed const', () => {
    expect(refused(ThingDoneV1.extend({ level: z.enum(['kerngroep']) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.level: enum narrowed: "regiegroep" no longer allowed',
    ]);
    expect(refused(ThingDoneV1.extend({ source: z.object({ system: z.literal('eerste-kamer'), id: z.string() }) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.source.system: const changed from "tweede-kamer" to "eerste-kamer"',
    ]);
  });

  it('refuses an added constraint, and any field added to a strict object', () => {
    expect(refused(ThingDoneV1.extend({ due: z.object({ text: z.string().max(80), date: z.string().nullable() }) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.due.text: maxLength added: 80',
    ]);
    expect(refused(ThingDoneV1.extend({ owner: seal.extend({ alg: z.string().optional() }) }))).toEqual([
      'ThingDoneV1 (ThingDone, version 1), field payload.owner.alg: added to a strict object: its consumers refuse unknown fields',
    ]);
  });

  it('refuses a published version that disappears or moves to another topic', () => {
    expect(changesFrom([ThingDoneV1], [])).toEqual([
      'ThingDoneV1 (ThingDone, version 1): removed, while consumers may still meet it on the topic',
    ]);
    const moved = asyncApiDocument([topic('regie.other.v1', ThingDoneV1)]);
    expect(breakingChanges(doc(ThingDoneV1), moved).map(describeBreach)).toEqual([
      'ThingDoneV1 (ThingDone, version 1): moved from topic regie.things.v1 to regie.other.v1',
    ]);
  });

  it('allows an optional field in an open object, a widened enum, a dropped constraint and a new version', () => {
    expect(refused(ThingDoneV1.extend({ note: z.string().optional() }))).toEqual([]);
    expect(refused(ThingDoneV1.extend({ level: z.enum(['kerngroep', 'regiegroep', 'bestuurlijk']) }))).toEqual([]);
    expect(refused(ThingDoneV1.extend({ thingId: z.string() }))).toEqual([]);
    const ThingDoneV2 = ThingDoneV1.extend({ type: z.literal('ThingDoneV2'), thingId: z.number() });
    expect(changesFrom([ThingDoneV1], [ThingDoneV1, ThingDoneV2])).toEqual([]);
  });
});
