import { PostgresAdapter, sql } from 'kysely';
import type { DB } from '../connect.ts';
import { nowIso } from '../ids.ts';
import { insertMany } from './insertMany.ts';
import type { GroupCriterion } from '../../shared/training/criterion.ts';
import { toHundredths, type CampaignTally, type ScoreCount } from '../../shared/training/trainingNeeds.ts';

export interface CampaignEvaluation {
  id: string;
  formKey: string;
  unitName: string;
  fullName: string;
}

/** Every evaluation of a campaign, with its form and what course groups are ordered by. */
export function campaignEvaluations(db: DB, campaignId: string): Promise<CampaignEvaluation[]> {
  return db
    .selectFrom('evaluation')
    .select(['id', 'form_key as formKey', 'unit_name as unitName', 'full_name as fullName'])
    .where('campaign_id', '=', campaignId)
    .execute();
}

/**
 * Marks a campaign's aggregates as being kept by this transaction; false when they already are (a concurrent
 * first view kept them: PostgreSQL makes this wait for it, SQLite runs one writer at a time).
 */
export async function claimResultsKept(db: DB, campaignId: string): Promise<boolean> {
  const claimed = await db.updateTable('campaign').set({ results_kept_at: nowIso() }).where('id', '=', campaignId).where('results_kept_at', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export interface MemberRow {
  competencyId: string;
  ordinal: number;
  evaluationId: string;
  hundredths: number;
  weakest: boolean;
}

export async function insertTrainingMembers(db: DB, campaignId: string, rows: readonly MemberRow[]): Promise<void> {
  await insertMany(
    db,
    'training_member',
    { campaign_id: campaignId },
    [
      { name: 'competency_id', type: 'text' },
      { name: 'ordinal', type: 'integer' },
      { name: 'evaluation_id', type: 'text' },
      { name: 'hundredths', type: 'integer' },
      { name: 'weakest', type: 'integer' },
    ],
    rows.map((m) => [m.competencyId, m.ordinal, m.evaluationId, m.hundredths, m.weakest ? 1 : 0]),
  );
}

export async function insertCampaignTally(db: DB, campaignId: string, tally: CampaignTally): Promise<void> {
  const same = { campaign_id: campaignId };
  await insertMany(
    db,
    'training_unit',
    same,
    [
      { name: 'unit_name', type: 'text' },
      { name: 'evaluated', type: 'integer' },
      { name: 'ready', type: 'integer' },
    ],
    tally.units.map((u) => [u.unitName, u.evaluated, u.ready]),
  );
  await insertMany(
    db,
    'training_cell',
    same,
    [
      { name: 'unit_name', type: 'text' },
      { name: 'competency_id', type: 'text' },
      { name: 'persons', type: 'integer' },
      { name: 'hundredths', type: 'integer' },
    ],
    tally.units.flatMap((u) => u.cells.map((c) => [u.unitName, c.competencyId, c.persons, c.hundredths])),
  );
  await insertMany(
    db,
    'training_score',
    same,
    [
      { name: 'competency_id', type: 'text' },
      { name: 'hundredths', type: 'integer' },
      { name: 'persons', type: 'integer' },
      { name: 'weakest', type: 'integer' },
    ],
    tally.scores.map((s) => [s.competencyId, s.hundredths, s.persons, s.weakest]),
  );
}

/** A closed campaign's kept tally: a few thousand rows whatever its size. */
export async function campaignTallyOf(db: DB, campaignId: string): Promise<CampaignTally> {
  const units = await db.selectFrom('training_unit').select(['unit_name as unitName', 'evaluated', 'ready']).where('campaign_id', '=', campaignId).execute();
  const cells = await db.selectFrom('training_cell').select(['unit_name as unitName', 'competency_id as competencyId', 'persons', 'hundredths']).where('campaign_id', '=', campaignId).execute();
  const cellsOf = new Map(units.map((u) => [u.unitName, [] as CampaignTally['units'][number]['cells']]));
  for (const { unitName, ...cell } of cells) cellsOf.get(unitName)!.push(cell);
  return { units: units.map((u) => ({ ...u, cells: cellsOf.get(u.unitName)! })), scores: await scoreCountsOf(db, campaignId) };
}

/** How many persons got each score in each competency: what course groups are counted from. */
export function scoreCountsOf(db: DB, campaignId: string): Promise<ScoreCount[]> {
  return db.selectFrom('training_score').select(['competency_id as competencyId', 'hundredths', 'persons', 'weakest']).where('campaign_id', '=', campaignId).execute();
}

export interface GroupMember {
  ordinal: number;
  fullName: string;
  position: string;
  unitName: string;
}

/**
 * A page of a competency's course group in the order it is shown: from an offset (a page on screen) or after
 * an ordinal (the export walks the group), leaving out the evaluations `excluding` names (shown to the viewer as
 * if not evaluated: shared/training/tallyWithout.ts). The filter is shared/training/trainingNeeds.ts courseGroupSize's.
 */
export function courseGroupMembers(
  db: DB,
  group: { campaignId: string; competencyId: string; criterion: GroupCriterion; excluding: readonly string[] },
  page: { limit: number } & ({ offset: number } | { afterOrdinal: number }),
): Promise<GroupMember[]> {
  const { criterion } = group;
  // The page is cut from the group's own rows first: only its names are then looked up.
  const members = db
    .selectFrom('training_member')
    .select(['ordinal', 'evaluation_id'])
    .where('campaign_id', '=', group.campaignId)
    .where('competency_id', '=', group.competencyId)
    .where((eb) => (criterion.kind === 'weakest' ? eb('weakest', '=', 1) : eb('hundredths', '<', toHundredths(criterion.threshold))))
    .$if(group.excluding.length > 0, (q) => q.where('evaluation_id', 'not in', group.excluding))
    .$if('afterOrdinal' in page, (q) => q.where('ordinal', '>', 'afterOrdinal' in page ? page.afterOrdinal : 0))
    .orderBy('ordinal')
    .limit(page.limit)
    .$if('offset' in page, (q) => q.offset('offset' in page ? page.offset : 0));
  return db
    .selectFrom(members.as('m'))
    .innerJoin('evaluation as e', 'e.id', 'm.evaluation_id')
    .select(['m.ordinal as ordinal', 'e.full_name as fullName', 'e.position as position', 'e.unit_name as unitName'])
    .orderBy('m.ordinal')
    .execute();
}

/**
 * PostgreSQL plans by its statistics, which know nothing of the rows just kept until autovacuum comes round:
 * without this, a course group's first page was planned as a sort of the whole group (2.6 s at 100,000).
 */
export async function refreshTrainingStatistics(db: DB): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze training_member, training_score, training_cell, training_unit, evaluation_result`.execute(db);
}
