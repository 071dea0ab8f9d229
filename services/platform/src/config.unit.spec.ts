import { ConfigError, loadConfig } from './config';

describe('configuration of login', () => {
  it('uses the local accounts in the embedded default', () => {
    expect(loadConfig({}).REGIE_AUTH).toBe('local');
  });

  it('cannot enable the local accounts in production mode', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', REGIE_AUTH: 'local' })).toThrow(/REGIE_AUTH: lokale accounts kunnen niet aan in productie/);
    expect(() => loadConfig({ REGIE_MODE: 'production', REGIE_AUTH: 'local' })).toThrow(ConfigError);
  });

  it('needs an OIDC issuer and JWKS in production mode', () => {
    expect(() => loadConfig({ REGIE_MODE: 'production' })).toThrow(/REGIE_OIDC_ISSUER: OIDC heeft REGIE_OIDC_ISSUER en REGIE_OIDC_JWKS_URL nodig/);
    const config = loadConfig({ REGIE_MODE: 'production', REGIE_OIDC_ISSUER: 'https://login.example.nl/realms/vws', REGIE_OIDC_JWKS_URL: 'https://login.example.nl/realms/vws/certs' });
    expect(config.REGIE_AUTH).toBe('oidc');
  });

  it('refuses a local password shorter than 8 characters', () => {
    expect(() => loadConfig({ REGIE_LOCAL_PASSWORD: 'kort' })).toThrow(/REGIE_LOCAL_PASSWORD: minstens 8 tekens/);
  });
});
