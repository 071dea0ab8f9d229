import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@regie/read-model';
import { SERIES_WERKAGENDA_ID } from '../seed/series.seed-data';

/** Migrations interpolate the DataSource's schema, so a rebuild schema gets the same tables. */
export class MeetingsReadModel1700000000201 implements MigrationInterface {
  name = 'MeetingsReadModel1700000000201';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.meeting_series (
        id uuid PRIMARY KEY, kind text NOT NULL UNIQUE, title text NOT NULL, purpose text NOT NULL, cadence text NOT NULL,
        interval jsonb NOT NULL, participants jsonb NOT NULL, chair text, organiser text NOT NULL, first_date date NOT NULL,
        local_time text NOT NULL, duration_minutes int NOT NULL, example boolean NOT NULL);
      CREATE TABLE ${s}.meeting (
        id uuid PRIMARY KEY, series_id uuid NOT NULL, kind text NOT NULL, occurrence_index int NOT NULL,
        nominal_date date NOT NULL, moved_because text, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
        status text NOT NULL, sequence int NOT NULL, reschedules jsonb NOT NULL, cancel_reason text,
        manual_items jsonb NOT NULL, withdrawn jsonb NOT NULL, agenda_order jsonb, published_agenda jsonb,
        published_at timestamptz, held_at timestamptz, minutes_approved_at timestamptz,
        updated_at timestamptz NOT NULL, revision int NOT NULL);
      CREATE INDEX ON ${s}.meeting (kind, starts_at);
      CREATE TABLE ${s}.decision (
        id uuid PRIMARY KEY, meeting_id uuid NOT NULL, text text NOT NULL, kind text NOT NULL, recorded_at timestamptz NOT NULL);
      CREATE INDEX ON ${s}.decision (meeting_id);
      CREATE TABLE ${s}.action_point (
        id uuid PRIMARY KEY, meeting_id uuid NOT NULL, series_id uuid NOT NULL, text text NOT NULL, owner text NOT NULL,
        due_date date NOT NULL, done boolean NOT NULL, completed_on date);
      CREATE INDEX ON ${s}.action_point (series_id);
      CREATE TABLE ${s}.inbound_knelpunt (
        id uuid PRIMARY KEY, action_code text NOT NULL, description text NOT NULL, escalated_to text, status text NOT NULL);
      CREATE TABLE ${s}.inbound_milestone (
        id uuid PRIMARY KEY, action_code text NOT NULL, title text NOT NULL, due_date date NOT NULL, status text NOT NULL,
        achieved_on date);
      CREATE TABLE ${s}.inbound_commitment (
        id text PRIMARY KEY, text text NOT NULL, due_date date NOT NULL, action_codes jsonb NOT NULL);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE ${s}.inbound_commitment, ${s}.inbound_milestone, ${s}.inbound_knelpunt,
      ${s}.action_point, ${s}.decision, ${s}.meeting, ${s}.meeting_series`);
  }
}

/** Action point owners are personal data, stored sealed (ActionPointAssigned v2); older plain owners become JSON strings. */
export class ActionPointOwnerSealed1700000000202 implements MigrationInterface {
  name = 'ActionPointOwnerSealed1700000000202';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.action_point ALTER COLUMN owner TYPE jsonb USING to_jsonb(owner)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.action_point ALTER COLUMN owner TYPE text USING owner #>> '{}'`);
  }
}

