import type { ComponentChildren } from 'preact';
import type { Meeting, MeetingMinutes, MeetingSeries } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Alert, Badge, DataList, Disclosure, H1, H2, P } from '../components';
import { amsterdamLocal, formatDateTime, formatTime, formatWeekday } from '../format';
import { ButtonForm, Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { AGENDA_SOURCE_LABEL, MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { MeetingMinutesSection } from './meeting-minutes';
import { MeetingRecord } from './meeting-record';
import { asOfQuery } from './peildatum';

export interface MeetingPageProps {
  p: PortalContext;
  meeting: Meeting;
  series?: MeetingSeries;
  /** Attendance and notes per agenda item (the verslag). */
  minutes?: MeetingMinutes;
  errors?: FormErrors;
}

/** One overleg: its agenda (draft → published), holding it, and its record (besluiten, actiepunten). */
export function MeetingPage({ p, meeting: m, series, minutes, errors }: MeetingPageProps) {
  const base = `/overleggen/${m.id}`;
  const live = !p.asOf;
  const draft = m.status === 'scheduled';
  const open = m.status === 'scheduled' || m.status === 'agenda_published';
  const started = new Date(m.startsAt) <= p.now;
  const title = `${MEETING_KIND_LABEL[m.kind]} van ${formatWeekday(m.startsAt)}`;
  const add = new FormState('agendapunt-toevoegen', errors);
  const publish = new FormState('agenda-publiceren', errors);
  const held = new FormState('gehouden', errors);
  const chair = new FormState('voorzitter', errors);
  const mayHold = p.rights.recordHeld(m.kind);
  const reschedule = new FormState('verplaatsen', errors);
  const cancel = new FormState('annuleren', errors);
  return (
    <Layout
      title={title}
      section="overleggen"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      asOf={p.asOf}
      crumbs={[['Overleggen', `/overleggen${asOfQuery(p)}`]]}
      errors={errors}
    >
      <p class="utrecht-pre-heading regie-pre-heading">{series?.title ?? MEETING_KIND_LABEL[m.kind]}</p>
      <H1>{title}</H1>
      <DataList items={facts(m, series)} />
      <P>
        <A href={`${base}/afdrukken`}>Afdrukversie van agenda en besluitenlijst</A>
      </P>

      <section aria-labelledby="agenda">
        <H2 id="agenda">Agenda{m.agendaStatus === 'concept' ? ' (concept)' : ''}</H2>
        {m.notHeld && (
          <Alert kind="warning" title="Niet gehouden">
            <P>
              Dit overleg is voorbij en niet vastgelegd als gehouden. Is het toch gehouden, leg dat dan alsnog vast; het moment van
              vastleggen wordt bewaard.
            </P>
          </Alert>
        )}
        <ol class="utrecht-ordered-list regie-agenda">
          {m.agenda.map((item) => (
            <li key={item.id}>
              {item.title} <span class="regie-muted">({AGENDA_SOURCE_LABEL[item.source.type] ?? item.source.type})</span>
              {live && draft && p.rights.coordinate && item.source.type !== 'standing' && (
                <ButtonForm
                  f={new FormState(`intrekken-${item.id}`, errors)}
                  action={`${base}/agendapunten/${item.id}/intrekken`}
                  label="Intrekken"
                  accessibleLabel={`Intrekken: agendapunt ${item.title}`}
                />
              )}
            </li>
          ))}
        </ol>
        {live && draft && p.rights.coordinate && (
          <>
            <Disclosure summary="Agendapunt toevoegen" open={add.active}>
              <Form
                f={add}
                action={`${base}/agendapunten`}
                title="Agendapunt toevoegen"
                submit="Toevoegen"
                kind="secondary"
                fields={['title']}
              >
                <TextField f={add} name="title" label="Omschrijving van het agendapunt" required />
              </Form>
            </Disclosure>
            <Form f={publish} action={`${base}/agenda/publiceren`} title="Agenda publiceren" submit="Agenda publiceren">
              <P>Na publicatie ligt de agenda vast en ontvangen de deelnemers deze versie.</P>
            </Form>
          </>
        )}
      </section>

      {live && open && mayHold && (
        <section aria-labelledby="vergadering">
          <H2 id="vergadering">Vergadering</H2>
          {started ? (
            <Form
              f={held}
              action={`${base}/gehouden`}
              title={m.notHeld ? 'Alsnog vastleggen dat het overleg gehouden is' : 'Overleg gehouden'}
              submit="Vastleggen dat het overleg gehouden is"
            >
              <P>
                {draft
                  ? 'De agenda is nog niet gepubliceerd: zij wordt vastgelegd zoals zij nu staat. '
                  : 'De gepubliceerde agenda blijft zoals zij is. '}
                Daarna kunt u besluiten en actiepunten vastleggen.
              </P>
            </Form>
          ) : (
            <P>
              Vanaf de aanvang ({formatDateTime(m.startsAt)}) kunt u vastleggen dat het overleg gehouden is, en daarna besluiten en
              actiepunten.
            </P>
          )}
          {p.rights.coordinate && (
            <>
              <Disclosure summary="Overleg verplaatsen" open={reschedule.active}>
                <Form
                  f={reschedule}
                  action={`${base}/verplaatsen`}
                  title="Overleg verplaatsen"
                  submit="Verplaatsen"
                  kind="secondary"
                  fields={['startsAt', 'reason']}
                >
                  <TextField
                    f={reschedule}
                    name="startsAt"
                    label="Nieuwe datum en aanvangstijd"
                    type="datetime-local"
                    value={`${amsterdamLocal(new Date(m.startsAt)).date}T${amsterdamLocal(new Date(m.startsAt)).time}`}
                    required
                  />
                  <TextArea f={reschedule} name="reason" label="Reden" required rows={2} />
                </Form>
              </Disclosure>
              <Disclosure summary="Overleg annuleren" open={cancel.active}>
                <Form
                  f={cancel}
                  action={`${base}/annuleren`}
                  title="Overleg annuleren"
                  submit="Annuleren"
                  kind="secondary"
                  fields={['reason']}
                >
                  <TextArea f={cancel} name="reason" label="Reden van annulering" required rows={2} />
                </Form>
              </Disclosure>
            </>
          )}
        </section>
      )}
      {live && p.rights.coordinate && m.status !== 'cancelled' && m.status !== 'minutes_approved' && (
        <Disclosure summary="Voorzitter wijzigen" open={chair.active}>
          <Form
            f={chair}
            action={`${base}/voorzitter`}
            title="Voorzitter van dit overleg"
            submit="Voorzitter vastleggen"
            kind="secondary"
            fields={['chair']}
          >
            <TextField
              f={chair}
              name="chair"
              label="Voorzitter (functie of partij, bijvoorbeeld DG Curatieve Zorg)"
              value={m.chair ?? ''}
              required
            />
          </Form>
        </Disclosure>
      )}
      {m.status === 'cancelled' && <Alert kind="warning" title="Dit overleg is geannuleerd." />}

      <MeetingRecord p={p} meeting={m} errors={errors} />
      <MeetingMinutesSection p={p} meeting={m} minutes={minutes} series={series} errors={errors} />
    </Layout>
  );
}

function facts(m: Meeting, series?: MeetingSeries): [string, ComponentChildren][] {
  const items: [string, ComponentChildren][] = [
    ['Tijd', `${formatTime(m.startsAt)} tot ${formatTime(m.endsAt)}`],
    [
      'Status',
      <Badge tone={m.status === 'cancelled' || m.notHeld ? 'bad' : 'neutral'}>
        {m.notHeld ? 'niet gehouden' : MEETING_STATUS_LABEL[m.status]}
      </Badge>,
    ],
    ['Agenda', agendaState(m)],
    ['Deelnemers', series?.participants.join(', ') ?? '—'],
    ['Voorzitter', m.chair ? (m.chairFromSeries ? m.chair : `${m.chair} (voor dit overleg)`) : 'niet vastgelegd'],
  ];
  if (m.preparesFor) items.push(['Bereidt voor', <A href={`/overleggen/${m.preparesFor}`}>de regiegroep</A>]);
  if (m.preparedBy) items.push(['Voorbereid in', <A href={`/overleggen/${m.preparedBy}`}>het kerngroepoverleg</A>]);
  if (m.movedBecause) items.push(['Verschoven', m.movedBecause]);
  if (m.cancelReason) items.push(['Reden annulering', m.cancelReason]);
  if (m.heldAt) items.push(['Gehouden', formatDateTime(m.heldAt)]);
  if (m.heldAt && m.heldRecordedAt && m.heldRecordedAt.slice(0, 16) !== m.heldAt.slice(0, 16) && m.heldRecordedAt > m.endsAt)
    items.push(['Alsnog vastgelegd', formatDateTime(m.heldRecordedAt)]);
  return items;
}

/** Frozen once held: a held meeting's agenda never reads "concept". */
function agendaState(m: Meeting): string {
  if (m.agendaStatus === 'concept') return 'concept (stelt zich samen tot publicatie)';
  if (m.agendaStatus === 'niet-gepubliceerd') return 'niet vooraf gepubliceerd; het overleg is gehouden';
  if (m.agendaFrozenBy === 'held') return `vastgelegd toen het overleg gehouden werd (${formatDateTime(m.publishedAt)})`;
  return `gepubliceerd op ${formatDateTime(m.publishedAt)}`;
}
