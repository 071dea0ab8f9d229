import { InMemoryPersonalDataVault, REDACTED_NAME, UNREADABLE_NAME, unwrapKey, newKey, wrapKey } from './personal-data';
import { unsealDeep } from './unseal';

describe('personal data vault (crypto-shredding)', () => {
  const at = new Date('2026-03-15T09:00:00Z');

  it('seals a name so that it is nowhere in the sealed value, and opens it again', async () => {
    const vault = new InMemoryPersonalDataVault();
    const sealed = await vault.seal('C. Helder');
    expect(JSON.stringify(sealed)).not.toMatch(/helder/i);
    expect(await vault.open([sealed])).toEqual(['C. Helder']);
  });

  it('gives one subject to every spelling of one name, and the same sealed value for the same spelling', async () => {
    const vault = new InMemoryPersonalDataVault();
    const [a, b, c] = [await vault.seal('M. van Ooijen'), await vault.seal('  m. van  OOIJEN '), await vault.seal('M. van Ooijen')];
    expect(b.subject).toBe(a.subject);
    expect(c).toEqual(a);
    expect((await vault.seal('V. Maeijer')).subject).not.toBe(a.subject);
  });

  it('after forgetting, every mention of that person reads as redacted and others are untouched', async () => {
    const vault = new InMemoryPersonalDataVault();
    const helder = await vault.seal('C. Helder');
    const other = await vault.seal('V. Maeijer');
    expect(await vault.forget('c. helder', at)).toEqual({ status: 'forgotten', subject: helder.subject, erasedAt: at });
    expect(await vault.open([helder, other, helder])).toEqual([REDACTED_NAME, 'V. Maeijer', REDACTED_NAME]);
  });

  it('forgets idempotently and tells an unknown name apart', async () => {
    const vault = new InMemoryPersonalDataVault();
    await vault.seal('C. Helder');
    await vault.forget('C. Helder', at);
    expect(await vault.forget('C. Helder', new Date())).toEqual({ status: 'already-forgotten', erasedAt: at });
    expect(await vault.forget('Niemand Bekend', at)).toEqual({ status: 'unknown' });
  });

  it('shows an altered sealed value as unreadable instead of failing', async () => {
    const vault = new InMemoryPersonalDataVault();
    const sealed = await vault.seal('C. Helder');
    const altered = { ...sealed, ciphertext: Buffer.from('D. Helder').toString('base64url') };
    expect(await vault.open([altered])).toEqual([UNREADABLE_NAME]);
  });

  it('wraps keys under a master key', () => {
    const [master, key] = [newKey(), newKey()];
    expect(unwrapKey(master, wrapKey(master, key))).toEqual(key);
    expect(() => unwrapKey(newKey(), wrapKey(master, key))).toThrow();
  });

  it('opens every sealed name and personal text of an answer in one pass, leaving the rest as is', async () => {
    const vault = new InMemoryPersonalDataVault();
    const madeBy = await vault.sealText({ text: 'Minister ({0}) en Staatssecretaris ({1})', persons: ['C. Helder', 'M. van Ooijen'] });
    const owner = await vault.seal('C. Helder');
    const answer = [{ id: 1, madeBy, points: [{ owner, due: new Date('2026-01-01T00:00:00Z') }] }];
    await vault.forget('M. van Ooijen', at);
    expect(await unsealDeep(answer, vault)).toEqual([
      {
        id: 1,
        madeBy: `Minister (C. Helder) en Staatssecretaris (${REDACTED_NAME})`,
        points: [{ owner: 'C. Helder', due: new Date('2026-01-01T00:00:00Z') }],
      },
    ]);
    expect(await unsealDeep({ madeBy: { text: 'Minister (LJS)', persons: [] } }, vault)).toEqual({ madeBy: 'Minister (LJS)' });
    const plain = { a: [1, 'x'] };
    expect(await unsealDeep(plain, vault)).toBe(plain);
  });
});
