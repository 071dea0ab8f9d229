import type { Me } from '../../api/regie-api.models';
import { A, H1, P } from '../components';
import { Layout } from '../layout';

export function ErrorPage({ status, title, message, me }: { status: number; title: string; message: string; me?: Me }) {
  return (
    <Layout title={title} me={me}>
      <H1>{title}</H1>
      <div class="utrecht-alert utrecht-alert--error regie-alert">
        <div class="utrecht-alert__content">
          <p class="nl-paragraph">{message}</p>
        </div>
      </div>
      <P>
        {me ? <A href="/">Naar het overzicht</A> : <A href="/inloggen">Naar de inlogpagina</A>}
        <span class="regie-muted"> (foutcode {status})</span>
      </P>
    </Layout>
  );
}
