import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../connect.ts';
import type { CampaignRow, Database, EvaluationRow } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import { addLinks, replaceLinks, type MintLink } from './links.ts';
import { respondentFlags, type RespondentFlag } from '../../shared/rules/respondentFlags.ts';

export interface CampaignInput {
  name: string;
  year: number;
  methodologyId: string;
  deadline: string;
}

export interface CampaignSummary extends CampaignRow {
  evaluations: number;
  invitations: number;
  answered: number;
}

export function getCampaign(db: DB, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCampaigns(db: DB): Promise<CampaignSummary[]> {
  const rows = await db
    .selectFrom('campaign as c')
    .leftJoin('evaluation as e', 'e.campaign_id', 'c.id')
    .leftJoin('invitation as i', 'i.evaluation_id', 'e.id')
    .selectAll('c')
    .select((eb) => [
      eb.fn.count<number>('e.id').distinct().as('evaluations'),
      eb.fn.count<number>('i.id').as('invitations'),
      eb.fn.coalesce(eb.fn.sum<number>('i.answered'), eb.lit(0)).as('answered'),
    ])
    .groupBy(['c.id', 'c.name', 'c.year', 'c.methodology_id', 'c.deadline', 'c.status', 'c.created_at', 'c.opened_at', 'c.closed_at', 'c.archived_at', 'c.results_kept_at'])
    .orderBy('c.year', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, evaluations: Number(r.evaluations), invitations: Number(r.invitations), answered: Number(r.answered) }));
}

