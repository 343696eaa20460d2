import { describe, expect, it } from 'vitest';
import { agreementLevel, answerSpread, standardDeviation } from '../../shared/scoring/answerSpread.ts';
import { answers, tinyForm } from '../support/tinyForm.ts';

const bands = { highMaxSd: 0.5, moderateMaxSd: 1 };
const others = (...rows: Array<[number, number, number]>) => rows.map((r) => ({ isSelf: false, answers: answers(...r) }));

describe('agreement among respondents', () => {
  it('computes the population standard deviation', () => {
    // Mean 4; squared deviations 1, 0, 1 → variance 2 / 3 → 0.8165.
    expect(standardDeviation([3, 4, 5])).toBeCloseTo(0.8165, 4);
    expect(standardDeviation([4, 4, 4])).toBe(0);
  });

  it('bands the deviation: high up to 0.5, moderate up to 1, low above', () => {
    expect(agreementLevel(0, bands)).toBe('high');
    expect(agreementLevel(0.5, bands)).toBe('high');
    expect(agreementLevel(0.51, bands)).toBe('moderate');
    expect(agreementLevel(1, bands)).toBe('moderate');
    expect(agreementLevel(1.01, bands)).toBe('low');
  });

  it('labels each competency from the respondents’ competency marks, never the self-assessment', () => {
    // a: marks 4.5, 4.5, 4 → SD 0.24 → high; b: 1, 3, 5 → SD 1.63 → low. The self-assessment would change both.
    const responses = [...others([5, 4, 1], [4, 5, 3], [4, 4, 5]), { isSelf: true, answers: answers(1, 1, 3) }];
    expect(answerSpread(tinyForm, responses, bands, 3)).toEqual([{ id: 'a', agreement: 'high' }, { id: 'b', agreement: 'low' }]);
  });

  it('gives out nothing from which one answer can be read', () => {
    // Marks 1, 5, 5 (mean 3.67, deviation 1.89) would tell the marks apart exactly: only the band is given, no deviation,
    // no minimum or maximum, nothing per respondent; the order of the answers makes no difference.
    const spread = answerSpread(tinyForm, others([1, 1, 1], [5, 5, 5], [5, 5, 5]), bands, 3);
    expect(spread).toEqual([{ id: 'a', agreement: 'low' }, { id: 'b', agreement: 'low' }]);
    for (const entry of spread) expect(Object.keys(entry).sort()).toEqual(['agreement', 'id']);
    expect(answerSpread(tinyForm, others([5, 5, 5], [1, 1, 1], [5, 5, 5]), bands, 3)).toEqual(spread);
    // Two very different answer sets of the same band look the same.
    expect(answerSpread(tinyForm, others([1, 1, 1], [3, 3, 3], [5, 5, 5]), bands, 3)).toEqual(spread);
  });

  it('says nothing under the answer threshold', () => {
    expect(answerSpread(tinyForm, others([5, 5, 5], [1, 1, 1]), bands, 3)).toEqual([]);
  });
});
