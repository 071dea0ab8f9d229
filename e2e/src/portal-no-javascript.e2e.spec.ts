import { testDatabase } from '@regie/test-kit';
import { Pool } from 'pg';
import type { Browser } from 'playwright-core';
import { chromiumForTests, launchChromium } from './portal/browser';
import { PORTAL_FORMS } from './portal/form-inventory';
import { submitEveryForm } from './portal/no-javascript-journey';
import { type PlatformProcess, startPlatformProcess } from './platform-process';

const chromium = chromiumForTests('portal without JavaScript');
const suite = chromium ? describe : describe.skip;
const PASSWORD = 'portaal-zonder-script';
/** A first start migrates and seeds a fresh database: on a busy 2-core machine that can pass a minute. */
const PLATFORM_START_TIMEOUT = 150_000;

/**
 * Every form of the portal (form-inventory.ts, kept complete by its unit test) in a browser that
 * runs no scripts, at 390 px: on its own platform and database, since it changes much of the seed.
 * The clock stands half an hour into the kerngroepoverleg of 8 December 2026.
 */
suite('portal without JavaScript', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let drop: () => Promise<void>;
  let pool: Pool;

  beforeAll(async () => {
    const db = await testDatabase('portal_nojs_e2e');
    drop = db.drop;
    pool = new Pool({ connectionString: db.url, max: 1 });
    platform = await startPlatformProcess(
      { DATABASE_URL: db.url, REGIE_LOCAL_PASSWORD: PASSWORD, REGIE_NOW: '2026-12-08T09:30:00Z' },
      PLATFORM_START_TIMEOUT,
    );
    browser = await launchChromium(chromium);
  }, PLATFORM_START_TIMEOUT + 30_000);

  afterAll(async () => {
    await browser?.close();
    await pool?.end();
    await platform?.stop();
    await drop?.();
  });

  it('every form posts and confirms in Dutch, and refuses bad input next to the field, without a script on a phone', async () => {
    const events = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM es.events')).rows[0].n);
    const problems = await submitEveryForm({ browser, baseUrl: platform.url, password: PASSWORD, events }, PORTAL_FORMS);
    expect(problems).toEqual([]);
  }, 900_000);
});
