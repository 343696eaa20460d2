import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { closeCampaign } from '../../server/services/campaignClosing.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { GroupCriterion } from '../../shared/training/criterion.ts';
import { round2 } from '../../shared/scoring/round.ts';
import { throwawaySchema } from '../support/postgresSchema.ts';
import { seedAnsweredCampaign } from '../support/seededCampaign.ts';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const pgSchema = await throwawaySchema();
const pgSchemas = [pgSchema];
afterAll(() => Promise.all(pgSchemas.map((s) => s?.drop())));

/** A fresh app on a PostgreSQL schema of its own. */
async function postgresApp(): Promise<TestApp> {
  const schema = await throwawaySchema();
  pgSchemas.push(schema);
  return createTestApp({ databaseUrl: schema!.url });
}

const COMPETENCIES = campaignCompetencies(almaty2023).map((c) => c.id);

interface Person {
  fullName: string;
  position: string;
  unitName: string;
  scores: Record<string, number> | null;
  weakest: string[] | null;
}

/** Every kept result of the campaign with the person's snapshot: what the views read before aggregates were kept. */
async function keptPeople(t: TestApp, campaignId: string): Promise<Person[]> {
  const rows = await t.conn.db
    .selectFrom('evaluation as e')
    .innerJoin('evaluation_result as r', 'r.evaluation_id', 'e.id')
    .select(['e.full_name as fullName', 'e.position as position', 'e.unit_name as unitName', 'r.scores as scores', 'r.weakest as weakest'])
    .where('e.campaign_id', '=', campaignId)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, scores: r.scores === null ? null : JSON.parse(r.scores), weakest: r.weakest === null ? null : JSON.parse(r.weakest) }));
}

/**
 * The training views as they were computed from every person's result on each request, before the tally was
 * kept at closing (issue 4): sums in floating point, means by round2, groups sorted with localeCompare.
 */
const before = {
  inGroup: (p: Person, competencyId: string, criterion: GroupCriterion) =>
    !!p.scores && competencyId in p.scores && (criterion.kind === 'weakest' ? (p.weakest ?? []).includes(competencyId) : p.scores[competencyId]! < criterion.threshold),
  units(people: Person[]) {
    const units = new Map<string, { evaluated: number; ready: number; sum: number[]; scored: number[] }>();
    for (const p of people) {
      const u = units.get(p.unitName) ?? { evaluated: 0, ready: 0, sum: COMPETENCIES.map(() => 0), scored: COMPETENCIES.map(() => 0) };
      units.set(p.unitName, u);
      u.evaluated += 1;
      if (!p.scores) continue;
      u.ready += 1;
      COMPETENCIES.forEach((id, i) => {
        if (p.scores![id] === undefined) return;
        u.sum[i]! += p.scores![id]!;
        u.scored[i]! += 1;
      });
    }
    return units;
  },
  heatmap(people: Person[]) {
    return [...before.units(people)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unitName, u]) => ({
        unitName,
        evaluated: u.evaluated,
        ready: u.ready,
        cells: COMPETENCIES.map((competencyId, i) => (u.scored[i]! < 3 ? { competencyId, persons: u.scored[i]!, hidden: true } : { competencyId, persons: u.scored[i]!, mean: round2(u.sum[i]! / u.scored[i]!) })),
      }));
  },
  ranking(people: Person[], criterion: GroupCriterion) {
    const units = [...before.units(people).values()];
    const ranked = COMPETENCIES.map((competencyId, i) => {
      const shown = units.filter((u) => u.scored[i]! >= 3);
      const counted = shown.reduce((n, u) => n + u.scored[i]!, 0);
      const sum = shown.reduce((n, u) => n + u.sum[i]!, 0);
      return {
        competencyId,
        persons: people.filter((p) => before.inGroup(p, competencyId, criterion)).length,
        scored: units.reduce((n, u) => n + u.scored[i]!, 0),
        mean: counted < 3 ? null : round2(sum / counted),
        order: i,
      };
    });
    ranked.sort((a, b) => b.persons - a.persons || (a.mean ?? Infinity) - (b.mean ?? Infinity) || a.order - b.order);
    return ranked.map(({ order: _, ...r }) => r);
  },
  group: (people: Person[], competencyId: string, criterion: GroupCriterion) =>
    people
      .filter((p) => before.inGroup(p, competencyId, criterion))
      .sort((a, b) => a.unitName.localeCompare(b.unitName) || a.fullName.localeCompare(b.fullName))
      .map(({ fullName, position, unitName }) => ({ fullName, position, unitName })),
};

