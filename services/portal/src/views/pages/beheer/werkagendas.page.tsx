import type { WerkagendaEntry } from '../../../api/beheer-api';
import type { PortalContext } from '../../../session/session';
import { A, Badge, H1, H2, P, Table } from '../../components';
import { Form, TextArea, TextField } from '../../form';
import { count } from '../../format';
import { type FormErrors, FormState } from '../../form-state';
import { BeheerLayout } from './beheer-layout';
import { periodText } from './beheer-words';

/** Beheer: the werkagenda's (title, period in words, status) and, for a beheerder, a new one. */
export function WerkagendasPage({ p, werkagendas, errors }: { p: PortalContext; werkagendas: WerkagendaEntry[]; errors?: FormErrors }) {
  const f = new FormState('werkagenda-nieuw', errors);
  return (
    <BeheerLayout p={p} title="Beheer: werkagenda’s" part="werkagendas" errors={errors}>
      <H1>Werkagenda’s</H1>
      <P lead>
        Elke werkagenda heeft haar eigen partijen, actielijnen, acties en overleggen. Kies een werkagenda om haar gegevens en acties te
        beheren.
      </P>
      <Table
        caption="Werkagenda’s met looptijd en status"
        rows={werkagendas}
        rowKey={(w) => w.id}
        empty="Er zijn nog geen werkagenda’s."
        columns={[
          { header: 'Werkagenda', cell: (w) => <A href={`/beheer/werkagendas/${encodeURIComponent(w.id)}`}>{w.title}</A> },
          { header: 'Looptijd', cell: (w) => periodText(w.period) },
          {
            header: 'Status',
            cell: (w) => (w.archived ? <Badge tone="neutral">gearchiveerd</Badge> : <Badge tone="good">lopend</Badge>),
          },
          {
            header: 'Actielijnen en partijen',
            cell: (w) => `${count(w.actionLines.length, 'actielijn', 'actielijnen')}, ${count(w.parties.length, 'partij', 'partijen')}`,
          },
        ]}
      />
      {p.rights.beheer.werkagendas && (
        <section aria-labelledby="nieuwe-werkagenda">
          <H2 id="nieuwe-werkagenda">Nieuwe werkagenda</H2>
          <P>Partijen voegt u toe nadat de werkagenda is vastgelegd.</P>
          <Form
            f={f}
            action="/beheer/werkagendas"
            title="Nieuwe werkagenda vastleggen"
            submit="Werkagenda vastleggen"
            fields={['id', 'title', 'from', 'to', 'actionLines']}
          >
            <TextField f={f} name="title" label="Titel" required />
            <TextField
              f={f}
              name="id"
              label="Korte naam"
              description="Kleine letters, cijfers en koppeltekens, bijvoorbeeld actieplan-dakloos-wlz-2025. Deze naam verandert niet meer."
              required
            />
            <TextField f={f} name="from" type="date" label="Begint op" required />
            <TextField f={f} name="to" type="date" label="Loopt tot en met" required />
            <TextArea
              f={f}
              name="actionLines"
              label="Actielijnen"
              description="Eén actielijn per regel; ze worden genummerd vanaf 1."
              rows={4}
            />
          </Form>
        </section>
      )}
    </BeheerLayout>
  );
}
