import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialectName } from '../../db/connect.ts';
import { migrateToLatest, migratorFor } from '../../db/migrations/index.ts';
import { connectFresh } from '../support/testDatabase.ts';

let db: Kysely<any>;
let dialect: DialectName;
const migrator = () => migratorFor(db, dialect);
/** The tables of this test's own database: on PostgreSQL, Kysely lists every schema's. */
const ownTables = async () => {
  const tables = await db.introspection.getTables();
  if (dialect === 'sqlite') return tables;
  const schema = (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]!.name;
  return tables.filter((x) => x.schema === schema);
};
const columns = async (table: string) => (await ownTables()).find((x) => x.name === table)!.columns.map((c) => c.name).sort();

/** A database as 0005 left it: one invitation with a link and a delivery, one never linked. */
beforeEach(async () => {
  ({ db, dialect } = await connectFresh({ migrate: false }));
  await (await migrator()).migrateTo('0005_audit');
  const at = '2025-12-01T00:00:00.000Z';
  await db.insertInto('unit').values({ id: 'u', name: 'Аппарат', parent_id: null, created_at: at }).execute();
  for (const id of ['p1', 'p2', 'p3']) {
    await db.insertInto('person').values({ id, full_name: id, position: 'Маман', unit_id: 'u', category: 'E-4', manager_id: null, email: null, created_at: at, updated_at: at }).execute();
  }
  await db.insertInto('campaign').values({ id: 'c', name: '360', year: 2025, methodology_id: 'almaty2023', deadline: '2026-01-10', status: 'open', created_at: at }).execute();
  await db.insertInto('evaluation').values({ id: 'e', campaign_id: 'c', person_id: 'p1', form_key: 'employee', full_name: 'p1', position: 'Маман', unit_name: 'Аппарат', category: 'E-4' }).execute();
  await db.insertInto('invitation').values([
    { id: 'i1', evaluation_id: 'e', respondent_id: 'p2', relation: 'peer', token_hash: 'h1', answered: 0 },
    { id: 'i2', evaluation_id: 'e', respondent_id: 'p3', relation: 'peer', token_hash: null, answered: 1 },
  ]).execute();
  await db.insertInto('delivery').values({ id: 'd', invitation_id: 'i1', kind: 'invitation', channel: 'email', slot: 'invitation', status: 'sent', attempts: 1, last_error: null, link_origin: 'x', created_at: at, updated_at: at, sent_at: at }).execute();
});
afterEach(() => db.destroy());

describe('migration 0006: links in their own table', () => {
  it('moves the link hashes out of the invitations and keeps every other row', async () => {
    await migrateToLatest(db, dialect);
    expect(await db.selectFrom('link').selectAll().execute()).toEqual([{ token_hash: 'h1', invitation_id: 'i1' }]);
    expect(await columns('invitation')).toEqual(['answered', 'evaluation_id', 'id', 'relation', 'respondent_id']);
    expect(await db.selectFrom('invitation').select(['id', 'answered']).orderBy('id').execute()).toEqual([{ id: 'i1', answered: 0 }, { id: 'i2', answered: 1 }]);
    // Rebuilding the invitations (SQLite) did not cascade to their deliveries, and foreign keys are on again.
    expect(await db.selectFrom('delivery').select('id').execute()).toEqual([{ id: 'd' }]);
    if (dialect === 'sqlite') expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]!.foreign_keys).toBe(1);
    await expect(db.insertInto('invitation').values({ id: 'i3', evaluation_id: 'e', respondent_id: 'p2', relation: 'peer' }).execute()).rejects.toThrow(/UNIQUE|unique constraint/);
    await expect(db.insertInto('link').values({ token_hash: 'h2', invitation_id: 'nobody' }).execute()).rejects.toThrow(/FOREIGN KEY|foreign key constraint/);
    await db.deleteFrom('invitation').where('id', '=', 'i1').execute();
    expect(await db.selectFrom('link').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('delivery').selectAll().execute()).toEqual([]);
  });

  it('goes back down to one hash per invitation', async () => {
    await migrateToLatest(db, dialect);
    await db.insertInto('link').values({ token_hash: 'h0', invitation_id: 'i1' }).execute();
    await (await migrator()).migrateTo('0005_audit');
    expect(await db.selectFrom('invitation').select(['id', 'token_hash']).orderBy('id').execute()).toEqual([{ id: 'i1', token_hash: 'h1' }, { id: 'i2', token_hash: null }]);
    expect((await ownTables()).map((x) => x.name)).not.toContain('link');
  });
});
