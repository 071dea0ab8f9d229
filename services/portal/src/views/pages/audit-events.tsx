import type { AuditEvent } from '../../api/regie-api.models';
import { A, Table } from '../components';
import { eventSummary, justBefore, pageOfStream, timeTravels } from '../audit';
import { formatDateTime } from '../format';
import { eventLabel } from '../labels';

/** The events as a table: position, moment, what, which stream, who, and the full record on request. */
export function EventsTable({ events, caption, withStream = true }: { events: AuditEvent[]; caption: string; withStream?: boolean }) {
  return (
    <Table
      caption={caption}
      rows={events}
      rowKey={(e) => e.id}
      empty="Geen gebeurtenissen gevonden."
      columns={[
        { header: 'Positie', numeric: true, cell: (e) => (withStream ? e.position : `${e.position} (rev. ${e.revision})`) },
        { header: 'Tijdstip', cell: (e) => <span class="regie-nowrap">{formatDateTime(e.occurredAt)}</span> },
        {
          header: 'Gebeurtenis',
          cell: (e) => (
            <>
              <strong>{eventLabel(e.type)}</strong>
              <br />
              <code>{e.type}</code> v{e.schemaVersion}
            </>
          ),
        },
        ...(withStream
          ? [{ header: 'Stroom', cell: (e: AuditEvent) => <A href={`/audit/stromen/${encodeURIComponent(e.streamId)}`}>{e.streamId}</A> }]
          : []),
        { header: 'Door', cell: (e) => (e.metadata.actor ? `${e.metadata.actor.userId} (${e.metadata.actor.role})` : 'onbekend') },
        {
          header: 'Inhoud',
          cell: (e) => (
            <>
              <details class="regie-event">
                <summary>{eventSummary(e) || 'Bekijk gegevens'}</summary>
                <pre class="regie-json">
                  {JSON.stringify({ data: e.data, metadata: e.metadata, recordedAt: e.recordedAt, hash: e.hash }, null, 2)}
                </pre>
              </details>
              <BeforeAfter event={e} />
            </>
          ),
        },
      ]}
    />
  );
}

/** Links to the subject's page as it was just before this event and right after it (the API's asOf). */
function BeforeAfter({ event }: { event: AuditEvent }) {
  const page = pageOfStream(event.streamId);
  if (!page || !timeTravels(page)) return null;
  const at = (instant: string) => `${page}${page.includes('?') ? '&' : '?'}peildatum=${encodeURIComponent(instant)}`;
  return (
    <span class="regie-before-after">
      <A href={at(justBefore(event.occurredAt))} label={`Situatie vlak vóór ${event.type} op positie ${event.position}`}>
        vlak vóór
      </A>{' '}
      ·{' '}
      <A href={at(event.occurredAt)} label={`Situatie direct na ${event.type} op positie ${event.position}`}>
        direct erna
      </A>
    </span>
  );
}
