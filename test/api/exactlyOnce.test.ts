import fs from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { recordResponse } from '../../db/repositories/responses.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { smtpMailer } from '../../server/mail/mailer.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { createUser } from '../../server/services/accounts.ts';
import { DeliveryWorker } from '../../server/services/deliveryWorker.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { jsonOf, signInDistributor, signInWith, testAnswerKeys, type TestApp } from '../support/testApp.ts';
import { connectTestDatabase, freshDatabaseUrl, onPostgres } from '../support/testDatabase.ts';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-once-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

interface RealServer extends TestApp {
  close: () => Promise<void>;
}

/** The app listening on a loopback port over a real database, requests going over HTTP with an HR officer signed in. */
async function startServer(databaseUrl: string): Promise<RealServer> {
  const conn: Connection = await connectTestDatabase(databaseUrl);
  const config = { ...loadConfig({ DATA_DIR: tempDir }), mail: null };
  const answerKeys = testAnswerKeys();
  const app = createApp({ conn, config, now: () => new Date('2025-12-15T06:00:00Z'), deliveryWorker: new DeliveryWorker(conn.db, smtpMailer(null)), answerKeys }, { staticDir: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await createUser(conn.db, { login: 'hr', fullName: 'HR', role: 'hr', password: 'exactly-once-password', canReadReports: true });
  const call: TestApp['call'] = (method, apiPath, body, options = {}) => {
    const headers: Record<string, string> = {};
    const cookie = options.cookie === undefined ? real.cookie : options.cookie;
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // A same-origin request, as the browser app makes it (server/http/sameOrigin.ts refuses others).
    headers.origin = origin;
    return fetch(`${origin}/api${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  const real: RealServer = {
    conn,
    call,
    cookie: '',
    distributor: '',
    json: jsonOf(call),
    setNow: () => {
      throw new Error('this server keeps its clock');
    },
    deliveryWorker: new DeliveryWorker(conn.db, smtpMailer(null)),
    answerKeys,
    close: async () => {
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await conn.db.destroy();
    },
  };
  real.cookie = await signInWith(call, 'hr', 'exactly-once-password');
  real.distributor = await signInDistributor(conn.db, call, 'exactly-once-password');
  return real;
}

// On SQLite, in a WAL file as the product runs it rather than in memory.
describe(`each link is answered exactly once, on ${onPostgres ? 'PostgreSQL' : 'SQLite in a WAL file'}`, () => {
  let s: RealServer;
  let tokens: string[];
  let evaluationId: string;
  beforeAll(async () => {
    s = await startServer(onPostgres ? await freshDatabaseUrl() : `sqlite:${path.join(tempDir, 'b360.sqlite')}`);
    const { head, employees } = await seedUnit(s, 4);
    const opened = await openCampaignWith(s, head.id, employees.map((p: { id: string }) => p.id));
    evaluationId = opened.evaluationId;
    tokens = opened.links.filter((l) => l.relation === 'peer').map((l) => tokenOf(l.url));
  });
  afterAll(() => s.close());

  // Answers wait sealed in boxes while the campaign is open.
  const responses = async () => Number((await s.conn.db.selectFrom('answer_box').select((eb) => eb.fn.countAll().as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirstOrThrow()).n);
  const answered = async (token: string) =>
    (await s.conn.db.selectFrom('invitation').select('answered').where('id', '=', s.conn.db.selectFrom('link').select('invitation_id').where('token_hash', '=', hashToken(token))).executeTakeFirstOrThrow()).answered;

  it.skipIf(onPostgres)('runs over a file in WAL mode', async () => {
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(s.conn.db)).rows[0]!.journal_mode).toBe('wal');
  });

  it('accepts one of 50 concurrent submissions of the same link and refuses 49 as already answered', async () => {
    const body = { token: tokens[0]!, answers: fullAnswers('head', () => 4) };
    const results = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await s.call('POST', '/respond/submit', body, { cookie: null });
        return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
      }),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 410 && r.code === 'link.used')).toHaveLength(49);
    expect(await responses()).toBe(1);
    expect(await answered(tokens[0]!)).toBe(1);
  });

  it('records one of 50 concurrent submissions even when all of them got past the link check', async () => {
    // Straight to the repository, as if every request had found the link unanswered: the transaction alone decides.
    const before = await responses();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => recordResponse(s.conn.db, hashToken(tokens[3]!), evaluationId, () => 'a box')),
    );
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'alreadyAnswered')).toHaveLength(49);
    expect(await responses()).toBe(before + 1);
  });

  it('stores nothing when the answer cannot be written after the invitation was marked', async () => {
    const before = await responses();
    // An evaluation that does not exist: the response insert breaks its foreign key after the update marked the invitation.
    const failed = await recordResponse(s.conn.db, hashToken(tokens[1]!), crypto.randomUUID(), () => 'a box').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(await answered(tokens[1]!)).toBe(0);
    expect(await responses()).toBe(before);
    const retried = await s.call('POST', '/respond/submit', { token: tokens[1]!, answers: fullAnswers('head', () => 3) }, { cookie: null });
    expect(retried.status).toBe(201);
    expect(await responses()).toBe(before + 1);
  });

  it('limits unknown tokens by the socket’s address', async () => {
    for (let i = 0; i < 20; i++) expect((await s.call('POST', '/respond/open', { token: newToken() }, { cookie: null })).status).toBe(404);
    const refused = await s.call('POST', '/respond/open', { token: tokens[2]! }, { cookie: null });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('600');
  });
});
