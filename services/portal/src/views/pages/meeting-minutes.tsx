import type { Meeting, MeetingMinutes, MeetingSeries } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, DataList, H2, H3, P } from '../components';
import { Form, TextArea } from '../form';
import { type FormErrors, FormState } from '../form-state';

/** Names typed one per line (or separated by commas) → the list the API takes. */
export const namesOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[\n,;]/)
    .map((n) => n.trim())
    .filter(Boolean);

/**
 * The verslag on the meeting page: attendance and notes per agenda item. The coordinator fills
 * them in while the meeting is held and the verslag not yet approved; afterwards they are shown,
 * and the printable verslag is linked.
 */
export function MeetingMinutesSection({
  p,
  meeting: m,
  minutes,
  series,
  errors,
}: {
  p: PortalContext;
  meeting: Meeting;
  minutes?: MeetingMinutes;
  series?: MeetingSeries;
  errors?: FormErrors;
}) {
  if (m.status !== 'held' && m.status !== 'minutes_approved') return null;
  const base = `/overleggen/${m.id}`;
  const recording = !p.asOf && m.status === 'held' && p.rights.coordinate;
  const attendance = new FormState('aanwezigheid', errors);
  const present = minutes?.attendance.present ?? [];
  const absent = minutes?.attendance.absent ?? [];
  const recorded = Boolean(minutes?.attendance.recordedAt);
  const notes = new Map((minutes?.notes ?? []).map((n) => [n.itemId, n.notes]));
  return (
    <section aria-labelledby="verslag-inhoud">
      <H2 id="verslag-inhoud">Verslag: aanwezigheid en aantekeningen</H2>
      <P>
        <A href={`${base}/verslag`}>Verslag afdrukken</A>
      </P>
      <DataList
        items={[
          ['Aanwezig', recorded ? present.join(', ') : 'nog niet vastgelegd'],
          ['Afgemeld', recorded ? absent.join(', ') || 'niemand' : 'nog niet vastgelegd'],
        ]}
      />
      {recording && (
        <Form
          f={attendance}
          action={`${base}/aanwezigheid`}
          title="Aanwezigheid vastleggen"
          submit="Aanwezigheid vastleggen"
          kind="secondary"
          fields={['present', 'absent']}
        >
          <TextArea
            f={attendance}
            name="present"
            label="Aanwezig"
            description="Een deelnemer of partij per regel"
            required
            rows={4}
            value={(recorded ? present : (series?.participants ?? [])).join('\n')}
          />
          <TextArea
            f={attendance}
            name="absent"
            label="Afgemeld"
            description="Een deelnemer of partij per regel"
            rows={2}
            value={absent.join('\n')}
          />
        </Form>
      )}
      {m.agenda.map((item, i) => {
        const text = notes.get(item.id);
        const f = new FormState(`aantekeningen-${item.id}`, errors);
        if (!recording && !text) return null;
        return (
          <div key={item.id} class="regie-minutes-item">
            <H3>{`${i + 1}. ${item.title}`}</H3>
            {recording ? (
              <Form
                f={f}
                action={`${base}/verslag/punten/${item.id}`}
                title={`Aantekeningen bij ${item.title}`}
                submit="Aantekeningen opslaan"
                kind="secondary"
                fields={['notes']}
              >
                <TextArea f={f} name="notes" label="Aantekeningen" rows={3} value={text ?? ''} />
              </Form>
            ) : (
              (text ?? '').split(/\n{2,}/).map((para, n) => <P key={n}>{para}</P>)
            )}
          </div>
        );
      })}
    </section>
  );
}
