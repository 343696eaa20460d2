import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { dialectOf, openSqlite, sqliteFileOf } from '../../db/connect.ts';
import { randomRowId } from '../../db/ids.ts';
import { hashToken } from '../../server/security/tokens.ts';

/*
 * The baselines: bare Hono endpoints over the same driver and database as the product (db/connect.ts's
 * pragmas on SQLite, a pool of 10 on PostgreSQL), doing the same writes and reads with no validation,
 * no access checks and no audit log. What the machine does for the same rows; the product is measured
 * against it. BENCH_DATABASE_URL names the database.
 */

const url = process.env.BENCH_DATABASE_URL!;
const app = new Hono();

interface Submission {
  token: string;
  answers: Record<string, number>;
}

if (dialectOf(url) === 'postgres') {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Marks the link's invitation answered and stores the answers, in one transaction.
  app.post('/submit', async (c) => {
    const { token, answers } = await c.req.json<Submission>();
    const client = await pool.connect();
    try {
      await client.query('begin');
      const marked = await client.query<{ evaluation_id: string; relation: string }>(
        'update invitation set answered = 1 where answered = 0 and id = (select invitation_id from link where token_hash = $1) returning evaluation_id, relation',
        [hashToken(token)],
      );
      const row = marked.rows[0];
      if (row) {
        await client.query('insert into response (id, evaluation_id, is_self, respondent_group, answers) values ($1, $2, $3, $4, $5)', [
          randomRowId(), row.evaluation_id, row.relation === 'self' ? 1 : 0, row.relation === 'self' ? null : row.relation, JSON.stringify(answers),
        ]);
      }
      await client.query('commit');
      return c.json({ status: row ? 'recorded' : 'used' }, row ? 201 : 410);
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  });
} else {
  const sqlite = openSqlite(sqliteFileOf(url));
  const mark = sqlite.prepare<[string], { evaluation_id: string; relation: string }>(
    'update invitation set answered = 1 where answered = 0 and id = (select invitation_id from link where token_hash = ?) returning evaluation_id, relation',
  );
  const insert = sqlite.prepare('insert into response (id, evaluation_id, is_self, respondent_group, answers) values (?, ?, ?, ?, ?)');
  const submit = sqlite.transaction((tokenHash: string, answers: string) => {
    const row = mark.get(tokenHash);
    if (row) insert.run(randomRowId(), row.evaluation_id, row.relation === 'self' ? 1 : 0, row.relation === 'self' ? null : row.relation, answers);
    return row !== undefined;
  });
  app.post('/submit', async (c) => {
    const { token, answers } = await c.req.json<Submission>();
    const recorded = submit(hashToken(token), JSON.stringify(answers));
    return c.json({ status: recorded ? 'recorded' : 'used' }, recorded ? 201 : 410);
  });

  // One evaluation row by its key: the floor under reading a report.
  const evaluation = sqlite.prepare('select * from evaluation where id = ?');
  app.get('/evaluations/:id', (c) => c.json(evaluation.get(c.req.param('id')) ?? null));

  // The heatmap's figures in one SQL statement: per unit and competency, the mean of the kept results.
  const heatmap = sqlite.prepare(
    `select e.unit_name as unit, j.key as competency, avg(j.value) as mean, count(*) as people
       from evaluation e join evaluation_result r on r.evaluation_id = e.id, json_each(r.scores) j
      where e.campaign_id = ? and r.scores is not null group by e.unit_name, j.key`,
  );
  app.get('/heatmap/:campaignId', (c) => c.json(heatmap.all(c.req.param('campaignId'))));

  // The floor under closing: in one transaction, every answer of the campaign rewritten once into a scratch
  // copy of the table (same columns and index), then read once in evaluation order and parsed, and one row
  // of statement means written per evaluation.
  const answersOf = sqlite.prepare<[string], { evaluation_id: string; answers: string }>(
    'select evaluation_id, answers from response where evaluation_id in (select id from evaluation where campaign_id = ?) order by evaluation_id',
  );
  const rewrite = sqlite.transaction((campaignId: string) => {
    sqlite.exec('create table bench_response as select * from response where 0');
    sqlite.exec('create index bench_response_evaluation_idx on bench_response (evaluation_id)');
    sqlite.exec('create table bench_result (evaluation_id text primary key, means text not null)');
    sqlite.prepare('insert into bench_response select * from response where evaluation_id in (select id from evaluation where campaign_id = ?)').run(campaignId);
    const results: Array<[string, string]> = [];
    let current: string | null = null;
    let sums: Record<string, number> = {};
    let count = 0;
    const flush = () => {
      if (current !== null) results.push([current, JSON.stringify(Object.fromEntries(Object.entries(sums).map(([id, sum]) => [id, sum / count])))]);
    };
    for (const row of answersOf.iterate(campaignId)) {
      if (row.evaluation_id !== current) {
        flush();
        current = row.evaluation_id;
        sums = {};
        count = 0;
      }
      count++;
      for (const [id, value] of Object.entries(JSON.parse(row.answers) as Record<string, number>)) sums[id] = (sums[id] ?? 0) + value;
    }
    flush();
    const keep = sqlite.prepare('insert into bench_result (evaluation_id, means) values (?, ?)');
    for (const [id, means] of results) keep.run(id, means);
    return results.length;
  });
  app.post('/rewrite/:campaignId', (c) => c.json({ evaluations: rewrite(c.req.param('campaignId')) }));
  app.delete('/rewrite', (c) => {
    sqlite.exec('drop table bench_response; drop table bench_result');
    return c.body(null, 204);
  });
}

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`Baseline listens on http://localhost:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
