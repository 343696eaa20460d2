import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isMessageKey } from '../../shared/i18n/translate.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { badRequests, type BadRequest, type FuzzKnowledge } from './badInput/badRequests.ts';
import { hostileKey, PROTOTYPE_KEYS } from './badInput/hostileValues.ts';
import { JsonObject, jsonText } from './badInput/jsonText.ts';
import { apiRoutes, discover, routeKey, type Actor, type FuzzRoute } from './badInput/routeTable.ts';
import { seedRealistic } from './badInput/seed.ts';
import { fullAnswers } from '../support/fixtures.ts';
import { throwawaySchema, type ThrowawaySchema } from '../support/postgresSchema.ts';
import { changedTables, tableDigest } from '../support/tableDigest.ts';
import { createTestApp, type InProcessTestApp } from '../support/testApp.ts';

// The handlers' own parse calls tell the fuzz each route's schemas, and which bodies they accepted while the
// database was seeded (badInput/inputRecorder.ts).
vi.mock('../../server/http/parseBody.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/http/parseBody.ts')>();
  const { recordAccepted, recordInput } = await import('./badInput/inputRecorder.ts');
  return {
    parseBody: (async (c, schema) => {
      recordInput(c, { body: schema });
      const parsed = await real.parseBody(c, schema);
      recordAccepted(schema, await c.req.json());
      return parsed;
    }) as typeof real.parseBody,
    parseQuery: ((c, schema) => (recordInput(c, { query: schema }), real.parseQuery(c, schema))) as typeof real.parseQuery,
  };
});
vi.mock('../../server/http/uploadedFile.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/http/uploadedFile.ts')>();
  const { recordInput } = await import('./badInput/inputRecorder.ts');
  return { uploadedFile: ((c) => (recordInput(c, { file: true }), real.uploadedFile(c))) as typeof real.uploadedFile };
});

/** Fixed, so that CI tries the same inputs every run; a failure prints the seed and path that replay it. */
const SEED = 360_2025;
const ORIGIN = 'http://b360.test';
/** Inputs per route; `BAD_INPUT_RUNS=2000` fuzzes deeper by hand. PostgreSQL, slower per request, gets half. */
const RUNS = Number(process.env.BAD_INPUT_RUNS) || 120;

interface Tally {
  tried: number;
  byClass: Record<'2xx' | '4xx' | '5xx', number>;
}

// The route table, read when the tests are collected (one test per route), from an app of the same code.
const routeSource = await createTestApp();
const routes = apiRoutes(routeSource.app);
await routeSource.conn.db.destroy();

