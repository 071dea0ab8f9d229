import type { Meeting } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { Badge, H2, P, Table } from '../components';
import { amsterdamLocal, formatDate, formatDateTime } from '../format';
import { ButtonForm, Form, Select, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { DECISION_KIND_LABEL } from '../labels';
import { decisionKinds } from '../meetings';

/** Besluiten and actiepunten of a held meeting, and approving the minutes. */
export function MeetingRecord({ p, meeting: m, errors }: { p: PortalContext; meeting: Meeting; errors?: FormErrors }) {
  const base = `/overleggen/${m.id}`;
  const recording = !p.asOf && m.status === 'held';
  const kinds = decisionKinds(m.kind).filter((k) => p.rights.decide(k));
  const decide = new FormState('besluit', errors);
  const assign = new FormState('actiepunt', errors);
  const approve = new FormState('verslag', errors);
  return (
    <>
      <section aria-labelledby="besluiten">
        <H2 id="besluiten">Besluiten</H2>
        {m.decisions.length === 0 ? (
          <P>Er zijn (nog) geen besluiten vastgelegd.</P>
        ) : (
          <ol class="utrecht-ordered-list regie-decisions">
            {m.decisions.map((d) => (
              <li key={d.id}>
                <Badge tone={d.kind === 'strategisch' ? 'warning' : 'neutral'}>{DECISION_KIND_LABEL[d.kind]}</Badge> {d.text}{' '}
                {d.status !== 'geldig' && <Badge tone="neutral">{d.status === 'gecorrigeerd' ? 'gecorrigeerd' : 'ingetrokken'}</Badge>}{' '}
                <span class="regie-muted">(vastgelegd {formatDateTime(d.recordedAt)})</span>
              </li>
            ))}
          </ol>
        )}
        {recording && kinds.length > 0 && (
          <Form f={decide} action={`${base}/besluiten`} title="Besluit vastleggen" submit="Besluit vastleggen" fields={['text', 'kind']}>
            <TextArea f={decide} name="text" label="Besluit" required rows={3} />
            <Select f={decide} name="kind" label="Soort besluit" options={kinds.map((k) => [k, DECISION_KIND_LABEL[k]])} required />
          </Form>
        )}
        {!p.asOf && (m.status === 'scheduled' || m.status === 'agenda_published') && (
          <P>Besluiten en actiepunten worden vastgelegd nadat het overleg gehouden is.</P>
        )}
      </section>

      <section aria-labelledby="actiepunten">
        <H2 id="actiepunten">Actiepunten</H2>
        <Table
          caption="Actiepunten uit dit overleg"
          rows={m.actionPoints}
          rowKey={(a) => a.id}
          empty="Er zijn geen actiepunten uitgezet."
          rowClass={(a) => (a.overdue ? 'regie-row--alert' : undefined)}
          columns={[
            { header: 'Actiepunt', cell: (a) => a.text },
            { header: 'Eigenaar', cell: (a) => a.owner },
            { header: 'Uiterlijk', cell: (a) => formatDate(a.dueDate) },
            {
              header: 'Status',
              cell: (a) =>
                a.done ? (
                  <Badge tone="good">afgerond {formatDate(a.completedOn)}</Badge>
                ) : (
                  <>
                    {a.overdue ? <Badge tone="bad">over de termijn</Badge> : <Badge>open</Badge>}
                    {!p.asOf && p.rights.coordinate && (
                      <ButtonForm
                        f={new FormState(`afronden-${a.id}`, errors)}
                        action={`${base}/actiepunten/${a.id}/afronden`}
                        label="Afronden"
                        accessibleLabel={`Afronden: actiepunt ${a.text}`}
                      />
                    )}
                  </>
                ),
            },
          ]}
        />
        {recording && p.rights.coordinate && (
          <Form
            f={assign}
            action={`${base}/actiepunten`}
            title="Actiepunt uitzetten"
            submit="Actiepunt uitzetten"
            kind="secondary"
            fields={['text', 'owner', 'dueDate']}
          >
            <TextArea f={assign} name="text" label="Actiepunt" required rows={2} />
            <TextField f={assign} name="owner" label="Eigenaar" description="Persoon of partij die het actiepunt uitvoert" required />
            <TextField f={assign} name="dueDate" label="Uiterlijk gereed op" type="date" min={amsterdamLocal(p.now).date} required />
          </Form>
        )}
      </section>

      {recording && p.rights.coordinate && (
        <section aria-labelledby="verslag">
          <H2 id="verslag">Verslag</H2>
          <Form
            f={approve}
            action={`${base}/verslag/vaststellen`}
            title="Verslag vaststellen"
            submit="Verslag vaststellen"
            kind="secondary"
          >
            <P>Na vaststelling liggen de besluiten en actiepunten van dit overleg vast.</P>
          </Form>
        </section>
      )}
    </>
  );
}