const CRITERIA: Array<[string, GroupCriterion]> = [
  ['weakest', { kind: 'weakest' }],
  ['below:2.50', { kind: 'below', threshold: 2.5 }],
  ['below:3.67', { kind: 'below', threshold: 3.67 }],
];

/** Reads a whole course group through the paged API. */
async function pagedGroup(t: TestApp, campaignId: string, competencyId: string, criterion: string, limit: number) {
  const members = [];
  for (let offset = 0; ; offset += limit) {
    const page = await t.json('GET', `/training/${campaignId}/groups/${competencyId}?criterion=${criterion}&offset=${offset}&limit=${limit}`);
    expect(page.status).toBe(200);
    expect(page.body.offset).toBe(offset);
    members.push(...page.body.members);
    if (offset + limit >= page.body.count) {
      expect(members).toHaveLength(page.body.count);
      return members;
    }
    expect(page.body.members).toHaveLength(limit);
  }
}

function aggregateTests(makeApp: () => Promise<TestApp>) {
  it('keeps at closing a tally and course-group order that give exactly what the per-person computation gave', async () => {
    const t = await makeApp();
    try {
      const campaignId = await seedAnsweredCampaign(t.conn.db, 140);
      await closeCampaign(t.conn.db, t.answerKeys, campaignId);
      const people = await keptPeople(t, campaignId);
      expect(people).toHaveLength(140);
      expect(people.filter((p) => p.scores === null).length).toBeGreaterThan(5);
      const expectedHeatmap = before.heatmap(people);
      expect(expectedHeatmap.some((row) => row.cells.some((c) => 'hidden' in c && c.persons > 0))).toBe(true);

      for (const [key, criterion] of CRITERIA) {
        const view = await t.json('GET', `/training/${campaignId}?criterion=${key}`);
        expect(view.status).toBe(200);
        expect(view.body.heatmap).toEqual(expectedHeatmap);
        expect(view.body.ranking).toEqual(before.ranking(people, criterion));

        const groups = (await t.json('GET', `/training/${campaignId}/groups?criterion=${key}`)).body.groups as Array<{ competencyId: string; count: number; members: unknown[] }>;
        for (const competencyId of COMPETENCIES) {
          const expected = before.group(people, competencyId, criterion);
          const group = groups.find((g) => g.competencyId === competencyId);
          expect(group?.count ?? 0, `${key} ${competencyId}`).toBe(expected.length);
          if (!group) continue;
          expect(group.members).toEqual(expected.slice(0, 50));
          expect(await pagedGroup(t, campaignId, competencyId, key, 7), `${key} ${competencyId}`).toEqual(expected);
        }
      }
    } finally {
      await t.conn.db.destroy();
    }
  });

  it('keeps the same again on first view of a campaign closed before the aggregates were kept', async () => {
    const t = await makeApp();
    try {
      const campaignId = await seedAnsweredCampaign(t.conn.db, 40, 7);
      await closeCampaign(t.conn.db, t.answerKeys, campaignId);
      const kept = async () => {
        const rows = [];
        for (const table of ['training_unit', 'training_cell', 'training_score', 'training_member'] as const) {
          rows.push(await t.conn.db.selectFrom(table).selectAll().where('campaign_id', '=', campaignId).execute());
        }
        return rows.map((r) => r.map((x) => JSON.stringify(x)).sort());
      };
      const atClosing = await kept();
      expect(atClosing[3]!.length).toBeGreaterThan(200);
      for (const table of ['training_member', 'training_score', 'training_cell', 'training_unit'] as const) await t.conn.db.deleteFrom(table).where('campaign_id', '=', campaignId).execute();
      await t.conn.db.updateTable('campaign').set({ results_kept_at: null }).where('id', '=', campaignId).execute();
      expect((await t.json('GET', `/training/${campaignId}`)).status).toBe(200);
      expect(await kept()).toEqual(atClosing);
    } finally {
      await t.conn.db.destroy();
    }
  });
}

