import type { Indicator, Projection, PublishedProjection, Werkagenda } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { type ActorNames, actorName } from '../actors';
import { A, Alert, Badge, H1, H2, P, RagBadge, Table } from '../components';
import { dueText } from '../commitments';
import { count, formatDate, formatDateTime, formatQuarter, shiftQuarter } from '../format';
import { Form } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { COMMITMENT_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { PeildatumForm } from './peildatum';
import { IndicatorSection } from './projection-indicators';
import { WerkagendaPreHeading } from '../werkagenda-heading';
import { actionCodeOf } from '@regie/es-core';
import { actionHref, readableKeys } from '../werkagenda';

export interface ProjectionPageProps {
  p: PortalContext;
  quarter: string;
  /** What is shown: computed now, or a frozen published version. */
  projection: Projection;
  shown?: PublishedProjection;
  latest?: PublishedProjection;
  werkagenda: Werkagenda;
  indicators: Indicator[];
  errors?: FormErrors;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
}

/** The quarterly projection for the regiegroep: RAG per actielijn, mijlpalen, toezeggingen, indicators; publish to freeze. */
export function ProjectionPage({
  p,
  quarter,
  projection: pr,
  shown,
  latest,
  werkagenda,
  indicators,
  errors,
  actors = {},
}: ProjectionPageProps) {
  const publish = new FormState('publiceren', errors);
  const lateProjected = pr.milestones.projected.filter((m) => m.late).length;
  const lineTitle = (n: number) => werkagenda.actionLines.find((l) => l.number === n)?.title ?? '';
  const peildatum = p.asOf ? `&peildatum=${encodeURIComponent(p.asOf.input)}` : '';
  const base = `/voortgangsrapportage?kwartaal=${quarter}${peildatum}`;
  const other = (steps: number) => `/voortgangsrapportage?kwartaal=${shiftQuarter(quarter, steps)}${peildatum}`;
  return (
    <Layout
      title={`Kwartaalprojectie ${formatQuarter(quarter)}`}
      section="voortgangsrapportage"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      asOf={p.asOf}
      errors={errors}
    >
      <WerkagendaPreHeading p={p} />
      <H1>Kwartaalprojectie {formatQuarter(quarter)}</H1>
      <nav aria-label="Kwartalen" class="regie-inline-form">
        <A href={other(-1)}>Vorig kwartaal ({formatQuarter(shiftQuarter(quarter, -1))})</A>
        <A href={other(1)}>Volgend kwartaal ({formatQuarter(shiftQuarter(quarter, 1))})</A>
      </nav>
      {shown ? (
        <Alert kind="info" title={`Gepubliceerde versie ${shown.version}`}>
          <P>
            Bevroren op {formatDateTime(shown.publishedAt)} door {actorName(actors, shown.publishedBy)}: zo zag de regiegroep deze
            projectie. <A href={base}>Naar de actuele berekening</A>
          </P>
        </Alert>
      ) : (
        <P lead>
          Berekend op {formatDateTime(pr.computedAt)} uit alles wat nu bekend is ({formatDate(pr.period.from)} tot en met{' '}
          {formatDate(pr.period.to)}).{' '}
          {latest ? (
            <>
              Laatst gepubliceerd: <A href={`${base}&versie=${latest.version}`}>versie {latest.version}</A> op{' '}
              {formatDateTime(latest.publishedAt)} door {actorName(actors, latest.publishedBy)}.
            </>
          ) : (
            'Voor dit kwartaal is nog geen versie gepubliceerd.'
          )}
        </P>
      )}
      {!shown && !p.asOf && p.rights.publishProjection && (
        <Form f={publish} action={`/voortgangsrapportage/${quarter}/publiceren`} title="Projectie publiceren" submit="Projectie publiceren">
          <P>
            Publiceren bevriest de projectie zoals die nu berekend is, als versie {(latest?.version ?? 0) + 1}. Auditors zien later precies
            wat de regiegroep zag.
          </P>
        </Form>
      )}

      <section aria-labelledby="actielijnen">
        <H2 id="actielijnen">Stand per actielijn</H2>
        <Table
          caption="Stand van de voortgang per actielijn, met de redenen"
          rows={pr.actionLines}
          rowKey={(l) => String(l.actionLine)}
          empty="Geen actielijnen."
          columns={[
            { header: 'Actielijn', cell: (l) => `${l.actionLine}: ${lineTitle(l.actionLine)}` },
            { header: 'Stand', cell: (l) => <RagBadge rag={l.rag} /> },
            {
              header: 'Waarom',
              cell: (l) =>
                l.reasons.length ? (
                  <ul class="utrecht-unordered-list">
                    {l.reasons.map((r, n) => (
                      <li key={n}>{readableKeys(r)}</li>
                    ))}
                  </ul>
                ) : (
                  l.rule
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="mijlpalen">
        <H2 id="mijlpalen">Mijlpalen</H2>
        <P>
          In dit kwartaal: {pr.milestones.counts.due} met streefdatum, {pr.milestones.counts.achieved} behaald,{' '}
          {pr.milestones.counts.projected} verwacht
          {lateProjected > 0 && ` (waarvan ${lateProjected} te laat en nog niet behaald)`}, {pr.milestones.counts.movedOut} naar een later
          kwartaal.
        </P>
        <P>
          <strong>
            {count(pr.milestones.counts.late, 'mijlpaal', 'mijlpalen')} te laat op {formatDate(pr.today)}
          </strong>
          , ook die van eerdere kwartalen
          {pr.milestones.counts.lateDue !== undefined && ` (${pr.milestones.counts.lateDue} met streefdatum in dit kwartaal)`}: dezelfde
          telling als het mijlpalenoverzicht en de startpagina.
        </P>
        <Table
          caption="Mijlpalen die in dit kwartaal verwacht worden, met de onderbouwing"
          rows={pr.milestones.projected}
          rowKey={(m) => m.id}
          empty="Geen mijlpalen verwacht in dit kwartaal."
          rowClass={(m) => (m.late ? 'regie-row--alert' : undefined)}
          columns={[
            { header: 'Actie', cell: (m) => <A href={actionHref(m.actionCode)}>{actionCodeOf(m.actionCode)}</A> },
            { header: 'Mijlpaal', cell: (m) => m.title },
            {
              header: 'Streefdatum',
              cell: (m) => (
                <>
                  {formatDate(m.dueDate)} {m.late && <Badge tone="bad">te laat</Badge>}
                </>
              ),
            },
            { header: 'Verwacht', cell: (m) => expectedText(m) },
            { header: 'Onderbouwing', cell: (m) => readableKeys(m.why) },
          ]}
        />
        {pr.milestones.movedOut.length > 0 && (
          <Table
            caption="Mijlpalen met streefdatum in dit kwartaal die later verwacht worden"
            rows={pr.milestones.movedOut}
            rowKey={(m) => m.id}
            empty=""
            columns={[
              { header: 'Actie', cell: (m) => <A href={actionHref(m.actionCode)}>{actionCodeOf(m.actionCode)}</A> },
              { header: 'Mijlpaal', cell: (m) => m.title },
              {
                header: 'Verwacht',
                cell: (m) => `${formatDate(m.projectedDate)} (${m.projectedQuarter ? formatQuarter(m.projectedQuarter) : ''})`,
              },
              { header: 'Onderbouwing', cell: (m) => readableKeys(m.why) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="toezeggingen">
        <H2 id="toezeggingen">Toezeggingen</H2>
        <Table
          caption="Toezeggingen die in dit kwartaal of eerder vervallen en in gevaar zijn"
          rows={pr.commitments.atRisk}
          rowKey={(c) => c.id}
          empty="Geen toezeggingen in gevaar."
          rowClass={(c) => (c.status === 'overdue' ? 'regie-row--alert' : undefined)}
          columns={[
            { header: 'Toezegging', cell: (c) => <A href={`/toezeggingen/${c.id}`}>{c.text}</A> },
            { header: 'Termijn', cell: (c) => dueText(c.due) },
            {
              header: 'Status',
              cell: (c) => <Badge tone={c.status === 'overdue' ? 'bad' : 'warning'}>{COMMITMENT_STATUS_LABEL[c.status]}</Badge>,
            },
            {
              header: 'Waarom in gevaar',
              cell: (c) => (
                <ul class="utrecht-unordered-list">
                  {c.why.map((w, n) => (
                    <li key={n}>{w}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </section>

      <IndicatorSection p={p} projection={pr} indicators={indicators} errors={errors} frozen={Boolean(shown)} />
      <PeildatumForm p={p} action="/voortgangsrapportage" hidden={{ kwartaal: quarter }} />
    </Layout>
  );
}

type ProjectedMilestone = Projection['milestones']['projected'][number];

/**
 * "Verwacht" by the milestone rules: a milestone past its date and not achieved is te laat, not
 * "verwacht vandaag" (the forecast only says it cannot be achieved earlier than today).
 */
export function expectedText(m: ProjectedMilestone): string {
  if (m.late) return `niet behaald, te laat sinds ${formatDate(m.dueDate)}`;
  if (m.status === 'achieved') return `behaald op ${formatDate(m.achievedOn)}`;
  return formatDate(m.projectedDate);
}
