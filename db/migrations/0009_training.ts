import type { Kysely, Migration } from 'kysely';

/**
 * Training needs (§37, issue 4): each evaluation's result is kept when its campaign closes, so that views over
 * a whole campaign read one small row per person instead of scoring every questionnaire again; and HR's
 * releases of course groups to the trainers.
 */
export const trainingMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('evaluation_result')
      .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluation.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('response_count', 'integer', (c) => c.notNull())
      .addColumn('scores', 'text')
      .addColumn('overall', 'double precision')
      .addColumn('weakest', 'text')
      .execute();
    // A campaign's evaluations, walked in id order a chunk at a time (results at closing, views of 100,000 people).
    await db.schema.createIndex('evaluation_campaign_id_idx').ifNotExists().on('evaluation').columns(['campaign_id', 'id']).execute();

    await db.schema
      .createTable('training_release')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
      .addColumn('competency_id', 'text', (c) => c.notNull())
      .addColumn('criterion', 'text', (c) => c.notNull())
      .addColumn('released_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('released_by_name', 'text', (c) => c.notNull())
      .addColumn('released_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('training_release_group_uq', ['campaign_id', 'competency_id', 'criterion'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('training_release').execute();
    await db.schema.dropIndex('evaluation_campaign_id_idx').execute();
    await db.schema.dropTable('evaluation_result').execute();
  },
};
