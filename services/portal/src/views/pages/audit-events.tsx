import type { ActionSummary, AuditEvent } from '../../api/regie-api.models';
import { A, Table } from '../components';
import { justBefore, pageOfStream, subjectLabel, timeTravels } from '../audit';
import { eventSentence, eventTypeLabel, type SentenceNames } from '../event-labels';
import { formatDateTime } from '../format';
import { ROLE_LABEL } from '../labels';

const roleLabel = (role: string): string => ROLE_LABEL[role as keyof typeof ROLE_LABEL] ?? role;

/** Who did it: the account and its role in words ("onbekend" for events recorded without an actor). */
export const actorText = (e: AuditEvent): string =>
  e.metadata.actor ? `${e.metadata.actor.userId} (${roleLabel(e.metadata.actor.role)})` : 'onbekend';

/** The titles the sentences name milestones and actions by, from the actions' list. */
export function namesOf(actions: ActionSummary[]): SentenceNames {
  const milestones = new Map(actions.flatMap((a) => a.milestones.map((m) => [m.id, m.title] as const)));
  const titles = new Map(actions.map((a) => [a.code, a.title] as const));
  return { milestoneTitle: (id) => milestones.get(id), actionTitle: (code) => titles.get(code) };
}

/** "Mijlpaal 'Plan van aanpak' verplaatst van … naar …, reden: … door coordinator (Coördinator)." */
export const eventText = (e: AuditEvent, names: SentenceNames = {}): string => {
  const sentence = eventSentence(e.type, e.data, names);
  return `${sentence}${e.metadata.actor ? ` door ${actorText(e)}` : ''}.`.replace(/([.…!?'])\.$/, '$1');
};

/**
 * The events as a table: position, moment, what (in Dutch), about what, who, and the facts in words;
 * the stored record (type code, data, metadata, hash) one click away.
 */
export function EventsTable({
  events,
  caption,
  withStream = true,
  names = {},
}: {
  events: AuditEvent[];
  caption: string;
  withStream?: boolean;
  names?: SentenceNames;
}) {
  return (
    <Table
      caption={caption}
      rows={events}
      rowKey={(e) => e.id}
      empty="Geen gebeurtenissen gevonden."
      columns={[
        { header: 'Positie', numeric: true, cell: (e) => (withStream ? e.position : `${e.position} (versie ${e.revision + 1})`) },
        { header: 'Tijdstip', cell: (e) => <span class="regie-nowrap">{formatDateTime(e.occurredAt)}</span> },
        {
          header: 'Wat er gebeurde',
          cell: (e) => (
            <>
              <p class="nl-paragraph regie-event__sentence">{eventText(e, names)}</p>
              <details class="regie-event regie-technical">
                <summary>Technische gegevens</summary>
                <pre class="regie-json" tabIndex={0}>
                  {JSON.stringify(
                    {
                      type: e.type,
                      schemaVersion: e.schemaVersion,
                      streamId: e.streamId,
                      data: e.data,
                      metadata: e.metadata,
                      recordedAt: e.recordedAt,
                      hash: e.hash,
                    },
                    null,
                    2,
                  )}
                </pre>
              </details>
              <BeforeAfter event={e} />
            </>
          ),
        },
        ...(withStream
          ? [
              {
                header: 'Onderwerp',
                cell: (e: AuditEvent) => (
                  <A href={`/audit/stromen/${encodeURIComponent(e.streamId)}`}>{subjectLabel(e.streamId, e.data)}</A>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Links to the subject's page as it was just before this event and right after it (the API's asOf). */
function BeforeAfter({ event }: { event: AuditEvent }) {
  const page = pageOfStream(event.streamId);
  if (!page || !timeTravels(page)) return null;
  const at = (instant: string) => `${page}${page.includes('?') ? '&' : '?'}peildatum=${encodeURIComponent(instant)}`;
  const what = `${eventTypeLabel(event.type)} (positie ${event.position})`;
  return (
    <span class="regie-before-after">
      <A href={at(justBefore(event.occurredAt))} label={`Situatie vlak vóór ${what}`}>
        Situatie vlak vóór
      </A>{' '}
      ·{' '}
      <A href={at(event.occurredAt)} label={`Situatie direct na ${what}`}>
        direct na
      </A>
    </span>
  );
}
