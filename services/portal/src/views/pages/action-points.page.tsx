import type { ActionPointEntry, ActionPointStatus } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, Disclosure, H1, P, Table } from '../components';
import { count, formatDate } from '../format';
import { Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { MEETING_KIND_LABEL } from '../labels';
import { Layout } from '../layout';
import { FilterForm, FilterSelect, FilterText, queryOf } from './list-filters';
import { WerkagendaPreHeading } from '../werkagenda-heading';

export const ACTION_POINT_STATUS_LABEL: Record<ActionPointStatus, string> = { open: 'open', overdue: 'te laat', done: 'afgerond' };
const STATUS_TONE: Record<ActionPointStatus, 'neutral' | 'bad' | 'good'> = { open: 'neutral', overdue: 'bad', done: 'good' };

export interface ActionPointFilters {
  status?: string;
  eigenaar?: string;
}

/** Every action point across meetings, earliest due first; overdue when past due and not done. */
export function ActionPointsPage({
  p,
  actionPoints,
  filters,
  errors,
}: {
  p: PortalContext;
  actionPoints: ActionPointEntry[];
  filters: ActionPointFilters;
  errors?: FormErrors;
}) {
  const csv = `/actielijst/actielijst.csv${queryOf({ ...filters, peildatum: p.asOf?.input })}`;
  const overdue = actionPoints.filter((a) => a.status === 'overdue').length;
  const back = queryOf({ ...filters });
  return (
    <Layout title="Actielijst" section="actielijst" me={p.me} werkagendas={p.werkagendas} flash={p.flash} asOf={p.asOf} errors={errors}>
      <WerkagendaPreHeading p={p} />
      <H1>Actielijst</H1>
      <P lead>
        Alle actiepunten uit de overleggen, vroegste termijn eerst. Te laat: de termijn is voorbij en het actiepunt is niet afgerond.
      </P>
      <FilterForm action="/actielijst" label="Actiepunten filteren" asOf={p.asOf}>
        <FilterSelect name="status" label="Stand" allLabel="Alle" options={ACTION_POINT_STATUS_LABEL} selected={filters.status} />
        <FilterText name="eigenaar" label="Eigenaar" value={filters.eigenaar} />
      </FilterForm>
      <P>
        {count(actionPoints.length, 'actiepunt', 'actiepunten')}
        {overdue > 0 && (
          <>
            , waarvan <Badge tone="bad">{overdue} te laat</Badge>
          </>
        )}
        . <A href={csv}>Download als CSV (voor Excel)</A>
      </P>
      <Table
        caption="Actiepunten, vroegste termijn eerst"
        rows={actionPoints}
        rowKey={(a) => a.id}
        empty="Er zijn geen actiepunten die aan deze filters voldoen."
        rowClass={(a) => (a.status === 'overdue' ? 'regie-row--alert' : undefined)}
        columns={[
          {
            header: 'Actiepunt',
            cell: (a) => (
              <>
                {a.text}
                {a.itemTitle && <div class="regie-muted">Agendapunt: {a.itemTitle}</div>}
              </>
            ),
          },
          {
            header: 'Eigenaar',
            cell: (a) => (
              <>
                {a.owner}
                {a.reassignments.map((r) => (
                  <div class="regie-muted" key={r.at}>
                    Eerder: {r.previousOwner} (overgedragen op {formatDate(r.at.slice(0, 10))}: {r.reason})
                  </div>
                ))}
                {!p.asOf && a.status !== 'done' && p.rights.coordinate && <Reassign a={a} errors={errors} back={back} />}
              </>
            ),
          },
          { header: 'Uiterlijk', cell: (a) => formatDate(a.dueDate) },
          {
            header: 'Stand',
            cell: (a) => (
              <Badge tone={STATUS_TONE[a.status]}>
                {ACTION_POINT_STATUS_LABEL[a.status]}
                {a.completedOn ? ` op ${formatDate(a.completedOn)}` : ''}
              </Badge>
            ),
          },
          {
            header: 'Overleg',
            cell: (a) => <A href={`/overleggen/${a.meetingId}`}>{`${MEETING_KIND_LABEL[a.meetingKind]} ${formatDate(a.meetingDate)}`}</A>,
          },
        ]}
      />
    </Layout>
  );
}

function Reassign({ a, errors, back }: { a: ActionPointEntry; errors?: FormErrors; back: string }) {
  const f = new FormState(`overdragen-${a.id}`, errors);
  return (
    <Disclosure summary="Overdragen" open={f.active}>
      <Form
        f={f}
        action={`/actielijst/${a.id}/overdragen${back}`}
        title="Actiepunt overdragen"
        submit="Overdragen"
        kind="secondary"
        fields={['owner', 'reason']}
      >
        <TextField f={f} name="owner" label="Nieuwe eigenaar" required />
        <TextArea f={f} name="reason" label="Reden" required rows={2} />
      </Form>
    </Disclosure>
  );
}
