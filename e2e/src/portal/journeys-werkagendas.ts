import type { Page } from 'playwright-core';
import { check, flash, type JourneyEnv, menu, session } from './journeys';

/**
 * The portal per werkagenda (issue 16, 17): a coordinator granted in both seeded werkagenda's
 * switches to the actieplan and finds its action 1.1 with the nine pilot regions; a director of
 * the first only never sees the actieplan's actions; the actieplan's own actiehouder, linked to a
 * person, is named on their action and reports on it. Run after the other journeys (it gives the
 * coordinator a second werkagenda, so the header then holds the switcher).
 */
export const FIRST = 'betekenisvol-leven-2025-2028';
export const FIRST_TITLE = 'Een betekenisvol leven met een langdurige psychische aandoening';
export const ACTIEPLAN = 'actieplan-dakloos-wlz-2025';
export const ACTIEPLAN_TITLE = 'Passende zorg voor dakloze mensen met een Wlz-indicatie';
const KEY = `${ACTIEPLAN}:1.1`;
const ACTION_PATH = `/acties/${encodeURIComponent(KEY)}`;
/** An invented name (no real person): the actieplan's actiehouder of 1.1 in this test. */
const HOLDER = 'A. Voorbeeldhouder';
const HOLDER_ACCOUNT = 'actiehouder-actieplan-1.1';
const REPORT = 'Voorbeeld: zes van de negen pilotregio’s hebben een concept plan van aanpak.';

/** The beheerder's setup through the API: the coordinator also in the actieplan; a person and an account for its action 1.1. */
async function setUp(env: JourneyEnv): Promise<void> {
  const login = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'beheerder', password: env.password }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${env.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect({ path, status: response.status < 300 ? 'ok' : `${response.status} ${text}` }).toEqual({ path, status: 'ok' });
    return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
  };
  const accounts = (await api('GET', '/accounts')) as unknown as { id: string; username: string }[];
  const coordinator = accounts.find((a) => a.username === 'coordinator');
  await api('PATCH', `/accounts/${coordinator?.id}`, {
    grants: [
      { role: 'coordinator', werkagendaId: FIRST, actionCodes: [] },
      { role: 'coordinator', werkagendaId: ACTIEPLAN, actionCodes: [] },
    ],
  });
  const person = await api('POST', '/people', { name: HOLDER, function: 'actiehouder', organisation: 'VNG' });
  const account = await api('POST', '/accounts', {
    username: HOLDER_ACCOUNT,
    grants: [{ role: 'actiehouder', werkagendaId: ACTIEPLAN, actionCodes: ['1.1'] }],
    personId: person.id,
  });
  await api('POST', `/accounts/${account.id}/password`, { password: env.password });
  await api('PATCH', `/actions/${encodeURIComponent(KEY)}`, {
    actiehouderPersonIds: [person.id],
    reason: 'Voorbeeld: actiehouder benoemd voor de test',
  });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const preHeading = (page: Page) => page.locator('.regie-pre-heading').first().textContent();

async function switchTo(page: Page, werkagendaId: string): Promise<void> {
  await page.locator('#werkagenda-keuze').selectOption(werkagendaId);
  await page.getByRole('button', { name: 'Wisselen' }).click();
}

