import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/**
 * The audit log of staff actions (issue 3). `seq` orders entries as they were written; it is an identity
 * column on PostgreSQL and SQLite's rowid alias, the one dialect difference.
 */
export function auditMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_entry')
        .addColumn('seq', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedAlwaysAsIdentity()))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('user_login', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_entry_at_idx').on('audit_entry').column('at').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_entry').execute();
    },
  };
}
