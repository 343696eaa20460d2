import type { Kysely, Migration } from 'kysely';

/**
 * Issue 3: invitations and reminders by e-mail and on printed sheets. A delivery row says what was sent to
 * which invitation, how and with what outcome — never the link: a link exists only until it is handed over.
 * `slot` names the occasion (the invitation itself, a day's manual reminder, a schedule point); the unique
 * (invitation, channel, slot) is what keeps two clicks, or two processes, from sending the same message twice.
 */
export const deliveriesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('delivery')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('link_origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addUniqueConstraint('delivery_invitation_channel_slot_uq', ['invitation_id', 'channel', 'slot'])
      .execute();
    await db.schema.createIndex('delivery_status_idx').on('delivery').column('status').execute();

    await db.schema
      .createTable('reminder_schedule')
      .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id').onDelete('cascade'))
      .addColumn('days_before', 'text', (c) => c.notNull())
      .addColumn('link_origin', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('reminder_schedule').execute();
    await db.schema.dropTable('delivery').execute();
  },
};
