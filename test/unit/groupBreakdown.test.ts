import { describe, expect, it } from 'vitest';
import { groupBreakdown } from '../../shared/scoring/groupBreakdown.ts';
import { answers, tinyForm } from '../support/tinyForm.ts';

const sub = (a1: number, a2: number, b1: number) => ({ isSelf: false, group: 'subordinate' as const, answers: answers(a1, a2, b1) });
const other = (a1: number, a2: number, b1: number) => ({ isSelf: false, group: 'other' as const, answers: answers(a1, a2, b1) });

describe('breakdown by respondent group', () => {
  it('averages each shown group as the report does, self-assessment never in', () => {
    const result = groupBreakdown(
      tinyForm,
      [sub(5, 4, 3), sub(4, 4, 2), sub(3, 2, 2), other(1, 1, 1), other(2, 2, 2), other(5, 5, 5), { isSelf: true, group: null, answers: answers(5, 5, 5) }],
      3,
    );
    // Subordinates' marks for a: 4.5, 4, 2.5 → 11 / 3 = 3.67; for b: 3, 2, 2 → 7 / 3 = 2.33; overall (3.67 + 2.33) / 2 = 3.
    expect(result).toEqual([{ group: 'subordinate', responseCount: 3, competencies: [{ id: 'a', score: 3.67 }, { id: 'b', score: 2.33 }], overall: 3 }]);
  });

  it('shows no group of fewer than 3 answers, nor one that would leave 1 or 2 answers outside it', () => {
    expect(groupBreakdown(tinyForm, [sub(5, 5, 5), sub(4, 4, 4), other(3, 3, 3), other(3, 3, 3)], 3)).toEqual([]);
    expect(groupBreakdown(tinyForm, [sub(5, 5, 5), sub(4, 4, 4), sub(4, 4, 4), other(1, 1, 1)], 3)).toEqual([]);
  });
});
