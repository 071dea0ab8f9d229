import {
  isPersonalText,
  isSealedName,
  type PersonalDataVault,
  type PersonalText,
  renderPersonalText,
  type SealedName,
} from './personal-data';

/**
 * An answer with its personal data opened: every sealed name becomes the name (or the redaction
 * mark), every personal text its rendered string. Everything else is kept as it is; an answer
 * without sealed values is returned unchanged (same object). One vault call per answer.
 */
export async function unsealDeep<T>(value: T, vault: PersonalDataVault): Promise<T> {
  return unsealed(value, vault);
}

/** `unsealDeep`, without a promise when there is nothing to open: most answers name nobody. */
export function unsealed<T>(value: T, vault: PersonalDataVault): T | Promise<T> {
  const found: SealedName[] = [];
  if (!collect(value, found)) return value;
  if (found.length === 0) return replace(value, new Map()) as T;
  return vault.open(found).then((names) => replace(value, new Map(found.map((s, i) => [s, names[i]]))) as T);
}

const walkable = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Buffer.isBuffer(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
  typeof (value as { pipe?: unknown }).pipe !== 'function';

/** Gathers the sealed names; true when there is anything personal to open or render. */
function collect(value: unknown, into: SealedName[]): boolean {
  if (isSealedName(value)) return into.push(value) > 0;
  if (isPersonalText(value)) return into.push(...value.persons) >= 0;
  let any = false;
  if (Array.isArray(value)) for (const v of value) any = collect(v, into) || any;
  else if (walkable(value)) for (const v of Object.values(value)) any = collect(v, into) || any;
  return any;
}

function replace(value: unknown, opened: Map<SealedName, string>): unknown {
  if (isSealedName(value)) return opened.get(value);
  if (isPersonalText(value))
    return renderPersonalText(
      (value as PersonalText).text,
      value.persons.map((p) => opened.get(p) as string),
    );
  if (Array.isArray(value)) return value.map((v) => replace(v, opened));
  if (walkable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, opened)]));
  return value;
}
