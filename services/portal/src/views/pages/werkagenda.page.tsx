import type { ActionSummary, Person, Werkagenda } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, H1, H2, P, RagBadge, Table } from '../components';
import { formatDate } from '../format';
import { Layout } from '../layout';
import { actiehouderNames, actionHref, byActionLine, holderText, nextMilestone } from '../werkagenda';
import { asOfQuery, PeildatumForm } from './peildatum';

export function WerkagendaPage({
  p,
  werkagenda,
  actions,
  people = [],
}: {
  p: PortalContext;
  werkagenda: Werkagenda;
  actions: ActionSummary[];
  /** The people directory, to name the actiehouders. */
  people?: Person[];
}) {
  const lines = byActionLine(actions);
  const parties = werkagenda.parties.map((party) => party.name).join(', ');
  return (
    <Layout title={werkagenda.title} section="werkagenda" me={p.me} werkagendas={p.werkagendas} flash={p.flash} asOf={p.asOf}>
      <p class="utrecht-pre-heading regie-pre-heading">Werkagenda</p>
      <H1>{werkagenda.title}</H1>
      <P lead>
        Looptijd {formatDate(werkagenda.period.from)} tot en met {formatDate(werkagenda.period.to)}. Partijen: {parties}.
      </P>
      <PeildatumForm p={p} action="/werkagenda" />
      {werkagenda.actionLines.map((line) => (
        <section key={line.number} aria-labelledby={`actielijn-${line.number}`}>
          <H2 id={`actielijn-${line.number}`}>
            Actielijn {line.number}: {line.title}
          </H2>
          <Table
            caption={`Acties van actielijn ${line.number}, met de stand van de voortgang en de volgende mijlpaal`}
            rows={lines.get(line.number) ?? []}
            rowKey={(a) => a.key}
            empty="Deze actielijn heeft geen acties."
            columns={[
              { header: 'Actie', cell: (a) => <A href={`${actionHref(a.key)}${asOfQuery(p)}`}>{`${a.code} ${a.title}`}</A> },
              { header: 'Actiehouder', cell: (a) => holderText(a.actionHolder, actiehouderNames(a, people, p.me)) },
              { header: 'Voortgang', cell: (a) => <RagBadge rag={a.rag} /> },
              {
                header: 'Volgende mijlpaal',
                cell: (a) => {
                  const next = nextMilestone(a.milestones);
                  if (!next) return <span class="regie-muted">Geen open mijlpaal</span>;
                  return (
                    <>
                      {next.title} <span class="regie-nowrap">({formatDate(next.dueDate)})</span>{' '}
                      {next.late && <Badge tone="bad">te laat</Badge>}
                    </>
                  );
                },
              },
              { header: 'Open knelpunten', numeric: true, cell: (a) => a.openKnelpunten },
            ]}
          />
        </section>
      ))}
    </Layout>
  );
}
