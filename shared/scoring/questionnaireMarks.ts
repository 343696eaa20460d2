import type { Form360 } from '../methodology/types.ts';

/** Answers of one questionnaire: statement id → scale value. */
export type Answers = Readonly<Record<string, number>>;

/** A questionnaire's competency mark is the mean of its statements' answers (Annexes 5–6). */
export function questionnaireMarks(form: Form360, answers: Answers): Map<string, number> {
  const marks = new Map<string, number>();
  for (const competency of form.competencies) {
    const values = competency.statements.map((s) => answers[s.id]);
    if (values.some((v) => v === undefined)) throw new Error(`incomplete questionnaire: ${competency.id}`);
    marks.set(competency.id, (values as number[]).reduce((a, b) => a + b, 0) / values.length);
  }
  return marks;
}

export interface AnswerProblems {
  missing: string[];
  unknown: string[];
  outOfScale: string[];
}

/** What keeps a submission from being a complete questionnaire of this form on this scale. */
export function checkAnswers(form: Form360, scaleValues: readonly number[], answers: Answers): AnswerProblems {
  const known = new Set(form.competencies.flatMap((c) => c.statements.map((s) => s.id)));
  const missing = [...known].filter((id) => answers[id] === undefined);
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  const outOfScale = Object.entries(answers)
    .filter(([id, v]) => known.has(id) && !scaleValues.includes(v))
    .map(([id]) => id);
  return { missing, unknown, outOfScale };
}

export function hasAnswerProblems(p: AnswerProblems): boolean {
  return p.missing.length + p.unknown.length + p.outOfScale.length > 0;
}
