import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import { type RunningPlatform } from './platform';
import {
  invalidBodies,
  type Malformed,
  MALFORMED_PARAMS,
  unreadableBodies,
  validParam,
  validValue,
  type WriteOperation,
  writeOperations,
} from './testing/openapi-fuzz';
import { platformForTests } from './testing/platform-for-tests';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../../contracts/openapi.json'), 'utf8'));
/** Logout takes no body and records nothing; fuzzing it would revoke the token the rest of the corpus uses. */
const OPERATIONS = writeOperations(DOCUMENT).filter((op) => op.template !== '/api/v1/auth/logout');
const ROLES = ['coordinator', 'director', 'auditor', 'beheerder'];
/** Words of the English messages of Express, body-parser, zod and JSON.parse that must not reach a user. */
const ENGLISH = /\b(invalid|expected|received|request|error|unexpected|cannot|bad|too|large|unsupported|failed|forbidden|required)\b/i;

interface Answer {
  status: number;
  type: string | null;
  problem: { detail?: string; errors?: { field: string; message: string }[] };
}

/**
 * Every write operation in contracts/openapi.json, hit with requests that are wrong by construction
 * (unreadable bodies, each field wrong in each way, malformed path parameters), as a role allowed to
 * write there: never a 5xx, never accepted, always problem+json in Dutch naming the field, and nothing
 * recorded.
 */
describe('every write route refuses malformed requests (fuzzed from the OpenAPI document)', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('write_fuzz', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  const url = (op: WriteOperation, params: Record<string, string> = {}) =>
    op.template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? validParam(name));

  const send = async (op: WriteOperation, role: string, m: Malformed): Promise<Answer> => {
    const res = await api.fetch(url(op, m.params), { method: op.method, headers: m.headers, body: m.body }, role);
    const text = await res.text();
    let problem: Answer['problem'] = {};
    try {
      problem = JSON.parse(text);
    } catch {
      // not JSON: the content-type assertion names it
    }
    return { status: res.status, type: res.headers.get('content-type'), problem };
  };

  /** The first role the route lets through (a refusal other than 403), so the fuzz reaches the route's own checks. */
  const writer = async (op: WriteOperation): Promise<string> => {
    const params = Object.fromEntries(op.pathParams.map((p) => [p, '-1']));
    for (const role of ROLES) {
      const { status } = await send(op, role, { label: 'probe', params, body: '{}', headers: { 'content-type': 'application/json' } });
      if (status !== 403) return role;
    }
    throw new Error(`${op.method} ${op.template}: no role of ${ROLES.join(', ')} may write here`);
  };

  const corpus = (op: WriteOperation): Malformed[] => {
    const validBody = op.body ? { body: JSON.stringify(validValue(op.body)), headers: { 'content-type': 'application/json' } } : {};
    return [
      ...unreadableBodies(300 * 1024),
      ...(op.body ? invalidBodies(op.body) : []),
      ...op.pathParams.flatMap((name) =>
        MALFORMED_PARAMS.map((value) => ({ label: `path ${name}=${value.slice(0, 12)}`, params: { [name]: value }, ...validBody })),
      ),
    ];
  };

  it(`refuses each malformed request to the ${OPERATIONS.length} write operations with a Dutch 4xx, and records nothing`, async () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(30);
    // Probe first: on a route without parameters or body (POST /calendar-tokens) the probe is a valid write.
    const roles = new Map<WriteOperation, string>();
    for (const op of OPERATIONS) roles.set(op, await writer(op));
    const head = await quietHead(platform);
    const wrong: string[] = [];
    let sent = 0;
    for (const op of OPERATIONS) {
      const role = roles.get(op)!;
      const cases = corpus(op);
      for (let i = 0; i < cases.length; i += 8) {
        await Promise.all(
          cases.slice(i, i + 8).map(async (m) => {
            let answer = await send(op, role, m);
            sent++;
            // A route with a larger limit (the import) gets a body beyond it too.
            if (m.label === 'oversized' && answer.status !== 413)
              answer = await send(op, role, { ...m, body: `{"a":"${'0'.repeat(21 * 1024 * 1024)}"}` });
            const problem = whatIsWrong(answer, m);
            if (problem) wrong.push(`${op.method} ${op.template} [${m.label}] as ${role}: ${problem}`);
          }),
        );
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(await platform.adapters.store.headPosition()).toBe(head);
  }, 120_000);
});

/** The head once the scheduler has recorded what was already overdue at the start (nothing new for 1.5 s). */
async function quietHead(platform: RunningPlatform): Promise<number> {
  let head = await platform.adapters.store.headPosition();
  for (let still = 0; still < 6;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await platform.adapters.store.headPosition();
    still = now === head ? still + 1 : 0;
    head = now;
  }
  return head;
}

function whatIsWrong({ status, type, problem }: Answer, m: Malformed): string | undefined {
  if (status < 400 || status >= 500) return `status ${status}`;
  if (!type?.startsWith('application/problem+json')) return `content-type ${type}`;
  const detail = (problem.detail ?? '').replace(/\([^)]*\)|"[^"]*"/g, '');
  if (!detail.trim() || ENGLISH.test(detail)) return `detail not in Dutch: ${problem.detail}`;
  const english = problem.errors?.find((e) => ENGLISH.test(e.message.replace(/"[^"]*"/g, '')));
  if (english) return `field message not in Dutch: ${english.message}`;
  if (m.field && status === 400 && !problem.errors?.some((e) => e.field === m.field))
    return `field ${m.field} not named: ${JSON.stringify(problem.errors)}`;
  if (m.field && status !== 400) return `status ${status} for a bad field`;
  return undefined;
}
