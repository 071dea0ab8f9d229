import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
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

/**
 * Werkagenda's as tenants (issue 16): each action on the board, each indicator and each published
 * projection belongs to one werkagenda. Rows from before belong to the first werkagenda, except an
 * action whose key names another (`<werkagendaId>:<code>`); a rebuild takes it from ActionDefinedV1.
 * Indicators get their direction, action and the history of their targets (what was recorded
 * before counts from the start).
 */
export class MonitoringPerWerkagenda1700000000105 implements MigrationInterface {
  name = 'MonitoringPerWerkagenda1700000000105';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.board_action ADD COLUMN werkagenda_id text;
      UPDATE ${s}.board_action SET werkagenda_id = CASE WHEN position(':' in code) > 0
        THEN left(code, length(code) - position(':' in reverse(code))) ELSE '${FIRST_WERKAGENDA_ID}' END;
      ALTER TABLE ${s}.board_action ALTER COLUMN werkagenda_id SET NOT NULL;
      CREATE INDEX ON ${s}.board_action (werkagenda_id);
      ALTER TABLE ${s}.indicator
        ADD COLUMN werkagenda_id text NOT NULL DEFAULT '${FIRST_WERKAGENDA_ID}',
        ADD COLUMN action_code text,
        ADD COLUMN direction text NOT NULL DEFAULT 'lager-is-beter',
        ADD COLUMN target_history jsonb NOT NULL DEFAULT '[]'::jsonb;
      ALTER TABLE ${s}.indicator ALTER COLUMN werkagenda_id DROP DEFAULT, ALTER COLUMN direction DROP DEFAULT;
      UPDATE ${s}.indicator SET target_history = jsonb_build_array(jsonb_build_object(
        'validFrom', null, 'targets', targets, 'reason', null, 'changedBy', null, 'changedAt', null,
        'position', COALESCE((SELECT max((t->>'position')::bigint) FROM jsonb_array_elements(targets) t), 0)))
        WHERE jsonb_array_length(targets) > 0;
      ALTER TABLE ${s}.published_projection ADD COLUMN werkagenda_id text NOT NULL DEFAULT '${FIRST_WERKAGENDA_ID}';
      ALTER TABLE ${s}.published_projection ALTER COLUMN werkagenda_id DROP DEFAULT;
      ALTER TABLE ${s}.published_projection DROP CONSTRAINT published_projection_pkey;
      ALTER TABLE ${s}.published_projection ADD PRIMARY KEY (werkagenda_id, quarter, version);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      DELETE FROM ${s}.published_projection WHERE werkagenda_id <> '${FIRST_WERKAGENDA_ID}';
      ALTER TABLE ${s}.published_projection DROP CONSTRAINT published_projection_pkey;
      ALTER TABLE ${s}.published_projection ADD PRIMARY KEY (quarter, version);
      ALTER TABLE ${s}.published_projection DROP COLUMN werkagenda_id;
      ALTER TABLE ${s}.indicator DROP COLUMN werkagenda_id, DROP COLUMN action_code, DROP COLUMN direction, DROP COLUMN target_history;
      ALTER TABLE ${s}.board_action DROP COLUMN werkagenda_id;`);
  }
}

/**
 * A werkagenda's board and projection read only its own rows, by index, however many werkagenda's
 * there are: each milestone keeps its werkagenda (board.consumer.ts keeps it current), and
 * toezeggingen are found by their action keys (GIN) or, linked to none, by a partial index.
 */
export class MonitoringReadsPerWerkagenda1700000000106 implements MigrationInterface {
  name = 'MonitoringReadsPerWerkagenda1700000000106';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.board_milestone ADD COLUMN werkagenda_id text;
      UPDATE ${s}.board_milestone m SET werkagenda_id = COALESCE(
        (SELECT a.werkagenda_id FROM ${s}.board_action a WHERE a.code = m.action_code),
        CASE WHEN position(':' in m.action_code) > 0
          THEN left(m.action_code, length(m.action_code) - position(':' in reverse(m.action_code))) ELSE '${FIRST_WERKAGENDA_ID}' END);
      ALTER TABLE ${s}.board_milestone ALTER COLUMN werkagenda_id SET NOT NULL;
      CREATE INDEX board_milestone_werkagenda ON ${s}.board_milestone (werkagenda_id, due_date, title);
      CREATE INDEX commitment_action_codes ON ${s}.commitment USING gin (action_codes);
      CREATE INDEX commitment_without_actions ON ${s}.commitment (due_date, id) WHERE action_codes = '[]'::jsonb;`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      DROP INDEX ${s}.commitment_without_actions, ${s}.commitment_action_codes;
      ALTER TABLE ${s}.board_milestone DROP COLUMN werkagenda_id;`);
  }
}

export const MONITORING_MIGRATIONS = [
  ...BOARD_MIGRATIONS,
  MonitoringReadModels1700000000102,
  MonitoredMadeBySealed1700000000103,
  PublishedProjectionText1700000000104,
  MonitoringPerWerkagenda1700000000105,
  MonitoringReadsPerWerkagenda1700000000106,
];
