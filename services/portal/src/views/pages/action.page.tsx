import type { Action, Person, Werkagenda } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { type ActorNames, actorName } from '../actors';
import { Alert, Badge, DataList, Disclosure, H1, H2, P, RagBadge, Table } from '../components';
import { formatDateTime } from '../format';
import { Form, RadioGroup, TextArea } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { Layout } from '../layout';
import { actiehouderNames, actionHref, holderText, REGION_STATUS_LABEL, regionPeriod } from '../werkagenda';
import { KnelpuntenSection, RaiseKnelpunt } from './action-knelpunten';
import { MilestonesSection } from './action-milestones';
import { asOfQuery } from './peildatum';

export interface ActionPageProps {
  p: PortalContext;
  action: Action;
  werkagenda: Werkagenda;
  errors?: FormErrors;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
  /** The people directory (GET /api/v1/people): the actiehouders by name. */
  people?: Person[];
}

/** One action, by its key: named by its code within its werkagenda ("Actie 1.1") and that werkagenda's title. */
export function ActionPage({ p, action, werkagenda, errors, actors = {}, people = [] }: ActionPageProps) {
  const line = werkagenda.actionLines.find((l) => l.number === action.actionLine);
  const writable = !p.asOf && p.rights.writeAction(action.key);
  const base = actionHref(action.key);
  return (
    <Layout
      title={p.werkagendas?.current.id === action.werkagendaId ? `Actie ${action.code}` : `Actie ${action.code} — ${werkagenda.title}`}
      section="werkagenda"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      asOf={p.asOf}
      crumbs={[[werkagenda.title, `/werkagenda${asOfQuery(p)}`]]}
      errors={errors}
    >
      <p class="utrecht-pre-heading regie-pre-heading">
        Actie {action.code} · {werkagenda.title}
      </p>
      <H1>{action.title}</H1>
      <DataList
        items={[
          ['Werkagenda', werkagenda.title],
          ['Actielijn', line ? `${line.number}: ${line.title}` : String(action.actionLine)],
          ['Actiehouder', holderText(action.actionHolder, actiehouderNames(action, people, p.me))],
          ['Laatste voortgang', <RagBadge rag={action.rag} />],
        ]}
      />
      <P>{action.actionHolder.description}</P>
      {!writable && !p.asOf && (
        <Alert kind="info" title="Alleen-lezen">
          <P>
            U heeft geen rechten om deze actie bij te werken: alleen de actiehouder van actie {action.code} en de coördinator kunnen
            voortgang rapporteren, knelpunten melden en mijlpalen bijwerken.
          </P>
        </Alert>
      )}
      {action.startActivities.length > 0 && (
        <Disclosure summary={`Startactiviteiten (${action.startActivities.length})`}>
          <ul class="utrecht-unordered-list">
            {action.startActivities.map((text, n) => (
              <li key={n}>{text}</li>
            ))}
          </ul>
        </Disclosure>
      )}

      {writable && (
        <section aria-labelledby="te-doen" class="regie-tasks">
          <H2 id="te-doen">Rapporteren</H2>
          <Form
            f={new FormState('voortgang-form', errors)}
            action={`${base}/voortgang`}
            title="Voortgang rapporteren"
            submit="Voortgang rapporteren"
            fields={['rag', 'summary']}
          >
            <RadioGroup
              f={new FormState('voortgang-form', errors)}
              name="rag"
              legend="Hoe staat de actie ervoor?"
              required
              options={[
                ['groen', 'Groen: op koers'],
                ['oranje', 'Oranje: aandacht nodig'],
                ['rood', 'Rood: niet op koers, bijsturing nodig'],
              ]}
            />
            <TextArea
              f={new FormState('voortgang-form', errors)}
              name="summary"
              label="Toelichting"
              description="Wat is er bereikt, wat loopt anders dan gepland?"
              required
              rows={5}
            />
          </Form>
          <RaiseKnelpunt action={action} errors={errors} />
        </section>
      )}

      <RegionsSection action={action} />

      <MilestonesSection p={p} action={action} writable={writable} errors={errors} />

      <section aria-labelledby="voortgang">
        <H2 id="voortgang">Voortgangsrapportages</H2>
        {action.progressReports.length === 0 ? (
          <P>Er is nog geen voortgang gerapporteerd.</P>
        ) : (
          <ol class="regie-timeline" reversed>
            {[...action.progressReports].reverse().map((r) => (
              <li key={r.id} class="regie-timeline__item">
                <p class="nl-paragraph">
                  <RagBadge rag={r.rag} />{' '}
                  <span class="regie-muted">
                    {formatDateTime(r.reportedAt)}
                    {r.reportedBy ? `, door ${actorName(actors, r.reportedBy)}` : ''}
                  </span>
                </p>
                <p class="nl-paragraph">{r.summary}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <KnelpuntenSection action={action} writable={writable} errors={errors} />
    </Layout>
  );
}

/** The action's regions (the pilot regions of an actieplan): name, period in words, status in Dutch, their mijlpalen. */
function RegionsSection({ action }: { action: Action }) {
  if (action.regions.length === 0) return null;
  const milestonesOf = (slug: string) => action.milestones.filter((m) => m.regionSlug === slug);
  return (
    <section aria-labelledby="regios">
      <H2 id="regios">Regio’s ({action.regions.length})</H2>
      <Table
        caption={`Regio’s van actie ${action.code}, met looptijd en status`}
        rows={action.regions}
        rowKey={(r) => r.slug}
        empty=""
        columns={[
          { header: 'Regio', cell: (r) => r.name },
          { header: 'Looptijd', cell: (r) => regionPeriod(r) },
          {
            header: 'Status',
            cell: (r) => (
              <Badge tone={r.status === 'afgerond' || r.status === 'plan_van_aanpak_gereed' ? 'good' : 'neutral'}>
                {REGION_STATUS_LABEL[r.status]}
              </Badge>
            ),
          },
          {
            header: 'Mijlpalen',
            cell: (r) => {
              const own = milestonesOf(r.slug);
              const late = own.filter((m) => m.late).length;
              return own.length === 0 ? 0 : `${own.length}${late > 0 ? ` (${late} te laat)` : ''}`;
            },
          },
        ]}
      />
    </section>
  );
}
