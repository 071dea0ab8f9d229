import type { Page } from 'playwright-core';
import { type JourneyEnv, session } from './journeys';

/** The local accounts of every role, as they log in. */
export const ROLES = ['coordinator', 'director', 'actiehouder-2.1', 'auditor', 'beheerder'] as const;

/** What must not reach a person, on screen or in an accessible name: machine words for dates, quarters, people and kinds. */
const MACHINE_WORDS: [string, RegExp][] = [
  ['ISO-datum', /\b\d{4}-\d{2}-\d{2}\b/],
  ['kwartaalcode', /\b\d{4}-Q[1-4]\b/],
  ['account-id', /\b(?:coordinator|director)\b|\bactiehouder-[\d.]+/i],
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['soortcode', /\((?:operationeel|strategisch)\)/],
  ['Engels', /\b(?:null|undefined|NaN|true|false|Invalid Date|overdue|pending|scheduled|cancelled)\b/],
];

async function api<T>(env: JourneyEnv, token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${env.baseUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(env: JourneyEnv, username: string): Promise<string> {
  const response = await fetch(`${env.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: env.password }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Something for every screen to name: actiehouder 2.1 reports progress and raises a knelpunt; the
 * coordinator holds the kerngroep of 8 December and records attendance, an operational decision
 * and an action point. Answers the held meeting's id and a toezegging's id.
 */
export async function recordSomeWork(env: JourneyEnv): Promise<{ meeting: string; commitment: string }> {
  const [actiehouder, coordinator] = [await tokenOf(env, 'actiehouder-2.1'), await tokenOf(env, 'coordinator')];
  await api(env, actiehouder, '/actions/2.1/progress-reports', { rag: 'oranje', summary: 'Twee regio’s lopen uit.' });
  await api(env, actiehouder, '/actions/2.1/knelpunten', {
    description: 'Financiering van de pilot is onduidelijk.',
    escalateTo: 'kerngroep',
  });
  const meetings = await api<{ id: string; kind: string; startsAt: string }[]>(env, coordinator, '/meetings');
  const kerngroep = meetings.find((m) => m.kind === 'kerngroep' && m.startsAt.startsWith('2026-12-08'));
  if (!kerngroep) throw new Error('no kerngroep on 8 December 2026');
  const meeting = kerngroep.id;
  await api(env, coordinator, `/meetings/${meeting}/held`, {});
  await api(env, coordinator, `/meetings/${meeting}/attendance`, { present: ['VWS', 'ZN'], absent: ['MIND'] });
  await api(env, coordinator, `/meetings/${meeting}/decisions`, { text: 'De regiokaart start in mei.', kind: 'operationeel' });
  await api(env, coordinator, `/meetings/${meeting}/action-points`, {
    text: 'Notitie opstellen',
    owner: 'C. de Vries',
    dueDate: '2026-12-20',
  });
  const commitments = await api<{ id: string }[]>(env, coordinator, '/commitments');
  return { meeting, commitment: commitments[0].id };
}

/** The screens a role reads: the menu's, and the details of the work just recorded. */
export function screensOf(role: string, work: { meeting: string; commitment: string }): string[] {
  const screens = [
    '/',
    '/werkagenda',
    '/acties/2.1',
    '/mijlpalen',
    '/knelpunten',
    '/overleggen',
    `/overleggen/${work.meeting}`,
    `/overleggen/${work.meeting}/afdrukken`,
    `/overleggen/${work.meeting}/verslag`,
    '/besluitenlijst',
    '/actielijst',
    '/toezeggingen',
    `/toezeggingen/${work.commitment}`,
    '/voortgangsrapportage',
  ];
  // The audit timeline in words (each event's stored record is on its own page, for whoever wants it).
  if (role === 'auditor') screens.push('/audit');
  // Beheer's account pages show the username as the login name, said as such: not swept here.
  if (role === 'beheerder' || role === 'coordinator')
    screens.push('/beheer', '/beheer/personen', '/beheer/overlegvormen', '/beheer/indicatoren');
  return screens;
}

/** Every line of visible text and every accessible name (aria-label, title, alt) of the page. */
async function wordsOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const names = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-label], [title], [alt]')).flatMap((e) =>
      ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a)).filter((v): v is string => Boolean(v)),
    ),
  );
  return [...text.split('\n'), ...names, await page.title()];
}

/** Logs in as `role`, reads each screen, and answers what a person should not have read: "actiehouder-2.1 /acties/2.1: uuid in «…»". */
export async function machineWordsSeenBy(env: JourneyEnv, role: string, screens: string[]): Promise<string[]> {
  const page = await session(env, role);
  const found: string[] = [];
  for (const screen of screens) {
    const response = await page.goto(`${env.baseUrl}${screen}`);
    if (!response?.ok()) {
      found.push(`${role} ${screen}: ${response?.status()}`);
      continue;
    }
    for (const line of await wordsOn(page))
      for (const [what, pattern] of MACHINE_WORDS)
        if (pattern.test(line)) found.push(`${role} ${screen}: ${what} in «${line.trim().slice(0, 140)}»`);
  }
  await page.context().close();
  return found;
}

/** The text of one screen as `role` reads it. */
export async function textSeenBy(env: JourneyEnv, role: string, screen: string): Promise<string> {
  const page = await session(env, role);
  await page.goto(`${env.baseUrl}${screen}`);
  const text = (await wordsOn(page)).join('\n');
  await page.context().close();
  return text;
}
