import type { FormKey } from '../../shared/methodology/types.ts';
import { fullAnswers, issueLinks, tokenOf } from './fixtures.ts';
import type { TestApp } from './testApp.ts';

export interface Assigned {
  personId: string;
  relation: 'manager' | 'subordinate' | 'peer';
}

/**
 * Opens a campaign evaluating `evaluatedId` with these respondents under these relations, and returns a
 * function that submits one respondent's (or, with 'self', the self-assessment's) uniform answers.
 */
export async function openWithRelations(t: TestApp, evaluatedId: string, respondents: readonly Assigned[], setup: { year?: number; deadline?: string } = {}) {
  const year = setup.year ?? 2025;
  const campaignId = (await t.json('POST', '/campaigns', { name: `360 ${year}`, year, ...(setup.deadline ? { deadline: setup.deadline } : {}) })).body.id as string;
  const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluatedId] })).body.ids as string[];
  const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents });
  if (set.status !== 204) throw new Error(JSON.stringify(set.body));
  const opened = await t.json('POST', `/campaigns/${campaignId}/open`);
  if (opened.status !== 204) throw new Error(JSON.stringify(opened.body));
  const links = await issueLinks(t, campaignId);
  const detail = (await t.json('GET', `/campaigns/${campaignId}/evaluations/${evaluationId}`)).body;
  const formKey = detail.evaluation.form_key as FormKey;
  const invitationOf = new Map<string, string>(
    detail.invitations.map((r: { id: string; respondentId: string; relation: string }) => [r.relation === 'self' ? 'self' : r.respondentId, r.id]),
  );
  /** The link token of a respondent ('self' for the self-assessment). */
  const token = (who: string) => {
    const link = links.find((l) => l.invitationId === invitationOf.get(who));
    if (!link) throw new Error(`no link for ${who}`);
    return tokenOf(link.url);
  };
  const answer = async (who: string, value: (ci: number, si: number) => number) => {
    const res = await t.call('POST', '/respond/submit', { token: token(who), answers: fullAnswers(formKey, value) }, { cookie: null });
    if (res.status !== 201) throw new Error(await res.text());
  };
  return { campaignId, evaluationId: evaluationId!, token, answer, close: () => t.json('POST', `/campaigns/${campaignId}/close`) };
}
