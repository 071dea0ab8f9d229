import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { freePort } from '@regie/test-kit';
import { type ResultRow, row, timedBar } from './table';
import { WERKAGENDA_READ_NAMES, WERKAGENDA_READS, type WerkagendaRead, werkagendaReads } from './werkagenda-reads';

/**
 * Part 2: command and query latency through the HTTP API of a running platform, with autocannon.
 * Latencies are taken from autocannon's per-response times (fractional ms) of 2xx answers;
 * the baseline is GET /health under the same load: Nest, the middleware and one SELECT. Every
 * endpoint runs with 1 connection (one request at a time: the request's own latency) and with
 * 10 (under load; autocannon shares the machine's cores with the platform and PostgreSQL, so
 * that p99 is mostly queueing).
 */
export interface Latency {
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  perSecond: number;
  /**
   * 'sequential': one request at a time only, because a single request already took > 1 s;
   * 'failed': the request was refused or broke (`error` says how): its rows fail, the run goes on.
   */
  mode: 'autocannon' | 'sequential' | 'failed';
  error?: string;
  /** GETs: median latency of a request alone (no concurrent load), ms. */
  alone?: number;
}

/**
 * The portal's main pages, read with the session cookie of a coordinator logged in through the
 * login form (the audit trail with an auditor's: only auditors see it).
 */
export type Page = 'home' | 'werkagenda' | 'action' | 'meeting' | 'toezeggingen' | 'kwartaalprojectie' | 'audit';
const PAGES: Record<Page, { name: string; path: (meetingId: string) => string; as?: 'auditor' }> = {
  home: { name: 'portal: home (/)', path: () => '/' },
  werkagenda: { name: 'portal: werkagenda (/werkagenda)', path: () => '/werkagenda' },
  action: { name: 'portal: action (/acties/2.1)', path: () => '/acties/2.1' },
  meeting: { name: 'portal: meeting (/overleggen/{next kerngroep})', path: (id) => `/overleggen/${id}` },
  toezeggingen: { name: 'portal: toezeggingen (/toezeggingen)', path: () => '/toezeggingen' },
  kwartaalprojectie: { name: 'portal: kwartaalprojectie (/voortgangsrapportage)', path: () => '/voortgangsrapportage' },
  audit: { name: 'portal: audit (/audit)', path: () => '/audit', as: 'auditor' },
};
const PAGE_NAMES = Object.keys(PAGES) as Page[];

/** `bare`: a bare Node HTTP server answering /health's JSON, the floor of any HTTP answer on this machine. */
export type Endpoint =
  'health' | 'bare' | 'draft' | 'list' | 'all' | 'one' | 'oneAfterWrite' | 'actionPageAfterWrite' | 'write' | Page | WerkagendaRead;
/** Each figure is kept under its endpoint's name: a page named as a werkagenda read would hide one of the two (the kwartaalprojectie page did). */
const namesApart: [Extract<Page, WerkagendaRead>] extends [never] ? true : never = true;
void namesApart;
export type HttpFigures = Record<Endpoint, Latency>;
/** One autocannon run per number of connections, in the order asked for (e.g. 1, then 10). */
export type HttpRuns = { connections: number; figures: HttpFigures }[];

/** The seeded werkagenda (the tenant), among the synthetic ones. */
const TENANT = 'betekenisvol-leven-2025-2028';

/** The seeded werkagenda's action codes: the only ones the HTTP API accepts (/^(0|[1-9]\.[1-9])$/). */
export const CODES = ['0', '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2'];
/** The password `spawnPlatform` gives the local accounts (REGIE_LOCAL_PASSWORD). */
export const BENCH_PASSWORD = 'bench-wachtwoord';

/** Authorization header of the coordinator, logged in through the API. */
export async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coordinator', password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/**
 * The session cookie of the coordinator, logged in through the portal's login form (a form post
 * from the portal's own origin, as a browser sends it).
 */
