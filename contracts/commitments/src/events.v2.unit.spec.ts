import { CommitmentsEvent } from './events.v2';

const sealed = {
  subject: '0b6f3f52-6c1e-4c8e-9a57-2f3ad1b0c0de',
  alg: 'A256GCM',
  iv: 'AAAAAAAAAAAAAAAA',
  ciphertext: 'q83v',
  tag: 'AAAAAAAAAAAAAAAAAAAAAA',
};
const registered = {
  commitmentId: '0196a4a2-7c1e-7000-8000-000000000001',
  text: 'De Kamer informeren',
  madeAt: { date: '2026-03-10', source: 'debat' },
  due: { text: 'najaar 2026', date: '2026-11-30' },
  actionCodes: [],
  externalRef: null,
};

describe('commitments integration events: the registration with sealed persons', () => {
  it('carries madeBy as a function text with sealed persons', () => {
    const parsed = CommitmentsEvent.parse({
      type: 'CommitmentRegisteredV2',
      ...registered,
      madeBy: { text: 'Minister ({0})', persons: [sealed] },
    });
    expect(parsed.type === 'CommitmentRegisteredV2' && parsed.madeBy.persons[0].subject).toBe(sealed.subject);
  });

  it('refuses a V2 registration with a plain-text madeBy, and still reads V1 registrations published before', () => {
    expect(CommitmentsEvent.safeParse({ type: 'CommitmentRegisteredV2', ...registered, madeBy: 'Minister (C. Helder)' }).success).toBe(
      false,
    );
    expect(CommitmentsEvent.safeParse({ type: 'CommitmentRegisteredV1', ...registered, madeBy: 'Minister' }).success).toBe(true);
  });
});
