import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@regie/read-model';
import { canonicalJson, sha256Of } from '../projection/publication';
import { MONITORING_MIGRATIONS as BOARD_MIGRATIONS } from '../milestone-board/migrations';

/**
 * Milestone event history (sources, replanning history), toezeggingen, indicators and published
 * projections. The history starts with the events consumed after this migration: milestones
 * replanned before it keep their count but have no slips (see README, limitations).
 */
export class MonitoringReadModels1700000000102 implements MigrationInterface {
  name = 'MonitoringReadModels1700000000102';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.board_milestone_event (
        milestone_id uuid NOT NULL, position bigint NOT NULL, action_code text NOT NULL, type text NOT NULL, data jsonb NOT NULL,
        PRIMARY KEY (milestone_id, position));
      CREATE INDEX ON ${s}.board_milestone_event (action_code);
      CREATE TABLE ${s}.commitment (
        id uuid PRIMARY KEY, text text NOT NULL, made_by text NOT NULL, due_text text NOT NULL, due_date date, status text NOT NULL,
        action_codes jsonb NOT NULL, postponements int NOT NULL, overdue_since date, sources jsonb NOT NULL);
      CREATE TABLE ${s}.indicator (
        id text PRIMARY KEY, title text NOT NULL, unit text NOT NULL, periodicity text NOT NULL, description text NOT NULL,
        source text NOT NULL, baseline jsonb, targets jsonb NOT NULL, assessments jsonb NOT NULL, revision int NOT NULL, sources jsonb NOT NULL);
      CREATE TABLE ${s}.indicator_measurement (
        indicator_id text NOT NULL, period text NOT NULL, value double precision NOT NULL, source text, position bigint NOT NULL,
        corrections int NOT NULL, PRIMARY KEY (indicator_id, period));
      CREATE TABLE ${s}.published_projection (
        quarter text NOT NULL, version int NOT NULL, published_at timestamptz NOT NULL, document text NOT NULL,
        position bigint NOT NULL, published_by text NOT NULL, PRIMARY KEY (quarter, version));`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(
      `DROP TABLE ${s}.published_projection, ${s}.indicator_measurement, ${s}.indicator, ${s}.commitment, ${s}.board_milestone_event`,
    );
  }
}

/** madeBy as the commitments context publishes it since CommitmentRegisteredV2: a function text with sealed persons. */
export class MonitoredMadeBySealed1700000000103 implements MigrationInterface {
  name = 'MonitoredMadeBySealed1700000000103';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${schemaOf(runner)}.commitment ALTER COLUMN made_by TYPE jsonb USING jsonb_build_object('text', made_by, 'persons', '[]'::jsonb)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.commitment ALTER COLUMN made_by TYPE text USING made_by->>'text'`);
  }
}

/**
 * A published projection's text is the text it was frozen as, and its sha256 is kept beside it.
 * Versions published before the text was kept in the event (ProjectionPublished with `document`)
 * were stored as JSON.stringify of the event's object, whose key order depended on whether the
 * projection read the event from the appending process's memory or from the database (jsonb
 * reorders keys): a replay could then produce other bytes than live. Their text becomes the
 * canonical JSON (keys sorted), which is what a replay of those events now produces as well.
 */
export class PublishedProjectionText1700000000104 implements MigrationInterface {
  name = 'PublishedProjectionText1700000000104';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE ${s}.published_projection ADD COLUMN sha256 text`);
    const rows: { quarter: string; version: number; document: string }[] = await runner.query(
      `SELECT quarter, version, document FROM ${s}.published_projection`,
    );
    for (const row of rows) {
      const document = canonicalJson(JSON.parse(row.document));
      await runner.query(`UPDATE ${s}.published_projection SET document = $3, sha256 = $4 WHERE quarter = $1 AND version = $2`, [
        row.quarter,
        row.version,
        document,
        sha256Of(document),
      ]);
    }
    await runner.query(`ALTER TABLE ${s}.published_projection ALTER COLUMN sha256 SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.published_projection DROP COLUMN sha256`);
  }
}

export const MONITORING_MIGRATIONS = [
  ...BOARD_MIGRATIONS,
  MonitoringReadModels1700000000102,
  MonitoredMadeBySealed1700000000103,
  PublishedProjectionText1700000000104,
];
