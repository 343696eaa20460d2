import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `randomIdType` is the only dialect difference: SQLite's rowid aliases a column declared exactly
 * INTEGER PRIMARY KEY (so a random key also scatters the physical row order); PostgreSQL needs bigint
 * to hold the same 53-bit values.
 */
export function initialMigration(randomIdType: 'integer' | 'bigint'): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('unit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('unit.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('person')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('manager_id', 'text', (c) => c.references('person.id'))
        .addColumn('email', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_unit_idx').on('person').column('unit_id').execute();
      await db.schema.createIndex('person_manager_idx').on('person').column('manager_id').execute();

      await db.schema
        .createTable('app_user')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('user_session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('campaign')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('methodology_id', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text')
        .addColumn('closed_at', 'text')
        .execute();

      await db.schema
        .createTable('evaluation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('form_key', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addUniqueConstraint('evaluation_campaign_person_uq', ['campaign_id', 'person_id'])
        .execute();

      await db.schema
        .createTable('invitation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
        .addColumn('respondent_id', 'text', (c) => c.notNull().references('person.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('invitation_evaluation_respondent_uq', ['evaluation_id', 'respondent_id'])
        .execute();
      await db.schema.createIndex('invitation_respondent_idx').on('invitation').column('respondent_id').execute();

      await db.schema
        .createTable('response')
        .addColumn('id', sql.raw(randomIdType) as any, (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
        .addColumn('is_self', 'integer', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('response_evaluation_idx').on('response').column('evaluation_id').execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['response', 'invitation', 'evaluation', 'campaign', 'user_session', 'app_user', 'person', 'unit']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
