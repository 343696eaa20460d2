import type { Rules360 } from '../methodology/types.ts';

export type RespondentProblem =
  | { code: 'respondents.tooFew'; min: number; count: number }
  | { code: 'respondents.tooMany'; max: number; count: number }
  | { code: 'respondents.duplicate'; personId: string }
  | { code: 'respondents.includesSelf'; personId: string };

/**
 * §36: at least `min` and at most `max` respondents besides the self-assessment, each once,
 * and never the evaluated person (whose own voice is the separate self-assessment).
 */
export function checkRespondentSet(
  evaluatedPersonId: string,
  respondentIds: readonly string[],
  rules: Pick<Rules360, 'minRespondents' | 'maxRespondents'>,
): RespondentProblem[] {
  const problems: RespondentProblem[] = [];
  const seen = new Set<string>();
  for (const id of respondentIds) {
    if (id === evaluatedPersonId) problems.push({ code: 'respondents.includesSelf', personId: id });
    else if (seen.has(id)) problems.push({ code: 'respondents.duplicate', personId: id });
    seen.add(id);
  }
  const distinctOthers = [...seen].filter((id) => id !== evaluatedPersonId).length;
  if (distinctOthers < rules.minRespondents) {
    problems.push({ code: 'respondents.tooFew', min: rules.minRespondents, count: distinctOthers });
  }
  if (distinctOthers > rules.maxRespondents) {
    problems.push({ code: 'respondents.tooMany', max: rules.maxRespondents, count: distinctOthers });
  }
  return problems;
}
