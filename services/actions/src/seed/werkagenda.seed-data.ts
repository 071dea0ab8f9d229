/*
 * Seeddata voor de werkagenda "Een betekenisvol leven met een langdurige psychische aandoening"
 * (2025–2028), de startdata van Regie.
 *
 * Herkomst: elke waarde in dit bestand komt uit het document dat in de `source` van het
 * betreffende object staat (bestandsnamen in shared/seeds/). Gelezen bronnen:
 *   - werkagenda-betekenisvol-leven-2025-2028.txt          (de werkagenda zelf)
 *   - kamerbrief-25424-727-werkagenda-actieplan-2025-03-11.txt (Kamerstuk 25 424, nr. 727)
 *   - kamerbrief-pilotregios-2025.txt                       (brief over de pilotregio's, 2025)
 *   - nota-kamerbrief-voortgang-2026-02-27.txt              (nota bij de voortgangsbrief)
 *   - kamerbrief-25424-664-bestuurlijke-afspraken-2023-05-23.txt (Kamerstuk 25 424, nr. 664)
 * Er zijn geen voorbeeldwaarden (`example`) gebruikt. Teksten zijn letterlijk overgenomen
 * (alleen ingekort, regelafbrekingen en voetnootnummers verwijderd).
 *
 * Actiehouders: de werkagenda wijst per actie nog GEEN actiehouder aan ("We wijzen voor iedere
 * actie een actiehouder aan" gebeurt in de mijlpalenplanning, die niet in de documenten staat).
 * `actionHolder.parties` bevat daarom alleen partijen die de tekst zelf de regie/uitvoering
 * toekent (actie 0 en 2.5: VWS; actie 3.1: ZN); anders is de lijst leeg en legt
 * `description` uit wat de tekst wél zegt.
 *
 * Regel periode -> datum (dueDate = laatste dag van de genoemde periode, tenzij anders vermeld):
 *   'eind april 2025'                     -> 2025-04-30 (laatste dag van de maand)
 *   'eind 2025'                           -> 2025-12-31
 *   'Q1 2026' / 'eerste kwartaal van 2026' -> 2026-03-31; 'tweede kwartaal van 2025' -> 2025-06-30
 *   'voorjaar 2025'                       -> 2025-05-31 (meteorologisch voorjaar: maart t/m mei)
 *   'voor de zomer 2026'                  -> 2026-06-30
 *   'najaar 2026'                         -> 2026-11-30 (meteorologisch najaar: sept t/m nov)
 *   'maart 2025'                          -> 2025-03-31
 *   'juli 2025 tot en met mei 2026'       -> 2026-05-31 (einde van de periode)
 *   'vanaf 2026'                          -> 2026-01-01 (eerste dag waarop het mag gebeuren)
 *   gebeurtenis ('op het moment van publicatie van deze werkagenda') -> datum van die gebeurtenis
 *     volgens de documenten (aanbieding aan de Kamer: Kamerstuk 25 424, nr. 727, 11 maart 2025).
 * achievedOn: alleen als een document zegt dat iets gereed/afgerond is; is alleen een briefdatum
 * bekend, dan is dat de datum, en dat staat in de locator van de milestone vermeld.
 */

