import type { Browser, Locator, Page } from 'playwright-core';
import { logIn, newUserContext, PHONE, phoneOverflow } from './browser';
import type { Fields, PortalForm, Submitter } from './form-kit';

/**
 * Every form of the portal, submitted in a browser that runs no scripts, held as a phone: each
 * valid submission confirms in Dutch inside the viewport; each refused one shows the Dutch error
 * next to its field and records no event. Answers what went wrong, one line per form, so a run
 * names every broken form at once.
 */
export interface NoJavaScriptEnv {
  browser: Browser;
  baseUrl: string;
  password: string;
  /** How many events the store holds: a refused form must leave it unchanged. */
  events: () => Promise<number>;
}

/** A form that is not where the inventory says fails in seconds, not in Playwright's default half minute. */
const ACTION_TIMEOUT = 15_000;

export async function submitEveryForm(env: NoJavaScriptEnv, forms: PortalForm[]): Promise<string[]> {
  const problems: string[] = [];
  const pages = new Map<Submitter, Page>();
  const pageOf = async (who: Submitter): Promise<Page> => {
    const known = pages.get(who);
    if (known) return known;
    const context = await newUserContext(env.browser, { javaScript: false });
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT);
    await page.setViewportSize(PHONE);
    if (who === 'gast') await page.goto(`${env.baseUrl}/inloggen`);
    else await logIn(page, env.baseUrl, who, env.password);
    pages.set(who, page);
    return page;
  };
  try {
    let previous: PortalForm | undefined;
    for (const entry of forms) {
      const name = `${entry.view} ${entry.action}`;
      try {
        const page = await pageOf(entry.as);
        // The page a form confirms on often holds the next form: a user stays there, and so does the journey.
        const stay = previous?.as === entry.as && previous.open === entry.open && (await page.locator(entry.form).count()) > 0;
        previous = entry;
        const form = await open(env, page, entry, stay);
        problems.push(...(await sideways(page, 'before submitting')).map((p) => `${name}: ${p}`));
        if (entry.invalid) problems.push(...(await refused(env, page, form, entry)).map((p) => `${name} (ongeldig): ${p}`));
        problems.push(...(await confirmed(env, page, form, entry)).map((p) => `${name}: ${p}`));
      } catch (error) {
        problems.push(`${name}: ${String(error).split('\n')[0]}`);
      }
    }
  } finally {
    for (const page of pages.values()) await page.context().close();
  }
  return problems;
}

async function open(env: NoJavaScriptEnv, page: Page, entry: PortalForm, stay: boolean): Promise<Locator> {
  if (!stay) {
    if (typeof entry.open === 'string') await page.goto(`${env.baseUrl}${entry.open}`);
    else await entry.open(page);
  }
  const form = page.locator(entry.form).first();
  const disclosure = form.locator('xpath=ancestor::details[1]');
  if ((await disclosure.count()) && !(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)))
    await disclosure.locator('summary').first().click();
  return form;
}

async function fill(env: NoJavaScriptEnv, form: Locator, fields: Fields = {}): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const input = form.getByLabel(label, { exact: true }).first();
    const kind = await input.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : ((e as HTMLInputElement).type ?? 'text')));
    if (kind === 'select') await input.selectOption(value);
    else if (kind === 'checkbox' || kind === 'radio') await input.check();
    else await input.fill(value === '$wachtwoord' ? env.password : value);
  }
}

/** Submits and answers the status of the POST's own answer (a redirect is 303). */
async function submitForm(page: Page, form: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.locator('button[type="submit"]').first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** document.documentElement.scrollWidth <= window.innerWidth at 390 px, or what sticks out. */
async function sideways(page: Page, when: string): Promise<string[]> {
  const { overflow, widest } = await phoneOverflow(page);
  return overflow ? [`${page.url()} scrolls ${overflow} px sideways ${when} (${widest.join(', ')})`] : [];
}

async function inViewport(target: Locator): Promise<boolean> {
  return target.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

/** The valid submission; after a refusal it is the same form again, as the user corrects it. */
async function confirmed(env: NoJavaScriptEnv, page: Page, form: Locator, entry: PortalForm): Promise<string[]> {
  const problems: string[] = [];
  await fill(env, form, entry.fill);
  const status = await submitForm(page, form);
  if (status >= 400) problems.push(`answered ${status}: ${(await page.locator('main').innerText()).slice(0, 300)}`);
  const confirmation = page.getByText(entry.confirm).first();
  if (!(await confirmation.count())) problems.push(`no "${entry.confirm}" on ${page.url()}`);
  else if (!(await inViewport(confirmation))) problems.push(`"${entry.confirm}" is outside the viewport on ${page.url()}`);
  problems.push(...(await sideways(page, 'after submitting')));
  return problems;
}

async function refused(env: NoJavaScriptEnv, page: Page, form: Locator, entry: PortalForm): Promise<string[]> {
  const problems: string[] = [];
  await fill(env, form, { ...entry.fill, ...entry.invalid?.fill });
  const before = await env.events();
  const status = await submitForm(page, form);
  if (status < 400 || status >= 500) problems.push(`answered ${status}, not a refusal`);
  const shown = page.locator(`${entry.form} .regie-field-error, ${entry.form} [role="alert"], .regie-alert`);
  const text = (await shown.allInnerTexts()).join(' | ');
  if (!text.includes(entry.invalid?.error ?? '')) problems.push(`shows "${text}", not "${entry.invalid?.error}"`);
  if ((await env.events()) !== before) problems.push('recorded an event');
  problems.push(...(await sideways(page, 'with the error')));
  return problems;
}
