import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids.ts';
import { insertEvaluations, transitionCampaign } from '../../db/repositories/campaigns.ts';
import { createUser } from '../../server/services/accounts.ts';
import { MAX_REPORTS_PER_PDF } from '../../shared/reports/batchSelection.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { fullAnswers, issueLinks, seedUnit, tokenOf } from '../support/fixtures.ts';
import { startLiveServer, type LiveServer } from '../support/liveServer.ts';
import { createTestApp } from '../support/testApp.ts';

let t: LiveServer;
let campaignId: string;
let unitId: string;
/** Evaluations: `first` and `second` reached the minimum, `short` did not (2 answers). */
const eid = { first: '', second: '', short: '' };
let people: { head: { id: string }; employees: Array<{ id: string }> };
const cookies = { hrHead: '', own: '', colleague: '', trainer: '', ungranted: '' };

const COMPETENCIES = almaty2023.forms.employee.competencies.length;

/** Each respondent's answers to Annex 6, statement by statement (8 competencies × 3 statements). */
function answers(byCompetency: (ci: number) => [number, number, number]) {
  return fullAnswers('employee', (ci, si) => byCompetency(ci)[si]!);
}

// Worked by hand (Annex 8: a competency's score is the mean of the respondents' competency marks, each the
// mean of its three statements; the result is the mean of the eight scores):
//   first:  R1 gives 5,5,4 to competency 1 and 4 elsewhere; R2 gives 3 everywhere; R3 gives 2,3,3 to competency 2, 5 elsewhere.
//           competency 1: (14/3 + 3 + 5) / 3 = 4.222… → 4.22;  competency 2: (4 + 3 + 8/3) / 3 = 3.222… → 3.22;
//           competencies 3–8: (4 + 3 + 5) / 3 = 4.00;  result: (4.22 + 3.22 + 6 × 4.00) / 8 = 3.93
//   second: R1 gives 2, R2 gives 3, R3 gives 5 everywhere: every competency (2 + 3 + 5) / 3 = 3.33, result 3.33.
const FIRST = { scores: ['4.22', '3.22', '4.00'], overall: '3.93' };
const SECOND = { overall: '3.33' };

async function account(login: string, role: 'hr_head' | 'hr' | 'trainer' | 'employee', personId: string | null = null) {
  await createUser(t.conn.db, { login, fullName: login, role, password: 'long-password-1', personId });
  const res = await t.call('POST', '/auth/login', { login, password: 'long-password-1' }, { cookie: null });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text as string[];
}

/** The pixel width of the widest image in a PDF: the chart's canvas, which Chromium embeds as an image. */
function widestImage(bytes: Uint8Array): number {
  const raw = Buffer.from(bytes).toString('latin1');
  return Math.max(0, ...[...raw.matchAll(/\/Subtype\s*\/Image[^>]*?\/Width\s+(\d+)|\/Width\s+(\d+)[^>]*?\/Subtype\s*\/Image/g)].map((m) => Number(m[1] ?? m[2])));
}

