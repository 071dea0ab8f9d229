/*
 * Seeddata voor de tweede werkagenda in Regie: het actieplan "Passende zorg voor dakloze mensen
 * met een Wlz-indicatie" (aangeboden met Kamerstuk 25 424, nr. 727 op 11 maart 2025).
 *
 * Herkomst: elke waarde komt uit het document in de `source` van het object (shared/seeds/):
 *   - kamerbrief-pilotregios-2025.txt (brief over de voortgang van het actieplan, 2025):
 *       regels 1–11: de partijen; regels 20–23: de drie actielijnen; paragraaf "Ondersteuning
 *       pilotregio's": de eerste actie, de 9 pilot-zorgkantoorregio's en hun periode.
 * Voorbeeldwaarden (niet in de documenten) zijn gemarkeerd met `example: true` en het woord
 * VOORBEELD in een commentaar: het einde van de looptijd en de stand van elke regio.
 */
import type { SeedSource } from './werkagenda.seed-data';

const PILOT = 'kamerbrief-pilotregios-2025.txt';

export interface ActieplanSeedMilestone {
  key: string;
  title: string;
  dueDate: string;
  dueDateText: string;
  regionSlug: string;
  source: SeedSource;
}
export interface ActieplanSeedRegion {
  slug: string;
  name: string;
  period: { from: string; to: string };
  status: 'aangemeld' | 'gestart' | 'plan_van_aanpak_gereed' | 'afgerond';
  /** The status is an example: the letter says only that the regions "gaan deelnemen". */
  statusExample: true;
}
export interface ActieplanSeedAction {
  code: string;
  actionLine: number;
  title: string;
  actionHolder: { parties: string[]; description: string };
  startActivities: string[];
  regions: ActieplanSeedRegion[];
  milestones: ActieplanSeedMilestone[];
  source: SeedSource;
}
export interface ActieplanSeed {
  id: 'actieplan-dakloos-wlz-2025';
  title: string;
  period: { from: string; to: string };
  /** The end of the period is an example (VOORBEELD): the documents name none. */
  periodToExample: true;
  parties: { code: string; name: string; role: 'penvoerder' | 'partner' | 'deelnemer'; source: SeedSource }[];
  actionLines: { number: number; title: string; source: SeedSource }[];
  actions: ActieplanSeedAction[];
}

/**
 * De 9 pilot-zorgkantoorregio's (paragraaf "Ondersteuning pilotregio's"), deelnemend "juli 2025
 * tot en met mei 2026": periode 2025-07-01 t/m 2026-05-31.
 */
const PILOTREGIOS: { slug: string; name: string }[] = [
  { slug: 'amsterdam', name: 'Zorgkantoorregio Amsterdam' },
  { slug: 'zaanstreek-waterland', name: 'Zorgkantoorregio Zaanstreek-Waterland' },
  { slug: 'noord-holland-noord', name: 'Zorgkantoorregio Noord-Holland-Noord' },
  { slug: 'utrecht', name: 'Zorgkantoorregio Utrecht' },
  { slug: 'zwolle', name: 'Zorgkantoorregio Zwolle' },
  { slug: 'midden-ijssel', name: 'Zorgkantoorregio Midden IJssel' },
  { slug: 'west-brabant', name: 'Zorgkantoorregio West-Brabant' },
  { slug: 'haaglanden', name: 'Zorgkantoorregio Haaglanden' },
  { slug: 'zeeland', name: 'Zorgkantoorregio Zeeland' },
];
const PILOT_PERIOD = { from: '2025-07-01', to: '2026-05-31' };
const pilotSource: SeedSource = {
  document: PILOT,
  locator:
    'Ondersteuning pilotregio\'s: "de volgende 9 zorgkantoorregio\'s die de komende periode (juli 2025 tot en met mei 2026) gaan deelnemen aan de pilots"',
};
const partiesSource: SeedSource = {
  document: PILOT,
  locator:
    'regels 1–11: "het actieplan \'Passende zorg voor dakloze mensen met een Wlz-indicatie\' ... Dit plan is samen met Zorgverzekeraars Nederland (ZN), de Vereniging van Nederlandse Gemeenten (VNG), de Nederlandse ggz, Valente en MIND opgesteld"',
};
const linesSource = (n: number): SeedSource => ({ document: PILOT, locator: `regels 20–23: "drie actielijnen", actielijn ${n}` });

