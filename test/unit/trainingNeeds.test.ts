import { describe, expect, it } from 'vitest';
import { trainingView } from '../../shared/access/trainingAccess.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { criterionKey, parseCriterion, thresholdInScale } from '../../shared/training/criterion.ts';
import { evaluationResultOf } from '../../shared/training/evaluationResult.ts';
import { heatColour } from '../../shared/training/heatColour.ts';
import { campaignTally, courseGroupSize, courseOrder, rankCompetencies, trainingHeatmap, type PersonResult } from '../../shared/training/trainingNeeds.ts';
import { fullAnswers } from '../support/fixtures.ts';

const COMPETENCIES = ['a', 'b', 'c'];
const person = (fullName: string, unitName: string, scores: Record<string, number> | null, weakest: string[] = []) => ({
  fullName,
  unitName,
  scores,
  weakest: scores ? weakest : null,
});

/** The tally kept at closing, of these people. */
function tallyOf(people: readonly PersonResult[]) {
  const tally = campaignTally();
  for (const p of people) tally.add(p);
  return tally.result();
}
const heatmapOf = (people: readonly PersonResult[], competencyIds: readonly string[]) => trainingHeatmap(tallyOf(people).units, competencyIds);
const rankingOf = (people: readonly PersonResult[], competencyIds: readonly string[], criterion: Parameters<typeof rankCompetencies>[2]) =>
  rankCompetencies(tallyOf(people), competencyIds, criterion);

describe('training heatmap (units × competencies)', () => {
  it('means each competency over the unit’s ready reports and hides a cell from fewer than 3 persons', () => {
    const people: PersonResult[] = [
      person('A1', 'Alpha', { a: 2, b: 4, c: 3 }),
      person('A2', 'Alpha', { a: 3, b: 4.5, c: 3 }),
      person('A3', 'Alpha', { a: 4, b: 3.25 }), // an employee's form without `c`
      person('A4', 'Alpha', null), // under the response threshold: not counted
      person('B1', 'Beta', { a: 1, b: 1, c: 1 }),
      person('B2', 'Beta', { a: 5, b: 5, c: 5 }),
    ];
    const [alpha, beta] = heatmapOf(people, COMPETENCIES);
    expect(alpha).toMatchObject({ unitName: 'Alpha', evaluated: 4, ready: 3 });
    expect(alpha!.cells).toEqual([
      { competencyId: 'a', persons: 3, mean: 3 },
      { competencyId: 'b', persons: 3, mean: 3.92 },
      { competencyId: 'c', persons: 2, hidden: true },
    ]);
    expect(beta!.cells.every((c) => 'hidden' in c && c.persons === 2)).toBe(true);
    expect(JSON.stringify(beta)).not.toMatch(/mean/);
  });

  it('shows a cell from exactly 3 persons', () => {
    const people = [1, 2, 3].map((i) => person(`P${i}`, 'U', { a: i, b: 1, c: 1 }));
    expect(heatmapOf(people, ['a'])[0]!.cells[0]).toEqual({ competencyId: 'a', persons: 3, mean: 2 });
    expect(heatmapOf(people.slice(0, 2), ['a'])[0]!.cells[0]).toEqual({ competencyId: 'a', persons: 2, hidden: true });
  });
});