async function finished(jobId: string, cookie: string) {
  for (let i = 0; i < 240; i++) {
    const res = await t.call('GET', `/campaigns/${campaignId}/report-batches/${jobId}`, undefined, { cookie });
    const job = await res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the batch did not finish');
}

beforeAll(async () => {
  t = await startLiveServer();
  const seeded = await seedUnit(t, 6);
  people = seeded;
  unitId = seeded.unit.id;
  const [e1, e2, e3, e4, e5, e6] = seeded.employees as Array<{ id: string }>;
  campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id;
  [eid.first, eid.second, eid.short] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [e1!.id, e4!.id, e5!.id] })).body.ids;
  const respondents = [seeded.head.id, e2!.id, e3!.id];
  for (const id of Object.values(eid)) {
    const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${id}/respondents`, { respondents: respondents.map((personId) => ({ personId, relation: 'peer' })) });
    expect(set.status).toBe(204);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const links = await issueLinks(t, campaignId);
  const given: Record<string, Record<string, (ci: number) => [number, number, number]>> = {
    'Қызметкер 1': {
      'Бастық Ерлан': (ci) => (ci === 0 ? [5, 5, 4] : [4, 4, 4]),
      'Қызметкер 2': () => [3, 3, 3],
      'Қызметкер 3': (ci) => (ci === 1 ? [2, 3, 3] : [5, 5, 5]),
    },
    'Қызметкер 4': { 'Бастық Ерлан': () => [2, 2, 2], 'Қызметкер 2': () => [3, 3, 3], 'Қызметкер 3': () => [5, 5, 5] },
    'Қызметкер 5': { 'Бастық Ерлан': () => [4, 4, 4], 'Қызметкер 2': () => [4, 4, 4] },
  };
  for (const link of links) {
    const answer = link.relation === 'self' ? undefined : given[link.evaluatedName]?.[link.respondentName];
    if (!answer) continue;
    const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: answers(answer) }, { cookie: null });
    expect(res.status).toBe(201);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
  cookies.hrHead = await account('head.of.hr', 'hr_head');
  cookies.own = await account('aigerim', 'employee', e1!.id);
  cookies.colleague = await account('colleague', 'employee', e6!.id);
  cookies.trainer = await account('trainer', 'trainer');
  cookies.ungranted = await account('hr2', 'hr');
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('one report as PDF', () => {
  it('prints the report page on A4 with the person, the hand-computed means and a sharp chart, named after the person and year', async () => {
    const res = await t.call('GET', `/evaluations/${eid.first}/report.pdf?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Қызметкер 1 — 2025.pdf')}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pages = await pdfText(bytes);
    const text = pages.join('\n');
    expect(text).toContain('Қызметкер 1');
    expect(text).toContain('Building effective communications');
    for (const score of [...FIRST.scores, FIRST.overall]) expect(text).toContain(score);
    expect(text).not.toContain('Қызметкер 4');
    // A4 portrait, in points.
    const page = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(1);
    const { width, height } = page.getViewport({ scale: 1 });
    expect([Math.round(width), Math.round(height)]).toEqual([596, 843]);
    // The radar chart (up to 15 cm wide, ~570 CSS px) is embedded at twice that: ≥ 1000 px is ≥ 170 dpi on paper.
    expect(widestImage(bytes)).toBeGreaterThanOrEqual(1000);
  });

  it('prints in the language asked for', async () => {
    const res = await t.call('GET', `/evaluations/${eid.first}/report.pdf?lang=kk`);
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).join('\n');
    expect(text).toContain('Тиімді коммуникацияларды құру');
    expect(text).toContain(FIRST.overall);
  });

  it('prints for the evaluated person with their own rights', async () => {
    const res = await t.call('GET', `/evaluations/${eid.first}/report.pdf?lang=ru`, undefined, { cookie: cookies.own });
    expect(res.status).toBe(200);
    expect((await pdfText(new Uint8Array(await res.arrayBuffer()))).join('\n')).toContain(FIRST.overall);
  });

  it('refuses those §21 does not allow, the signed-out, and a report under the minimum', async () => {
    for (const who of ['trainer', 'colleague', 'ungranted'] as const) {
      const res = await t.call('GET', `/evaluations/${eid.first}/report.pdf`, undefined, { cookie: cookies[who] });
      expect(res.status, who).toBe(403);
      expect((await res.json()).error.code).toBe('report.forbidden');
    }
    expect((await t.call('GET', `/evaluations/${eid.first}/report.pdf`, undefined, { cookie: null })).status).toBe(401);
    const short = await t.call('GET', `/evaluations/${eid.short}/report.pdf`);
    expect(short.status).toBe(409);
    expect((await short.json()).error).toMatchObject({ code: 'reportPdf.insufficient', details: { count: 2, required: 3 } });
    const bad = await t.call('GET', `/evaluations/${eid.first}/report.pdf?lang=de`);
    expect(bad.status).toBe(400);
  });

  it('writes each PDF to the audit log, and leaves no rendering session behind', async () => {
    const entries = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'GET /evaluations/:eid/report.pdf').orderBy('seq').execute();
    expect(entries.map((e) => [e.user_login, JSON.parse(e.target!).eid, JSON.parse(e.details!)])).toEqual([
      ['hr', eid.first, { name: 'Қызметкер 1', access: 'granted' }],
      ['hr', eid.first, { name: 'Қызметкер 1', access: 'granted' }],
      ['aigerim', eid.first, { name: 'Қызметкер 1', access: 'own' }],
    ]);
    // The page Chromium printed read the report as that user, which the log records too.
    const reads = await t.conn.db.selectFrom('audit_entry').select('user_login').where('action', '=', 'GET /evaluations/:eid/report').execute();
    expect(reads.map((r) => r.user_login).sort()).toEqual(['aigerim', 'hr', 'hr']);
    const sessions = await t.conn.db.selectFrom('user_session').select('id').execute();
    // Each signed-in test account's session (with the link distributor's), and no rendering session left.
    expect(sessions).toHaveLength(Object.keys(cookies).length + 2);
  });
});

