import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import type { TestApp } from './testApp.ts';

/** A unit with a head (E-2) and `staff` employees reporting to them. */
export async function seedUnit(t: TestApp, staff = 8) {
  const unit = (await t.json('POST', '/units', { name: 'Қаржы бөлімі', parentId: null })).body.unit;
  const person = async (fullName: string, category: string, managerId: string | null) =>
    (await t.json('POST', '/people', { fullName, position: 'Маман', unitId: unit.id, category, managerId, email: null })).body.person;
  const head = await person('Бастық Ерлан', 'E-2', null);
  const employees = [];
  for (let i = 1; i <= staff; i++) employees.push(await person(`Қызметкер ${i}`, 'E-4', head.id));
  return { unit, head, employees };
}

/** A complete questionnaire giving every statement of a competency the value `value(competencyIndex, statementIndex)`. */
export function fullAnswers(formKey: FormKey, value: (ci: number, si: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  almaty2023.forms[formKey].competencies.forEach((c, ci) => c.statements.forEach((s, si) => (out[s.id] = value(ci, si))));
  return out;
}

export const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);

export interface ListedLink {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
  url: string;
}

/**
 * Issues a campaign's links as a list, as the HR officer who hands them out (TestApp.distributor) — not the one
 * whose session the tests read reports with, for whom answers through links they held would not count.
 */
export async function issueLinks(t: TestApp, campaignId: string, body: { invitationIds?: string[] } = {}): Promise<ListedLink[]> {
  const res = await t.call('POST', `/campaigns/${campaignId}/links`, body, { cookie: t.distributor });
  if (res.status !== 201) throw new Error(`links: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { links: ListedLink[] }).links;
}

/** Creates a campaign for `evaluatedId` with the given respondents and opens it; no link is issued yet. */
export async function openCampaign(t: TestApp, evaluatedId: string, respondentIds: string[], year = 2025) {
  const campaignId = (await t.json('POST', '/campaigns', { name: `360 ${year}`, year })).body.id as string;
  const [evaluationId] = (await t.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: [evaluatedId] })).body.ids as string[];
  const set = await t.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, {
    respondents: respondentIds.map((personId) => ({ personId, relation: 'peer' })),
  });
  if (set.status !== 204) throw new Error(JSON.stringify(set.body));
  const opened = await t.json('POST', `/campaigns/${campaignId}/open`);
  if (opened.status !== 204) throw new Error(JSON.stringify(opened.body));
  return { campaignId, evaluationId: evaluationId! };
}

/** Creates a campaign for `evaluatedId` with the given respondents, opens it and issues links. */
export async function openCampaignWith(t: TestApp, evaluatedId: string, respondentIds: string[], year = 2025) {
  const { campaignId, evaluationId } = await openCampaign(t, evaluatedId, respondentIds, year);
  const links = await issueLinks(t, campaignId);
  return { campaignId, evaluationId, links };
}
