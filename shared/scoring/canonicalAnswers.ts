import type { Form360 } from '../methodology/types.ts';
import type { Answers } from './questionnaireMarks.ts';

/**
 * A checked questionnaire's answers in the form's own statement order, whatever order the respondent clicked
 * them in (the page sends them in that order): stored answers then say nothing of how someone went through the
 * questionnaire.
 */
export function canonicalAnswers(form: Form360, answers: Answers): Record<string, number> {
  const ordered: Record<string, number> = {};
  for (const competency of form.competencies) {
    for (const statement of competency.statements) {
      const value = answers[statement.id];
      if (value !== undefined) ordered[statement.id] = value;
    }
  }
  return ordered;
}
