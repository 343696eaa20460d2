import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DialectName } from '../connect.ts';
import { initialMigration } from './0001_initial.ts';
import { staffDetailsMigration } from './0002_staff_details.ts';
import { calendarMigration } from './0003_calendar.ts';
import { deliveriesMigration } from './0004_deliveries.ts';
import { auditMigration } from './0005_audit.ts';
import { linksMigration } from './0006_links.ts';
import { reportAccessMigration } from './0007_report_access.ts';
import { responseGroupMigration } from './0008_response_group.ts';
import { trainingMigration } from './0009_training.ts';
import { auditChainMigration } from './0010_audit_chain.ts';
import { secondFactorMigration } from './0011_second_factor.ts';
import { trainingAggregatesMigration } from './0012_training_aggregates.ts';
import { answerBoxesMigration } from './0013_answer_boxes.ts';

/** Migrations live in code: Kysely's file provider cannot import .ts under plain Node. Names sort in order. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(dialect === 'sqlite' ? 'integer' : 'bigint'),
    '0002_staff_details': staffDetailsMigration,
    '0003_calendar': calendarMigration,
    '0004_deliveries': deliveriesMigration,
    '0005_audit': auditMigration(dialect),
    '0006_links': linksMigration(dialect),
    '0007_report_access': reportAccessMigration,
    '0008_response_group': responseGroupMigration,
    '0009_training': trainingMigration,
    '0010_audit_chain': auditChainMigration(dialect),
    '0011_second_factor': secondFactorMigration,
    '0012_training_aggregates': trainingAggregatesMigration(dialect),
    '0013_answer_boxes': answerBoxesMigration(dialect),
  };
}

/** The migrator of this product's migrations on `db`. */
export async function migratorFor(db: Kysely<any>, dialect: DialectName): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Kysely looks for its own tables in every PostgreSQL schema; naming ours keeps another schema's from counting.
  const migrationTableSchema = dialect === 'postgres' ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]!.name : undefined;
  return new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<MigrationResultSet> {
  const result = await (await migratorFor(db, dialect)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
