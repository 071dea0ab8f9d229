import { v5 as uuidv5 } from 'uuid';
import { isUuid, stableId } from './ids';

describe('stableId', () => {
  it('is the UUIDv5 of the key in the platform namespace, so ids seeded or scheduled before stay the same', () => {
    const keys = ['meeting:0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de:0', 'agenda:m1:standing:opening', 'werkagenda:ë€🙂', ''];
    for (const key of keys) expect(stableId(key)).toBe(uuidv5(key, '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de'));
    expect(stableId('agenda:m1:standing:opening')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives different keys different ids, and the same key always the same id', () => {
    expect(stableId('meeting:s:1')).not.toBe(stableId('meeting:s:2'));
    expect(stableId('meeting:s:1')).toBe(stableId('meeting:s:1'));
    expect(isUuid(stableId('x'))).toBe(true);
  });
});
