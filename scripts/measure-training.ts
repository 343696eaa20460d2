import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import { newId, nowIso, randomRowId } from '../db/ids.ts';
import { insertCampaign, transitionCampaign } from '../db/repositories/campaigns.ts';
import { closeAndSeal } from '../db/repositories/campaignSeal.ts';
import { insertUnit } from '../db/repositories/staff.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { SessionUser } from '../server/http/session.ts';
import { createUser } from '../server/services/accounts.ts';
import { keepCampaignResults } from '../server/services/evaluationResults.ts';
import { trainingExport, trainingGroupPage, trainingGroups, trainingOverview } from '../server/services/training.ts';
import { almaty2023 } from '../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../shared/methodology/types.ts';
import { storedGroup, type StoredGroup } from '../shared/scoring/respondentGroup.ts';
import { shownGroups } from '../shared/scoring/shownGroups.ts';

// Times closing a campaign of `evaluations` evaluated persons, each with six answered invitations (the
// self-assessment and five respondents: every other person has five peers, the rest three subordinates, a
// manager and a peer, whose groups closing folds into 'other'), one in ten a head of unit, in units of 200;
// then the training view, the course groups and the export over it, and reading single reports:
//   npx tsx scripts/measure-training.ts [evaluations=10000] [database URL, default a fresh SQLite file]
// (with NODE_OPTIONS=--expose-gc the export's heap growth is measured from a collected heap).
const count = Number(process.argv[2] ?? 10000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-measure-'));
const conn = await connect(process.argv[3] ?? `sqlite:${path.join(dir, 'measure.sqlite')}`);
const { db, dialect } = conn;
const time = async <T>(label: string, run: () => Promise<T>, show: (result: T) => unknown = (r) => r): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   ${JSON.stringify(show(result))}`);
  return result;
};

const unit = await insertUnit(db, { name: 'Аппарат', parentId: null });
const campaignId = await insertCampaign(db, { name: '360 2025', year: 2025, methodologyId: almaty2023.id, deadline: '2026-01-10' });
const stamp = nowIso();
const answers = (formKey: FormKey) =>
  JSON.stringify(Object.fromEntries(almaty2023.forms[formKey].competencies.flatMap((c) => c.statements.map((s) => [s.id, 1 + Math.floor(Math.random() * 5)]))));
const relationsOf = (n: number) => (n % 2 === 0 ? ['peer', 'peer', 'peer', 'peer', 'peer'] : ['subordinate', 'subordinate', 'subordinate', 'manager', 'peer']);
const personIds = Array.from({ length: count }, () => newId());
const BATCH = 500;
const insertRows = async (trx: typeof db, table: 'person' | 'evaluation' | 'invitation' | 'response', rows: Record<string, unknown>[]) => {
  for (let r = 0; r < rows.length; r += BATCH) await trx.insertInto(table).values(rows.slice(r, r + BATCH) as never).execute();
};
await time(`inserting ${count} evaluations × 6 answered invitations`, async () => {
  for (let from = 0; from < count; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => {
      const n = from + k;
      return { id: personIds[n]!, n, formKey: (n % 10 === 0 ? 'head' : 'employee') as FormKey };
    });
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'person', batch.map(({ id, n }) => ({ id, full_name: `Қызметкер ${n}`, position: 'Маман', unit_id: unit.id, category: 'E-4', manager_id: null, email: null, created_at: stamp, updated_at: stamp })));
      await insertRows(trx, 'evaluation', batch.map(({ id, n, formKey }) => ({ id, campaign_id: campaignId, person_id: id, form_key: formKey, full_name: `Қызметкер ${n}`, position: 'Маман', unit_name: `Бөлім ${Math.floor(n / 200)}`, category: 'E-4', without_participation: null, evaluator_id: null })));
    });
  }
  for (let from = 0; from < count; from += BATCH) {
    const invitations: Record<string, unknown>[] = [];
    const responses: Record<string, unknown>[] = [];
    for (let n = from; n < Math.min(from + BATCH, count); n++) {
      const formKey: FormKey = n % 10 === 0 ? 'head' : 'employee';
      invitations.push({ id: newId(), evaluation_id: personIds[n], respondent_id: personIds[n], relation: 'self', answered: 1 });
      responses.push({ id: randomRowId(), evaluation_id: personIds[n], is_self: 1, respondent_group: null, answers: answers(formKey) });
      const relations = relationsOf(n);
      relations.forEach((relation, k) => {
        invitations.push({ id: newId(), evaluation_id: personIds[n], respondent_id: personIds[(n + k + 1) % count], relation, answered: 1 });
        const group = storedGroup(relation, relations.filter((r) => r === relation).length, almaty2023.rules.minResponsesForReport);
        responses.push({ id: randomRowId(), evaluation_id: personIds[n], is_self: 0, respondent_group: group, answers: answers(formKey) });
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'invitation', invitations);
      await insertRows(trx, 'response', responses);
    });
  }
  return count;
});
await transitionCampaign(db, campaignId, 'draft', 'open', stamp);
if (dialect === 'postgres') await sql`analyze`.execute(db);

// The answers are written in plain, as a version before answer boxes stored them: closing rewrites them all the same.
const noBoxes = () => {
  throw new Error('this campaign has no answer boxes');
};
await time('closing: status and sealing the responses', () =>
  closeAndSeal(db, campaignId, nowIso(), { openBox: noBoxes, keptGroups: (groups) => shownGroups(groups as StoredGroup[], almaty2023.rules.minResponsesForReport) }).then(() => 'sealed'),
);
await time('closing: keeping results and training aggregates', () => keepCampaignResults(db, campaignId, almaty2023));

const viewer = (role: string): SessionUser => ({ id: newId(), login: role, fullName: role, role, personId: null, personLinkedBy: null, canReadReports: true });
await time('training view (heatmap + ranking)', () => trainingOverview(db, viewer('trainer'), campaignId, 'weakest'), (v) => ({ units: v.heatmap.length, top: v.ranking[0] }));
await time('training view, score under 3.5', () => trainingOverview(db, viewer('trainer'), campaignId, 'below:3.50'), (v) => ({ top: v.ranking[0] }));
const groups = await time('course groups, first page each (HR)', () => trainingGroups(db, viewer('hr'), campaignId, 'weakest'), (g) => ({ groups: g.groups.length, names: g.groups.reduce((n, x) => n + x.count, 0), shown: g.groups.reduce((n, x) => n + x.members.length, 0) }));
const largest = groups.groups[0]!;
const middle = Math.floor(largest.count / 2);
await time('a page in the middle of the largest group', () => trainingGroupPage(db, viewer('hr'), campaignId, largest.competencyId, { criterion: 'weakest', offset: middle, limit: 50 }), (p) => ({ offset: p.offset, names: p.members.length }));
await time('XLSX export (HR, every group), streamed', async () => {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const { file, names } = await trainingExport(db, viewer('hr'), campaignId, 'weakest', 'kk');
  let bytes = 0;
  let heapPeak = heapBefore;
  const reader = file.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.length;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  return { bytes, names, heapGrowthMB: Math.round((heapPeak - heapBefore) / 2 ** 20) };
});

// One report at a time through the whole app, as the head of HR: session, §21 check, the report, the audit entry.
const app = createApp({ conn, config: { ...loadConfig({ DATA_DIR: dir }), mail: null }, now: () => new Date() }, { staticDir: null });
const origin = 'http://b360.measure';
await createUser(db, { login: 'head', fullName: 'Head of HR', role: 'hr_head', password: 'measure-password' });
const login = await app.request(`${origin}/api/auth/login`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'head', password: 'measure-password' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
await time('500 reports, one at a time (HTTP, audited)', async () => {
  const took: number[] = [];
  for (let i = 0; i < 500; i++) {
    const id = personIds[Math.floor(Math.random() * count)]!;
    const start = performance.now();
    const res = await app.request(`${origin}/api/evaluations/${id}/report`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`report ${id}: ${res.status}`);
    await res.json();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  const at = (p: number) => Number(took[Math.min(took.length - 1, Math.floor(p * took.length))]!.toFixed(1));
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
});
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
