import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql, type Kysely } from 'kysely';
import { verifyChain } from './auditChain.ts';
import { connect, dialectOf, type DB } from './connect.ts';
import { migrateToLatest, migrationsFor } from './migrations/index.ts';
import { listChainedEntries } from './repositories/audit.ts';

/**
 * `npm run copy-to-postgres`: a SQLite installation's data into an empty PostgreSQL database, which is migrated
 * first. Every refusal is an Error whose message says what to do; the copy is one PostgreSQL transaction, so a
 * failure, or a check after it that does not hold, leaves the target without any of the data.
 */

/** PostgreSQL takes at most 65,535 parameters in a statement: a batch of rows is as many as fit. */
const MAX_PARAMETERS = 65_535;

/**
 * The PostgreSQL column types the migrations create. The two dialects store the same values (db/schema.ts:
 * booleans as 0/1 integers, timestamps as ISO text), so each value is copied as it is; a column of any other
 * type would need a conversion this version does not know, and the copy refuses rather than guess.
 */
const COPIED_TYPES = new Set(['text', 'int4', 'int8', 'float8']);

export interface CopySummary {
  /** Each table with the rows copied, in the order copied (referenced tables first). */
  tables: Array<{ table: string; rows: number }>;
  rows: number;
  milliseconds: number;
  auditEntries: number;
}

interface SourceTable {
  name: string;
  columns: string[];
  /** Columns referring to the same table (a unit's parent, a person's manager): filled in after all its rows. */
  selfReferences: string[];
  primaryKey: string[];
}

/** The URL as it may be printed: without its password. */
const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Copies the SQLite database in `sourceFile` into the PostgreSQL database at `targetUrl`. The source is read in
 * one read transaction, a consistent snapshot while a server may go on writing (WAL); what it writes afterwards
 * is not copied. `onTable` hears of each table as it is done.
 */
export async function copySqliteToPostgres(sourceFile: string, targetUrl: string, onTable: (table: string, rows: number) => void = () => {}): Promise<CopySummary> {
  const started = performance.now();
  if (dialectOf(targetUrl) !== 'postgres') throw new Error(`The target must be a PostgreSQL URL (postgres://user@host/database), not ${withoutPassword(targetUrl)}.`);
  const source = openSource(sourceFile);
  try {
    source.exec('begin');
    const tables = readSourceTables(source, sourceFile);
    const target = await reachTarget(targetUrl);
    try {
      // Checked before migrating too, so that a database in use is not altered before being refused.
      await refuseOccupied(target, tables);
      await migrateToLatest(target, 'postgres');
      const copied = await target.transaction().execute(async (trx) => {
        await refuseOccupied(trx, tables);
        const done: CopySummary['tables'] = [];
        for (const table of tables) {
          const rows = await copyTable(source, trx, table);
          done.push({ table: table.name, rows });
          onTable(table.name, rows);
        }
        await resetSequences(trx);
        await verifyCounts(source, trx, done);
        const chain = verifyChain(await listChainedEntries(trx));
        if (!chain.ok) throw new Error(`The copied audit log does not verify (seq ${chain.seq}: ${chain.reason}); nothing was copied. Check the source with npm run audit:verify.`);
        return { tables: done, auditEntries: chain.count };
      });
      const rows = copied.tables.reduce((sum, t) => sum + t.rows, 0);
      return { ...copied, rows, milliseconds: Math.round(performance.now() - started) };
    } finally {
      await target.destroy();
    }
  } finally {
    if (source.inTransaction) source.exec('rollback');
    source.close();
  }
}

