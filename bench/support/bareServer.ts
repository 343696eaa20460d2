import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
 * against it. A submission is stored in plain, where the product seals it: the ratio shows what sealing costs
 * too. BENCH_DATABASE_URL names the database; BENCH_ANSWER_KEY_DIR the folder of the campaigns' answer keys
 * (the product's DATA_DIR/answer-keys), which the close baseline opens the boxes with.
 */

const url = process.env.BENCH_DATABASE_URL!;
const app = new Hono();

/**
 * One answer box opened with node:crypto and nothing else: `v1.<nonce>.<ciphertext>.<tag>` in base64url, AES-256-GCM
 * with the evaluation's id as additional data (server/security/aesGcm.ts writes it). The padding is left on:
 * JSON.parse skips it.
 */
function openBox(key: Buffer, evaluationId: string, box: string): string {
  const [, nonce, data, tag] = box.split('.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce!, 'base64url')).setAAD(Buffer.from(evaluationId));
  decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data!, 'base64url')), decipher.final()]).toString('utf8');
}

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

  // The floor under closing: in one transaction, every answer box of the campaign read evaluation by
  // evaluation, decrypted once with the campaign's key and parsed once, each answer written once into a
  // scratch copy of the response table (same columns and index), and one row of statement means written per
  // evaluation. The boxes are left in place, so that the product closes the same campaign afterwards.
  const evaluationsOf = sqlite.prepare<[string], { id: string }>('select id from evaluation where campaign_id = ?');
  const boxesOf = sqlite.prepare<[string], { id: number; box: string }>('select id, box from answer_box where evaluation_id = ?');
  const rewrite = sqlite.transaction((campaignId: string, key: Buffer) => {
    sqlite.exec('create table bench_response as select * from response where 0');
    sqlite.exec('create index bench_response_evaluation_idx on bench_response (evaluation_id)');
    sqlite.exec('create table bench_result (evaluation_id text primary key, means text not null)');
    const write = sqlite.prepare('insert into bench_response (id, evaluation_id, is_self, respondent_group, answers) values (?, ?, ?, ?, ?)');
    const keep = sqlite.prepare('insert into bench_result (evaluation_id, means) values (?, ?)');
    const evaluations = evaluationsOf.all(campaignId);
    for (const { id: evaluationId } of evaluations) {
      const sums: Record<string, number> = {};
      const boxes = boxesOf.all(evaluationId);
      for (const { id, box } of boxes) {
        const { s, g, a } = JSON.parse(openBox(key, evaluationId, box)) as { s: 0 | 1; g: string | null; a: Record<string, number> };
        write.run(id, evaluationId, s, g, JSON.stringify(a));
        for (const statement in a) sums[statement] = (sums[statement] ?? 0) + a[statement]!;
      }
      keep.run(evaluationId, JSON.stringify(Object.fromEntries(Object.entries(sums).map(([statement, sum]) => [statement, sum / boxes.length]))));
    }
    return evaluations.length;
  });
  app.post('/rewrite/:campaignId', (c) => {
    const campaignId = c.req.param('campaignId');
    const key = Buffer.from(fs.readFileSync(path.join(process.env.BENCH_ANSWER_KEY_DIR!, `${campaignId}.key`), 'utf8').trim(), 'base64');
    return c.json({ evaluations: rewrite(campaignId, key) });
  });
  app.delete('/rewrite', (c) => {
    sqlite.exec('drop table bench_response; drop table bench_result');
    return c.body(null, 204);
  });
}

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`Baseline listens on http://localhost:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
