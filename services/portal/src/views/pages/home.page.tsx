import type { ActionSummary, CommitmentSummary, MeetingSummary } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, H1, H2, P, RagBadge, Table } from '../components';
import { count, formatDate, formatDateTime, formatQuarter, quarterOf, amsterdamLocal } from '../format';
import { MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { actionHref, lateCount, nextMilestone } from '../werkagenda';
import { isActiehouderOf } from '../../session/rights';
import { HomeTasks } from './home-tasks';
import { WerkagendaPreHeading } from '../werkagenda-heading';

export interface HomeData {
  actions: ActionSummary[];
  overdue: CommitmentSummary[];
  upcoming: MeetingSummary[];
  /** Past meetings never recorded as held ("niet gehouden"): the coordinator records or explains them. */
  unrecorded?: MeetingSummary[];
  /** Open knelpunten escalated to the regiegroep, per action: decisions waiting for the directors. */
  escalated?: { key: string; code: string; count: number }[];
}

/** The start page: what needs attention, and the way to each role's work. */
export function HomePage({ p, data }: { p: PortalContext; data: HomeData }) {
  const mine = data.actions.filter((a) => isActiehouderOf(p.me, a.key));
  const quarter = quarterOf(amsterdamLocal(p.now).date);
  const late = lateCount(data.actions);
  const knelpunten = data.actions.reduce((n, a) => n + a.openKnelpunten, 0);
  return (
    <Layout title="Overzicht" section="overzicht" me={p.me} werkagendas={p.werkagendas} flash={p.flash}>
      <WerkagendaPreHeading p={p} />
      <H1>Overzicht</H1>
      <P lead>
        Welkom, {p.me.name}. Vandaag is het {formatDate(amsterdamLocal(p.now).date)}.
      </P>
      <HomeTasks p={p} data={data} />
      <ul class="regie-figures" aria-label="Kerncijfers">
        <li class="regie-figure">
          <span class="regie-figure__value">{late}</span> <A href="/mijlpalen">{late === 1 ? 'mijlpaal te laat' : 'mijlpalen te laat'}</A>
        </li>
        <li class="regie-figure">
          <span class="regie-figure__value">{data.overdue.length}</span>{' '}
          <A href="/toezeggingen?status=overdue">
            {data.overdue.length === 1 ? 'toezegging over de termijn' : 'toezeggingen over de termijn'}
          </A>
        </li>
        <li class="regie-figure">
          <span class="regie-figure__value">{knelpunten}</span>{' '}
          <A href="/knelpunten">{knelpunten === 1 ? 'open knelpunt' : 'open knelpunten'}</A>
        </li>
      </ul>

      {mine.length > 0 && (
        <section aria-labelledby="mijn-acties">
          <H2 id="mijn-acties">Mijn acties</H2>
          <Table
            caption="De acties waarvan u actiehouder bent"
            rows={mine}
            rowKey={(a) => a.key}
            empty=""
            columns={[
              { header: 'Actie', cell: (a) => <A href={actionHref(a.key)}>{`${a.code} ${a.title}`}</A> },
              { header: 'Voortgang', cell: (a) => <RagBadge rag={a.rag} /> },
              {
                header: 'Volgende mijlpaal',
                cell: (a) => {
                  const next = nextMilestone(a.milestones);
                  return next ? (
                    <>
                      {next.title} ({formatDate(next.dueDate)}) {next.late && <Badge tone="bad">te laat</Badge>}
                    </>
                  ) : (
                    'Geen open mijlpaal'
                  );
                },
              },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="komende-overleggen">
        <H2 id="komende-overleggen">Komende overleggen</H2>
        <Table
          caption="De eerstvolgende overleggen"
          rows={data.upcoming}
          rowKey={(m) => m.id}
          empty="Er zijn geen overleggen gepland."
          columns={[
            { header: 'Wanneer', cell: (m) => <A href={`/overleggen/${m.id}`}>{formatDateTime(m.startsAt)}</A> },
            { header: 'Overleg', cell: (m) => MEETING_KIND_LABEL[m.kind] },
            { header: 'Status', cell: (m) => (m.notHeld ? 'niet gehouden' : MEETING_STATUS_LABEL[m.status]) },
          ]}
        />
      </section>

      <section aria-labelledby="snel-naar">
        <H2 id="snel-naar">Snel naar</H2>
        <ul class="utrecht-link-list utrecht-link-list--html-ul regie-links">
          {p.rights.coordinate && (
            <li class="utrecht-link-list__item">
              <A href="/overleggen?soort=kerngroep">Agenda van het volgende kerngroepoverleg opstellen en publiceren</A>
            </li>
          )}
          {p.rights.publishProjection && (
            <li class="utrecht-link-list__item">
              <A href={`/voortgangsrapportage?kwartaal=${quarter}`}>Kwartaalprojectie {formatQuarter(quarter)} bekijken en publiceren</A>
            </li>
          )}
          {p.rights.audit && (
            <li class="utrecht-link-list__item">
              <A href="/audit">Audit: de volledige geschiedenis, de ketencontrole en de situatie op een peildatum</A>
            </li>
          )}
          <li class="utrecht-link-list__item">
            <A href="/werkagenda">Werkagenda: {count(data.actions.length, 'actie', 'acties')} per actielijn</A>
          </li>
          <li class="utrecht-link-list__item">
            <A href="/toezeggingen">Toezeggingen aan de Kamer</A>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
