import type { DB } from '../../db/connect.ts';
import { findTokenTarget, recordResponse, type TokenTarget } from '../../db/repositories/responses.ts';
import type { Form360, FormKey } from '../../shared/methodology/types.ts';
import { isPastDeadline } from '../../shared/rules/campaignDeadline.ts';
import { canonicalAnswers } from '../../shared/scoring/canonicalAnswers.ts';
import { checkAnswers, hasAnswerProblems, type Answers } from '../../shared/scoring/questionnaireMarks.ts';
import { storedGroup } from '../../shared/scoring/respondentGroup.ts';
import { ApiError } from '../http/apiError.ts';
import { boxLength, sealBox } from '../security/answerBox.ts';
import type { AnswerKeys } from '../security/answerKeys.ts';
import { hashToken } from '../security/tokens.ts';
import { methodologyOf } from './campaigns.ts';

/** Resolves a link to what it may still be used for; every other state is a refusal the page explains. */
async function usableTarget(db: DB, token: string, now: Date, timeZone: string): Promise<TokenTarget> {
  const target = await findTokenTarget(db, hashToken(token));
  if (!target) throw new ApiError(404, 'link.unknown');
  if (target.answered) throw new ApiError(410, 'link.used');
  if (target.campaignStatus === 'draft') throw new ApiError(409, 'link.notOpen');
  if (target.campaignStatus !== 'open' || isPastDeadline(target.deadline, now, timeZone)) throw new ApiError(410, 'link.closed');
  return target;
}

/** What the questionnaire page shows: whom it is about, the form in every language, the scale. */
export async function openLink(db: DB, token: string, now: Date, timeZone: string) {
  const target = await usableTarget(db, token, now, timeZone);
  const methodology = methodologyOf(target.methodologyId);
  return {
    isSelf: target.relation === 'self',
    evaluated: { fullName: target.evaluatedName, position: target.evaluatedPosition },
    campaign: { name: target.campaignName, year: target.campaignYear, deadline: target.deadline },
    form: methodology.forms[target.formKey as FormKey],
    scale: methodology.scale,
  };
}

const boxLengths = new Map<string, number>();

/** Every answer of a form is padded to one length (server/security/answerBox.ts), worked out once per form. */
function boxLengthOf(methodologyId: string, formKey: string, form: Form360, scaleValues: readonly number[]): number {
  const key = `${methodologyId}/${formKey}`;
  let length = boxLengths.get(key);
  if (length === undefined) boxLengths.set(key, (length = boxLength(form.competencies.flatMap((c) => c.statements.map((s) => s.id)), scaleValues)));
  return length;
}

/**
 * Stores a complete questionnaire, sealed under its campaign's answer key (server/security/answerKeys.ts) and
 * padded to its form's one length, its answers in the form's order. Without the key nothing is stored: the
 * answers are never written in plain while the campaign is open.
 */
export async function submitAnswers(db: DB, answerKeys: AnswerKeys, token: string, answers: Answers, now: Date, timeZone: string): Promise<void> {
  const target = await usableTarget(db, token, now, timeZone);
  const methodology = methodologyOf(target.methodologyId);
  const form = methodology.forms[target.formKey as FormKey];
  const scaleValues = methodology.scale.map((l) => l.value);
  const problems = checkAnswers(form, scaleValues, answers);
  if (hasAnswerProblems(problems)) {
    const issues = [
      ...problems.missing.map((id) => ({ path: `answers.${id}`, code: 'missing', message: `answers.${id}: no answer` })),
      ...problems.unknown.map((id) => ({ path: `answers.${id}`, code: 'unknown', message: `answers.${id}: not a statement of this form` })),
      ...problems.outOfScale.map((id) => ({ path: `answers.${id}`, code: 'outOfScale', message: `answers.${id}: not a level of the scale` })),
    ];
    const code = problems.missing.length ? 'answers.incomplete' : 'answers.invalid';
    throw new ApiError(422, code, { count: issues.length }, issues);
  }
  const key = answerKeys.keyMatching(target.campaignId, target.keyCheck);
  if (!key) {
    console.error(`Campaign ${target.campaignId} is open but ${answerKeys.dir} does not hold its answer key: answers cannot be stored until it is restored.`);
    throw new ApiError(503, 'answers.keyMissing');
  }
  const length = boxLengthOf(methodology.id, target.formKey, form, scaleValues);
  const ordered = canonicalAnswers(form, answers);
  const isSelf = target.relation === 'self';
  const outcome = await recordResponse(db, hashToken(token), target.evaluationId, (relation, assigned) =>
    sealBox(key, target.evaluationId, { isSelf, group: storedGroup(relation, assigned, methodology.rules.minResponsesForReport), answers: ordered }, length),
  );
  if (outcome === 'alreadyAnswered') {
    // Either a concurrent submission of the same link won, or the campaign closed in between.
    const now2 = await findTokenTarget(db, hashToken(token));
    throw now2?.answered ? new ApiError(410, 'link.used') : new ApiError(410, 'link.closed');
  }
}
