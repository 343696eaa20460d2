import readXlsxFile from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { closeOverdueCampaigns } from '../../server/services/campaignClosing.ts';
import { createUser } from '../../server/services/accounts.ts';
import { fullAnswers, issueLinks, tokenOf } from '../support/fixtures.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const employee = almaty2023.forms.employee.competencies.map((c) => c.id);
const ETHICS = employee.indexOf('ethics');
const PROMPTNESS = employee.indexOf('promptness');
const COOPERATION = employee.indexOf('cooperation');
const SELF_DEVELOPMENT = employee.indexOf('self_development');

let t: TestApp;
let trainer: string;

/**
 * Two units. Finance: four employees evaluated, each by three colleagues, ethics the weakest of all four and
 * cooperation second — their cells show. Law: two employees evaluated (cells hidden), one with only two answers
 * (an insufficient report), promptness and self-development the weakest.
 */
async function closedCampaign(close: 'hr' | 'deadline' = 'hr') {
  const unit = async (name: string) => (await t.json('POST', '/units', { name, parentId: null })).body.unit.id as string;
  const person = async (unitId: string, fullName: string, category = 'E-4') =>
    (await t.json('POST', '/people', { fullName, position: 'Маман', unitId, category, managerId: null, email: null })).body.person.id as string;
  const finance = await unit('Қаржы бөлімі');
  const law = await unit('Заң бөлімі');
  const financePeople = [];
  for (const name of ['Әлия Finance', 'Бауыржан Finance', 'Гүлнар Finance', 'Дәурен Finance', 'Ерлан Finance']) financePeople.push({ id: await person(finance, name), name });
  const lawPeople = [];
  for (const name of ['Жанар Law', 'Зарина Law', 'Ильяс Law', 'Кайрат Law']) lawPeople.push({ id: await person(law, name), name });

  const campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id as string;
  const evaluated = [...financePeople.slice(0, 4), ...lawPeople.slice(0, 2)];
  const ids = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: evaluated.map((p) => p.id) })).body.ids as string[];
  const evaluationOf = new Map<string, string>();
  for (const [i, p] of evaluated.entries()) {
    evaluationOf.set(p.name, ids[i]!);
    const colleagues = (financePeople.includes(p) ? financePeople : lawPeople).filter((q) => q !== p).slice(0, 3);
    const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${ids[i]}/respondents`, { respondents: colleagues.map((q) => ({ personId: q.id, relation: 'peer' })) });
    expect(set.status).toBe(204);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const links = await issueLinks(t, campaignId);
  const skipped = new Set<string>();
  for (const link of links) {
    if (link.relation === 'self') continue;
    // One of Zarina's three respondents never answers: her report stays under the threshold.
    if (link.evaluatedName === 'Зарина Law' && !skipped.has('Зарина Law')) {
      skipped.add('Зарина Law');
      continue;
    }
    const weak = link.evaluatedName.endsWith('Law') ? [PROMPTNESS, SELF_DEVELOPMENT] : [ETHICS, COOPERATION];
    const answers = fullAnswers('employee', (ci) => (ci === weak[0] ? 2 : ci === weak[1] ? 3 : 4));
    const res = await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers }, { cookie: null });
    expect(res.status).toBe(201);
  }
  if (close === 'hr') expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
  else expect(await closeOverdueCampaigns(t.conn.db, t.answerKeys, new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty')).toEqual([campaignId]);
  return { campaignId, evaluationOf };
}

const get = async (cookie: string, path: string) => {
  const res = await t.call('GET', path, undefined, { cookie });
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer() };
};

const keptResults = () => t.conn.db.selectFrom('evaluation_result').selectAll().execute();

/**
 * Leaves a closed campaign as one closed before its training aggregates (and, with `results`, before its
 * evaluations' results) were kept: the first view then keeps what is missing.
 */
async function forgetKept(campaignId: string, results: 'all' | string[] = []) {
  for (const table of ['training_member', 'training_score', 'training_cell', 'training_unit'] as const) await t.conn.db.deleteFrom(table).where('campaign_id', '=', campaignId).execute();
  await t.conn.db.updateTable('campaign').set({ results_kept_at: null }).where('id', '=', campaignId).execute();
  await t.conn.db.deleteFrom('evaluation_result').$if(results !== 'all', (q) => q.where('evaluation_id', 'in', results as string[])).execute();
}

beforeEach(async () => {
  t = await createTestApp();
  trainer = await signInAs(t, 'trainer', 'trainer');
});

describe('results kept at closing', () => {
  it('writes every evaluation’s result when HR closes the campaign: scores and weakest, or insufficient', async () => {
    const { evaluationOf } = await closedCampaign();
    const rows = await keptResults();
    expect(rows).toHaveLength(6);
    const of = (name: string) => rows.find((r) => r.evaluation_id === evaluationOf.get(name))!;
    expect(of('Әлия Finance')).toMatchObject({ status: 'ready', response_count: 3, overall: expect.any(Number) });
    expect(JSON.parse(of('Әлия Finance').weakest!)).toEqual(['ethics', 'cooperation']);
    expect(JSON.parse(of('Әлия Finance').scores!)).toMatchObject({ ethics: 2, cooperation: 3, promptness: 4 });
    expect(of('Зарина Law')).toMatchObject({ status: 'insufficient', response_count: 2, scores: null, weakest: null, overall: null });
  });

  it('writes them when the deadline closes the campaign', async () => {
    await closedCampaign('deadline');
    expect(await keptResults()).toHaveLength(6);
  });

  it('computes them once, on first use, for a campaign closed before results were kept', async () => {
    const { campaignId } = await closedCampaign();
    const before = await keptResults();
    await forgetKept(campaignId, 'all');
    expect((await get(trainer, `/training/${campaignId}`)).status).toBe(200);
    const after = await keptResults();
    expect(after.sort((a, b) => a.evaluation_id.localeCompare(b.evaluation_id))).toEqual(before.sort((a, b) => a.evaluation_id.localeCompare(b.evaluation_id)));
  });
});

describe('the training view', () => {
  it('shows a trainer the heatmap with hidden cells and the ranking, both ways', async () => {
    const { campaignId } = await closedCampaign();
    const { status, body } = await get(trainer, `/training/${campaignId}`);
    expect(status).toBe(200);
    expect(body.view).toBe('released');
    expect(body.competencyIds).toHaveLength(12);
    const finance = body.heatmap.find((r: { unitName: string }) => r.unitName === 'Қаржы бөлімі');
    const law = body.heatmap.find((r: { unitName: string }) => r.unitName === 'Заң бөлімі');
    expect(finance).toMatchObject({ evaluated: 4, ready: 4 });
    expect(finance.cells.find((c: { competencyId: string }) => c.competencyId === 'ethics')).toEqual({ competencyId: 'ethics', persons: 4, mean: 2 });
    // Employees are not assessed in the heads' competencies: nobody there, hidden as well.
    expect(finance.cells.find((c: { competencyId: string }) => c.competencyId === 'leadership')).toEqual({ competencyId: 'leadership', persons: 0, hidden: true });
    expect(law).toMatchObject({ evaluated: 2, ready: 1 });
    expect(law.cells.every((c: { hidden?: boolean }) => c.hidden)).toBe(true);
    // The means count Finance's four only: with Law's lone ready person in them, five times the mean less four
    // times Finance's cell would be her score (ethics: 5 × 2.4 − 4 × 2 = 4).
    // The counts are hidden: 4 of the 5 assessed in ethics would tell that Law's lone ready person (the heatmap
    // shows one report there) does not have it among her weakest, and 1 in promptness that she has that one.
    // The hidden come first, ahead of the competencies nobody needs, ordered by their means.
    expect(body.ranking.slice(0, 3)).toEqual([
      { competencyId: 'ethics', persons: null, scored: 5, mean: 2 },
      { competencyId: 'cooperation', persons: null, scored: 5, mean: 3 },
      { competencyId: 'promptness', persons: null, scored: 5, mean: 4 },
    ]);
    expect(body.ranking.map((r: { persons: number | null }) => r.persons)).toEqual([null, null, null, null, ...Array(8).fill(0)]);
    expect(JSON.stringify(body)).not.toMatch(/Finance|Law/);

    const below = await get(trainer, `/training/${campaignId}?criterion=below:3.5`);
    expect(below.body.criterion).toBe('below:3.50');
    expect(below.body.ranking.slice(0, 3).map((r: { competencyId: string; persons: number }) => [r.competencyId, r.persons])).toEqual([['ethics', null], ['cooperation', null], ['promptness', null]]);
    // HR reading every report sees the counts.
    const hr = await get(t.cookie, `/training/${campaignId}?criterion=below:3.5`);
    expect(hr.body.ranking.slice(0, 3).map((r: { competencyId: string; persons: number }) => [r.competencyId, r.persons])).toEqual([['ethics', 4], ['cooperation', 4], ['promptness', 1]]);
    expect(hr.body.thresholds).toBeNull();
  });

  it('gives a trainer no names before release, the group’s names after, and none again once withdrawn', async () => {
    const { campaignId } = await closedCampaign();
    expect((await get(trainer, `/training/${campaignId}/groups`)).body.groups).toEqual([]);

    const hrGroups = await get(t.cookie, `/training/${campaignId}/groups`);
    expect(hrGroups.body.view).toBe('all');
    const ethics = hrGroups.body.groups.find((g: { competencyId: string }) => g.competencyId === 'ethics');
    expect(ethics.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Әлия Finance', 'Бауыржан Finance', 'Гүлнар Finance', 'Дәурен Finance']);
    expect(ethics.release).toBeNull();

    const released = await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' });
    expect(released.status).toBe(201);
    const seen = await get(trainer, `/training/${campaignId}/groups`);
    expect(seen.body.groups).toHaveLength(1);
    expect(seen.body.groups[0]).toMatchObject({ competencyId: 'ethics', criterion: 'weakest', release: { releasedByName: 'HR' } });
    expect(seen.body.groups[0].members.map((m: { fullName: string }) => m.fullName)).toEqual(['Әлия Finance', 'Бауыржан Finance', 'Гүлнар Finance', 'Дәурен Finance']);
    expect(JSON.stringify(seen.body)).not.toMatch(/Law/);
    expect((await get(trainer, `/training/${campaignId}`)).body.releases).toHaveLength(1);

    expect((await t.json('DELETE', `/training/${campaignId}/releases/${released.body.id}`)).status).toBe(204);
    expect((await get(trainer, `/training/${campaignId}/groups`)).body.groups).toEqual([]);
    const audit = await t.conn.db.selectFrom('audit_entry').select(['action', 'details']).where('action', 'like', '%/training/%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'GET /training/:campaignId/groups',
      'GET /training/:campaignId/groups',
      'POST /training/:campaignId/releases',
      'GET /training/:campaignId/groups',
      'DELETE /training/:campaignId/releases/:releaseId',
      'GET /training/:campaignId/groups',
    ]);
    expect(JSON.parse(audit[2]!.details!)).toEqual({ name: '360 2025: Әдеп нормалары мен қағидаларын ұстану (weakest)' });
  });

  it('refuses a trainer every individual report and the campaign screens', async () => {
    const { campaignId, evaluationOf } = await closedCampaign();
    await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' });
    const report = await get(trainer, `/evaluations/${evaluationOf.get('Әлия Finance')}/report`);
    expect(report.status).toBe(403);
    expect(report.body.error.code).toBe('report.forbidden');
    expect((await get(trainer, `/campaigns/${campaignId}`)).status).toBe(403);
    expect((await t.call('POST', `/training/${campaignId}/releases`, { competencyId: 'cooperation', criterion: 'weakest' }, { cookie: trainer })).status).toBe(403);
  });

  it('shows an HR officer without the grant the aggregates only, and a staff member’s own account nothing', async () => {
    const { campaignId } = await closedCampaign();
    await createUser(t.conn.db, { login: 'hr2', fullName: 'HR 2', role: 'hr', password: 'hr2-password-long' });
    const hr2 = (await t.call('POST', '/auth/login', { login: 'hr2', password: 'hr2-password-long' }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
    expect((await get(hr2, `/training/${campaignId}`)).body.view).toBe('aggregate');
    const groups = await get(hr2, `/training/${campaignId}/groups`);
    expect(groups.status).toBe(403);
    expect(groups.body.error.code).toBe('training.groupsForbidden');
    const release = await t.call('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' }, { cookie: hr2 });
    expect(release.status).toBe(403);
    expect((await release.json()).error.code).toBe('training.releaseForbidden');

    const staff = await signInAs(t, 'employee', 'staff');
    for (const path of ['/training', `/training/${campaignId}`, `/training/${campaignId}/groups`, `/training/${campaignId}/export`]) {
      expect((await get(staff, path)).status, path).toBe(403);
    }
  });

  it('refuses bad releases precisely', async () => {
    const { campaignId } = await closedCampaign();
    const release = (body: unknown) => t.json('POST', `/training/${campaignId}/releases`, body);
    expect((await release({ competencyId: 'flying', criterion: 'weakest' })).body.error.code).toBe('training.unknownCompetency');
    expect((await release({ competencyId: 'ethics', criterion: 'worst' })).body.error.issues[0].path).toBe('criterion');
    const outOfScale = await release({ competencyId: 'ethics', criterion: 'below:1' });
    expect(outOfScale.status).toBe(422);
    expect(outOfScale.body.error.code).toBe('training.thresholdOutOfScale');
    expect((await release({ competencyId: 'ethics', criterion: 'below:3.5' })).status).toBe(201);
    const twice = await release({ competencyId: 'ethics', criterion: 'below:3.50' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('training.alreadyReleased');
    expect((await t.json('DELETE', `/training/${campaignId}/releases/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await get(t.cookie, `/training/${campaignId}?criterion=below:9`)).status).toBe(422);
    expect((await get(t.cookie, '/training/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const open = (await t.json('POST', '/campaigns', { name: 'Open', year: 2025 })).body.id;
    const notClosed = await get(trainer, `/training/${open}`);
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error.code).toBe('training.notClosed');
  });

  it('lists the closed and archived campaigns to choose from', async () => {
    const { campaignId } = await closedCampaign();
    await t.json('POST', '/campaigns', { name: 'Draft', year: 2026 });
    const { body } = await get(trainer, '/training');
    expect(body.campaigns.map((c: { id: string }) => c.id)).toEqual([campaignId]);
  });
});

