import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import { newId, nowIso } from '../db/ids.ts';
import { insertCampaign, insertEvaluations, transitionCampaign } from '../db/repositories/campaigns.ts';
import { queueNew, saveSchedule } from '../db/repositories/deliveries.ts';
import { insertUnit } from '../db/repositories/staff.ts';
import { sendDueReminders } from '../server/services/deliveries.ts';
import type { DeliveryWorker } from '../server/services/deliveryWorker.ts';

// Times queueing reminders for a campaign of `invitations` unanswered invitations (every respondent with an
// e-mail address): the scheduled job's first run of the day, its runs a minute later, and "remind now":
//   npx tsx scripts/measure-reminders.ts [invitations=5000] [database URL, default a fresh SQLite file]
const count = Number(process.argv[2] ?? 5000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-measure-'));
const { db, dialect } = await connect(process.argv[3] ?? `sqlite:${path.join(dir, 'measure.sqlite')}`);
const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(40)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   ${JSON.stringify(result)}`);
  return result;
};

// Each evaluated person assesses themselves and is assessed by the next four: five invitations each.
const people = Math.ceil(count / 5);
const unit = await insertUnit(db, { name: 'Аппарат', parentId: null });
const ids = Array.from({ length: people }, () => newId());
const stamp = nowIso();
for (let from = 0; from < people; from += 500) {
  await db
    .insertInto('person')
    .values(ids.slice(from, from + 500).map((id, n) => ({ id, full_name: `Қызметкер ${from + n}`, position: 'Маман', unit_id: unit.id, category: 'E-4', manager_id: null, email: `p${from + n}@example.kz`, created_at: stamp, updated_at: stamp })))
    .execute();
}
const campaignId = await insertCampaign(db, { name: '360 2025', year: 2025, methodologyId: 'almaty2023', deadline: '2026-01-10' });
await insertEvaluations(
  db,
  ids.map((id, n) => ({
    campaign_id: campaignId, person_id: id, form_key: 'employee', full_name: `Қызметкер ${n}`, position: 'Маман', unit_name: 'Аппарат', category: 'E-4', without_participation: null,
    evaluator_id: null,
    respondents: [1, 2, 3, 4].map((k) => ({ personId: ids[(n + k) % people]!, relation: 'peer' })),
  })),
);
await transitionCampaign(db, campaignId, 'draft', 'open', stamp);
await saveSchedule(db, campaignId, [3], 'https://b360.example.kz');
// PostgreSQL plans by statistics its autovacuum gathers in the background; a real database has them.
if (dialect === 'postgres') await sql`analyze`.execute(db);

// Sending itself is not measured: the worker only has to say that mail is configured.
const worker = { enabled: true, kick: () => Promise.resolve() } as unknown as DeliveryWorker;
const pointDay = new Date('2026-01-06T05:00:00Z'); // 10:00 in Almaty, 3 working days before the deadline
console.log(`${people * 5} invitations`);
await time('scheduled run, first of the day', () => sendDueReminders(db, worker, pointDay, 'Asia/Almaty'));
await time('scheduled run, a minute later', () => sendDueReminders(db, worker, new Date(pointDay.getTime() + 60_000), 'Asia/Almaty'));
await time('scheduled run, an hour later', () => sendDueReminders(db, worker, new Date(pointDay.getTime() + 3_600_000), 'Asia/Almaty'));
await time('remind now', () => queueNew(db, campaignId, 'reminder', 'manual:2026-01-06', 'https://b360.example.kz'));
await time('remind now, clicked again', () => queueNew(db, campaignId, 'reminder', 'manual:2026-01-06', 'https://b360.example.kz'));
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
