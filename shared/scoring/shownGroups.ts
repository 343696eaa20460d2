import { RESPONDENT_GROUPS, type RespondentGroup, type StoredGroup } from './respondentGroup.ts';

/**
 * The groups whose results a report may show apart, given the stored group of every non-self answer: each
 * shown group has at least `minAnswers` answers, and so do the answers left outside all shown groups (or there
 * are none) — otherwise the overall mean less the shown groups' means would give away one or two answers.
 * When the rest is too small, the smallest group is folded into it (ties: the later in RESPONDENT_GROUPS).
 */
export function shownGroups(groups: ReadonlyArray<StoredGroup>, minAnswers: number): RespondentGroup[] {
  const count = (g: RespondentGroup) => groups.filter((x) => x === g).length;
  const candidates = RESPONDENT_GROUPS.filter((g) => count(g) >= minAnswers);
  const rest = groups.length - candidates.reduce((sum, g) => sum + count(g), 0);
  if (rest === 0 || rest >= minAnswers || candidates.length === 0) return candidates;
  const smallest = candidates.reduce((min, g) => (count(g) <= count(min) ? g : min));
  return candidates.filter((g) => g !== smallest);
}
