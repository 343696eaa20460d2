import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/**
 * An invitation may have several live links: a reminder adds one and the earlier keeps working, so a
 * respondent halfway through the questionnaire can still submit. `link` holds their hashes; it has no time
 * column (docs/threat-model.md). The invitation's own `token_hash` moves there and is dropped.
 *
 * Also `reminder_schedule.checked_on`: the organisation's day the schedule was last applied, so the
 * minute-by-minute job does its work once a day and not 1,440 times.
 */
export function linksMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('link')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('link_invitation_idx').on('link').column('invitation_id').execute();
      await sql`insert into link (token_hash, invitation_id) select token_hash, id from invitation where token_hash is not null`.execute(db);
      if (dialect === 'postgres') {
        await db.schema.alterTable('invitation').dropColumn('token_hash').execute();
      } else {
        await rebuildSqliteInvitation(db);
      }
      await db.schema.alterTable('reminder_schedule').addColumn('checked_on', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('reminder_schedule').dropColumn('checked_on').execute();
      await db.schema.alterTable('invitation').addColumn('token_hash', 'text').execute();
      await sql`update invitation set token_hash = (select max(l.token_hash) from link as l where l.invitation_id = invitation.id)`.execute(db);
      await db.schema.createIndex('invitation_token_hash_uq').unique().on('invitation').column('token_hash').execute();
      await db.schema.dropTable('link').execute();
    },
  };
}

/**
 * SQLite cannot drop a UNIQUE column, so the table is rebuilt as its manual prescribes: with foreign keys off
 * (or dropping the old table would cascade to deliveries and links), in one transaction, checked before commit.
 */
async function rebuildSqliteInvitation(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('invitation_next')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
        .addColumn('respondent_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('invitation_evaluation_respondent_uq', ['evaluation_id', 'respondent_id'])
        .execute();
      await sql`insert into invitation_next (id, evaluation_id, respondent_id, relation, answered) select id, evaluation_id, respondent_id, relation, answered from invitation`.execute(trx);
      await trx.schema.dropTable('invitation').execute();
      await trx.schema.alterTable('invitation_next').renameTo('invitation').execute();
      await trx.schema.createIndex('invitation_respondent_idx').on('invitation').column('respondent_id').execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) throw new Error(`Rebuilding invitation broke ${broken.rows.length} foreign key(s)`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
