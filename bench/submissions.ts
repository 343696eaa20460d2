import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connect } from '../db/connect.ts';
import { openCampaignWithManyLinks, type PreparedLink } from '../test/support/manyLinks.ts';
import { throwawaySchema } from '../test/support/postgresSchema.ts';
import type { BenchRow } from './results.ts';
import { startServerChild } from './support/serverChild.ts';
import { percentile } from './support/stats.ts';

export interface SubmissionOptions {
  /** Submissions per burst. */
  submissions: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Bursts of `submissions` each for the baseline and the product, taking turns; figures pool all bursts. */
  rounds: number;
}

interface RunFigures {
  perSecond: number;
  p50: number;
  p99: number;
}

const WARM_UP = 200;
const BASELINE = 'bench/support/bareServer.ts';
const PRODUCT = 'server/main.ts';

/**
 * Respondents' submissions under concurrent load: autocannon against the real server (`server/main.ts` in a
 * process of its own, real HTTP), each request a fresh link of an open campaign, against a bare Hono endpoint
 * on the same driver and database that stores the same answers in plain, with no validation (the product seals
 * each: the ratio shows that too). Both listen on the one database and take turns in short bursts, each on
 * links of its own, so a busy machine weighs on both alike.
 */
export async function measureSubmissions(options: SubmissionOptions, log: (line: string) => void): Promise<BenchRow[]> {
  const linksNeeded = 2 * (WARM_UP + options.connections) + options.rounds * 2 * (options.submissions + options.connections);
  const rows: BenchRow[] = [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-bench-submit-'));
  try {
    const databaseUrl = `sqlite:${path.join(dir, 'bagalau360.sqlite')}`;
    const links = await prepareLinks(databaseUrl, linksNeeded, log);
    const figures = await alternate(options, links, log, 'SQLite', { DATA_DIR: dir }, { BENCH_DATABASE_URL: databaseUrl });
    rows.push(...submissionRows('SQLite', figures));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const schema = await throwawaySchema();
  if (!schema) {
    rows.push(...submissionRows('PostgreSQL', null));
    return rows;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-bench-submit-pg-'));
  try {
    const links = await prepareLinks(schema.url, linksNeeded, log);
    const figures = await alternate(options, links, log, 'PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: schema.url }, { BENCH_DATABASE_URL: schema.url });
    rows.push(...submissionRows('PostgreSQL', figures));
  } finally {
    await schema.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

async function prepareLinks(databaseUrl: string, count: number, log: (line: string) => void): Promise<PreparedLink[]> {
  const started = performance.now();
  const conn = await connect(databaseUrl);
  try {
    // Six links per evaluated person: the self-assessment and five peers.
    const { links } = await openCampaignWithManyLinks(conn.db, Math.ceil(count / 6), { name: 'Bench submissions' });
    log(`  ${links.length} links issued in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return links;
  } finally {
    await conn.db.destroy();
  }
}

async function alternate(
  options: SubmissionOptions,
  links: PreparedLink[],
  log: (line: string) => void,
  label: string,
  productEnv: Record<string, string>,
  baselineEnv: Record<string, string>,
): Promise<{ product: RunFigures; baseline: RunFigures }> {
  let next = 0;
  const take = (n: number) => {
    const slice = links.slice(next, next + n);
    next += n;
    return slice;
  };
  const servers = {
    baseline: await startServerChild(BASELINE, baselineEnv),
    product: await startServerChild(PRODUCT, productEnv),
  };
  try {
    const url = { baseline: `${servers.baseline.origin}/submit`, product: `${servers.product.origin}/api/respond/submit` };
    const bursts: Record<'product' | 'baseline', Burst[]> = { product: [], baseline: [] };
    for (const kind of ['baseline', 'product'] as const) await load(url[kind], take(WARM_UP + options.connections), { ...options, submissions: WARM_UP });
    // Short bursts taking turns: the disk's fsync time swings severalfold within seconds on a shared machine.
    for (let round = 1; round <= options.rounds; round++) {
      for (const kind of ['baseline', 'product'] as const) bursts[kind].push(await load(url[kind], take(options.submissions + options.connections), options));
    }
    const pooled = (all: Burst[]): RunFigures => {
      const latencies = all.flatMap((b) => b.latencies);
      return { perSecond: latencies.length / all.reduce((s, b) => s + b.seconds, 0), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const figures = { product: pooled(bursts.product), baseline: pooled(bursts.baseline) };
    const rates = (kind: 'product' | 'baseline') => bursts[kind].map((b) => (b.latencies.length / b.seconds).toFixed(0)).join(' ');
    log(`  ${label}: baseline ${rates('baseline')} /s, product ${rates('product')} /s in ${options.rounds} rounds of ${options.submissions}`);
    return figures;
  } finally {
    await servers.product.stop();
    await servers.baseline.stop();
  }
}

interface Burst {
  latencies: number[];
  seconds: number;
}

/** `submissions` POSTs, `connections` at a time, each with the next unused link; every one must be a 201. */
async function load(url: string, links: PreparedLink[], options: SubmissionOptions): Promise<Burst> {
  const bodies = links.map((link) => JSON.stringify({ token: link.token, answers: link.answers }));
  let next = 0;
  const latencies: number[] = [];
  const refusals = new Map<number, number>();
  const { pathname, origin } = new URL(url);
  // Timed here: autocannon reports only at its next one-second sample, so its own duration is whole seconds.
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        amount: options.submissions,
        requests: [
          {
            method: 'POST',
            path: pathname,
            headers: { 'content-type': 'application/json' },
            // Called once per request sent (and once more per connection when it starts): always a fresh link.
            setupRequest: (request) => ({ ...request, body: bodies[next++] ?? bodies[bodies.length - 1] }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon passes the client first, which its type declarations leave out.
    (instance as unknown as EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      lastAnswer = performance.now();
      if (status === 201) latencies.push(ms);
      else refusals.set(status, (refusals.get(status) ?? 0) + 1);
    });
  });
  if (next > bodies.length) throw new Error(`ran out of links: ${next} asked for, ${bodies.length} prepared`);
  if (refusals.size || result.errors) throw new Error(`${url}: not every submission was recorded: ${JSON.stringify(Object.fromEntries(refusals))}, ${result.errors} errors`);
  return { latencies, seconds: (lastAnswer - started) / 1000 };
}

function submissionRows(database: string, figures: { product: RunFigures; baseline: RunFigures } | null): BenchRow[] {
  const measurement = `Answer submission, ${database}`;
  const baselineMeaning = `bare Hono endpoint on the same driver and database that marks the invitation and stores the answers in plain (the product seals them) in one transaction, no validation (${database === 'SQLite' ? 'WAL, synchronous = FULL' : 'pool of 10'})`;
  const skipped = figures ? undefined : 'PostgreSQL unreachable';
  const row = (figure: string, unit: string, better: 'higher' | 'lower', pick: (f: RunFigures) => number, target?: (product: number, baseline: number) => { text: string; met: boolean }): BenchRow => ({
    measurement,
    figure,
    unit,
    product: figures ? pick(figures.product) : null,
    baseline: figures ? pick(figures.baseline) : null,
    better,
    baselineMeaning,
    ...(figures && target && { target: target(pick(figures.product), pick(figures.baseline)) }),
    ...(skipped && { skipped }),
  });
  return [
    row('throughput', 'req/s', 'higher', (f) => f.perSecond, database === 'SQLite' ? (p, b) => ({ text: 'ratio ≥ 0.6', met: p / b >= 0.6 }) : undefined),
    row('latency p50', 'ms', 'lower', (f) => f.p50),
    row('latency p99', 'ms', 'lower', (f) => f.p99),
  ];
}
