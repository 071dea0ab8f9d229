import { ACTION_POINT, check, DECISION, flash, type JourneyEnv, menu, session, withoutJavaScript } from './journeys';

export const NOTES = 'De pilotregio Zwolle heeft het plan van aanpak besproken met zorgkantoor en gemeente.';
const CORRECTED = 'De kerngroep stemt in met het plan van aanpak voor de pilotregio’s Zwolle en Zeeland.';

/**
 * Coordinator, after holding the kerngroep of 8 December (coordinatorJourney): records who was
 * there and notes per agenda item, prints the verslag, finds the decision in the besluitenlijst
 * (filtered, as CSV) and corrects it with a reason, and hands an action point over in the actielijst.
 */
export async function minutesJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'coordinator');
  await page.goto(`${env.baseUrl}/overleggen?soort=kerngroep`);
  await page
    .getByRole('table', { name: /Komende overleggen/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kerngroepoverleg van dinsdag 8 december 2026');
  const base = page.url().split('#')[0];

  // Attendance: a name both present and absent is refused next to the field; then recorded.
  const attendance = page.getByRole('form', { name: 'Aanwezigheid vastleggen' });
  await attendance.getByLabel('Aanwezig', { exact: true }).fill('VWS\nZN');
  await attendance.getByLabel('Afgemeld').fill('zn');
  await attendance.getByRole('button', { name: 'Aanwezigheid vastleggen' }).click();
  await expect(page.locator('#aanwezigheid-absent-fout').textContent()).resolves.toContain('zowel bij aanwezig als bij afgemeld');
  await page.getByRole('form', { name: 'Aanwezigheid vastleggen' }).getByLabel('Aanwezig', { exact: true }).fill('VWS\nZN\nVNG');
  await page.getByRole('form', { name: 'Aanwezigheid vastleggen' }).getByLabel('Afgemeld').fill('MIND');
  await page.getByRole('button', { name: 'Aanwezigheid vastleggen' }).click();
  await expect(flash(page).textContent()).resolves.toBe('De aanwezigheid is vastgelegd.');
  await expect(page.locator('#verslag-inhoud ~ .regie-data-list, #verslag-inhoud ~ dl').first().textContent()).resolves.toContain(
    'VWS, ZN, VNG',
  );

  // Notes with the first agenda item.
  const notes = page.getByRole('form', { name: /^Aantekeningen bij / }).first();
  await notes.getByLabel('Aantekeningen').fill(NOTES);
  await notes.getByRole('button', { name: 'Aantekeningen opslaan' }).click();
  await expect(flash(page).textContent()).resolves.toBe('De aantekeningen zijn opgeslagen.');
  await check(env, page, 'verslag-1-aanwezigheid-en-aantekeningen');

  // The printable verslag.
  await page.getByRole('link', { name: 'Verslag afdrukken' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Verslag Kerngroepoverleg');
  const printed = (await page.textContent('body')) ?? '';
  for (const text of ['VWS, ZN, VNG', 'MIND', NOTES, DECISION, ACTION_POINT, 'Afgedrukt op 8 december 2026'])
    expect(printed).toContain(text);
  // Its own print styles apply (the portal lets its inline stylesheet through, nothing else).
  await expect(page.locator('h1').evaluate((h1) => getComputedStyle(h1).color)).resolves.toBe('rgb(21, 66, 115)');
  await check(env, page, 'verslag-2-afdrukken');

  // The besluitenlijst: across meetings, filtered, as CSV, corrected with a reason.
  await page.goto(base);
  await menu(page).getByRole('link', { name: 'Besluitenlijst' }).click();
  await expect(page.getByRole('table', { name: /Besluiten/ }).textContent()).resolves.toContain(DECISION);
  await check(env, page, 'verslag-3-besluitenlijst');
  // The filter is a plain GET form: it finds the decision without JavaScript too.
  await withoutJavaScript(env, 'coordinator', 'Besluitenlijst', async (bare) => {
    await bare.getByLabel('Zoeken in tekst').fill('Zwolle');
    await bare.getByRole('button', { name: 'Tonen' }).click();
    await expect(bare.getByRole('table', { name: /Besluiten/ }).textContent()).resolves.toContain(DECISION);
  });
  await page.getByLabel('Overlegvorm').selectOption('regiegroep');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page.getByText('Er zijn geen besluiten die aan deze filters voldoen.').count()).resolves.toBe(1);
  await page.getByLabel('Overlegvorm').selectOption('');
  await page.getByLabel('Zoeken in tekst').fill('Zwolle');
  await page.getByRole('button', { name: 'Tonen' }).click();
  const csvLink = page.getByRole('link', { name: 'Download als CSV (voor Excel)' });
  const csv = await page.request.get(new URL((await csvLink.getAttribute('href')) as string, page.url()).toString());
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain(DECISION);
  await page.locator('summary', { hasText: 'Corrigeren of intrekken' }).first().click();
  await page.getByLabel('Gecorrigeerde tekst').first().fill(CORRECTED);
  await page.getByLabel('Reden van de correctie').first().fill('Zeeland ontbrak in het besluit.');
  await page.getByRole('button', { name: 'Correctie vastleggen' }).first().click();
  await expect(flash(page).textContent()).resolves.toBe('De correctie is vastgelegd; de eerdere versie blijft zichtbaar.');
  const table = (await page.getByRole('table', { name: /Besluiten/ }).textContent()) ?? '';
  expect(table).toContain(CORRECTED);
  expect(table).toContain(DECISION); // the earlier version stays, marked
  expect(table).toContain('gecorrigeerd');
  await check(env, page, 'verslag-4-besluit-gecorrigeerd');

  // The actielijst: the action point handed over with a reason.
  await menu(page).getByRole('link', { name: 'Actielijst' }).click();
  const row = page.getByRole('row').filter({ hasText: ACTION_POINT });
  await expect(row.textContent()).resolves.toContain('VNG');
  await check(env, page, 'verslag-5-actielijst');
  await row.locator('summary', { hasText: 'Overdragen' }).click();
  await row.getByLabel('Nieuwe eigenaar').fill('de Nederlandse ggz');
  await row.getByLabel('Reden').fill('VNG heeft geen capaciteit in december.');
  await row.getByRole('button', { name: 'Overdragen' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Het actiepunt is overgedragen.');
  const moved = (await page.getByRole('row').filter({ hasText: ACTION_POINT }).textContent()) ?? '';
  expect(moved).toContain('de Nederlandse ggz');
  expect(moved).toContain('Eerder: VNG');
  await page.context().close();
}
