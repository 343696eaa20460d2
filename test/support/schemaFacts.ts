import { sql } from 'kysely';
import type { Connection } from '../../db/connect.ts';

export interface SchemaFacts {
  /** Table → its columns, sorted; Kysely's migration bookkeeping left out. */
  columns: Record<string, string[]>;
  /** Table → columns that have a default value (a clock or a counter would date or order a row). */
  defaults: Record<string, string[]>;
  /** Every index, with its columns in order; `expression` when it indexes anything but plain columns. */
  indexes: Array<{ table: string; name: string; columns: string[]; expression: boolean }>;
  foreignKeys: Array<{ table: string; columns: string[]; references: string; referencedColumns: string[] }>;
  /** Triggers, views and (PostgreSQL) rules, each with the text that defines it: anything that could copy rows. */
  triggers: Array<{ table: string; name: string; definition: string }>;
  views: string[];
  rules: string[];
}

const BOOKKEEPING = /^kysely_migration/;

/** What the database itself says about its schema (SQLite's catalogue or PostgreSQL's, in the connection's schema). */
export async function schemaFacts(conn: Connection): Promise<SchemaFacts> {
  return conn.dialect === 'postgres' ? postgresFacts(conn) : sqliteFacts(conn);
}

async function sqliteFacts({ db }: Connection): Promise<SchemaFacts> {
  const objects = (await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`select type, name, tbl_name, sql from sqlite_master`.execute(db)).rows;
  const tables = objects.filter((o) => o.type === 'table' && !BOOKKEEPING.test(o.name) && !o.name.startsWith('sqlite_')).map((o) => o.name);
  const facts: SchemaFacts = { columns: {}, defaults: {}, indexes: [], foreignKeys: [], triggers: [], views: [], rules: [] };
  for (const table of tables) {
    const info = (await sql<{ name: string; dflt_value: string | null }>`select name, dflt_value from pragma_table_info(${table})`.execute(db)).rows;
    facts.columns[table] = info.map((c) => c.name).sort();
    facts.defaults[table] = info.filter((c) => c.dflt_value !== null).map((c) => c.name).sort();
    const indexList = (await sql<{ name: string }>`select name from pragma_index_list(${table})`.execute(db)).rows;
    for (const { name } of indexList) {
      // cid -2 is an expression, -1 the rowid.
      const parts = (await sql<{ cid: number; name: string | null }>`select cid, name from pragma_index_info(${name}) order by seqno`.execute(db)).rows;
      facts.indexes.push({ table, name, columns: parts.map((p) => p.name ?? `#${p.cid}`), expression: parts.some((p) => p.cid === -2) });
    }
    const keys = (await sql<{ id: number; table: string; from: string; to: string | null }>`select id, "table", "from", "to" from pragma_foreign_key_list(${table}) order by id, seq`.execute(db)).rows;
    for (const id of new Set(keys.map((k) => k.id))) {
      const parts = keys.filter((k) => k.id === id);
      facts.foreignKeys.push({ table, columns: parts.map((p) => p.from), references: parts[0]!.table, referencedColumns: parts.map((p) => p.to ?? '(primary key)') });
    }
  }
  facts.triggers = objects.filter((o) => o.type === 'trigger').map((o) => ({ table: o.tbl_name, name: o.name, definition: o.sql ?? '' }));
  facts.views = objects.filter((o) => o.type === 'view').map((o) => o.name);
  return facts;
}

async function postgresFacts({ db }: Connection): Promise<SchemaFacts> {
  const facts: SchemaFacts = { columns: {}, defaults: {}, indexes: [], foreignKeys: [], triggers: [], views: [], rules: [] };
  const columns = (
    await sql<{ table_name: string; column_name: string; column_default: string | null; is_identity: string; is_generated: string }>`
      select c.table_name, c.column_name, c.column_default, c.is_identity, c.is_generated
      from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by c.column_name`.execute(db)
  ).rows.filter((c) => !BOOKKEEPING.test(c.table_name));
  for (const c of columns) {
    (facts.columns[c.table_name] ??= []).push(c.column_name);
    facts.defaults[c.table_name] ??= [];
    if (c.column_default !== null || c.is_identity === 'YES' || c.is_generated !== 'NEVER') facts.defaults[c.table_name]!.push(c.column_name);
  }
  const indexColumns = (
    await sql<{ table: string; name: string; column: string | null; expression: boolean }>`
      select t.relname as table, i.relname as name, a.attname as column, x.indexprs is not null or x.indpred is not null as expression
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      cross join lateral unnest(x.indkey::int2[]) with ordinality as k(attnum, ord)
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where n.nspname = current_schema()
      order by i.relname, k.ord`.execute(db)
  ).rows.filter((r) => !BOOKKEEPING.test(r.table));
  for (const r of indexColumns) {
    let index = facts.indexes.find((x) => x.name === r.name);
    if (!index) facts.indexes.push((index = { table: r.table, name: r.name, columns: [], expression: r.expression }));
    // attnum 0 is an expression's place in the key.
    index.columns.push(r.column ?? '#expression');
    if (r.column === null) index.expression = true;
  }
  const keys = (
    await sql<{ table: string; columns: string[]; references: string; referenced: string[] }>`
      select t.relname as table, r.relname as references,
        array(select a.attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o)::text[] as columns,
        array(select a.attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)::text[] as referenced
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_class r on r.oid = c.confrelid
      join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
  ).rows;
  facts.foreignKeys = keys.map((k) => ({ table: k.table, columns: k.columns, references: k.references, referencedColumns: k.referenced }));
  facts.triggers = (
    await sql<{ table: string; name: string; definition: string }>`
      select t.relname as table, g.tgname as name, pg_get_triggerdef(g.oid) || ' ' || p.prosrc as definition
      from pg_trigger g
      join pg_class t on t.oid = g.tgrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_proc p on p.oid = g.tgfoid
      where not g.tgisinternal and n.nspname = current_schema()`.execute(db)
  ).rows;
  facts.views = (await sql<{ name: string }>`select table_name as name from information_schema.views where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name);
  facts.rules = (await sql<{ name: string }>`select rulename as name from pg_rules where schemaname = current_schema()`.execute(db)).rows.map((r) => r.name);
  return facts;
}
