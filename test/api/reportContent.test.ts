import { beforeEach, describe, expect, it } from 'vitest';
import { openWithRelations } from '../support/campaignWithRelations.ts';
import { seedUnit } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});

/**
 * The head of a unit, evaluated last year by three peers answering 3 throughout, and this year by four
 * subordinates, one respondent HR called the manager, and two peers. This year's answers, by competency
 * index ci of the heads' form (every statement of a competency alike):
 *   subordinates: ci 0 → 5, ci 1 → 2, ci 2 → 3, else 4;  manager: ci 3 → 5, else 2;  peers: 3 and 5;
 *   self-assessment: ci 0 → 2, ci 1 → 5, else 4.
 */
async function twoYears(previousAnswers = 3) {
  const { head, employees } = await seedUnit(t, 7);
  const ids: string[] = employees.map((p: { id: string }) => p.id);
  const last = await openWithRelations(t, head.id, ids.slice(0, 3).map((personId) => ({ personId, relation: 'peer' as const })), { year: 2024, deadline: '2025-12-31' });
  for (const who of ids.slice(0, previousAnswers)) await last.answer(who, () => 3);
  await last.close();

  const now = await openWithRelations(t, head.id, [
    ...ids.slice(0, 4).map((personId) => ({ personId, relation: 'subordinate' as const })),
    { personId: ids[4]!, relation: 'manager' },
    { personId: ids[5]!, relation: 'peer' },
    { personId: ids[6]!, relation: 'peer' },
  ]);
  for (const who of ids.slice(0, 4)) await now.answer(who, (ci) => (ci === 0 ? 5 : ci === 1 ? 2 : ci === 2 ? 3 : 4));
  await now.answer(ids[4]!, (ci) => (ci === 3 ? 5 : 2));
  await now.answer(ids[5]!, () => 3);
  await now.answer(ids[6]!, () => 5);
  await now.answer('self', (ci) => (ci === 0 ? 2 : ci === 1 ? 5 : 4));
  await now.close();
  return { previousCampaignId: last.campaignId, evaluationId: now.evaluationId };
}

describe('the report’s analysis (issue 4)', () => {
  it('gives statement means, strongest, blind spots, agreement and the subordinates’ group, by hand', async () => {
    const { evaluationId } = await twoYears();
    const { status, body } = await t.json('GET', `/evaluations/${evaluationId}/report`);
    expect(status).toBe(200);
    const score = (id: string) => body.report.competencies.find((c: { id: string }) => c.id === id).score;
    // ci 0: (4·5 + 2 + 3 + 5) / 7 = 30/7 = 4.29; ci 1: (4·2 + 10) / 7 = 2.57; ci 2: (4·3 + 10) / 7 = 3.14;
    // ci 3: (4·4 + 5 + 8) / 7 = 4.14; the other eight: (4·4 + 10) / 7 = 3.71.
    expect([score('activity_management'), score('effective_communications'), score('ethics'), score('change_management'), score('leadership')]).toEqual([4.29, 2.57, 3.14, 4.14, 3.71]);
    expect(body.report.overall).toBe(3.65); // (4.29 + 2.57 + 3.14 + 4.14 + 8 · 3.71) / 12 = 43.82 / 12

    const { analysis } = body;
    expect(analysis.statements).toHaveLength(35);
    expect(analysis.statements[0]).toEqual({ id: 'head.activity_management.1', competencyId: 'activity_management', mean: 4.29, self: 2 });
    expect(analysis.strongest).toEqual(['activity_management', 'change_management']);
    expect(body.report.competencies.filter((c: { weakest: boolean }) => c.weakest).map((c: { id: string }) => c.id)).toEqual(['effective_communications', 'ethics']);
    expect(analysis.selfGaps).toEqual({
      threshold: 1,
      blindSpots: [{ id: 'effective_communications', self: 5, others: 2.57, gap: 2.43 }],
      hiddenStrengths: [{ id: 'activity_management', self: 2, others: 4.29, gap: -2.29 }],
    });
    // ci 0: marks 5,5,5,5,2,3,5 → SD 1.16 (low); the rest like 4,4,4,4,2,3,5 → SD 0.88 (moderate).
    expect(analysis.agreement.find((a: { id: string }) => a.id === 'activity_management').agreement).toBe('low');
    expect(analysis.agreement.find((a: { id: string }) => a.id === 'leadership').agreement).toBe('moderate');
    expect(JSON.stringify(analysis.agreement)).not.toMatch(/\d\.\d/);

    // Only the subordinates (4 assigned, 4 answers) are shown apart; the lone manager and the two peers are not.
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]).toMatchObject({ group: 'subordinate', responseCount: 4, overall: 3.83 }); // (5 + 2 + 3 + 4 + 8 · 4) / 12
    expect(analysis.groups[0].competencies[0]).toEqual({ id: 'activity_management', score: 5 });
  });

  it('gives the change since last year’s report', async () => {
    const { evaluationId, previousCampaignId } = await twoYears();
    const { body } = await t.json('GET', `/evaluations/${evaluationId}/report`);
    expect(body.change.campaign).toEqual({ id: previousCampaignId, name: '360 2024', year: 2024 });
    expect(body.change.overall).toEqual({ previous: 3, delta: 0.65 });
    expect(body.change.competencies[0]).toEqual({ id: 'activity_management', previous: 3, delta: 1.29 });
    expect(body.change.competencies[1]).toEqual({ id: 'effective_communications', previous: 3, delta: -0.43 });
  });

  it('gives no change when last year’s report had fewer than 3 answers', async () => {
    const { evaluationId } = await twoYears(2);
    const { body } = await t.json('GET', `/evaluations/${evaluationId}/report`);
    expect(body.report.status).toBe('ready');
    expect(body.change).toBeNull();
  });

  it('analyses nothing in a report under the answer threshold', async () => {
    const { head, employees } = await seedUnit(t, 3);
    const run = await openWithRelations(t, head.id, employees.map((p: { id: string }) => ({ personId: p.id, relation: 'subordinate' as const })));
    await run.answer(employees[0].id, () => 4);
    await run.answer(employees[1].id, () => 4);
    await run.close();
    const { body } = await t.json('GET', `/evaluations/${run.evaluationId}/report`);
    expect(body.report.status).toBe('insufficient');
    expect(body.analysis).toBeNull();
    expect(body.change).toBeNull();
  });
});