export interface SeedSource {
  document: string;
  locator: string;
}
export interface SeedParty {
  code: 'VWS' | 'ZN' | 'VNG' | 'GGZNL' | 'VALENTE' | 'MIND';
  name: string;
  /** Afgeleid, zie PARTY_ROLES_SOURCE. */
  role: 'penvoerder' | 'partner' | 'deelnemer';
}
/** A change of a party after establishment, recorded with its reason (a seed step of the werkagenda's stream). */
export interface SeedPartyChange {
  code: SeedParty['code'];
  bestuurlijkeAfspraken: { participates: boolean; since: string | null; sinceText: string | null; note: string | null };
  reason: string;
  source: SeedSource;
}
export interface SeedActionLine {
  number: 0 | 1 | 2 | 3;
  title: string;
}
export interface SeedMilestoneReplan {
  dueDate: string;
  reason: string;
  source: SeedSource;
}
export interface SeedMilestone {
  key: string;
  title: string;
  dueDate: string;
  dueDateText: string;
  replans: SeedMilestoneReplan[];
  achievedOn?: string;
  example?: true;
  source: SeedSource;
}
export interface SeedAction {
  code: '0' | '1.1' | '1.2' | '1.3' | '1.4' | '2.1' | '2.2' | '2.3' | '2.4' | '2.5' | '3.1' | '3.2';
  actionLine: 0 | 1 | 2 | 3;
  title: string;
  actionHolder: { parties: SeedParty['code'][]; description: string };
  startActivities: string[];
  milestones: SeedMilestone[];
  source: SeedSource;
}
export interface SeedWerkagenda {
  id: 'betekenisvol-leven-2025-2028';
  title: string;
  period: { from: string; to: string };
  parties: SeedParty[];
  /** Lidmaatschap van de werkagenda: vanaf het begin van de looptijd, zonder einde. */
  partyChanges: SeedPartyChange[];
  actionLines: SeedActionLine[];
  actions: SeedAction[];
}

/**
 * Rollen van de partijen (afgeleid): de werkagenda is een werkagenda van VWS "die we samen met
 * Zorgverzekeraars Nederland (ZN), de Vereniging Nederlandse Gemeenten (VNG), de Nederlandse ggz,
 * Valente en MIND (hierna: de partijen) hebben opgesteld" (Kamerstuk 25 424, nr. 727): VWS is
 * penvoerder, de anderen zijn partner.
 */
export const PARTY_ROLES_SOURCE: SeedSource = {
  document: 'kamerbrief-25424-727-werkagenda-actieplan-2025-03-11.txt',
  locator:
    'Inleiding: "die we samen met Zorgverzekeraars Nederland (ZN), de Vereniging Nederlandse Gemeenten (VNG), de Nederlandse ggz, Valente en MIND (hierna: de partijen) hebben opgesteld"',
};

const WA = 'werkagenda-betekenisvol-leven-2025-2028.txt';
const NOTA = 'nota-kamerbrief-voortgang-2026-02-27.txt';

/** Geen actiehouder benoemd: gemeenschappelijke toelichting. */
const GEEN_ACTIEHOUDER =
  'Geen actiehouder benoemd in de documenten; de werkagenda zegt: "We wijzen voor iedere actie een actiehouder aan" (in de mijlpalenplanning).';