export async function portalLogin(url: string, username = 'coordinator'): Promise<string> {
  const res = await fetch(`${url}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ username, password: BENCH_PASSWORD }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (res.status < 300 || res.status >= 400 || !cookie) throw new Error(`portal login: ${res.status} ${await res.text()}`);
  const home = await fetch(`${url}/`, { headers: { cookie }, redirect: 'manual' });
  if (home.status !== 200) throw new Error(`portal home with the session cookie: ${home.status}`);
  return cookie;
}

/**
 * A bare Node HTTP server (node:http, nothing else) in a process of its own, answering every
 * request with `body` as JSON: what any HTTP answer costs on this machine at least.
 */
export async function startBareServer(body: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const script = `const body = Buffer.from(process.env.BARE_BODY);
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, BARE_BODY: body }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 25))) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the bare Node HTTP server did not start');
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/**
 * Every GET is first timed alone, one request at a time (`alone`: the median of up to 3 after a
 * warm-up request; fewer when they are slow: ~30 s at most, one at least). If one request takes
 * over a second, autocannon would only queue requests up (and keep the server busy long after it
 * stops), so that is all, for every number of connections; else autocannon runs once per number.
 */
async function measure(
  url: string,
  seconds: number,
  connections: number[],
  request: autocannon.Request,
  label: string,
): Promise<Latency[]> {
  const runs = async (alone?: number) => {
    const out: Latency[] = [];
    for (const c of connections)
      out.push({ ...(await cannon(url, seconds, c, request, `${label}, ${conns(c)}`)), ...(alone !== undefined ? { alone } : {}) });
    return out;
  };
  if (request.method !== 'GET') return runs();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i === 0 || (i < 4 && performance.now() - started < 30_000); i++) {
    const t = performance.now();
    const error = await fetch(`${url}${request.path}`, { headers: request.headers as Record<string, string> | undefined }).then(
      async (r) =>
        r.ok
          ? (await r.arrayBuffer(), undefined)
          : `${r.status} after ${((performance.now() - t) / 1000).toFixed(1)} s: ${(await r.text()).slice(0, 300)}`,
      (e: unknown) => String(e),
    );
    // One route that breaks must not cost the whole run its table: its rows say so and fail.
    if (error) {
      console.error(`  !!! ${label}: GET ${request.path} failed: ${error}`);
      return connections.map(() => ({ p50: NaN, p99: NaN, ok: 0, failed: 1, perSecond: 0, mode: 'failed' as const, error }));
    }
    times.push(performance.now() - t);
  }
  if (times.length > 1) times.shift(); // the first one warmed up
  const alone = percentile(
    [...times].sort((a, b) => a - b),
    50,
  );
  if (alone < 1000) return runs(alone);
  console.error(`  ${label}: one request alone takes ${(alone / 1000).toFixed(1)} s; no load test`);
  times.sort((a, b) => a - b);
  const sequential: Latency = {
    p50: alone,
    p99: times[times.length - 1],
    ok: times.length,
    failed: 0,
    perSecond: times.length / (times.reduce((a, b) => a + b, 0) / 1000),
    mode: 'sequential',
    alone,
  };
  return connections.map(() => sequential);
}

const conns = (c: number) => `${c} conn${c === 1 ? '' : 's'}`;

/**
 * `requests` run in turn on each connection; the latencies are those of the answers `counted`
 * accepts by status (by default every 2xx).
 */
async function cannon(
  url: string,
  seconds: number,
  connections: number,
  request: autocannon.Request | autocannon.Request[],
  label: string,
  counted = (status: number) => status >= 200 && status < 300,
): Promise<Latency> {
  const times: number[] = [];
  const warmup = Math.max(1, seconds / 5);
  const bar = timedBar(label, seconds + warmup);
  // `warmup` is an autocannon 8 option its type definitions lack. Given a callback, autocannon
  // skips the warm-up (lib/init.js), so it runs as a promise: the returned object is then also the
  // event emitter of the measured run only (the warm-up's responses are not counted).
  const requests = Array.isArray(request) ? request : [request];
  const options = { url, connections, duration: seconds, timeout: 60, requests, warmup: { connections, duration: warmup } };
  const instance = autocannon(options as autocannon.Options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (counted(status)) times.push(ms);
  });
  const result = await Promise.resolve(instance).finally(() => bar.stop());
  await drain(url);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    ok: times.length,
    failed: result.non2xx + result.errors + result.timeouts,
    perSecond: times.length / result.duration,
    mode: 'autocannon',
  };
}

