import type { Form360, Rules360 } from '../methodology/types.ts';
import { questionnaireMarks } from './questionnaireMarks.ts';
import type { ResponseForScoring } from './report360.ts';

export type Agreement = 'high' | 'moderate' | 'low';

/** Population standard deviation: the spread of these very respondents, not an estimate for others. */
export function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

export function agreementLevel(sd: number, bands: Rules360['agreementBands']): Agreement {
  // A hair of tolerance: a spread computed as 0.5000000001 from marks like 10/3 is still 0.5.
  if (sd <= bands.highMaxSd + 1e-9) return 'high';
  if (sd <= bands.moderateMaxSd + 1e-9) return 'moderate';
  return 'low';
}

/**
 * How much the respondents agree on each competency, as a band only. The standard deviation itself is not
 * given out: with the mean and a handful of marks on a coarse grid, it can pin down the marks themselves
 * (three marks of mean 3.67 and deviation 1.89 can only be 1, 5 and 5). Nothing below `minResponses`.
 */
export function answerSpread(
  form: Form360,
  responses: readonly ResponseForScoring[],
  bands: Rules360['agreementBands'],
  minResponses: number,
): Array<{ id: string; agreement: Agreement }> {
  const marks = responses.filter((r) => !r.isSelf).map((r) => questionnaireMarks(form, r.answers));
  if (marks.length < minResponses) return [];
  return form.competencies.map((c) => ({ id: c.id, agreement: agreementLevel(standardDeviation(marks.map((m) => m.get(c.id)!)), bands) }));
}
