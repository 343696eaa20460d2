import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.ts';
import { AnswerKeys } from '../../server/security/answerKeys.ts';
import { fingerprint, openCampaignWithManyLinks, type PreparedLink } from '../support/manyLinks.ts';
import { openedBoxes } from '../support/sealedAnswers.ts';
import { throwawaySchema } from '../support/postgresSchema.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

/*
 * Nothing acknowledged is lost: the real server (`tsx server/main.ts`) takes submissions from many respondents
 * at once and is SIGKILLed while some are in flight; restarted on the same database, it must hold every answer
 * it acknowledged with 201, and every other one wholly or not at all.
 */

const EVALUATED = 1000; // × (5 peers + self) = 6,000 links
const CONCURRENCY = 24;

const schema = await throwawaySchema();
afterAll(async () => {
  await schema?.drop();
});

describe('a server killed mid-load keeps every acknowledged answer, on SQLite', () =>
  killedMidLoad('SQLite', (dataDir) => ({ databaseUrl: `sqlite:${path.join(dataDir, 'bagalau360.sqlite')}`, env: {} })));
describe.skipIf(schema === null)('a server killed mid-load keeps every acknowledged answer, on PostgreSQL', () =>
  killedMidLoad('PostgreSQL', () => ({ databaseUrl: schema!.url, env: { DATABASE_URL: schema!.url } })));

/** What the driver saw of one link: never sent, answered 201, refused otherwise, or cut off without an answer. */
type Outcome = 'unsent' | 'acknowledged' | 'refused' | 'noAnswer';

