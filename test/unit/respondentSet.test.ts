import { describe, expect, it } from 'vitest';
import { checkRespondentSet } from '../../shared/rules/respondentSet.ts';

const rules = { minRespondents: 3, maxRespondents: 7 };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

describe('3 to 7 respondents besides the self-assessment (§36)', () => {
  it('accepts 3 and 7', () => {
    expect(checkRespondentSet('me', ids(3), rules)).toEqual([]);
    expect(checkRespondentSet('me', ids(7), rules)).toEqual([]);
  });

  it('refuses 2 and 8 with the count', () => {
    expect(checkRespondentSet('me', ids(2), rules)).toEqual([{ code: 'respondents.tooFew', min: 3, count: 2 }]);
    expect(checkRespondentSet('me', ids(8), rules)).toEqual([{ code: 'respondents.tooMany', max: 7, count: 8 }]);
    expect(checkRespondentSet('me', [], rules)).toEqual([{ code: 'respondents.tooFew', min: 3, count: 0 }]);
  });

  it('refuses a respondent chosen twice, and does not count them twice', () => {
    const problems = checkRespondentSet('me', ['p1', 'p2', 'p2'], rules);
    expect(problems).toContainEqual({ code: 'respondents.duplicate', personId: 'p2' });
    expect(problems).toContainEqual({ code: 'respondents.tooFew', min: 3, count: 2 });
  });

  it('refuses the evaluated person as their own non-self respondent, and does not count them', () => {
    const problems = checkRespondentSet('me', ['me', 'p1', 'p2', 'p3'], rules);
    expect(problems).toEqual([{ code: 'respondents.includesSelf', personId: 'me' }]);
    expect(checkRespondentSet('me', ['me', 'p1', 'p2'], rules)).toContainEqual({ code: 'respondents.tooFew', min: 3, count: 2 });
  });
});
