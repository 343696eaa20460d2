import { describe, expect, it } from 'vitest';
import { respondentFlags } from '../../shared/rules/respondentFlags.ts';

describe('respondents to look at twice (issue 11)', () => {
  it('flags someone added after the campaign opened, and someone evaluated nowhere', () => {
    expect(respondentFlags({ addedAfterOpening: false, evaluatedAnywhere: true })).toEqual([]);
    expect(respondentFlags({ addedAfterOpening: true, evaluatedAnywhere: true })).toEqual(['addedAfterOpening']);
    expect(respondentFlags({ addedAfterOpening: false, evaluatedAnywhere: false })).toEqual(['respondentOnly']);
    expect(respondentFlags({ addedAfterOpening: true, evaluatedAnywhere: false })).toEqual(['addedAfterOpening', 'respondentOnly']);
  });
});
