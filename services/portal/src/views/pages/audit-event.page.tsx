import type { AuditEvent } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, DataList, H1, H2, P } from '../components';
import { subjectLabel } from '../audit';
import { eventTypeLabel, type SentenceNames } from '../event-labels';
import { formatDateTime, formatNumber } from '../format';
import { Layout } from '../layout';
import type { ActorNames } from '../actors';
import { actorText, BeforeAfter, eventPage, eventText, hasPast, NamesToggle, streamPage, TechnicalRecord } from './audit-events';

/**
 * One event of the history, on a page of its own: what happened in words, when it occurred and
 * when it was recorded, who did it, its subject, the situation just before and right after it, and
 * the stored record (type, data, metadata, hash) as the audit API gives it. The timeline links here,
 * so its rows stay short (a page of 50 events carried 55 KB of records nobody had opened), and an
 * auditor can cite an event by its address.
 */
export function AuditEventPage({
  p,
  event,
  namesOpen,
  actors = {},
  names = {},
}: {
  p: PortalContext;
  event: AuditEvent;
  namesOpen: boolean;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
  /** The titles and names the sentence uses (namesOf). */
  names?: SentenceNames;
}) {
  const subject = subjectLabel(event.streamId, event.data);
  return (
    <Layout
      title={`Gebeurtenis ${formatNumber(event.position)}`}
      section="audit"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      crumbs={[['Audit', '/audit']]}
    >
      <p class="utrecht-pre-heading regie-pre-heading">Gebeurtenis {formatNumber(event.position)}</p>
      <H1>{eventTypeLabel(event.type)}</H1>
      <P lead>{eventText(event, names, actors)}</P>
      <DataList
        items={[
          ['Onderwerp', <A href={streamPage(event.streamId)}>{subject}</A>],
          ['Versie van het onderwerp', formatNumber(event.revision + 1)],
          ['Gebeurd op', formatDateTime(event.occurredAt)],
          ['Vastgelegd op', formatDateTime(event.recordedAt)],
          ['Door', actorText(event, actors)],
          ['Positie in de keten', formatNumber(event.position)],
        ]}
      />
      {hasPast(event) && (
        <P>
          <BeforeAfter event={event} />
        </P>
      )}
      <section aria-labelledby="vastgelegd">
        <H2 id="vastgelegd">Zoals vastgelegd</H2>
        <P>
          <NamesToggle open={namesOpen} at={(open) => eventPage(event, open)} />
        </P>
        <TechnicalRecord event={event} open />
      </section>
    </Layout>
  );
}
