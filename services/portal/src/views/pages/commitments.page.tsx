import type { CommitmentStatus, CommitmentSummary } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, Disclosure, H1, H2, P, SelectFilter, Table } from '../components';
import { commitmentOrder, dueText } from '../commitments';
import { formatDate } from '../format';
import { Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { COMMITMENT_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { asOfQuery, PeildatumForm } from './peildatum';
import { WerkagendaPreHeading } from '../werkagenda-heading';
import { actionCodeOf } from '@regie/es-core';
import { actionHref } from '../werkagenda';

export const STATUS_TONE: Record<CommitmentStatus, 'neutral' | 'good' | 'warning' | 'bad'> = {
  open: 'neutral',
  postponed: 'warning',
  overdue: 'bad',
  fulfilled: 'good',
  withdrawn: 'neutral',
};

export function CommitmentsPage({
  p,
  commitments,
  status,
  errors,
}: {
  p: PortalContext;
  commitments: CommitmentSummary[];
  status?: CommitmentStatus;
  errors?: FormErrors;
}) {
  const rows = [...commitments].sort(commitmentOrder);
  const overdue = rows.filter((c) => c.status === 'overdue').length;
  const register = new FormState('toezegging-registreren', errors);
  const q = asOfQuery(p);
  return (
    <Layout title="Toezeggingen" section="toezeggingen" me={p.me} werkagendas={p.werkagendas} flash={p.flash} asOf={p.asOf} errors={errors}>
      <WerkagendaPreHeading p={p} />
      <H1>Toezeggingen</H1>
      <P lead>Toezeggingen aan de Tweede Kamer en bestuurlijke afspraken, met hun termijn en wat ermee gebeurd is.</P>
      {overdue > 0 && (
        <P>
          <Badge tone="bad">{overdue === 1 ? '1 toezegging over de termijn' : `${overdue} toezeggingen over de termijn`}</Badge> Deze staan
          bovenaan.
        </P>
      )}
      <SelectFilter
        action="/toezeggingen"
        label="Toezeggingen filteren"
        name="status"
        fieldLabel="Status"
        allLabel="Alle statussen"
        options={COMMITMENT_STATUS_LABEL}
        selected={status}
        asOf={p.asOf}
      />
      <Table
        caption={status ? `Toezeggingen met status ${COMMITMENT_STATUS_LABEL[status]}` : 'Alle toezeggingen; over de termijn eerst'}
        rows={rows}
        rowKey={(c) => c.id}
        empty="Er zijn geen toezeggingen met deze status."
        rowClass={(c) => (c.status === 'overdue' ? 'regie-row--alert' : undefined)}
        columns={[
          { header: 'Toezegging', cell: (c) => <A href={`/toezeggingen/${c.id}${q}`}>{c.text}</A> },
          { header: 'Gedaan door', cell: (c) => `${c.madeBy}; ${c.madeAt.source}, ${formatDate(c.madeAt.date)}` },
          { header: 'Termijn', cell: (c) => dueText(c.due) },
          { header: 'Status', cell: (c) => <Badge tone={STATUS_TONE[c.status]}>{COMMITMENT_STATUS_LABEL[c.status]}</Badge> },
          {
            header: 'Acties',
            cell: (c) =>
              c.actionCodes.length
                ? c.actionCodes.map((code, n) => (
                    <>
                      {n > 0 && ', '}
                      <A href={`${actionHref(code)}${q}`}>{actionCodeOf(code)}</A>
                    </>
                  ))
                : '—',
          },
        ]}
      />
      <PeildatumForm p={p} action="/toezeggingen" />
      {!p.asOf && p.rights.coordinate && (
        <section aria-labelledby="registreren">
          <H2 id="registreren">Toezegging registreren</H2>
          <Disclosure summary="Nieuwe toezegging registreren" open={register.active}>
            <Form
              f={register}
              action="/toezeggingen"
              title="Toezegging registreren"
              submit="Registreren"
              fields={['text', 'madeBy', 'madeAt.date', 'madeAt.source', 'due', 'actionCodes']}
            >
              <TextArea f={register} name="text" label="Tekst van de toezegging" required rows={3} />
              <TextField f={register} name="madeBy" label="Gedaan door (bewindspersoon)" required />
              <TextField f={register} name="madeAt.date" label="Datum" type="date" required />
              <TextField
                f={register}
                name="madeAt.source"
                label="Waar (debat of Kamerstuk)"
                description="Bijvoorbeeld: Kamerstuk 25 424, nr. 727"
                required
              />
              <TextField
                f={register}
                name="due"
                label="Termijn"
                description="Een datum (bijvoorbeeld 20 december 2026 of 20-12-2026) of een periode: eind 2025, 1e kwartaal 2026, najaar 2026"
                required
              />
              <TextField
                f={register}
                name="actionCodes"
                label="Gekoppelde acties (optioneel)"
                description="Actiecodes, gescheiden door komma's, bijvoorbeeld 2.1, 0"
              />
            </Form>
          </Disclosure>
        </section>
      )}
    </Layout>
  );
}
