import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { appliedTypes, NotFound, type RecordedEvent, type SealedName } from '@regie/es-core';
import { type Projection, schemaOf } from '@regie/read-model';
import type { PersonEvent } from './person';

/** The schema of the directory's read model (ActorNames reads `directory.people` too). */
export const DIRECTORY_SCHEMA = 'directory';

/**
 * One row per person. The name is kept only sealed (jsonb), with its data subject beside it so
 * that "is this name already registered?" is one indexed lookup without ever storing the name.
 */
@Entity('people')
export class PersonRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('jsonb') name!: SealedName;
  @Column('text') subject!: string;
  @Column('text', { nullable: true }) function!: string | null;
  @Column('text') organisation!: string;
  @Column('boolean') forgotten!: boolean;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('int') revision!: number;
}

export const DIRECTORY_ENTITIES = [PersonRow];

export class DirectoryReadModel1700000000001 implements MigrationInterface {
  name = 'DirectoryReadModel1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runner.query(`
      CREATE TABLE ${s}.people (
        id uuid PRIMARY KEY, name jsonb NOT NULL, subject text NOT NULL, function text, organisation text NOT NULL,
        forgotten boolean NOT NULL, registered_at timestamptz NOT NULL, revision int NOT NULL);
      CREATE INDEX ON ${s}.people (subject);`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${schemaOf(runner)}.people`);
  }
}

export const DIRECTORY_MIGRATIONS = [DirectoryReadModel1700000000001];

const handlesType = appliedTypes<PersonEvent>({ PersonRegistered: true, PersonChanged: true, PersonForgotten: true });

/** The directory from the person streams; rows are written only from event data, so a rebuild reproduces them. */
export class PeopleProjection implements Projection {
  readonly name = 'directory';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    const event = recorded as PersonEvent & RecordedEvent;
    const rows = em.getRepository(PersonRow);
    switch (event.type) {
      case 'PersonRegistered': {
        const d = event.data;
        await rows.insert({
          id: d.personId,
          name: d.name,
          subject: d.name.subject,
          function: d.function,
          organisation: d.organisation,
          forgotten: false,
          registeredAt: new Date(d.registeredAt),
          revision: event.revision,
        });
        return;
      }
      case 'PersonChanged': {
        const { name, function: fn, organisation, personId } = event.data;
        await rows.update(personId, {
          ...(name !== undefined ? { name, subject: name.subject } : {}),
          ...(fn !== undefined ? { function: fn } : {}),
          ...(organisation !== undefined ? { organisation } : {}),
          revision: event.revision,
        });
        return;
      }
      case 'PersonForgotten':
        await rows.update(event.data.personId, { forgotten: true, revision: event.revision });
        return;
    }
  }
}

/** A person as the API answers: the name sealed here, opened on the way out (openingPersonalData). */
export interface PersonView {
  id: string;
  name: SealedName;
  function: string | null;
  organisation: string;
  forgotten: boolean;
  revision: number;
}

const view = (row: PersonRow): PersonView => ({
  id: row.id,
  name: row.name,
  function: row.function,
  organisation: row.organisation,
  forgotten: row.forgotten,
  revision: row.revision,
});

/** Read side of the directory. */
export class PeopleQueries {
  constructor(private readonly ds: DataSource) {}

  /** Everyone not forgotten, by organisation; names are sealed, so the order by name is the caller's. */
  async list(): Promise<PersonView[]> {
    const rows = await this.ds.getRepository(PersonRow).find({ where: { forgotten: false }, order: { organisation: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  async get(id: string): Promise<PersonView> {
    const row = await this.ds.getRepository(PersonRow).findOneBy({ id });
    if (!row) throw new NotFound(`persoon ${id} bestaat niet`);
    return view(row);
  }

  /** The (not forgotten) person registered under the name of this data subject, if any. */
  async withSubject(subject: string): Promise<string | undefined> {
    const row = await this.ds.getRepository(PersonRow).findOneBy({ subject, forgotten: false });
    return row?.id;
  }
}
