import { isPersonalText, isSealedName, type PersonalDataVault, type PersonalText, renderPersonalText, type SealedName } from './personal-data';

/**
 * An answer with its personal data opened: every sealed name becomes the name (or the redaction
 * mark), every personal text its rendered string. Everything else is kept as it is; an answer
 * without sealed values is returned unchanged (same object). One vault call per answer.
 */
export async function unsealDeep<T>(value: T, vault: PersonalDataVault): Promise<T> {
  const found: SealedName[] = [];
  collect(value, found);
  if (found.length === 0) return value;
  const names = await vault.open(found);
  const opened = new Map(found.map((s, i) => [s, names[i]]));
  return replace(value, opened) as T;
}

const walkable = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Buffer.isBuffer(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
  typeof (value as { pipe?: unknown }).pipe !== 'function';

function collect(value: unknown, into: SealedName[]): void {
  if (isSealedName(value)) return void into.push(value);
  if (isPersonalText(value)) return void into.push(...value.persons);
  if (Array.isArray(value)) return value.forEach((v) => collect(v, into));
  if (walkable(value)) for (const v of Object.values(value)) collect(v, into);
}

function replace(value: unknown, opened: Map<SealedName, string>): unknown {
  if (isSealedName(value)) return opened.get(value);
  if (isPersonalText(value)) return renderPersonalText((value as PersonalText).text, value.persons.map((p) => opened.get(p) as string));
  if (Array.isArray(value)) return value.map((v) => replace(v, opened));
  if (walkable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, opened)]));
  return value;
}
