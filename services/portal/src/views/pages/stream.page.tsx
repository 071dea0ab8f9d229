import type { AuditStream } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, H1, P } from '../components';
import { pageOfStream, subjectLabel } from '../audit';
import { Layout } from '../layout';
import type { ActorNames } from '../actors';
import type { SentenceNames } from '../event-labels';
import { EventsTable, NamesToggle, streamPage } from './audit-events';

/** One stream's complete history, revision by revision. */
export function StreamPage({
  p,
  stream,
  namesOpen,
  actors = {},
  names = {},
}: {
  p: PortalContext;
  stream: AuditStream;
  namesOpen: boolean;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
  /** The titles and names the sentences use (namesOf). */
  names?: SentenceNames;
}) {
  const page = pageOfStream(stream.stream);
  const subject = subjectLabel(stream.stream, stream.events.find((e) => e.data && typeof e.data === 'object')?.data);
  return (
    <Layout
      title={`Geschiedenis: ${subject}`}
      section="audit"
      me={p.me}
      werkagendas={p.werkagendas}
      flash={p.flash}
      crumbs={[['Audit', '/audit']]}
    >
      <p class="utrecht-pre-heading regie-pre-heading">Geschiedenis van</p>
      <H1>{subject}</H1>
      <P>
        {stream.events.length === 1 ? '1 gebeurtenis' : `${stream.events.length} gebeurtenissen`}, in de volgorde waarin ze zijn vastgelegd.{' '}
        {page && <A href={page}>Naar de pagina van dit onderwerp</A>}
      </P>
      <P>
        <NamesToggle open={namesOpen} at={(open) => streamPage(stream.stream, open)} />
      </P>
      <EventsTable
        events={stream.events}
        caption={`Geschiedenis van ${subject}`}
        withStream={false}
        actors={actors}
        names={names}
        namesOpen={namesOpen}
      />
    </Layout>
  );
}
