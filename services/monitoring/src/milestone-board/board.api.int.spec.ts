import request from 'supertest';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { FIRST_WERKAGENDA_ID, newId } from '@regie/es-core';
import { monitoringTestApp, type MonitoringTestApp } from '../testing/monitoring-test-app';

const holder = { parties: ['VWS'], description: 'VWS' };
const action = (code: string, actionLine: number) => ({
  type: 'ActionDefinedV1' as const,
  werkagendaId: FIRST_WERKAGENDA_ID,
  code,
  actionLine,
  title: `actie ${code}`,
  actionHolder: holder,
});

describe('mijlpalen board over HTTP', () => {
  let t: MonitoringTestApp;
  const m1 = newId();
  const m2 = newId();
  const c1 = newId();
  beforeAll(async () => {
    t = await monitoringTestApp('monitoring_board');
    await t.actions(
      action('2.1', 2),
      action('3.1', 3),
      { type: 'MilestonePlannedV1', milestoneId: m1, actionCode: '2.1', title: 'Plan; van aanpak', dueDate: '2026-10-15' },
      {
        type: 'MilestoneReplannedV1',
        milestoneId: m1,
        actionCode: '2.1',
        previousDueDate: '2026-10-15',
        dueDate: '2026-11-14',
        reason: 'later',
      },
      {
        type: 'MilestoneReplannedV1',
        milestoneId: m1,
        actionCode: '2.1',
        previousDueDate: '2026-11-14',
        dueDate: '2026-12-14',
        reason: 'nog later',
      },
      { type: 'MilestonePlannedV1', milestoneId: m2, actionCode: '3.1', title: 'Verkenning', dueDate: '2026-06-30' },
    );
  });
  afterAll(async () => t.close());

  it('keeps the board shape, and adds replanned n times and a label per milestone', async () => {
    const board = (await request(t.http).get('/api/v1/monitoring/milestones').expect(200)).body;
    expect(board.map((a: { code: string }) => a.code)).toEqual(['2.1', '3.1']);
    expect(board[0]).toMatchObject({ code: '2.1', actionLine: 2, title: 'actie 2.1' });
    expect(board[0].milestones).toEqual([
      expect.objectContaining({
        id: m1,
        dueDate: '2026-12-14',
        originalDueDate: '2026-10-15',
        status: 'planned',
        late: false,
        replannedTimes: 2,
        replanned: true,
        label: 'gepland, 2× herpland',
      }),
    ]);
    expect(board[1].milestones[0]).toMatchObject({ status: 'late', late: true, label: 'te laat', replannedTimes: 0, daysLate: 146 });
  });

  it('groups the board per action line with counts per state', async () => {
    const lines = (await request(t.http).get('/api/v1/monitoring/milestones/by-action-line').expect(200)).body;
    expect(lines.map((l: { actionLine: number }) => l.actionLine)).toEqual([2, 3]);
    expect(lines[0].counts).toEqual({ total: 1, planned: 1, inProgress: 0, achieved: 0, late: 0, cancelled: 0, replanned: 1 });
    expect(lines[1].counts).toMatchObject({ total: 1, late: 1 });
  });

  it('applies a message delivered twice only once', async () => {
    const message = {
      topic: ACTIONS_TOPIC_V1,
      key: `milestone-${m2}`,
      eventId: newId(),
      type: 'MilestoneReplannedV1',
      position: 2_000_000,
      occurredAt: new Date().toISOString(),
      payload: {
        type: 'MilestoneReplannedV1',
        milestoneId: m2,
        actionCode: '3.1',
        previousDueDate: '2026-06-30',
        dueDate: '2026-07-31',
        reason: 'x',
      },
    };
    await t.deliver([message]);
    await t.deliver([message]);
    const board = (await request(t.http).get('/api/v1/monitoring/milestones').expect(200)).body;
    expect(board[1].milestones[0]).toMatchObject({ dueDate: '2026-07-31', replannedTimes: 1 });
  });

  it('exports the board as CSV for Dutch Excel: semicolons, header row, quoted fields', async () => {
    const res = await request(t.http).get('/api/v1/monitoring/milestones.csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'actielijn;actie;actietitel;mijlpaal_id;mijlpaal;streefdatum;oorspronkelijke_streefdatum;status;te_laat;herpland_aantal;behaald_op;bron_positie',
    );
    expect(lines[1]).toMatch(
      new RegExp(`^2;2\\.1;actie 2\\.1;${m1};"Plan; van aanpak";2026-12-14;2026-10-15;gepland, 2× herpland;nee;2;;\\d+$`),
    );
    expect(lines).toHaveLength(4); // header, two milestones, final line end
  });

  it('lists toezeggingen recorded as overdue, with the late milestones of their actions', async () => {
    const positions = await t.commitments(
      {
        type: 'CommitmentRegisteredV1',
        commitmentId: c1,
        text: 'Brief over kennisinfrastructuur',
        madeBy: 'Staatssecretaris',
        madeAt: { date: '2025-03-11', source: 'Kamerstuk 25 424, nr. 727' },
        due: { text: 'najaar 2025', date: '2025-11-30' },
        actionCodes: ['3.1'],
        externalRef: null,
      },
      {
        type: 'CommitmentRegisteredV1',
        commitmentId: newId(),
        text: 'Andere',
        madeBy: 'Minister',
        madeAt: { date: '2025-03-11', source: 'x' },
        due: { text: 'eind 2026', date: '2026-12-31' },
        actionCodes: [],
        externalRef: null,
      },
      { type: 'CommitmentBecameOverdueV1', commitmentId: c1, dueDate: '2025-11-30' },
    );
    const overdue = (await request(t.http).get('/api/v1/monitoring/overdue-commitments').expect(200)).body;
    expect(overdue).toEqual([
      expect.objectContaining({
        id: c1,
        overdueSince: '2025-11-30',
        due: { text: 'najaar 2025', date: '2025-11-30' },
        sources: [positions[0], positions[2]],
        lateMilestones: [expect.objectContaining({ id: m2, actionCode: '3.1', dueDate: '2026-07-31' })],
      }),
    ]);
    await t.commitments({
      type: 'CommitmentFulfilledV1',
      commitmentId: c1,
      document: { kenmerk: '123', title: 'Brief', date: '2026-11-20' },
    });
    expect((await request(t.http).get('/api/v1/monitoring/overdue-commitments').expect(200)).body).toEqual([]);
  });

  it('shows a milestone achieved after its due date as "behaald, te laat", with the days late', async () => {
    const m3 = newId();
    await t.actions(
      { type: 'MilestonePlannedV1', milestoneId: m3, actionCode: '3.1', title: 'Plan pilotregio', dueDate: '2026-05-31' },
      { type: 'MilestoneAchievedV1', milestoneId: m3, actionCode: '3.1', achievedOn: '2026-06-12' },
    );
    const board = (await request(t.http).get('/api/v1/monitoring/milestones').expect(200)).body;
    const achieved = board[1].milestones.find((m: { id: string }) => m.id === m3);
    expect(achieved).toMatchObject({ status: 'achieved', late: false, achievedLate: true, daysLate: 12, label: 'behaald, te laat' });
    expect(board[0].milestones[0]).toMatchObject({ achievedLate: false, daysLate: null });
  });
});
