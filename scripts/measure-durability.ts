import fs from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { smtpMailer } from '../server/mail/mailer.ts';
import { DeliveryWorker } from '../server/services/deliveryWorker.ts';
import { openCampaignWithManyLinks } from '../test/support/manyLinks.ts';

// What `synchronous = FULL` (db/connect.ts) costs against NORMAL: respondents' submissions per second over
// HTTP into a SQLite file, `concurrency` at a time. The directory must be on a real disk (not tmpfs), or
// fsync costs nothing. The modes take turns, `rounds` times, so a busy machine weighs on both alike:
//   npx tsx scripts/measure-durability.ts [evaluated=600, six links each] [concurrency=24] [rounds=3] [directory=os.tmpdir()]
const evaluated = Number(process.argv[2] ?? 600);
const concurrency = Number(process.argv[3] ?? 24);
const rounds = Number(process.argv[4] ?? 3);
const parent = process.argv[5] ?? os.tmpdir();

const rates: Record<'FULL' | 'NORMAL', number[]> = { FULL: [], NORMAL: [] };
for (const mode of Array.from({ length: rounds }, () => ['FULL', 'NORMAL'] as const).flat()) {
  const dir = fs.mkdtempSync(path.join(parent, 'b360-durability-'));
  const conn = await connect(`sqlite:${path.join(dir, 'bagalau360.sqlite')}`);
  await sql.raw(`pragma synchronous = ${mode}`).execute(conn.db);
  const { links } = await openCampaignWithManyLinks(conn.db, evaluated);
  const config = { ...loadConfig({ DATA_DIR: dir }), mail: null };
  const app = createApp({ conn, config, now: () => new Date(), deliveryWorker: new DeliveryWorker(conn.db, smtpMailer(null)) }, { staticDir: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < links.length) {
        const link = links[next++]!;
        const res = await fetch(`${origin}/api/respond/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link.token, answers: link.answers }) });
        if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
        await res.body?.cancel();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  rates[mode].push(links.length / seconds);
  console.log(`synchronous = ${mode.padEnd(6)} ${links.length} submissions, ${concurrency} at a time: ${(links.length / seconds).toFixed(0).padStart(5)} per second`);
  server.close();
  await conn.db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`median: FULL ${median(rates.FULL).toFixed(0)}/s (${(1000 / median(rates.FULL)).toFixed(2)} ms each), NORMAL ${median(rates.NORMAL).toFixed(0)}/s (${(1000 / median(rates.NORMAL)).toFixed(2)} ms each)`);
