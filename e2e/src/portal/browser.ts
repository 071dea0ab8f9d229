import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core: no browser is ever downloaded (../shared/MACHINE-NOTES.md). */
export const CHROMIUM = process.env.REGIE_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '../../artifacts/portal');

/** The browser for a suite; in CI a missing chromium fails the run, locally the suite is skipped loudly. */
export function chromiumForTests(suite: string): string | undefined {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CI === 'true') throw new Error(`${suite}: ${CHROMIUM} is missing; CI must install it (apt-get install -y chromium)`);
  console.warn(
    `\n*** ${suite} SKIPPED: no browser at ${CHROMIUM}. Install it with apt-get install -y chromium (or set REGIE_CHROMIUM) ***\n`,
  );
  return undefined;
}

export const launchChromium = (executablePath = CHROMIUM): Promise<Browser> =>
  chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=nl-NL',
    ],
  });

/** A Dutch user at a desk in the Netherlands; `javaScript: false` for one whose browser runs no scripts. */
export const newUserContext = (browser: Browser, { javaScript = true }: { javaScript?: boolean } = {}): Promise<BrowserContext> =>
  browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: javaScript,
  });

/** Logs in through the login page, as a user would. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

/** Saves a full-page screenshot as a test artifact: e2e/artifacts/portal/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its serious and critical
 * violations as readable lines, e.g. `werkagenda: color-contrast (serious) at .regie-badge …`.
 */
export async function accessibilityViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label} (${page.url()}): ${v.id} (${v.impact}) — ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** A phone held upright (WCAG 1.4.10 Reflow: 320 CSS px wide is the smallest it must serve). */
export const PHONE = { width: 390, height: 844 };

/**
 * The widths every screen must fit without scrolling the page sideways: a phone, a desktop window
 * of 1280 × 900 at 200 % zoom (the browser then lays out 640 × 450 CSS px, the standard stand-in),
 * and the 320 CSS px of WCAG 1.4.10 (1280 px at 400 %).
 */
export const REFLOW_VIEWPORTS: { name: string; width: number; height: number }[] = [
  { name: 'telefoon', ...PHONE },
  { name: '200% zoom', width: 640, height: 450 },
  { name: '320 px', width: 320, height: 640 },
];

/**
 * Shows the page at the given viewport (the phone by default) and answers how much wider than the
 * window the document is (0 when it fits: tables scroll inside their own region, the menu folds
 * away), then restores the viewport. `widest` names the elements that stick out, for the failure message.
 */
export async function phoneOverflow(
  page: Page,
  viewport: { width: number; height: number } = PHONE,
): Promise<{ overflow: number; widest: string[] }> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: viewport.height });
  try {
    return await page.evaluate(() => {
      const window_ = window.innerWidth;
      const widest = Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window_ + 0.5 && !e.closest('.table-scroll'))
        .slice(-3)
        .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`);
      return { overflow: Math.max(0, document.documentElement.scrollWidth - window_), widest };
    });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Fails the test when the page scrolls sideways on a phone. */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const { overflow, widest } = await phoneOverflow(page);
  expect({ screen: label, overflowPx: overflow, widest: overflow ? widest : [] }).toEqual({ screen: label, overflowPx: 0, widest: [] });
}

/** Fails the test when the page scrolls sideways at any of REFLOW_VIEWPORTS (phone, 200 % zoom, 320 px); names each width that fails. */
export async function expectReflows(page: Page, label: string): Promise<void> {
  const found: { screen: string; overflowPx: number; widest: string[] }[] = [];
  for (const viewport of REFLOW_VIEWPORTS) {
    const { overflow, widest } = await phoneOverflow(page, viewport);
    found.push({ screen: `${label} (${viewport.name})`, overflowPx: overflow, widest: overflow ? widest : [] });
  }
  expect(found).toEqual(REFLOW_VIEWPORTS.map((v) => ({ screen: `${label} (${v.name})`, overflowPx: 0, widest: [] })));
}
