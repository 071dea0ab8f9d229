import type { Page } from 'playwright-core';
import { logIn, newUserContext } from './browser';
import { check, expectInViewport, flash, type JourneyEnv, menu, session, withoutJavaScript } from './journeys';

export const NEW_WERKAGENDA = 'Proeftuin samenwerking ggz en wonen';
const NEW_ID = 'proeftuin-ggz-wonen-2027';
const PERSON = 'R. de Proef';

const beheer = (page: Page) => page.getByRole('navigation', { name: 'Beheer' });

/**
 * Beheerder: sets up a new werkagenda with a party and an action, registers a person (in a
 * browser without JavaScript, on a phone), makes an account for that person as coordinator of the
 * new werkagenda with a password shown once; that person then logs in and finds the werkagenda.
 * Refusals of the API (a period that ends before it starts, a used name, a bad username) show on
 * the form, in Dutch, next to the field.
 */
export async function beheerderJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'beheerder');
  await menu(page).getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Werkagenda’s');
  await expect(page.getByRole('table', { name: /Werkagenda’s met looptijd/ }).textContent()).resolves.toContain(
    '1 januari 2025 tot en met 31 december 2028',
  );
  await check(env, page, 'beheerder-1-werkagendas');

  // A new werkagenda: first refused (the period ends before it starts), then established.
  const create = page.getByRole('form', { name: 'Nieuwe werkagenda vastleggen' });
  await create.getByLabel('Titel').fill(NEW_WERKAGENDA);
  await create.getByLabel('Korte naam').fill(NEW_ID);
  await create.getByLabel('Begint op').fill('2027-01-01');
  await create.getByLabel('Loopt tot en met').fill('2026-12-31');
  await create.getByLabel('Actielijnen').fill('Wonen met begeleiding\nSamenwerking in de wijk');
  await create.getByRole('button', { name: 'Werkagenda vastleggen' }).click();
  await expect(page.locator('#werkagenda-nieuw-to-fout').textContent()).resolves.toContain('het einde van de periode ligt vóór het begin');
  await expect(page.getByRole('form', { name: 'Nieuwe werkagenda vastleggen' }).getByLabel('Titel').inputValue()).resolves.toBe(
    NEW_WERKAGENDA,
  );
  await page.getByRole('form', { name: 'Nieuwe werkagenda vastleggen' }).getByLabel('Loopt tot en met').fill('2028-12-31');
  await page.getByRole('button', { name: 'Werkagenda vastleggen' }).click();
  await expect(flash(page).textContent()).resolves.toBe('De werkagenda is vastgelegd. Voeg nu haar partijen toe.');
  await expectInViewport(page);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NEW_WERKAGENDA);
  await expect(page.getByText('1 januari 2027 tot en met 31 december 2028').count()).resolves.toBe(1);

  // A party with its role and membership, then an action with a lead party and an actiehouder from the directory.
  const party = page.getByRole('form', { name: 'Partij toevoegen' });
  await party.getByLabel('Afkorting').fill('VWS');
  await party.getByLabel('Naam', { exact: true }).fill('Ministerie van VWS');
  await party.getByLabel('Rol in de werkagenda').selectOption('penvoerder');
  await party.getByLabel('Lid vanaf (niet verplicht)').fill('2027-01-01');
  await party.getByLabel('Deelname aan de bestuurlijke afspraken').selectOption('ja');
  await party.getByRole('button', { name: 'Partij toevoegen' }).click();
  await expect(flash(page).textContent()).resolves.toBe('De partij is toegevoegd.');
  await expect(page.getByRole('table', { name: /Partijen met hun rol/ }).textContent()).resolves.toContain(
    'penvoerder; lid vanaf 1 januari 2027; neemt deel aan de bestuurlijke afspraken',
  );

  const action = page.getByRole('form', { name: 'Actie toevoegen' });
  await action.getByLabel('Actiecode').fill('1.1');
  await action.getByLabel('Titel').fill('Woonplekken met begeleiding in kaart');
  await action.getByLabel('Actielijn').selectOption({ label: '1: Wonen met begeleiding' });
  await action.getByRole('checkbox', { name: 'Ministerie van VWS' }).check();
  await action.getByRole('checkbox', { name: 'M. Jansen (VNG)' }).check();
  await action.getByRole('button', { name: 'Actie vastleggen' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Actie 1.1 is vastgelegd.');
  const actions = page.getByRole('table', { name: `Acties van ${NEW_WERKAGENDA}` });
  await expect(actions.textContent()).resolves.toContain('1.1 Woonplekken met begeleiding in kaart');
  await expect(actions.textContent()).resolves.toContain('M. Jansen');
  await check(env, page, 'beheerder-2-werkagenda');

  // The same werkagenda again: 409, said on the form.
  await menu(page).getByRole('link', { name: 'Beheer' }).click();
  const again = page.getByRole('form', { name: 'Nieuwe werkagenda vastleggen' });
  await again.getByLabel('Titel').fill('Nog een keer');
  await again.getByLabel('Korte naam').fill(NEW_ID);
  await again.getByLabel('Begint op').fill('2027-01-01');
  await again.getByLabel('Loopt tot en met').fill('2027-12-31');
  await again.getByRole('button', { name: 'Werkagenda vastleggen' }).click();
  await expect(page.locator('#werkagenda-nieuw-fouten').textContent()).resolves.toMatch(/al/);

  // A person, registered on a phone in a browser that runs no scripts.
  await withoutJavaScript(env, 'beheerder', 'Beheer', async (phone) => {
    await beheer(phone).getByRole('link', { name: 'Personen' }).click();
    const register = phone.getByRole('form', { name: 'Persoon opnemen' });
    await register.getByLabel('Naam').fill(PERSON);
    await register.getByLabel('Functie (niet verplicht)').fill('coördinator proeftuin');
    await register.getByLabel('Organisatie').fill('VWS');
    await register.getByRole('button', { name: 'Persoon opnemen' }).click();
    await expect(flash(phone).textContent()).resolves.toBe(`${PERSON} is opgenomen in het personenregister.`);
    await expect(phone.getByRole('table', { name: 'Personen in het register' }).textContent()).resolves.toContain(PERSON);
  });
  await beheer(page).getByRole('link', { name: 'Personen' }).click();
  await check(env, page, 'beheerder-3-personen');

  // An account for that person, coordinator in the new werkagenda: a bad username is refused next to the field.
  await beheer(page).getByRole('link', { name: 'Accounts' }).click();
  const account = () => page.getByRole('form', { name: 'Account maken' });
  await account().getByLabel('Gebruikersnaam').fill('R de Proef');
  await account()
    .getByLabel('Persoon', { exact: true })
    .selectOption({ label: `${PERSON} (VWS)` });
  await account().getByLabel('Rol').selectOption('coordinator');
  await account().getByLabel('In werkagenda').selectOption({ label: NEW_WERKAGENDA });
  await account().getByRole('button', { name: 'Account maken' }).click();
  await expect(page.locator('#account-nieuw-username-fout').textContent()).resolves.toContain('gebruik alleen kleine letters');
  await account().getByLabel('Gebruikersnaam').fill('r.deproef');
  await account()
    .getByLabel('Persoon', { exact: true })
    .selectOption({ label: `${PERSON} (VWS)` });
  await account().getByLabel('Rol').selectOption('coordinator');
  await account().getByLabel('In werkagenda').selectOption({ label: NEW_WERKAGENDA });
  await account().getByRole('button', { name: 'Account maken' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Het account r.deproef is gemaakt.');
  const row = page.getByRole('row').filter({ hasText: 'r.deproef' });
  await expect(row.textContent()).resolves.toContain(`${PERSON}coördinator in ${NEW_WERKAGENDA}`);
  await check(env, page, 'beheerder-4-accounts');

  // A password of its own, shown once.
  await page.getByRole('link', { name: 'Account r.deproef beheren' }).click();
  await page.getByRole('button', { name: 'Nieuw wachtwoord maken' }).click();
  const password = (await page.locator('code.regie-password').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  await check(env, page, 'beheerder-5-account');
  await page.goto(page.url().split('#')[0]);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('r.deproef');
  await expect(page.locator('code.regie-password').count()).resolves.toBe(0);
  await page.context().close();

  // The new coordinator logs in and finds the new werkagenda, with its action.
  const context = await newUserContext(env.browser);
  const own = await context.newPage();
  await logIn(own, env.baseUrl, 'r.deproef', password);
  await menu(own).getByRole('link', { name: 'Beheer' }).click();
  await own.getByRole('link', { name: NEW_WERKAGENDA }).click();
  await expect(own.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NEW_WERKAGENDA);
  await expect(own.getByRole('table', { name: `Acties van ${NEW_WERKAGENDA}` }).textContent()).resolves.toContain('1.1');
  await expect(own.getByRole('form', { name: 'Actie toevoegen' }).count()).resolves.toBe(1);
  await check(env, own, 'nieuwe-coordinator-1-werkagenda');
  await context.close();
}
