import type { MeetingKind, MeetingSeries, MeetingSummary } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Alert, Badge, DataList, Disclosure, H1, H2, P, SelectFilter, Table } from '../components';
import { formatDateTime, formatTime, formatWeekday } from '../format';
import { MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { nextDraft, splitCalendar } from '../meetings';
import { asOfQuery, PeildatumForm } from './peildatum';

export function MeetingsPage({
  p,
  meetings,
  series,
  kind,
}: {
  p: PortalContext;
  meetings: MeetingSummary[];
  series: MeetingSeries[];
  kind?: MeetingKind;
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
    <Layout title="Overleggen" section="overleggen" me={p.me} flash={p.flash} asOf={p.asOf}>
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