describe('competencies ranked', () => {
  const people = [
    person('P1', 'U', { a: 2, b: 3, c: 4 }, ['a', 'b']),
    person('P2', 'U', { a: 3.4, b: 2, c: 3.6 }, ['a', 'b']),
    person('P3', 'U', { a: 4, b: 4, c: 3 }, ['c', 'a', 'b']),
    person('P4', 'V', null),
  ];

  it('by how many people have the competency among their weakest', () => {
    expect(rankingOf(people, COMPETENCIES, { kind: 'weakest' })).toEqual([
      { competencyId: 'b', persons: 3, scored: 3, mean: 3 },
      { competencyId: 'a', persons: 3, scored: 3, mean: 3.13 },
      { competencyId: 'c', persons: 1, scored: 3, mean: 3.53 },
    ]);
  });

  it('by how many people score under a chosen threshold (strictly)', () => {
    const ranked = rankingOf(people, COMPETENCIES, { kind: 'below', threshold: 3.5 });
    // a and b tie at 2 people: b, with the lower mean, comes first.
    expect(ranked.map((r) => [r.competencyId, r.persons])).toEqual([['b', 2], ['a', 2], ['c', 1]]);
    expect(rankingOf(people, COMPETENCIES, { kind: 'below', threshold: 3 }).find((r) => r.competencyId === 'c')!.persons).toBe(0);
  });

  it('gives no campaign-wide mean from fewer than 3 scored persons', () => {
    expect(rankingOf(people.slice(0, 2), ['a'], { kind: 'weakest' })[0]).toEqual({ competencyId: 'a', persons: 2, scored: 2, mean: null });
  });

  it('leaves a hidden cell’s people out of the mean: what is shown is the same whatever they scored', () => {
    // Alpha's cell shows; Beta's lone person is hidden. Had the mean counted her, it less Alpha's cell would be her score.
    const withLone = (score: number) => [...people.slice(0, 3), person('B1', 'Beta', { a: score, b: score, c: score }, ['a'])];
    const shown = (score: number) => ({ heatmap: heatmapOf(withLone(score), COMPETENCIES), ranking: rankingOf(withLone(score), COMPETENCIES, { kind: 'below', threshold: 6 }) });
    expect(shown(1)).toEqual(shown(5));
    expect(shown(1).ranking.find((r) => r.competencyId === 'a')).toEqual({ competencyId: 'a', persons: 4, scored: 4, mean: 3.13 });
    expect(shown(1).heatmap.find((r) => r.unitName === 'U')!.cells[0]).toEqual({ competencyId: 'a', persons: 3, mean: 3.13 });
    // Two units of three and more are both counted.
    const twoUnits = [...people.slice(0, 3), ...[1, 2, 3].map((i) => person(`B${i}`, 'Beta', { a: 1, b: 1, c: 1 }))];
    expect(rankingOf(twoUnits, ['a'], { kind: 'weakest' })[0]!.mean).toBe(2.07); // (9.4 + 3) / 6
  });
});

describe('course groups', () => {
  const people = [
    person('Zhanna', 'Beta', { a: 2, b: 4 }, ['a']),
    person('Arman', 'Beta', { a: 3, b: 2 }, ['b']),
    person('Dana', 'Alpha', { a: 1, b: 5 }, ['a']),
    person('Erlan', 'Alpha', null),
  ];
  const { scores } = tallyOf(people);

  it('count the people with the competency among their weakest', () => {
    expect(courseGroupSize(scores, 'a', { kind: 'weakest' })).toBe(2);
    expect(courseGroupSize(scores, 'b', { kind: 'weakest' })).toBe(1);
  });

  it('or those under the chosen score, strictly; nobody without a ready report, nobody not assessed in it', () => {
    expect(courseGroupSize(scores, 'a', { kind: 'below', threshold: 3 })).toBe(2);
    expect(courseGroupSize(scores, 'a', { kind: 'below', threshold: 3.01 })).toBe(3);
    expect(courseGroupSize(scores, 'c', { kind: 'below', threshold: 5 })).toBe(0);
  });

  it('list people by unit and name, as people read them: Kazakh letters beside their Russian neighbours', () => {
    const keys = [
      { id: '3', unitName: 'Beta', fullName: 'Zhanna' },
      { id: '1', unitName: 'Бөлім', fullName: 'Әлия' },
      { id: '2', unitName: 'Бөлім', fullName: 'Бауыржан' },
      { id: '4', unitName: 'Beta', fullName: 'Arman' },
      { id: '0', unitName: 'Alpha', fullName: 'Dana' },
      { id: '5', unitName: 'Бөлім', fullName: 'Дәурен' },
    ];
    // By code point, Ә (U+04D8) would come after Д.
    expect([...keys].sort(courseOrder()).map((k) => k.fullName)).toEqual(['Dana', 'Arman', 'Zhanna', 'Әлия', 'Бауыржан', 'Дәурен']);
    // Namesakes in one unit keep one order, by id.
    const twins = [{ id: 'b', unitName: 'U', fullName: 'Same' }, { id: 'a', unitName: 'U', fullName: 'Same' }];
    expect(twins.sort(courseOrder()).map((k) => k.id)).toEqual(['a', 'b']);
  });
});

