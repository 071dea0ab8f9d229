import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';

/**
 * Malformed requests for every write operation of an OpenAPI document, each one wrong by
 * construction (so none may be recorded): a body that cannot be read, a field the schema or the
 * text rules refuse, a path parameter no route accepts. Only the document is read, so a new write
 * endpoint is fuzzed without a new test.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}
interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { name: string; in: string }[] }>
  >;
  components: { schemas: Record<string, Schema> };
}

export interface WriteOperation {
  method: string;
  /** The path template, e.g. /api/v1/actions/{code}/milestones. */
  template: string;
  pathParams: string[];
  body?: Schema;
}

export interface Malformed {
  label: string;
  /** Path parameter values; those not given are valid-looking (see `validParam`). */
  params?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** The field a 400 must name. */
  field?: string;
}

export function writeOperations(doc: OpenApi): WriteOperation[] {
  const deref = (s: Schema): Schema => (s.$ref ? deref(doc.components.schemas[s.$ref.split('/').pop()!]) : s);
  const resolve = (s: Schema): Schema => {
    const r = deref(s);
    return {
      ...r,
      ...(r.items ? { items: resolve(r.items) } : {}),
      ...(r.properties ? { properties: Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [k, resolve(v)])) } : {}),
    };
  };
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => {
        const schema = op.requestBody?.content['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          template,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          ...(schema ? { body: resolve(schema) } : {}),
        };
      }),
  );
}

/** A value each kind of path parameter accepts, so that what is refused is the part under test. */
export const validParam = (name: string): string => ({ code: '2.1', quarter: '2026-Q1' })[name] ?? randomUUID();

const EXAMPLES = ['2026-06-01', '2026-06-01T10:00:00+02:00', '2026-06', '2.1', '2026-Q1', randomUUID(), 'tekst'];

/** A body the schema accepts: required fields only, each with the least value its rules allow. */
export function validValue(s: Schema): unknown {
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      // a werkagenda the test's accounts hold their grants in, so that what is refused is the field under test
      return Object.fromEntries(
        (s.required ?? []).map((name) => [name, name === 'werkagendaId' ? FIRST_WERKAGENDA_ID : validValue(s.properties![name])]),
      );
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => validValue(s.items ?? {}));
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'string': {
      const fits = (v: string) => !s.pattern || new RegExp(s.pattern).test(v);
      return EXAMPLES.find((v) => fits(v) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)) ?? 'tekst';
    }
    default:
      return {};
  }
}

/** Values each refused by the field's schema or by the rules for all text. */
function wrongValues(s: Schema): { label: string; value: unknown }[] {
  // null is wrong only where the schema does not allow it (`nullable`: e.g. unlinking a person).
  const wrong: { label: string; value: unknown }[] = s.nullable ? [] : [{ label: 'null', value: null }];
  if (s.type === 'string') {
    wrong.push({ label: 'a number', value: 42 }, { label: 'NUL', value: 'a\u0000b' }, { label: 'lone surrogate', value: 'a\ud800b' });
    if (s.maxLength !== undefined) wrong.push({ label: 'too long', value: 'x'.repeat(s.maxLength + 1) });
    if (s.minLength) wrong.push({ label: 'empty', value: '' });
    if (s.enum || s.pattern || s.format) wrong.push({ label: 'not of the form', value: 'ongeldig ☃' });
  } else if (s.type === 'number' || s.type === 'integer') {
    wrong.push({ label: 'a string', value: '12' }, { label: 'an object', value: { $gt: 0 } });
    if (s.minimum !== undefined) wrong.push({ label: 'below the minimum', value: s.minimum - 1 }, { label: '-1e308', value: -1e308 });
    if (s.maximum !== undefined) wrong.push({ label: 'above the maximum', value: s.maximum + 1 }, { label: '1e308', value: 1e308 });
    if (s.type === 'integer') wrong.push({ label: 'a fraction', value: 1.5 });
  } else if (s.type === 'array') {
    wrong.push({ label: 'a string', value: 'x' });
    if (s.maxItems !== undefined)
      wrong.push({ label: 'too many', value: Array.from({ length: s.maxItems + 1 }, () => validValue(s.items ?? {})) });
  } else if (s.type === 'object') {
    wrong.push({ label: 'a string', value: 'x' }, { label: 'an array', value: [] });
  }
  return wrong;
}

