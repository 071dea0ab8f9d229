import type { Party, Person, WerkagendaEntry } from '../../../api/beheer-api';
import type { ActionSummary } from '../../../api/regie-api.models';
import type { PortalContext } from '../../../session/session';
import { A, Alert, Badge, DataList, Disclosure, H1, H2, H3, P, Table } from '../../components';
import { Form, Select, TextArea, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { BeheerLayout, CheckboxGroup } from './beheer-layout';
import { listText, PARTY_ROLE_LABEL, partyText, periodText, personName, textOf } from './beheer-words';
import { compareDutch } from '@regie/calendar';

export interface BeheerWerkagendaProps {
  p: PortalContext;
  werkagenda: WerkagendaEntry;
  actions: ActionSummary[];
  people: Person[];
  errors?: FormErrors;
}

/** Beheer of one werkagenda: title and period, parties, action lines, actions, archiving. */
export function BeheerWerkagendaPage({ p, werkagenda, actions, people, errors }: BeheerWerkagendaProps) {
  const base = `/beheer/werkagendas/${encodeURIComponent(werkagenda.id)}`;
  const manage = p.rights.beheer.werkagendas && !werkagenda.archived;
  const lines = p.rights.beheer.actions && !werkagenda.archived;
  const change = new FormState('werkagenda-wijzigen', errors);
  const archive = new FormState('werkagenda-archiveren', errors);
  const newLine = new FormState('actielijn-nieuw', errors);
  return (
    <BeheerLayout p={p} title={`Beheer: ${werkagenda.title}`} part="werkagendas" crumbs={[['Werkagenda’s', '/beheer']]} errors={errors}>
      <p class="utrecht-pre-heading regie-pre-heading">Werkagenda</p>
      <H1>{werkagenda.title}</H1>
      <DataList
        items={[
          ['Looptijd', periodText(werkagenda.period)],
          ['Status', werkagenda.archived ? <Badge tone="neutral">gearchiveerd</Badge> : <Badge tone="good">lopend</Badge>],
          ...(werkagenda.archived && textOf(werkagenda.archiveReason, ' ')
            ? ([['Reden van archiveren', textOf(werkagenda.archiveReason, ' ')]] as [string, string][])
            : []),
        ]}
      />
      {manage && (
        <Disclosure summary="Titel en looptijd wijzigen" open={change.active}>
          <Form
            f={change}
            action={`${base}/wijzigen`}
            title="Titel en looptijd wijzigen"
            submit="Wijziging opslaan"
            fields={['title', 'from', 'to', 'reason']}
          >
            <TextField f={change} name="title" label="Titel" value={werkagenda.title} required />
            <TextField f={change} name="from" type="date" label="Begint op" value={werkagenda.period.from} required />
            <TextField f={change} name="to" type="date" label="Loopt tot en met" value={werkagenda.period.to} required />
            <TextArea f={change} name="reason" label="Reden van de wijziging" rows={2} required />
          </Form>
        </Disclosure>
      )}

      <section aria-labelledby="partijen">
        <H2 id="partijen">Partijen</H2>
        <Table
          caption="Partijen met hun rol, lidmaatschap en deelname aan de bestuurlijke afspraken"
          rows={werkagenda.parties}
          rowKey={(party) => party.code}
          empty="Deze werkagenda heeft nog geen partijen."
          columns={[
            { header: 'Partij', cell: (party) => `${party.name} (${party.code})` },
            { header: 'Rol en deelname', cell: (party) => partyText(party) },
          ]}
        />
        {manage &&
          werkagenda.parties.map((party) => {
            const f = new FormState(`partij-${party.code}`, errors);
            return (
              <Disclosure key={party.code} summary={`${party.name} wijzigen`} open={f.active}>
                <Form
                  f={f}
                  action={`${base}/partijen/${encodeURIComponent(party.code)}`}
                  title={`${party.name} wijzigen`}
                  submit="Partij opslaan"
                  fields={PARTY_FIELDS}
                >
                  <PartyFields f={f} party={party} />
                  <TextArea f={f} name="reason" label="Reden van de wijziging" rows={2} required />
                </Form>
              </Disclosure>
            );
          })}
        {manage && <PartyForm f={new FormState('partij-nieuw', errors)} action={`${base}/partijen`} />}
      </section>

      <section aria-labelledby="actielijnen">
        <H2 id="actielijnen">Actielijnen</H2>
        {werkagenda.actionLines.length === 0 ? (
          <P>Deze werkagenda heeft nog geen actielijnen.</P>
        ) : (
          <ul class="utrecht-unordered-list">
            {werkagenda.actionLines.map((line) => (
              <li key={line.number}>
                Actielijn {line.number}: {line.title}
              </li>
            ))}
          </ul>
        )}
        {lines &&
          werkagenda.actionLines.map((line) => {
            const f = new FormState(`actielijn-${line.number}`, errors);
            return (
              <Disclosure key={line.number} summary={`Actielijn ${line.number} hernoemen`} open={f.active}>
                <Form
                  f={f}
                  action={`${base}/actielijnen/${line.number}`}
                  title={`Actielijn ${line.number} hernoemen`}
                  submit="Naam opslaan"
                  fields={['title', 'reason']}
                >
                  <TextField f={f} name="title" label="Naam van de actielijn" value={line.title} required />
                  <TextArea f={f} name="reason" label="Reden van de wijziging" rows={2} required />
                </Form>
              </Disclosure>
            );
          })}
        {lines && (
          <Form f={newLine} action={`${base}/actielijnen`} title="Actielijn toevoegen" submit="Actielijn toevoegen" fields={['title']}>
            <TextField
              f={newLine}
              name="title"
              label="Naam van de nieuwe actielijn"
              description={`Zij krijgt nummer ${nextLineNumber(werkagenda)}.`}
              required
            />
          </Form>
        )}
      </section>

      <section aria-labelledby="acties">
        <H2 id="acties">Acties</H2>
        <Table
          caption={`Acties van ${werkagenda.title}`}
          rows={actions}
          rowKey={(a) => a.key}
          empty="Deze werkagenda heeft nog geen acties."
          columns={[
            { header: 'Actie', cell: (a) => `${a.code} ${a.title}` },
            { header: 'Actielijn', cell: (a) => String(a.actionLine) },
            { header: 'Trekkers', cell: (a) => listText(a.actionHolder.parties) || '—' },
            { header: 'Actiehouders', cell: (a) => listText(a.actiehouderPersonIds.map((id) => personName(people, id))) || '—' },
            ...(p.rights.beheer.actions
              ? [
                  {
                    header: 'Beheer',
                    cell: (a: ActionSummary) => (
                      <A href={`/beheer/acties/${encodeURIComponent(a.key)}`} label={`Actie ${a.code} wijzigen`}>
                        Wijzigen
                      </A>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {lines && <DefineActionForm f={new FormState('actie-nieuw', errors)} base={base} werkagenda={werkagenda} people={people} />}
      </section>

      {manage && (
        <section aria-labelledby="archiveren">
          <H2 id="archiveren">Archiveren</H2>
          <Alert kind="warning">
            <P>Een gearchiveerde werkagenda krijgt geen nieuwe acties meer. Wat is vastgelegd blijft te lezen.</P>
          </Alert>
          <Form
            f={archive}
            action={`${base}/archiveren`}
            title="Werkagenda archiveren"
            submit="Werkagenda archiveren"
            kind="secondary"
            fields={['reason']}
          >
            <TextArea f={archive} name="reason" label="Reden van archiveren" rows={2} required />
          </Form>
        </section>
      )}
    </BeheerLayout>
  );
}

export const nextLineNumber = (w: Pick<WerkagendaEntry, 'actionLines'>): number => Math.max(0, ...w.actionLines.map((l) => l.number)) + 1;

export const PARTY_FIELDS = ['code', 'name', 'role', 'memberFrom', 'memberTo', 'ba', 'baSince', 'baSinceText', 'baNote', 'reason'];

function PartyForm({ f, action }: { f: FormState; action: string }) {
  return (
    <Form f={f} action={action} title="Partij toevoegen" submit="Partij toevoegen" fields={PARTY_FIELDS}>
      <H3 id="partij-toevoegen">Partij toevoegen</H3>
      <TextField f={f} name="code" label="Afkorting" description="Hoofdletters en cijfers, bijvoorbeeld VWS of ZN." required />
      <PartyFields f={f} />
    </Form>
  );
}

/** The fields of a party (its code is fixed once added). */
function PartyFields({ f, party }: { f: FormState; party?: Party }) {
  const ba = party?.bestuurlijkeAfspraken;
  return (
    <>
      <TextField f={f} name="name" label="Naam" value={party?.name} required />
      <Select
        f={f}
        name="role"
        label="Rol in de werkagenda"
        value={party?.role ?? 'partner'}
        options={Object.entries(PARTY_ROLE_LABEL) as [string, string][]}
        required
      />
      <TextField f={f} name="memberFrom" type="date" label="Lid vanaf (niet verplicht)" value={party?.memberFrom ?? ''} />
      <TextField f={f} name="memberTo" type="date" label="Lid tot en met (niet verplicht)" value={party?.memberTo ?? ''} />
      <Select
        f={f}
        name="ba"
        label="Deelname aan de bestuurlijke afspraken"
        value={ba ? (ba.participates ? 'ja' : 'nee') : ''}
        options={[
          ['', 'niet vastgelegd'],
          ['ja', 'neemt deel'],
          ['nee', 'neemt niet (meer) deel'],
        ]}
      />
      <TextField f={f} name="baSince" type="date" label="Deelname gewijzigd op (niet verplicht)" value={ba?.since ?? ''} />
      <TextField
        f={f}
        name="baSinceText"
        label="Of in woorden (niet verplicht)"
        description="Als de precieze dag onbekend is, bijvoorbeeld: september 2024."
        value={ba?.sinceText ?? ''}
      />
      <TextArea f={f} name="baNote" label="Toelichting op de deelname (niet verplicht)" rows={2} value={ba?.note ?? ''} />
    </>
  );
}

function DefineActionForm({ f, base, werkagenda, people }: { f: FormState; base: string; werkagenda: WerkagendaEntry; people: Person[] }) {
  return (
    <Form
      f={f}
      action={`${base}/acties`}
      title="Actie toevoegen"
      submit="Actie vastleggen"
      fields={['code', 'title', 'actionLine', 'leadParties', 'actiehouderPersonIds', 'startActivities']}
    >
      <H3 id="actie-toevoegen">Actie toevoegen</H3>
      <TextField f={f} name="code" label="Actiecode" description="Binnen deze werkagenda, bijvoorbeeld 1.1." required />
      <TextField f={f} name="title" label="Titel" required />
      <Select
        f={f}
        name="actionLine"
        label="Actielijn"
        options={werkagenda.actionLines.map((l) => [String(l.number), `${l.number}: ${l.title}`])}
        required
      />
      <CheckboxGroup
        f={f}
        name="leadParties"
        legend="Trekkers (partijen)"
        options={werkagenda.parties.map((party) => [party.code, party.name])}
        checked={[]}
      />
      <CheckboxGroup
        f={f}
        name="actiehouderPersonIds"
        legend="Actiehouders (uit het personenregister)"
        options={activePeople(people)}
        checked={[]}
      />
      <TextArea f={f} name="startActivities" label="Startactiviteiten (niet verplicht)" description="Eén activiteit per regel." rows={3} />
    </Form>
  );
}

/** People one can choose: not forgotten, by name. */
export const activePeople = (people: Person[]): [string, string][] =>
  people
    .filter((person) => !person.forgotten)
    .map((person): [string, string] => [person.id, person.organisation ? `${person.name} (${person.organisation})` : person.name])
    .sort((a, b) => compareDutch(a[1], b[1]));