/** A draft reads the milestones due since the previous meeting: by index, however many were ever planned. */
export class InboundMilestoneDueDate1700000000203 implements MigrationInterface {
  name = 'InboundMilestoneDueDate1700000000203';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX inbound_milestone_due_date ON ${schemaOf(runner)}.inbound_milestone (due_date)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ${schemaOf(runner)}.inbound_milestone_due_date`);
  }
}

/**
 * Each series belongs to a werkagenda, and a draft collects only that werkagenda's mijlpalen and
 * knelpunten: meetings learns which werkagenda an action code belongs to from ActionDefinedV1
 * (inbound_action) and notes it on the inbound rows. Rows from before (or of an action not
 * defined yet) have none and go on every werkagenda's drafts, as they did; `regie replay
 * --service meetings` gives them theirs. Series from before are the seeded werkagenda's (the
 * MeetingSeriesDefined v1 → v2 upcaster says the same).
 */
export class SeriesPerWerkagenda1700000000204 implements MigrationInterface {
  name = 'SeriesPerWerkagenda1700000000204';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.meeting_series ADD COLUMN werkagenda_id text NOT NULL DEFAULT '${SERIES_WERKAGENDA_ID}';
      ALTER TABLE ${s}.meeting_series ALTER COLUMN werkagenda_id DROP DEFAULT;
      ALTER TABLE ${s}.meeting_series DROP CONSTRAINT meeting_series_kind_key;
      ALTER TABLE ${s}.meeting_series ADD CONSTRAINT meeting_series_werkagenda_kind UNIQUE (werkagenda_id, kind);
      CREATE TABLE ${s}.inbound_action (code text PRIMARY KEY, werkagenda_id text NOT NULL);
      ALTER TABLE ${s}.inbound_milestone ADD COLUMN werkagenda_id text;
      CREATE INDEX inbound_milestone_werkagenda_due ON ${s}.inbound_milestone (werkagenda_id, due_date);
      CREATE INDEX inbound_milestone_unplaced ON ${s}.inbound_milestone (action_code) WHERE werkagenda_id IS NULL;
      ALTER TABLE ${s}.inbound_knelpunt ADD COLUMN werkagenda_id text;
      CREATE INDEX inbound_knelpunt_open ON ${s}.inbound_knelpunt (werkagenda_id, escalated_to) WHERE status = 'open';
      CREATE INDEX inbound_knelpunt_unplaced ON ${s}.inbound_knelpunt (action_code) WHERE werkagenda_id IS NULL;`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.inbound_knelpunt DROP COLUMN werkagenda_id;
      ALTER TABLE ${s}.inbound_milestone DROP COLUMN werkagenda_id;
      DROP TABLE ${s}.inbound_action;
      ALTER TABLE ${s}.meeting_series DROP CONSTRAINT meeting_series_werkagenda_kind;
      ALTER TABLE ${s}.meeting_series ADD CONSTRAINT meeting_series_kind_key UNIQUE (kind);
      ALTER TABLE ${s}.meeting_series DROP COLUMN werkagenda_id;`);
  }
}

/** A draft reads its own series' meetings and the toezeggingen due around its date: by index, however many werkagenda's there are. */
export class DraftIndexes1700000000205 implements MigrationInterface {
  name = 'DraftIndexes1700000000205';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE INDEX meeting_series_starts ON ${s}.meeting (series_id, starts_at);
      CREATE INDEX meeting_series_werkagenda ON ${s}.meeting_series (werkagenda_id);
      CREATE INDEX inbound_commitment_due_date ON ${s}.inbound_commitment (due_date);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP INDEX ${s}.meeting_series_starts, ${s}.meeting_series_werkagenda, ${s}.inbound_commitment_due_date`);
  }
}

/** Where a series or a meeting meets (LocationSet events), for the calendar feed's LOCATION. */
export class MeetingLocations1700000000206 implements MigrationInterface {
  name = 'MeetingLocations1700000000206';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE ${schemaOf(runner)}.location (target text NOT NULL, target_id uuid NOT NULL, location text NOT NULL, PRIMARY KEY (target, target_id))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${schemaOf(runner)}.location`);
  }
}

/**
 * The verslag (issue 15): decisions get their agenda item and a status (a correction is a new row
 * that names the one it replaces), action points their agenda item and earlier owners, and the
 * `minutes` table holds attendance and notes per agenda item. Rows from before hold (geldig).
 */
export class Minutes1700000000210 implements MigrationInterface {
  name = 'Minutes1700000000210';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.decision ADD COLUMN item_id text, ADD COLUMN status text NOT NULL DEFAULT 'geldig',
        ADD COLUMN corrects uuid, ADD COLUMN corrected_by uuid, ADD COLUMN change_reason text, ADD COLUMN changed_at timestamptz;
      ALTER TABLE ${s}.decision ALTER COLUMN status DROP DEFAULT;
      CREATE INDEX decision_recorded_at ON ${s}.decision (recorded_at);
      ALTER TABLE ${s}.action_point ADD COLUMN item_id text, ADD COLUMN reassignments jsonb NOT NULL DEFAULT '[]';
      ALTER TABLE ${s}.action_point ALTER COLUMN reassignments DROP DEFAULT;
      CREATE INDEX action_point_due_date ON ${s}.action_point (due_date);
      CREATE TABLE ${s}.minutes (
        meeting_id uuid PRIMARY KEY, present jsonb NOT NULL, absent jsonb NOT NULL, attendance_recorded_at timestamptz,
        notes jsonb NOT NULL);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      DROP TABLE ${s}.minutes;
      DROP INDEX ${s}.action_point_due_date, ${s}.decision_recorded_at;
      ALTER TABLE ${s}.action_point DROP COLUMN item_id, DROP COLUMN reassignments;
      ALTER TABLE ${s}.decision DROP COLUMN item_id, DROP COLUMN status, DROP COLUMN corrects, DROP COLUMN corrected_by,
        DROP COLUMN change_reason, DROP COLUMN changed_at;`);
  }
}

