import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { connect } from '../db/connect.ts';
import { copySqliteToPostgres } from '../db/copyDatabase.ts';
import { newId, nowIso, randomRowId } from '../db/ids.ts';
import { insertAuditEntry } from '../db/repositories/audit.ts';
import { almaty2023 } from '../shared/methodology/almaty2023/index.ts';

// Times `npm run copy-to-postgres` on a SQLite installation of `evaluations` evaluated persons, each with seven
// invitations, their links and seven answered questionnaires (six respondents and the self-assessment), a kept
// result and a thousand audit entries, into a fresh schema of the PostgreSQL server at the URL:
//   npx tsx scripts/measure-copy.ts [evaluations=100000] [PostgreSQL URL, default postgres://postgres@127.0.0.1:5432/test]
const count = Number(process.argv[2] ?? 100_000);
const baseUrl = process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-measure-copy-'));
const file = path.join(dir, 'bagalau360.sqlite');

const seeding = performance.now();
const { db } = await connect(`sqlite:${file}`);
for (let i = 0; i < 1000; i++) await insertAuditEntry(db, { at: nowIso(), userId: null, userLogin: 'hr', action: 'POST /units', target: { id: newId() }, details: { name: `Бөлім ${i}` } });
await db.destroy();
const sqlite = new SqliteDatabase(file);
const stamp = nowIso();
const statements = almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => s.id));
const answers = () => JSON.stringify(Object.fromEntries(statements.map((id) => [id, 1 + Math.floor(Math.random() * 5)])));
sqlite.transaction(() => {
  const unitId = newId();
  sqlite.prepare(`insert into unit (id, name, parent_id, created_at) values (?, 'Аппарат', null, ?)`).run(unitId, stamp);
  const campaignId = newId();
  sqlite.prepare(`insert into campaign (id, name, year, methodology_id, deadline, status, created_at, opened_at, closed_at) values (?, '360 2025', 2025, ?, '2026-01-10', 'closed', ?, ?, ?)`).run(campaignId, almaty2023.id, stamp, stamp, stamp);
  const person = sqlite.prepare(`insert into person (id, full_name, position, unit_id, category, manager_id, email, created_at, updated_at) values (?, ?, 'Маман', ?, 'E-4', null, null, ?, ?)`);
  const manager = sqlite.prepare(`update person set manager_id = ? where id = ?`);
  const evaluation = sqlite.prepare(`insert into evaluation (id, campaign_id, person_id, form_key, full_name, position, unit_name, category) values (?, ?, ?, 'employee', ?, 'Маман', 'Аппарат', 'E-4')`);
  const invitation = sqlite.prepare(`insert into invitation (id, evaluation_id, respondent_id, relation, answered) values (?, ?, ?, ?, 1)`);
  const link = sqlite.prepare(`insert into link (token_hash, invitation_id) values (?, ?)`);
  const response = sqlite.prepare(`insert into response (id, evaluation_id, is_self, respondent_group, answers) values (?, ?, ?, ?, ?)`);
  const result = sqlite.prepare(`insert into evaluation_result (evaluation_id, status, response_count, scores, overall, weakest) values (?, 'ready', 6, '{}', 3.65, '[]')`);
  const people: string[] = [];
  for (let n = 0; n < count; n++) {
    const id = newId();
    // Every person's manager is someone added later: the copy fills managers in after all the people.
    person.run(id, `Қызметкер ${n}`, unitId, stamp, stamp);
    if (n > 0) manager.run(id, people[n - 1]);
    people.push(id);
  }
  for (let n = 0; n < count; n++) {
    const evaluationId = newId();
    evaluation.run(evaluationId, campaignId, people[n], `Қызметкер ${n}`);
    for (let r = 0; r < 7; r++) {
      const invitationId = newId();
      invitation.run(invitationId, evaluationId, people[(n + r) % count], r === 0 ? 'self' : 'peer');
      link.run(newId(), invitationId);
      response.run(randomRowId(), evaluationId, r === 0 ? 1 : 0, r === 0 ? null : 'peer', answers());
    }
    result.run(evaluationId);
  }
})();
sqlite.close();
console.log(`seeded ${count} evaluations × 7 responses in ${((performance.now() - seeding) / 1000).toFixed(1)} s: ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB`);

const schema = `measure_copy_${process.pid}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create schema ${schema}`);
try {
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let last = performance.now();
  const done = await copySqliteToPostgres(file, url, (table, rows) => {
    if (rows) console.log(`  ${table.padEnd(20)} ${String(rows).padStart(9)} rows ${(performance.now() - last).toFixed(0).padStart(7)} ms`);
    last = performance.now();
  });
  const seconds = done.milliseconds / 1000;
  console.log(`copied ${done.rows} rows in ${seconds.toFixed(1)} s, migrating and checking included: ${Math.round(done.rows / seconds)} rows/s (audit chain of ${done.auditEntries} verified)`);
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
