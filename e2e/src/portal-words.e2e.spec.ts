import { testDatabase } from '@regie/test-kit';
import type { Browser } from 'playwright-core';
import { chromiumForTests, launchChromium } from './portal/browser';
import type { JourneyEnv } from './portal/journeys';
import { machineWordsSeenBy, recordSomeWork, ROLES, screensOf, textSeenBy } from './portal/words-journey';
import { type PlatformProcess, startPlatformProcess } from './platform-process';

const chromium = chromiumForTests('portal words suite');
const suite = chromium ? describe : describe.skip;
const PASSWORD = 'portaal-woorden-wachtwoord';

/**
 * Issue 17: every role reads people by name and role, dates and quarters in words, kinds in Dutch —
 * never an account id, uuid, ISO date, quarter code or English word, on screen or in an accessible
 * name. After some work is recorded (a progress report, a knelpunt, a held kerngroep with a decision
 * and an action point), each role's screens are read in headless Chromium.
 */
suite('the portal speaks Dutch about people, dates and kinds', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let drop: () => Promise<void>;
  let work: { meeting: string; commitment: string };
  const env = { password: PASSWORD, violations: [] as string[] } as JourneyEnv;

  beforeAll(async () => {
    const db = await testDatabase('portal_words_e2e');
    drop = db.drop;
    platform = await startPlatformProcess(
      { DATABASE_URL: db.url, REGIE_LOCAL_PASSWORD: PASSWORD, REGIE_NOW: '2026-12-08T09:30:00Z' },
      240_000,
    );
    browser = await launchChromium(chromium);
    Object.assign(env, { baseUrl: platform.url, browser });
    work = await recordSomeWork(env);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await drop?.();
  });

  it.each(ROLES)(
    '%s reads no machine words on their screens',
    async (role) => {
      expect(await machineWordsSeenBy(env, role, screensOf(role, work))).toEqual([]);
    },
    300_000,
  );

  it('names who reported by role, and the verslag’s decision by its kind in words', async () => {
    expect(await textSeenBy(env, 'director', '/acties/2.1')).toMatch(/door actiehouder actie 2\.1/);
    const verslag = await textSeenBy(env, 'director', `/overleggen/${work.meeting}/verslag`);
    expect(verslag).toContain('De regiokaart start in mei. — operationeel besluit');
    expect(verslag).toContain('C. de Vries');
  }, 120_000);
});
