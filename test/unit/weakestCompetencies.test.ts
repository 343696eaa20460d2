import { describe, expect, it } from 'vitest';
import { weakestCompetencies } from '../../shared/scoring/weakestCompetencies.ts';

describe('weakest competencies (§37)', () => {
  it('takes the lowest scores', () => {
    const scores = [{ id: 'a', score: 4 }, { id: 'b', score: 2.5 }, { id: 'c', score: 3.1 }, { id: 'd', score: 4.9 }];
    expect(weakestCompetencies(scores, 2)).toEqual(['b', 'c']);
  });

  it('takes every competency tied with the last one taken', () => {
    const scores = [{ id: 'a', score: 3 }, { id: 'b', score: 2 }, { id: 'c', score: 3 }, { id: 'd', score: 4 }];
    expect(weakestCompetencies(scores, 2).sort()).toEqual(['a', 'b', 'c']);
  });

  it('handles empty input and zero count', () => {
    expect(weakestCompetencies([], 2)).toEqual([]);
    expect(weakestCompetencies([{ id: 'a', score: 1 }], 0)).toEqual([]);
  });
});
