import { randomBytes } from 'node:crypto';
import { parseBusKeys, SIGNATURE_HEADER, signMessage, verifyMessage, type WireMessage } from './message-signing';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

const message = (): WireMessage => ({
  topic: 'regie.actions.v1',
  key: 'milestone-1',
  value: JSON.stringify({ eventId: 'e1', type: 'MilestonePlannedV1', payload: { title: 'A' }, position: 7 }),
  headers: { eventId: 'e1', type: 'MilestonePlannedV1' },
});
/** As a consumer receives it: key, value and headers as bytes. */
const received = (m: WireMessage, headers: Record<string, string>): WireMessage => ({
  topic: m.topic,
  key: Buffer.from(String(m.key)),
  value: Buffer.from(String(m.value)),
  headers: Object.fromEntries(Object.entries({ ...m.headers, ...headers }).map(([k, v]) => [k, Buffer.from(String(v))])),
});

describe('signed bus messages', () => {
  it('accepts a message signed by a process that shares the key, as the consumer receives it', () => {
    const ring = parseBusKeys(`k1:${k1}`);
    const m = message();
    expect(verifyMessage(ring, received(m, signMessage(ring, m)))).toEqual({ ok: true, kid: 'k1' });
  });

  it('refuses an unsigned message, and one signed with a key the consumer does not have', () => {
    const ring = parseBusKeys(`k1:${k1}`);
    const m = message();
    expect(verifyMessage(ring, received(m, {}))).toEqual({ ok: false, reason: expect.stringMatching(/^unsigned/) });
    const forger = parseBusKeys(`k1:${randomBytes(32).toString('base64')}`);
    expect(verifyMessage(ring, received(m, signMessage(forger, m)))).toEqual({ ok: false, reason: 'bad signature under key k1' });
    const other = parseBusKeys(`k9:${k1}`);
    expect(verifyMessage(ring, received(m, signMessage(other, m)))).toEqual({
      ok: false,
      reason: expect.stringMatching(/unknown key id "k9"/),
    });
    expect(verifyMessage(ring, received(m, { [SIGNATURE_HEADER]: 'garbage' }))).toMatchObject({ ok: false });
  });

  it('refuses a signed message whose topic, key, value or identifying headers were changed', () => {
    const ring = parseBusKeys(`k1:${k1}`);
    const m = message();
    const signature = signMessage(ring, m);
    const changed: WireMessage[] = [
      { ...m, topic: 'regie.commitments.v1' },
      { ...m, key: 'milestone-2' },
      { ...m, value: String(m.value).replace('"A"', '"B"') },
      { ...m, headers: { ...m.headers, eventId: 'e2' } },
      { ...m, headers: { ...m.headers, type: 'MilestoneDroppedV1' } },
      { ...m, headers: { type: 'MilestonePlannedV1' } },
    ];
    for (const c of changed) expect(verifyMessage(ring, received(c, signature)).ok).toBe(false);
  });

  it('rotates by key id: a consumer holding old and new key accepts both while producers switch', () => {
    const old = parseBusKeys(`k1:${k1}`);
    const switched = parseBusKeys(`k1:${k1},k2:${k2}`, 'k2');
    const consumer = parseBusKeys(`k1:${k1},k2:${k2}`);
    const m = message();
    expect(consumer.signingKid).toBe('k1');
    expect(verifyMessage(consumer, received(m, signMessage(old, m)))).toEqual({ ok: true, kid: 'k1' });
    expect(verifyMessage(consumer, received(m, signMessage(switched, m)))).toEqual({ ok: true, kid: 'k2' });
    // Once k1 is removed, what is still signed with it is refused.
    expect(verifyMessage(parseBusKeys(`k2:${k2}`), received(m, signMessage(old, m))).ok).toBe(false);
  });

  it('refuses a badly written key list with a Dutch message that says what is wrong', () => {
    expect(() => parseBusKeys('')).toThrow(/minstens één sleutel/);
    expect(() => parseBusKeys(k1)).toThrow(/verwacht sleutel-id:sleutel/);
    expect(() => parseBusKeys('k1:kort')).toThrow(/sleutel k1 moet minstens 32 bytes/);
    expect(() => parseBusKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/minstens 32 bytes/);
    expect(() => parseBusKeys(`k1:${k1},k1:${k2}`)).toThrow(/sleutel-id k1 staat er twee keer in/);
    expect(() => parseBusKeys(`k1:${k1}`, 'k2')).toThrow(/ondertekensleutel k2 staat niet in REGIE_BUS_KEYS/);
  });
});
