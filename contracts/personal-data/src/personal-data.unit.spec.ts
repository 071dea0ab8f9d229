import { PersonalTextV1, SealedNameV1 } from './personal-data';

describe('personal data in contracts', () => {
  const sealed = {
    subject: '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de',
    alg: 'A256GCM',
    iv: 'AAAAAAAAAAAAAAAA',
    ciphertext: 'q83v',
    tag: 'AAAAAAAAAAAAAAAAAAAAAA',
  };

  it('accepts a sealed name and a text naming persons by placeholder', () => {
    expect(SealedNameV1.parse(sealed)).toEqual(sealed);
    expect(PersonalTextV1.parse({ text: 'Minister ({0})', persons: [sealed] })).toEqual({ text: 'Minister ({0})', persons: [sealed] });
  });

  it('refuses a plain name where a sealed one belongs, and a sealed value with extra (plain) fields', () => {
    expect(SealedNameV1.safeParse('C. Helder').success).toBe(false);
    expect(SealedNameV1.safeParse({ ...sealed, name: 'C. Helder' }).success).toBe(false);
  });
});