/** autocannon drops requests still in flight at its deadline; wait until the server has finished them. */
async function drain(url: string): Promise<void> {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    const started = performance.now();
    if (
      (await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )) &&
      performance.now() - started < 50
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `POST …/milestones` on each of `codes` in turn, every request a new milestone titled `title(n)`. */
export function milestoneWrites(auth: Record<string, string>, codes: string[], title: (n: number) => string): autocannon.Request {
  let n = 0;
  return {
    method: 'POST',
    path: `/api/v1/actions/${codes[0]}/milestones`,
    headers: { 'content-type': 'application/json', ...auth },
    setupRequest: (req) => {
      n++;
      return {
        ...req,
        path: `/api/v1/actions/${codes[n % codes.length]}/milestones`,
        body: JSON.stringify({ title: title(n), dueDate: '2027-06-30' }),
      };
    },
  };
}

export async function measureHttp(url: string, size: string, options: { seconds: number; connections: number[] }): Promise<HttpRuns> {
  const { seconds, connections } = options;
  const auth = await login(url);
  const write = milestoneWrites(auth, CODES, (n) => `Benchmijlpaal ${size} ${n}`);
  // The agenda draft of the tenant's next kerngroep meeting: composed at every read from meetings'
  // tables, which hold every synthetic werkagenda's series, meetings, mijlpalen and knelpunten too.
  const from = new Date().toISOString().slice(0, 10);
  const meetings = (await (
    await fetch(`${url}/api/v1/meetings?kind=kerngroep&from=${from}&werkagendaId=${TENANT}`, { headers: auth })
  ).json()) as { id: string; status: string }[];
  const next = meetings.find((m) => m.status === 'scheduled');
  if (!next) throw new Error('no scheduled kerngroep meeting to read the agenda draft of');
  // Reads first, so the writes' new milestones do not grow what the reads return. The bare server
  // right before /health, with the same JSON: the two ratios to it are of the same minute.
  const healthBody = await (await fetch(`${url}/health`)).text();
  const server = await startBareServer(healthBody);
  const bare = await measure(
    server.url,
    seconds,
    connections,
    { method: 'GET', path: '/health' },
    `HTTP @${size}: bare Node server`,
  ).finally(() => server.stop());
  const health = await measure(url, seconds, connections, { method: 'GET', path: '/health' }, `HTTP @${size}: GET /health`);
  const draft = await measure(
    url,
    seconds,
    connections,
    { method: 'GET', path: `/api/v1/meetings/${next.id}`, headers: auth },
    `HTTP @${size}: GET /api/v1/meetings/{next kerngroep}`,
  );
  const list = await measure(
    url,
    seconds,
    connections,
    { method: 'GET', path: `/api/v1/actions?werkagendaId=${TENANT}`, headers: auth },
    `HTTP @${size}: GET /api/v1/actions?werkagendaId={tenant}`,
  );
  // Without werkagendaId: every werkagenda's actions (hundreds of werkagenda's at 1M), as an auditor's script reads them.
  const all = await measure(
    url,
    seconds,
    connections,
    { method: 'GET', path: '/api/v1/actions', headers: auth },
    `HTTP @${size}: GET /api/v1/actions (every werkagenda's)`,
  );
  const one = await measure(
    url,
    seconds,
    connections,
    { method: 'GET', path: '/api/v1/actions/2.1', headers: auth },
    `HTTP @${size}: GET /api/v1/actions/2.1`,
  );
  const perWerkagenda = {} as Record<WerkagendaRead, Latency[]>;
  const requests = await werkagendaReads(url, TENANT, auth);
  for (const read of WERKAGENDA_READS)
    perWerkagenda[read] = await measure(url, seconds, connections, requests[read], `HTTP @${size}: ${WERKAGENDA_READ_NAMES[read]}`);
  const cookies = { coordinator: await portalLogin(url), auditor: await portalLogin(url, 'auditor') };
  const pages = {} as Record<Page, Latency[]>;
  for (const page of PAGE_NAMES)
    pages[page] = await measure(
      url,
      seconds,
      connections,
      { method: 'GET', path: PAGES[page].path(next.id), headers: { cookie: cookies[PAGES[page].as ?? 'coordinator'] } },
      `HTTP @${size}: ${PAGES[page].name}`,
    );
  // One action read right after a write to the actions (a new milestone of another action): the
  // read model changed, so its kept answer went (Answers) and the read queries the database. The
  // write answers 201 once the read model has it; only the reads' 200s are counted.
  const afterWrite: Latency[] = [];
  const writeElsewhere = milestoneWrites(
    auth,
    CODES.filter((code) => code !== '2.1'),
    (n) => `Benchmijlpaal ${size} voor een lezing ${n}`,
  );
  for (const c of connections)
    afterWrite.push(
      await cannon(
        url,
        seconds,
        c,
        [writeElsewhere, { method: 'GET', path: '/api/v1/actions/2.1', headers: auth }],
        `HTTP @${size}: GET /api/v1/actions/2.1 after a write, ${conns(c)}`,
        (status) => status === 200,
      ),
    );
  // The action page right after the same kind of write: every page kept went (KeptPages), so the
  // page is made again from the API's reads, one of them not kept. What a page costs when it is
  // not opened again within a second of nothing changing, which is most page views.
  const pageAfterWrite: Latency[] = [];
  for (const c of connections)
    pageAfterWrite.push(
      await cannon(
        url,
        seconds,
        c,
        [writeElsewhere, { method: 'GET', path: PAGES.action.path(next.id), headers: { cookie: cookies.coordinator } }],
        `HTTP @${size}: ${PAGES.action.name} after a write, ${conns(c)}`,
        (status) => status === 200,
      ),
    );
  const written = await measure(url, seconds, connections, write, `HTTP @${size}: POST …/milestones`);
  return connections.map((c, i) => ({
    connections: c,
    figures: {
      health: health[i],
      bare: bare[i],
      draft: draft[i],
      list: list[i],
      all: all[i],
      one: one[i],
      oneAfterWrite: afterWrite[i],
      actionPageAfterWrite: pageAfterWrite[i],
      write: written[i],
      ...(Object.fromEntries(PAGE_NAMES.map((page) => [page, pages[page][i]])) as Record<Page, Latency>),
      ...(Object.fromEntries(WERKAGENDA_READS.map((read) => [read, perWerkagenda[read][i]])) as Record<WerkagendaRead, Latency>),
    },
  }));
}

type Measured = Exclude<Endpoint, 'health' | 'bare'>;
const MEASURED: Measured[] = [
  'draft',
  'list',
  'all',
  'one',
  'oneAfterWrite',
  ...WERKAGENDA_READS,
  ...PAGE_NAMES,
  'actionPageAfterWrite',
  'write',
];
const NAMES: Record<Measured, string> = {
  draft: 'read GET /api/v1/meetings/{id} (agenda draft, next kerngroep)',
  list: "read GET /api/v1/actions?werkagendaId= (the werkagenda's actions)",
  all: "read GET /api/v1/actions (every werkagenda's actions)",
  one: 'read GET /api/v1/actions/2.1 (one action)',
  oneAfterWrite: 'read GET /api/v1/actions/2.1 right after a write to another action (no kept answer)',
  actionPageAfterWrite: `read ${PAGES.action.name} right after a write to another action (no kept page)`,
  write: 'write POST /api/v1/actions/{code}/milestones',
  ...(Object.fromEntries(PAGE_NAMES.map((page) => [page, `read ${PAGES[page].name}`])) as Record<Page, string>),
  ...WERKAGENDA_READ_NAMES,
};
/** The portal's pages have the API reads' targets. */
const P99_TARGET: Record<Measured, number> = {
  draft: 25,
  list: 25,
  all: 25,
  one: 25,
  oneAfterWrite: 25,
  actionPageAfterWrite: 25,
  write: 50,
  ...(Object.fromEntries(PAGE_NAMES.map((page) => [page, 25])) as Record<Page, number>),
  ...(Object.fromEntries(WERKAGENDA_READS.map((read) => [read, 25])) as Record<WerkagendaRead, number>),
};
/** How much slower at the large size than at 10k: one werkagenda's reads must not grow with the number of werkagenda's. */
const GROWTH_TARGET = (e: Measured): number => ((WERKAGENDA_READS as readonly string[]).includes(e) ? 1.3 : 2);

const note = (l: Latency) =>
  l.mode === 'failed'
    ? `FAILED: ${l.error}`
    : l.mode === 'sequential'
      ? `${l.ok} requests one at a time (one alone takes > 1 s: no load test; p99 = slowest)`
      : `${l.ok} ok${l.failed ? `, ${l.failed} failed/timed out` : ''}, ${l.perSecond.toFixed(0)} req/s${l.alone !== undefined ? `; alone ${l.alone.toFixed(1)} ms` : ''}`;

/** Per endpoint, p50 and p99 for each number of connections side by side; the target is judged on each. */
export function httpRows(size: string, runs: HttpRuns): ResultRow[] {
  return MEASURED.flatMap((e) =>
    runs.flatMap(({ connections: c, figures: f }) => [
      row(
        '2',
        `${NAMES[e]} p50 @${size}, ${conns(c)}`,
        f[e].p50,
        'ms',
        f.health.p50,
        `GET /health p50, ${conns(c)}`,
        '—',
        undefined,
        `${f[e].mode === 'sequential' ? '' : c === 1 ? 'one request at a time (its own latency): ' : 'under load (autocannon shares the cores): '}${note(f[e])}`,
      ),
      row(
        '2',
        `${NAMES[e]} p99 @${size}, ${conns(c)}`,
        f[e].p99,
        'ms',
        f.health.p99,
        `GET /health p99, ${conns(c)}`,
        `p99 < ${P99_TARGET[e]} ms`,
        (v) => v < P99_TARGET[e],
      ),
    ]),
  );
}

/**
 * "No more than 2× worse at 1M than at 10k events" (one werkagenda's board, projection and draft:
 * 1.3×): p99 of each number of connections when both sizes had a load test, else the latency of
 * one request alone (measured at both sizes the same way); for 1 connection also the p50.
 */
export function growthRows(small: string, large: string, s: HttpRuns, l: HttpRuns): ResultRow[] {
  return MEASURED.flatMap((e) =>
    s.flatMap(({ connections: c, figures: sf }, i) => {
      const lf = l[i].figures;
      const loaded = sf[e].mode === 'autocannon' && lf[e].mode === 'autocannon';
      if (!loaded && i > 0) return []; // one 'alone' row per endpoint
      const compared: [string, number, number][] = loaded
        ? [[`p99, ${conns(c)}`, sf[e].p99, lf[e].p99]]
        : [['alone', sf[e].alone ?? NaN, lf[e].alone ?? NaN]];
      if (loaded && c === 1 && GROWTH_TARGET(e) < 2) compared.unshift([`p50, ${conns(c)}`, sf[e].p50, lf[e].p50]);
      return compared.map(([what, a, b]) =>
        row(
          '2',
          `${NAMES[e]} ${what} @${large} vs @${small}`,
          b,
          'ms',
          a,
          `${what} @${small}`,
          `≤ ${GROWTH_TARGET(e)}× the small store`,
          (_, ratio) => ratio !== null && ratio <= GROWTH_TARGET(e),
        ),
      );
    }),
  );
}

/**
 * What every request pays: requests per second of /health and of one action against the bare Node
 * server answering the same JSON, measured in the same minute; with one connection the targets
 * are ≥ 0.5× and ≥ 0.25×.
 */
export function bareRows(size: string, runs: HttpRuns): ResultRow[] {
  return runs.flatMap(({ connections: c, figures: f }) => {
    const of = (l: Latency) => `p50 ${l.p50.toFixed(2)} / p99 ${l.p99.toFixed(2)} ms`;
    const bare = `bare Node server (node:http, /health's JSON), ${conns(c)}`;
    return [
      row(
        '2',
        `bare Node HTTP server, /health's JSON @${size}, ${conns(c)}`,
        f.bare.perSecond,
        'req/s',
        null,
        '',
        '—',
        undefined,
        of(f.bare),
      ),
      row(
        '2',
        `GET /health requests/s vs the bare Node server @${size}, ${conns(c)}`,
        f.health.perSecond,
        'req/s',
        f.bare.perSecond,
        bare,
        c === 1 ? '≥ 0.5×' : '—',
        c === 1 ? (_, ratio) => ratio !== null && ratio >= 0.5 : undefined,
        `${of(f.health)} (bare ${of(f.bare)})`,
      ),
      row(
        '2',
        `GET /api/v1/actions/2.1 requests/s vs the bare Node server @${size}, ${conns(c)}`,
        f.one.perSecond,
        'req/s',
        f.bare.perSecond,
        bare,
        c === 1 ? '≥ 0.25×' : '—',
        c === 1 ? (_, ratio) => ratio !== null && ratio >= 0.25 : undefined,
        `${of(f.one)} (bare ${of(f.bare)})`,
      ),
    ];
  });
}
