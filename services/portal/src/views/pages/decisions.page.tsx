import type { DecisionEntry, DecisionStatus } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, Disclosure, H1, H2, P, Table } from '../components';
import { count, formatDate } from '../format';
import { Form, TextArea } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { MEETING_KIND_LABEL } from '../labels';
import { Layout } from '../layout';
import { FilterForm, FilterSelect, FilterText, queryOf } from './list-filters';
import { WerkagendaPreHeading } from '../werkagenda-heading';

export const DECISION_STATUS_LABEL: Record<DecisionStatus, string> = {
  geldig: 'geldig',
  gecorrigeerd: 'gecorrigeerd',
  ingetrokken: 'ingetrokken',
};
const STATUS_TONE: Record<DecisionStatus, 'good' | 'warning' | 'neutral'> = {
  geldig: 'good',
  gecorrigeerd: 'warning',
  ingetrokken: 'neutral',
};
const KIND_LABEL = { operationeel: 'operationeel', strategisch: 'strategisch' } as const;

/** The filters of the besluitenlijst, in the portal's Dutch names (query parameters of the page). */
export interface DecisionFilters {
  soort?: string;
  overleg?: string;
  van?: string;
  tot?: string;
  zoek?: string;
}

/** Every decision across meetings, newest first; a correction and the version it replaced both stay. */
export function DecisionsPage({
  p,
  decisions,
  filters,
  errors,
}: {
  p: PortalContext;
  decisions: DecisionEntry[];
  filters: DecisionFilters;
  errors?: FormErrors;
}) {
  const csv = `/besluitenlijst/besluitenlijst.csv${queryOf({ ...filters, peildatum: p.asOf?.input })}`;
  const back = queryOf({ ...filters });
  // A refused correction or withdrawal is shown full width above the list: inside a table cell it is too narrow on a phone.
  const refused = errors && decisions.find((d) => [`corrigeren-${d.id}`, `intrekken-${d.id}`].includes(errors.form));
  return (
    <Layout
      title="Besluitenlijst"
      section="besluitenlijst"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      asOf={p.asOf}
      errors={errors}
    >
      <WerkagendaPreHeading p={p} />
      <H1>Besluitenlijst</H1>
      <P lead>Alle besluiten van de overleggen, nieuwste eerst. Een correctie of intrekking laat de eerdere versie zichtbaar.</P>
      <FilterForm action="/besluitenlijst" label="Besluiten filteren" asOf={p.asOf}>
        <FilterSelect name="soort" label="Soort besluit" allLabel="Alle soorten" options={KIND_LABEL} selected={filters.soort} />
        <FilterSelect
          name="overleg"
          label="Overlegvorm"
          allLabel="Alle overleggen"
          options={MEETING_KIND_LABEL}
          selected={filters.overleg}
        />
        <FilterText name="van" label="Vanaf" type="date" value={filters.van} />
        <FilterText name="tot" label="Tot en met" type="date" value={filters.tot} />
        <FilterText name="zoek" label="Zoeken in tekst" value={filters.zoek} />
      </FilterForm>
      {refused && (
        <section aria-labelledby="besluit-wijzigen">
          <H2 id="besluit-wijzigen">Besluit corrigeren of intrekken</H2>
          <P>{refused.text}</P>
          <ChangeDecision d={refused} errors={errors} back={back} />
        </section>
      )}
      <P>
        {count(decisions.length, 'besluit', 'besluiten')}. <A href={csv}>Download als CSV (voor Excel)</A>
      </P>
      <Table
        caption="Besluiten, nieuwste overleg eerst"
        rows={decisions}
        rowKey={(d) => d.id}
        empty="Er zijn geen besluiten die aan deze filters voldoen."
        columns={[
          { header: 'Datum', cell: (d) => <A href={`/overleggen/${d.meetingId}`}>{formatDate(d.meetingDate)}</A> },
          { header: 'Overleg', cell: (d) => MEETING_KIND_LABEL[d.meetingKind] },
          { header: 'Soort', cell: (d) => KIND_LABEL[d.kind] },
          {
            header: 'Besluit',
            cell: (d) => (
              <>
                {d.status === 'geldig' ? d.text : <s>{d.text}</s>}
                {d.itemTitle && <div class="regie-muted">Agendapunt: {d.itemTitle}</div>}
                {d.corrects && <div class="regie-muted">Correctie van een eerder besluit</div>}
                {d.reason && (
                  <div class="regie-muted">
                    {d.status === 'ingetrokken' ? 'Ingetrokken' : 'Gecorrigeerd'} op {formatDate(d.changedAt?.slice(0, 10))}: {d.reason}
                  </div>
                )}
                {!p.asOf && d.status === 'geldig' && d !== refused && p.rights.decide(d.kind) && (
                  <ChangeDecision d={d} errors={errors} back={back} />
                )}
              </>
            ),
          },
          { header: 'Status', cell: (d) => <Badge tone={STATUS_TONE[d.status]}>{DECISION_STATUS_LABEL[d.status]}</Badge> },
        ]}
      />
    </Layout>
  );
}

function ChangeDecision({ d, errors, back }: { d: DecisionEntry; errors?: FormErrors; back: string }) {
  const correct = new FormState(`corrigeren-${d.id}`, errors);
  const withdraw = new FormState(`intrekken-${d.id}`, errors);
  return (
    <Disclosure summary="Corrigeren of intrekken" open={correct.active || withdraw.active}>
      <Form
        f={correct}
        action={`/besluitenlijst/${d.id}/corrigeren${back}`}
        title="Besluit corrigeren"
        submit="Correctie vastleggen"
        fields={['text', 'reason']}
      >
        <TextArea f={correct} name="text" label="Gecorrigeerde tekst" required rows={3} value={d.text} />
        <TextArea f={correct} name="reason" label="Reden van de correctie" required rows={2} />
      </Form>
      <Form
        f={withdraw}
        action={`/besluitenlijst/${d.id}/intrekken${back}`}
        title="Besluit intrekken"
        submit="Besluit intrekken"
        kind="secondary"
        fields={['reason']}
      >
        <TextArea f={withdraw} name="reason" label="Reden van intrekking" required rows={2} />
      </Form>
    </Disclosure>
  );
}
