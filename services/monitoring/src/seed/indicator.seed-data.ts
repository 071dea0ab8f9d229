/**
 * The one indicator the source documents give, with only the figures they state and where.
 * No measurement per month is seeded: the documents give none (only "ca. 300 per maand" as the
 * 2023 level and the observation that the number stabilised around ca. 100 per maand, which is
 * recorded as an assessment, not as invented monthly values).
 */
export const KST_664 = 'Kamerstuk 25 424, nr. 664 (brief bestuurlijke afspraken, 23 mei 2023)';
export const KST_727 = 'Kamerstuk 25 424, nr. 727 (brief actieplan en werkagenda langdurige ggz, 11 maart 2025)';

export const WLZ_GGZ_WONEN = {
  indicatorId: 'nieuwe-wlz-indicaties-ggz-wonen',
  on: '2023-05-23',
  title: 'Nieuwe Wlz-indicaties ggz-wonen per maand',
  unit: 'nieuwe indicaties per maand',
  periodicity: 'month' as const,
  description:
    'Het maandelijkse aantal nieuwe Wlz-indicaties voor ggz-wonen ("de totale nieuwe instroom in ggz-wonen"; ' +
    '"een maandelijkse instroom van ca. 300 cliënten").',
  source: KST_664,
  baseline: {
    value: 300,
    approximate: true,
    reference: '2023',
    text: 'Het eerste doel is het realiseren van een 20% afname ten opzichte van een maandelijkse instroom van ca. 300 cliënten',
    source: KST_664,
  },
  targets: [
    {
      targetId: 'eerste-doel-20-procent',
      value: 240,
      approximate: false,
      by: '2024-03',
      text: 'een afname van ten minste 20% in de totale nieuwe instroom in ggz-wonen te realiseren, die uiterlijk in Q1 van 2024 zichtbaar wordt',
      derivation:
        'ten minste 20 % minder dan ca. 300 per maand: 300 × (1 − 0,20) = 240 per maand; "uiterlijk in Q1 van 2024" → maand 2024-03',
      source: KST_664,
    },
    {
      targetId: 'uiteindelijk-doel-100-per-maand',
      value: 100,
      approximate: true,
      by: null,
      text: 'met als uiteindelijke doel het realiseren van een stabiele instroom van ca. 100 cliënten per maand (op de langere termijn; geen datum genoemd)',
      derivation: null,
      source: KST_664,
    },
  ],
  assessments: [
    {
      assessmentId: 'kst-727-stabilisatie-rond-100',
      asOf: '2025-03-11',
      text:
        'Het maandelijkse aantal nieuwe Wlz-indicaties voor ggz-wonen is het afgelopen jaar verder afgenomen en lijkt sinds het najaar te ' +
        'stabiliseren rond circa 100 nieuwe indicaties per maand. De kwantitatieve doelstelling van de bestuurlijke afspraken is hiermee behaald.',
      source: KST_727,
    },
  ],
};
