import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DB } from '../../db/connect.ts';
import { AnswerKeys } from '../../server/security/answerKeys.ts';
import { openLink, submitAnswers } from '../../server/services/responses.ts';
import { openCampaignWithManyLinks } from '../support/manyLinks.ts';
import { onPostgres } from '../support/testDatabase.ts';

/*
 * A respondent's two requests run on every one of a national campaign's ~700,000 links, most of them in its
 * last days: each of their statements must find its rows through an index, whatever the size of the campaign.
 * (An IN list of "every evaluation of an open campaign" once made each submission read 100,000 rows.)
 */
describe.skipIf(onPostgres)('the statements of opening a link and submitting answers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-plans-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('search by index: none scans a table or builds an automatic index or a Bloom filter', async () => {
    const file = path.join(dir, 'plans.sqlite');
    const setUp = await connect(`sqlite:${file}`);
    const answerKeys = new AnswerKeys(path.join(dir, 'answer-keys'));
    const { links } = await openCampaignWithManyLinks(setUp.db, 200, { answerKeys });
    // Two campaigns open at once, as in a ministry with its own and a subordinate body's.
    await openCampaignWithManyLinks(setUp.db, 200, { name: 'Another' });
    await setUp.db.destroy();

    const sqlite = new SqliteDatabase(file);
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }), log: (event) => void statements.push(event.query) }) as unknown as DB;
    const [self, peer] = [links.find((l) => l.isSelf)!, links.find((l) => !l.isSelf)!];
    for (const link of [self, peer]) {
      await openLink(db, link.token, new Date(), 'Asia/Almaty');
      await submitAnswers(db, answerKeys, link.token, link.answers, new Date(), 'Asia/Almaty');
    }
    const respondents = [...statements];
    expect(await db.selectFrom('answer_box').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 2 });
    await db.destroy();

    const inspector = new SqliteDatabase(file, { readonly: true });
    const plans = respondents
      .filter((s) => /^(select|update|insert|delete|with)/i.test(s.sql))
      .map((s) => ({ sql: s.sql, plan: inspector.prepare(`explain query plan ${s.sql}`).all(...(s.parameters as unknown[])).map((row) => (row as { detail: string }).detail) }));
    inspector.close();
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const { sql, plan } of plans) {
      expect(plan.filter((step) => /^SCAN |AUTOMATIC|BLOOM FILTER/.test(step)), sql).toEqual([]);
    }
  });
});
