import { type BannerFacts, startBanner } from './banner';

const facts = (overrides: Partial<BannerFacts>): BannerFacts => ({
  url: 'http://localhost:3000',
  services: ['actions', 'commitments', 'meetings', 'monitoring', 'portal'],
  startedInSeconds: 1.25,
  data: 'PostgreSQL from DATABASE_URL',
  localAccounts: true,
  seeded: 0,
  ...overrides,
});

describe('the start banner', () => {
  it('names the services of a monitoring-only process and points only at what it serves', () => {
    const banner = startBanner(facts({ services: ['monitoring'], seeded: 3 }));
    expect(banner).toMatch(/Services +monitoring\n/);
    expect(banner).toContain('http://localhost:3000/api/v1/indicators');
    expect(banner).not.toContain('/api/v1/actions');
    expect(banner).not.toMatch(/Portaal/);
    expect(banner).toContain("Seed              3 nieuwe commando's");
  });

  it('points at every service and the portal of the whole platform, and says when seeding is off', () => {
    const banner = startBanner(facts({ seeded: undefined }));
    expect(banner).toMatch(/Services +actions, commitments, meetings, monitoring, portal/);
    for (const path of ['/api/v1/actions', '/api/v1/commitments', '/api/v1/meetings', '/api/v1/indicators'])
      expect(banner).toContain(`http://localhost:3000${path}`);
    expect(banner).toMatch(/Portaal +http:\/\/localhost:3000\/\n/);
    expect(banner).toContain('uit (REGIE_SEED=false)');
  });

  it('names every seeded local account a user can log in with, the beheerder included', () => {
    expect(startBanner(facts({}))).toMatch(/Inloggen +lokale accounts beheerder, coordinator, director, auditor, actiehouder-<code>/);
  });
});
