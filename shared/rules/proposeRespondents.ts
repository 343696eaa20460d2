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

export interface ProposalInput extends StaffInput {
  evaluated: OrgPerson;
  rules: Pick<Rules360, 'minRespondents' | 'maxRespondents'>;
}

export interface StaffInput {
  /** Everyone on the staff list, in the order that breaks ties (e.g. by name). */
  staff: readonly OrgPerson[];
  units: readonly OrgUnit[];
  /** False for those who cannot answer during the campaign (away, dismissed): they are never proposed. */
  canRespond: (person: OrgPerson) => boolean;
  /** The category group a person's category falls in (heads / employees): "the same level" without a manager. */
  levelOf: (person: OrgPerson) => string;
}

/**
 * The staff list arranged for proposals: who reports to whom, who works in which unit and in which category
 * group, each list in staff-list order and holding only those who can respond. Built once for a whole unit
 * of evaluated persons, so that each proposal looks up its circle instead of reading the whole list again.
 */
export interface StaffIndex {
  readonly byId: ReadonlyMap<string, OrgPerson>;
  readonly responders: ReadonlySet<string>;
  readonly order: ReadonlyMap<string, number>;
  readonly levelOf: (person: OrgPerson) => string;
  readonly byManager: ReadonlyMap<string, readonly OrgPerson[]>;
  readonly byUnit: ReadonlyMap<string, readonly OrgPerson[]>;
  readonly byUnitLevel: ReadonlyMap<string, readonly OrgPerson[]>;
  readonly parentUnit: ReadonlyMap<string, string | null>;
  readonly subunits: ReadonlyMap<string, readonly string[]>;
}

