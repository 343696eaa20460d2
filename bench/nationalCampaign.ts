import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { BenchRow } from './results.ts';
import { httpClient, type HttpClient } from './support/http.ts';
import { HR_HEAD, writeNationalCampaign } from './support/nationalCampaignData.ts';
import { startServerChild } from './support/serverChild.ts';
import { median, msSince, percentile } from './support/stats.ts';

export interface NationalCampaignOptions {
  persons: number;
}

const REPORTS = 500;
const HEATMAPS = 5;
const WARM_UP = 10;
const MB = 2 ** 20;

/**
 * A national campaign on SQLite — `persons` evaluated persons, six answers each — closed, read and viewed over
 * HTTP on the real server (`server/main.ts`, a process of its own whose peak memory is read from the kernel),
 * each step beside a bare baseline over the same database file.
 */
export async function measureNationalCampaign(options: NationalCampaignOptions, log: (line: string) => void): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-bench-campaign-'));
  const file = path.join(dir, 'bagalau360.sqlite');
  // Where the product reads answer keys with DATA_DIR = dir (server/config.ts).
  const answerKeyDir = path.join(dir, 'answer-keys');
  const http = httpClient();
  let started = performance.now();
  const { campaignId, evaluationIds } = await writeNationalCampaign(file, answerKeyDir, options.persons);
  log(`  ${options.persons} persons × 6 sealed answers written in ${(msSince(started) / 1000).toFixed(1)} s (${(fs.statSync(file).size / MB).toFixed(0)} MB)`);

  const product = await startServerChild('server/main.ts', { DATA_DIR: dir });
  const baseline = await startServerChild('bench/support/bareServer.ts', { BENCH_DATABASE_URL: `sqlite:${file}`, BENCH_ANSWER_KEY_DIR: answerKeyDir });
  try {
    const staff = await signIn(http, product.origin);
    const timed = async (url: string, init: Parameters<HttpClient['request']>[1], expected: number) => {
      const start = performance.now();
      const answer = await http.request(url, init);
      const ms = msSince(start);
      if (answer.status !== expected) throw new Error(`${init?.method ?? 'GET'} ${url}: ${answer.status} ${answer.body.slice(0, 300)}`);
      return { ms, body: answer.body };
    };

    // Closing: the bare pass first, while the campaign is still open, then the product's close.
    const baselineClose = (await timed(`${baseline.origin}/rewrite/${campaignId}`, { method: 'POST' }, 200)).ms;
    await timed(`${baseline.origin}/rewrite`, { method: 'DELETE' }, 204);
    log(`  baseline pass over every answer ${(baselineClose / 1000).toFixed(1)} s; closing the campaign…`);
    started = performance.now();
    const productClose = (await timed(`${product.origin}/api/campaigns/${campaignId}/close`, { method: 'POST', headers: staff }, 204)).ms;
    log(`  product close ${(productClose / 1000).toFixed(1)} s`);

    // One request at a time, baseline and product taking turns on the same random evaluations, so that a busy
    // moment of the shared machine falls on both alike.
    const sample = Array.from({ length: REPORTS + WARM_UP }, () => evaluationIds[Math.floor(Math.random() * evaluationIds.length)]!);
    const baselineReports: number[] = [];
    const productReports: number[] = [];
    for (const [n, id] of sample.entries()) {
      const bare = await timed(`${baseline.origin}/evaluations/${id}`, {}, 200);
      if (bare.body === 'null') throw new Error('the baseline found no evaluation');
      const read = await timed(`${product.origin}/api/evaluations/${id}/report`, { headers: staff }, 200);
      const report = (JSON.parse(read.body) as { report: { status: string } }).report;
      if (report.status !== 'ready') throw new Error(`a report of six answers is not ready: ${read.body.slice(0, 200)}`);
      if (n < WARM_UP) continue;
      baselineReports.push(bare.ms);
      productReports.push(read.ms);
    }
    log(`  reports p50 ${percentile(productReports, 50).toFixed(1)} ms, p99 ${percentile(productReports, 99).toFixed(1)} ms (baseline ${percentile(baselineReports, 50).toFixed(2)} / ${percentile(baselineReports, 99).toFixed(2)} ms)`);

    // The trainers' heatmap of the whole campaign, taking turns likewise.
    const units = Math.ceil(options.persons / 200);
    const baselineHeatmaps: number[] = [];
    const productHeatmaps: number[] = [];
    for (let i = 0; i < HEATMAPS; i++) {
      const bare = await timed(`${baseline.origin}/heatmap/${campaignId}`, {}, 200);
      if ((JSON.parse(bare.body) as unknown[]).length === 0) throw new Error('the baseline aggregate is empty');
      const view = await timed(`${product.origin}/api/training/${campaignId}?criterion=weakest`, { headers: staff }, 200);
      const shown = (JSON.parse(view.body) as { heatmap: unknown[] }).heatmap.length;
      if (shown !== units) throw new Error(`the heatmap has ${shown} units, not ${units}`);
      baselineHeatmaps.push(bare.ms);
      productHeatmaps.push(view.ms);
    }
    log(`  heatmap ${productHeatmaps.map((ms) => ms.toFixed(0)).join(', ')} ms (baseline ${baselineHeatmaps.map((ms) => ms.toFixed(0)).join(', ')} ms)`);

    const productMemory = product.memory();
    const baselineMemory = baseline.memory();
    const measurement = `National campaign, SQLite, ${options.persons.toLocaleString('en-US')} persons × 6 answers`;
    const reportBaseline = 'bare Hono endpoint returning one evaluation row by id from the same file';
    return [
      {
        measurement, figure: 'close (seal + keep results)', unit: 's', product: productClose / 1000, baseline: baselineClose / 1000, better: 'lower',
        baselineMeaning: 'one transaction in the same driver that reads every answer box of each evaluation, decrypts each once with the campaign key (node:crypto AES-256-GCM), parses it once, writes every answer once into a scratch copy of the response table (same index) and one row of means per evaluation',
      },
      {
        measurement, figure: `one report, p50 of ${REPORTS}`, unit: 'ms', product: percentile(productReports, 50), baseline: percentile(baselineReports, 50), better: 'lower',
        baselineMeaning: reportBaseline,
      },
      {
        measurement, figure: `one report, p99 of ${REPORTS}`, unit: 'ms', product: percentile(productReports, 99), baseline: percentile(baselineReports, 99), better: 'lower',
        baselineMeaning: reportBaseline, target: { text: 'p99 < 20 ms', met: percentile(productReports, 99) < 20 },
      },
      {
        measurement, figure: `training heatmap, median of ${HEATMAPS}`, unit: 'ms', product: median(productHeatmaps), baseline: median(baselineHeatmaps), better: 'lower',
        baselineMeaning: 'one SQL aggregate over the kept results (json_each of the scores, grouped by unit and competency), bare Hono endpoint',
        target: { text: '< 1 s', met: median(productHeatmaps) < 1000 },
      },
      {
        measurement, figure: 'server peak RSS', unit: 'MB', product: productMemory.peakRss / MB, baseline: baselineMemory.peakRss / MB, better: 'lower',
        baselineMeaning: `peak resident set (VmHWM) of the bare baseline server process after the same passes; both are single Node processes at the default heap limit (${(getHeapStatistics().heap_size_limit / MB).toFixed(0)} MB here), read from /proc`,
      },
    ];
  } finally {
    http.close();
    await product.stop();
    await baseline.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Signs the head of HR in; the headers every staff request then carries. */
async function signIn(http: HttpClient, origin: string): Promise<Record<string, string>> {
  const answer = await http.request(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login: HR_HEAD.login, password: HR_HEAD.password }),
  });
  if (answer.status !== 200) throw new Error(`sign-in: ${answer.status} ${answer.body}`);
  const cookie = String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { cookie, origin };
}
