import type { Account, Person, WerkagendaEntry } from '../../../api/beheer-api';
import type { PortalContext } from '../../../session/session';
import { ButtonForm, Form, Select, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { A, Alert, Badge, DataList, H1, H2, P, Table } from './beheer-bits';
import { BeheerLayout } from './beheer-layout';
import { ALL_WERKAGENDAS, GRANT_ROLE_LABEL, grantsText, grantText, personName } from './beheer-words';
import { activePeople } from './werkagenda.page';
import { compareDutch } from '@regie/calendar';

const accountHref = (account: Pick<Account, 'id'>) => `/beheer/accounts/${encodeURIComponent(account.id)}`;

export const GRANT_FIELDS = ['role', 'werkagendaId', 'actionCodes'];

/** Role, werkagenda and (for an actiehouder) actions: one right. */
function GrantFields({ f, werkagendas }: { f: FormState; werkagendas: WerkagendaEntry[] }) {
  return (
    <>
      <Select f={f} name="role" label="Rol" options={Object.entries(GRANT_ROLE_LABEL) as [string, string][]} required />
      <Select
        f={f}
        name="werkagendaId"
        label="In werkagenda"
        options={[...werkagendas.map((w): [string, string] => [w.id, w.title]), [ALL_WERKAGENDAS, 'Alle werkagenda’s']]}
        required
      />
      <TextField
        f={f}
        name="actionCodes"
        label="Acties (alleen voor een actiehouder)"
        description="De actiecodes binnen die werkagenda, gescheiden door komma’s, bijvoorbeeld 1.1, 1.2."
      />
    </>
  );
}

/** The local accounts: username, person, rights in words; a new account. */
export function AccountsPage({
  p,
  accounts,
  people,
  werkagendas,
  errors,
}: {
  p: PortalContext;
  accounts: Account[];
  people: Person[];
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
}) {
  const f = new FormState('account-nieuw', errors);
  return (
    <BeheerLayout p={p} title="Beheer: accounts" part="accounts" errors={errors}>
      <H1>Accounts</H1>
      <P lead>Wie mag inloggen, en met welke rechten in welke werkagenda.</P>
      <Table
        caption="Accounts met persoon en rechten"
        rows={[...accounts].sort((a, b) => compareDutch(a.username, b.username))}
        rowKey={(a) => a.id}
        empty="Er zijn nog geen accounts."
        columns={[
          {
            header: 'Gebruikersnaam',
            cell: (a) => (
              <A href={accountHref(a)} label={`Account ${a.username} beheren`}>
                {a.username}
              </A>
            ),
          },
          { header: 'Persoon', cell: (a) => (a.personId ? personName(people, a.personId) : <span class="regie-muted">geen</span>) },
          { header: 'Rechten', cell: (a) => grantsText(a, werkagendas) },
          { header: 'Status', cell: (a) => (a.disabled ? <Badge tone="bad">uitgeschakeld</Badge> : <Badge tone="good">actief</Badge>) },
        ]}
      />
      <section aria-labelledby="account-maken">
        <H2 id="account-maken">Account maken</H2>
        <P>Een nieuw account logt in met het gedeelde wachtwoord van de lokale accounts, tot u een eigen wachtwoord laat maken.</P>
        <Form
          f={f}
          action="/beheer/accounts"
          title="Account maken"
          submit="Account maken"
          fields={['username', 'personId', ...GRANT_FIELDS]}
        >
          <TextField
            f={f}
            name="username"
            label="Gebruikersnaam"
            description="Kleine letters, cijfers, - en ., bijvoorbeeld c.devries."
            autoComplete="off"
            required
          />
          <Select f={f} name="personId" label="Persoon" options={[['', 'geen persoon'], ...activePeople(people)]} />
          <GrantFields f={f} werkagendas={werkagendas} />
        </Form>
      </section>
    </BeheerLayout>
  );
}

/** One account: its rights (add, withdraw), its person, disable or enable, a new password. */
export function AccountPage({
  p,
  account,
  people,
  werkagendas,
  errors,
  newPassword,
}: {
  p: PortalContext;
  account: Account;
  people: Person[];
  werkagendas: WerkagendaEntry[];
  errors?: FormErrors;
  /** Just made by Regie: shown this once, never stored by the portal. */
  newPassword?: string;
}) {
  const base = accountHref(account);
  const grant = new FormState('recht-nieuw', errors);
  const link = new FormState('persoon-koppelen', errors);
  return (
    <BeheerLayout
      p={p}
      title={`Beheer: account met gebruikersnaam ${account.username}`}
      part="accounts"
      crumbs={[['Accounts', '/beheer/accounts']]}
      errors={errors}
    >
      {/* The login name is what identifies an account here: said as such, the person beside it. */}
      <p class="utrecht-pre-heading regie-pre-heading">Account met gebruikersnaam</p>
      <H1>{account.username}</H1>
      <DataList
        items={[
          ['Persoon', personName(people, account.personId)],
          ['Status', account.disabled ? <Badge tone="bad">uitgeschakeld</Badge> : <Badge tone="good">actief</Badge>],
          ['Wachtwoord', account.ownPassword ? 'eigen wachtwoord' : 'gedeeld wachtwoord van de lokale accounts'],
        ]}
      />

      <section aria-labelledby="rechten">
        <H2 id="rechten">Rechten</H2>
        {account.grants.length === 0 ? (
          <P>Dit account heeft geen rechten: het kan inloggen, maar niets zien of doen.</P>
        ) : (
          <ul class="utrecht-unordered-list regie-grants">
            {account.grants.map((g, n) => (
              <li key={`${g.role}-${g.werkagendaId}-${n}`}>
                {grantText(g, werkagendas)}{' '}
                <ButtonForm
                  f={new FormState(`recht-${n}-intrekken`, errors)}
                  action={`${base}/rechten/${n}/intrekken`}
                  label="Intrekken"
                  accessibleLabel={`Recht ${grantText(g, werkagendas)} intrekken`}
                />
              </li>
            ))}
          </ul>
        )}
        <Form f={grant} action={`${base}/rechten`} title="Recht toevoegen" submit="Recht toevoegen" fields={GRANT_FIELDS}>
          <GrantFields f={grant} werkagendas={werkagendas} />
        </Form>
      </section>

      <section aria-labelledby="persoon">
        <H2 id="persoon">Persoon</H2>
        <Form f={link} action={`${base}/persoon`} title="Persoon koppelen" submit="Persoon koppelen" fields={['personId']}>
          <Select
            f={link}
            name="personId"
            label="Persoon bij dit account"
            value={account.personId ?? ''}
            options={[['', 'geen persoon'], ...activePeople(people)]}
          />
        </Form>
      </section>

      <section aria-labelledby="toegang">
        <H2 id="toegang">Toegang</H2>
        {account.disabled ? (
          <>
            <P>Dit account is uitgeschakeld: het kan niet inloggen.</P>
            <ButtonForm f={new FormState('account-inschakelen', errors)} action={`${base}/inschakelen`} label="Account inschakelen" />
          </>
        ) : (
          <>
            <P>Een uitgeschakeld account kan niet inloggen; wie nu is ingelogd, wordt bij de volgende stap geweigerd.</P>
            <ButtonForm f={new FormState('account-uitschakelen', errors)} action={`${base}/uitschakelen`} label="Account uitschakelen" />
          </>
        )}
        <H2 id="wachtwoord">Wachtwoord</H2>
        <Alert kind="info">
          <P>Regie maakt een nieuw wachtwoord en toont het één keer. Het vorige wachtwoord werkt daarna niet meer.</P>
        </Alert>
        {newPassword && (
          <div class="utrecht-alert utrecht-alert--ok regie-alert" role="status">
            <div class="utrecht-alert__content">
              <p class="nl-paragraph regie-alert__title">Het nieuwe wachtwoord van gebruikersnaam {account.username}:</p>
              <p class="nl-paragraph">
                <code class="regie-password">{newPassword}</code>
              </p>
              <p class="nl-paragraph">
                Geef het veilig door. Dit is de enige keer dat het wordt getoond: Regie bewaart alleen een onleesbare afgeleide ervan.
              </p>
            </div>
          </div>
        )}
        <ButtonForm f={new FormState('wachtwoord-nieuw', errors)} action={`${base}/wachtwoord`} label="Nieuw wachtwoord maken" />
      </section>
    </BeheerLayout>
  );
}