/**
 * One unit of seven; six evaluated, each by three colleagues. Ethics (three statements, so nine answers per
 * person) scores 2.11, 2.44 and 2.89 for the first three, 5.00 for the others; cooperation is 3 for everyone,
 * the rest 4.
 */
async function finelyScoredCampaign() {
  const unitId = (await t.json('POST', '/units', { name: 'Қаржы бөлімі', parentId: null })).body.unit.id as string;
  const people: Array<{ id: string; name: string }> = [];
  for (const name of ['Айдана', 'Болат', 'Гаухар', 'Данияр', 'Еркежан', 'Жандос', 'Зейнеп']) {
    people.push({ id: (await t.json('POST', '/people', { fullName: name, position: 'Маман', unitId, category: 'E-4', managerId: null, email: null })).body.person.id, name });
  }
  const ethicsAnswers: Record<string, number[]> = {
    Айдана: [2, 2, 2, 2, 2, 2, 2, 2, 3], // 19 / 9 = 2.11
    Болат: [2, 2, 3, 2, 3, 2, 3, 2, 3], // 22 / 9 = 2.44
    Гаухар: [3, 3, 3, 3, 3, 3, 3, 3, 2], // 26 / 9 = 2.89
  };
  const campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id as string;
  const evaluated = people.slice(0, 6);
  const ids = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: evaluated.map((p) => p.id) })).body.ids as string[];
  for (const [i, p] of evaluated.entries()) {
    const colleagues = people.filter((q) => q !== p).slice(0, 3);
    expect((await t.json('PUT', `/campaigns/${campaignId}/evaluations/${ids[i]}/respondents`, { respondents: colleagues.map((q) => ({ personId: q.id, relation: 'peer' })) })).status).toBe(204);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const links = await issueLinks(t, campaignId);
  const answered = new Map<string, number>();
  for (const link of links.filter((l) => l.relation !== 'self')) {
    const r = answered.get(link.evaluatedName) ?? 0;
    answered.set(link.evaluatedName, r + 1);
    const ethics = ethicsAnswers[link.evaluatedName];
    const answers = fullAnswers('employee', (ci, si) => (ci === ETHICS ? (ethics ? ethics[r * 3 + si]! : 5) : ci === COOPERATION ? 3 : 4));
    expect((await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers }, { cookie: null })).status).toBe(201);
  }
  expect((await t.json('POST', `/campaigns/${campaignId}/close`)).status).toBe(204);
  return campaignId;
}

