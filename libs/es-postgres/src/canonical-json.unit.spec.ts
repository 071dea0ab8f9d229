import { canonicalJson } from './hash-chain';

/** canonicalJson as it was written first: every stored hash was computed with it, so the new one must give the same text. */
function original(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return original((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(original).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${original(v)}`).join(',')}}`;
}

/** A small deterministic generator of JSON-like values with awkward keys and strings. */
function* values(seed: number, count: number): Generator<unknown> {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const keys = ['a', 'B', 'b', '', 'é', 'Z', '10', '9', 'ä', '\u{1F600}', 'key with "quotes"', 'aa', 'a\n'];
  const leaf = (): unknown =>
    [null, true, false, 0, -1.5, 1e21, next(), 'tekst', 'é"\\\n\u0001', '', new Date(Date.UTC(2026, 2, 29, 1, 30)), undefined][
      Math.floor(next() * 12)
    ];
  const make = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.4) return leaf();
    if (r < 0.7) return Array.from({ length: Math.floor(next() * 5) }, () => make(depth + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 6) }, () => [keys[Math.floor(next() * keys.length)], make(depth + 1)]),
    );
  };
  for (let i = 0; i < count; i++) yield make(0);
}

describe('canonicalJson', () => {
  it('writes exactly the text the first version wrote, for thousands of values', () => {
    const differing: unknown[] = [];
    for (const value of values(20250311, 5000)) if (canonicalJson(value) !== original(value)) differing.push(value);
    expect(differing).toEqual([]);
  });

  it('sorts keys by code unit, leaves out undefined members and writes dates as their JSON', () => {
    const value = { b: 1, a: [undefined, { z: undefined, y: new Date(0) }], B: 'x', é: null };
    expect(canonicalJson(value)).toBe('{"B":"x","a":[null,{"y":"1970-01-01T00:00:00.000Z"}],"b":1,"é":null}');
    expect(canonicalJson(value)).toBe(original(value));
    const sparse = [1, , 3];
    expect(canonicalJson(sparse)).toBe(original(sparse));
  });
});
