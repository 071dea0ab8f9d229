import type { CalendarToken, MeetingKind, MeetingSeries, MeetingSummary } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Alert, Badge, DataList, Disclosure, H1, H2, P, SelectFilter, Table } from '../components';
import { ButtonForm, Form } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { formatDateTime, formatTime, formatWeekday } from '../format';
import { MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { nextDraft, splitCalendar } from '../meetings';
import { asOfQuery, PeildatumForm } from './peildatum';
import { WerkagendaPreHeading } from '../werkagenda-heading';

export function MeetingsPage({
  p,
  meetings,
  series,
  kind,
  tokens = [],
  errors,
}: {
  p: PortalContext;
  meetings: MeetingSummary[];
  series: MeetingSeries[];
  kind?: MeetingKind;
  /** The user's active personal calendar addresses. */
  tokens?: CalendarToken[];
  errors?: FormErrors;
}) {
  const now = p.asOf ? new Date(p.asOf.instant) : p.now;
  const { upcoming, past } = splitCalendar(meetings, now);
  const draft = !p.asOf && p.rights.coordinate ? nextDraft(meetings, 'kerngroep', now) : undefined;
  const q = asOfQuery(p);
  const columns = [
    {
      header: 'Datum en tijd',
      cell: (m: MeetingSummary) => <A href={`/overleggen/${m.id}${q}`}>{`${formatWeekday(m.startsAt)}, ${formatTime(m.startsAt)}`}</A>,
    },
    { header: 'Overleg', cell: (m: MeetingSummary) => MEETING_KIND_LABEL[m.kind] },
    {
      header: 'Status',
      cell: (m: MeetingSummary) => (
        <Badge tone={m.status === 'cancelled' || m.notHeld ? 'bad' : m.status === 'scheduled' ? 'neutral' : 'good'}>
          {m.notHeld ? 'niet gehouden' : MEETING_STATUS_LABEL[m.status]}
        </Badge>
      ),
    },
    { header: 'Bijzonderheden', cell: (m: MeetingSummary) => (m.preparesFor ? 'Bereidt de regiegroep voor' : '') },
  ];
  return (
    <Layout title="Overleggen" section="overleggen" me={p.me} werkagendas={p.werkagendas} flash={p.flash} asOf={p.asOf}>
      <WerkagendaPreHeading p={p} />
      <H1>Overleggen</H1>
      <P lead>
        De overlegstructuur van de werkagenda: kerngroepoverleg, evaluaties, jaaroverleg en regiegroep. Agenda's stellen zich samen uit
        geëscaleerde knelpunten, mijlpalen, toezeggingen en open actiepunten.
      </P>
      {draft && (
        <Alert kind="info" title="Eerstvolgend kerngroepoverleg">
          <P>
            De agenda van het kerngroepoverleg van {formatDateTime(draft.startsAt)} is nog een concept.{' '}
            <A href={`/overleggen/${draft.id}`}>Agenda bekijken en publiceren</A>
          </P>
        </Alert>
      )}
      <SelectFilter
        action="/overleggen"
        label="Overleggen filteren"
        name="soort"
        fieldLabel="Overlegvorm"
        allLabel="Alle overlegvormen"
        options={MEETING_KIND_LABEL}
        selected={kind}
        asOf={p.asOf}
      />
      <P>
        <A href={`/overleggen/agenda.ics${kind ? `?soort=${kind}` : ''}`}>Overleggen in uw agenda zetten (iCalendar-bestand)</A>
      </P>
      {!p.asOf && <CalendarSubscription tokens={tokens} errors={errors} />}
      <H2 id="komend">Komende overleggen</H2>
      <Table
        caption="Komende overleggen, eerstvolgende eerst"
        rows={upcoming}
        rowKey={(m) => m.id}
        empty="Er zijn geen komende overleggen."
        columns={columns}
      />
      <H2 id="eerder">Eerdere overleggen</H2>
      <Table
        caption="Eerdere overleggen, meest recente eerst"
        rows={past}
        rowKey={(m) => m.id}
        empty="Er zijn nog geen eerdere overleggen."
        columns={columns}
      />
      <PeildatumForm p={p} action="/overleggen" />
      <Disclosure summary="Over de overlegvormen">
        {series.map((s) => (
          <section key={s.id} aria-label={s.title}>
            <h3 class="nl-heading nl-heading--level-3">{s.title}</h3>
            <DataList
              items={[
                ['Doel', s.purpose],
                ['Frequentie', s.cadence],
                ['Deelnemers', s.participants.join(', ')],
                ['Voorzitter', s.chair ?? 'niet vastgelegd'],
              ]}
            />
          </section>
        ))}
      </Disclosure>
    </Layout>
  );
}

/** Making and revoking the user's own subscription addresses (iCalendar without logging in). */
function CalendarSubscription({ tokens, errors }: { tokens: CalendarToken[]; errors?: FormErrors }) {
  return (
    <section aria-labelledby="agenda-abonnementen">
      <H2 id="agenda-abonnementen">Overleggen in uw agenda (abonnement)</H2>
      <P>
        Met een persoonlijk agenda-adres houdt Outlook (of een andere agenda) de overleggen zelf bij, zonder in te loggen. Het adres is
        alleen voor u: wie het heeft, ziet de overleggen van de werkagenda’s waarin u rechten had toen u het maakte. Trek een adres in als u
        het niet meer gebruikt of als het bij een ander terecht is gekomen; het werkt dan direct niet meer.
      </P>
      {tokens.length === 0 ? (
        <P>U hebt nog geen actief agenda-adres.</P>
      ) : (
        <Table
          caption="Uw actieve agenda-adressen"
          rows={tokens}
          rowKey={(t) => t.id}
          empty="U hebt nog geen actief agenda-adres."
          columns={[
            { header: 'Gemaakt op', cell: (t: CalendarToken) => formatDateTime(t.issuedAt) },
            {
              header: 'Intrekken',
              cell: (t: CalendarToken) => (
                <ButtonForm
                  f={new FormState(`abonnement-intrekken-${t.id}`, errors)}
                  action={`/overleggen/agenda-abonnement/${t.id}/intrekken`}
                  label="Intrekken"
                  accessibleLabel={`Intrekken: agenda-adres gemaakt op ${formatDateTime(t.issuedAt)}`}
                />
              ),
            },
          ]}
        />
      )}
      <Form
        f={new FormState('agenda-abonnement', errors)}
        action="/overleggen/agenda-abonnement"
        title="Nieuw agenda-adres maken"
        submit="Nieuw agenda-adres maken"
        kind="secondary"
      />
    </section>
  );
}