/**
 * The meeting lifecycle (issue 15): a chair per meeting, the moment a holding was recorded (a
 * meeting may be recorded as held after it), and whether holding froze the agenda; and the
 * published quarterly projections a regiegroep agenda names (monitoring's ProjectionPublishedV1).
 */
export class MeetingLifecycle1700000000211 implements MigrationInterface {
  name = 'MeetingLifecycle1700000000211';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.meeting
      ADD COLUMN chair text, ADD COLUMN held_recorded_at timestamptz, ADD COLUMN agenda_frozen_by text`);
    await runner.query(
      `CREATE TABLE ${schemaOf(runner)}.inbound_projection (quarter text PRIMARY KEY, version int NOT NULL, published_on date NOT NULL)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${schemaOf(runner)}.inbound_projection`);
    await runner.query(
      `ALTER TABLE ${schemaOf(runner)}.meeting DROP COLUMN chair, DROP COLUMN held_recorded_at, DROP COLUMN agenda_frozen_by`,
    );
  }
}

/**
 * Series and meetings through the API (issue 16): several series of one overlegvorm in a
 * werkagenda, an ad-hoc meeting's own row beside the series, changes from a date on and an end.
 */
export class SeriesThroughApi1700000000212 implements MigrationInterface {
  name = 'SeriesThroughApi1700000000212';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.meeting_series DROP CONSTRAINT meeting_series_werkagenda_kind;
      ALTER TABLE ${s}.meeting_series ADD COLUMN ad_hoc boolean NOT NULL DEFAULT false, ADD COLUMN action_code text,
        ADD COLUMN changes jsonb NOT NULL DEFAULT '[]', ADD COLUMN ends_on date, ADD COLUMN end_reason text;
      ALTER TABLE ${s}.meeting_series ALTER COLUMN ad_hoc DROP DEFAULT, ALTER COLUMN changes DROP DEFAULT;`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      DELETE FROM ${s}.meeting_series WHERE ad_hoc;
      ALTER TABLE ${s}.meeting_series DROP COLUMN ad_hoc, DROP COLUMN action_code, DROP COLUMN changes, DROP COLUMN ends_on,
        DROP COLUMN end_reason;
      ALTER TABLE ${s}.meeting_series ADD CONSTRAINT meeting_series_werkagenda_kind UNIQUE (werkagenda_id, kind);`);
  }
}

/**
 * A draft reads the toezeggingen of its own werkagenda by their action keys (GIN) and those on
 * every werkagenda's drafts (no action, or one not known yet) by a partial index, not every open
 * toezegging of every werkagenda; a werkagenda's actions by their werkagenda.
 */
export class DraftCommitmentsPerWerkagenda1700000000213 implements MigrationInterface {
  name = 'DraftCommitmentsPerWerkagenda1700000000213';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      ALTER TABLE ${s}.inbound_commitment ADD COLUMN unplaced boolean;
      UPDATE ${s}.inbound_commitment c SET unplaced = jsonb_array_length(c.action_codes) = 0 OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(c.action_codes) AS named(code) WHERE NOT EXISTS (
          SELECT 1 FROM ${s}.inbound_action a WHERE a.code = named.code));
      ALTER TABLE ${s}.inbound_commitment ALTER COLUMN unplaced SET NOT NULL;
      CREATE INDEX inbound_commitment_action_codes ON ${s}.inbound_commitment USING gin (action_codes);
      CREATE INDEX inbound_commitment_unplaced ON ${s}.inbound_commitment (due_date) WHERE unplaced;
      CREATE INDEX inbound_action_werkagenda ON ${s}.inbound_action (werkagenda_id);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      DROP INDEX ${s}.inbound_action_werkagenda, ${s}.inbound_commitment_unplaced, ${s}.inbound_commitment_action_codes;
      ALTER TABLE ${s}.inbound_commitment DROP COLUMN unplaced;`);
  }
}

export const MEETINGS_MIGRATIONS = [
  MeetingsReadModel1700000000201,
  ActionPointOwnerSealed1700000000202,
  InboundMilestoneDueDate1700000000203,
  SeriesPerWerkagenda1700000000204,
  DraftIndexes1700000000205,
  MeetingLocations1700000000206,
  Minutes1700000000210,
  MeetingLifecycle1700000000211,
  SeriesThroughApi1700000000212,
  DraftCommitmentsPerWerkagenda1700000000213,
];
