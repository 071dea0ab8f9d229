import { redactSecrets } from '../views/event-labels';
import type * as T from './regie-api.models';

/** A refusal or failure of the API, with its problem+json body (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: T.Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export interface WriteOptions {
  /** Forwarded as Idempotency-Key: a double-submitted form records once. */
  idempotencyKey?: string;
  /** The browser's address, as X-Forwarded-For: the API limits login attempts per address, not per portal. */
  forwardedFor?: string;
}

type Query = Record<string, string | number | undefined>;

/** The besluitenlijst's filters (API.md): werkagenda, soort besluit, overlegvorm, period, text. */
export interface DecisionQuery {
  werkagendaId?: string;
  kind?: string;
  meetingKind?: string;
  from?: string;
  to?: string;
  q?: string;
  asOf?: string;
}
/** The actielijst's filters: werkagenda, status (open, overdue, done) and owner. */
export interface ActionPointQuery {
  werkagendaId?: string;
  status?: string;
  owner?: string;
  asOf?: string;
}

/**
 * The portal's typed client of the public HTTP API (../shared/API.md), one per request, carrying
 * the user's bearer token: every right is checked by the services, the portal only forwards.
 */
export class RegieApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
    private readonly correlationId?: string,
  ) {}

  withToken(token: string): RegieApi {
    return new RegieApi(this.baseUrl, token, this.correlationId);
  }

  login = (username: string, password: string, forwardedFor?: string) =>
    this.post<T.LoginResult>('/auth/login', { username, password }, { forwardedFor });
  logout = () => this.post<void>('/auth/logout');
  me = () => this.get<T.Me>('/auth/me');

  werkagenda = (asOf?: string) => this.get<T.Werkagenda>('/werkagenda', { asOf });
  actions = (asOf?: string) => this.get<T.ActionSummary[]>('/actions', { asOf });
  action = (code: string, asOf?: string) => this.get<T.Action>(`/actions/${enc(code)}`, { asOf });

  meetingSeries = () => this.get<T.MeetingSeries[]>('/meeting-series');
  meetings = (query: { kind?: string; from?: string; to?: string; asOf?: string } = {}) => this.get<T.MeetingSummary[]>('/meetings', query);
  meeting = (id: string, asOf?: string) => this.get<T.Meeting>(`/meetings/${enc(id)}`, { asOf });
  calendar = (kind?: string) => this.raw('GET', '/meetings/calendar.ics', { kind });
  minutes = (id: string, asOf?: string) => this.get<T.MeetingMinutes>(`/meetings/${enc(id)}/minutes`, { asOf });
  minutesDocument = (id: string, asOf?: string) => this.raw('GET', `/meetings/${enc(id)}/minutes.html`, { asOf });
  decisions = (query: DecisionQuery = {}) => this.get<T.DecisionEntry[]>('/decisions', { ...query });
  decisionsCsv = (query: DecisionQuery = {}) => this.raw('GET', '/decisions.csv', { ...query });
  actionPointList = (query: ActionPointQuery = {}) => this.get<T.ActionPointEntry[]>('/action-points', { ...query });
  actionPointsCsv = (query: ActionPointQuery = {}) => this.raw('GET', '/action-points.csv', { ...query });
  calendarTokens = () => this.get<T.CalendarToken[]>('/calendar-tokens');

  commitments = (status?: string, asOf?: string) => this.get<T.CommitmentSummary[]>('/commitments', { status, asOf });
  commitment = (id: string, asOf?: string) => this.get<T.Commitment>(`/commitments/${enc(id)}`, { asOf });

  milestoneBoard = (asOf?: string) => this.get<T.BoardActionLine[]>('/monitoring/milestones/by-action-line', { asOf });
  indicators = (asOf?: string) => this.get<T.Indicator[]>('/indicators', { asOf });
  indicatorChart = (id: string, asOf?: string) => this.raw('GET', `/indicators/${enc(id)}/chart.svg`, { asOf });
  projection = (quarter: string, asOf?: string) => this.get<T.Projection>(`/monitoring/projections/${enc(quarter)}`, { asOf });
  published = (quarter: string, version?: number, asOf?: string) =>
    this.get<T.PublishedProjection>(`/monitoring/projections/${enc(quarter)}/published`, { version, asOf });

  // A password's hash and salt never reach a screen, not even the technical detail (redactSecrets).
  auditEvents = async (query: Query) => {
    const page = await this.get<T.AuditPage>('/audit/events', query);
    return { ...page, events: page.events.map(redactSecrets) };
  };
  auditStream = async (stream: string, names?: 'open') => {
    const found = await this.get<T.AuditStream>(`/audit/streams/${enc(stream)}`, { names });
    return { ...found, events: found.events.map(redactSecrets) };
  };
  verify = () => this.get<T.Verification>('/audit/verify');
  /** Who the actors are, in words ("C. de Vries, coördinator werkagenda", "eerste inrichting"): never an account id. */
  actorNames = async (userIds: readonly (string | null | undefined)[]): Promise<Record<string, string>> => {
    const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
    return ids.length === 0 ? {} : this.get<Record<string, string>>('/people/actors', { ids: ids.join(',') });
  };

  async get<R>(path: string, query: Query = {}): Promise<R> {
    return (await this.raw('GET', path, query)).json() as Promise<R>;
  }

  async post<R = unknown>(path: string, body: unknown = {}, options: WriteOptions = {}): Promise<R> {
    const response = await this.raw('POST', path, {}, body, options);
    return (response.status === 204 ? undefined : await response.json()) as R;
  }

  async delete(path: string, options: WriteOptions = {}): Promise<void> {
    await this.raw('DELETE', path, {}, undefined, options);
  }

  /** One request; a non-2xx answer becomes an ApiError with the problem the service sent. */
  async raw(method: string, path: string, query: Query = {}, body?: unknown, options: WriteOptions = {}): Promise<Response> {
    const url = new URL(`/api/v1${path}`, this.baseUrl);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.correlationId) headers['x-correlation-id'] = this.correlationId;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    if (response.ok) return response;
    throw new ApiError(response.status, await problemOf(response));
  }
}

const enc = encodeURIComponent;

async function problemOf(response: Response): Promise<T.Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<T.Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText, detail: text.slice(0, 500) || undefined };
  }
}
