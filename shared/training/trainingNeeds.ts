import { round2 } from '../scoring/round.ts';
import type { GroupCriterion } from './criterion.ts';

/** A heatmap cell or a campaign-wide mean from fewer evaluated persons would let their scores be inferred. */
export const MIN_PERSONS_PER_CELL = 3;

/** One evaluated person's kept result, as the training views read it. */
export interface PersonResult {
  unitName: string;
  /** Competency → score; null when the report was under the response threshold. */
  scores: Readonly<Record<string, number>> | null;
  weakest: readonly string[] | null;
}

export type HeatmapCell =
  | { competencyId: string; persons: number; mean: number }
  /** Fewer than MIN_PERSONS_PER_CELL persons were scored in it (none: the unit's forms lack the competency). */
  | { competencyId: string; persons: number; hidden: true };

export interface HeatmapRow {
  unitName: string;
  /** Evaluated persons of the unit, and those among them whose report was ready (the only ones counted). */
  evaluated: number;
  ready: number;
  cells: HeatmapCell[];
}

export interface RankedCompetency {
  competencyId: string;
  /** People with a ready report who fall in the competency's course group. */
  persons: number;
  /** People with a ready report scored in the competency. */
  scored: number;
  /** The campaign-wide mean, or null under MIN_PERSONS_PER_CELL scored persons. */
  mean: number | null;
}

const mean = (values: readonly number[]) => round2(values.reduce((a, b) => a + b, 0) / values.length);

/** Whether a person with a ready report belongs to the competency's course group. */
export function inCourseGroup(person: PersonResult, competencyId: string, criterion: GroupCriterion): boolean {
  if (!person.scores || !(competencyId in person.scores)) return false;
  return criterion.kind === 'weakest' ? (person.weakest ?? []).includes(competencyId) : person.scores[competencyId]! < criterion.threshold;
}

/** Units × competencies: the mean of the unit's ready scores per competency, hidden under MIN_PERSONS_PER_CELL. */
export function trainingHeatmap(people: readonly PersonResult[], competencyIds: readonly string[]): HeatmapRow[] {
  const units = new Map<string, PersonResult[]>();
  for (const person of people) {
    const members = units.get(person.unitName);
    if (members) members.push(person);
    else units.set(person.unitName, [person]);
  }
  return [...units.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitName, members]) => {
      const ready = members.filter((m) => m.scores !== null);
      const cells = competencyIds.map((competencyId): HeatmapCell => {
        const values = ready.flatMap((m) => (competencyId in m.scores! ? [m.scores![competencyId]!] : []));
        return values.length < MIN_PERSONS_PER_CELL
          ? { competencyId, persons: values.length, hidden: true }
          : { competencyId, persons: values.length, mean: mean(values) };
      });
      return { unitName, evaluated: members.length, ready: ready.length, cells };
    });
}

/**
 * Competencies by how many people fall in their course group, most first; ties go to the lower mean, then to
 * the methodology's order.
 */
export function rankCompetencies(people: readonly PersonResult[], competencyIds: readonly string[], criterion: GroupCriterion): RankedCompetency[] {
  const ranked = competencyIds.map((competencyId): RankedCompetency => {
    const values = people.flatMap((p) => (p.scores && competencyId in p.scores ? [p.scores[competencyId]!] : []));
    return {
      competencyId,
      persons: people.filter((p) => inCourseGroup(p, competencyId, criterion)).length,
      scored: values.length,
      mean: values.length < MIN_PERSONS_PER_CELL ? null : mean(values),
    };
  });
  const order = (r: RankedCompetency) => competencyIds.indexOf(r.competencyId);
  return ranked.sort((a, b) => b.persons - a.persons || (a.mean ?? Infinity) - (b.mean ?? Infinity) || order(a) - order(b));
}

/** The people to train in a competency, by unit and name. */
export function courseGroup<P extends PersonResult & { fullName: string }>(people: readonly P[], competencyId: string, criterion: GroupCriterion): P[] {
  return people
    .filter((p) => inCourseGroup(p, competencyId, criterion))
    .sort((a, b) => a.unitName.localeCompare(b.unitName) || a.fullName.localeCompare(b.fullName));
}
