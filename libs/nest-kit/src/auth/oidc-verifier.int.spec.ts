import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { OidcVerifier } from './oidc-verifier';
import { InvalidToken } from './principal';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * The provider rotates its signing key: it publishes the new key beside the old one, starts signing
 * with the new one, then withdraws the old one. Tokens of the new key must work from the first one
 * on, and tokens of the withdrawn key must stop working once the JWKS cache has expired.
 */
describe('OIDC verifier: provider key rotation over a real JWKS endpoint', () => {
  let server: Server;
  let issuer: string;
  let published: JWK[] = [];
  let fetches = 0;

  const key = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  };
  const sign = (signing: { kid: string; privateKey: SigningKey }) =>
    new SignJWT({ sub: 'f3a1', preferred_username: 'j.jansen', roles: ['coordinator'] })
      .setProtectedHeader({ alg: 'RS256', kid: signing.kid })
      .setIssuer(issuer)
      .setAudience('regie')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signing.privateKey);
  const outcome = (verifier: OidcVerifier, token: string) =>
    verifier.verify(token).then(
      (p) => p.username,
      (e: unknown) => (e instanceof InvalidToken ? 'refused' : `unexpected ${String(e)}`),
    );

  beforeAll(async () => {
    server = createServer((_, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/vws`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts tokens of the new key at once and refuses those of the withdrawn key once the cache expires', async () => {
    const [oldKey, newKey] = await Promise.all([key('2026-01'), key('2026-04')]);
    published = [oldKey.jwk];
    const verifier = new OidcVerifier({
      issuer,
      jwksUrl: `${issuer}/protocol/openid-connect/certs`,
      audience: 'regie',
      jwksCache: { maxAgeMs: 300, cooldownMs: 0 },
    });
    const oldToken = await sign(oldKey);
    expect(await outcome(verifier, oldToken)).toBe('j.jansen');

    // Both published; the provider signs with the new key: its unknown key id makes the verifier fetch again.
    published = [oldKey.jwk, newKey.jwk];
    const before = fetches;
    expect(await outcome(verifier, await sign(newKey))).toBe('j.jansen');
    expect(fetches).toBe(before + 1);
    expect(await outcome(verifier, oldToken)).toBe('j.jansen');

    // The old key withdrawn: still trusted from the cache until it expires, then refused.
    published = [newKey.jwk];
    const withdrawnAt = Date.now();
    while ((await outcome(verifier, oldToken)) !== 'refused') {
      expect(Date.now() - withdrawnAt).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await outcome(verifier, await sign(newKey))).toBe('j.jansen');
  });

  it('refuses a key id the provider never published, even when the token is otherwise right', async () => {
    const [published1, stranger] = await Promise.all([key('2026-01'), key('2026-01')]);
    published = [published1.jwk];
    const verifier = new OidcVerifier({ issuer, jwksUrl: `${issuer}/certs`, audience: 'regie', jwksCache: { cooldownMs: 0 } });
    expect(await outcome(verifier, await sign(published1))).toBe('j.jansen');
    // Same key id, issuer and audience, signed by another private key: the signature does not verify.
    expect(await outcome(verifier, await sign(stranger))).toBe('refused');
    expect(await outcome(verifier, await sign({ ...stranger, kid: 'onbekend' }))).toBe('refused');
  });

  it('takes grants per werkagenda from the grants claim, at the configured path, in both shapes', async () => {
    const signing = await key('2026-06');
    published = [signing.jwk];
    const token = (claims: Record<string, unknown>) =>
      new SignJWT({ sub: 'f3a1', preferred_username: 'j.jansen', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: signing.kid })
        .setIssuer(issuer)
        .setAudience('regie')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(signing.privateKey);
    const verifier = new OidcVerifier({
      issuer,
      jwksUrl: `${issuer}/certs`,
      audience: 'regie',
      claims: { grants: 'resource_access.regie.regie_grants' },
      jwksCache: { cooldownMs: 0 },
    });
    // As a Keycloak client mapper yields them: strings `role@werkagendaId[:codes]`; unknown roles ignored.
    const strings = await verifier.verify(
      await token({
        resource_access: {
          regie: {
            regie_grants: ['coordinator@actieplan-dakloos-wlz-2025', 'actiehouder@betekenisvol-leven-2025-2028:2.1,2.2', 'minister@x'],
          },
        },
      }),
    );
    expect(strings.grants).toEqual([
      { role: 'coordinator', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [] },
      { role: 'actiehouder', werkagendaId: 'betekenisvol-leven-2025-2028', actionCodes: ['2.1', '2.2'] },
    ]);
    expect(strings.roles).toEqual(['coordinator', 'actiehouder']);
    expect(strings.actionCodes).toEqual(['2.1', '2.2']);
    // The object form, and roles beside it that count in every werkagenda.
    const objects = await verifier.verify(
      await token({
        roles: ['auditor'],
        resource_access: { regie: { regie_grants: [{ role: 'director', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [] }] } },
      }),
    );
    expect(objects.grants).toEqual([
      { role: 'director', werkagendaId: 'actieplan-dakloos-wlz-2025', actionCodes: [] },
      { role: 'auditor', werkagendaId: '*', actionCodes: [] },
    ]);
    // At the default path the grants are not looked for: without roles, the token gives nothing here.
    expect(await outcome(verifier, await token({ regie_grants: ['coordinator@actieplan-dakloos-wlz-2025'] }))).toBe('refused');
  });
});
