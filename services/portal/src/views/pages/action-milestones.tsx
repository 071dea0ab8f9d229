import type { Action, Milestone } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { Badge, Disclosure, H2, H3, P } from '../components';
import { amsterdamLocal, formatDate, formatDaysLate } from '../format';
import { Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { MILESTONE_STATUS_LABEL } from '../labels';

const TONE = { planned: 'neutral', in_progress: 'warning', achieved: 'good', cancelled: 'neutral' } as const;

/** The mijlpalen as a timeline by streefdatum, with their history (replans) and, for writers, the forms. */
export function MilestonesSection({
  p,
  action,
  writable,
  errors,
}: {
  p: PortalContext;
  action: Action;
  writable: boolean;
  errors?: FormErrors;
}) {
  const milestones = [...action.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const base = `/acties/${action.code}/mijlpalen`;
  const plan = new FormState('mijlpaal-plannen', errors);
  return (
    <section aria-labelledby="mijlpalen">
      <H2 id="mijlpalen">Mijlpalen</H2>
      {milestones.length === 0 ? (
        <P>Voor deze actie zijn (nog) geen mijlpalen gepland.</P>
      ) : (
        <ol class="regie-timeline">
          {milestones.map((m) => (
            <li key={m.id} class={`regie-timeline__item${m.late ? ' regie-timeline__item--late' : ''}`}>
              <H3>{m.title}</H3>
              <p class="nl-paragraph">
                Streefdatum {formatDate(m.dueDate)}
                {m.dueDateText && <span class="regie-muted"> (“{m.dueDateText}”)</span>}{' '}
                <Badge tone={TONE[m.status]}>{MILESTONE_STATUS_LABEL[m.status]}</Badge> {m.late && <Badge tone="bad">te laat</Badge>}
                {m.achievedLate && <Badge tone="warning">behaald, te laat</Badge>}
                {m.daysLate !== null && <span class="regie-muted"> ({formatDaysLate(m.daysLate)})</span>}
              </p>
              <MilestoneHistory m={m} />
              {writable && m.status !== 'achieved' && m.status !== 'cancelled' && (
                <MilestoneForms p={p} m={m} base={`${base}/${m.id}`} errors={errors} />
              )}
            </li>
          ))}
        </ol>
      )}
      {writable && (
        <Disclosure summary="Nieuwe mijlpaal plannen" open={plan.active}>
          <Form f={plan} action={base} title="Nieuwe mijlpaal plannen" submit="Mijlpaal plannen" fields={['title', 'dueDate']}>
            <TextField f={plan} name="title" label="Omschrijving" required />
            <TextField f={plan} name="dueDate" label="Streefdatum" type="date" required />
          </Form>
        </Disclosure>
      )}
    </section>
  );
}

function MilestoneHistory({ m }: { m: Milestone }) {
  const lines: string[] = [];
  if (m.startedOn) lines.push(`Gestart op ${formatDate(m.startedOn)}.`);
  for (const r of m.replans)
    lines.push(`Herpland${r.previousDueDate ? ` van ${formatDate(r.previousDueDate)}` : ''} naar ${formatDate(r.dueDate)}: ${r.reason}`);
  if (m.replans.length === 0 && m.originalDueDate !== m.dueDate)
    lines.push(`Oorspronkelijke streefdatum ${formatDate(m.originalDueDate)}.`);
  if (m.achievedOn)
    lines.push(`Behaald op ${formatDate(m.achievedOn)}${m.achievedLate && m.daysLate !== null ? `, ${formatDaysLate(m.daysLate)}` : ''}.`);
  if (m.cancelReason) lines.push(`Vervallen: ${m.cancelReason}`);
  if (lines.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list regie-history">
      {lines.map((line, n) => (
        <li key={n}>{line}</li>
      ))}
    </ul>
  );
}

function MilestoneForms({ p, m, base, errors }: { p: PortalContext; m: Milestone; base: string; errors?: FormErrors }) {
  const today = amsterdamLocal(p.now).date;
  const forms = {
    start: new FormState(`mijlpaal-${m.id}-starten`, errors),
    achieve: new FormState(`mijlpaal-${m.id}-behalen`, errors),
    replan: new FormState(`mijlpaal-${m.id}-herplannen`, errors),
    cancel: new FormState(`mijlpaal-${m.id}-vervallen`, errors),
  };
  const open = Object.values(forms).some((f) => f.active);
  return (
    <Disclosure summary={`Mijlpaal bijwerken: ${m.title}`} open={open}>
      {m.status === 'planned' && (
        <Form f={forms.start} action={`${base}/starten`} title="Starten" submit="Markeren als gestart" kind="secondary" />
      )}
      <Form f={forms.achieve} action={`${base}/behalen`} title="Behaald" submit="Markeren als behaald" fields={['achievedOn']}>
        <TextField f={forms.achieve} name="achievedOn" label="Behaald op" type="date" value={today} required />
      </Form>
      <Form
        f={forms.replan}
        action={`${base}/herplannen`}
        title="Herplannen"
        submit="Herplannen"
        kind="secondary"
        fields={['dueDate', 'reason']}
      >
        <TextField f={forms.replan} name="dueDate" label="Nieuwe streefdatum" type="date" required />
        <TextArea f={forms.replan} name="reason" label="Reden" required rows={2} />
      </Form>
      <Form
        f={forms.cancel}
        action={`${base}/laten-vervallen`}
        title="Laten vervallen"
        submit="Mijlpaal laten vervallen"
        kind="secondary"
        fields={['reason']}
      >
        <TextArea f={forms.cancel} name="reason" label="Reden om de mijlpaal te laten vervallen" required rows={2} />
      </Form>
    </Disclosure>
  );
}