function openSource(file: string): SqliteDatabase.Database {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`No SQLite database at ${path.resolve(file)}: check DATA_DIR, DATABASE_URL or --from.`);
  const db = new SqliteDatabase(file, { fileMustExist: true });
  // A server writing at the same moment holds the write lock only briefly; reading needs none in WAL mode.
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The source's tables in an order where every table comes after those it refers to; checks it is this version's. */
function readSourceTables(source: SqliteDatabase.Database, file: string): SourceTable[] {
  let names: string[];
  try {
    names = (source.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`).all() as Array<{ name: string }>).map((r) => r.name);
  } catch (error) {
    throw new Error(`${path.resolve(file)} is not a SQLite database (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!names.includes(DEFAULT_MIGRATION_TABLE)) throw new Error(`${path.resolve(file)} is a SQLite database, but not one of Bagalau 360 (no ${DEFAULT_MIGRATION_TABLE} table).`);
  const applied = (source.prepare(`select name from ${DEFAULT_MIGRATION_TABLE} order by name`).all() as Array<{ name: string }>).map((r) => r.name);
  const known = Object.keys(migrationsFor('sqlite'));
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`${path.resolve(file)} comes from a newer version of Bagalau 360 (migration ${unknown.join(', ')}): copy it with that version.`);
  if (applied.length < known.length) throw new Error(`${path.resolve(file)} is from an older version of Bagalau 360 (schema ${applied.at(-1) ?? 'none'}): start this version on it once (npm start) to bring it up to date, then copy.`);

  const product = names.filter((name) => name !== DEFAULT_MIGRATION_TABLE && name !== DEFAULT_MIGRATION_LOCK_TABLE);
  const described = new Map<string, SourceTable & { refersTo: string[] }>();
  for (const name of product) {
    const columns = source.pragma(`table_info("${name}")`) as Array<{ name: string; pk: number }>;
    const keys = source.pragma(`foreign_key_list("${name}")`) as Array<{ table: string; from: string }>;
    described.set(name, {
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      selfReferences: keys.filter((k) => k.table === name).map((k) => k.from),
      refersTo: keys.filter((k) => k.table !== name).map((k) => k.table),
    });
  }
  const ordered: SourceTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < described.size) {
    const next = [...described.values()].find((t) => !placed.has(t.name) && t.refersTo.every((other) => placed.has(other) || !described.has(other)));
    if (!next) throw new Error(`The tables of ${path.resolve(file)} refer to each other in a circle: they cannot be copied one after another.`);
    placed.add(next.name);
    ordered.push({ name: next.name, columns: next.columns, primaryKey: next.primaryKey, selfReferences: next.selfReferences });
  }
  return ordered;
}