export async function insertCampaign(db: DB, input: CampaignInput): Promise<string> {
  const id = newId();
  await db
    .insertInto('campaign')
    .values({
      id,
      name: input.name,
      year: input.year,
      methodology_id: input.methodologyId,
      deadline: input.deadline,
      status: 'draft',
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function updateCampaignDetails(db: DB, id: string, input: Pick<CampaignInput, 'name' | 'deadline'>): Promise<void> {
  await db.updateTable('campaign').set({ name: input.name, deadline: input.deadline }).where('id', '=', id).execute();
}

/** Moves a campaign from one status to another; false when it was no longer in `from` (a concurrent change). */
export async function transitionCampaign(db: DB, id: string, from: string, to: 'open' | 'closed' | 'archived', at: string): Promise<boolean> {
  const stamp = to === 'open' ? { opened_at: at } : to === 'closed' ? { closed_at: at } : { archived_at: at };
  const result = await db
    .updateTable('campaign')
    .set({ status: to, ...stamp })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every campaign's status and answer-key check value, by id. */
export async function campaignKeyStates(db: DB): Promise<Map<string, { status: string; keyCheck: string | null }>> {
  const rows = await db.selectFrom('campaign').select(['id', 'status', 'answer_key_check']).execute();
  return new Map(rows.map((r) => [r.id, { status: r.status, keyCheck: r.answer_key_check }]));
}

/** Open campaigns whose deadline day has ended (`today` in the organisation's time zone). */
export async function overdueCampaignIds(db: DB, today: string): Promise<string[]> {
  const rows = await db.selectFrom('campaign').select('id').where('status', '=', 'open').where('deadline', '<', today).execute();
  return rows.map((r) => r.id);
}

export interface EvaluationProgress {
  id: string;
  personId: string;
  fullName: string;
  position: string;
  unitName: string;
  category: string;
  formKey: string;
  withoutParticipation: string | null;
  respondents: number;
  answered: number;
  selfInvited: boolean;
  selfAnswered: boolean;
  linksMissing: number;
}

export async function listEvaluations(db: DB, campaignId: string): Promise<EvaluationProgress[]> {
  const rows = await db
    .selectFrom('evaluation as e')
    .leftJoin('invitation as i', 'i.evaluation_id', 'e.id')
    .select([
      'e.id as id',
      'e.person_id as personId',
      'e.full_name as fullName',
      'e.position as position',
      'e.unit_name as unitName',
      'e.category as category',
      'e.form_key as formKey',
      'e.without_participation as withoutParticipation',
      sql<number>`coalesce(sum(case when i.relation <> 'self' then 1 else 0 end), 0)`.as('respondents'),
      sql<number>`coalesce(sum(case when i.relation <> 'self' then i.answered else 0 end), 0)`.as('answered'),
      sql<number>`coalesce(sum(case when i.relation = 'self' then 1 else 0 end), 0)`.as('selfInvited'),
      sql<number>`coalesce(sum(case when i.relation = 'self' then i.answered else 0 end), 0)`.as('selfAnswered'),
      sql<number>`coalesce(sum(case when i.id is not null and i.answered = 0 and not exists (select 1 from link as l where l.invitation_id = i.id) then 1 else 0 end), 0)`.as('linksMissing'),
    ])
    .where('e.campaign_id', '=', campaignId)
    .groupBy(['e.id', 'e.person_id', 'e.full_name', 'e.position', 'e.unit_name', 'e.category', 'e.form_key', 'e.without_participation'])
    .orderBy('e.full_name')
    .execute();
  return rows.map((r) => ({
    ...r,
    respondents: Number(r.respondents),
    answered: Number(r.answered),
    selfInvited: Number(r.selfInvited) > 0,
    selfAnswered: Number(r.selfAnswered) > 0,
    linksMissing: Number(r.linksMissing),
  }));
}

export function getEvaluation(db: DB, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('evaluation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What an evaluation keeps of the person; the evaluator is read from the staff list by the transaction that writes it. */
export type EvaluationSnapshot = Omit<EvaluationRow, 'id' | 'evaluator_id' | 'evaluator_set_by'>;

export interface NewEvaluation extends EvaluationSnapshot {
  respondents?: readonly RespondentAssignment[];
}

/**
 * Adds evaluated persons with the respondents given, all or none. Each gets a self-assessment invitation
 * unless evaluated without their own participation (§6–7).
 */
export async function insertEvaluations(db: DB, evaluations: readonly NewEvaluation[]): Promise<string[]> {
  const ids = evaluations.map(() => newId());
  await db.transaction().execute(async (trx) => {
    for (const [n, { respondents = [], ...snapshot }] of evaluations.entries()) {
      await trx.insertInto('evaluation').values({ id: ids[n]!, ...snapshot }).execute();
      await insertInvitations(trx, ids[n]!, snapshot, respondents);
    }
    await fixEvaluators(trx, (eb) => eb('id', 'in', ids.length ? ids : ['']));
  });
  return ids;
}

/**
 * Sets each evaluation's evaluator to the person's direct manager now, with the account that set that manager:
 * when a person is added, and again when the campaign opens, after which it no longer follows the staff list.
 */
async function fixEvaluators(trx: Transaction<Database>, which: (eb: ExpressionBuilder<Database, 'evaluation'>) => Expression<SqlBool>): Promise<void> {
  await trx
    .updateTable('evaluation')
    .set((eb) => ({
      evaluator_id: eb.selectFrom('person').select('manager_id').whereRef('person.id', '=', 'evaluation.person_id'),
      evaluator_set_by: eb.selectFrom('person').select('manager_set_by').whereRef('person.id', '=', 'evaluation.person_id'),
    }))
    .where(which)
    .execute();
}

/**
 * Opens a draft campaign, fixing every evaluation's evaluator as the staff list has it at this moment (§2, §21:
 * the evaluator reads the report; a manager set afterwards does not). False when it was no longer a draft.
 */
export async function openDraftCampaign(db: DB, id: string, at: string, keyCheck: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await transitionCampaign(trx, id, 'draft', 'open', at))) return false;
    await trx.updateTable('campaign').set({ answer_key_check: keyCheck }).where('id', '=', id).execute();
    await fixEvaluators(trx, (eb) => eb('campaign_id', '=', id));
    return true;
  });
}

/** Gives a campaign opened before answer keys its key's check value, unless another server gave it one first. */
export async function claimKeyCheck(db: DB, id: string, keyCheck: string): Promise<boolean> {
  const result = await db.updateTable('campaign').set({ answer_key_check: keyCheck }).where('id', '=', id).where('answer_key_check', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Like insertEvaluations, but someone already evaluated in the campaign is skipped instead of refused. The
 * insert itself checks, so a request adding the same people at the same moment cannot slip in between a
 * check and the write. Returns the new evaluation's id of each person added.
 */
export async function insertMissingEvaluations(db: DB, evaluations: readonly NewEvaluation[]): Promise<Map<string, string>> {
  const added = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const { respondents = [], ...snapshot } of evaluations) {
      const row = await trx
        .insertInto('evaluation')
        .values({ id: newId(), ...snapshot })
        .onConflict((oc) => oc.columns(['campaign_id', 'person_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      await insertInvitations(trx, row.id, snapshot, respondents);
      added.set(snapshot.person_id, row.id);
    }
    const ids = [...added.values()];
    await fixEvaluators(trx, (eb) => eb('id', 'in', ids.length ? ids : ['']));
  });
  return added;
}

async function insertInvitations(trx: Transaction<Database>, evaluationId: string, snapshot: EvaluationSnapshot, respondents: readonly RespondentAssignment[]) {
  const invited = snapshot.without_participation ? respondents : [{ personId: snapshot.person_id, relation: 'self' }, ...respondents];
  if (invited.length === 0) return;
  await trx
    .insertInto('invitation')
    .values(invited.map((r) => ({ id: newId(), evaluation_id: evaluationId, respondent_id: r.personId, relation: r.relation })))
    .execute();
}

/** Thrown inside a transaction to roll it back when an invitation turned out answered: the caller refuses. */
const ANSWERED = Symbol('answered');

/** Runs `work` in a transaction; false, with nothing changed, when it found an answered invitation in its way. */
async function unlessAnswered(db: DB, work: (trx: Transaction<Database>) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction().execute(work);
    return true;
  } catch (error) {
    if (error === ANSWERED) return false;
    throw error;
  }
}

/**
 * Removes an evaluation nobody has answered yet; false, with nothing removed, when an answer arrived. The check is
 * the delete itself (`answered = 0`), so a submission committing meanwhile is never deleted with it.
 */
export async function deleteEvaluation(db: DB, evaluationId: string): Promise<boolean> {
  return unlessAnswered(db, async (trx) => {
    await trx.deleteFrom('invitation').where('evaluation_id', '=', evaluationId).where('answered', '=', 0).execute();
    if (await trx.selectFrom('invitation').select('id').where('evaluation_id', '=', evaluationId).executeTakeFirst()) throw ANSWERED;
    await trx.deleteFrom('evaluation').where('id', '=', evaluationId).execute();
  });
}

export interface InvitationView {
  id: string;
  respondentId: string;
  respondentName: string;
  relation: string;
  linkIssued: boolean;
  answered: boolean;
  /** shared/rules/respondentFlags.ts */
  flags: RespondentFlag[];
}

export async function listInvitations(db: DB, evaluationId: string): Promise<InvitationView[]> {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
    .select(['i.id as id', 'i.respondent_id as respondentId', 'p.full_name as respondentName', 'i.relation as relation', 'i.answered', 'p.created_at as createdAt', 'c.opened_at as openedAt'])
    .select((eb) => [
      eb.exists(eb.selectFrom('link as l').select('l.token_hash').whereRef('l.invitation_id', '=', 'i.id')).as('hasLink'),
      eb.exists(eb.selectFrom('evaluation as any').select('any.id').whereRef('any.person_id', '=', 'i.respondent_id')).as('evaluatedAnywhere'),
    ])
    .where('i.evaluation_id', '=', evaluationId)
    .orderBy(sql`case when i.relation = 'self' then 0 else 1 end`)
    .orderBy('p.full_name')
    .execute();
  return rows.map(({ hasLink, answered, createdAt, openedAt, evaluatedAnywhere, ...r }) => ({
    ...r,
    linkIssued: Boolean(hasLink),
    answered: answered === 1,
    flags: respondentFlags({ addedAfterOpening: openedAt !== null && createdAt > openedAt, evaluatedAnywhere: Boolean(evaluatedAnywhere) }),
  }));
}

export interface RespondentAssignment {
  personId: string;
  relation: string;
}

/**
 * Makes the evaluation's non-self respondents exactly `wanted`: keeps the invitations (and links) of those
 * who stay, drops those who left, adds the new ones. False, with nothing changed, when one of those leaving has
 * answered — checked by the delete itself, so an answer committing meanwhile never loses its invitation (nor the
 * record of who held its link).
 */
export async function replaceRespondents(db: DB, evaluationId: string, wanted: readonly RespondentAssignment[]): Promise<boolean> {
  return unlessAnswered(db, async (trx) => {
    const existing = await trx
      .selectFrom('invitation')
      .select(['id', 'respondent_id', 'relation'])
      .where('evaluation_id', '=', evaluationId)
      .where('relation', '<>', 'self')
      .execute();
    const wantedIds = new Set(wanted.map((w) => w.personId));
    const leaving = existing.filter((i) => !wantedIds.has(i.respondent_id)).map((i) => i.id);
    if (leaving.length) {
      const removed = await trx.deleteFrom('invitation').where('id', 'in', leaving).where('answered', '=', 0).executeTakeFirst();
      if (Number(removed.numDeletedRows) !== leaving.length) throw ANSWERED;
    }
    const byPerson = new Map(existing.map((i) => [i.respondent_id, i]));
    for (const w of wanted) {
      const current = byPerson.get(w.personId);
      if (!current) {
        await trx
          .insertInto('invitation')
          .values({ id: newId(), evaluation_id: evaluationId, respondent_id: w.personId, relation: w.relation })
          .execute();
      } else if (current.relation !== w.relation) {
        await trx.updateTable('invitation').set({ relation: w.relation }).where('id', '=', current.id).execute();
      }
    }
  });
}

export async function answeredRespondentIds(db: DB, evaluationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('invitation')
    .select('respondent_id')
    .where('evaluation_id', '=', evaluationId)
    .where('answered', '=', 1)
    .execute();
  return rows.map((r) => r.respondent_id);
}

export interface LinkTarget {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
}

/**
 * Gives unanswered invitations of a campaign a new link each, in one transaction: those without a link, or —
 * HR's re-issue — the chosen ones, whose earlier links stop working. Null, with nothing changed, when some
 * chosen invitation cannot have one (answered, or not in this campaign).
 */
export async function storeNewLinks(db: DB, campaignId: string, only: readonly string[] | null, mint: MintLink, holderId: string | null): Promise<LinkTarget[] | null> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('invitation as i')
      .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
      .innerJoin('person as p', 'p.id', 'i.respondent_id')
      .select(['i.id as invitationId', 'p.full_name as respondentName', 'e.full_name as evaluatedName', 'i.relation as relation'])
      .where('e.campaign_id', '=', campaignId)
      .where('i.answered', '=', 0);
    query = only
      ? query.where('i.id', 'in', only.length ? only : [''])
      : query.where((eb) => eb.not(eb.exists(eb.selectFrom('link as l').select('l.token_hash').whereRef('l.invitation_id', '=', 'i.id'))));
    const targets = await query.orderBy('e.full_name').orderBy('p.full_name').execute();
    if (only && targets.length !== only.length) return null;
    const ids = targets.map((t) => t.invitationId);
    await (only ? replaceLinks(trx, ids, mint, holderId) : addLinks(trx, ids, mint, holderId));
    return targets;
  });
}
