import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, expectReflows, logIn, newUserContext, PHONE, screenshot } from './browser';
import { pdfText } from './pdf-text';

/**
 * The main journey of each role in the portal: what each one does first, so a broken step fails
 * here before a user meets it. Each runs in its own browser context (its own session cookie),
 * checks the pages it passes with axe and saves screenshots. Run in this order: the auditor
 * looks for the others' writes.
 */
export interface JourneyEnv {
  browser: Browser;
  baseUrl: string;
  password: string;
  /** Serious and critical accessibility violations found on the way. */
  violations: string[];
}

export const DECISION = 'De kerngroep stemt in met het plan van aanpak voor de pilotregio Zwolle.';
export const ACTION_POINT = 'Voorstel voor de monitoring van de pilotregio’s uitwerken';
export const KNELPUNT = 'Gegevensuitwisseling tussen gemeente en zorgkantoor stokt in twee regio’s.';
export const REPORT = 'Plannen van aanpak in zes regio’s gereed; Zeeland en Zwolle lopen twee maanden uit.';

export async function session(env: JourneyEnv, username: string, { javaScript = true }: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await newUserContext(env.browser, { javaScript });
  const page = await context.newPage();
  await logIn(page, env.baseUrl, username, env.password);
  return page;
}

/**
 * The same user in a browser that runs no scripts (javaScriptEnabled: false), held as a phone: logs
 * in, opens the main menu (a <details> that needs no script) and follows it to `section`, then `run`s
 * a form there. Every form of the portal is a plain HTML form: it must post and confirm without JavaScript.
 */
export async function withoutJavaScript(
  env: JourneyEnv,
  username: string,
  section: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await session(env, username, { javaScript: false });
  try {
    await page.setViewportSize(PHONE);
    await expect(menu(page).getByRole('link', { name: section }).isVisible()).resolves.toBe(false); // folded
    await menu(page).locator('summary', { hasText: 'Menu' }).click();
    await menu(page).getByRole('link', { name: section }).click();
    await run(page);
  } finally {
    await page.context().close();
  }
}

/** Every screen a journey passes: axe, a desktop screenshot, no sideways scrolling at phone width, at 200 % zoom and at 320 px (and a phone screenshot). */
export async function check(env: JourneyEnv, page: Page, name: string): Promise<void> {
  env.violations.push(...(await accessibilityViolations(page, name)));
  await screenshot(page, name);
  await expectReflows(page, name);
  await atPhoneWidth(page, () => screenshot(page, `${name}-telefoon`));
}

/** Runs `run` with the page held as a phone (390 × 844), then back at the desk. */
export async function atPhoneWidth<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    return await run();
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