describe('group criteria', () => {
  it('round-trip through their key, normalised to two decimals', () => {
    expect(criterionKey(parseCriterion('below:3.5')!)).toBe('below:3.50');
    expect(parseCriterion('weakest')).toEqual({ kind: 'weakest' });
    for (const bad of ['below:', 'below:35', 'below:3.555', 'below:-1', 'weak', '']) expect(parseCriterion(bad), bad).toBeNull();
  });

  it('take a threshold only inside the scale, above its floor', () => {
    const scale = [1, 2, 3, 4, 5];
    expect(thresholdInScale(3.5, scale)).toBe(true);
    expect(thresholdInScale(5, scale)).toBe(true);
    expect(thresholdInScale(1, scale)).toBe(false);
    expect(thresholdInScale(5.01, scale)).toBe(false);
  });
});

describe('what is kept of a report', () => {
  it('keeps the scores, the overall and the weakest of a ready report, and only the count of an insufficient one', () => {
    const responses = [4, 4, 3].map((v) => ({ isSelf: false, answers: fullAnswers('employee', (ci) => (ci === 2 ? 2 : ci === 5 ? 3 : v)) }));
    const kept = evaluationResultOf(computeReport(almaty2023, 'employee', [...responses, { isSelf: true, answers: fullAnswers('employee', () => 1) }]));
    expect(kept.status).toBe('ready');
    if (kept.status !== 'ready') return;
    expect(kept.responseCount).toBe(3);
    expect(Object.keys(kept.scores)).toHaveLength(8);
    expect(kept.weakest).toEqual(['change_management', 'cooperation']);
    expect(kept.scores.ethics).toBe(3.67);
    expect(evaluationResultOf(computeReport(almaty2023, 'employee', responses.slice(0, 2)))).toEqual({ status: 'insufficient', responseCount: 2 });
  });

  it('puts the heads’ and employees’ competencies in one list, shared ones once', () => {
    const ids = campaignCompetencies(almaty2023).map((c) => c.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    for (const c of almaty2023.forms.employee.competencies) expect(ids).toContain(c.id);
  });
});

describe('who sees what of training needs', () => {
  it('gives names to those who read every report, released names to trainers, aggregates to other HR, nothing to staff', () => {
    expect(trainingView({ role: 'hr_head', canReadReports: false })).toBe('all');
    expect(trainingView({ role: 'hr', canReadReports: true })).toBe('all');
    expect(trainingView({ role: 'trainer', canReadReports: false })).toBe('released');
    expect(trainingView({ role: 'hr', canReadReports: false })).toBe('aggregate');
    expect(trainingView({ role: 'admin', canReadReports: false })).toBeNull();
    expect(trainingView({ role: 'employee', canReadReports: false })).toBeNull();
  });
});

describe('heat colours', () => {
  it('run from red at the floor to green at the top', () => {
    expect(heatColour(1, 1, 5)).toBe('#f8c4c4');
    expect(heatColour(3, 1, 5)).toBe('#fcecaa');
    expect(heatColour(5, 1, 5)).toBe('#bee6be');
    expect(heatColour(9, 1, 5)).toBe('#bee6be');
  });
});
