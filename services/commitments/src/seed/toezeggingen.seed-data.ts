/*
 * Seeddata: de toezeggingen (commitments) uit de brondocumenten in shared/seeds/, met hun echte
 * geschiedenis. Elke waarde komt uit het document in `source`/`locator`; niets is verzonnen en er
 * zijn geen voorbeeldwaarden. Teksten zijn (licht ingekort) overgenomen uit de documenten.
 *
 * Bewindspersonen: bij functie, zoals de documenten ze noemen; een naam alleen waar het document
 * die zelf geeft (ondertekening). Termijnen staan er zoals het document ze noemt en worden met
 * `resolveDue` omgezet (laatste dag van de genoemde periode; zie README). Titels van documenten
 * zijn beschrijvend waar het document zelf geen titel geeft.
 *
 * `knownOn`: de seed zet een stap pas als de klok die datum bereikt heeft — de datum van het
 * document dat de stap vastlegt, of (als een document geen datum geeft) de laatste dag waarop de
 * stap volgens de documenten zeker gebeurd was. Zo laat REGIE_NOW nooit iets zien dat toen nog
 * niet bekend was.
 *
 * Bewust NIET opgenomen (zie ook README):
 *  - de toezegging uit Kamerstuk 25 424/34 104, nr. 651 ("later dit voorjaar" informeren over de
 *    vervolgaanpak, nagekomen met nr. 664): de datum van nr. 651 staat in geen van de documenten;
 *  - de herhaling in de brief over de pilotregio's ("voortgangsrapportage ... die ik eind dit jaar
 *    naar de Tweede Kamer zal sturen"): dat is dezelfde voortgangsbrief als de toezegging uit
 *    nr. 727 (de nota noemt één afgedane toezegging), en de brief zelf is ongedateerd; hij staat
 *    als bron bij 'voortgang-eind-2025'.
 */
import type { FulfilmentDocument } from '../commitment/commitment';

export interface SeedSource {
  document: string;
  locator: string;
}
export interface SeedPostponement {
  due: string;
  reason: string;
  /** Where the postponement was announced or is recorded. */
  announcedIn: string;
  knownOn: string;
  source: SeedSource;
}
export interface SeedCommitment {
  key: string;
  text: string;
  madeBy: string;
  madeAt: { date: string; source: string };
  /** As the document words it; resolved with resolveDue against madeAt.date. */
  due: string;
  actionCodes: string[];
  source: SeedSource;
  postponements: SeedPostponement[];
  fulfilment?: { document: FulfilmentDocument; knownOn: string; source: SeedSource };
}

const NR_727 = 'kamerbrief-25424-727-werkagenda-actieplan-2025-03-11.txt';
const NR_664 = 'kamerbrief-25424-664-bestuurlijke-afspraken-2023-05-23.txt';
const NOTA = 'nota-kamerbrief-voortgang-2026-02-27.txt';
const PILOT = 'kamerbrief-pilotregios-2025.txt';

/** Beide ondertekenaars van nr. 727; de nota noemt hen "SLMZ en SJPS". */
const STAATSSECRETARISSEN_727 =
  'Staatssecretaris Langdurige en Maatschappelijke Zorg en Staatssecretaris Jeugd, Preventie en Sport (ondertekend: V. Maeijer en V.P.G. Karremans)';

/**
 * De voortgangsbrief van begin 2026. Het document zelf is niet in de seeds; de nota erbij (Kenmerk
 * 4357720-1094902-LZ, Datum 27 februari 2026) is dat wel. Zijn datum en kenmerk zijn gebruikt.
 */
const VOORTGANGSBRIEF_2026: FulfilmentDocument = {
  kenmerk: '4357720-1094902-LZ',
  title: "Kamerbrief 'Voortgang Langdurige ggz' (met evaluatieonderzoek ggz-Wlz en rapportage monitoring laagdrempelige steunpunten)",
  date: '2026-02-27',
};

