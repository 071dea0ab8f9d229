import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@regie/read-model';

/** Migrations interpolate the DataSource's schema, so a rebuild schema gets the same tables. */
export class ActionsReadModel1700000000001 implements MigrationInterface {
  name = 'ActionsReadModel1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.werkagenda (
        id text PRIMARY KEY, title text NOT NULL, period_from date NOT NULL, period_to date NOT NULL,
        parties jsonb NOT NULL, action_lines jsonb NOT NULL);
      CREATE TABLE ${s}.action (
        code text PRIMARY KEY, werkagenda_id text NOT NULL, action_line int NOT NULL, title text NOT NULL,
        action_holder jsonb NOT NULL, start_activities jsonb NOT NULL, rag text, revision int NOT NULL);
      CREATE TABLE ${s}.milestone (
        id uuid PRIMARY KEY, action_code text NOT NULL, title text NOT NULL, due_date date NOT NULL,
        original_due_date date NOT NULL, status text NOT NULL, started_on date, achieved_on date,
        replans jsonb NOT NULL, cancel_reason text, revision int NOT NULL);
      CREATE INDEX ON ${s}.milestone (action_code, due_date);
      CREATE TABLE ${s}.progress_report (
        id uuid PRIMARY KEY, action_code text NOT NULL, rag text NOT NULL, summary text NOT NULL,
        reported_at timestamptz NOT NULL, reported_by text NOT NULL);
      CREATE INDEX ON ${s}.progress_report (action_code, reported_at);
      CREATE TABLE ${s}.knelpunt (
        id uuid PRIMARY KEY, action_code text NOT NULL, description text NOT NULL, escalated_to text,
        status text NOT NULL, raised_at timestamptz NOT NULL, resolution text, resolved_at timestamptz,
        revision int NOT NULL);
      CREATE INDEX ON ${s}.knelpunt (action_code);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE ${s}.knelpunt, ${s}.progress_report, ${s}.milestone, ${s}.action, ${s}.werkagenda`);
  }
}

/** MilestonePlanned v2 records the words the due date came from. */
export class MilestoneDueDateText1700000000002 implements MigrationInterface {
  name = 'MilestoneDueDateText1700000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.milestone ADD COLUMN due_date_text text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.milestone DROP COLUMN due_date_text`);
  }
}

/** The API lists one werkagenda's actions: found by index, however many werkagenda's the store holds. */
export class ActionWerkagendaIndex1700000000003 implements MigrationInterface {
  name = 'ActionWerkagendaIndex1700000000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX action_werkagenda_id ON ${schemaOf(runner)}.action (werkagenda_id, code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ${schemaOf(runner)}.action_werkagenda_id`);
  }
}

/**
 * Werkagenda's as tenants: an action row is keyed by its key (column `code`, e.g. '2.1' or
 * 'actieplan-dakloos-wlz-2025:1.1') and names its werkagenda and its code within it; actiehouders
 * as people; regions of an action; the region a milestone belongs to; archived werkagenda's.
 */
export class WerkagendaTenants1700000000004 implements MigrationInterface {
  name = 'WerkagendaTenants1700000000004';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.werkagenda ADD COLUMN archived boolean NOT NULL DEFAULT false, ADD COLUMN archive_reason text;
      ALTER TABLE ${s}.action ADD COLUMN code_in_werkagenda text,
        ADD COLUMN actiehouder_person_ids jsonb NOT NULL DEFAULT '[]';
      UPDATE ${s}.action SET code_in_werkagenda = regexp_replace(code, '^.*:', '');
      ALTER TABLE ${s}.action ALTER COLUMN code_in_werkagenda SET NOT NULL;
      CREATE UNIQUE INDEX action_werkagenda_code ON ${s}.action (werkagenda_id, code_in_werkagenda);
      CREATE TABLE ${s}.action_region (
        id text PRIMARY KEY, action_code text NOT NULL, slug text NOT NULL, name text NOT NULL,
        period_from date, period_to date, status text NOT NULL, status_changes jsonb NOT NULL, position int NOT NULL);
      CREATE INDEX ON ${s}.action_region (action_code);
      ALTER TABLE ${s}.milestone ADD COLUMN region_slug text;`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.milestone DROP COLUMN region_slug;
      DROP TABLE ${s}.action_region;
      DROP INDEX ${s}.action_werkagenda_code;
      ALTER TABLE ${s}.action DROP COLUMN code_in_werkagenda, DROP COLUMN actiehouder_person_ids;
      ALTER TABLE ${s}.werkagenda DROP COLUMN archived, DROP COLUMN archive_reason;`);
  }
}

export const ACTIONS_MIGRATIONS = [
  ActionsReadModel1700000000001,
  MilestoneDueDateText1700000000002,
  ActionWerkagendaIndex1700000000003,
  WerkagendaTenants1700000000004,
];
