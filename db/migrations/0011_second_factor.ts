import type { Kysely, Migration } from 'kysely';

/**
 * An optional second factor (TOTP, RFC 6238) for sign-in (issue 5). The secret is kept sealed
 * (server/security/secretBox.ts); a pending one awaits its first code and is not yet asked for at sign-in; the
 * last time step whose code was accepted refuses that code, and earlier ones, a second time.
 */
export const secondFactorMigration: Migration = {
  async up(db: Kysely<any>) {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema.alterTable('app_user').addColumn('totp_secret', 'text').execute();
    await db.schema.alterTable('app_user').addColumn('totp_pending', 'text').execute();
    await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();
  },
  async down(db: Kysely<any>) {
    for (const column of ['totp_last_step', 'totp_pending', 'totp_secret']) await db.schema.alterTable('app_user').dropColumn(column).execute();
  },
};