describe('every report of a campaign or unit, in the background', () => {
  it('prints one PDF of the readable reports, a page break between them, saying how many were under the minimum', async () => {
    const started = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf', lang: 'en' }, { cookie: cookies.hrHead });
    expect(started.status).toBe(202);
    const job = await started.json();
    expect(job).toMatchObject({ total: 2, insufficient: 1, forbidden: 0, downloadUrl: null });
    const done = await finished(job.id, cookies.hrHead);
    expect(done).toMatchObject({ status: 'done', done: 2, total: 2, fileName: '360 2025.pdf' });
    const file = await fetch(`${t.origin}${done.downloadUrl}`, { headers: { cookie: cookies.hrHead } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfText(new Uint8Array(await file.arrayBuffer()));
    const pageOf = (name: string) => pages.findIndex((p) => p.includes(name));
    expect(pageOf('Қызметкер 1')).toBe(0);
    expect(pageOf('Қызметкер 4')).toBeGreaterThan(pageOf('Қызметкер 1'));
    expect(pages.slice(0, pageOf('Қызметкер 4')).join('\n')).toContain(FIRST.overall);
    expect(pages.slice(pageOf('Қызметкер 4')).join('\n')).toContain(SECOND.overall);
    expect(pages.join('\n')).not.toContain('Қызметкер 5');
  });

  it('prints a ZIP of one PDF per readable person', async () => {
    const started = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'zip', unitId, lang: 'ru' }, { cookie: cookies.hrHead });
    const done = await finished((await started.json()).id, cookies.hrHead);
    expect(done).toMatchObject({ status: 'done', total: 2, insufficient: 1, fileName: '360 2025 — Қаржы бөлімі.zip' });
    const file = await fetch(`${t.origin}${done.downloadUrl}`, { headers: { cookie: cookies.hrHead } });
    expect(file.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(['Қызметкер 1 — 2025.pdf', 'Қызметкер 4 — 2025.pdf']);
    const first = (await pdfText(entries['Қызметкер 1 — 2025.pdf']!)).join('\n');
    expect(first).toContain('Қызметкер 1');
    for (const score of [...FIRST.scores, FIRST.overall]) expect(first).toContain(score);
    const second = (await pdfText(entries['Қызметкер 4 — 2025.pdf']!)).join('\n');
    expect(second).toContain('Қызметкер 4');
    expect(second).toContain(SECOND.overall);
    expect(second).not.toContain('Қызметкер 1');
  });

  it('writes the batch and every report it printed to the audit log', async () => {
    const batches = await t.conn.db.selectFrom('audit_entry').selectAll().where('action', '=', 'POST /campaigns/:id/report-batches').execute();
    expect(batches.map((e) => [e.user_login, JSON.parse(e.details!)])).toEqual([
      ['head.of.hr', { count: 2, leftOut: 1 }],
      ['head.of.hr', { count: 2, leftOut: 1 }],
    ]);
    const reads = await t.conn.db.selectFrom('audit_entry').select('target').where('action', '=', 'GET /evaluations/:eid/report').where('user_login', '=', 'head.of.hr').execute();
    expect(reads.map((r) => JSON.parse(r.target!).eid).sort()).toEqual([eid.first, eid.first, eid.second, eid.second].sort());
  });

  it('refuses a batch to whoever may read none of it', async () => {
    // The head of the unit evaluates its employees, but a staff member's own account is not HR's: /campaigns is closed to it.
    const boss = await account('boss', 'employee', people.head.id);
    expect((await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf' }, { cookie: boss })).status).toBe(403);
    // An HR officer without the grant reads none of them.
    const refused = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf' }, { cookie: cookies.ungranted });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('report.forbidden');
  });

  it('refuses trainers, the signed-out, open campaigns, unknown or empty units, and other users’ jobs', async () => {
    expect((await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'zip' }, { cookie: cookies.trainer })).status).toBe(403);
    expect((await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'zip' }, { cookie: null })).status).toBe(401);
    const bad = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'docx' });
    expect(bad.status).toBe(400);
    const unknown = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf', unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const emptyUnit = (await t.json('POST', '/units', { name: 'Бос бөлім', parentId: null })).body.unit;
    const empty = await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf', unitId: emptyUnit.id });
    expect(empty.status).toBe(409);
    expect((await empty.json()).error.code).toBe('reportBatch.empty');
    const open = (await t.json('POST', '/campaigns', { name: '360 2026', year: 2026 })).body.id;
    const notClosed = await t.call('POST', `/campaigns/${open}/report-batches`, { format: 'pdf' });
    expect((await notClosed.json()).error.code).toBe('report.notClosed');

    const job = await (await t.call('POST', `/campaigns/${campaignId}/report-batches`, { format: 'pdf' }, { cookie: cookies.hrHead })).json();
    const peek = await t.call('GET', `/campaigns/${campaignId}/report-batches/${job.id}`);
    expect(peek.status).toBe(404);
    expect((await peek.json()).error.code).toBe('reportBatch.notFound');
    expect((await t.call('GET', `/campaigns/${campaignId}/report-batches/${job.id}/file`)).status).toBe(404);
    await finished(job.id, cookies.hrHead);
  });
});

