import { testDatabase } from '@regie/test-kit';
import type { Browser } from 'playwright-core';
import { chromiumForTests, launchChromium } from './portal/browser';
import {
  actiehouderJourney,
  auditorJourney,
  coordinatorJourney,
  directorJourney,
  type JourneyEnv,
  keyboardJourney,
} from './portal/journeys';
import { beheerderJourney } from './portal/beheer-journey';
import { minutesJourney } from './portal/minutes-journey';
import { actieplanActiehouderJourney, oneWerkagendaJourney, werkagendasJourney } from './portal/journeys-werkagendas';
import { type PlatformProcess, startPlatformProcess } from './platform-process';

const chromium = chromiumForTests('portal browser suite');
const suite = chromium ? describe : describe.skip;
const PASSWORD = 'portaal-e2e-wachtwoord';
/** Each screen is checked at desktop and phone width (axe, two full-page screenshots): a journey takes minutes on a busy machine. */
const JOURNEY_TIMEOUT = 360_000;

/**
 * `npm start` serves the portal on the API's port. In headless Chromium each role's main journey:
 * the coordinator publishes the next kerngroep agenda and records a decision, an actiehouder
 * reports on their action and is refused on another's, a director publishes the quarterly
 * projection, an auditor sees it all in the audit timeline and is refused any write. axe-core
 * finds no serious or critical violation on the screens passed; screenshots: e2e/artifacts/portal/.
 * The clock stands half an hour into the kerngroepoverleg of 8 December 2026.
 */
suite('portal in the browser', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let drop: () => Promise<void>;
  const env = { password: PASSWORD, violations: [] as string[] } as JourneyEnv;

  beforeAll(async () => {
    const db = await testDatabase('portal_e2e');
    drop = db.drop;
    platform = await startPlatformProcess({ DATABASE_URL: db.url, REGIE_LOCAL_PASSWORD: PASSWORD, REGIE_NOW: '2026-12-08T09:30:00Z' });
    browser = await launchChromium(chromium);
    Object.assign(env, { baseUrl: platform.url, browser });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await drop?.();
  });

  it('refuses an API write without a token: the service itself, not the portal', async () => {
    const response = await fetch(`${platform.url}/api/v1/actions/2.1/progress-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rag: 'groen', summary: 'Zonder token' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('coordinator: publishes the next kerngroep agenda and records a decision', () => coordinatorJourney(env), JOURNEY_TIMEOUT);
  it(
    'coordinator: records the verslag, finds and corrects the decision in the besluitenlijst, hands over an action point',
    () => minutesJourney(env),
    JOURNEY_TIMEOUT,
  );
  it('actiehouder: reports progress on their own action and is refused on another', () => actiehouderJourney(env), JOURNEY_TIMEOUT);
  it(
    'director: records a past regiegroep held, decides there, and publishes the quarterly projection',
    () => directorJourney(env),
    JOURNEY_TIMEOUT,
  );
  it('auditor: sees all of it in the audit timeline and is refused any write', () => auditorJourney(env), JOURNEY_TIMEOUT);

  it(
    'beheerder: sets up a werkagenda with an action, a person and their account as its coordinator, who then finds it',
    () => beheerderJourney(env),
    JOURNEY_TIMEOUT,
  );

  it('can be used with the keyboard alone, with visible focus', () => keyboardJourney(env));

  // Last: it gives the coordinator a second werkagenda (the header then holds the switcher).
  it(
    'coordinator of two werkagenda’s: switches to the actieplan and finds its nine regions on action 1.1',
    () => werkagendasJourney(env),
    JOURNEY_TIMEOUT,
  );
  it('director of one werkagenda: never sees the other’s actions', () => oneWerkagendaJourney(env), JOURNEY_TIMEOUT);
  it('the actieplan’s actiehouder: named on action 1.1, reports on it', () => actieplanActiehouderJourney(env), JOURNEY_TIMEOUT);

  it('has no serious or critical accessibility violation on the screens passed', () => {
    expect(env.violations).toEqual([]);
  });
});