const unitLevelKey = (unitId: string, level: string) => `${unitId}\n${level}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexStaff(input: StaffInput): StaffIndex {
  const levels = new Map(input.staff.map((p) => [p.id, input.levelOf(p)]));
  const byManager = new Map<string, OrgPerson[]>();
  const byUnit = new Map<string, OrgPerson[]>();
  const byUnitLevel = new Map<string, OrgPerson[]>();
  const responders = new Set<string>();
  for (const p of input.staff) {
    if (!input.canRespond(p)) continue;
    responders.add(p.id);
    if (p.managerId) push(byManager, p.managerId, p);
    push(byUnit, p.unitId, p);
    push(byUnitLevel, unitLevelKey(p.unitId, levels.get(p.id)!), p);
  }
  const subunits = new Map<string, string[]>();
  for (const u of input.units) if (u.parentId) push(subunits, u.parentId, u.id);
  return {
    byId: new Map(input.staff.map((p) => [p.id, p])),
    responders,
    order: new Map(input.staff.map((p, n) => [p.id, n])),
    levelOf: (p) => levels.get(p.id) ?? input.levelOf(p),
    byManager,
    byUnit,
    byUnitLevel,
    parentUnit: new Map(input.units.map((u) => [u.id, u.parentId])),
    subunits,
  };
}

/** a1, b1, a2, b2 …, then the rest of the longer list: neither group crowds out the other. */
function* alternate<T>(a: Iterable<T>, b: Iterable<T>): Generator<T> {
  const first = a[Symbol.iterator]();
  const second = b[Symbol.iterator]();
  for (let x = first.next(), y = second.next(); !x.done || !y.done; ) {
    if (!x.done) {
      yield x.value;
      x = first.next();
    }
    if (!y.done) {
      yield y.value;
      y = second.next();
    }
  }
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** Lists each already in staff-list order, merged into one in that order. */
function* inStaffOrder(lists: ReadonlyArray<readonly OrgPerson[]>, order: ReadonlyMap<string, number>): Generator<OrgPerson> {
  const at = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![at[i]!];
      if (candidate && (pick < 0 || order.get(candidate.id)! < order.get(lists[pick]![at[pick]!]!.id)!)) pick = i;
    }
    if (pick < 0) return;
    yield lists[pick]![at[pick]!]!;
    at[pick]! += 1;
  }
}

/** Units next to `unitId` in the tree: its parent, its sub-units and its sibling units. */
function neighbourUnits(unitId: string, index: StaffIndex): string[] {
  const parentId = index.parentUnit.get(unitId) ?? null;
  const near = new Set([...(parentId ? [parentId, ...(index.subunits.get(parentId) ?? [])] : []), ...(index.subunits.get(unitId) ?? [])]);
  near.delete(unitId);
  return [...near];
}

/**
 * §36: respondents who know the person's work, from the staff structure. First the direct manager, then
 * subordinates and peers (same unit and same direct manager, or the same category group when the person has
 * none) taken in turn, up to the maximum. Under the minimum, the circle widens — the rest of the unit, the
 * manager's level (the manager's own manager and peers), then neighbouring units — only as far as the minimum,
 * and each such proposal is marked for HR to check. Never the person, never anyone who cannot respond.
 */
export function proposeRespondents(input: ProposalInput): RespondentProposal {
  // One proposal; for many, index the staff once and call proposeFromIndex.
  return proposeFromIndex(input.evaluated, indexStaff(input), input.rules);
}

/** proposeRespondents over a staff list indexed once (indexStaff), as proposing for a whole unit tree needs. */
export function proposeFromIndex(evaluated: OrgPerson, index: StaffIndex, rules: ProposalInput['rules']): RespondentProposal {
  const proposals: Proposal[] = [];
  const taken = new Set<string>([evaluated.id]);
  const take = (people: Iterable<OrgPerson>, widened: boolean, limit: number) => {
    if (proposals.length >= limit) return;
    for (const p of people) {
      if (taken.has(p.id)) continue;
      taken.add(p.id);
      proposals.push({ personId: p.id, relation: inferRelation(evaluated, p), widened });
      if (proposals.length >= limit) return;
    }
  };
  const none: readonly OrgPerson[] = [];
  const inUnit = (unitId: string) => index.byUnit.get(unitId) ?? none;
  const inUnitLevel = (unitId: string, level: string) => index.byUnitLevel.get(unitLevelKey(unitId, level)) ?? none;

  const managerRow = evaluated.managerId ? index.byId.get(evaluated.managerId) : undefined;
  const respondent = (id: string | null | undefined) => (id && index.responders.has(id) ? [index.byId.get(id)!] : []);
  // Not the person: alternating, a skipped entry would shift the turns.
  const subordinates = filter(index.byManager.get(evaluated.id) ?? none, (p) => p.id !== evaluated.id);
  const level = index.levelOf(evaluated);
  const peers = filter(
    evaluated.managerId ? (index.byManager.get(evaluated.managerId) ?? none) : inUnitLevel(evaluated.unitId, level),
    (p) => p.id !== evaluated.id && p.unitId === evaluated.unitId && p.id !== evaluated.managerId && p.managerId !== evaluated.id,
  );
  take(respondent(evaluated.managerId), false, rules.maxRespondents);
  take(alternate(subordinates, peers), false, rules.maxRespondents);

  if (proposals.length < rules.minRespondents) {
    const sameLevelFirst = (unitIds: readonly string[]) => [
      inStaffOrder(unitIds.map((u) => inUnitLevel(u, level)), index.order),
      filter(inStaffOrder(unitIds.map(inUnit), index.order), (p) => index.levelOf(p) !== level),
    ];
    const above = managerRow?.managerId ?? null;
    const managersLevel = above ? inStaffOrder([respondent(above), index.byManager.get(above) ?? none], index.order) : [];
    for (const people of [...sameLevelFirst([evaluated.unitId]), managersLevel, ...sameLevelFirst(neighbourUnits(evaluated.unitId, index))]) {
      take(people, true, rules.minRespondents);
    }
  }
  return { proposals, short: proposals.length < rules.minRespondents };
}
