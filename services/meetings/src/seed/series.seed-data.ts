import type { SeededKind, SeriesDefinition } from '../series/meeting-series';

/**
 * The recurring overleggen of the werkagenda "Een betekenisvol leven met een langdurige
 * psychische aandoening" 2025–2028, §4 "Hoe we te werk gaan", table "Overlegstructuur"
 * (../shared/seeds/werkagenda-betekenisvol-leven-2025-2028.txt). Wie, doel and frequentie are
 * the document's; VWS chairs the kerngroepoverleggen ("voorzitten van de kerngroepoverleggen")
 * and, as coördinerende partij, plans and organises the brede overleggen. The document names
 * no chair for the other overleggen and gives no dates: the first dates and times below are
 * EXAMPLES (example: true), to be replaced through REGIE_FIRST_<KIND>=YYYY-MM-DDTHH:mm.
 */
export interface SeriesSeed extends Omit<SeriesDefinition, 'seriesId' | 'werkagendaId' | 'firstDate' | 'localTime' | 'example'> {
  exampleFirst: { date: string; time: string };
}

/** The werkagenda these series belong to (its id in the actions context). */
export const SERIES_WERKAGENDA_ID = 'betekenisvol-leven-2025-2028';

export const SERIES_SEED: Record<SeededKind, SeriesSeed> = {
  kerngroep: {
    kind: 'kerngroep',
    title: 'Kerngroepoverleg',
    purpose: 'Voortgang op acties afstemmen en operationele besluiten nemen, voorbereiden regiegroep en jaaroverleg',
    cadence: 'driewekelijks',
    interval: { unit: 'weeks', every: 3 },
    participants: ['Actiehouders'],
    chair: 'VWS',
    organiser: 'VWS',
    durationMinutes: 90,
    exampleFirst: { date: '2025-04-08', time: '10:00' }, // example: a Tuesday after the werkagenda was sent (11 March 2025)
  },
  evaluatie: {
    kind: 'evaluatie',
    title: 'Evaluatie op voortgang',
    purpose: 'Monitoren van acties en bepalen of bijstelling nodig is',
    cadence: 'halfjaarlijks',
    interval: { unit: 'months', every: 6 },
    participants: ['Actiehouders'],
    chair: null,
    organiser: 'VWS',
    durationMinutes: 180,
    exampleFirst: { date: '2025-09-30', time: '10:00' }, // example
  },
  jaaroverleg: {
    kind: 'jaaroverleg',
    title: 'Jaaroverleg',
    purpose: 'Jaarplannen maken op basis van evaluatie-uitkomsten',
    cadence: 'jaarlijks',
    interval: { unit: 'months', every: 12 },
    participants: ['Actiehouders'],
    chair: null,
    organiser: 'VWS',
    durationMinutes: 240,
    exampleFirst: { date: '2026-01-20', time: '10:00' }, // example
  },
  regiegroep: {
    kind: 'regiegroep',
    title: 'Regiegroep',
    purpose: 'Voortgang monitoren, kwaliteit van de uitvoering bewaken en strategische besluiten nemen',
    cadence: 'driemaandelijks',
    interval: { unit: 'months', every: 3 },
    participants: ['Directeur VWS', 'Directeur ZN', 'Directeur VNG', 'Directeur de Nederlandse ggz', 'Directeur Valente', 'Directeur MIND'],
    chair: null,
    organiser: 'VWS',
    durationMinutes: 120,
    exampleFirst: { date: '2025-06-19', time: '14:00' }, // example: a Thursday
  },
};