describe('a ceiling on one PDF', () => {
  it('refuses more reports in one PDF than Chromium holds comfortably, pointing to a unit or a ZIP', async () => {
    const app = await createTestApp();
    const { unit, head, employees } = await seedUnit(app, 3);
    const id = (await app.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id;
    const respondents = [head, employees[1], employees[2]].map((p: { id: string }) => ({ personId: p.id, relation: 'peer' }));
    const stamp = new Date().toISOString();
    const evaluated = Array.from({ length: MAX_REPORTS_PER_PDF + 1 }, (_, n) => ({
      id: newId(), full_name: `Қызметкер ${n + 10}`, position: 'Маман', unit_id: unit.id, category: 'E-4', manager_id: head.id, email: null, created_at: stamp, updated_at: stamp,
    }));
    await app.conn.db.insertInto('person').values(evaluated).execute();
    await insertEvaluations(
      app.conn.db,
      evaluated.map((p) => ({
        campaign_id: id, person_id: p.id, form_key: 'employee', full_name: p.full_name, position: p.position, unit_name: unit.name,
        category: p.category, without_participation: null, evaluator_id: head.id, respondents,
      })),
    );
    await app.conn.db.updateTable('invitation').set({ answered: 1 }).execute();
    await transitionCampaign(app.conn.db, id, 'draft', 'closed', new Date().toISOString());
    const refused = await app.call('POST', `/campaigns/${id}/report-batches`, { format: 'pdf' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: 'reportBatch.tooManyForOnePdf', details: { count: MAX_REPORTS_PER_PDF + 1, max: MAX_REPORTS_PER_PDF } });
  });
});

describe('without Chromium', () => {
  it('answers 503 with what to configure, for one report and for a batch', async () => {
    const broken = await startLiveServer({ chromiumPath: '/nonexistent/chromium' });
    try {
      const { unit, head, employees } = await seedUnit(broken, 3);
      const id = (await broken.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id;
      const [evaluation] = (await broken.json('POST', `/campaigns/${id}/evaluations`, { personIds: [employees[0].id] })).body.ids;
      await broken.json('PUT', `/campaigns/${id}/evaluations/${evaluation}/respondents`, { respondents: [head, employees[1], employees[2]].map((p) => ({ personId: p.id, relation: 'peer' })) });
      await broken.json('POST', `/campaigns/${id}/open`);
      for (const link of await issueLinks(broken, id)) {
        if (link.relation !== 'self') await broken.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: answers(() => [4, 4, 4]) }, { cookie: null });
      }
      await broken.json('POST', `/campaigns/${id}/close`);

      const one = await broken.call('GET', `/evaluations/${evaluation}/report.pdf`);
      expect(one.status).toBe(503);
      const { error } = await one.json();
      expect(error).toMatchObject({ code: 'pdf.unavailable', details: { path: '/nonexistent/chromium' } });
      expect(error.message).toContain('CHROMIUM_PATH');

      const job = await (await broken.call('POST', `/campaigns/${id}/report-batches`, { format: 'zip', unitId: unit.id })).json();
      let state = job;
      for (let i = 0; i < 40 && (state.status === 'queued' || state.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await (await broken.call('GET', `/campaigns/${id}/report-batches/${job.id}`)).json();
      }
      expect(state).toMatchObject({ status: 'failed', downloadUrl: null, error: { code: 'pdf.unavailable' } });
    } finally {
      await broken.close();
    }
  });
});

it('the employee form has eight competencies, as the worked means assume', () => {
  expect(COMPETENCIES).toBe(8);
});