function killedMidLoad(label: string, database: (dataDir: string) => { databaseUrl: string; env: Record<string, string> }) {
  let dataDir: string;
  let databaseUrl: string;
  let env: Record<string, string>;
  let links: PreparedLink[];
  let server: ServerProcess;
  const outcome: Outcome[] = [];
  const refusals: string[] = [];
  const figures = { links: 0, driven: 0, killAt: 0, ackedAtKill: 0, inFlightAtKill: 0, acknowledged: 0, noAnswer: 0, perSecond: 0, restartMs: 0, found: 0, inFlightCommitted: 0, inFlightLost: 0 };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-crash-'));
    ({ databaseUrl, env } = database(dataDir));
    const conn = await connect(databaseUrl);
    links = (await openCampaignWithManyLinks(conn.db, EVALUATED, { name: 'Killed mid-load' })).links;
    await conn.db.destroy();
    outcome.push(...links.map((): Outcome => 'unsent'));
    figures.links = links.length;
    server = await startServerProcess({ DATA_DIR: dataDir, ...env });
  });
  afterAll(async () => {
    await server?.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(
      `[crash ${label}] links ${figures.links}, submissions driven ${figures.driven} (${CONCURRENCY} at a time, ${figures.perSecond}/s), ` +
        `SIGKILL after ${figures.ackedAtKill} acknowledged (target ${figures.killAt}) with ${figures.inFlightAtKill} in flight; ` +
        `acknowledged ${figures.acknowledged}, no answer ${figures.noAnswer}; restart ${figures.restartMs} ms; ` +
        `found after restart ${figures.found} = ${figures.acknowledged} acknowledged + ${figures.inFlightCommitted} in-flight committed; in-flight lost ${figures.inFlightLost}`,
    );
  });

  const submit = (origin: string, link: PreparedLink) =>
    fetch(`${origin}/api/respond/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ token: link.token, answers: link.answers }),
    });

  it('is killed by SIGKILL while submissions are in flight', async () => {
    figures.killAt = randomInt(Math.floor(links.length / 3), Math.floor((links.length * 7) / 12));
    let next = 0;
    let inFlight = 0;
    let acknowledged = 0;
    let killed: Promise<void> | null = null;
    const started = performance.now();
    const drive = async () => {
      while (!killed && next < links.length) {
        const n = next++;
        inFlight++;
        try {
          const res = await submit(server.origin, links[n]!);
          const body = await res.text();
          if (res.status === 201) {
            outcome[n] = 'acknowledged';
            acknowledged++;
          } else {
            outcome[n] = 'refused';
            refusals.push(`${res.status} ${body}`);
          }
        } catch (error) {
          // The connection was cut: the server is gone, and the answer may or may not have been committed.
          outcome[n] = 'noAnswer';
          if (!killed) refusals.push(`no answer before the kill: ${String((error as Error).cause ?? error)}`);
        }
        inFlight--;
        if (!killed && acknowledged >= figures.killAt) {
          figures.ackedAtKill = acknowledged;
          figures.inFlightAtKill = inFlight;
          figures.perSecond = Math.round(acknowledged / ((performance.now() - started) / 1000));
          killed = server.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, drive));
    await killed;
    figures.driven = outcome.filter((o) => o !== 'unsent').length;
    figures.acknowledged = outcome.filter((o) => o === 'acknowledged').length;
    figures.noAnswer = outcome.filter((o) => o === 'noAnswer').length;

    expect(refusals).toEqual([]);
    expect(killed).not.toBeNull();
    expect(figures.inFlightAtKill).toBeGreaterThan(0);
    expect(figures.noAnswer).toBeGreaterThan(0);
    expect(outcome.filter((o) => o === 'unsent').length).toBeGreaterThan(0);
  });

  it('restarts on the same database and holds every acknowledged answer whole, and each other one whole or not at all', async () => {
    const restarting = performance.now();
    server = await startServerProcess({ DATA_DIR: dataDir, ...env });
    figures.restartMs = Math.round(performance.now() - restarting);

    // Read beside the running server, as any second connection would.
    const { db, dialect } = await connect(databaseUrl, { migrate: false });
    try {
      if (dialect === 'sqlite') expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
      const answered = new Set((await db.selectFrom('invitation').select('id').where('answered', '=', 1).execute()).map((r) => r.id));
      // The campaign is open: its answers wait sealed, opened here with the key the server keeps in DATA_DIR.
      const responses = await openedBoxes(db, new AnswerKeys(path.join(dataDir, 'answer-keys')));

      // Answers carry no link: the unique answers of each link say which one a stored answer came through.
      const linkOf = new Map(links.map((link, n) => [fingerprint(link.answers), n]));
      const stored = new Set<number>();
      for (const r of responses) {
        const n = linkOf.get(fingerprint(r.answers));
        expect(n, `a stored answer matches no answers sent: ${JSON.stringify(r.answers)}`).toBeDefined();
        expect(stored.has(n!), `link ${n} stored twice`).toBe(false);
        stored.add(n!);
        expect(r.evaluationId).toBe(links[n!]!.evaluationId);
        expect(r.isSelf).toBe(links[n!]!.isSelf);
      }

      const problems: string[] = [];
      links.forEach((link, n) => {
        const kept = stored.has(n);
        if (kept !== answered.has(link.invitationId)) problems.push(`link ${n}: response ${kept ? 'stored' : 'missing'} but invitation ${kept ? 'unanswered' : 'answered'}`);
        if (outcome[n] === 'acknowledged' && !kept) problems.push(`link ${n}: acknowledged with 201 but lost`);
        if (outcome[n] === 'unsent' && kept) problems.push(`link ${n}: never sent but stored`);
      });
      expect(problems).toEqual([]);

      const perEvaluation = (ids: Iterable<string>) => {
        const counts = new Map<string, number>();
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
        return counts;
      };
      const invitationEvaluation = new Map(links.map((l) => [l.invitationId, l.evaluationId]));
      expect(perEvaluation(responses.map((r) => r.evaluationId))).toEqual(perEvaluation([...answered].map((id) => invitationEvaluation.get(id)!)));

      figures.found = responses.length;
      figures.inFlightCommitted = outcome.filter((o, n) => o === 'noAnswer' && stored.has(n)).length;
      figures.inFlightLost = figures.noAnswer - figures.inFlightCommitted;
      expect(figures.found).toBe(figures.acknowledged + figures.inFlightCommitted);
    } finally {
      await db.destroy();
    }
  });

  it('refuses every acknowledged link as already answered', async () => {
    const acknowledged = links.filter((_, n) => outcome[n] === 'acknowledged');
    const codes = new Map<string, number>();
    for (let from = 0; from < acknowledged.length; from += CONCURRENCY) {
      await Promise.all(
        acknowledged.slice(from, from + CONCURRENCY).map(async (link) => {
          const res = await fetch(`${server.origin}/api/respond/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link.token }) });
          const key = `${res.status} ${((await res.json()) as { error?: { code: string } }).error?.code}`;
          codes.set(key, (codes.get(key) ?? 0) + 1);
        }),
      );
    }
    expect(Object.fromEntries(codes)).toEqual({ '410 link.used': acknowledged.length });
  });

  it('takes a cut-off submission sent again exactly once: refused if it was committed, recorded if it was lost', async () => {
    const { db } = await connect(databaseUrl, { migrate: false });
    try {
      const answered = new Set((await db.selectFrom('invitation').select('id').where('answered', '=', 1).execute()).map((r) => r.id));
      const resent = links.filter((_, n) => outcome[n] === 'noAnswer');
      const unexpected: string[] = [];
      await Promise.all(
        resent.map(async (link) => {
          const res = await submit(server.origin, link);
          const expected = answered.has(link.invitationId) ? 410 : 201;
          if (res.status !== expected) unexpected.push(`${link.invitationId}: ${res.status} ${await res.text()}, expected ${expected}`);
          else await res.body?.cancel();
        }),
      );
      expect(unexpected).toEqual([]);
      // And the server goes on taking answers for links never sent before the kill.
      const fresh = links.filter((_, n) => outcome[n] === 'unsent').slice(0, 50);
      expect((await Promise.all(fresh.map((link) => submit(server.origin, link).then((r) => r.status))))).toEqual(fresh.map(() => 201));
      const after = Number((await db.selectFrom('answer_box').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(after).toBe(figures.acknowledged + figures.noAnswer + fresh.length);
    } finally {
      await db.destroy();
    }
  });
}
