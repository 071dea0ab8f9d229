import type { Person } from '../../../api/beheer-api';
import type { PortalContext } from '../../../session/session';
import { A, Alert, ButtonLink, H1, H2, P, Table } from './beheer-bits';
import { ButtonForm, Form, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { BeheerLayout } from './beheer-layout';
import { personFunction } from './beheer-words';
import { compareDutch } from '@regie/calendar';

const personHref = (person: Pick<Person, 'id'>) => `/beheer/personen/${encodeURIComponent(person.id)}`;

/** The people directory: who can be actiehouder, chair or owner of an action point, by name. */
export function PeoplePage({ p, people, errors }: { p: PortalContext; people: Person[]; errors?: FormErrors }) {
  const f = new FormState('persoon-nieuw', errors);
  const shown = [...people].sort((a, b) => Number(a.forgotten) - Number(b.forgotten) || compareDutch(a.name, b.name));
  return (
    <BeheerLayout p={p} title="Beheer: personen" part="personen" errors={errors}>
      <H1>Personen</H1>
      <P lead>
        Het personenregister: de mensen die actiehouder, voorzitter of eigenaar van een actiepunt kunnen zijn. Namen zijn persoonsgegevens:
        ze worden versleuteld bewaard en kunnen worden vergeten.
      </P>
      <Table
        caption="Personen in het register"
        rows={shown}
        rowKey={(person) => person.id}
        empty="Er staan nog geen personen in het register."
        columns={[
          { header: 'Naam', cell: (person) => (person.forgotten ? <span class="regie-muted">vergeten persoon</span> : person.name) },
          { header: 'Functie', cell: (person) => personFunction(person) || '—' },
          { header: 'Organisatie', cell: (person) => person.organisation || '—' },
          {
            header: 'Beheer',
            cell: (person) =>
              person.forgotten ? (
                '—'
              ) : (
                <A href={personHref(person)} label={`${person.name} wijzigen`}>
                  Wijzigen
                </A>
              ),
          },
        ]}
      />
      <section aria-labelledby="persoon-opnemen">
        <H2 id="persoon-opnemen">Persoon opnemen</H2>
        <Form
          f={f}
          action="/beheer/personen"
          title="Persoon opnemen"
          submit="Persoon opnemen"
          fields={['name', 'function', 'organisation']}
        >
          <TextField f={f} name="name" label="Naam" description="Zoals hij op de schermen staat, bijvoorbeeld C. de Vries." required />
          <TextField f={f} name="function" label="Functie (niet verplicht)" description="Bijvoorbeeld: coördinator werkagenda." />
          <TextField f={f} name="organisation" label="Organisatie" description="Een partijcode zoals VWS of ZN, of de naam." required />
        </Form>
      </section>
    </BeheerLayout>
  );
}

/** One person: change their name, function or organisation; forgetting is one step further. */
export function PersonPage({ p, person, errors }: { p: PortalContext; person: Person; errors?: FormErrors }) {
  const f = new FormState('persoon-wijzigen', errors);
  return (
    <BeheerLayout p={p} title={`Beheer: ${person.name}`} part="personen" crumbs={[['Personen', '/beheer/personen']]} errors={errors}>
      <p class="utrecht-pre-heading regie-pre-heading">Persoon</p>
      <H1>{person.name}</H1>
      <Form
        f={f}
        action={personHref(person)}
        title="Persoon wijzigen"
        submit="Wijziging opslaan"
        fields={['name', 'function', 'organisation']}
      >
        <TextField f={f} name="name" label="Naam" value={person.name} required />
        <TextField f={f} name="function" label="Functie (niet verplicht)" value={personFunction(person)} />
        <TextField f={f} name="organisation" label="Organisatie" value={person.organisation} required />
      </Form>
      <section aria-labelledby="vergeten">
        <H2 id="vergeten">Vergeten</H2>
        <P>Wil deze persoon niet langer in Regie staan? Dan kunt u de naam vergeten. U krijgt eerst te zien wat dat betekent.</P>
        <ButtonLink href={`${personHref(person)}/vergeten`}>Deze persoon vergeten…</ButtonLink>
      </section>
    </BeheerLayout>
  );
}

/** The confirmation step: what forgetting does, before it is done. */
export function ForgetPersonPage({ p, person, errors }: { p: PortalContext; person: Person; errors?: FormErrors }) {
  const f = new FormState('persoon-vergeten', errors);
  return (
    <BeheerLayout
      p={p}
      title={`Beheer: ${person.name} vergeten`}
      part="personen"
      crumbs={[
        ['Personen', '/beheer/personen'],
        [person.name, personHref(person)],
      ]}
      errors={errors}
    >
      <H1>{person.name} vergeten?</H1>
      <Alert kind="warning" title="Vergeten kan niet ongedaan worden gemaakt">
        <ul class="utrecht-unordered-list">
          <li>De naam van deze persoon wordt onleesbaar: de sleutel waarmee hij versleuteld is, wordt vernietigd.</li>
          <li>Overal waar de naam stond, in de werkagenda, overleggen en de geschiedenis, staat daarna “[verwijderd]”.</li>
          <li>Wat er is vastgelegd blijft bestaan: besluiten, acties en voortgang houden hun inhoud, alleen zonder deze naam.</li>
          <li>Staat de naam ook in vrije tekst, zoals een toelichting? Dan hoort u daarna hoe vaak, zodat de auditor dat kan nagaan.</li>
        </ul>
      </Alert>
      <ButtonForm f={f} action={`${personHref(person)}/vergeten`} label="Ja, deze persoon definitief vergeten" kind="primary" />
      <P>
        <A href={personHref(person)}>Nee, terug naar {person.name}</A>
      </P>
    </BeheerLayout>
  );
}