export const ACTIEPLAN_SEED: ActieplanSeed = {
  id: 'actieplan-dakloos-wlz-2025',
  title: 'Passende zorg voor dakloze mensen met een Wlz-indicatie',
  // Begin: aangeboden aan de Kamer met de werkagenda op 11 maart 2025 (voetnoot 2 van de brief:
  // rijksoverheid.nl/.../2025/03/11/actieplan-...). Einde: VOORBEELD, de documenten noemen er
  // geen; gelijk aan het einde van de werkagenda waar het actieplan onder valt (t/m 2028).
  period: { from: '2025-03-11', to: '2028-12-31' },
  periodToExample: true,
  // VWS (de staatssecretaris) biedt het plan aan en schrijft de brief: penvoerder; de partijen met
  // wie het is opgesteld: partner.
  parties: [
    { code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport', role: 'penvoerder', source: partiesSource },
    { code: 'ZN', name: 'Zorgverzekeraars Nederland', role: 'partner', source: partiesSource },
    { code: 'VNG', name: 'Vereniging van Nederlandse Gemeenten', role: 'partner', source: partiesSource },
    { code: 'GGZNL', name: 'de Nederlandse ggz', role: 'partner', source: partiesSource },
    { code: 'VALENTE', name: 'Valente', role: 'partner', source: partiesSource },
    { code: 'MIND', name: 'MIND', role: 'partner', source: partiesSource },
  ],
  actionLines: [
    { number: 1, title: 'Zorgen dat dakloze mensen met een Wlz-ggz indicatie sneller passende zorg krijgen', source: linesSource(1) },
    { number: 2, title: 'Voorkomen dat mensen met een Wlz-ggz indicatie dakloos raken', source: linesSource(2) },
    { number: 3, title: 'Inzicht krijgen in het aantal dakloze mensen met een Wlz-ggz indicatie', source: linesSource(3) },
  ],
  actions: [
    {
      code: '1.1',
      actionLine: 1,
      title: "Ondersteuning pilotregio's",
      actionHolder: {
        parties: [],
        description:
          "Geen actiehouder benoemd in de brief. VNG, ZN, Valente en de Nederlandse ggz inventariseerden de pilotregio's; regioadviseurs van Platform Sociaal Domein (PSD) ondersteunen de regio's bij het plan van aanpak.",
      },
      startActivities: [
        "Als eerste actie worden regio's waar de knelpunten groot zijn ondersteund in hun aanpak.",
        'De partijen gaan regionaal aan de slag met het maken van een overzichtelijk plan van aanpak voor het verbeteren van de samenwerking. Het doel is dat cliënten hierdoor sneller een passende (woon)zorgplek krijgen.',
        'Regionale geleerde lessen worden vertaald naar landelijke lessen. Deze informatie gaat leiden tot een handreiking voor het maken van samenwerkingsafspraken en aanscherping van de andere acties uit het actieplan.',
      ],
      regions: PILOTREGIOS.map((r) => ({
        ...r,
        period: PILOT_PERIOD,
        status: 'gestart', // VOORBEELD: de brief zegt alleen dat de regio's "gaan deelnemen" vanaf juli 2025
        statusExample: true,
      })),
      // De brief noemt geen aparte deadline voor het plan van aanpak; de dueDate is het einde van
      // de pilotperiode (31 mei 2026). Eerder stonden deze mijlpalen bij actie 2.1 van de werkagenda.
      milestones: PILOTREGIOS.map((r) => ({
        key: `actieplan-dakloos-wlz-2025:pilot-plan-van-aanpak-${r.slug}`,
        title: `Plan van aanpak voor het verbeteren van de samenwerking – ${r.name}`,
        dueDate: '2026-05-31',
        dueDateText: 'juli 2025 tot en met mei 2026',
        regionSlug: r.slug,
        source: {
          ...pilotSource,
          locator: `${pilotSource.locator}; "een overzichtelijk plan van aanpak voor het verbeteren van de samenwerking"`,
        },
      })),
      source: { document: PILOT, locator: "Ondersteuning pilotregio's" },
    },
  ],
};
