import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/**
 * Issue 11: anonymity that holds against whoever holds a copy of the database, and against those who run a
 * campaign.
 *
 * - `answer_box`: a questionnaire answered while its campaign is open, sealed under the campaign's key, which
 *   lives outside the database (server/security/answerKeys.ts). Closing opens every box, writes the plain rows
 *   into `response` in random order under fresh keys, deletes the boxes and destroys the key. The id is random
 *   like `response.id`, so that not even the boxes' storage order follows submission order.
 * - `campaign.answer_key_check`: the key's check value, so that a server finds out before sealing that its key
 *   folder holds another key or none; null for campaigns opened before this version (they get a key at start).
 * - `link_holder`: the staff accounts that held a readable link of an invitation (shown, printed, listed, or
 *   e-mailed to an address they set): those answers do not count toward the reports such an account may read.
 * - `person.manager_set_by`, `person.email_set_by`, `app_user.person_linked_by`, `evaluation.evaluator_set_by`:
 *   who made the change that a report right or a link's destination rests on, so that it gives them nothing.
 */
export function answerBoxesMigration(dialect: DialectName): Migration {
  const randomIdType = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('answer_box')
        .addColumn('id', sql.raw(randomIdType) as any, (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
        .addColumn('box', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answer_box_evaluation_idx').on('answer_box').column('evaluation_id').execute();
      await db.schema
        .createTable('link_holder')
        .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('link_holder_pk', ['invitation_id', 'user_id'])
        .execute();
      await db.schema.createIndex('link_holder_user_idx').on('link_holder').columns(['user_id', 'invitation_id']).execute();
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('person').addColumn('manager_set_by', 'text').execute();
      await db.schema.alterTable('person').addColumn('email_set_by', 'text').execute();
      await db.schema.alterTable('app_user').addColumn('person_linked_by', 'text').execute();
      await db.schema.alterTable('evaluation').addColumn('evaluator_set_by', 'text').execute();
      await db.schema.alterTable('campaign').addColumn('answer_key_check', 'text').execute();
      // Campaigns not yet closed: who listed or printed their links before this version, as the audit log says, held
      // every link of the campaign (which ones, it does not say). Closed campaigns keep the reports as they were read.
      const campaignOfEntry = dialect === 'sqlite' ? sql`json_extract(a.target, '$.id')` : sql`(a.target::json ->> 'id')`;
      await sql`insert into link_holder (invitation_id, user_id)
                select distinct i.id, u.id
                from audit_entry as a
                join app_user as u on u.id = a.user_id
                join campaign as c on c.id = ${campaignOfEntry}
                join evaluation as e on e.campaign_id = c.id
                join invitation as i on i.evaluation_id = e.id
                where a.action in ('POST /campaigns/:id/links', 'POST /campaigns/:id/sheets') and c.status in ('draft', 'open')`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('campaign').dropColumn('answer_key_check').execute();
      await db.schema.alterTable('evaluation').dropColumn('evaluator_set_by').execute();
      await db.schema.alterTable('app_user').dropColumn('person_linked_by').execute();
      await db.schema.alterTable('person').dropColumn('email_set_by').execute();
      await db.schema.alterTable('person').dropColumn('manager_set_by').execute();
      await db.schema.dropTable('link_holder').execute();
      await db.schema.dropTable('answer_box').execute();
    },
  };
}