async function reachTarget(url: string): Promise<DB> {
  const { db } = await connect(url, { migrate: false });
  try {
    await sql`select 1`.execute(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot reach PostgreSQL at ${withoutPassword(url)}: ${error instanceof Error ? error.message : String(error)}. Check the URL, that the server runs and that the database exists (createdb).`);
  }
}

/** Refuses a target where any of the product's tables holds a row. */
async function refuseOccupied(db: Kysely<any>, tables: SourceTable[]): Promise<void> {
  const present = new Set((await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name));
  const occupied: string[] = [];
  for (const { name } of tables) {
    if (!present.has(name)) continue;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    if (rows[0]!.n > 0) occupied.push(`${name}: ${rows[0]!.n}`);
  }
  if (occupied.length) {
    throw new Error(
      `The target already holds data (${occupied.join(', ')}; the administrator made at a first start counts too). ` +
        'Copy only into an empty database: create a new one (createdb) or drop this one and create it again. Nothing was changed.',
    );
  }
}

/** The PostgreSQL type of each column of `table` in the target, checked against the source's columns. */
async function columnTypes(db: Kysely<any>, table: SourceTable): Promise<string[]> {
  const { rows } = await sql<{ name: string; type: string }>`
    select column_name as name, udt_name as type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table.name}`.execute(db);
  const types = new Map(rows.map((r) => [r.name, r.type]));
  const missing = table.columns.filter((c) => !types.has(c));
  const extra = rows.map((r) => r.name).filter((c) => !table.columns.includes(c));
  if (missing.length || extra.length) throw new Error(`The table ${table.name} differs between the source and the migrated target (source only: ${missing.join(', ') || 'none'}; target only: ${extra.join(', ') || 'none'}).`);
  return table.columns.map((column) => {
    const type = types.get(column)!;
    if (!COPIED_TYPES.has(type)) throw new Error(`The column ${table.name}.${column} is of type ${type} on PostgreSQL, which this version does not know how to copy.`);
    return type;
  });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `($1::text, $2::int8), ($3::text, $4::int8), …` for `rows` rows of columns of these types. */
const valueRows = (types: string[], rows: number): string =>
  Array.from({ length: rows }, (_, r) => `(${types.map((type, c) => `$${r * types.length + c + 1}::${type}`).join(', ')})`).join(', ');

/**
 * Copies one table in batches of multi-row inserts (three times faster here than one array parameter per column,
 * whose escaping costs more than the insert); self-references in a second pass, as a unit's parent or a
 * person's manager may have been added after them. Returns the rows copied.
 */
async function copyTable(source: SqliteDatabase.Database, db: Kysely<any>, table: SourceTable): Promise<number> {
  const types = await columnTypes(db, table);
  const direct = table.columns.map((column, i) => ({ column, type: types[i]! })).filter((c) => !table.selfReferences.includes(c.column));
  const insert = (rows: number) => `insert into ${quote(table.name)} (${direct.map((c) => quote(c.column)).join(', ')}) values ${valueRows(direct.map((c) => c.type), rows)}`;
  // Stored order: by the key, which is the rowid where there is one; tables made `without rowid` have only the key.
  const order = table.primaryKey.length ? table.primaryKey.map(quote).join(', ') : 'rowid';
  const read = source.prepare(`select ${direct.map((c) => quote(c.column)).join(', ')} from ${quote(table.name)} order by ${order}`).raw(true);
  let rows = 0;
  for (const batch of batches(read.iterate() as IterableIterator<unknown[]>, direct.length)) {
    await db.executeQuery(CompiledQuery.raw(insert(batch.length), batch.flat()));
    rows += batch.length;
  }
  for (const column of table.selfReferences) {
    const keys = [...table.primaryKey, column];
    const keyTypes = keys.map((k) => types[table.columns.indexOf(k)]!);
    const match = table.primaryKey.map((k) => `t.${quote(k)} = v.${quote(k)}`).join(' and ');
    const update = (rows: number) => `update ${quote(table.name)} as t set ${quote(column)} = v.${quote(column)} from (values ${valueRows(keyTypes, rows)}) as v(${keys.map(quote).join(', ')}) where ${match}`;
    const referring = source.prepare(`select ${keys.map(quote).join(', ')} from ${quote(table.name)} where ${quote(column)} is not null order by ${order}`).raw(true);
    for (const batch of batches(referring.iterate() as IterableIterator<unknown[]>, keys.length)) {
      await db.executeQuery(CompiledQuery.raw(update(batch.length), batch.flat()));
    }
  }
  return rows;
}

/** The rows in batches of as many as one statement can take with `columns` parameters a row. */
function* batches(rows: IterableIterator<unknown[]>, columns: number): Generator<unknown[][]> {
  const size = Math.floor(MAX_PARAMETERS / columns);
  let batch: unknown[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Sets every sequence of the target's tables past the highest value copied into its column. There is none today
 * (audit_entry's identity went in 0010: the writer numbers entries itself); one a later migration adds is covered.
 */
async function resetSequences(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ sequence: string; table: string; column: string }>`
    select s.oid::regclass::text as sequence, t.relname as table, a.attname as column
    from pg_class s
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and s.relnamespace = current_schema()::regnamespace`.execute(db);
  for (const { sequence, table, column } of rows) {
    await sql`select setval(${sequence}::regclass, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}

/** Every table holds as many rows in the target as in the source's snapshot. */
async function verifyCounts(source: SqliteDatabase.Database, db: Kysely<any>, tables: CopySummary['tables']): Promise<void> {
  for (const { table } of tables) {
    const expected = (source.prepare(`select count(*) as n from ${quote(table)}`).get() as { n: number }).n;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    if (rows[0]!.n !== expected) throw new Error(`The table ${table} has ${rows[0]!.n} rows in the target against ${expected} in the source; nothing was copied.`);
  }
}
