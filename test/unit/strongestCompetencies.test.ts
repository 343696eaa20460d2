import { describe, expect, it } from 'vitest';
import { strongestCompetencies } from '../../shared/scoring/strongestCompetencies.ts';

describe('strongest competencies', () => {
  it('takes the highest scores', () => {
    const scores = [{ id: 'a', score: 4 }, { id: 'b', score: 2.5 }, { id: 'c', score: 3.1 }, { id: 'd', score: 4.9 }];
    expect(strongestCompetencies(scores, 2)).toEqual(['d', 'a']);
  });

  it('takes every competency tied with the last one taken, as the weakest do', () => {
    const scores = [{ id: 'a', score: 4 }, { id: 'b', score: 5 }, { id: 'c', score: 4 }, { id: 'd', score: 2 }];
    expect(strongestCompetencies(scores, 2).sort()).toEqual(['a', 'b', 'c']);
  });

  it('handles empty input and zero count', () => {
    expect(strongestCompetencies([], 2)).toEqual([]);
    expect(strongestCompetencies([{ id: 'a', score: 1 }], 0)).toEqual([]);
  });
});
