import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migratorFor } from '../../db/migrations/index.ts';
import { connectFresh } from '../support/testDatabase.ts';

describe('migration 0008: the respondent group of an answer', () => {
  it('stores answers made before it as other, and self-assessments with no group', async () => {
    const conn = await connectFresh({ migrate: false });
    const db = conn.db as Kysely<any>;
    await (await migratorFor(db, conn.dialect)).migrateTo('0007_report_access');
    const at = '2025-12-01T00:00:00.000Z';
    await db.insertInto('unit').values({ id: 'u', name: 'Аппарат', parent_id: null, created_at: at }).execute();
    await db.insertInto('person').values({ id: 'p', full_name: 'p', position: 'Маман', unit_id: 'u', category: 'E-4', manager_id: null, email: null, created_at: at, updated_at: at }).execute();
    await db.insertInto('campaign').values({ id: 'c', name: '360', year: 2025, methodology_id: 'almaty-2023', deadline: '2026-01-10', status: 'closed', created_at: at }).execute();
    await db.insertInto('evaluation').values({ id: 'e', campaign_id: 'c', person_id: 'p', form_key: 'employee', full_name: 'p', position: 'Маман', unit_name: 'Аппарат', category: 'E-4' }).execute();
    await db.insertInto('response').values([
      { id: 1, evaluation_id: 'e', is_self: 0, answers: '{}' },
      { id: 2, evaluation_id: 'e', is_self: 1, answers: '{}' },
    ]).execute();
    await migrateToLatest(db, conn.dialect);
    expect(await db.selectFrom('response').select(['id', 'respondent_group']).orderBy('id').execute()).toEqual([
      { id: 1, respondent_group: 'other' },
      { id: 2, respondent_group: null },
    ]);
    await db.destroy();
  });
});
