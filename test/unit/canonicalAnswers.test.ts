import { describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { canonicalAnswers } from '../../shared/scoring/canonicalAnswers.ts';

const form = almaty2023.forms.employee;
const ids = form.competencies.flatMap((c) => c.statements.map((s) => s.id));

describe('answers are stored in the form’s order, not the order they were clicked in (issue 11)', () => {
  it('orders any permutation of a questionnaire the same way, keeping every value', () => {
    const answers = Object.fromEntries(ids.map((id, n) => [id, (n % 5) + 1]));
    const clicked = Object.fromEntries([...ids].reverse().map((id) => [id, answers[id]!]));
    expect(Object.keys(clicked)).not.toEqual(ids);
    expect(Object.keys(canonicalAnswers(form, clicked))).toEqual(ids);
    expect(JSON.stringify(canonicalAnswers(form, clicked))).toBe(JSON.stringify(canonicalAnswers(form, answers)));
    expect(canonicalAnswers(form, clicked)).toEqual(answers);
  });
});
