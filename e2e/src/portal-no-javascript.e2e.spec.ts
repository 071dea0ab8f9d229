import { testDatabase } from '@regie/test-kit';
import type { Browser } from 'playwright-core';
import { chromiumForTests, launchChromium } from './portal/browser';
import { PORTAL_FORMS } from './portal/form-inventory';
import { submitEveryForm } from './portal/no-javascript-journey';
import { type PlatformProcess, startPlatformProcess } from './platform-process';

const chromium = chromiumForTests('portal without JavaScript');
const suite = chromium ? describe : describe.skip;
const PASSWORD = 'portaal-zonder-script';

/**
 * Every form of the portal (form-inventory.ts, kept complete by its unit test) in a browser that
 * runs no scripts, at 390 px: on its own platform and database, since it changes much of the seed.
 * The clock stands half an hour into the kerngroepoverleg of 8 December 2026.
 */
suite('portal without JavaScript', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await testDatabase('portal_nojs_e2e');
    drop = db.drop;
    platform = await startPlatformProcess({ DATABASE_URL: db.url, REGIE_LOCAL_PASSWORD: PASSWORD, REGIE_NOW: '2026-12-08T09:30:00Z' });
    browser = await launchChromium(chromium);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await drop?.();
  });

  it(
    'every form posts and confirms in Dutch, and refuses bad input next to the field, without a script on a phone',
    async () => {
      const problems = await submitEveryForm({ browser, baseUrl: platform.url, password: PASSWORD, api: platform.api }, PORTAL_FORMS);
      expect(problems).toEqual([]);
    },
    240_000,
  );
});
