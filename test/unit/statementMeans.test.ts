import { describe, expect, it } from 'vitest';
import { statementMeans } from '../../shared/scoring/statementMeans.ts';
import { answers, tinyForm } from '../support/tinyForm.ts';

describe('per-statement means', () => {
  it('averages each statement over respondents to two decimals, the self-assessment beside', () => {
    const result = statementMeans(tinyForm, [
      { isSelf: false, answers: answers(5, 4, 1) },
      { isSelf: false, answers: answers(4, 4, 2) },
      { isSelf: false, answers: answers(4, 3, 2) },
      { isSelf: true, answers: answers(1, 1, 5) },
    ]);
    // a1: 13 / 3 = 4.33; a2: 11 / 3 = 3.67; b1: 5 / 3 = 1.67.
    expect(result).toEqual([
      { id: 'a1', competencyId: 'a', mean: 4.33, self: 1 },
      { id: 'a2', competencyId: 'a', mean: 3.67, self: 1 },
      { id: 'b1', competencyId: 'b', mean: 1.67, self: 5 },
    ]);
  });

  it('gives null beside each mean without a self-assessment', () => {
    const result = statementMeans(tinyForm, [{ isSelf: false, answers: answers(2, 3, 4) }]);
    expect(result.map((s) => [s.mean, s.self])).toEqual([[2, null], [3, null], [4, null]]);
  });
});