/** The whole fuzz on one database: seeded, then every route fed `runs` bad requests. */
function fuzzEverything(database: () => Promise<ThrowawaySchema>, runs: number) {
  const tally = new Map<string, Tally>();
  let schema: ThrowawaySchema;
  let t: InProcessTestApp;
  let fuzzRoutes: Map<string, FuzzRoute>;
  let knowledge: FuzzKnowledge;
  let liveForm: FormKey;
  let cookies: Record<Actor, string | null>;
  /** Every table's digest as the last request left it: no table may change (sessions and limits included). */
  let tables: Record<string, string>;
  // Sign-in lock-outs and unknown-link limits would soon answer every public request with 429 before its
  // handler reads it: the clock moves past both windows (15 minutes) before each one, never backwards.
  let clock = new Date('2025-12-15T06:00:00Z').getTime();

  const send = (actor: Actor, req: Pick<BadRequest, 'method' | 'url' | 'body' | 'contentType' | 'withLength' | 'acceptLanguage'>) => {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (cookies[actor]) headers.cookie = cookies[actor]!;
    if (req.contentType !== null) headers['content-type'] = req.contentType;
    if (req.body && req.withLength) headers['content-length'] = String(req.body.length);
    if (req.acceptLanguage !== null) headers['accept-language'] = req.acceptLanguage;
    if (actor === 'anonymous') t.setNow(new Date((clock += 16 * 60_000)));
    return Promise.resolve(t.app.request(`${ORIGIN}${req.url}`, { method: req.method, headers, body: req.body as Uint8Array<ArrayBuffer> | undefined }));
  };

  /** Sends a bad request; the answer is below 500, a 4xx unless a defect-free GET, an error that says why, and no table changed. */
  const expectRefusal = async (req: BadRequest, counts: Tally) => {
    const res = await send(req.actor, req);
    const text = await res.text();
    const after = await tableDigest(t.conn);
    const written = changedTables(tables, after);
    // The next request is judged against the tables as they are now, so that shrinking finds a request that writes itself.
    tables = after;
    counts.tried++;
    counts.byClass[res.status >= 500 ? '5xx' : res.status >= 400 ? '4xx' : '2xx']++;
    const answer = `answer ${res.status}: ${text.slice(0, 600)}`;
    expect(res.status, answer).toBeLessThan(500);
    if (req.defect !== 'none') expect(res.status, `accepted: ${answer}`).toBeGreaterThanOrEqual(400);
    if (res.status >= 400) {
      const { error } = JSON.parse(text);
      expect(isMessageKey(`errors.${error.code}`), `an error code the UI can translate: ${answer}`).toBe(true);
      expect(error.message, answer).toMatch(/\S/);
      if (error.code === 'validation') for (const issue of error.issues) expect(isMessageKey(`field.${issue.code}`), `a field code the UI can translate: ${answer}`).toBe(true);
    }
    expect(written, `tables written by a refused request (${answer})`).toEqual([]);
  };

  beforeAll(async () => {
    schema = await database();
    t = await createTestApp({ databaseUrl: schema.url });
    const seeded = await seedRealistic(t);
    cookies = seeded.cookies;
    knowledge = { idsByTable: seeded.idsByTable, strings: seeded.strings, secrets: seeded.liveTokens };
    liveForm = seeded.liveForm;
    tables = await tableDigest(t.conn);
    const discovered = await discover(routes, (actor, method, url, body) =>
      send(actor, { method, url, body: body === undefined ? undefined : new TextEncoder().encode(body), contentType: body === undefined ? null : 'application/json', withLength: true, acceptLanguage: null }),
    );
    fuzzRoutes = new Map(discovered.map((r) => [routeKey(r), r]));
    expect(changedTables(tables, await tableDigest(t.conn)), 'learning the routes wrote nothing').toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await t?.conn.db.destroy();
    await schema?.drop();
    const total = [...tally.values()].reduce((sum, n) => ({ tried: sum.tried + n.tried, failed: sum.failed + n.byClass['5xx'] }), { tried: 0, failed: 0 });
    const row = (cells: Array<string | number>) => `${String(cells[0]).padEnd(60)}${cells.slice(1).map((c) => String(c).padStart(7)).join('')}`;
    console.log(
      [
        `Bad input on ${t?.conn.dialect}: ${tally.size} routes, ${total.tried} requests, ${total.failed} answered 5xx`,
        row(['route', 'tried', '4xx', '2xx', '5xx']),
        ...[...tally].map(([route, n]) => row([route, n.tried, n.byClass['4xx'], n.byClass['2xx'], n.byClass['5xx']])),
      ].join('\n'),
    );
  });

  it('finds every route of the app, and learns who passes its guards and the schemas it reads', () => {
    expect(routes.length).toBeGreaterThan(55);
    expect([...fuzzRoutes.values()].filter((r) => r.inputs.body).length).toBeGreaterThan(20);
    expect(fuzzRoutes.get('POST /api/respond/submit')!.public).toBe(true);
    expect(fuzzRoutes.get('POST /api/staff-import/apply')!.inputs.file).toBe(true);
    expect(fuzzRoutes.get('GET /api/audit')!.inputs.query).toBeDefined();
    expect(fuzzRoutes.get('POST /api/calendar/overrides')!.actors).toEqual(['admin']);
  });

  it.for(routes.map(routeKey))('%s: every bad request is a 4xx that says why, and writes nothing', async (key) => {
    const route = fuzzRoutes.get(key)!;
    const counts: Tally = { tried: 0, byClass: { '2xx': 0, '4xx': 0, '5xx': 0 } };
    tally.set(key, counts);
    tables = await tableDigest(t.conn);
    await fc.assert(
      fc.asyncProperty(badRequests(route, knowledge), (req) => expectRefusal(req, counts)),
      { seed: SEED ^ hash(key), numRuns: runs },
    );
  });

  // The route fuzz never sends a live link with a body its schema takes (that could be a valid answer); here
  // a live link meets answers that are never a whole questionnaire: some missing, an unknown or prototype key,
  // a value off the scale.
  it('POST /api/respond/submit with a live link: answers that are not the whole questionnaire are refused and nothing is written', async () => {
    const statements = almaty2023.forms[liveForm].competencies.flatMap((c) => c.statements.map((s) => s.id));
    const scale = almaty2023.scale.map((l) => l.value);
    const complete = Object.entries(fullAnswers(liveForm, (ci, si) => scale[(ci + si) % scale.length]!));
    const answers = fc.oneof(
      fc.subarray(statements, { minLength: 1 }).map((missing) => new JsonObject(complete.filter(([id]) => !missing.includes(id)))),
      fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), hostileKey), fc.integer({ min: 1, max: 5 })).filter(([key]) => !statements.includes(key)).map(([key, v]) => new JsonObject([...complete, [key, v]])),
      fc.tuple(fc.constantFrom(...statements), fc.integer()).filter(([, v]) => !scale.includes(v)).map(([id, v]) => new JsonObject(complete.map(([k, w]) => [k, k === id ? v : w]))),
    );
    const counts: Tally = { tried: 0, byClass: { '2xx': 0, '4xx': 0, '5xx': 0 } };
    tally.set('POST /api/respond/submit (live link)', counts);
    tables = await tableDigest(t.conn);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...knowledge.secrets), answers, (token, spoiled) =>
        expectRefusal(
          { defect: 'body', actor: 'anonymous', method: 'POST', url: '/api/respond/submit', body: new TextEncoder().encode(jsonText(new JsonObject([['token', token], ['answers', spoiled]]))), contentType: 'application/json', withLength: true, acceptLanguage: null },
          counts,
        ),
      ),
      { seed: SEED, numRuns: runs },
    );
  });
}

/** A stable number per route, so that a route's inputs do not shift when other routes are added. */
function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.codePointAt(0)!) | 0;
  return h;
}

const pgProbe = await throwawaySchema();
await pgProbe?.drop();

describe('bad input on SQLite', () => fuzzEverything(async () => ({ url: 'sqlite::memory:', drop: async () => {} }), RUNS));
describe.skipIf(pgProbe === null)('bad input on PostgreSQL', () => fuzzEverything(async () => (await throwawaySchema())!, Math.ceil(RUNS / 2)));