describe('training aggregates kept at closing, on SQLite', () => aggregateTests(() => createTestApp()));
describe.skipIf(pgSchema === null)('training aggregates kept at closing, on PostgreSQL', () => aggregateTests(postgresApp));

describe('course groups a page at a time', () => {
  it('gives each viewer the pages they may see, and refuses bad paging', async () => {
    const t = await createTestApp();
    const campaignId = await seedAnsweredCampaign(t.conn.db, 60, 11);
    await closeCampaign(t.conn.db, t.answerKeys, campaignId);
    const trainer = await signInAs(t, 'trainer', 'trainer');
    const page = (cookie: string | undefined, path: string) => t.call('GET', `/training/${campaignId}/groups/${path}`, undefined, cookie === undefined ? {} : { cookie });

    const hr = await t.json('GET', `/training/${campaignId}/groups/ethics?criterion=below:3.5&offset=2&limit=3`);
    expect(hr.body).toMatchObject({ competencyId: 'ethics', criterion: 'below:3.50', release: null, offset: 2 });
    expect(hr.body.members).toHaveLength(3);
    expect(Object.keys(hr.body.members[0]).sort()).toEqual(['fullName', 'position', 'unitName']);
    // Past the end: an empty page, the count still given.
    const past = await t.json('GET', `/training/${campaignId}/groups/ethics?criterion=below:3.5&offset=10000`);
    expect(past.body).toMatchObject({ count: hr.body.count, members: [] });

    // A trainer reads a group only once HR released it, under the criterion it was released with.
    expect((await page(trainer, 'ethics?criterion=below:3.5')).status).toBe(403);
    expect((await t.json('POST', `/training/${campaignId}/releases`, { competencyId: 'ethics', criterion: 'below:3.5' })).status).toBe(201);
    const released = await page(trainer, 'ethics?criterion=below:3.5&limit=3&offset=2');
    expect(released.status).toBe(200);
    expect((await released.json()).members).toEqual(hr.body.members);
    expect((await page(trainer, 'ethics?criterion=weakest')).status).toBe(403);
    expect((await page(trainer, 'cooperation?criterion=below:3.5')).status).toBe(403);

    const staff = await signInAs(t, 'employee', 'staff');
    expect((await page(staff, 'ethics')).status).toBe(403);
    await signInAs(t, 'hr', 'hr-no-grant');
    const aggregateOnly = await t.call('POST', '/auth/login', { login: 'hr-no-grant', password: 'hr-no-grant-password' }, { cookie: null });
    const ungranted = await page(aggregateOnly.headers.get('set-cookie')!.split(';')[0]!, 'ethics');
    expect(ungranted.status).toBe(403);
    expect((await ungranted.json()).error.code).toBe('training.groupsForbidden');

    for (const bad of ['ethics?offset=-1', 'ethics?limit=0', 'ethics?limit=501', 'ethics?offset=x', 'ethics?criterion=worst', 'ethics?page=2']) {
      expect((await page(undefined, bad)).status, bad).toBe(400);
    }
    const unknown = await page(undefined, 'flying');
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.code).toBe('training.unknownCompetency');

    const audit = await t.conn.db.selectFrom('audit_entry').select(['action', 'details']).where('action', '=', 'GET /training/:campaignId/groups/:competencyId').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ count: 3 });
  });

  it('streams every name of a group larger than a page of the export into the XLSX', async () => {
    const t = await createTestApp();
    const campaignId = await seedAnsweredCampaign(t.conn.db, 1300, 5);
    await closeCampaign(t.conn.db, t.answerKeys, campaignId);
    const groups = (await t.json('GET', `/training/${campaignId}/groups?criterion=below:5`)).body.groups as Array<{ competencyId: string; count: number }>;
    expect(Math.max(...groups.map((g) => g.count))).toBeGreaterThan(1000);
    const res = await t.call('GET', `/training/${campaignId}/export?criterion=below:5&lang=en`);
    expect(res.status).toBe(200);
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
    const rows = sheets[2]!.data.slice(1);
    expect(rows).toHaveLength(groups.reduce((n, g) => n + g.count, 0));
    const names = new Map(campaignCompetencies(almaty2023).map((c) => [c.name.en, c.id]));
    for (const g of groups) expect(rows.filter((r) => names.get(r[0] as string) === g.competencyId), g.competencyId).toHaveLength(g.count);
  }, 60_000);
});