export const flash = (page: Page) => page.getByRole('status').filter({ hasNotText: 'U bekijkt de situatie' }).first();
/** The confirmation is where the eye is after a write: inside the viewport, not far above it. */
export async function expectInViewport(page: Page): Promise<void> {
  const box = await flash(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
}
export const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/** Posts a form the page does not offer (another's action, a read-only role): the service must refuse it. */
export async function forgedPost(page: Page, baseUrl: string, path: string, form: Record<string, string>) {
  const response = await page.request.post(`${baseUrl}${path}`, { form, headers: { Origin: baseUrl }, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

export async function bearerOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'regie_sessie');
  if (!cookie) throw new Error('no session cookie');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  return cookie.value;
}

/** Coordinator: holds the running kerngroep and records a decision, then publishes the next kerngroep agenda. */
export async function coordinatorJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'coordinator');
  await check(env, page, 'coordinator-1-overzicht');
  await menu(page).getByRole('link', { name: 'Overleggen' }).click();
  await check(env, page, 'coordinator-2-overleggen');

  // The kerngroep that began half an hour ago: hold it, then record a decision.
  await page.getByLabel('Overlegvorm').selectOption('kerngroep');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page
    .getByRole('table', { name: /Komende overleggen/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kerngroepoverleg van dinsdag 8 december 2026');
  await page.getByRole('button', { name: 'Vastleggen dat het overleg gehouden is' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Vastgelegd: het overleg is gehouden.');
  // Its agenda was never published: holding froze it as it stood, never a concept again.
  await expect(page.locator('main').textContent()).resolves.toContain('vastgelegd toen het overleg gehouden werd');
  await expect(page.getByRole('heading', { name: 'Agenda (concept)' }).count()).resolves.toBe(0);
  await page.getByLabel('Besluit', { exact: true }).fill('   ');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.locator('#besluit-text-fout').textContent()).resolves.toContain('mag niet leeg zijn'); // the service's problem, next to the field
  await check(env, page, 'coordinator-3-besluit-geweigerd');
  // On a phone: the page returns to its decisions, and the confirmation is on screen there.
  await atPhoneWidth(page, async () => {
    await page.getByLabel('Besluit', { exact: true }).fill(DECISION);
    await page.getByLabel('Soort besluit').selectOption('operationeel');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(flash(page).textContent()).resolves.toBe('Het besluit is vastgelegd.');
    await expectInViewport(page);
  });
  await expect(page.locator('.regie-decisions').textContent()).resolves.toContain(DECISION);
  await check(env, page, 'coordinator-4-besluit-vastgelegd');
  // The action point from a browser without JavaScript, on a phone.
  const meeting = page.url().split('#')[0];
  await withoutJavaScript(env, 'coordinator', 'Overleggen', async (bare) => {
    await bare.goto(meeting);
    await bare.getByLabel('Actiepunt', { exact: true }).fill(ACTION_POINT);
    await bare.getByLabel('Eigenaar').fill('VNG');
    await bare.getByLabel('Uiterlijk gereed op').fill('2026-12-22');
    await bare.getByRole('button', { name: 'Actiepunt uitzetten' }).click();
    await expect(flash(bare).textContent()).resolves.toBe('Het actiepunt is uitgezet.');
    await expectInViewport(bare);
  });

  // Then the next one's agenda, now that today's is held: it collects what happened since.
  await page.goto(`${env.baseUrl}/overleggen?soort=kerngroep`);
  await page.getByRole('link', { name: 'Agenda bekijken en publiceren' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kerngroepoverleg van dinsdag 29 december 2026');
  await expect(page.locator('.regie-agenda').textContent()).resolves.toContain(`Actiepunt: ${ACTION_POINT}`); // open action points go on the next agenda
  await check(env, page, 'coordinator-5-agenda-concept');
  await page.getByRole('button', { name: 'Agenda publiceren' }).click();
  await expect(flash(page).textContent()).resolves.toBe('De agenda is gepubliceerd.');
  await expect(page.getByText('agenda gepubliceerd', { exact: true }).count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'coordinator-6-agenda-gepubliceerd');
  await expectReflows(page, 'coordinator-6-agenda-gepubliceerd');
  await page.goto(`${page.url().split('#')[0]}/afdrukken`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Agenda Kerngroepoverleg/);
  await check(env, page, 'coordinator-7-afdrukversie');
  // Printed (Chromium's print to PDF): every page headed by werkagenda, overleg and date, with the print date and page numbers.
  const printed = pdfText(await page.pdf({ preferCSSPageSize: true }));
  const words = printed.text.replace(/\s+/g, '');
  expect(printed.pages).toBeGreaterThan(0);
  for (let n = 1; n <= printed.pages; n++) expect(words).toContain(`Pagina${n}van${printed.pages}`);
  expect(words).toContain('Afgedruktop');
  expect(words).toMatch(/Werkagenda.*Kerngroepoverleg.*dinsdag29december2026/);

  // No audit for coordinators: the audit API refuses, the portal says so.
  const audit = await page.goto(`${env.baseUrl}/audit`);
  expect(audit?.status()).toBe(403);
  await expect(page.getByText('U heeft geen rechten voor deze handeling').count()).resolves.toBeGreaterThan(0);
  await page.context().close();
}

/** Actiehouder of 2.1: reports progress on their action and escalates a knelpunt, and is refused on another's (1.1). */
export async function actiehouderJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'actiehouder-2.1');
  await expect(page.getByRole('table', { name: /waarvan u actiehouder bent/ }).textContent()).resolves.toContain('2.1');
  await check(env, page, 'actiehouder-1-overzicht');
  await menu(page).getByRole('link', { name: 'Werkagenda' }).click();
  await check(env, page, 'actiehouder-2-werkagenda');
  await page.getByRole('link', { name: /^2\.1 / }).click();
  await check(env, page, 'actiehouder-3-actie');
  // Named by its code within the werkagenda, with the werkagenda's title (the nine pilot plans moved to the actieplan's 1.1: journeys-werkagendas.ts).
  await expect(page.locator('.regie-pre-heading').first().textContent()).resolves.toBe(
    'Actie 2.1 · Een betekenisvol leven met een langdurige psychische aandoening',
  );
  // On a phone: the confirmation of the report is on screen after submitting.
  await atPhoneWidth(page, async () => {
    await page.getByRole('radio', { name: /Oranje/ }).check();
    await page.getByLabel('Toelichting').fill(REPORT);
    await page.getByRole('button', { name: 'Voortgang rapporteren' }).click();
    await expect(flash(page).textContent()).resolves.toBe('Uw voortgangsrapportage is opgeslagen.');
    await expectInViewport(page);
  });
  await expect(page.locator('.regie-timeline').last().textContent()).resolves.toContain(REPORT);
  await check(env, page, 'actiehouder-4-voortgang-gerapporteerd');
  // A knelpunt, escalated to the kerngroep at once (it goes on the next kerngroep's agenda), from a
  // browser without JavaScript: the folded form opens and posts all the same.
  await withoutJavaScript(env, 'actiehouder-2.1', 'Werkagenda', async (bare) => {
    await bare.getByRole('link', { name: /^2\.1 / }).click();
    await bare.locator('summary', { hasText: 'Knelpunt melden' }).click();
    await bare.getByLabel('Wat is het knelpunt?').fill(KNELPUNT);
    await bare.getByLabel('Direct escaleren naar').selectOption('kerngroep');
    await bare.getByRole('button', { name: 'Knelpunt melden' }).click();
    await expect(flash(bare).textContent()).resolves.toBe('Het knelpunt is gemeld.');
    await expectInViewport(bare);
  });
  await page.reload();
  await expect(page.locator('#knelpunten ~ article').first().textContent()).resolves.toContain('Geëscaleerd naar de kerngroep.');

  // Another's action: no form, a clear notice; a forged post is refused by the service itself.
  await page.goto(`${env.baseUrl}/acties/1.1`);
  await expect(page.getByRole('button', { name: 'Voortgang rapporteren' }).count()).resolves.toBe(0);
  await expect(page.getByText('U heeft geen rechten om deze actie bij te werken').count()).resolves.toBe(1);
  await check(env, page, 'actiehouder-5-andere-actie');
  const forged = await forgedPost(page, env.baseUrl, '/acties/1.1/voortgang', { rag: 'groen', summary: 'Niet mijn actie' });
  expect(forged.status).toBe(403);
  expect(forged.text).toContain('U heeft geen rechten voor deze handeling');
  const token = await bearerOf(page);
  const direct = await fetch(`${env.baseUrl}/api/v1/actions/1.1/progress-reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rag: 'groen', summary: 'Niet mijn actie' }),
  });
  expect(direct.status).toBe(403);
  await menu(page).getByRole('link', { name: 'Mijlpalen' }).click();
  await check(env, page, 'actiehouder-6-mijlpalen');
  await page.context().close();
}

/** Director: reads the next regiegroep's agenda (its projection, what is late), then publishes the quarterly projection. */
/** Example text (invented for the test), recorded by the director in a regiegroep. */
const STRATEGIC_DECISION = 'Voorbeeld: de regiegroep stelt de prioriteit van actielijn 2 voor 2027 vast.';

export async function directorJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'director');
  await menu(page).getByRole('link', { name: 'Overleggen' }).click();
  await page.getByLabel('Overlegvorm').selectOption('regiegroep');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page
    .getByRole('table', { name: /Komende overleggen/ })
    .getByRole('link')
    .first()
    .click();
  const agenda = (await page.locator('.regie-agenda').textContent()) ?? '';
  expect(agenda).toMatch(/Kwartaalprojectie \de kwartaal 20\d\d/); // the projection it exists to review
  expect(agenda).toContain('Toezegging te laat sinds 30 november 2026'); // nothing overdue drops off
  expect(agenda).toMatch(/Mijlpaal actie \d+(\.\d+)? te laat sinds \d{1,2} \w+ 20\d\d/); // what is late, in words
  expect(agenda).not.toContain('actieplan-dakloos-wlz-2025'); // only this werkagenda's mijlpalen
  await check(env, page, 'director-0-regiegroep');
  // A regiegroep that is over and was never recorded: the director records it held and takes a
  // strategic decision there, without waiting for the coordinator.
  await menu(page).getByRole('link', { name: 'Overleggen' }).click();
  await page.getByLabel('Overlegvorm').selectOption('regiegroep');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page
    .getByRole('table', { name: /Eerdere overleggen/ })
    .getByRole('row')
    .filter({ hasText: 'niet gehouden' })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByText('Dit overleg is voorbij en niet vastgelegd als gehouden', { exact: false }).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Vastleggen dat het overleg gehouden is' }).click();
  await expect(flash(page).textContent()).resolves.toBe('Vastgelegd: het overleg is gehouden.');
  // The decision from a browser without JavaScript.
  const held = page.url().split('#')[0];
  await withoutJavaScript(env, 'director', 'Overleggen', async (bare) => {
    await bare.goto(held);
    await bare.getByLabel('Besluit', { exact: true }).fill(STRATEGIC_DECISION);
    await bare.getByLabel('Soort besluit').selectOption('strategisch');
    await bare.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(flash(bare).textContent()).resolves.toBe('Het besluit is vastgelegd.');
    await expectInViewport(bare);
  });
  await page.reload();
  await expect(page.locator('.regie-decisions').textContent()).resolves.toContain(STRATEGIC_DECISION);
  await check(env, page, 'director-0b-strategisch-besluit');
  await menu(page).getByRole('link', { name: 'Kwartaalprojectie' }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kwartaalprojectie 4e kwartaal 2026');
  await check(env, page, 'director-1-kwartaalprojectie');
  await atPhoneWidth(page, async () => {
    await page.getByRole('button', { name: 'Projectie publiceren' }).click();
    await expect(flash(page).textContent()).resolves.toBe('De kwartaalprojectie is gepubliceerd en bevroren.');
    await expectInViewport(page);
  });
  await page.getByRole('link', { name: 'versie 1' }).click();
  await expect(page.getByText('Gepubliceerde versie 1').count()).resolves.toBe(1);
  await check(env, page, 'director-2-gepubliceerd');
  await menu(page).getByRole('link', { name: 'Toezeggingen' }).click();
  await expect(page.locator('.regie-row--alert').first().textContent()).resolves.toContain('over de termijn');
  await check(env, page, 'director-3-toezeggingen');
  await page.locator('.regie-row--alert').first().getByRole('link').first().click();
  await check(env, page, 'director-4-toezegging');
  await page.context().close();
}

/** Auditor: sees every write of the others in the audit timeline, the chain verified, the past; refused any write. */
export async function auditorJourney(env: JourneyEnv): Promise<void> {
  const page = await session(env, 'auditor');
  await menu(page).getByRole('link', { name: 'Audit' }).click();
  // The page shows the last signed checkpoint; the full verification runs only on request.
  await expect(
    page.getByText(/^(Keten gecontroleerd tot gebeurtenis [\d.]+ op |De keten is nog nooit gecontroleerd)/).count(),
  ).resolves.toBe(1);
  await page.getByRole('button', { name: 'Nu controleren' }).click();
  await expect(page.getByText(/De keten is intact: [\d.]+ gebeurtenissen gecontroleerd/).count()).resolves.toBe(1);
  await page.goto(`${env.baseUrl}/audit`);
  await expect(page.getByText(/^Keten gecontroleerd tot gebeurtenis [\d.]+ op \d+ \w+ \d{4} om [\d:]+; sindsdien /).count()).resolves.toBe(
    1,
  );
  await check(env, page, 'auditor-1-audit');
  // On a phone the timeline reads as cards: each sentence as wide as the screen, not a column cut to a third of it.
  await atPhoneWidth(page, async () => {
    const widths = await page
      .locator('td[data-label="Wat er gebeurde"]')
      .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.min(...widths)).toBeGreaterThan(300);
  });
  const seen = async (type: string, label: string, who: string, what?: string) => {
    await page.getByLabel('Soort gebeurtenis').selectOption(type);
    await page.getByRole('button', { name: 'Filteren' }).click();
    const rows = page
      .getByRole('table', { name: /Gebeurtenissen/ })
      .getByRole('row')
      .filter({ hasText: label });
    expect(await rows.count()).toBeGreaterThan(0);
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain(who);
    if (what) expect(text).toContain(what);
  };
  // voorbeeld: the seeded coordinator is linked to the example person C. de Vries
  await seen('AgendaPublished', 'Agenda gepubliceerd', 'door C. de Vries, coördinator werkagenda');
  await seen('DecisionRecorded', 'Besluit vastgelegd', 'door C. de Vries, coördinator werkagenda', DECISION.slice(0, 60));
  await seen('ProgressReported', 'Voortgang van actie 2.1 gerapporteerd als oranje', 'door actiehouder actie 2.1', REPORT.slice(0, 40));
  await seen('KnelpuntEscalated', 'Knelpunt bij actie 2.1 geëscaleerd naar de kerngroep', 'door actiehouder actie 2.1');
  await seen('ProjectionPublished', 'Kwartaalprojectie gepubliceerd', 'door directeur');
  // The filter is a plain GET form: it works without JavaScript too.
  await withoutJavaScript(env, 'auditor', 'Audit', async (bare) => {
    await bare.getByLabel('Soort gebeurtenis').selectOption('KnelpuntEscalated');
    await bare.getByRole('button', { name: 'Filteren' }).click();
    await expect(
      bare
        .getByRole('table', { name: /Gebeurtenissen/ })
        .getByRole('row')
        .filter({ hasText: 'Knelpunt bij actie 2.1 geëscaleerd naar de kerngroep' })
        .count(),
    ).resolves.toBeGreaterThan(0);
  });
  await check(env, page, 'auditor-2-gefilterd');
  await page.getByRole('link', { name: 'Kwartaalprojectie 4e kwartaal 2026' }).first().click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kwartaalprojectie 4e kwartaal 2026');
  await check(env, page, 'auditor-3-stroom');
  // Trace action 2.1 by its name: its own events and its milestones' and knelpunten's, newest first.
  await page.goto(`${env.baseUrl}/audit`);
  const subject =
    (await page
      .getByLabel('Onderwerp')
      .locator('option', { hasText: /^Actie 2\.1: / })
      .textContent()) ?? '';
  await page.getByLabel('Onderwerp').selectOption({ label: subject });
  await page.getByRole('button', { name: 'Filteren' }).click();
  const traced = page.getByRole('table', { name: 'Gebeurtenissen, de nieuwste eerst' });
  const sentences = await traced.locator('.regie-event__sentence').allTextContents();
  expect(sentences.some((s) => s.startsWith('Voortgang van actie 2.1 gerapporteerd als oranje'))).toBe(true);
  expect(sentences.some((s) => s.startsWith(`Knelpunt gemeld bij actie 2.1: '${KNELPUNT.slice(0, 40)}`))).toBe(true);
  expect(sentences.every((s) => /actie 2\.1|Actie 2\.1/.test(s))).toBe(true);
  const positions = (await traced.locator('tbody tr td:first-child').allTextContents()).map(Number);
  expect(positions).toEqual([...positions].sort((a, b) => b - a));
  await check(env, page, 'auditor-2b-actie-gevolgd');
  // One event on its own page: in words, and the record as stored (type, data, metadata, hash).
  await traced
    .getByRole('link', { name: /^Gebeurtenis bekijken: Voortgang gerapporteerd/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Voortgang gerapporteerd');
  await expect(page.locator('main .nl-paragraph--lead').first().textContent()).resolves.toMatch(/^Voortgang van actie 2\.1 gerapporteerd/);
  await expect(page.locator('pre.regie-json').isVisible()).resolves.toBe(true);
  await expect(page.locator('pre.regie-json').textContent()).resolves.toContain('"type": "ProgressReported"');
  await check(env, page, 'auditor-2e-gebeurtenis');
  await page.goBack();
  // Search the timeline for words of the report.
  await page.getByRole('link', { name: 'Filters wissen' }).click();
  await page.getByLabel('Zoeken in de inhoud').fill('Zeeland en Zwolle');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(traced.locator('.regie-event__sentence').allTextContents()).resolves.toEqual([
    expect.stringContaining('Voortgang van actie 2.1 gerapporteerd als oranje'),
  ]);
  await check(env, page, 'auditor-2c-gezocht');
  // Trace a person by name (voorbeeld: the coordinator's account acts for C. de Vries): what they did, newest first.
  await page.getByRole('link', { name: 'Filters wissen' }).click();
  await page.getByLabel('Onderwerp').selectOption({ label: 'C. de Vries, coördinator werkagenda (VWS)' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  const theirs = await traced.locator('.regie-event__sentence').allTextContents();
  expect(theirs.some((s) => s.startsWith('Agenda gepubliceerd') && s.endsWith('door C. de Vries, coördinator werkagenda.'))).toBe(true);
  expect(theirs.some((s) => s.startsWith('Persoon opgenomen in het personenregister'))).toBe(true);
  await check(env, page, 'auditor-2d-persoon-gevolgd');

  // The past: action 2.1 just before the actiehouder's report had no RAG; right after, orange.
  await page.goto(`${env.baseUrl}/audit`);
  await page.getByLabel('Soort gebeurtenis').selectOption('ProgressReported');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page
    .getByRole('link', { name: /^Situatie vlak vóór Voortgang gerapporteerd/ })
    .first()
    .click();
  await expect(page.getByText('U bekijkt de situatie zoals die was op').count()).resolves.toBe(1);
  await expect(page.locator('.regie-data-list').textContent()).resolves.toContain('Nog niet gerapporteerd');
  await check(env, page, 'auditor-4-actie-vlak-voor-rapportage');
  await page.goBack();
  await page
    .getByRole('link', { name: /^Situatie direct na Voortgang gerapporteerd/ })
    .first()
    .click();
  await expect(page.locator('.regie-data-list').textContent()).resolves.toContain('Oranje');
  // What the directors saw: the projection just before its publication had no published version yet.
  await page.goto(`${env.baseUrl}/audit?type=ProjectionPublished`);
  await page
    .getByRole('link', { name: /^Situatie vlak vóór Kwartaalprojectie gepubliceerd/ })
    .first()
    .click();
  await expect(page.getByText('Voor dit kwartaal is nog geen versie gepubliceerd.').count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: 'Projectie publiceren' }).count()).resolves.toBe(0);
  await check(env, page, 'auditor-5-projectie-vlak-voor-publicatie');
  // Any screen on a chosen date and time (Amsterdam time).
  await page.goto(`${env.baseUrl}/audit`);
  await page.getByLabel('Scherm', { exact: true }).selectOption('overleggen');
  await page.getByLabel('Peildatum en tijd').fill('2026-12-08T10:00');
  await page.getByRole('button', { name: 'Bekijken' }).click();
  await expect(page.getByText('U bekijkt de situatie zoals die was op 8 december 2026 om 10:00').count()).resolves.toBe(1);
  await check(env, page, 'auditor-6-overleggen-op-peildatum');

  // The knelpunten overview, from the home tile: the actiehouder's knelpunt, escalated to the kerngroep.
  await menu(page).getByRole('link', { name: 'Overzicht' }).click();
  await page.getByRole('link', { name: /^open knelpunt/ }).click();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Knelpunten');
  const openRow = page.getByRole('table', { name: 'Open knelpunten, het oudste eerst' }).getByRole('row').filter({ hasText: KNELPUNT });
  await expect(openRow.textContent()).resolves.toMatch(/Actie 2\.1: .*Ja, naar de kerngroep/);
  await check(env, page, 'auditor-7-knelpunten');

  // Read-only: no forms offered, and a forged write is refused by the service.
  await page.goto(`${env.baseUrl}/acties/2.1`);
  await expect(page.getByRole('button', { name: 'Voortgang rapporteren' }).count()).resolves.toBe(0);
  const forged = await forgedPost(page, env.baseUrl, '/acties/2.1/voortgang', { rag: 'rood', summary: 'Een auditor schrijft niet' });
  expect(forged.status).toBe(403);
  expect(forged.text).toContain('U heeft geen rechten voor deze handeling');
  const token = await bearerOf(page);
  for (const [path, body] of [
    ['/api/v1/actions/2.1/progress-reports', { rag: 'rood', summary: 'x' }],
    ['/api/v1/monitoring/projections/2026-Q4/publish', {}],
  ] as const) {
    const response = await fetch(`${env.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(403);
  }
  await page.context().close();
}

/** Keyboard alone: the skip link comes first and shows itself, login by Tab and Enter, focus always visible. */
export async function keyboardJourney(env: JourneyEnv): Promise<void> {
  const context = await newUserContext(env.browser);
  const page = await context.newPage();
  await page.goto(`${env.baseUrl}/inloggen`);
  const focused = () =>
    page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      name: document.activeElement?.getAttribute('name'),
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({ text: 'Direct naar de inhoud' });
  expect((await page.locator('.nl-skip-link').boundingBox())?.width).toBeGreaterThan(40); // visible while focused
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({ name: 'username', outline: 'solid' });
  await page.keyboard.type('coordinator');
  await page.keyboard.press('Tab');
  await page.keyboard.type(env.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${env.baseUrl}/`);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab'); // skip link, logo, Uitloggen, first menu item
  expect(await focused()).toMatchObject({ text: 'Overzicht', outline: 'solid' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${env.baseUrl}/werkagenda`);
  await context.close();
}
