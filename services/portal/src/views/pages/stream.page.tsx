import type { AuditStream } from '../../api/regie-api.types';
import type { PortalContext } from '../../session/session';
import { A, H1, P } from '../components';
import { pageOfStream } from '../audit';
import { Layout } from '../layout';
import { EventsTable } from './audit-events';

/** One stream's complete history, revision by revision. */
export function StreamPage({ p, stream }: { p: PortalContext; stream: AuditStream }) {
  const page = pageOfStream(stream.stream);
  return (
    <Layout title={`Stroom ${stream.stream}`} section="audit" me={p.me} flash={p.flash} crumbs={[['Audit', '/audit']]}>
      <p class="utrecht-pre-heading regie-pre-heading">Stroom</p>
      <H1>{stream.stream}</H1>
      <P>
        {stream.events.length} gebeurtenissen, in volgorde van revisie.{' '}
        {page && <A href={page}>Naar de pagina van dit onderwerp</A>}
      </P>
      <EventsTable events={stream.events} caption={`Geschiedenis van ${stream.stream}`} withStream={false} />
    </Layout>
  );
}
