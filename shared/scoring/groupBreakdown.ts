import type { Form360 } from '../methodology/types.ts';
import { questionnaireMarks, type Answers } from './questionnaireMarks.ts';
import type { RespondentGroup, StoredGroup } from './respondentGroup.ts';
import { round2 } from './round.ts';
import { shownGroups } from './shownGroups.ts';

export interface GroupedResponse {
  isSelf: boolean;
  group: StoredGroup | null;
  answers: Answers;
}

export interface GroupResult {
  group: RespondentGroup;
  responseCount: number;
  /** The group's mean per competency, two decimals, computed as the report's scores are. */
  competencies: Array<{ id: string; score: number }>;
  overall: number;
}

/** The report's scores per respondent group, for the groups shownGroups lets be shown; never the self-assessment. */
export function groupBreakdown(form: Form360, responses: readonly GroupedResponse[], minAnswers: number): GroupResult[] {
  const others = responses.filter((r) => !r.isSelf);
  return shownGroups(others.map((r) => r.group ?? 'other'), minAnswers).map((group) => {
    const marks = others.filter((r) => r.group === group).map((r) => questionnaireMarks(form, r.answers));
    const competencies = form.competencies.map((c) => ({
      id: c.id,
      score: round2(marks.reduce((sum, m) => sum + m.get(c.id)!, 0) / marks.length),
    }));
    const overall = round2(competencies.reduce((sum, c) => sum + c.score, 0) / competencies.length);
    return { group, responseCount: marks.length, competencies, overall };
  });
}
