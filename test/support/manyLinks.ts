import type { DB } from '../../db/connect.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { insertCampaign, insertEvaluations, openDraftCampaign, transitionCampaign } from '../../db/repositories/campaigns.ts';
import { insertUnit } from '../../db/repositories/staff.ts';
import { checkOf, type AnswerKeys } from '../../server/security/answerKeys.ts';
import { issueLinks } from '../../server/services/campaigns.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { tokenOf } from './fixtures.ts';

/** One issued respondent link and the questionnaire its respondent will send. */
export interface PreparedLink {
  token: string;
  invitationId: string;
  evaluationId: string;
  isSelf: boolean;
  /** Unique among all links: the stored answers show which invitation they came through, though they carry no id. */
  answers: Record<string, number>;
}

const STATEMENTS = almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => s.id));

/** The answers of link number `n`: its statements spell n in base 5 (levels 1–5), so no two links send the same. */
export function answersOf(n: number): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((id, j) => [id, 1 + (Math.floor(n / 5 ** (j % 6)) % 5)]));
}

/** The answers as one string in statement order, to match a stored response to the link that sent it. */
export function fingerprint(answers: Readonly<Record<string, number>>): string {
  return STATEMENTS.map((id) => answers[id] ?? '-').join('');
}

/**
 * An open campaign of `evaluated` employees, each assessing themselves and assessed by the next `peers`, with a
 * link issued for every invitation: `evaluated × (peers + 1)` links. Written straight through the repositories,
 * as HR's clicks would leave it, in a few seconds rather than thousands of requests. Its answer key is made in
 * `answerKeys` when given; a server started on the database makes it itself (server/services/campaignClosing.ts).
 */
export async function openCampaignWithManyLinks(
  db: DB,
  evaluated: number,
  { peers = 5, name = 'Many links', answerKeys }: { peers?: number; name?: string; answerKeys?: AnswerKeys } = {},
): Promise<{ campaignId: string; links: PreparedLink[] }> {
  const unit = await insertUnit(db, { name: 'Аппарат', parentId: null });
  const ids = Array.from({ length: evaluated }, () => newId());
  const stamp = nowIso();
  for (let from = 0; from < evaluated; from += 500) {
    await db
      .insertInto('person')
      .values(ids.slice(from, from + 500).map((id, k) => ({ id, full_name: `Қызметкер ${from + k}`, position: 'Маман', unit_id: unit.id, category: 'E-4', manager_id: null, email: null, created_at: stamp, updated_at: stamp })))
      .execute();
  }
  // The deadline two months ahead: the server closes campaigns whose deadline passed when it starts.
  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const campaignId = await insertCampaign(db, { name, year: Number(deadline.slice(0, 4)), methodologyId: almaty2023.id, deadline });
  await insertEvaluations(
    db,
    ids.map((id, n) => ({
      campaign_id: campaignId, person_id: id, form_key: 'employee', full_name: `Қызметкер ${n}`, position: 'Маман', unit_name: 'Аппарат', category: 'E-4',
      without_participation: null,
      respondents: Array.from({ length: peers }, (_, k) => ({ personId: ids[(n + k + 1) % evaluated]!, relation: 'peer' })),
    })),
  );
  if (answerKeys) await openDraftCampaign(db, campaignId, stamp, checkOf(answerKeys.create(campaignId)));
  else await transitionCampaign(db, campaignId, 'draft', 'open', stamp);
  const issued = await issueLinks(db, campaignId, undefined, 'http://b360.test', null);
  const invitations = new Map(
    (await db.selectFrom('invitation').select(['id', 'evaluation_id', 'relation']).execute()).map((i) => [i.id, i]),
  );
  const links = issued.map((link, n) => {
    const invitation = invitations.get(link.invitationId)!;
    return { token: tokenOf(link.url), invitationId: link.invitationId, evaluationId: invitation.evaluation_id, isSelf: invitation.relation === 'self', answers: answersOf(n) };
  });
  return { campaignId, links };
}
