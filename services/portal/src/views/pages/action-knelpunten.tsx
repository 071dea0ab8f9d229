import { actionHref } from '../werkagenda';
import type { Action, Knelpunt } from '../../api/regie-api.models';
import { Badge, Disclosure, H2, H3, P } from '../components';
import { formatDateTime } from '../format';
import { Form, Select, TextArea } from '../form';
import { type FormErrors, FormState } from '../form-state';

const LEVELS: [string, string][] = [
  ['kerngroep', 'Kerngroepoverleg'],
  ['regiegroep', 'Regiegroep'],
];

/** Knelpunten: the open ones with their forms (escalate further, resolve), the resolved ones folded. */
export function KnelpuntenSection({ action, writable, errors }: { action: Action; writable: boolean; errors?: FormErrors }) {
  const base = `${actionHref(action.key)}/knelpunten`;
  const open = action.knelpunten.filter((k) => k.status === 'open');
  const resolved = action.knelpunten.filter((k) => k.status !== 'open');
  return (
    <section aria-labelledby="knelpunten">
      <H2 id="knelpunten">Knelpunten</H2>
      {action.knelpunten.length === 0 && <P>Er zijn geen knelpunten gemeld.</P>}
      {open.map((k) => (
        <article key={k.id} class="regie-card" aria-labelledby={`knelpunt-${k.id}`}>
          <H3 id={`knelpunt-${k.id}`}>Knelpunt gemeld op {formatDateTime(k.raisedAt)}</H3>
          <P>{k.description}</P>
          <P>
            <Badge tone="warning">open</Badge> {k.escalatedTo ? `Geëscaleerd naar de ${k.escalatedTo}.` : 'Niet geëscaleerd.'}
          </P>
          {writable && <KnelpuntForms k={k} base={`${base}/${k.id}`} errors={errors} />}
        </article>
      ))}
      {resolved.length > 0 && (
        <Disclosure summary={`Opgeloste knelpunten (${resolved.length})`}>
          <ul class="utrecht-unordered-list">
            {resolved.map((k) => (
              <li key={k.id}>
                {k.description} — opgelost op {formatDateTime(k.resolvedAt)}: {k.resolution}
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}

/** Raise a knelpunt (and escalate it at once): one of the two tasks at the top of the action page. */
export function RaiseKnelpunt({ action, errors }: { action: Action; errors?: FormErrors }) {
  const raise = new FormState('knelpunt-melden', errors);
  return (
    <Disclosure summary="Knelpunt melden" open={raise.active}>
      <Form
        f={raise}
        action={`${actionHref(action.key)}/knelpunten`}
        title="Knelpunt melden"
        submit="Knelpunt melden"
        fields={['description', 'escalateTo']}
      >
        <TextArea f={raise} name="description" label="Wat is het knelpunt?" required rows={4} />
        <Select
          f={raise}
          name="escalateTo"
          label="Direct escaleren naar"
          options={[['', 'Niet escaleren'], ...LEVELS]}
          description="Een geëscaleerd knelpunt komt vanzelf op de agenda van het volgende overleg."
        />
      </Form>
    </Disclosure>
  );
}

function KnelpuntForms({ k, base, errors }: { k: Knelpunt; base: string; errors?: FormErrors }) {
  const escalate = new FormState(`knelpunt-${k.id}-escaleren`, errors);
  const resolve = new FormState(`knelpunt-${k.id}-oplossen`, errors);
  const levels = LEVELS.filter(([level]) => level !== k.escalatedTo);
  return (
    <div class="regie-form-row">
      {levels.length > 0 && (
        <Form f={escalate} action={`${base}/escaleren`} title="Escaleren" submit="Escaleren" kind="secondary" fields={['to']}>
          <Select f={escalate} name="to" label="Escaleren naar" options={levels} required />
        </Form>
      )}
      <Form f={resolve} action={`${base}/oplossen`} title="Oplossen" submit="Knelpunt oplossen" kind="secondary" fields={['resolution']}>
        <TextArea f={resolve} name="resolution" label="Hoe is het opgelost?" required rows={2} />
      </Form>
    </div>
  );
}
