import { isDeepStrictEqual } from 'node:util';
import { type AsyncApiDocument, type JsonSchema, versionOf } from './asyncapi';

/** A change to a published message version that a consumer of that version cannot take. */
export interface Breach {
  message: string;
  /** Dotted path in the Kafka message value, e.g. `payload.madeBy.text`; empty for the message itself. */
  field: string;
  change: string;
}

/**
 * What a schema registry would refuse: every message version in `published` must still be in
 * `current`, on the same topic, readable by its consumers. Breaking are a removed field, a changed
 * type, a required field added (or an optional one made required, or a required one made optional),
 * a narrowed enum, a changed const, an added or changed format/pattern/bound, and any field added to
 * a closed (strict) object. Compatible are a new message version, a new optional field in an open
 * object, a widened enum, a constraint removed and descriptive text.
 */
export function breakingChanges(published: AsyncApiDocument, current: AsyncApiDocument): Breach[] {
  const now = messagesOf(current);
  const breaches: Breach[] = [];
  for (const [name, before] of messagesOf(published)) {
    const after = now.get(name);
    if (!after) {
      breaches.push({ message: name, field: '', change: 'removed, while consumers may still meet it on the topic' });
      continue;
    }
    if (after.address !== before.address) {
      breaches.push({ message: name, field: '', change: `moved from topic ${before.address} to ${after.address}` });
    }
    compare(before.payload, after.payload, '', (field, change) => breaches.push({ message: name, field, change }));
  }
  return breaches;
}

/** One line per breach, naming message, version and field. */
export function describeBreach({ message, field, change }: Breach): string {
  const { event, version } = versionOf(message);
  return `${message} (${event}, version ${version})${field ? `, field ${field}` : ''}: ${change}`;
}

/** Every message of the document by name, with the topic it is published on. */
export function messagesOf(doc: AsyncApiDocument): Map<string, { address: string; payload: JsonSchema }> {
  const messages = new Map<string, { address: string; payload: JsonSchema }>();
  for (const channel of Object.values(doc.channels)) {
    for (const [name, ref] of Object.entries(channel.messages)) {
      const id = ref.$ref.replace('#/components/messages/', '');
      const message = doc.components.messages[id];
      if (!message) throw new Error(`${ref.$ref} of channel ${channel.address} names no message`);
      messages.set(message.name ?? name, { address: channel.address, payload: message.payload });
    }
  }
  return messages;
}

type Report = (field: string, change: string) => void;

const CONSTRAINTS = [
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'multipleOf',
];

function compare(before: JsonSchema, after: JsonSchema, field: string, report: Report): void {
  if (before.const !== undefined && after.const !== undefined && !isDeepStrictEqual(before.const, after.const)) {
    report(field, `const changed from ${show(before.const)} to ${show(after.const)}`);
    return;
  }
  const allowedBefore = allowedValues(before);
  const allowedAfter = allowedValues(after);
  if (allowedAfter) {
    const dropped = allowedBefore && allowedBefore.filter((value) => !allowedAfter.some((v) => isDeepStrictEqual(v, value)));
    if (!dropped) report(field, `enum added: only ${allowedAfter.map(show).join(', ')} allowed`);
    else if (dropped.length) report(field, `enum narrowed: ${dropped.map(show).join(', ')} no longer allowed`);
  }
  const kindsBefore = kindsOf(before);
  const kindsAfter = kindsOf(after);
  if (kindsBefore.join('|') !== kindsAfter.join('|')) {
    report(field, `type changed from ${kindsBefore.join(' | ')} to ${kindsAfter.join(' | ')}`);
    return;
  }
  for (const keyword of CONSTRAINTS) {
    if (after[keyword] !== undefined && !isDeepStrictEqual(before[keyword], after[keyword])) {
      report(field, `${keyword} ${before[keyword] === undefined ? 'added' : 'changed'}: ${show(after[keyword])}`);
    }
  }
  compareObjects(before, after, field, report);
  if (isSchema(before.items) && isSchema(after.items)) compare(before.items, after.items, `${field}[]`, report);
  compareBranches(before, after, field, report);
}

function compareObjects(before: JsonSchema, after: JsonSchema, field: string, report: Report): void {
  const propsBefore = propertiesOf(before);
  const propsAfter = propertiesOf(after);
  if (!propsBefore && !propsAfter) return;
  const requiredBefore = requiredOf(before);
  const requiredAfter = requiredOf(after);
  const path = (name: string) => (field ? `${field}.${name}` : name);
  for (const [name, schema] of Object.entries(propsBefore ?? {})) {
    const next = propsAfter?.[name];
    if (!next) {
      report(path(name), 'removed');
      continue;
    }
    if (requiredBefore.has(name) && !requiredAfter.has(name)) report(path(name), 'no longer required: consumers rely on it being there');
    if (!requiredBefore.has(name) && requiredAfter.has(name)) report(path(name), 'became required: messages published before lack it');
    compare(schema, next, path(name), report);
  }
  for (const name of Object.keys(propsAfter ?? {})) {
    if (propsBefore?.[name]) continue;
    if (requiredAfter.has(name)) report(path(name), 'required field added: messages published before lack it');
    else if (before.additionalProperties === false) report(path(name), 'added to a strict object: its consumers refuse unknown fields');
  }
}

/** Pairs the branches of a union (e.g. `string | null`) by kind and compares each pair. */
function compareBranches(before: JsonSchema, after: JsonSchema, field: string, report: Report): void {
  const branchesBefore = branchesOf(before);
  const branchesAfter = branchesOf(after);
  if (!branchesBefore || !branchesAfter) return;
  const unpaired = [...branchesAfter];
  for (const branch of branchesBefore) {
    const kind = kindsOf(branch).join('|');
    const index = unpaired.findIndex((candidate) => kindsOf(candidate).join('|') === kind);
    if (index < 0) continue; // the kinds differ: reported above
    compare(branch, unpaired[index], field, report);
    unpaired.splice(index, 1);
  }
}

/** The JSON types a schema accepts, sorted; `any` when it does not say. */
function kindsOf(schema: JsonSchema): string[] {
  const kinds = new Set<string>();
  const branches = branchesOf(schema);
  if (branches) for (const branch of branches) kindsOf(branch).forEach((kind) => kinds.add(kind));
  else if (typeof schema.type === 'string') kinds.add(schema.type);
  else if (Array.isArray(schema.type)) schema.type.forEach((kind) => kinds.add(String(kind)));
  else if (schema.const !== undefined) kinds.add(jsonKind(schema.const));
  else if (Array.isArray(schema.enum)) schema.enum.forEach((value) => kinds.add(jsonKind(value)));
  else kinds.add('any');
  return [...kinds].sort();
}

function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  return undefined;
}

const jsonKind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const branchesOf = (schema: JsonSchema) => (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
const propertiesOf = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema> | undefined;
const requiredOf = (schema: JsonSchema) => new Set((schema.required as string[] | undefined) ?? []);
const show = (value: unknown) => JSON.stringify(value);
