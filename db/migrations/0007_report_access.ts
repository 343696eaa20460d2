import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Who may read which report (§21, issue 4): an account may belong to a staff member; an HR officer may be
 * granted report reading; each evaluation keeps its evaluator; calibration sessions put reports before
 * their participants.
 */
export const reportAccessMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('app_user').addColumn('person_id', 'text', (c) => c.references('person.id')).execute();
    await db.schema.alterTable('app_user').addColumn('can_read_reports', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('app_user_person_uq').on('app_user').column('person_id').unique().execute();
    await db.schema.alterTable('evaluation').addColumn('evaluator_id', 'text').execute();
    await db.schema.createIndex('evaluation_evaluator_idx').on('evaluation').column('evaluator_id').execute();
    await db.schema.createIndex('evaluation_person_idx').on('evaluation').column('person_id').execute();
    // Evaluations made before this release: their evaluator is the person's manager today.
    await sql`update evaluation set evaluator_id = (select manager_id from person where person.id = evaluation.person_id)`.execute(db);

    await db.schema
      .createTable('calibration_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('calibration_member')
      .addColumn('session_id', 'text', (c) => c.notNull().references('calibration_session.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('calibration_member_pk', ['session_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('calibration_report')
      .addColumn('session_id', 'text', (c) => c.notNull().references('calibration_session.id').onDelete('cascade'))
      .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('calibration_report_pk', ['session_id', 'evaluation_id'])
      .execute();
    await db.schema.createIndex('calibration_report_evaluation_idx').on('calibration_report').column('evaluation_id').execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['calibration_report', 'calibration_member', 'calibration_session']) await db.schema.dropTable(table).execute();
    await db.schema.dropIndex('evaluation_person_idx').execute();
    await db.schema.dropIndex('evaluation_evaluator_idx').execute();
    await db.schema.alterTable('evaluation').dropColumn('evaluator_id').execute();
    await db.schema.dropIndex('app_user_person_uq').execute();
    await db.schema.alterTable('app_user').dropColumn('can_read_reports').execute();
    await db.schema.alterTable('app_user').dropColumn('person_id').execute();
  },
};