export const TOEZEGGINGEN_SEED: SeedCommitment[] = [
  {
    key: 'voortgang-eind-2025',
    text: "De Kamer voor het eind van 2025 opnieuw informeren over de voortgang ten aanzien van de werkagenda 'Een betekenisvol leven met een langdurige psychische aandoening' en het actieplan 'Passende zorg voor dakloze mensen met een Wlz-indicatie'.",
    madeBy: STAATSSECRETARISSEN_727,
    madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
    due: 'eind 2025',
    // Actie 0: het evaluatieonderzoek, waarvan de uitloop het uitstel veroorzaakte en dat met de
    // voortgangsbrief werd aangeboden; actie 2.1: het actieplan dakloosheid (werkagenda-seed).
    actionCodes: ['0', '2.1'],
    source: {
      document: NR_727,
      locator:
        'Tot slot: "Voor het einde van dit jaar zullen wij u informeren over de voortgang."; nota 4. g. Toezeggingen: "SLMZ en SJPS zeggen toe de Kamer voor het eind van 2025 opnieuw te informeren ..."; herhaald in ' +
        `${PILOT} ("voortgangsrapportage ... die ik eind dit jaar naar de Tweede Kamer zal sturen")`,
    },
    postponements: [
      {
        due: 'eerste kwartaal 2026',
        reason: 'Uitloop van het evaluatieonderzoek: de voortgangsbrief is uitgesteld naar het eerste kwartaal van 2026.',
        announcedIn: 'Melding aan de Kamer (datum niet in de documenten), vermeld in de nota 4357720-1094902-LZ van 27 februari 2026',
        knownOn: '2026-02-27',
        source: {
          document: NOTA,
          locator:
            '1. Aanleiding: "Later is aan de Kamer gemeld dat de voortgangsbrief is uitgesteld naar het eerste kwartaal van dit jaar, vanwege uitloop van het evaluatieonderzoek."',
        },
      },
    ],
    fulfilment: {
      document: VOORTGANGSBRIEF_2026,
      knownOn: '2026-02-27',
      source: {
        document: NOTA,
        locator:
          '1. Aanleiding: "Met bijgevoegde brief voldoet u aan de toezegging ..."; 4. g.: "Met deze brief doet u de volgende toezegging af"',
      },
    },
  },
  {
    key: 'voortgang-najaar-2026',
    text: 'De Kamer in het najaar van 2026 informeren over de voortgang van de werkagenda en het actieplan langdurige ggz.',
    madeBy: 'Minister van Langdurige Zorg, Jeugd en Sport (LJS)',
    madeAt: { date: '2026-02-27', source: "Kamerbrief 'Voortgang Langdurige ggz' (nota kenmerk 4357720-1094902-LZ, 27 februari 2026)" },
    due: 'najaar 2026',
    actionCodes: ['2.1'],
    source: {
      document: NOTA,
      locator:
        '4. g. Toezeggingen: "De minister van LJS zegt toe de Kamer in het najaar van 2026 te informeren over de voortgang van de werkagenda en het actieplan langdurige ggz."',
    },
    postponements: [],
  },
  {
    key: 'kennisinfrastructuur-najaar-2025',
    text: 'De Kamer dit najaar (2025) een brief sturen over de kennisinfrastructuur, waarin zij wordt geïnformeerd over de voortgang.',
    // De passage staat in de ik-vorm zonder te zeggen welke van beide ondertekenaars spreekt.
    madeBy: 'Staatssecretaris van Volksgezondheid, Welzijn en Sport',
    madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
    due: 'dit najaar',
    // Hoort bij de Toekomstagenda gehandicaptenzorg, niet bij een actie van de werkagenda.
    actionCodes: [],
    source: {
      document: NR_727,
      locator:
        'Verbeteren van ondersteuning en zorg bij complexe zorgvragen: "U ontvangt dit najaar een brief over de kennisinfrastructuur waarin u wordt geïnformeerd over de voortgang." (geen document meldt dat deze brief verstuurd is)',
    },
    postponements: [],
  },
  {
    key: 'tweeminutendebat-2025-04-24-voortgang-actieplan',
    text: "De Kamer informeren over de voortgang van het actieplan 'Passende zorg voor dakloze mensen met een Wlz-indicatie'.",
    madeBy: 'Staatssecretaris Langdurige en Maatschappelijke Zorg',
    madeAt: { date: '2025-04-24', source: 'Tweeminutendebat GGZ/Suïcidepreventie (24 april 2025)' },
    // De brief noemt geen termijn voor deze toezegging.
    due: 'onbekend',
    actionCodes: ['2.1'],
    source: {
      document: PILOT,
      locator:
        '"In deze brief wordt de voortgang van dit actieplan geschetst, zoals de voormalig staatssecretaris LMZ aan uw Kamer heeft toegezegd tijdens het Tweeminutendebat GGZ/Suïcidepreventie van 24 april jl."',
    },
    postponements: [],
    fulfilment: {
      // De brief over de pilotregio's heeft in de documenten geen datum en geen kenmerk. Hij is van
      // 2025 ("24 april jl.", pilots "juli 2025 tot en met mei 2026"), dus zeker eind 2025 bekend.
      document: {
        kenmerk: null,
        // The signatory's name is left out of this free-text title: names are personal data, kept only sealed (README).
        title:
          "Kamerbrief over de voortgang van het actieplan 'Passende zorg voor dakloze mensen met een Wlz-indicatie': ondersteuning pilotregio's (staatssecretaris Langdurige en Maatschappelijke Zorg)",
        date: null,
      },
      knownOn: '2025-12-31',
      source: {
        document: PILOT,
        locator: 'Ondertekening: "de staatssecretaris Langdurige en Maatschappelijke Zorg, Nicki J.F. Pouw-Verweij"',
      },
    },
  },
  {
    key: 'evaluatie-wlz-ggz-kamer-informeren',
    text: 'De Tweede Kamer informeren wanneer de evaluatie van de toegang tot de Wlz voor mensen met een psychische aandoening is afgerond.',
    madeBy: STAATSSECRETARISSEN_727,
    madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
    // Gekoppeld aan de afronding, niet aan een datum ("De ambitie is om de evaluatie eind 2025 af te ronden").
    due: 'onbekend',
    actionCodes: ['0'],
    source: {
      document: NR_727,
      locator: 'Evaluatie van de toegang tot de Wlz: "Vanzelfsprekend informeren wij de Tweede Kamer wanneer deze evaluatie is afgerond."',
    },
    postponements: [],
    fulfilment: {
      document: VOORTGANGSBRIEF_2026,
      knownOn: '2026-02-27',
      source: {
        document: NOTA,
        locator: '1. Aanleiding: "Tevens biedt u het afgeronde evaluatieonderzoek naar de openstelling van de Wlz ... aan de Kamer aan."',
      },
    },
  },
  {
    key: 'bestuurlijke-afspraken-voortgang-eind-2023',
    text: 'De Kamer eind 2023 opnieuw informeren over de voortgang van de bestuurlijke afspraken over passende zorg en ondersteuning voor mensen met een psychische aandoening en een langdurige zorgvraag.',
    madeBy: 'Minister voor Langdurige Zorg en Sport (C. Helder) en Staatssecretaris van Volksgezondheid, Welzijn en Sport (M. van Ooijen)',
    madeAt: { date: '2023-05-23', source: 'Kamerstuk 25 424, nr. 664' },
    due: 'eind 2023',
    actionCodes: [],
    source: {
      document: NR_664,
      locator: 'Monitoring en governance, slot: "Eind 2023 informeren wij u opnieuw over de voortgang van bovenstaande ontwikkelingen."',
    },
    postponements: [],
    fulfilment: {
      // Nr. 727 noemt nr. 688 niet als afdoening van deze toezegging, maar het is de voortgangsbrief
      // over precies dit onderwerp; de datum staat in nr. 727 ("de eerder genoemde kamerbrief van 7 mei 2024").
      document: {
        kenmerk: 'Kamerstuk 25 424, nr. 688',
        title: 'Kamerbrief over de voortgang van de bestuurlijke afspraken langdurige ggz',
        date: '2024-05-07',
      },
      knownOn: '2024-05-07',
      source: {
        document: NR_727,
        locator:
          'Inleiding: "In het voorjaar van 2024 hebben de toenmalig Minister van VWS en de Staatssecretaris van VWS u geïnformeerd over de voortgang van de bestuurlijke afspraken" (voetnoot 1: 25 424, nr. 688); Leertraject: "kamerbrief van 7 mei 2024"',
      },
    },
  },
];
