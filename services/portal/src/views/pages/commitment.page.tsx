import type { Commitment } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { type ActorNames, actorName } from '../actors';
import { A, Badge, DataList, Disclosure, H1, H2, P } from '../components';
import { commitmentHistory, documentText, dueText } from '../commitments';
import { formatDate, formatDateTime } from '../format';
import { Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { COMMITMENT_STATUS_LABEL } from '../labels';
import { Layout } from '../layout';
import { STATUS_TONE } from './commitments.page';
import { asOfQuery } from './peildatum';
import { actionCodeOf } from '@regie/es-core';
import { actionHref } from '../werkagenda';

/** One toezegging with its full history: postponements with reasons, overdue, fulfilment. */
export function CommitmentPage({
  p,
  commitment: c,
  errors,
  actors = {},
}: {
  p: PortalContext;
  commitment: Commitment;
  errors?: FormErrors;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
}) {
  const base = `/toezeggingen/${c.id}`;
  const pending = c.status === 'open' || c.status === 'postponed' || c.status === 'overdue';
  const postpone = new FormState('uitstellen', errors);
  const fulfil = new FormState('nakomen', errors);
  const withdraw = new FormState('intrekken', errors);
  const q = asOfQuery(p);
  return (
    <Layout
      title="Toezegging"
      section="toezeggingen"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      asOf={p.asOf}
      crumbs={[['Toezeggingen', `/toezeggingen${q}`]]}
      errors={errors}
    >
      <H1>Toezegging</H1>
      <P lead>{c.text}</P>
      <DataList
        items={[
          ['Status', <Badge tone={STATUS_TONE[c.status]}>{COMMITMENT_STATUS_LABEL[c.status]}</Badge>],
          ['Gedaan door', c.madeBy],
          ['Waar', `${c.madeAt.source}, ${formatDate(c.madeAt.date)}`],
          ['Termijn', dueText(c.due)],
          ['Oorspronkelijke termijn', dueText(c.originalDue)],
          [
            'Gekoppelde acties',
            c.actionCodes.length
              ? c.actionCodes.map((code, n) => (
                  <>
                    {n > 0 && ', '}
                    <A href={`${actionHref(code)}${q}`}>{actionCodeOf(code)}</A>
                  </>
                ))
              : 'geen',
          ],
          ...(c.fulfilledBy ? [['Nagekomen met', documentText(c.fulfilledBy)] as [string, string]] : []),
        ]}
      />
      <section aria-labelledby="geschiedenis">
        <H2 id="geschiedenis">Geschiedenis</H2>
        <ol class="regie-timeline">
          {commitmentHistory(c).map((line, n) => (
            <li key={n} class={`regie-timeline__item${line.what.includes('over de termijn') ? ' regie-timeline__item--late' : ''}`}>
              <p class="nl-paragraph">
                <strong>{line.what}</strong>{' '}
                <span class="regie-muted">
                  {formatDateTime(line.at)}, door {actorName(actors, line.actor)}
                </span>
              </p>
              {line.detail && <p class="nl-paragraph">{line.detail}</p>}
            </li>
          ))}
        </ol>
      </section>
      {!p.asOf && p.rights.coordinate && pending && (
        <section aria-labelledby="bijwerken">
          <H2 id="bijwerken">Bijwerken</H2>
          <Disclosure summary="Uitstellen" open={postpone.active}>
            <Form
              f={postpone}
              action={`${base}/uitstellen`}
              title="Toezegging uitstellen"
              submit="Uitstellen"
              fields={['due', 'reason', 'source']}
            >
              <TextField
                f={postpone}
                name="due"
                label="Nieuwe termijn"
                description="Een datum of een periode, zoals Q2 2027 of najaar 2027"
                required
              />
              <TextArea f={postpone} name="reason" label="Reden" required rows={2} />
              <TextField
                f={postpone}
                name="source"
                label="Bron (optioneel)"
                description="Waar het uitstel is gemeld, bijvoorbeeld een Kamerbrief"
              />
            </Form>
          </Disclosure>
          <Disclosure summary="Nagekomen" open={fulfil.active}>
            <Form
              f={fulfil}
              action={`${base}/nakomen`}
              title="Toezegging nagekomen"
              submit="Vastleggen als nagekomen"
              fields={['document.title', 'document.kenmerk', 'document.date']}
            >
              <TextField
                f={fulfil}
                name="document.title"
                label="Document"
                description="Bijvoorbeeld: Kamerbrief over de voortgang"
                required
              />
              <TextField f={fulfil} name="document.kenmerk" label="Kenmerk" required />
              <TextField f={fulfil} name="document.date" label="Datum van het document" type="date" required />
            </Form>
          </Disclosure>
          <Disclosure summary="Intrekken" open={withdraw.active}>
            <Form
              f={withdraw}
              action={`${base}/intrekken`}
              title="Toezegging intrekken"
              submit="Intrekken"
              kind="secondary"
              fields={['reason']}
            >
              <TextArea f={withdraw} name="reason" label="Reden" required rows={2} />
            </Form>
          </Disclosure>
        </section>
      )}
    </Layout>
  );
}