/** Coordinator of both: switches to the actieplan, finds 1.1 with its nine regions; none of the first werkagenda's actions there. */
export async function werkagendasJourney(env: JourneyEnv): Promise<void> {
  await setUp(env);
  const page = await session(env, 'coordinator');
  await expect(page.locator('#werkagenda-keuze option').allTextContents()).resolves.toEqual([FIRST_TITLE, ACTIEPLAN_TITLE]);
  await expect(preHeading(page)).resolves.toBe(FIRST_TITLE); // the first they hold, by default
  await check(env, page, 'werkagendas-1-kiezen');

  await menu(page).getByRole('link', { name: 'Werkagenda' }).click();
  await switchTo(page, ACTIEPLAN);
  await page.waitForURL(`${env.baseUrl}/werkagenda`); // the same section, now of the actieplan
  await expect(heading(page)).resolves.toBe(ACTIEPLAN_TITLE);
  await expect(page.title()).resolves.toContain(ACTIEPLAN_TITLE);
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: /^1\.1 Ondersteuning pilotregio/ }).count()).resolves.toBe(1);
  await expect(main.getByRole('link', { name: /^2\.1 / }).count()).resolves.toBe(0); // none of the first werkagenda's actions
  await expect(main.getByRole('link', { name: /^\d\.\d / }).count()).resolves.toBe(1);
  await expect(main.textContent()).resolves.toContain(HOLDER); // the actiehouder by name, from the people directory
  await check(env, page, 'werkagendas-2-actieplan');

  await main.getByRole('link', { name: /^1\.1 Ondersteuning pilotregio/ }).click();
  expect(new URL(page.url()).pathname).toBe(ACTION_PATH);
  await expect(preHeading(page)).resolves.toBe(`Actie 1.1 · ${ACTIEPLAN_TITLE}`);
  await expect(main.textContent()).resolves.not.toContain(KEY);
  const regions = page.getByRole('table', { name: /Regio’s van actie 1\.1/ });
  await expect(regions.locator('tbody tr').count()).resolves.toBe(9);
  await expect(regions.textContent()).resolves.toMatch(/Zorgkantoorregio Zwolle.*(juli|augustus|september) 2025 tot en met \w+ 202\d/);
  await expect(page.locator('details.regie-region-group').count()).resolves.toBe(9); // the mijlpalen grouped per region
  await expect(page.locator('.regie-data-list').textContent()).resolves.toContain(`Actiehouder${HOLDER}`);
  await expect(page.getByRole('button', { name: 'Voortgang rapporteren' }).count()).resolves.toBe(1); // a coordinator of this werkagenda
  await check(env, page, 'werkagendas-3-actie-1.1');

  await menu(page).getByRole('link', { name: 'Mijlpalen' }).click();
  await expect(main.textContent()).resolves.toContain('Zorgkantoorregio Zwolle');
  const codes = await main.locator('table tbody tr td:first-child').allTextContents();
  expect(codes.length).toBeGreaterThan(0);
  expect([...new Set(codes)]).toEqual(['1.1']);
  await check(env, page, 'werkagendas-4-mijlpalen-actieplan');

  await switchTo(page, FIRST);
  await page.waitForURL(`${env.baseUrl}/mijlpalen`);
  await expect(main.textContent()).resolves.not.toContain('Zorgkantoorregio Zwolle');
  await page.context().close();
}

/** Director of the first werkagenda only: no switcher, no actieplan action anywhere; its page is not found. */
export async function oneWerkagendaJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'director');
  await expect(page.getByRole('button', { name: 'Wisselen' }).count()).resolves.toBe(0);
  await expect(page.locator('.regie-switcher').textContent()).resolves.toBe(`Werkagenda: ${FIRST_TITLE}`);
  for (const path of ['/werkagenda', '/mijlpalen', '/knelpunten', '/voortgangsrapportage']) {
    await page.goto(`${env.baseUrl}${path}`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect({ path, actieplan: /Ondersteuning pilotregio|Zorgkantoorregio|actieplan-dakloos/.test(text) }).toEqual({
      path,
      actieplan: false,
    });
  }
  const refused = await page.goto(`${env.baseUrl}${ACTION_PATH}`);
  expect(refused?.status()).toBe(404);
  await check(env, page, 'werkagendas-5-directeur-niet-gevonden');
  await page.context().close();
}

/** The actieplan's actiehouder of 1.1: named on their action (not "Nog niet benoemd"), reports on it; the first werkagenda is not theirs. */
export async function actieplanActiehouderJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, HOLDER_ACCOUNT);
  await expect(page.locator('.regie-switcher').textContent()).resolves.toBe(`Werkagenda: ${ACTIEPLAN_TITLE}`);
  await page.getByRole('link', { name: 'Voortgang van actie 1.1 rapporteren' }).click();
  expect(new URL(page.url()).pathname).toBe(ACTION_PATH);
  const facts = (await page.locator('.regie-data-list').textContent()) ?? '';
  expect(facts).toContain(HOLDER);
  expect(facts).not.toContain('Nog niet benoemd');
  await page.getByRole('radio', { name: /Oranje/ }).check();
  await page.getByLabel('Toelichting').fill(REPORT);
  await page.getByRole('button', { name: 'Voortgang rapporteren' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Uw voortgangsrapportage is opgeslagen.');
  await expect(page.locator('.regie-timeline').last().textContent()).resolves.toContain(REPORT);
  await check(env, page, 'werkagendas-6-actiehouder-actieplan');
  const other = await page.goto(`${env.baseUrl}/acties/2.1`);
  expect(other?.status()).toBe(404);
  await page.goto(`${env.baseUrl}/werkagenda`);
  await expect(
    page
      .locator('main')
      .getByRole('link', { name: /^2\.1 / })
      .count(),
  ).resolves.toBe(0);
  await page.context().close();
}