describe('the ranking’s counts under restricted views (differencing attack)', () => {
  it('gives a trainer with a released group no pair of counts 1 or 2 apart, whatever thresholds from 1.01 to 3.00 are asked', async () => {
    const campaignId = await finelyScoredCampaign();
    expect((await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'below:3.00' })).status).toBe(201);
    const group = (await get(trainer, `/training/${campaignId}/groups`)).body.groups[0];
    expect(group.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Айдана', 'Болат', 'Гаухар']);

    // The attack: ask the ethics count under every threshold; where two consecutive answers differ, that many
    // people have a score between them. With the old rule this gave 1 at 2.12, 2.45 and 2.90: the released
    // group's three members scored 2.11, 2.44 and 2.89.
    const answered = new Map<number, number | null>();
    for (let hundredths = 101; hundredths <= 300; hundredths++) {
      const criterion = `below:${(hundredths / 100).toFixed(2)}`;
      const res = await get(trainer, `/training/${campaignId}?criterion=${criterion}`);
      if (res.status === 200) {
        answered.set(hundredths, res.body.ranking.find((r: { competencyId: string }) => r.competencyId === 'ethics').persons);
        continue;
      }
      expect(res.status, criterion).toBe(422);
      expect(res.body.error.code, criterion).toBe('training.thresholdNotOffered');
    }
    // Half points, and the released group's threshold (which is one too).
    expect([...answered.keys()]).toEqual([150, 200, 250, 300]);
    // Nobody under 1.5 or 2; the two under 2.50 are hidden; the released group's three under 3.
    expect([...answered.values()]).toEqual([0, 0, null, 3]);
    const shown = [0, 6, ...[...answered.values()].filter((n) => n !== null)];
    for (const a of shown) for (const b of shown) expect([1, 2], `${a} − ${b}`).not.toContain(Math.abs(a - b));

    // Those who read every report keep any threshold and the exact count.
    const hr = await get(t.cookie, `/training/${campaignId}?criterion=below:2.12`);
    expect(hr.body.ranking.find((r: { competencyId: string }) => r.competencyId === 'ethics').persons).toBe(1);
  });

  it('refuses an HR officer without the grant the same thresholds and hides the same counts', async () => {
    const campaignId = await finelyScoredCampaign();
    await createUser(t.conn.db, { login: 'hr2', fullName: 'HR 2', role: 'hr', password: 'hr2-password-long' });
    const hr2 = (await t.call('POST', '/auth/login', { login: 'hr2', password: 'hr2-password-long' }, { cookie: null })).headers.get('set-cookie')!.split(';')[0]!;
    const refused = await get(hr2, `/training/${campaignId}?criterion=below:2.12`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('training.thresholdNotOffered');
    expect((await get(hr2, `/training/${campaignId}/export?criterion=below:2.45`)).status).toBe(422);
    const half = await get(hr2, `/training/${campaignId}?criterion=below:2.5`);
    expect(half.body.thresholds).toEqual([1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(half.body.ranking.find((r: { competencyId: string }) => r.competencyId === 'ethics')).toEqual({ competencyId: 'ethics', persons: null, scored: 6, mean: 3.74 });
    // Nor does the order give the hidden count away: nobody else is under 2.50, and ethics, hidden, comes first
    // by the rule whatever its count.
    expect(half.body.ranking.map((r: { persons: number | null }) => r.persons)).toEqual([null, ...Array(11).fill(0)]);
  });
});

describe('export as XLSX', () => {
  const sheetsOf = async (cookie: string, query: string) => {
    const res = await get(cookie, `/training/${query}`);
    expect(res.status).toBe(200);
    return readXlsxFile(Buffer.from(res.body as ArrayBuffer));
  };

  it('holds the heatmap, the ranking and, for HR, every group with names', async () => {
    const { campaignId } = await closedCampaign();
    await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' });
    const sheets = await sheetsOf(t.cookie, `${campaignId}/export?lang=en`);
    expect(sheets.map((s) => s.sheet)).toEqual(['Heatmap', 'Ranking', 'Course groups']);
    const [heatmap, ranking, groups] = sheets.map((s) => s.data);
    const ethicsColumn = heatmap![0]!.indexOf('Following ethical norms and principles');
    const finance = heatmap!.find((row) => row[0] === 'Қаржы бөлімі')!;
    expect(finance.slice(1, 3)).toEqual([4, 4]);
    expect(finance[ethicsColumn]).toBe(2);
    expect(heatmap!.find((row) => row[0] === 'Заң бөлімі')![ethicsColumn]).toBe('hidden: 1 people, at least 3 needed');
    expect(ranking![0]![0]).toBe('It is among their 2 weakest');
    expect(ranking![2]!.slice(0, 3)).toEqual([1, 'Following ethical norms and principles', 4]);
    const names = groups!.slice(1).map((row) => `${row[0]} | ${row[2]} | ${row[3]}`);
    expect(names).toContain('Following ethical norms and principles | yes | Әлия Finance');
    expect(names).toContain('Promptness | no | Жанар Law');
  });

  it('gives a trainer the released groups’ names only, in their language', async () => {
    const { campaignId } = await closedCampaign();
    await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' });
    const sheets = await sheetsOf(trainer, `${campaignId}/export?lang=ru`);
    expect(sheets.map((s) => s.sheet)).toEqual(['Тепловая карта', 'Рейтинг', 'Группы курсов']);
    const groups = sheets[2]!.data.slice(1);
    expect(groups.map((row) => row[3])).toEqual(['Әлия Finance', 'Бауыржан Finance', 'Гүлнар Finance', 'Дәурен Finance']);
    expect(JSON.stringify(sheets)).not.toMatch(/Law/);
  });
});
