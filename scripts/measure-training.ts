import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import { newId, nowIso, randomRowId } from '../db/ids.ts';
import { insertCampaign, transitionCampaign } from '../db/repositories/campaigns.ts';
import { sealCampaignResponses } from '../db/repositories/responses.ts';
import { insertUnit } from '../db/repositories/staff.ts';
import type { SessionUser } from '../server/http/session.ts';
import { keepCampaignResults } from '../server/services/evaluationResults.ts';
import { trainingExport, trainingGroups, trainingOverview } from '../server/services/training.ts';
import { almaty2023 } from '../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../shared/methodology/types.ts';
import type { StoredGroup } from '../shared/scoring/respondentGroup.ts';
import { shownGroups } from '../shared/scoring/shownGroups.ts';

// Times closing a campaign of `evaluations` evaluated persons with six answered questionnaires each (five
// respondents and the self-assessment), one in ten a head of unit, spread over units of 200, and then the
// training view over it:
//   npx tsx scripts/measure-training.ts [evaluations=10000] [database URL, default a fresh SQLite file]
const count = Number(process.argv[2] ?? 10000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-measure-'));
const { db, dialect } = await connect(process.argv[3] ?? `sqlite:${path.join(dir, 'measure.sqlite')}`);
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
await time(`inserting ${count} evaluations × 6 responses`, async () => {
  for (let from = 0; from < count; from += 500) {
    const batch = Array.from({ length: Math.min(500, count - from) }, (_, k) => {
      const n = from + k;
      return { id: newId(), n, formKey: (n % 10 === 0 ? 'head' : 'employee') as FormKey };
    });
    await db.insertInto('person').values(batch.map(({ id, n }) => ({ id, full_name: `Қызметкер ${n}`, position: 'Маман', unit_id: unit.id, category: 'E-4', manager_id: null, email: null, created_at: stamp, updated_at: stamp }))).execute();
    await db
      .insertInto('evaluation')
      .values(batch.map(({ id, n, formKey }) => ({ id, campaign_id: campaignId, person_id: id, form_key: formKey, full_name: `Қызметкер ${n}`, position: 'Маман', unit_name: `Бөлім ${Math.floor(n / 200)}`, category: 'E-4', without_participation: null, evaluator_id: null })))
      .execute();
    const responses = batch.flatMap(({ id, formKey }) => [0, 1, 2, 3, 4, 5].map((r) => ({ id: randomRowId(), evaluation_id: id, is_self: r === 0 ? 1 : 0, answers: answers(formKey) })));
    for (let r = 0; r < responses.length; r += 500) await db.insertInto('response').values(responses.slice(r, r + 500)).execute();
  }
  return count;
});
await transitionCampaign(db, campaignId, 'draft', 'open', stamp);
if (dialect === 'postgres') await sql`analyze`.execute(db);

await transitionCampaign(db, campaignId, 'open', 'closed', nowIso());
await time('closing: sealing the responses', () => sealCampaignResponses(db, campaignId, (groups) => shownGroups(groups as StoredGroup[], almaty2023.rules.minResponsesForReport)).then(() => 'sealed'));
await time('closing: keeping every result', () => keepCampaignResults(db, campaignId, almaty2023));
await time('first use, results already kept', () => keepCampaignResults(db, campaignId, almaty2023));

const viewer = (role: string): SessionUser => ({ id: newId(), login: role, fullName: role, role, personId: null, canReadReports: true });
await time('training view (heatmap + ranking)', () => trainingOverview(db, viewer('trainer'), campaignId, 'weakest'), (v) => ({ units: v.heatmap.length, top: v.ranking[0] }));
await time('training view, score under 3.5', () => trainingOverview(db, viewer('trainer'), campaignId, 'below:3.50'), (v) => ({ top: v.ranking[0] }));
await time('course groups with names (HR)', () => trainingGroups(db, viewer('hr'), campaignId, 'weakest'), (g) => ({ groups: g.groups.length, names: g.groups.reduce((n, x) => n + x.members.length, 0) }));
await time('XLSX export (HR, every group)', () => trainingExport(db, viewer('hr'), campaignId, 'weakest', 'kk'), (e) => ({ bytes: e.file.length, names: e.names }));
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
