import { parseArgs } from 'node:util';
import { measureAnswerSealing } from './answerSealing.ts';
import { measureNationalCampaign } from './nationalCampaign.ts';
import { benchReport, formatTable, writeReport, type BenchRow } from './results.ts';
import { measureRespondentPage } from './respondentPage.ts';
import { measureSubmissions } from './submissions.ts';

// npm run bench [-- --persons 100000 --submissions 500 --connections 24 --rounds 6 --loads 5 --only submissions,campaign,page --out bench-results.json]
// Every figure is a ratio against a baseline measured in the same run on the same machine: on a shared machine
// only those ratios compare from one run to the next.
const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    submissions: { type: 'string', default: '500' },
    connections: { type: 'string', default: '24' },
    rounds: { type: 'string', default: '6' },
    loads: { type: 'string', default: '5' },
    only: { type: 'string', default: 'submissions,campaign,page' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const options = {
  persons: number('persons'),
  submissions: number('submissions'),
  connections: number('connections'),
  rounds: number('rounds'),
  loads: number('loads'),
  only: values.only!.split(',').map((s) => s.trim()),
};
const measurements: Record<string, { title: string; run: (log: (line: string) => void) => Promise<BenchRow[]> }> = {
  // What sealing an answer costs on its own first, then the whole submission path under load.
  submissions: { title: 'Answer submission under load', run: async (log) => [...measureAnswerSealing(log), ...(await measureSubmissions(options, log))] },
  campaign: { title: `National campaign of ${options.persons.toLocaleString('en-US')} evaluated persons`, run: (log) => measureNationalCampaign({ persons: options.persons }, log) },
  page: { title: 'Respondent page on a slow link', run: (log) => measureRespondentPage({ loads: options.loads }, log) },
};
const unknown = options.only.filter((name) => !(name in measurements));
if (unknown.length) throw new Error(`--only: unknown measurement(s) ${unknown.join(', ')}; known: ${Object.keys(measurements).join(', ')}`);

const startedAt = new Date();
const log = (line: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const rows: BenchRow[] = [];
let failed = false;
for (const name of options.only) {
  const { title, run } = measurements[name]!;
  log(title);
  try {
    rows.push(...(await run(log)));
  } catch (error) {
    // One failed measurement leaves the others' figures standing; the run still ends in failure.
    failed = true;
    console.error(error);
    rows.push({ measurement: title, figure: 'failed', unit: '', product: null, baseline: null, better: 'higher', baselineMeaning: '', skipped: `failed: ${(error as Error).message.split('\n')[0]}` });
  }
}
const report = benchReport(startedAt, options, rows);
writeReport(values.out!, report);
console.log(`\n${formatTable(report)}\nWritten to ${values.out}.`);
process.exitCode = failed ? 1 : 0;
