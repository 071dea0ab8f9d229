import { createHash } from 'node:crypto';
import { canonicalJson, chainHash, chainParts, completeChainParts, GENESIS } from './hash-chain';

const event = {
  position: 1,
  id: '0196a4a2-7c1e-7000-8000-000000000001',
  streamId: 'milestone-x',
  revision: 0,
  type: 'MilestonePlanned',
  schemaVersion: 1,
  data: { title: 'Plan van aanpak', dueDate: '2026-05-31' },
  metadata: { actor: { userId: 'seed', role: 'system' }, correlationId: 'c', causationId: 'k' },
  occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  recordedAt: new Date('2026-03-01T10:00:00.123Z'),
};

describe('hash chain', () => {
  it('does not depend on key order, as jsonb reorders keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
    const reordered = { ...event, data: { dueDate: '2026-05-31', title: 'Plan van aanpak' } };
    expect(chainHash(GENESIS, reordered)).toBe(chainHash(GENESIS, event));
  });

  it('changes with any field, and with the previous hash', () => {
    const base = chainHash(GENESIS, event);
    expect(chainHash(GENESIS, { ...event, data: { ...event.data, dueDate: '2026-06-30' } })).not.toBe(base);
    expect(chainHash(GENESIS, { ...event, position: 2 })).not.toBe(base);
    expect(chainHash(GENESIS, { ...event, metadata: { ...event.metadata, actor: { userId: 'x', role: 'system' } } })).not.toBe(base);
    expect(chainHash(base, event)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('chain parts (the append function hashes them in SQL)', () => {
  const sha = (previous: string, content: string) => createHash('sha256').update(`${previous}\n${content}`, 'utf8').digest('hex');

  it('complete to exactly what chainHash hashes, whatever the data', () => {
    const odd = {
      ...event,
      streamId: 'knelpunt-"quoted" ünïcode \u2028',
      type: 'Type\nwith\tescapes',
      data: { z: [1.5, null, { b: 'é', a: true }], a: 'x\u0000y' },
    };
    for (const e of [event, odd, { ...event, position: 123456789, revision: 41, schemaVersion: 2 }]) {
      const parts = chainParts(e);
      expect(sha('prev', completeChainParts(parts, e.position, e.recordedAt, e.revision))).toBe(chainHash('prev', e));
      expect(JSON.parse(parts.data)).toEqual(e.data);
      expect(JSON.parse(parts.metadata)).toEqual(e.metadata);
    }
  });
});
