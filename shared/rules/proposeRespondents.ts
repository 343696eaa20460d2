import type { Rules360 } from '../methodology/types.ts';
import { inferRelation, type Relation } from './respondentRelation.ts';

/** A person as the staff structure places them. */
export interface OrgPerson {
  id: string;
  managerId: string | null;
  unitId: string;
  category: string;
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
}

export interface Proposal {
  personId: string;
  relation: Exclude<Relation, 'self'>;
  /** Found only by looking beyond the person's own circle: HR should check that they know the person's work. */
  widened: boolean;
}

export interface RespondentProposal {
  proposals: Proposal[];
  /** Even after widening, fewer than the methodology's minimum were found. */
  short: boolean;
}

export interface ProposalInput {
  evaluated: OrgPerson;
  /** Everyone on the staff list, in the order that breaks ties (e.g. by name). */
  staff: readonly OrgPerson[];
  units: readonly OrgUnit[];
  /** False for those who cannot answer during the campaign (away, dismissed): they are never proposed. */
  canRespond: (person: OrgPerson) => boolean;
  /** The category group a person's category falls in (heads / employees): "the same level" without a manager. */
  levelOf: (person: OrgPerson) => string;
  rules: Pick<Rules360, 'minRespondents' | 'maxRespondents'>;
}

/** a1, b1, a2, b2 …, then the rest of the longer list: neither group crowds out the other. */
function alternate<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

/** Units next to `unitId` in the tree: its parent, its sub-units and its sibling units. */
function neighbourUnits(unitId: string, units: readonly OrgUnit[]): Set<string> {
  const parentId = units.find((u) => u.id === unitId)?.parentId ?? null;
  const near = new Set<string>();
  for (const u of units) {
    if (u.id === unitId) continue;
    if (u.id === parentId || u.parentId === unitId || (parentId !== null && u.parentId === parentId)) near.add(u.id);
  }
  return near;
}

/**
 * §36: respondents who know the person's work, from the staff structure. First the direct manager, then
 * subordinates and peers (same unit and same direct manager, or the same category group when the person has
 * none) taken in turn, up to the maximum. Under the minimum, the circle widens — the rest of the unit, the
 * manager's level (the manager's own manager and peers), then neighbouring units — only as far as the minimum,
 * and each such proposal is marked for HR to check. Never the person, never anyone who cannot respond.
 */
export function proposeRespondents(input: ProposalInput): RespondentProposal {
  const { evaluated, rules } = input;
  const others = input.staff.filter((p) => p.id !== evaluated.id && input.canRespond(p));
  const proposals: Proposal[] = [];
  const taken = new Set<string>();
  const take = (people: readonly OrgPerson[], widened: boolean, limit: number) => {
    for (const p of people) {
      if (proposals.length >= limit) return;
      if (taken.has(p.id)) continue;
      taken.add(p.id);
      proposals.push({ personId: p.id, relation: inferRelation(evaluated, p), widened });
    }
  };

  const manager = others.filter((p) => p.id === evaluated.managerId);
  const subordinates = others.filter((p) => p.managerId === evaluated.id);
  const level = input.levelOf(evaluated);
  const peers = others.filter(
    (p) =>
      p.unitId === evaluated.unitId &&
      p.id !== evaluated.managerId &&
      p.managerId !== evaluated.id &&
      (evaluated.managerId ? p.managerId === evaluated.managerId : input.levelOf(p) === level),
  );
  take(manager, false, rules.maxRespondents);
  take(alternate(subordinates, peers), false, rules.maxRespondents);

  if (proposals.length < rules.minRespondents) {
    const sameLevelFirst = (people: OrgPerson[]) => [...people.filter((p) => input.levelOf(p) === level), ...people.filter((p) => input.levelOf(p) !== level)];
    const restOfUnit = others.filter((p) => p.unitId === evaluated.unitId);
    const managerRow = input.staff.find((p) => p.id === evaluated.managerId);
    const managersLevel = managerRow
      ? others.filter((p) => p.id === managerRow.managerId || (managerRow.managerId !== null && p.managerId === managerRow.managerId))
      : [];
    const near = neighbourUnits(evaluated.unitId, input.units);
    const neighbours = others.filter((p) => near.has(p.unitId));
    take([...sameLevelFirst(restOfUnit), ...managersLevel, ...sameLevelFirst(neighbours)], true, rules.minRespondents);
  }
  return { proposals, short: proposals.length < rules.minRespondents };
}
