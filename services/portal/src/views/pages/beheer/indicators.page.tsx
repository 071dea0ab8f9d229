import type { WerkagendaEntry } from '../../../api/beheer-api';
import type { Indicator } from '../../../api/regie-api.models';
import type { PortalContext } from '../../../session/session';
import { formatDate, formatMonth } from '../../format';
import { Form, Select, TextArea, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { A, H1, H2, H3, P, Table } from './beheer-bits';
import { BeheerLayout } from './beheer-layout';
import { werkagendaTitle } from './beheer-words';

const DIRECTION_LABEL = { 'hoger-is-beter': 'hoger is beter', 'lager-is-beter': 'lager is beter' } as const;
/** How many target rows the change form offers (the whole set as it applies from today). */
export const TARGET_ROWS = 3;

type Target = Indicator['targets'][number];

/**
 * The day a target is to be reached: its `date`, or the last day of its month (`by`, "2026-06");
 * empty for one on the longer term.
 */
export function targetDay(t: Target): string {
  if (typeof t.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(t.date)) return t.date;
  const month = /^(\d{4})-(\d{2})$/.exec(t.by ?? '');
  if (!month) return '';
  return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
}

/** "uiterlijk 30 juni 2026", "uiterlijk juni 2026" or "op de langere termijn". */
const targetWhen = (t: Target): string =>
  typeof t.date === 'string' && t.date
    ? `uiterlijk ${formatDate(t.date)}`
    : t.by
      ? `uiterlijk ${formatMonth(t.by)}`
      : 'op de langere termijn';

const targetsText = (indicator: Indicator): string =>
  indicator.targets.length === 0
    ? 'geen doelen'
    : indicator.targets.map((t) => `${t.value.toLocaleString('nl-NL')} ${indicator.unit} ${targetWhen(t)}`).join('; ');

/** Indicators: the ones there are, with their targets; a new one. */
export function IndicatorsPage({
  p,
  indicators,
  werkagendas,
  errors,
}: {
  p: PortalContext;
  indicators: Indicator[];
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
}) {
  const f = new FormState('indicator-nieuw', errors);
  return (
    <BeheerLayout p={p} title="Beheer: indicatoren" part="indicatoren" errors={errors}>
      <H1>Indicatoren</H1>
      <P lead>
        Wat de monitoring meet, met de doelen per indicator. Doelen wijzigen gebeurt met een reden; de vorige doelen blijven te zien.
      </P>
      <Table
        caption="Indicatoren met werkagenda en doelen"
        rows={indicators}
        rowKey={(i) => i.id}
        empty="Er zijn nog geen indicatoren."
        columns={[
          {
            header: 'Indicator',
            cell: (i) => (
              <A href={`/beheer/indicatoren/${encodeURIComponent(i.id)}`} label={`Doelen van ${i.title} wijzigen`}>
                {i.title}
              </A>
            ),
          },
          { header: 'Werkagenda', cell: (i) => werkagendaTitle(werkagendas, i.werkagendaId) },
          { header: 'Doelen', cell: (i) => targetsText(i) },
        ]}
      />
      <section aria-labelledby="indicator-vastleggen">
        <H2 id="indicator-vastleggen">Indicator vastleggen</H2>
        <Form
          f={f}
          action="/beheer/indicatoren"
          title="Indicator vastleggen"
          submit="Indicator vastleggen"
          fields={['werkagendaId', 'actionCode', 'name', 'unit', 'direction', 'value-0', 'date-0']}
        >
          <Select
            f={f}
            name="werkagendaId"
            label="Werkagenda"
            options={werkagendas.filter((w) => !w.archived).map((w) => [w.id, w.title])}
            required
          />
          <TextField
            f={f}
            name="actionCode"
            label="Bij actie (niet verplicht)"
            description="De actiecode binnen de werkagenda, bijvoorbeeld 1.1."
          />
          <TextField f={f} name="name" label="Naam" required />
          <TextField f={f} name="unit" label="Eenheid" description="Bijvoorbeeld: mensen, procent, regio’s." required />
          <Select f={f} name="direction" label="Richting" options={Object.entries(DIRECTION_LABEL) as [string, string][]} required />
          <TextField f={f} name="value-0" type="number" label="Doel (niet verplicht)" />
          <TextField f={f} name="date-0" type="date" label="Te bereiken op (leeg: op de langere termijn)" />
        </Form>
      </section>
    </BeheerLayout>
  );
}

/** One indicator: change its targets (the whole set from today) with a reason. */
export function IndicatorPage({
  p,
  indicator,
  werkagendas,
  errors,
}: {
  p: PortalContext;
  indicator: Indicator;
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
}) {
  const f = new FormState('doelen-wijzigen', errors);
  const rows = Array.from({ length: TARGET_ROWS }, (_, n) => indicator.targets[n]);
  return (
    <BeheerLayout
      p={p}
      title={`Beheer: ${indicator.title}`}
      part="indicatoren"
      crumbs={[['Indicatoren', '/beheer/indicatoren']]}
      errors={errors}
    >
      <p class="utrecht-pre-heading regie-pre-heading">Indicator van {werkagendaTitle(werkagendas, indicator.werkagendaId)}</p>
      <H1>{indicator.title}</H1>
      <P>
        Huidige doelen: {targetsText(indicator)}. Richting: {DIRECTION_LABEL[indicator.direction]}.
      </P>
      <Form
        f={f}
        action={`/beheer/indicatoren/${encodeURIComponent(indicator.id)}`}
        title="Doelen wijzigen"
        submit="Doelen opslaan"
        fields={[...rows.flatMap((_, n) => [`value-${n}`, `date-${n}`]), 'reason', 'targets']}
      >
        <P>De doelen gelden vanaf vandaag. Laat een regel leeg om dat doel te laten vervallen.</P>
        {rows.map((t, n) => (
          <div key={n} class="regie-target-row">
            <H3 id={`doel-${n + 1}`}>Doel {n + 1}</H3>
            <TextField f={f} name={`value-${n}`} type="number" label={`Waarde van doel ${n + 1}`} value={t ? String(t.value) : ''} />
            <TextField
              f={f}
              name={`date-${n}`}
              type="date"
              label={`Te bereiken op (doel ${n + 1}; leeg: op de langere termijn)`}
              value={t ? targetDay(t) : ''}
            />
          </div>
        ))}
        <TextArea f={f} name="reason" label="Reden van de wijziging" rows={2} required />
      </Form>
      {indicator.targetHistory.length > 1 && (
        <section aria-labelledby="eerdere-doelen">
          <H2 id="eerdere-doelen">Eerdere doelen</H2>
          <ul class="utrecht-unordered-list">
            {indicator.targetHistory.map((h) => (
              <li key={h.position}>
                {h.validFrom ? `Vanaf ${formatDate(h.validFrom)}` : 'Vanaf het begin'}:{' '}
                {h.targets.map((t) => `${t.value.toLocaleString('nl-NL')} ${indicator.unit}`).join('; ') || 'geen doelen'}
                {h.reason ? ` (reden: ${h.reason})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </BeheerLayout>
  );
}
