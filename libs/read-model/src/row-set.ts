import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Column types whose values JSON carries as PostgreSQL reads them (jsonb nested as it is, timestamptz as ISO text). */
const FLOAT_TYPES = new Set(['double precision', 'real', 'numeric']);
const JSON_TYPES = new Set([
  'text',
  'character varying',
  'uuid',
  'jsonb',
  'json',
  'integer',
  'smallint',
  'bigint',
  'boolean',
  'date',
  'timestamp with time zone',
  ...FLOAT_TYPES,
]);

/**
 * The rows of one read-model table that a batch of events changes, kept in memory while the
 * batch is applied and written at the end in at most two statements: one multi-row INSERT of the
 * rows the batch created and one multi-row UPDATE of the existing rows it changed, each with the
 * rows as one JSON parameter. A row created and changed within the batch is inserted once, in its
 * final state.
 *
 * It behaves like the one-statement-per-event calls it replaces: `insert` of a row that exists
 * fails (at once when known here, else as a duplicate key at `flush`), `update` of a row that does
 * not exist changes nothing. Rows to update must be `load`ed first (one SELECT for all of them).
 * `upsert` inserts or changes (like INSERT … ON CONFLICT (key) DO UPDATE of the given columns).
 * `delete` removes a row (like DELETE … WHERE key = …); one inserted again after it is new.
 * Tables with a composite primary key: `insert` only. Change rows through `update`/`upsert` (never
 * in place): an UPDATE writes the columns they changed.
 */
export class RowSet<Row extends ObjectLiteral> {
  private readonly rows = new Map<unknown, { row: Row; created: boolean; changed: boolean }>();
  private readonly loaded = new Set<unknown>();
  /** Keys of rows that existed before the batch and were deleted in it (written first at `flush`). */
  private readonly deleted = new Set<unknown>();
  private readonly columns: ColumnMetadata[];
  private readonly keys: ColumnMetadata[];
  private readonly table: string;
  /** The columns `update` changed in rows that existed before the batch: the only ones the UPDATE writes. */
  private readonly patched = new Set<string>();
  /** Values JSON would not carry as TypeORM writes them, and what to send instead. */
  private readonly fixups: { column: ColumnMetadata; needs: (value: unknown) => boolean; fix: (value: unknown) => unknown }[] = [];

  constructor(
    private readonly em: EntityManager,
    entity: EntityTarget<Row>,
  ) {
    const metadata = em.connection.getMetadata(entity);
    this.keys = metadata.primaryColumns;
    this.columns = metadata.columns;
    const schema = (em.connection.options as { schema?: string }).schema;
    this.table = `${schema ? `"${schema}".` : ''}"${metadata.tableName}"`;
    const driver = em.connection.driver;
    for (const c of this.columns) {
      const type = driver.normalizeType(c);
      if (c.embeddedMetadata || c.isArray || c.transformer || !JSON_TYPES.has(type))
        throw new Error(`RowSet: ${this.table}.${c.databaseName} (${type}) cannot be written as JSON: add its type to JSON_TYPES`);
      // A Date in a date column is the calendar day TypeORM writes (its local date), not an instant.
      if (type === 'date')
        this.fixups.push({ column: c, needs: (v) => v instanceof Date, fix: (v) => driver.preparePersistentValue(v, c) });
      // JSON has no NaN or Infinity: PostgreSQL reads them as text.
      if (FLOAT_TYPES.has(type))
        this.fixups.push({ column: c, needs: (v) => typeof v === 'number' && !Number.isFinite(v), fix: (v) => String(v) });
    }
  }

  /** The primary key column (tables with a single-column key). */
  private get key(): ColumnMetadata {
    if (this.keys.length !== 1) throw new Error(`RowSet: ${this.table} has a composite primary key: insert only`);
    return this.keys[0];
  }

  private keyOf(row: Row): unknown {
    return this.keys.length === 1 ? row[this.keys[0].propertyName] : JSON.stringify(this.keys.map((k) => row[k.propertyName]));
  }

