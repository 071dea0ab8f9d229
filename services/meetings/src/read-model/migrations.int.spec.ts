import { testDatabase } from '@regie/test-kit';
import type { IntegrationMessage } from '@regie/es-core';
import { openReadModelDataSource } from '@regie/read-model';
import { applyActionsEvents } from '../inbound/actions.consumer';
import { MEETINGS_ENTITIES } from './entities';
import { MEETINGS_MIGRATIONS } from './migrations';

// A platform upgraded in place: its meetings tables were made by the migrations before series
// named their werkagenda. The upgrade keeps every row, gives the series the seeded werkagenda,
// and an inbound mijlpaal from before gets its werkagenda as soon as its action is (re)announced.
describe('meetings read model: upgrade to series per werkagenda', () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await testDatabase('meetings_migrations');
  });
  afterAll(async () => db.drop());

  it('keeps the rows, places the series in the seeded werkagenda and the mijlpaal once its action is known', async () => {
    const before = await openReadModelDataSource({
      url: db.url,
      schema: 'meetings',
      entities: [],
      migrations: MEETINGS_MIGRATIONS.slice(0, 3),
    });
    await before.query(`INSERT INTO meetings.meeting_series VALUES ('0196a4a2-7c1e-7000-8000-0000000000f1', 'kerngroep', 'Kerngroepoverleg', 'Voortgang', 'driewekelijks',
      '{"unit":"weeks","every":3}', '["Actiehouders"]', 'VWS', 'VWS', '2025-04-08', '10:00', 90, true)`);
    await before.query(
      `INSERT INTO meetings.inbound_milestone VALUES ('0196a4a2-7c1e-7000-8000-000000000201', '1.1', 'Plan van aanpak', '2026-03-20', 'planned', NULL)`,
    );
    await before.destroy();

    const after = await openReadModelDataSource({
      url: db.url,
      schema: 'meetings',
      entities: MEETINGS_ENTITIES,
      migrations: MEETINGS_MIGRATIONS,
    });
    try {
      expect(await after.query(`SELECT kind, werkagenda_id FROM meetings.meeting_series`)).toEqual([
        { kind: 'kerngroep', werkagenda_id: 'betekenisvol-leven-2025-2028' },
      ]);
      expect(await after.query(`SELECT action_code, werkagenda_id FROM meetings.inbound_milestone`)).toEqual([
        { action_code: '1.1', werkagenda_id: null },
      ]);

      const defined = {
        type: 'ActionDefinedV1',
        werkagendaId: 'betekenisvol-leven-2025-2028',
        code: '1.1',
        actionLine: 1,
        title: 'Regionale aanpak',
        actionHolder: { parties: ['VWS'], description: 'VWS' },
      };
      const message = {
        topic: 'regie.actions.v1',
        key: 'action-1.1',
        eventId: '0196a4a2-7c1e-7000-8000-000000000301',
        type: defined.type,
        payload: defined,
        position: 1,
        occurredAt: '2025-03-11T09:00:00Z',
      } as IntegrationMessage;
      await after.transaction((em) => applyActionsEvents([message], em));
      expect(await after.query(`SELECT action_code, werkagenda_id FROM meetings.inbound_milestone`)).toEqual([
        { action_code: '1.1', werkagenda_id: 'betekenisvol-leven-2025-2028' },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
