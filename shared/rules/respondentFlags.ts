/**
 * Issue 11: respondents the head of HR should look at twice, because a person who exists only to answer — made
 * by someone who runs the campaign — is how one real respondent's answers could be isolated. Shown beside the
 * respondent wherever HR sees whom a person is evaluated by; the report threshold (shared/scoring/
 * readerThreshold.ts) is the defence, these make the attempt visible.
 * - `addedAfterOpening`: added to the staff list after the campaign opened;
 * - `respondentOnly`: evaluated in no campaign at all — someone on the staff list only to answer.
 */
export const RESPONDENT_FLAGS = ['addedAfterOpening', 'respondentOnly'] as const;
export type RespondentFlag = (typeof RESPONDENT_FLAGS)[number];

export function respondentFlags(facts: { addedAfterOpening: boolean; evaluatedAnywhere: boolean }): RespondentFlag[] {
  return [...(facts.addedAfterOpening ? (['addedAfterOpening'] as const) : []), ...(facts.evaluatedAnywhere ? [] : (['respondentOnly'] as const))];
}
