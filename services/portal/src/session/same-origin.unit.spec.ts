import { isSameOrigin } from './same-origin';
import { safeReturnPath } from './session';

describe('CSRF defence for form posts', () => {
  it('accepts a post whose Origin (or Referer) is this site', () => {
    expect(isSameOrigin({ host: 'regie.example:3000', origin: 'http://regie.example:3000', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(isSameOrigin({ host: 'regie.example', referer: 'https://regie.example/acties/2.1' })).toBe(true);
  });

  it('refuses a post from another site, or one that does not say where it comes from', () => {
    expect(isSameOrigin({ host: 'regie.example', origin: 'https://evil.example' })).toBe(false);
    expect(isSameOrigin({ host: 'regie.example', origin: 'http://regie.example', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(isSameOrigin({ host: 'regie.example' })).toBe(false);
    expect(isSameOrigin({ host: 'regie.example', origin: 'null' })).toBe(false);
  });

  it('returns after login only to a path on this site', () => {
    expect(safeReturnPath('/acties/2.1?peildatum=2026-01-01')).toBe('/acties/2.1?peildatum=2026-01-01');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
