import type { Kysely, Migration } from 'kysely';

/**
 * The administrator's corrections to the working-day calendar: the Government's (or the Minister's) transfers
 * of days off that the holiday data does not know. One override per date: it says what the day is.
 */
export const calendarMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('calendar_override')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('date', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('calendar_override').execute();
  },
};