  /** Reads the rows with these keys that are not known yet (missing ones stay unknown: updates skip them). */
  async load(keys: Iterable<unknown>): Promise<void> {
    const wanted = [...new Set(keys)].filter((k) => k !== undefined && !this.loaded.has(k) && !this.rows.has(k));
    if (wanted.length === 0) return;
    wanted.forEach((k) => this.loaded.add(k));
    // Plain SQL, hydrated column by column as TypeORM does it (its query builder costs more than the query).
    const driver = this.em.connection.driver;
    const found: Record<string, unknown>[] = await this.em.query(
      `SELECT ${this.columns.map((c) => `"${c.databaseName}"`).join(', ')} FROM ${this.table}
       WHERE "${this.key.databaseName}" = ANY ($1::${driver.normalizeType(this.key)}[])`,
      [wanted],
    );
    for (const raw of found) {
      const row = {} as Row;
      for (const c of this.columns) (row as Record<string, unknown>)[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
      this.rows.set(row[this.key.propertyName], { row, created: false, changed: false });
    }
  }

  get(key: unknown): Row | undefined {
    return this.rows.get(key)?.row;
  }

  insert(row: Row): void {
    const key = this.keyOf(row);
    if (this.rows.has(key)) throw new Error(`duplicate key ${String(key)} in ${this.table}`);
    this.rows.set(key, { row: { ...row }, created: true, changed: false });
  }

  /** Inserts the row, or changes the given columns of the existing one (it must have been loaded). */
  upsert(row: Partial<Row>): void {
    const key = row[this.key.propertyName];
    if (!this.update(key, row)) this.insert(row as Row);
  }

  /** Changes the row if it exists (like UPDATE … WHERE key = …); returns whether it did. */
  update(key: unknown, patch: Partial<Row>): boolean {
    const entry = this.rows.get(key);
    if (!entry) {
      if (!this.loaded.has(key)) throw new Error(`RowSet: ${String(key)} in ${this.table} was not loaded before its update`);
      return false;
    }
    Object.assign(entry.row, patch);
    if (!entry.created) for (const property of Object.keys(patch)) this.patched.add(property);
    entry.changed = true;
    return true;
  }

  /** Deletes the row if it exists (like DELETE … WHERE key = …; it must have been loaded); returns whether it did. */
  delete(key: unknown): boolean {
    const entry = this.rows.get(key);
    if (!entry) {
      if (!this.loaded.has(key)) throw new Error(`RowSet: ${String(key)} in ${this.table} was not loaded before its delete`);
      return false;
    }
    this.rows.delete(key);
    this.loaded.add(key); // known now: not there
    // A row the batch created is simply not written; one from before goes at flush.
    if (!entry.created) this.deleted.add(key);
    return true;
  }

  async flush(): Promise<void> {
    if (this.deleted.size > 0) {
      await this.em.query(
        `DELETE FROM ${this.table} WHERE "${this.key.databaseName}" = ANY ($1::${this.em.connection.driver.normalizeType(this.key)}[])`,
        [[...this.deleted]],
      );
      this.deleted.clear();
    }
    const created = [...this.rows.values()].filter((e) => e.created).map((e) => e.row);
    const changed = [...this.rows.values()].filter((e) => !e.created && e.changed).map((e) => e.row);
    if (created.length > 0) {
      await this.em.query(
        `INSERT INTO ${this.table} (${this.columns.map((c) => `"${c.databaseName}"`).join(', ')})
         SELECT ${this.columns.map((c) => `r."${c.propertyName}"`).join(', ')} FROM ${this.recordset(this.columns)}`,
        [this.json(created)],
      );
    }
    const key = changed.length > 0 ? this.key : undefined;
    const others = this.columns.filter((c) => c !== key && this.patched.has(c.propertyName));
    if (key && others.length > 0) {
      // Only the changed columns: a milestone's new status need not send its action's jsonb again.
      const written = [key, ...others];
      const rows = changed.map((row) => {
        const part: Record<string, unknown> = {};
        for (const c of written) part[c.propertyName] = row[c.propertyName];
        return part as Row;
      });
      await this.em.query(
        `UPDATE ${this.table} AS t SET ${others.map((c) => `"${c.databaseName}" = r."${c.propertyName}"`).join(', ')}
         FROM ${this.recordset(written)} WHERE t."${key.databaseName}" = r."${key.propertyName}"`,
        [this.json(rows)],
      );
    }
    for (const entry of this.rows.values()) {
      entry.created = false;
      entry.changed = false;
    }
    this.patched.clear();
  }

  /** `jsonb_to_recordset($1) AS r(…)`: the columns under their property names, in their own types. */
  private recordset(columns: ColumnMetadata[]): string {
    const driver = this.em.connection.driver;
    return `jsonb_to_recordset($1::jsonb) AS r(${columns.map((c) => `"${c.propertyName}" ${driver.normalizeType(c)}`).join(', ')})`;
  }

  /**
   * The rows as one JSON text, keyed by property name: PostgreSQL takes them apart
   * (jsonb_to_recordset), so each row costs Node one native JSON.stringify instead of a
   * parameter encoding per cell (jsonb text escaped again inside an array literal).
   */
  private json(rows: Row[]): string {
    const fixed = this.fixups.filter(({ column, needs }) => rows.some((row) => needs(row[column.propertyName])));
    if (fixed.length === 0) return JSON.stringify(rows);
    return JSON.stringify(
      rows.map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const { column, needs, fix } of fixed)
          if (needs(copy[column.propertyName])) copy[column.propertyName] = fix(copy[column.propertyName]);
        return copy;
      }),
    );
  }
}

/**
 * The keys a batch must `load`: those of existing rows its events change. A row an earlier event
 * of the same batch creates needs no reading; `key` tells, per event, which row it creates or
 * changes (or neither).
 */
export function changedKeys<E>(events: E[], key: (event: E) => { changes?: string; creates?: string }): string[] {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const event of events) {
    const { changes, creates } = key(event);
    if (creates) created.add(creates);
    if (changes && !created.has(changes)) changed.add(changes);
  }
  return [...changed];
}
