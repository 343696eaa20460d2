import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `response.respondent_group` (issue 4): the respondent's group (manager / subordinate / peer) only where at
 * least 3 of that group were assigned, else 'other'; null for a self-assessment (shared/scoring/respondentGroup.ts,
 * docs/threat-model.md). Answers stored before this release cannot be told apart and become 'other'.
 */
export const responseGroupMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('response').addColumn('respondent_group', 'text').execute();
    await sql`update response set respondent_group = 'other' where is_self = 0`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('response').dropColumn('respondent_group').execute();
  },
};
