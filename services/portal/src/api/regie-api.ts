import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { redactSecrets } from '../views/event-labels';
import { type ApiAnswer, type ApiTransport, overHttp } from './api-transport';
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
 * Once given the current werkagenda (`inWerkagenda`), every read of a werkagenda's lists (actions,
 * board, projection, indicators, overleggen, calendar, toezeggingen, besluiten, actiepunten) asks
 * for that werkagenda only.
 */
export class RegieApi {
  private readonly transport: ApiTransport;

  constructor(
    /** How the API is reached; a base URL is reached over HTTP. */
    api: ApiTransport | string,
    private readonly token?: string,
    private readonly correlationId?: string,
    /** The current werkagenda, passed as `?werkagendaId=` on the routes that filter by it. */
    readonly werkagendaId?: string,
  ) {
    this.transport = typeof api === 'string' ? overHttp(api) : api;
  }

  withToken(token: string): RegieApi {
    return new RegieApi(this.transport, token, this.correlationId, this.werkagendaId);
  }

  inWerkagenda(werkagendaId: string): RegieApi {
    return new RegieApi(this.transport, this.token, this.correlationId, werkagendaId);
  }

  /** Reads of every werkagenda at once: for what belongs to no one werkagenda (the audit trail). */
  acrossWerkagendas(): RegieApi {
    return new RegieApi(this.transport, this.token, this.correlationId);
  }

  /** `{werkagendaId}` of the current werkagenda, merged into a query. */
  private scoped<Q extends object>(query: Q): Q & { werkagendaId?: string } {
    return this.werkagendaId === undefined ? query : { ...query, werkagendaId: this.werkagendaId };
  }

  login = (username: string, password: string, forwardedFor?: string) =>
    this.post<T.LoginResult>('/auth/login', { username, password }, { forwardedFor });
  logout = () => this.post<void>('/auth/logout');
  me = () => this.get<T.Me>('/auth/me');

  werkagendas = () => this.get<T.WerkagendaEntry[]>('/werkagendas');
  /**
   * The current werkagenda: parties, period, action lines. The first tenant's as it was at a
   * peildatum too; another's as it is now (the werkagenda's route knows no `asOf`).
   */
  werkagenda = (asOf?: string): Promise<T.Werkagenda> =>
    this.werkagendaId === undefined || (this.werkagendaId === FIRST_WERKAGENDA_ID && asOf)
      ? this.get<T.Werkagenda>('/werkagenda', { asOf })
      : this.get<T.WerkagendaEntry>(`/werkagendas/${enc(this.werkagendaId)}`);
  actions = (asOf?: string) => this.get<T.ActionSummary[]>('/actions', this.scoped({ asOf }));
  /** One action by its key ("2.1", "actieplan-dakloos-wlz-2025:1.1"), of whichever werkagenda. */
  action = (key: string, asOf?: string) => this.get<T.Action>(`/actions/${enc(key)}`, { asOf });
  /** The people directory, by name: actiehouders are linked by person id. */
  people = () => this.get<T.Person[]>('/people');

  meetingSeries = () => this.get<T.MeetingSeries[]>('/meeting-series', this.scoped({}));
  meetings = (query: { kind?: string; from?: string; to?: string; asOf?: string } = {}) =>
    this.get<T.MeetingSummary[]>('/meetings', this.scoped(query));
  meeting = (id: string, asOf?: string) => this.get<T.Meeting>(`/meetings/${enc(id)}`, { asOf });
  calendar = (kind?: string) => this.raw('GET', '/meetings/calendar.ics', this.scoped({ kind }));
  minutes = (id: string, asOf?: string) => this.get<T.MeetingMinutes>(`/meetings/${enc(id)}/minutes`, { asOf });
  minutesDocument = (id: string, asOf?: string) => this.raw('GET', `/meetings/${enc(id)}/minutes.html`, { asOf });
  decisions = (query: DecisionQuery = {}) => this.get<T.DecisionEntry[]>('/decisions', this.scoped({ ...query }));
  decisionsCsv = (query: DecisionQuery = {}) => this.raw('GET', '/decisions.csv', this.scoped({ ...query }));
  actionPointList = (query: ActionPointQuery = {}) => this.get<T.ActionPointEntry[]>('/action-points', this.scoped({ ...query }));
  actionPointsCsv = (query: ActionPointQuery = {}) => this.raw('GET', '/action-points.csv', this.scoped({ ...query }));
  calendarTokens = () => this.get<T.CalendarToken[]>('/calendar-tokens');

  commitments = (status?: string, asOf?: string) => this.get<T.CommitmentSummary[]>('/commitments', this.scoped({ status, asOf }));
  commitment = (id: string, asOf?: string) => this.get<T.Commitment>(`/commitments/${enc(id)}`, { asOf });

  milestoneBoard = (asOf?: string) => this.get<T.BoardActionLine[]>('/monitoring/milestones/by-action-line', this.scoped({ asOf }));
  indicators = (asOf?: string) => this.get<T.Indicator[]>('/indicators', this.scoped({ asOf }));
  indicatorChart = (id: string, asOf?: string) => this.raw('GET', `/indicators/${enc(id)}/chart.svg`, { asOf });
  projection = (quarter: string, asOf?: string) => this.get<T.Projection>(`/monitoring/projections/${enc(quarter)}`, this.scoped({ asOf }));
  published = (quarter: string, version?: number, asOf?: string) =>
    this.get<T.PublishedProjection>(`/monitoring/projections/${enc(quarter)}/published`, this.scoped({ version, asOf }));
  publishProjection = (quarter: string, options: WriteOptions = {}) =>
    this.post<T.PublishedProjection>(`/monitoring/projections/${enc(quarter)}/publish${this.queryString(this.scoped({}))}`, {}, options);

  // A password's hash and salt never reach a screen, not even the technical detail (redactSecrets).
  auditEvents = async (query: Query) => {
    const page = await this.get<T.AuditPage>('/audit/events', query);
    return { ...page, events: page.events.map(redactSecrets) };
  };
  auditStream = async (stream: string, names?: 'open') => {
    const found = await this.get<T.AuditStream>(`/audit/streams/${enc(stream)}`, { names });
    return { ...found, events: found.events.map(redactSecrets) };
  };
  /** Recomputes the whole chain: seconds on a long history, so only when the auditor asks. */
  verify = () => this.get<T.Verification>('/audit/verify');
  /** The last signed checkpoint and how many events came after it: cheap, for every view of the audit page. */
  auditCheckpoint = () => this.get<T.ChainCheckpoint>('/audit/checkpoint');
  /** Who the actors are, in words ("C. de Vries, coördinator werkagenda", "eerste inrichting"): never an account id. */
  actorNames = async (userIds: readonly (string | null | undefined)[]): Promise<Record<string, string>> => {
    const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
    return ids.length === 0 ? {} : this.get<Record<string, string>>('/people/actors', { ids: ids.join(',') });
  };

  private queryString(query: Query): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
    const text = params.toString();
    return text ? `?${text}` : '';
  }

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
  async raw(method: string, path: string, query: Query = {}, body?: unknown, options: WriteOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.correlationId) headers['x-correlation-id'] = this.correlationId;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.transport({
      method,
      path: `/api/v1${path}${this.queryString(query)}`,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return response;
    throw new ApiError(response.status, await problemOf(response));
  }
}

const enc = encodeURIComponent;

async function problemOf(response: ApiAnswer): Promise<T.Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<T.Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText, detail: text.slice(0, 500) || undefined };
  }
}
