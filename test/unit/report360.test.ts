import { describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { questionnaireMarks } from '../../shared/scoring/questionnaireMarks.ts';
import { computeReport } from '../../shared/scoring/report360.ts';
import { round2 } from '../../shared/scoring/round.ts';

const head = almaty2023.forms.head;

/** Answers where each competency's statements get `first` for the first statement and `rest` for the others. */
function answers(first: (competencyIndex: number) => number, rest: (competencyIndex: number) => number) {
  const out: Record<string, number> = {};
  head.competencies.forEach((c, ci) => c.statements.forEach((s, si) => (out[s.id] = si === 0 ? first(ci) : rest(ci))));
  return out;
}
const flat = (v: number) => answers(() => v, () => v);

describe('questionnaire marks (Annexes 5–6)', () => {
  it('is the mean of a competency’s statements', () => {
    const marks = questionnaireMarks(head, answers(() => 5, () => 2));
    for (const c of head.competencies) expect(marks.get(c.id)).toBeCloseTo((5 + 2 * (c.statements.length - 1)) / c.statements.length, 10);
  });

  it('refuses an incomplete questionnaire', () => {
    const partial = flat(3);
    delete partial[head.competencies[0]!.statements[0]!.id];
    expect(() => questionnaireMarks(head, partial)).toThrow(/incomplete/);
  });
});

describe('the 360 report (Annexes 7–8)', () => {
  const others = [
    { isSelf: false, answers: flat(4) },
    { isSelf: false, answers: flat(3) },
    { isSelf: false, answers: answers(() => 5, () => 2) },
  ];
  const self = { isSelf: true, answers: flat(5) };

  it('averages respondents’ competency marks, self-assessment excluded, to two decimals', () => {
    const report = computeReport(almaty2023, 'head', [...others, self]);
    if (report.status !== 'ready') throw new Error('expected a report');
    expect(report.responseCount).toBe(3);
    for (const c of report.competencies) {
      const k = head.competencies.find((x) => x.id === c.id)!.statements.length;
      const third = (5 + 2 * (k - 1)) / k;
      expect(c.score).toBe(round2((4 + 3 + third) / 3));
      expect(c.self).toBe(5);
    }
    // By hand: 11 competencies of 3 statements → (4 + 3 + 3) / 3 = 3.33; the one of 2 statements → (4 + 3 + 3.5) / 3 = 3.5.
    expect(report.competencies.find((c) => c.id === 'effective_communications')!.score).toBe(3.5);
    expect(report.competencies.find((c) => c.id === 'leadership')!.score).toBe(3.33);
    expect(report.overall).toBe(round2((11 * 3.33 + 3.5) / 12));
    expect(report.selfOverall).toBe(5);
  });

  it('gives the same scores with or without the self-assessment', () => {
    const withSelf = computeReport(almaty2023, 'head', [...others, self]);
    const without = computeReport(almaty2023, 'head', others);
    if (withSelf.status !== 'ready' || without.status !== 'ready') throw new Error('expected reports');
    expect(without.competencies.map((c) => c.score)).toEqual(withSelf.competencies.map((c) => c.score));
    expect(without.competencies.every((c) => c.self === null)).toBe(true);
  });

  it('marks the two weakest competencies', () => {
    const graded = answers((ci) => (ci === 4 ? 1 : ci === 9 ? 2 : 4), (ci) => (ci === 4 ? 1 : ci === 9 ? 2 : 4));
    const report = computeReport(almaty2023, 'head', [{ isSelf: false, answers: graded }, ...others.slice(0, 2)]);
    if (report.status !== 'ready') throw new Error('expected a report');
    expect(report.competencies.filter((c) => c.weakest).map((c) => c.id)).toEqual([head.competencies[4]!.id, head.competencies[9]!.id]);
  });

  it('is not computed under 3 non-self responses, however many self-assessments', () => {
    const report = computeReport(almaty2023, 'employee', [
      { isSelf: false, answers: Object.fromEntries(almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => [s.id, 3]))) },
      { isSelf: false, answers: Object.fromEntries(almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => [s.id, 4]))) },
      { isSelf: true, answers: Object.fromEntries(almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => [s.id, 5]))) },
    ]);
    expect(report).toEqual({ status: 'insufficient', formKey: 'employee', responseCount: 2, required: 3 });
  });

  it('rounds halves up as people do', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(3.335)).toBe(3.34);
    expect(round2(10 / 3)).toBe(3.33);
  });
});
