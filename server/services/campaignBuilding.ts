import type { DB } from '../../db/connect.ts';
import * as campaigns from '../../db/repositories/campaigns.ts';
import { getUnit, listPeople, listUnits, type PersonView } from '../../db/repositories/staff.ts';
import type { UnitRow } from '../../db/schema.ts';
import type { Methodology } from '../../shared/methodology/types.ts';
import type { Absence } from '../../shared/rules/absence.ts';
import { answeringWindow, awayDuring, participationOf, type AnsweringWindow } from '../../shared/rules/participation.ts';
import { formKeyForCategory } from '../../shared/rules/positionCategory.ts';
import { indexStaff, proposeFromIndex, type Proposal, type RespondentProposal } from '../../shared/rules/proposeRespondents.ts';
import type { AddUnitBody } from '../../shared/schemas/campaignBuilding.ts';
import { ApiError } from '../http/apiError.ts';
import { evaluationSnapshot, loadCampaign, loadEditableCampaign, loadEvaluationInCampaign, methodologyOf } from './campaigns.ts';

/** The proposal rule bound to one staff list, unit tree and answering window, indexed once for every proposal. */
function proposer(methodology: Methodology, people: readonly PersonView[], units: readonly UnitRow[], window: AnsweringWindow) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const index = indexStaff({
    staff: people.map((p) => ({ id: p.id, managerId: p.managerId, unitId: p.unitId, category: p.category })),
    units: units.map((u) => ({ id: u.id, parentId: u.parent_id })),
    canRespond: (p) => awayDuring(byId.get(p.id)!, window) === null,
    levelOf: (p) => formKeyForCategory(methodology, p.category),
  });
  return (evaluated: PersonView): RespondentProposal =>
    proposeFromIndex({ id: evaluated.id, managerId: evaluated.managerId, unitId: evaluated.unitId, category: evaluated.category }, index, methodology.rules);
}

/** A unit and, when asked, every unit below it. */
function unitSubtree(units: readonly UnitRow[], rootId: string, includeSubunits: boolean): Set<string> {
  const ids = new Set([rootId]);
  if (!includeSubunits) return ids;
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parent_id && ids.has(u.parent_id) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface AddedPerson {
  evaluationId: string;
  personId: string;
  fullName: string;
  unitName: string;
  withoutParticipation: Absence | null;
  /** Respondents assigned from the proposal (none when it found fewer than the minimum). */
  respondents: number;
  /** Names of assigned respondents found only by widening the circle, for HR to check. */
  widened: string[];
  /** The proposal found fewer than the minimum: HR must choose respondents by hand. */
  needsRespondents: boolean;
}

export interface LeftOutPerson {
  personId: string;
  fullName: string;
  unitName: string;
  reason: 'shortTenure' | 'alreadyEvaluated';
}

export interface AddUnitResult {
  added: AddedPerson[];
  leftOut: LeftOutPerson[];
}

/**
 * Adds everyone of a unit (and its sub-units) in one transaction: each evaluated as §6–7 say, each with the
 * proposed respondents when the structure yields at least the minimum. Those §6 excludes, or already in the
 * campaign, are reported with the reason; whether someone is already in it is decided inside the transaction,
 * so two requests adding the same unit at once add each person once.
 */
export async function addUnit(db: DB, campaignId: string, body: AddUnitBody, today: string): Promise<AddUnitResult> {
  const campaign = await loadEditableCampaign(db, campaignId);
  if (!(await getUnit(db, body.unitId))) throw new ApiError(422, 'unit.notFound');
  const methodology = methodologyOf(campaign.methodology_id);
  const window = answeringWindow(today, campaign.deadline);
  const [people, units] = await Promise.all([listPeople(db), listUnits(db)]);
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const propose = proposer(methodology, people, units, window);
  const inUnits = unitSubtree(units, body.unitId, body.includeSubunits);

  const excluded = new Map<string, LeftOutPerson['reason']>();
  const planned: Array<{ entry: campaigns.NewEvaluation; person: PersonView; assigned: Proposal[]; short: boolean }> = [];
  const members = people.filter((p) => inUnits.has(p.unitId));
  for (const person of members) {
    const participation = participationOf(person, campaign.year, window);
    if (participation.kind === 'notEvaluated') {
      excluded.set(person.id, participation.reason);
      continue;
    }
    const { proposals, short } = propose(person);
    const assigned = short ? [] : proposals;
    const respondents = assigned.map((p) => ({ personId: p.personId, relation: p.relation }));
    planned.push({ entry: { ...evaluationSnapshot(campaignId, methodology, person, participation), respondents }, person, assigned, short });
  }
  const ids = await campaigns.insertMissingEvaluations(db, planned.map((p) => p.entry));
  const added = planned.flatMap(({ entry, person, assigned, short }) => {
    const evaluationId = ids.get(person.id);
    if (!evaluationId) {
      excluded.set(person.id, 'alreadyEvaluated');
      return [];
    }
    return [{
      evaluationId,
      personId: person.id,
      fullName: person.fullName,
      unitName: person.unitName,
      withoutParticipation: entry.without_participation as Absence | null,
      respondents: assigned.length,
      widened: assigned.filter((p) => p.widened).map((p) => names.get(p.personId)!),
      needsRespondents: short,
    }];
  });
  const leftOut = members.flatMap((p) => {
    const reason = excluded.get(p.id);
    return reason ? [{ personId: p.id, fullName: p.fullName, unitName: p.unitName, reason }] : [];
  });
  return { added, leftOut };
}

export interface ProposalView extends Proposal {
  fullName: string;
}

/** The proposed respondents for one evaluated person, as the respondents page offers them. */
export async function evaluationProposal(db: DB, campaignId: string, evaluationId: string, today: string) {
  const campaign = await loadCampaign(db, campaignId);
  const evaluation = await loadEvaluationInCampaign(db, campaignId, evaluationId);
  const methodology = methodologyOf(campaign.methodology_id);
  const [people, units] = await Promise.all([listPeople(db), listUnits(db)]);
  const person = people.find((p) => p.id === evaluation.person_id);
  if (!person) return { proposals: [] as ProposalView[], short: true };
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const { proposals, short } = proposer(methodology, people, units, answeringWindow(today, campaign.deadline))(person);
  return { proposals: proposals.map((p) => ({ ...p, fullName: names.get(p.personId)! })), short };
}