export const WERKAGENDA_SEED: SeedWerkagenda = {
  id: 'betekenisvol-leven-2025-2028',
  title: 'Een betekenisvol leven met een langdurige psychische aandoening',
  // Periode: de werkagenda noemt "de komende jaren (2025 – 2028)" en "de periode die loopt vanaf
  // de vaststelling van de werkagenda (eerste kwartaal 2025) t/m 2028" (hoofdstuk 4, "Uitvoering en
  // mijlpalenplanning"). Vastgesteld "In februari" 2025 (Kamerstuk 25 424, nr. 727). Omdat alleen
  // het kwartaal/jaar als begin wordt genoemd, is 'from' de eerste dag van 2025 (begin Q1 2025) en
  // 'to' de laatste dag van 2028 ('t/m 2028').
  period: { from: '2025-01-01', to: '2028-12-31' },
  parties: [
    { code: 'VWS', name: 'ministerie van Volksgezondheid, Welzijn en Sport', role: 'penvoerder' },
    { code: 'ZN', name: 'Zorgverzekeraars Nederland', role: 'partner' },
    { code: 'VNG', name: 'Vereniging Nederlandse Gemeenten', role: 'partner' },
    { code: 'GGZNL', name: 'de Nederlandse ggz', role: 'partner' },
    { code: 'VALENTE', name: 'Valente', role: 'partner' },
    { code: 'MIND', name: 'MIND', role: 'partner' },
  ],
  partyChanges: [
    {
      code: 'VNG',
      bestuurlijkeAfspraken: {
        participates: false,
        since: '2024-09-01',
        sinceText: 'september 2024',
        note: 'De VNG neemt wel deel aan de werkagenda.',
      },
      reason:
        'De VNG heeft zich in september 2024 teruggetrokken uit de bestuurlijke afspraken uit onvrede over het besluit van de Staatssecretaris voor LMZ om de volumecompensatie voor beschermd wonen niet volgens de voorheen gehanteerde systematiek toe te kennen. De VNG neemt wel deel aan de werkagenda.',
      // 'since' is de eerste dag van de genoemde maand (regel: een maand zonder dag -> de eerste dag).
      source: {
        document: 'kamerbrief-25424-727-werkagenda-actieplan-2025-03-11.txt',
        locator: 'Bestuurlijke afspraken: "De VNG heeft zich in september 2024 teruggetrokken uit de bestuurlijke afspraken"',
      },
    },
  ],
  actionLines: [
    // Geen genummerde actielijn: de werkagenda noemt dit de "Overkoepelende actie" die "buiten de
    // actielijnen" staat; in Regie als actielijn 0 opgenomen.
    { number: 0, title: 'Overkoepelende actie' },
    { number: 1, title: 'Beter zicht op de doelgroep' },
    { number: 2, title: 'Verbetering van de ondersteuning en zorg voor mensen met een langdurige psychische aandoening' },
    { number: 3, title: 'Passende ondersteuning en zorg in complexe situaties' },
  ],
  actions: [
    // ------------------------------------------------------------------ Overkoepelende actie
    {
      code: '0',
      actionLine: 0,
      title: 'Evaluatie van de toegang tot de Wlz voor mensen met een psychische aandoening',
      actionHolder: {
        parties: ['VWS'],
        description:
          'De partijen werken gezamenlijk, onder regie van VWS, de opdrachtformulering uit; VWS zet de opdracht tot evaluatie uit bij een (externe) partij.',
      },
      startActivities: [
        'De partijen werken gezamenlijk, onder regie van VWS, de opdrachtformulering voor de evaluatie uit. Deze is eind april 2025 gereed.',
        'VWS zet de opdracht tot evaluatie vervolgens uit bij een (externe) partij. De doorlooptijd van de evaluatie is afhankelijk van de aard en breedte van de geformuleerde opdracht, waarbij de ambitie is dit eind 2025 af te ronden.',
      ],
      milestones: [
        {
          key: 'evaluatie-opdrachtformulering',
          title: 'Opdrachtformulering voor de evaluatie van de openstelling van de Wlz gereed',
          dueDate: '2025-04-30',
          dueDateText: 'eind april 2025',
          replans: [],
          source: { document: WA, locator: 'Overkoepelende actie, startactiviteit: "Deze is eind april 2025 gereed."' },
        },
        {
          key: 'evaluatie-afgerond',
          title: 'Evaluatie van de openstelling van de Wlz voor mensen met een psychische aandoening afgerond',
          dueDate: '2025-12-31',
          dueDateText: 'eind 2025',
          replans: [
            {
              dueDate: '2026-03-31',
              reason:
                'Uitloop van het evaluatieonderzoek: de voortgangsbrief, waarmee het evaluatieonderzoek aan de Kamer wordt aangeboden, is uitgesteld naar het eerste kwartaal van 2026.',
              source: {
                document: NOTA,
                locator: '1. Aanleiding: "uitgesteld naar het eerste kwartaal van dit jaar, vanwege uitloop van het evaluatieonderzoek"',
              },
            },
          ],
          // De nota van 27 februari 2026 spreekt van "het afgeronde evaluatieonderzoek" (Bureau HHM);
          // de precieze afronddatum staat er niet in, dus is de datum van de nota gebruikt.
          achievedOn: '2026-02-27',
          source: {
            document: WA,
            locator: 'Overkoepelende actie: "ambitie is dit eind 2025 af te ronden"; achievedOn = datum nota 27-02-2026 ("afgeronde")',
          },
        },
      ],
      source: {
        document: WA,
        locator: 'Overkoepelende actie: evaluatie van de toegang tot de Wlz voor mensen met een psychische aandoening',
      },
    },

    // ------------------------------------------------------------------ Actielijn 1
    {
      code: '1.1',
      actionLine: 1,
      title: 'Onderzoek naar doelgroep en ontwikkelingen in de langdurige ggz',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We organiseren in het voorjaar van 2025 een dialoogsessie over de resultaten van het onderzoek van het Trimbos Instituut. Hieraan nemen mensen vanuit beleid en praktijk deel. De inzichten gebruiken we om de actielijnen in deze werkagenda verder aan te scherpen.',
      ],
      milestones: [
        {
          key: 'trimbos-onderzoek-langdurige-ggz-gereed',
          title: 'Verdiepend onderzoek Trimbos-instituut naar de stand van zaken in de langdurige ggz gereed en gepubliceerd',
          dueDate: '2025-03-31',
          dueDateText: 'maart 2025',
          replans: [],
          // Kamerstuk 25 424, nr. 727 (11 maart 2025): "U ontvangt het onderzoek bij deze brief."
          achievedOn: '2025-03-11',
          source: {
            document: WA,
            locator: 'Actie 1.1, voetnoot 5: "in maart 2025 gereed en gepubliceerd"; achievedOn = Kamerbrief 25424-727 van 11-03-2025',
          },
        },
        {
          key: 'dialoogsessie-trimbos-onderzoek',
          title: 'Dialoogsessie over de resultaten van het onderzoek van het Trimbos Instituut',
          dueDate: '2025-05-31',
          dueDateText: 'in het voorjaar van 2025',
          replans: [],
          source: { document: WA, locator: 'Actie 1.1, startactiviteit: "We organiseren in het voorjaar van 2025 een dialoogsessie"' },
        },
      ],
      source: { document: WA, locator: 'Actie 1.1 Onderzoek naar doelgroep en ontwikkelingen in de langdurige ggz' },
    },
    {
      code: '1.2',
      actionLine: 1,
      title: 'Beschrijven van de zorg-, ondersteunings- en woonbehoeften van cliënten ten behoeve van passende arrangementen',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'Aansluiten bij de acties vanuit het wetsvoorstel versterking regie volkshuisvesting. We monitoren of de implementatie van het wetsvoorstel inderdaad zorgt voor het sneller en beter passend huisvesten van mensen met een psychische kwetsbaarheid.',
        'We onderzoeken, beschrijven en monitoren zorg-, ondersteunings- en woonbehoeften van cliënten (inclusief cliënten met een complexe zorgvraag). Dit doen we op basis van informatie uit bestaande onderzoeken en trajecten en op basis van wat er vastligt in de woonzorgvisies van gemeenten.',
        'Vervolgens benoemen we knelpunten die er zijn om tot passende zorg, ondersteuning en een daarop aansluitende woonplek te komen. We bepalen verdere acties op basis van de gevonden knelpunten.',
      ],
      milestones: [],
      source: { document: WA, locator: 'Actie 1.2 Beschrijven van de zorg-, ondersteunings- en woonbehoeften van cliënten' },
    },
    {
      code: '1.3',
      actionLine: 1,
      title:
        'Huidige praktijk en kansen voor verbetering van het zorg- en ondersteuningsaanbod in de thuissituatie voor mensen met een psychische aandoening',
      actionHolder: {
        parties: [],
        description: `${GEEN_ACTIEHOUDER} De startactiviteiten noemen zorgkantoren, gemeenten en zorgaanbieders als uitvoerders.`,
      },
      startActivities: [
        'Zorgkantoren, gemeenten en zorgaanbieders brengen in beeld hoe in de huidige praktijk wordt omgegaan met het verstrekken van een pgb voor mensen met een psychische aandoening en welke kansen, zorgen en risico’s hierbij spelen op het gebied van kwaliteit en de mogelijkheden tot toezicht daarop.',
        'Zorgkantoren, zorgaanbieders en gemeenten brengen in beeld en monitoren hoe in de huidige praktijk de leveringsvormen van vpt en mpt in de Wlz en begeleiding vanuit de Wmo worden vormgegeven. Daarbij onderzoeken zij welke kansen en knelpunten er liggen om het aanbod te verbeteren van ondersteuning en zorg waarbij geen sprake is van 24 uur per dag aanwezigheid.',
        'De inzichten die hieruit volgen voeden de acties zoals beschreven in actielijn 2.',
      ],
      milestones: [],
      source: {
        document: WA,
        locator: 'Actie 1.3 Huidige praktijk en kansen voor verbetering van het zorg- en ondersteuningsaanbod in de thuissituatie',
      },
    },
    {
      code: '1.4',
      actionLine: 1,
      title: 'Behoefteonderzoek naar de overstap van Wlz naar Wmo',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We voeren kwalitatief onderzoek uit naar de behoefte van mensen met een langdurige psychische aandoening om hun Wlz-indicatie te beëindigen, met als doel een inschatting te maken van de achtergrond van deze behoefte. We bepalen op basis van het onderzoek welke acties wel of niet nodig zijn.',
      ],
      milestones: [],
      source: { document: WA, locator: 'Actie 1.4 Behoefteonderzoek naar de overstap van Wlz naar Wmo' },
    },

    // ------------------------------------------------------------------ Actielijn 2
    {
      code: '2.1',
      actionLine: 2,
      title:
        'Betere aansluiting tussen Wmo en Wlz, te beginnen bij het voorkomen en verhelpen van dakloosheid bij mensen met een Wlz-indicatie',
      actionHolder: {
        parties: [],
        description: `${GEEN_ACTIEHOUDER} Het actieplan 'Passende zorg voor dakloze mensen met een Wlz-indicatie' is samen met ZN, de VNG, de Nederlandse ggz, Valente en MIND opgesteld; VNG, ZN, Valente en de Nederlandse ggz inventariseerden de pilotregio's.`,
      },
      startActivities: [
        'Gelijktijdig met deze werkagenda presenteren we het Actieplan Passende zorg voor dakloze mensen met een Wlz-indicatie. In dit actieplan zetten we in op het beter in beeld krijgen van de doelgroep en wat de rollen en verantwoordelijkheden van alle partijen zijn. We maken afspraken over concrete en meer uniforme samenwerkingsafspraken bij urgente situaties van (dreigende) dakloosheid. We delen goede voorbeelden van regio’s waar een gezamenlijke aanpak werkt. We verkennen waar wettelijke kaders knellen zoals rondom gegevensuitwisseling en we zetten in op het voorkómen van dakloosheid bij deze groep. Gemeenten, zorgkantoren en zorgaanbieders organiseren waar nodig Wlz-plekken die laagdrempelig toegankelijk zijn voor mensen die (nog) niet in een 24-uurssetting willen of kunnen wonen in alle zorgkantoor-regio’s. De acties uit het actieplan worden op dit moment gestart en de komende maanden verder opgepakt.',
      ],
      // Het actieplan dakloosheid valt onder actielijn 2 (nota 27-02-2026) en wordt in actie 2.1
      // gepresenteerd; de pilots zijn de eerste actie uit dat actieplan (kamerbrief pilotregio's).
      // Het actieplan is een eigen werkagenda in Regie (actieplan.seed-data.ts): de "Plan van
      // aanpak"-mijlpalen van de 9 pilotregio's staan bij zijn actie 1.1, per regio.
      milestones: [],
      source: {
        document: WA,
        locator: 'Actie 2.1 Betere aansluiting tussen Wmo en Wlz, te beginnen bij het voorkomen en verhelpen van dakloosheid',
      },
    },
    {
      code: '2.2',
      actionLine: 2,
      title: 'Beter aansluiten op fluctuerende behoeften van cliënten',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We werken aan bewustwording onder beleidsmakers en Wmo-medewerkers over het feit dat langdurige zorg niet per se Wlz hoeft te betekenen en dat Wmo dus ook langdurige zorg kan inhouden. Bijvoorbeeld in kennissessies en informatie over de toegang tot de Wlz (bijv. in het hulpmiddel Kansrijk of niet).',
        'Met de inzichten uit actie 1.3 maken we het spectrum van lichte naar intensieve vormen van ondersteuning en zorg voor de doelgroep inzichtelijk.',
        'Aan de hand van dit intensiteitsspectrum brengen we de mogelijkheden voor op- en afschalen in kaart. We onderzoeken waar de leveringsvormen, wet- en regelgeving knelt en hoe we belemmeringen kunnen wegnemen. Hierbij kijken we (onder andere) naar het onderdeel beveiliging.',
        'Door middel van een levensreis onderzoeken we wat momenten zijn om opnieuw te bepalen of iemand meer of minder zorg nodig heeft en hoe dit in te richten.',
        'We starten een actieonderzoek bij drie aanbieders om met de bevindingen van de levensreizen in de praktijk te kijken of het lukt om op- en af te schalen.',
      ],
      milestones: [],
      source: { document: WA, locator: 'Actie 2.2 Beter aansluiten op fluctuerende behoeften van cliënten' },
    },
    {
      code: '2.3',
      actionLine: 2,
      title: 'Cliënten en naasten beter toerusten voorafgaand aan de Wlz- en Wmo-aanvraag',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We verkennen als partijen wie op welke manieren en op welke momenten cliënten kunnen informeren over de consequenties van de keuze voor Wmo en/of Wlz. Daarbij kijken we naar hoe OCO’s vaker een stevige rol kunnen vervullen in de overgangsperiode van Wmo naar Wlz. Ook bieden we heldere informatie over de toegangscriteria en nieuwe inzichten uit actielijn 2.2. Deze informatie bieden we aan op Regelhulp en via de kanalen van de partijen uit deze werkagenda.',
      ],
      milestones: [],
      source: { document: WA, locator: 'Actie 2.3 Cliënten en naasten beter toerusten voorafgaand aan de Wlz- en Wmo-aanvraag' },
    },
    {
      code: '2.4',
      actionLine: 2,
      title: 'Stimuleren van sociale innovaties en digitalisering',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We informeren zorgaanbieders, gemeenten, zorgkantoren, cliënten, woningcorporaties en andere stakeholders over bewezen effectieve innovaties, financieringsmogelijkheden (door middel van een factsheet), hoe goede voorbeelden te implementeren en op te schalen en brengen nuttige handreikingen onder de aandacht (bijvoorbeeld handreiking woonzorgconcepten). We benutten bestaande websites en de kanalen van de betrokken partijen bij het delen van resultaten.',
        'We gaan periodiek een mix van online en offlinebijeenkomsten organiseren waarin we zorgaanbieders, gemeenten, zorgkantoren, (ervaringsdeskundige) cliënten en andere belangrijke stakeholders bij elkaar brengen om aan de hand van concrete casuïstiek elkaar verder te helpen in het visievormings-, implementatie- en opschalingsproces. We laten dit organisch groeien door willers en kunners die hier met elkaar de schouders onder willen zetten. We geven zowel aandacht aan (goed) lopende implementatieprocessen als briljante mislukkingen waar veel van te leren valt.',
        'We verkennen hoe aanbieders ondersteuning kunnen krijgen bij visievorming en implementatie voor innovatie in de langdurige ggz.',
        'We gaan bij landelijke innovatie- en opschalingsprogramma’s aandacht vragen voor de specifieke wensen en uitdagingen van de diverse groep mensen met een psychische aandoening die langdurige ondersteuning en zorg nodig hebben.',
      ],
      milestones: [],
      source: { document: WA, locator: 'Actie 2.4 Stimuleren van sociale innovaties en digitalisering' },
    },
    {
      code: '2.5',
      actionLine: 2,
      title: 'Een gezamenlijk beeld van de positie van (ggz-)behandeling',
      actionHolder: {
        parties: ['VWS'],
        description:
          'Niet als actiehouder benoemd; volgens de startactiviteit gaat VWS in overleg met partijen om te zien hoe de dialoog het beste is vorm te geven.',
      },
      startActivities: [
        'We voeren in eerste instantie met elkaar, en waar nodig in een later stadium ook met andere betrokken partijen, een brede dialoog over het (toekomst)beeld voor de positionering van ggz-behandeling in de langdurige ondersteuning en zorg voor mensen met een psychische aandoening. Deze dialoog gaat onder andere over kansen en knelpunten die we zien in de samenhang en afstemming tussen woonzorg en ggz-behandeling, hoe we onder- of overbehandeling kunnen voorkomen en hoe we er gezamenlijk aan kunnen bijdragen dat (tijdig) passende ggz-behandeling geboden kan worden aan mensen die dit nodig hebben.',
        'VWS gaat in overleg met partijen om te zien hoe bovenstaande actie het beste is vorm te geven vanuit de rollen en verantwoordelijkheden die er rondom dit vraagstuk zijn. Bij dit gesprek wordt tevens betrokken dat VWS voornemens is in het tweede kwartaal van 2025 de balans op te maken om te komen tot een besluit over de termijn en de wijze van beëindiging van het overgangsrecht.',
      ],
      milestones: [
        {
          key: 'overgangsrecht-balans-besluit',
          title:
            'VWS maakt de balans op om te komen tot een besluit over de termijn en de wijze van beëindiging van het overgangsrecht (ggz-behandeling)',
          dueDate: '2025-06-30',
          dueDateText: 'in het tweede kwartaal van 2025',
          replans: [],
          source: {
            document: WA,
            locator: 'Actie 2.5, startactiviteit: "VWS voornemens is in het tweede kwartaal van 2025 de balans op te maken"',
          },
        },
      ],
      source: { document: WA, locator: 'Actie 2.5 Een gezamenlijk beeld van de positie van (ggz-)behandeling' },
    },

    // ------------------------------------------------------------------ Actielijn 3
    {
      code: '3.1',
      actionLine: 3,
      title: 'Per regio de samenwerking verbeteren',
      actionHolder: {
        parties: ['ZN'],
        description:
          'Niet als actiehouder benoemd; volgens de eerste startactiviteit starten de zorgkantoren in ZN-verband met de uitrol en stemt ZN het landelijke implementatieplan af met Valente, de Nederlandse ggz en de VNG.',
      },
      startActivities: [
        'Zorgkantoren komen in samenwerking met aanbieders tot een overzicht van de belangrijkste knelpunten op regionaal niveau voor mensen met een complexe zorgvraag en een Wlz-indicatie. Op basis hiervan wordt een regionaal plan van aanpak gemaakt om de knelpunten gefaseerd aan te pakken en per thema ook het tekort aan aanbod in beeld te brengen. Op basis van de lessen die Zilveren Kruis heeft opgedaan met de Regiokaart Complex starten de zorgkantoren in ZN-verband met de uitrol in hun regio’s. Het landelijke implementatieplan stemt ZN af met Valente, de Nederlandse ggz en de VNG.',
        "We maken werkafspraken over wat te doen bij plaatsingsproblematiek in complexe situaties en verkennen of en hoe hier aanvullende afspraken nodig zijn en er meer bekendheid aan moet worden gegeven via bijvoorbeeld een 'wegwijzer complexe langdurige ggz’. We doen dit op basis van een analyse van hoe zorgkantoren, gemeenten en aanbieders per regio omgaan met complexe zorg en plaatsingsproblematiek en waar behoefte is aan verheldering. We bouwen hierbij voort op de lerende netwerken rondom complexe casuïstiek (in opdracht van VWS) die zich momenteel buigen over wat te doen bij plaatsingsproblematiek en beter zicht te krijgen op eenieders rol en verantwoordelijkheden.",
      ],
      milestones: [
        {
          key: 'regiokaart-complex-alle-zorgkantoren-gestart',
          title: 'Alle zorgkantoren gestart met een aanpak vergelijkbaar met de Regiokaart-complex',
          // Publicatie van de werkagenda = aanbieding aan de Kamer met Kamerstuk 25 424, nr. 727.
          dueDate: '2025-03-11',
          dueDateText: 'op het moment van publicatie van deze werkagenda',
          replans: [],
          source: {
            document: WA,
            locator: 'Actie 3.1: "Het doel is dat alle zorgkantoren op het moment van publicatie van deze werkagenda zijn gestart"',
          },
        },
      ],
      source: { document: WA, locator: 'Actie 3.1 Per regio de samenwerking verbeteren' },
    },
    {
      code: '3.2',
      actionLine: 3,
      title: 'Meer passende woonzorg-concepten en voorzieningen',
      actionHolder: { parties: [], description: GEEN_ACTIEHOUDER },
      startActivities: [
        'We ontwikkelen een handreiking met alle relevante stakeholders met daarin de volgende onderdelen: de werkzame elementen van succesvolle voorbeelden; de benodigde randvoorwaarden voor een goede samenwerking tussen partners; de financieringsmogelijkheden, hierbij betrekken we maatschappelijke business cases; hoe je draagvlak voor een woonvorm kunt verwerven onder belangrijke stakeholders, zoals de gemeente(raad) en buurtbewoners; een beslishulp voor passende woonvormen, waarmee helder wordt welke woonvorm het beste aansluit bij welke situaties en welke groepen cliënten.',
        'We evalueren de handreiking op basis van de eerste gebruikerservaringen en actualiseren de handreiking na circa een jaar.',
        'We organiseren bijeenkomsten gericht op inspiratie en de uitwisseling van kennis en ervaringen tussen corporaties, gemeenten, woonvoorzieningen, behandelinstellingen, ervaringsdeskundigen en zorgkantoren.',
        'We gaan op zoek naar tien kartrekkers die een woonvoorziening willen starten in een samenwerking met een woonvoorziening, behandelorganisatie, gemeenten en/of corporatie. Deze kartrekkers gaan we steunen in het opzetten van het samenwerkingsverband en realiseren van de woonzorgvoorziening, bijvoorbeeld door middel van actieonderzoek. De lessen delen we tussentijds via bijeenkomsten en/of kennisproducten.',
        'Op basis van behoefte-inventarisaties tijdens de ontwikkeling van de handreiking en de inspiratie- en kennisbijeenkomsten bepalen we vervolgacties die we vanaf 2026 kunnen uitvoeren.',
      ],
      milestones: [
        {
          key: 'woonzorg-vervolgacties-vanaf-2026',
          title: 'Vervolgacties bepaald die vanaf 2026 kunnen worden uitgevoerd (op basis van behoefte-inventarisaties)',
          dueDate: '2026-01-01',
          dueDateText: 'vanaf 2026',
          replans: [],
          source: { document: WA, locator: 'Actie 3.2, startactiviteit: "bepalen we vervolgacties die we vanaf 2026 kunnen uitvoeren"' },
        },
      ],
      source: { document: WA, locator: 'Actie 3.2 Meer passende woonzorg-concepten en voorzieningen' },
    },
  ],
};
