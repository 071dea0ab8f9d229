import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
 * rows as one JSON parameter. Many new rows (a rebuild's batch) go in by COPY instead, which costs
 * PostgreSQL a quarter of the INSERT's work. A row created and changed within the batch is
 * inserted once, in its final state.
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
  /** Per column, its value as COPY's text format spells it (never null: that is `\N`). */
  private readonly copyText: ((value: NonNullable<unknown>) => string)[] = [];
  private readonly copyAtRows: number;

  /**
   * `copyAtRows`: from how many new rows a flush writes them by COPY (inside a transaction only).
   * Below it one INSERT answers in one round trip, where COPY takes two: a live batch is small.
   */
  constructor(
    private readonly em: EntityManager,
    entity: EntityTarget<Row>,
    options: { copyAtRows?: number } = {},
  ) {
    this.copyAtRows = options.copyAtRows ?? COPY_AT_ROWS;
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
      this.copyText.push(copyTextOf(type, (v) => driver.preparePersistentValue(v, c) as string));
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
    const copying = created.length >= this.copyAtRows ? await this.copyClient() : undefined;
    if (copying) await this.copy(copying, created);
    else if (created.length > 0) {
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

  /** The connection of the transaction this RowSet writes in (COPY needs pg's own client), if any. */
  private async copyClient(): Promise<PoolClient | undefined> {
    const runner = this.em.queryRunner;
    if (!runner?.isTransactionActive) return undefined;
    return (await runner.connect()) as PoolClient;
  }

  /** The rows by COPY … FROM STDIN in text format: tab between columns, `\N` for null, one line a row. */
  private async copy(client: PoolClient, rows: Row[]): Promise<void> {
    const { columns, copyText } = this;
    const lines: string[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const value: unknown = row[columns[i].propertyName];
        line += (i === 0 ? '' : '\t') + (value === null || value === undefined ? '\\N' : copyText[i](value));
      }
      lines[r] = line;
    }
    const stream = client.query(copyFrom(`COPY ${this.table} (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(lines.join('\n') + '\n');
    });
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

/** New rows in one flush from which they go in by COPY. */
const COPY_AT_ROWS = 64;

/** COPY's text format: a backslash, tab, newline or carriage return in a value is escaped with a backslash. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyEscape(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}

/**
 * How a column's value is spelled for COPY, as PostgreSQL reads the same value from the INSERT's
 * JSON: jsonb as its JSON text, a Date as ISO text, or in a date column as the calendar day TypeORM
 * writes (`day`), everything else as its string (numbers, also NaN and Infinity, and booleans as
 * PostgreSQL reads them).
 */
function copyTextOf(type: string, day: (value: Date) => string): (value: NonNullable<unknown>) => string {
  if (type === 'jsonb' || type === 'json') return (v) => copyEscape(JSON.stringify(v));
  if (type === 'date') return (v) => (v instanceof Date ? day(v) : copyEscape(String(v)));
  return (v) => (v instanceof Date ? v.toISOString() : copyEscape(typeof v === 'object' ? JSON.stringify(v) : String(v)));
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
