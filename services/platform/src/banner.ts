import type { ServiceName } from './services';

export interface BannerFacts {
  url: string;
  services: ServiceName[];
  startedInSeconds: number;
  /** Where the data lives, in words. */
  data: string;
  localAccounts: boolean;
  /** New seed commands, or undefined when seeding is off. */
  seeded?: number;
}

/** The first page of each hosted service, so the banner points only at what this process serves. */
const ENTRY_POINTS: Record<ServiceName, [label: string, path: string]> = {
  actions: ['Werkagenda', '/api/v1/actions'],
  commitments: ['Toezeggingen', '/api/v1/commitments'],
  meetings: ['Overleggen', '/api/v1/meetings'],
  monitoring: ['Monitoring', '/api/v1/indicators'],
  portal: ['Portaal', '/'],
};

/** What `npm start` prints once the process listens: the services it hosts and the addresses it serves. */
export function startBanner(facts: BannerFacts): string {
  const line = (label: string, value: string) => `  ${label.padEnd(17)} ${value}`;
  const { url } = facts;
  return [
    '',
    `Regie draait op ${url}  (gestart in ${facts.startedInSeconds.toFixed(1)} s)`,
    line('Services', facts.services.join(', ')),
    ...facts.services.map((service) => line(ENTRY_POINTS[service][0], `${url}${ENTRY_POINTS[service][1]}`)),
    line('API-documentatie', `${url}/api/docs`),
    line('Gezondheid', `${url}/health  (gereed: /health/ready, in leven: /health/live)`),
    line('Gegevens', facts.data),
    facts.localAccounts
      ? line('Inloggen', 'lokale accounts beheerder, coordinator, director, auditor, actiehouder-<code> (wachtwoord: REGIE_LOCAL_PASSWORD)')
      : line('Inloggen', 'via de OIDC-provider (REGIE_OIDC_ISSUER)'),
    line('Seed', facts.seeded === undefined ? 'uit (REGIE_SEED=false)' : `${facts.seeded} nieuwe commando's (0 = al aanwezig)`),
    '',
  ].join('\n');
}
