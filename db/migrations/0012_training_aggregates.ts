import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../connect.ts';

/**
 * Training needs over a campaign of 100,000 people (issue 6), kept when it closes so that a view reads a few
 * thousand rows: per unit the evaluated and ready counts (`training_unit`), per unit and competency the
 * persons scored and their sum (`training_cell`), per competency how many got each score and how many of
 * them have it among their weakest (`training_score`), and every person's place in each competency's course
 * group (`training_member`), so that a group is read a page at a time in the order it is shown. Scores are
 * whole hundredths (shared/training/trainingNeeds.ts). `campaign.results_kept_at` says they are complete;
 * campaigns closed earlier get them on first use.
 *
 * `training_member.evaluation_id` names the person, and is no foreign key: checking one would need an index
 * of its own on a million rows, and the rows go with their campaign (a closed campaign's evaluations are only
 * removed with it). On SQLite the table is kept in its key's order (WITHOUT ROWID): a page of a group is
 * then one stretch of the file.
 */
export function trainingAggregatesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('campaign').addColumn('results_kept_at', 'text').execute();
      await db.schema
        .createTable('training_unit')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('evaluated', 'integer', (c) => c.notNull())
        .addColumn('ready', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_unit_pk', ['campaign_id', 'unit_name'])
        .execute();
      await db.schema
        .createTable('training_cell')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('competency_id', 'text', (c) => c.notNull())
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addColumn('hundredths', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_cell_pk', ['campaign_id', 'unit_name', 'competency_id'])
        .execute();
      await db.schema
        .createTable('training_score')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
        .addColumn('competency_id', 'text', (c) => c.notNull())
        .addColumn('hundredths', 'integer', (c) => c.notNull())
        .addColumn('persons', 'integer', (c) => c.notNull())
        .addColumn('weakest', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_score_pk', ['campaign_id', 'competency_id', 'hundredths'])
        .execute();
      await db.schema
        .createTable('training_member')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
        .addColumn('competency_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('evaluation_id', 'text', (c) => c.notNull())
        .addColumn('hundredths', 'integer', (c) => c.notNull())
        .addColumn('weakest', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_member_pk', ['campaign_id', 'competency_id', 'ordinal'])
        .$call((table) => (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table))
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['training_member', 'training_score', 'training_cell', 'training_unit']) await db.schema.dropTable(table).execute();
      await db.schema.alterTable('campaign').dropColumn('results_kept_at').execute();
    },
  };
}
