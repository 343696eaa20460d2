import { once } from 'node:events';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { connect } from '../db/connect.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { CHROMIUM_FLAGS } from '../server/pdf/chromiumFlags.ts';
import { smtpMailer } from '../server/mail/mailer.ts';
import { DeliveryWorker } from '../server/services/deliveryWorker.ts';
import { openCampaignWithManyLinks } from '../test/support/manyLinks.ts';
import { pageWeight } from '../test/support/pageWeight.ts';
import type { BenchRow } from './results.ts';
import { median } from './support/stats.ts';

export interface RespondentPageOptions {
  /** Cold loads of each page; the figure is their median. */
  loads: number;
}

/**
 * Chrome DevTools' "Slow 3G" as issue 6 states it: 400 ms round trip, 400 kbit/s each way (DevTools itself
 * multiplies that latency by 5 for its own preset, 2,000 ms, to stand for a real network's packet-level delays).
 */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const BUDGET_BYTES = 40_000;
const MINIMAL_PAGE = 'bench-minimal.html';
// The baseline: a page whose first statement is answerable as soon as its HTML is in.
const MINIMAL_HTML = `<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>360</title></head>
<body><form><fieldset class="statement"><legend>1</legend><label><input type="radio" name="s1" value="1"> 1</label></fieldset></form></body></html>
`;

/**
 * The respondent page: what it downloads (JS and CSS, gzipped, from a build of the current source), and how long
 * until its first statement can be answered in Chromium on a throttled link, against a minimal page served by
 * the same server through the same link.
 */
export async function measureRespondentPage(options: RespondentPageOptions, log: (line: string) => void): Promise<BenchRow[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-bench-page-'));
  const conn = await connect('sqlite::memory:');
  let browser: Browser | null = null;
  let server: ReturnType<typeof serve> | null = null;
  try {
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    fs.writeFileSync(path.join(outDir, MINIMAL_PAGE), MINIMAL_HTML);
    const respondent = pageWeight(outDir, 'respond.html');
    const staff = pageWeight(outDir, 'index.html');
    log(`  respond.html loads ${respondent.files.map((f) => `${f.href} ${f.gzipBytes} B`).join(', ')}`);

    const { links } = await openCampaignWithManyLinks(conn.db, 6, { name: 'Bench respondent page' });
    const config = { ...loadConfig({ DATA_DIR: outDir }), mail: null };
    const app = createApp({ conn, config, now: () => new Date(), deliveryWorker: new DeliveryWorker(conn.db, smtpMailer(null)) }, { staticDir: outDir });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const loads: Record<'product' | 'baseline', Array<{ ms: number; bytes: number }>> = { product: [], baseline: [] };
    for (let load = 0; load < options.loads; load++) {
      loads.baseline.push(await timeToAnswerable(browser, `${origin}/${MINIMAL_PAGE}`));
      loads.product.push(await timeToAnswerable(browser, `${origin}/r#${links[0]!.token}`));
    }
    const times = { product: loads.product.map((l) => l.ms), baseline: loads.baseline.map((l) => l.ms) };
    log(`  answerable after ${times.product.map((ms) => ms.toFixed(0)).join(', ')} ms (minimal page ${times.baseline.map((ms) => ms.toFixed(0)).join(', ')} ms)`);

    const measurement = 'Respondent page';
    const answerable = median(times.product);
    return [
      {
        measurement, figure: 'JS + CSS loaded up front, gzip', unit: 'kB', product: respondent.gzipBytes / 1000, baseline: staff.gzipBytes / 1000, better: 'lower',
        baselineMeaning: "the staff app's page (index.html) counted the same way: script, modulepreload and stylesheet links of the built HTML, gzip level 6",
        target: { text: `≤ ${BUDGET_BYTES / 1000} kB`, met: respondent.gzipBytes <= BUDGET_BYTES },
      },
      {
        measurement, figure: 'bytes over the link until answerable', unit: 'kB', product: median(loads.product.map((l) => l.bytes)) / 1000, baseline: median(loads.baseline.map((l) => l.bytes)) / 1000, better: 'lower',
        baselineMeaning: 'the minimal page below, loaded the same way (every request, headers included, as Chromium received it)',
      },
      {
        measurement, figure: `first statement answerable, slow 3G, median of ${options.loads}`, unit: 'ms', product: answerable, baseline: median(times.baseline), better: 'lower',
        baselineMeaning: `a minimal HTML page with one radio button served by the same server, loaded the same way: cold Chromium context, CDP Network.emulateNetworkConditions ${SLOW_3G.latency} ms latency, ${(SLOW_3G.downloadThroughput * 8) / 1000} kbit/s down and up; "answerable" = the first radio of the first statement visible and enabled, timed from navigation start`,
        target: { text: '< 2 s', met: answerable < 2000 },
      },
    ];
  } finally {
    await browser?.close();
    server?.close();
    await conn.db.destroy();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds from navigation start until the first statement's first radio button is visible and enabled, and
 * the bytes that came over the link by then (every request, headers included, as sent).
 */
async function timeToAnswerable(browser: Browser, url: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await page.goto(url, { waitUntil: 'commit' });
    const answerable = await page.waitForFunction(
      () => {
        const radio = document.querySelector<HTMLInputElement>('fieldset.statement input[type=radio]');
        return radio && !radio.disabled && radio.checkVisibility() ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return { ms: (await answerable.jsonValue()) as number, bytes };
  } finally {
    await context.close();
  }
}
