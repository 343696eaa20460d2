import type { Kysely, Migration } from 'kysely';

/**
 * What a real staff list carries (issue 3): the personnel number that re-imports match on, the date of
 * appointment to the position and absences (§6–7), and the campaign facts that follow from them.
 */
export const staffDetailsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('person').addColumn('employee_no', 'text').execute();
    await db.schema.alterTable('person').addColumn('appointed_on', 'text').execute();
    await db.schema.alterTable('person').addColumn('absence', 'text').execute();
    await db.schema.alterTable('person').addColumn('absent_from', 'text').execute();
    await db.schema.alterTable('person').addColumn('absent_until', 'text').execute();
    await db.schema.createIndex('person_employee_no_uq').on('person').column('employee_no').unique().execute();
    await db.schema.createIndex('unit_parent_idx').on('unit').column('parent_id').execute();
    // Why the person takes part without their own participation (an absence kind), or null.
    await db.schema.alterTable('evaluation').addColumn('without_participation', 'text').execute();
    await db.schema.alterTable('campaign').addColumn('archived_at', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('campaign').dropColumn('archived_at').execute();
    await db.schema.alterTable('evaluation').dropColumn('without_participation').execute();
    await db.schema.dropIndex('unit_parent_idx').execute();
    await db.schema.dropIndex('person_employee_no_uq').execute();
    for (const column of ['absent_until', 'absent_from', 'absence', 'appointed_on', 'employee_no']) {
      await db.schema.alterTable('person').dropColumn(column).execute();
    }
  },
};
