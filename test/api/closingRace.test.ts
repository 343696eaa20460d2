import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp } from '../support/testApp.ts';
import { freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

/*
 * Nothing acknowledged is lost, and no answer is left in a box whose key closing destroys: on PostgreSQL a
 * submission locks its campaign's row for share, closing for update (db/repositories/responses.ts,
 * campaignSeal.ts). A second connection holds the row as closing does, mid-transaction, while a respondent submits.
 */
describe.runIf(onPostgres)('a submission meeting a close on PostgreSQL', () => {
  it('waits for the close, then finds the campaign closed: no box, the invitation unanswered, 410', async () => {
    const url = await freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    const { head, employees } = await seedUnit(t, 3);
    const { campaignId, links } = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
    const closing = new pg.Client({ connectionString: url });
    await closing.connect();
    try {
      await closing.query('begin');
      await closing.query(`update campaign set status = 'closed', closed_at = now()::text where id = $1`, [campaignId]);
      let settled = false;
      const submitted = t
        .call('POST', '/respond/submit', { token: tokenOf(links[1]!.url), answers: fullAnswers('head', () => 4) }, { cookie: null })
        .then(async (res) => {
          settled = true;
          return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
        });
      // The submission waits on the row lock: give it time to get there and find it held.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled).toBe(false);
      await closing.query('commit');
      expect(await submitted).toEqual({ status: 410, code: 'link.closed' });
      expect(await t.conn.db.selectFrom('answer_box').select('id').execute()).toEqual([]);
      expect(await t.conn.db.selectFrom('invitation').select('id').where('answered', '=', 1).execute()).toEqual([]);
    } finally {
      await closing.end();
    }
  });
});
