import type { ZodType } from 'zod';
import { actionsAnswers as actions } from '@regie/actions';
import { commitmentsAnswers as commitments } from '@regie/commitments';
import { meetingsAnswers as meetings } from '@regie/meetings';
import { monitoringAnswers as monitoring } from '@regie/monitoring';
import { Changed, Created } from '@regie/nest-kit';
import { apiClient, type ApiClient, testDatabase } from '@regie/test-kit';
import * as platformAnswers from './platform.responses';
import { type RunningPlatform } from './platform';
import { platformForTests } from './testing/platform-for-tests';

type Declared = { schema: unknown };
const listOf = (dto: Declared): Declared => ({ schema: (dto.schema as ZodType).array() });

/**
 * The OpenAPI document is a promise to integrators and to the portal's generated types: each answer
 * is what its declared response schema says, with no field missing, mistyped or undeclared.
 */
describe('the answers the OpenAPI document declares', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let platform: RunningPlatform;
  let api: ApiClient;

  beforeAll(async () => {
    ({ db, platform } = await platformForTests('openapi_answers', '2026-03-15T09:00:00Z'));
    api = apiClient(platform.url);
  });
  afterAll(async () => {
    await platform.close();
    await db.drop();
  });

  /** Parses the answer with its schema; an object schema drops undeclared fields, so equality catches those too. */
  async function answer<T = { id: string }>(declared: Declared, path: string, body?: unknown, as?: string): Promise<T> {
    const init: RequestInit =
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await api.fetch(path, init, as);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    const json: unknown = await response.json();
    const parsed = (declared.schema as ZodType).safeParse(json);
    if (!parsed.success) throw new Error(`${path} answers other than declared: ${parsed.error.message}`);
    expect(parsed.data).toEqual(json);
    return json as T;
  }

  it('answers the actions context as declared, with progress, a knelpunt and a replanned mijlpaal', async () => {
    await answer(Created, '/api/v1/actions/2.1/progress-reports', { rag: 'oranje', summary: 'De pilots lopen vertraging op.' });
    const knelpunt = await answer(Created, '/api/v1/actions/2.1/knelpunten', { description: 'Geen cijfers', escalateTo: 'kerngroep' });
    await answer(Changed, `/api/v1/actions/2.1/knelpunten/${knelpunt.id}/resolve`, { resolution: 'Cijfers geleverd' });
    const milestone = await answer(Created, '/api/v1/actions/2.1/milestones', { title: 'Rapportage', dueDate: '2026-02-01' });
    await answer(Changed, `/api/v1/actions/2.1/milestones/${milestone.id}/replan`, { dueDate: '2026-06-01', reason: 'Later' });
    await answer(actions.Werkagenda, '/api/v1/werkagenda');
    await answer(listOf(actions.ActionSummary), '/api/v1/actions');
    await answer(actions.ActionDetail, '/api/v1/actions/2.1');
  });

  it('answers toezeggingen as declared, a postponed one included', async () => {
    const list = await answer<{ id: string; status: string }[]>(listOf(commitments.CommitmentSummary), '/api/v1/commitments');
    const open = list.find((c) => c.status === 'open' || c.status === 'overdue')!;
    await answer(commitments.CommitmentPostponed, `/api/v1/commitments/${open.id}/postpone`, {
      due: 'eind 2026',
      reason: 'Onderzoek loopt',
    });
    for (const { id } of [open, ...list.filter((c) => c.status === 'fulfilled').slice(0, 1)])
      await answer(commitments.CommitmentDetail, `/api/v1/commitments/${id}`);
  });

  it('answers overlegvormen and overleggen as declared, with a decision and an action point', async () => {
    await answer(listOf(meetings.MeetingSeries), '/api/v1/meeting-series');
    const list = await answer<{ id: string; kind: string; startsAt: string }[]>(listOf(meetings.MeetingSummary), '/api/v1/meetings');
    const meeting = list.filter((m) => m.kind === 'kerngroep' && m.startsAt < '2026-03-15').pop()!;
    await answer(Changed, `/api/v1/meetings/${meeting.id}/held`, {});
    await answer(meetings.RecordedOnMeeting, `/api/v1/meetings/${meeting.id}/decisions`, { text: 'Akkoord', kind: 'operationeel' });
    await answer(meetings.RecordedOnMeeting, `/api/v1/meetings/${meeting.id}/action-points`, {
      text: 'Cijfers opvragen',
      owner: 'Jan Jansen',
      dueDate: '2026-04-01',
    });
    await answer(meetings.MeetingDetail, `/api/v1/meetings/${meeting.id}`);
  });

  it('answers monitoring as declared: board, indicators with a measurement, projections published and compared', async () => {
    await answer(listOf(monitoring.BoardAction), '/api/v1/monitoring/milestones');
    await answer(listOf(monitoring.BoardActionLine), '/api/v1/monitoring/milestones/by-action-line');
    await answer(listOf(monitoring.OverdueCommitment), '/api/v1/monitoring/overdue-commitments');
    const [indicator] = await answer<{ id: string }[]>(listOf(monitoring.IndicatorDetail), '/api/v1/indicators');
    await answer(monitoring.MeasurementRecorded, `/api/v1/indicators/${indicator.id}/measurements`, { period: '2026-01', value: 120 });
    await answer(monitoring.IndicatorDetail, `/api/v1/indicators/${indicator.id}`);
    await answer(monitoring.Projection, '/api/v1/monitoring/projections/2026-Q1');
    await answer(monitoring.PublishedProjection, '/api/v1/monitoring/projections/2026-Q1/publish', {}, 'director');
    await answer(monitoring.PublishedProjection, '/api/v1/monitoring/projections/2026-Q1/publish', {}, 'director');
    await answer(monitoring.PublishedProjection, '/api/v1/monitoring/projections/2026-Q1/published');
    await answer(monitoring.ProjectionComparison, '/api/v1/monitoring/projections/2026-Q1/published/compare?from=1&to=2');
  });

  it('answers the platform routes as declared: health, who am I, the audit log', async () => {
    await answer(platformAnswers.Health, '/health');
    await answer(platformAnswers.Me, '/api/v1/auth/me');
    await answer(platformAnswers.AuditPage, '/api/v1/audit/events?limit=20&names=open', undefined, 'auditor');
    await answer(platformAnswers.AuditStream, '/api/v1/audit/streams/action-2.1', undefined, 'auditor');
    await answer(platformAnswers.ChainVerification, '/api/v1/audit/verify', undefined, 'auditor');
    await answer(platformAnswers.ChainCheckpoint, '/api/v1/audit/checkpoint', undefined, 'auditor');
  });
});
