import type { MeetingSeries, WerkagendaEntry } from '../../../api/beheer-api';
import type { PortalContext } from '../../../session/session';
import { formatDate } from '../../format';
import { Form, Select, TextArea, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { MEETING_KIND_LABEL } from '../../labels';
import { A, Alert, DataList, H1, H2, P, Table } from './beheer-bits';
import { BeheerLayout, CheckboxGroup } from './beheer-layout';
import { werkagendaTitle } from './beheer-words';

const seriesHref = (s: Pick<MeetingSeries, 'id'>) => `/beheer/overlegvormen/${encodeURIComponent(s.id)}`;
const UNIT_LABEL: [string, string][] = [
  ['weeks', 'weken'],
  ['months', 'maanden'],
];
const DEFINABLE: [string, string][] = [
  ['kerngroep', MEETING_KIND_LABEL.kerngroep],
  ['regiegroep', MEETING_KIND_LABEL.regiegroep],
  ['overleg', MEETING_KIND_LABEL.overleg],
];

/** "Driewekelijks, op dinsdag 10:00 (120 minuten)"; ended: "beëindigd vanaf 1 juli 2027". */
export function seriesRhythm(s: MeetingSeries): string {
  const rhythm = `${s.cadence}, om ${s.localTime} (${s.durationMinutes} minuten)`;
  return s.endsOn ? `${rhythm}; beëindigd vanaf ${formatDate(s.endsOn)}` : rhythm;
}

const werkagendaOptions = (werkagendas: WerkagendaEntry[]): [string, string][] =>
  werkagendas.filter((w) => !w.archived).map((w) => [w.id, w.title]);

/** Overlegvormen: the series with their rhythm, a new one, and a loose (ad-hoc) overleg. */
export function SeriesListPage({
  p,
  series,
  werkagendas,
  errors,
}: {
  p: PortalContext;
  series: MeetingSeries[];
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
}) {
  const f = new FormState('overlegvorm-nieuw', errors);
  const adHoc = new FormState('overleg-los', errors);
  return (
    <BeheerLayout p={p} title="Beheer: overlegvormen" part="overlegvormen" errors={errors}>
      <H1>Overlegvormen</H1>
      <P lead>De vaste overleggen met hun ritme; de overleggen zelf worden vanzelf ingepland. Een los overleg plant u hieronder.</P>
      <Table
        caption="Overlegvormen met werkagenda en ritme"
        rows={series.filter((s) => !s.example)}
        rowKey={(s) => s.id}
        empty="Er zijn nog geen overlegvormen."
        columns={[
          { header: 'Overlegvorm', cell: (s) => <A href={seriesHref(s)}>{s.title}</A> },
          { header: 'Werkagenda', cell: (s) => werkagendaTitle(werkagendas, s.werkagendaId) },
          { header: 'Ritme', cell: (s) => seriesRhythm(s) },
        ]}
      />
      <section aria-labelledby="overlegvorm-instellen">
        <H2 id="overlegvorm-instellen">Overlegvorm instellen</H2>
        <Form
          f={f}
          action="/beheer/overlegvormen"
          title="Overlegvorm instellen"
          submit="Overlegvorm instellen"
          fields={[
            'werkagendaId',
            'kind',
            'title',
            'every',
            'unit',
            'firstDate',
            'localTime',
            'durationMinutes',
            'location',
            'chair',
            'participants',
            'endsOn',
            'confirmHoliday',
          ]}
        >
          <Select f={f} name="werkagendaId" label="Werkagenda" options={werkagendaOptions(werkagendas)} required />
          <Select f={f} name="kind" label="Soort overleg" options={DEFINABLE} required />
          <TextField f={f} name="title" label="Naam" required />
          <TextField f={f} name="every" type="number" label="Elke (aantal)" value="3" min="1" max="52" required />
          <Select f={f} name="unit" label="Eenheid" options={UNIT_LABEL} required />
          <TextField f={f} name="firstDate" type="date" label="Eerste datum" required />
          <TextField f={f} name="localTime" label="Aanvang" description="Bijvoorbeeld 10:00." value="10:00" required />
          <TextField f={f} name="durationMinutes" type="number" label="Duur in minuten" value="120" required />
          <TextField f={f} name="location" label="Vergaderplaats (niet verplicht)" />
          <TextField
            f={f}
            name="chair"
            label="Voorzitter (niet verplicht)"
            description="Een functie of partij, bijvoorbeeld Directeur ZN."
          />
          <TextArea f={f} name="participants" label="Deelnemers (niet verplicht)" description="Eén partij of functie per regel." rows={3} />
          <TextField f={f} name="endsOn" type="date" label="Laatste dag (niet verplicht)" />
          <CheckboxGroup
            f={f}
            name="confirmHoliday"
            legend="Feestdagen"
            options={[['ja', 'Ook plannen als de eerste datum op een feestdag valt']]}
            checked={[]}
          />
        </Form>
      </section>
      <section aria-labelledby="los-overleg">
        <H2 id="los-overleg">Los overleg plannen</H2>
        <P>Bijvoorbeeld een kleinschalig overleg rond één actie, met een eigen agenda, besluiten en actiepunten.</P>
        <Form
          f={adHoc}
          action="/beheer/overleggen"
          title="Los overleg plannen"
          submit="Overleg plannen"
          fields={[
            'werkagendaId',
            'title',
            'date',
            'time',
            'durationMinutes',
            'location',
            'actionCode',
            'chair',
            'participants',
            'confirmHoliday',
          ]}
        >
          <Select f={adHoc} name="werkagendaId" label="Werkagenda" options={werkagendaOptions(werkagendas)} required />
          <TextField f={adHoc} name="title" label="Onderwerp" required />
          <TextField f={adHoc} name="date" type="date" label="Datum" required />
          <TextField f={adHoc} name="time" label="Aanvang" description="Bijvoorbeeld 14:00." required />
          <TextField f={adHoc} name="durationMinutes" type="number" label="Duur in minuten" value="60" required />
          <TextField f={adHoc} name="location" label="Vergaderplaats (niet verplicht)" />
          <TextField
            f={adHoc}
            name="actionCode"
            label="Rond actie (niet verplicht)"
            description="De actiecode binnen de werkagenda, bijvoorbeeld 1.1."
          />
          <TextField f={adHoc} name="chair" label="Voorzitter (niet verplicht)" />
          <TextArea
            f={adHoc}
            name="participants"
            label="Deelnemers (niet verplicht)"
            description="Eén partij of functie per regel."
            rows={3}
          />
          <CheckboxGroup
            f={adHoc}
            name="confirmHoliday"
            legend="Feestdagen"
            options={[['ja', 'Ook plannen als de datum op een feestdag valt']]}
            checked={[]}
          />
        </Form>
      </section>
    </BeheerLayout>
  );
}

/** One overlegvorm: change it from a date on, or end it from a date on; each with a reason. */
export function SeriesPage({
  p,
  series,
  werkagendas,
  errors,
}: {
  p: PortalContext;
  series: MeetingSeries;
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
}) {
  const change = new FormState('overlegvorm-wijzigen', errors);
  const end = new FormState('overlegvorm-beeindigen', errors);
  const base = seriesHref(series);
  return (
    <BeheerLayout
      p={p}
      title={`Beheer: ${series.title}`}
      part="overlegvormen"
      crumbs={[['Overlegvormen', '/beheer/overlegvormen']]}
      errors={errors}
    >
      <p class="utrecht-pre-heading regie-pre-heading">Overlegvorm van {werkagendaTitle(werkagendas, series.werkagendaId)}</p>
      <H1>{series.title}</H1>
      <DataList
        items={[
          ['Ritme', seriesRhythm(series)],
          ['Eerste overleg', formatDate(series.firstOccurrence.date)],
          ['Voorzitter', series.chair ?? 'niet vastgelegd'],
          ['Deelnemers', series.participants.join(', ') || 'niet vastgelegd'],
        ]}
      />
      {series.changes.length > 0 && (
        <section aria-labelledby="wijzigingen">
          <H2 id="wijzigingen">Eerdere wijzigingen</H2>
          <ul class="utrecht-unordered-list">
            {series.changes.map((c) => (
              <li key={`${c.from}-${c.at}`}>
                Vanaf {formatDate(c.from)}: {c.cadence}, om {c.localTime} (reden: {c.reason})
              </li>
            ))}
          </ul>
        </section>
      )}
      {series.endsOn ? (
        <Alert kind="info" title={`Beëindigd vanaf ${formatDate(series.endsOn)}`}>
          {series.endReason && <P>Reden: {series.endReason}</P>}
        </Alert>
      ) : (
        <>
          <section aria-labelledby="wijzigen">
            <H2 id="wijzigen">Wijzigen vanaf een datum</H2>
            <P>
              Eerdere overleggen houden hun geschiedenis; latere overleggen die nog niet zijn gehouden, schuiven mee. Vul alleen in wat
              verandert.
            </P>
            <Form
              f={change}
              action={`${base}/wijzigen`}
              title="Overlegvorm wijzigen"
              submit="Wijziging opslaan"
              fields={[
                'from',
                'reason',
                'every',
                'unit',
                'firstDate',
                'localTime',
                'durationMinutes',
                'location',
                'chair',
                'confirmHoliday',
              ]}
            >
              <TextField f={change} name="from" type="date" label="Vanaf" required />
              <TextField f={change} name="every" type="number" label="Nieuw ritme: elke (aantal)" />
              <Select f={change} name="unit" label="Nieuw ritme: eenheid" value={series.interval.unit} options={UNIT_LABEL} />
              <TextField f={change} name="firstDate" type="date" label="Eerste datum in het nieuwe ritme (niet verplicht)" />
              <TextField f={change} name="localTime" label="Nieuwe aanvang (niet verplicht)" description="Bijvoorbeeld 14:00." />
              <TextField f={change} name="durationMinutes" type="number" label="Nieuwe duur in minuten (niet verplicht)" />
              <TextField f={change} name="location" label="Nieuwe vergaderplaats (niet verplicht)" />
              <TextField f={change} name="chair" label="Nieuwe voorzitter (niet verplicht)" />
              <CheckboxGroup
                f={change}
                name="confirmHoliday"
                legend="Feestdagen"
                options={[['ja', 'Ook plannen als een datum op een feestdag valt']]}
                checked={[]}
              />
              <TextArea f={change} name="reason" label="Reden van de wijziging" rows={2} required />
            </Form>
          </section>
          <section aria-labelledby="beeindigen">
            <H2 id="beeindigen">Beëindigen</H2>
            <P>Overleggen vanaf deze datum die nog niet zijn gehouden, worden afgezegd met de reden.</P>
            <Form
              f={end}
              action={`${base}/beeindigen`}
              title="Overlegvorm beëindigen"
              submit="Overlegvorm beëindigen"
              kind="secondary"
              fields={['from', 'reason']}
            >
              <TextField f={end} name="from" type="date" label="Vanaf" required />
              <TextArea f={end} name="reason" label="Reden van beëindigen" rows={2} required />
            </Form>
          </section>
        </>
      )}
    </BeheerLayout>
  );
}
