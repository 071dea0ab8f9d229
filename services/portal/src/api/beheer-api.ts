import type { RegieApi, WriteOptions } from './regie-api';
import type { components } from './regie-api.schema';

/**
 * The admin routes of the API for the portal's beheer section: werkagenda's, their actions, the
 * people directory, local accounts and indicators. Every call carries the user's token (the
 * RegieApi of the request): the services decide who may do what, the portal only forwards.
 */
type Schema<K extends keyof components['schemas']> = components['schemas'][K];

export type WerkagendaEntry = Schema<'WerkagendaEntry_Output'>;
export type Party = WerkagendaEntry['parties'][number];
export type PartyInput = Schema<'EstablishWerkagendaBody'>['parties'][number];
export type PartyRole = PartyInput['role'];
export type ActionLine = WerkagendaEntry['actionLines'][number];
export type EstablishWerkagenda = Schema<'EstablishWerkagendaBody'>;
export type ChangeWerkagenda = Schema<'ChangeWerkagendaBody'>;
export type DefineAction = Schema<'DefineActionBody'>;
export type ChangeAction = Schema<'ChangeActionBody'>;
export type Person = Schema<'PersonAnswer_Output'>;
export type RegisterPerson = Schema<'RegisterPersonBody'>;
export type ChangePerson = Schema<'ChangePersonBody'>;
export type ForgetReport = Schema<'ForgetReport_Output'>;
export type Account = Schema<'AccountAnswer_Output'>;
export type Grant = Account['grants'][number];
export type CreateAccount = Schema<'CreateAccountBody'>;
export type ChangeAccount = Schema<'ChangeAccountBody'>;
export type PasswordReset = Schema<'PasswordResetAnswer_Output'>;
export type DefineIndicator = Schema<'DefineIndicatorBody'>;
export type ChangeIndicator = Schema<'ChangeIndicatorBody'>;
export type TargetInput = NonNullable<ChangeIndicator['targets']>[number];

export type MeetingSeries = Schema<'MeetingSeries_Output'>;
export type DefineSeries = Schema<'DefineSeriesBody'>;
export type ChangeSeries = Schema<'ChangeSeriesBody'>;
export type AdHocMeeting = Schema<'AdHocMeetingBody'>;

const enc = encodeURIComponent;

export class BeheerApi {
  constructor(private readonly api: RegieApi) {}

  werkagendas = () => this.api.get<WerkagendaEntry[]>('/werkagendas');
  werkagenda = (id: string) => this.api.get<WerkagendaEntry>(`/werkagendas/${enc(id)}`);
  establishWerkagenda = (body: EstablishWerkagenda, o?: WriteOptions) => this.api.post<{ id: string }>('/werkagendas', body, o);
  changeWerkagenda = (id: string, body: ChangeWerkagenda, o?: WriteOptions) => this.patch(`/werkagendas/${enc(id)}`, body, o);
  archiveWerkagenda = (id: string, reason: string, o?: WriteOptions) => this.api.post(`/werkagendas/${enc(id)}/archive`, { reason }, o);

  actions = (werkagendaId: string) => this.api.get<Schema<'ActionSummary_Output'>[]>('/actions', { werkagendaId });
  action = (key: string) => this.api.get<Schema<'ActionDetail_Output'>>(`/actions/${enc(key)}`);
  defineAction = (werkagendaId: string, body: DefineAction, o?: WriteOptions) =>
    this.api.post<{ key: string; code: string; werkagendaId: string }>(`/werkagendas/${enc(werkagendaId)}/actions`, body, o);
  changeAction = (key: string, body: ChangeAction, o?: WriteOptions) => this.patch(`/actions/${enc(key)}`, body, o);

  people = () => this.api.get<Person[]>('/people');
  person = (id: string) => this.api.get<Person>(`/people/${enc(id)}`);
  registerPerson = (body: RegisterPerson, o?: WriteOptions) => this.api.post<{ id: string }>('/people', body, o);
  changePerson = (id: string, body: ChangePerson, o?: WriteOptions) => this.patch(`/people/${enc(id)}`, body, o);
  forgetPerson = (id: string, o?: WriteOptions) => this.api.post<ForgetReport>(`/people/${enc(id)}/forget`, {}, o);

  accounts = () => this.api.get<Account[]>('/accounts');
  account = (id: string) => this.api.get<Account>(`/accounts/${enc(id)}`);
  createAccount = (body: CreateAccount, o?: WriteOptions) => this.api.post<{ id: string }>('/accounts', body, o);
  changeAccount = (id: string, body: ChangeAccount, o?: WriteOptions) => this.patch(`/accounts/${enc(id)}`, body, o);
  /** Without a password Regie makes one and answers it once. */
  resetPassword = (id: string, o?: WriteOptions) => this.api.post<PasswordReset>(`/accounts/${enc(id)}/password`, {}, o);

  indicators = () => this.api.get<Schema<'IndicatorDetail_Output'>[]>('/indicators');
  indicator = (id: string) => this.api.get<Schema<'IndicatorDetail_Output'>>(`/indicators/${enc(id)}`);
  defineIndicator = (body: DefineIndicator, o?: WriteOptions) => this.api.post<{ id: string }>('/indicators', body, o);
  changeIndicator = (id: string, body: ChangeIndicator, o?: WriteOptions) => this.patch(`/indicators/${enc(id)}`, body, o);

  meetingSeries = () => this.api.get<MeetingSeries[]>('/meeting-series');
  defineSeries = (body: DefineSeries, o?: WriteOptions) => this.api.post<MeetingSeries>('/meeting-series', body, o);
  /** A change from a date on, or with `end: true` the end of the series from that date. */
  changeSeries = (id: string, body: ChangeSeries, o?: WriteOptions) => this.patch(`/meeting-series/${enc(id)}`, body, o);
  adHocMeeting = (body: AdHocMeeting, o?: WriteOptions) => this.api.post<{ id: string }>('/meetings', body, o);

  private async patch(path: string, body: unknown, options: WriteOptions = {}): Promise<unknown> {
    const response = await this.api.raw('PATCH', path, {}, body, options);
    return response.status === 204 ? undefined : response.json();
  }
}