/** Every field of the body, nested ones by dotted path, with its schema. */
function fields(s: Schema, path: string[] = []): { path: string[]; schema: Schema }[] {
  return Object.entries(s.properties ?? {}).flatMap(([name, child]) => [
    { path: [...path, name], schema: child },
    ...(child.type === 'object' ? fields(child, [...path, name]) : []),
  ]);
}

const withValue = (body: unknown, path: string[], value: unknown): unknown => {
  const copy = structuredClone(body) as Record<string, unknown>;
  let at = copy;
  for (const name of path.slice(0, -1)) at = (at[name] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
};

const json = { 'content-type': 'application/json' };
const deep = '['.repeat(5000) + ']'.repeat(5000);

/** Refused whatever the route: the body cannot be read, or contains what is never text. */
export function unreadableBodies(oversized: number): Malformed[] {
  return [
    { label: 'not JSON', body: '{titel', headers: json },
    { label: 'JSON null', body: 'null', headers: json },
    { label: 'text/plain', body: '{}', headers: { 'content-type': 'text/plain' } },
    { label: 'XML', body: '<a/>', headers: { 'content-type': 'application/xml' } },
    { label: 'a form', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { label: 'multipart', body: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
    { label: 'unknown charset', body: '{}', headers: { 'content-type': 'application/json; charset=klingon' } },
    { label: 'junk gzip', body: '{"a":1}', headers: { ...json, 'content-encoding': 'gzip' } },
    { label: 'unknown encoding', body: '{"a":1}', headers: { ...json, 'content-encoding': 'x-fantasie' } },
    {
      label: 'gzip bomb',
      body: new Uint8Array(gzipSync(`{"a":"${'0'.repeat(oversized)}"}`)),
      headers: { ...json, 'content-encoding': 'gzip' },
    },
    { label: 'oversized', body: `{"a":"${'0'.repeat(oversized)}"}`, headers: json },
    { label: 'NUL', body: '{"a":"x\\u0000"}', headers: json, field: 'a' },
    { label: 'lone surrogate', body: '{"a":{"b":"\\udc00x"}}', headers: json, field: 'a.b' },
    { label: 'NUL in a key', body: '{"a\\u0000":1}', headers: json },
    { label: 'deep nesting', body: deep, headers: json },
  ];
}

/** Refused by the operation's body schema: each field wrong in each way, the rest valid. */
export function invalidBodies(schema: Schema): Malformed[] {
  const base = validValue(schema);
  const bodies: Malformed[] = [
    { label: 'an array', body: '[]', headers: json },
    { label: 'a number', body: '42', headers: json },
  ];
  if (schema.required?.length)
    bodies.push({ label: 'empty', body: '{}', headers: json }, { label: 'unknown fields only', body: '{"onbekend":1}', headers: json });
  for (const { path, schema: field } of fields(schema)) {
    const name = path.join('.');
    for (const { label, value } of wrongValues(field))
      bodies.push({ label: `${name}: ${label}`, body: JSON.stringify(withValue(base, path, value)), headers: json, field: name });
    if (field.type === 'array' && field.items?.type === 'string')
      bodies.push({ label: `${name}.0: NUL`, body: JSON.stringify(withValue(base, path, ['x\u0000'])), headers: json, field: `${name}.0` });
  }
  return bodies;
}

/** Path parameter values no route accepts: NUL, undecodable %-escapes, wrong shapes, 2,000 characters. */
export const MALFORMED_PARAMS = ['%00', '%ED%A0%80', '%FF', '%20', '-1', '%2F..%2F', '<script>', 'x'.repeat(2000)];
