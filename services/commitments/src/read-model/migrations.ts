import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_WERKAGENDA_ID } from '@regie/es-core';
import { schemaOf } from '@regie/read-model';

/** Migrations interpolate the DataSource's schema, so a rebuild schema gets the same tables. */
export class CommitmentsReadModel1700000000101 implements MigrationInterface {
  name = 'CommitmentsReadModel1700000000101';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.commitment (
        id uuid PRIMARY KEY, text text NOT NULL, made_by text NOT NULL, made_at_date date NOT NULL,
        made_at_source text NOT NULL, due_text text NOT NULL, due_date date, original_due_text text NOT NULL,
        original_due_date date, status text NOT NULL, action_codes jsonb NOT NULL, external_ref jsonb,
        fulfilled_by jsonb, due_soon_for date, registered_at timestamptz NOT NULL, revision int NOT NULL);
      CREATE INDEX ON ${s}.commitment (status, due_date);
      CREATE TABLE ${s}.commitment_history (
        commitment_id uuid NOT NULL, revision int NOT NULL, type text NOT NULL, data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL, actor_id text NOT NULL, PRIMARY KEY (commitment_id, revision));`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`DROP TABLE ${s}.commitment_history, ${s}.commitment`);
  }
}

/** madeBy names persons sealed (CommitmentRegistered v2): a function text and sealed persons, as JSON. */
export class CommitmentMadeBySealed1700000000102 implements MigrationInterface {
  name = 'CommitmentMadeBySealed1700000000102';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE ${schemaOf(runner)}.commitment ALTER COLUMN made_by TYPE jsonb USING jsonb_build_object('text', made_by, 'persons', '[]'::jsonb)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.commitment ALTER COLUMN made_by TYPE text USING made_by->>'text'`);
  }
}

/** Toezeggingen per werkagenda: those registered before werkagenda's became tenants belong to the first. */
export class CommitmentWerkagenda1700000000103 implements MigrationInterface {
  name = 'CommitmentWerkagenda1700000000103';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`ALTER TABLE ${s}.commitment ADD COLUMN werkagenda_id text NOT NULL DEFAULT '${FIRST_WERKAGENDA_ID}'`);
    await runner.query(`CREATE INDEX ON ${s}.commitment (werkagenda_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${schemaOf(runner)}.commitment DROP COLUMN werkagenda_id`);
  }
}

export const COMMITMENTS_MIGRATIONS = [
  CommitmentsReadModel1700000000101,
  CommitmentMadeBySealed1700000000102,
  CommitmentWerkagenda1700000000103,
];
