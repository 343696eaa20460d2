/**
 * Where a report stands against the anonymity minimum: reached; below it so far but reachable if the
 * respondents still pending answer; or out of reach even if every one of them answers.
 */
export type ReportOutlook = 'reached' | 'belowMinimum' | 'cannotReach';

export function reportOutlook(respondents: number, answered: number, minResponses: number): ReportOutlook {
  if (answered >= minResponses) return 'reached';
  return respondents < minResponses ? 'cannotReach' : 'belowMinimum';
}

export interface EvaluationCounts {
  unitId: string | null;
  /** Questionnaires asked for, the self-assessment included, and those answered. */
  questionnaires: number;
  answered: number;
  outlook: ReportOutlook;
}

export interface ProgressCounts {
  evaluated: number;
  questionnaires: number;
  answered: number;
  belowMinimum: number;
  cannotReach: number;
}

export interface UnitNode {
  id: string;
  name: string;
  parentId: string | null;
}

export interface UnitProgress extends UnitNode {
  depth: number;
  /** Evaluated persons of this unit itself, and of the unit with all its sub-units. */
  own: ProgressCounts;
  total: ProgressCounts;
}

const zero = (): ProgressCounts => ({ evaluated: 0, questionnaires: 0, answered: 0, belowMinimum: 0, cannotReach: 0 });

function add(into: ProgressCounts, e: EvaluationCounts): void {
  into.evaluated += 1;
  into.questionnaires += e.questionnaires;
  into.answered += e.answered;
  if (e.outlook === 'belowMinimum') into.belowMinimum += 1;
  if (e.outlook === 'cannotReach') into.cannotReach += 1;
}

export function sumCounts(evaluations: readonly EvaluationCounts[]): ProgressCounts {
  const total = zero();
  for (const e of evaluations) add(total, e);
  return total;
}

/**
 * The unit tree in display order (parents before their sub-units) with each unit's own counts and its
 * subtree's; units with nobody evaluated anywhere below them are left out.
 */
export function rollUpUnits(units: readonly UnitNode[], evaluations: readonly EvaluationCounts[]): UnitProgress[] {
  const known = new Set(units.map((u) => u.id));
  const parentOf = (u: UnitNode) => (u.parentId && known.has(u.parentId) ? u.parentId : null);
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) children.set(parentOf(u), [...(children.get(parentOf(u)) ?? []), u]);
  const own = new Map<string, ProgressCounts>();
  for (const e of evaluations) {
    if (!e.unitId || !known.has(e.unitId)) continue;
    if (!own.has(e.unitId)) own.set(e.unitId, zero());
    add(own.get(e.unitId)!, e);
  }
  const out: UnitProgress[] = [];
  const seen = new Set<string>();
  const walk = (u: UnitNode, depth: number): ProgressCounts => {
    seen.add(u.id);
    const node: UnitProgress = { ...u, depth, own: own.get(u.id) ?? zero(), total: zero() };
    out.push(node);
    const total = { ...node.own };
    for (const child of children.get(u.id) ?? []) {
      if (seen.has(child.id)) continue;
      const sub = walk(child, depth + 1);
      for (const key of Object.keys(total) as Array<keyof ProgressCounts>) total[key] += sub[key];
    }
    node.total = total;
    return total;
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  return out.filter((u) => u.total.evaluated > 0);
}
