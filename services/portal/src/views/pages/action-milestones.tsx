import type { Action, Milestone } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { Badge, Disclosure, H2, H3, P } from '../components';
import { amsterdamLocal, count, formatDate, formatDaysLate } from '../format';
import { Form, TextArea, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';
import { MILESTONE_STATUS_LABEL } from '../labels';
import { actionHref } from '../werkagenda';

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
  const sorted = [...action.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const regions = action.regions.filter((r) => sorted.some((m) => m.regionSlug === r.slug));
  const regional = new Set(regions.map((r) => r.slug));
  // Per region (an actieplan's pilot regions): each its own group; the action's other mijlpalen as before.
  const milestones = sorted.filter((m) => !m.regionSlug || !regional.has(m.regionSlug));
  const base = `${actionHref(action.key)}/mijlpalen`;
  const plan = new FormState('mijlpaal-plannen', errors);
  return (
    <section aria-labelledby="mijlpalen">
      <H2 id="mijlpalen">Mijlpalen</H2>
      {sorted.length === 0 && <P>Voor deze actie zijn (nog) geen mijlpalen gepland.</P>}
      {regions.length > 0 && (
        <>
          <H3 id="mijlpalen-per-regio">Per regio</H3>
          <ol class="regie-timeline" aria-labelledby="mijlpalen-per-regio">
            {regions.map((region) => {
              const members = sorted.filter((m) => m.regionSlug === region.slug);
              return (
                <li key={region.slug} class={`regie-timeline__item${members.some((m) => m.late) ? ' regie-timeline__item--late' : ''}`}>
                  <details class="regie-disclosure regie-region-group" open={members.some((m) => formsActive(m, errors))}>
                    <summary>
                      {region.name} <span class="regie-muted">({groupSummary(members)})</span>
                    </summary>
                    <ol class="regie-timeline">
                      {members.map((m) => (
                        <MilestoneItem key={m.id} p={p} m={m} base={base} writable={writable} errors={errors} />
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {regions.length > 0 && milestones.length > 0 && <H3 id="mijlpalen-overig">Overige mijlpalen</H3>}
      {milestones.length > 0 && (
        <ol class="regie-timeline">
          {groupMilestones(milestones).map((g) =>
            g.members.length === 1 ? (
              <MilestoneItem key={g.members[0].id} p={p} m={g.members[0]} base={base} writable={writable} errors={errors} />
            ) : (
              <li key={g.key} class={`regie-timeline__item${g.members.some((m) => m.late) ? ' regie-timeline__item--late' : ''}`}>
                <details class="regie-disclosure regie-milestone-group" open={g.members.some((m) => formsActive(m, errors))}>
                  <summary>
                    {g.label} <span class="regie-muted">({groupSummary(g.members)})</span>
                  </summary>
                  <ol class="regie-timeline">
                    {g.members.map((m) => (
                      <MilestoneItem key={m.id} p={p} m={m} base={base} writable={writable} errors={errors} title={g.titleOf(m)} />
                    ))}
                  </ol>
                </details>
              </li>
            ),
          )}
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

function MilestoneItem({
  p,
  m,
  base,
  writable,
  errors,
  title,
}: {
  p: PortalContext;
  m: Milestone;
  base: string;
  writable: boolean;
  errors?: FormErrors;
  title?: string;
}) {
  return (
    <li id={`mijlpaal-${m.id}`} class={`regie-timeline__item${m.late ? ' regie-timeline__item--late' : ''}`}>
      <H3>{title ?? m.title}</H3>
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
  );
}

const STEPS = ['starten', 'behalen', 'herplannen', 'vervallen'];
const formsActive = (m: Milestone, errors?: FormErrors): boolean =>
  STEPS.some((step) => new FormState(`mijlpaal-${m.id}-${step}`, errors).active);

/** "9 mijlpalen, 9 te laat, 0 behaald". */
function groupSummary(members: Milestone[]): string {
  const late = members.filter((m) => m.late).length;
  const achieved = members.filter((m) => m.status === 'achieved').length;
  return [count(members.length, 'mijlpaal', 'mijlpalen'), `${late} te laat`, `${achieved} behaald`].join(', ');
}

export interface MilestoneGroup {
  key: string;
  /** What the members share ("Plan van aanpak …"), the group's summary. */
  label: string;
  members: Milestone[];
  /** A member's own part of the title ("Zorgkantoorregio Utrecht"), under the group's label. */
  titleOf: (m: Milestone) => string;
}

const MIN_GROUP = 3;
const SEPARATOR = / [–—-] /;
const words = (title: string): string[] => title.split(/\s+/);

/**
 * Similar milestones in one group: titles that share what comes before a dash ("Plan van aanpak …
 * – Zorgkantoorregio Utrecht"), or else their first words ("Plan van aanpak Utrecht", "Plan van
 * aanpak Zeeland"), when at least three do. Other milestones stay on their own; the order is kept
 * (a group sits where its first member would).
 */
export function groupMilestones(milestones: Milestone[]): MilestoneGroup[] {
  const keyOf = new Map<string, string>();
  const tally = (key: (m: Milestone) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const m of milestones.filter((x) => !keyOf.has(x.id))) {
      const k = key(m);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const m of milestones.filter((x) => !keyOf.has(x.id))) {
      const k = key(m);
      if (k && (counts.get(k) ?? 0) >= MIN_GROUP) keyOf.set(m.id, k);
    }
  };
  tally((m) => (SEPARATOR.test(m.title) ? m.title.split(SEPARATOR)[0].trim() : undefined));
  for (let n = 5; n >= 2; n--) tally((m) => (words(m.title).length > n ? words(m.title).slice(0, n).join(' ') : undefined));

  const groups: MilestoneGroup[] = [];
  const byKey = new Map<string, MilestoneGroup>();
  for (const m of milestones) {
    const key = keyOf.get(m.id);
    if (!key) {
      groups.push({ key: m.id, label: m.title, members: [m], titleOf: (x) => x.title });
      continue;
    }
    let group = byKey.get(key);
    if (!group) {
      group = {
        key: `groep-${key}`,
        label: key,
        members: [],
        titleOf: (x) => x.title.slice(key.length).replace(/^\s*[–—-]?\s*/, '') || x.title,
      };
      byKey.set(key, group);
      groups.push(group);
    }
    group.members.push(m);
  }
  return groups;
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
