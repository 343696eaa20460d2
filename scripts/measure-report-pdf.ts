import { performance } from 'node:perf_hooks';
import { loadDemo } from '../server/demo/loadDemo.ts';
import { startLiveServer } from '../test/support/liveServer.ts';

// Times printing the demo's closed campaign (30 reports) as PDF in headless Chromium, on the built UI
// (run `npx vite build` first): one report cold and warm, then the whole campaign as one PDF and as a ZIP.
//   npx tsx scripts/measure-report-pdf.ts
const live = await startLiveServer();
try {
  await loadDemo(live.conn.db, live.answerKeys, new Date('2025-12-15T06:00:00Z'), 'Asia/Almaty');
  const { campaigns } = (await live.json('GET', '/campaigns')).body as { campaigns: Array<{ id: string; status: string }> };
  const closed = campaigns.find((c) => c.status === 'closed')!;
  const { evaluations } = (await live.json('GET', `/campaigns/${closed.id}`)).body as { evaluations: Array<{ id: string }> };

  const time = async (label: string, run: () => Promise<number>) => {
    const start = performance.now();
    const reports = await run();
    const ms = performance.now() - start;
    console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / reports).toFixed(0).padStart(5)} ms per report`);
  };
  const one = async () => {
    const res = await live.call('GET', `/evaluations/${evaluations[0]!.id}/report.pdf?lang=kk`);
    if (res.status !== 200) throw new Error(await res.text());
    await res.arrayBuffer();
    return 1;
  };
  const batch = (format: 'pdf' | 'zip') => async () => {
    const started = (await live.json('POST', `/campaigns/${closed.id}/report-batches`, { format, lang: 'kk' })).body;
    for (;;) {
      const job = (await live.json('GET', `/campaigns/${closed.id}/report-batches/${started.id}`)).body;
      if (job.status === 'failed') throw new Error(JSON.stringify(job.error));
      if (job.status === 'done') {
        const file = await live.call('GET', job.downloadUrl.replace(/^\/api/, ''));
        console.log(`  ${format}: ${job.total} reports, ${((await file.arrayBuffer()).byteLength / 1024).toFixed(0)} KiB`);
        return job.total as number;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await time('one report (Chromium starting)', one);
  await time('one report (Chromium running)', one);
  await time('campaign as one PDF', batch('pdf'));
  await time('campaign as a ZIP of PDFs', batch('zip'));
} finally {
  await live.close();
}
