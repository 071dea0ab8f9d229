/**
 * Differences between two JSON documents (two published versions of a projection), as a list of
 * `{path, kind, from, to}` (absent values as null) for every value that was added, removed or changed. Array items that carry an
 * identity (`id`, else `actionLine`, else `indicatorId`) are matched by it, others by index, so a
 * milestone moving in a list shows as its changed fields rather than as a cascade.
 */
export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  from: unknown;
  to: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEYS = ['id', 'actionLine', 'indicatorId'] as const;

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const identity = (item: Json): string | undefined => {
  if (!isObject(item)) return undefined;
  const key = KEYS.find((k) => item[k] !== undefined && item[k] !== null);
  return key ? `${key}=${String(item[key])}` : undefined;
};

export function diff(from: unknown, to: unknown, path = ''): Change[] {
  const a = from as Json;
  const b = to as Json;
  if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, path);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diff(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  return [{ path: path || '(document)', kind, from: a === undefined ? null : a, to: b === undefined ? null : b }];
}

function diffArrays(a: Json[], b: Json[], path: string): Change[] {
  const keyed = a.concat(b).every((item) => identity(item) !== undefined);
  if (!keyed) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => diff(a[i], b[i], `${path}[${i}]`)).flat();
  }
  const before = new Map(a.map((item) => [identity(item)!, item]));
  const after = new Map(b.map((item) => [identity(item)!, item]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids.flatMap((id) => diff(before.get(id), after.get(id), `${path}[${id}]`));
}
