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
  /**
   * The mean over the heatmap's shown cells (null when it shows none): a hidden cell's one or two persons are
   * left out, or this mean less the shown cells would give their scores away.
   */
  mean: number | null;
}

/** Whether a person with a ready report belongs to the competency's course group. */
export function inCourseGroup(person: PersonResult, competencyId: string, criterion: GroupCriterion): boolean {
  if (!person.scores || !(competencyId in person.scores)) return false;
  return criterion.kind === 'weakest' ? (person.weakest ?? []).includes(competencyId) : person.scores[competencyId]! < criterion.threshold;
}

/** Sums and counts per competency (by index), gathered in one pass: campaigns reach 100,000 people. */
interface Tally {
  sum: Float64Array;
  scored: Uint32Array;
}

const newTally = (size: number): Tally => ({ sum: new Float64Array(size), scored: new Uint32Array(size) });

function addScores(tally: Tally, scores: Readonly<Record<string, number>>, competencyIds: readonly string[]): void {
  competencyIds.forEach((id, i) => {
    const score = scores[id];
    if (score === undefined) return;
    tally.sum[i]! += score;
    tally.scored[i]! += 1;
  });
}

interface UnitTally {
  evaluated: number;
  ready: number;
  tally: Tally;
}

/** Each unit's evaluated persons, ready reports and per-competency sums and counts, in one pass. */
function tallyUnits(people: readonly PersonResult[], competencyIds: readonly string[]): Map<string, UnitTally> {
  const units = new Map<string, UnitTally>();
  for (const person of people) {
    let unit = units.get(person.unitName);
    if (!unit) units.set(person.unitName, (unit = { evaluated: 0, ready: 0, tally: newTally(competencyIds.length) }));
    unit.evaluated += 1;
    if (!person.scores) continue;
    unit.ready += 1;
    addScores(unit.tally, person.scores, competencyIds);
  }
  return units;
}

/** Units × competencies: the mean of the unit's ready scores per competency, hidden under MIN_PERSONS_PER_CELL. */
export function trainingHeatmap(people: readonly PersonResult[], competencyIds: readonly string[]): HeatmapRow[] {
  return [...tallyUnits(people, competencyIds).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitName, { evaluated, ready, tally }]) => ({
      unitName,
      evaluated,
      ready,
      cells: competencyIds.map((competencyId, i): HeatmapCell => {
        const persons = tally.scored[i]!;
        return persons < MIN_PERSONS_PER_CELL ? { competencyId, persons, hidden: true } : { competencyId, persons, mean: round2(tally.sum[i]! / persons) };
      }),
    }));
}

/**
 * Competencies by how many people fall in their course group, most first; ties go to the lower mean, then to
 * the methodology's order.
 */
export function rankCompetencies(people: readonly PersonResult[], competencyIds: readonly string[], criterion: GroupCriterion): RankedCompetency[] {
  const units = tallyUnits(people, competencyIds);
  const scored = new Uint32Array(competencyIds.length);
  const shown = newTally(competencyIds.length);
  const inGroup = new Uint32Array(competencyIds.length);
  for (const { tally } of units.values()) {
    competencyIds.forEach((_, i) => {
      scored[i]! += tally.scored[i]!;
      if (tally.scored[i]! < MIN_PERSONS_PER_CELL) return;
      shown.sum[i]! += tally.sum[i]!;
      shown.scored[i]! += tally.scored[i]!;
    });
  }
  for (const person of people) {
    competencyIds.forEach((id, i) => {
      if (inCourseGroup(person, id, criterion)) inGroup[i]! += 1;
    });
  }
  const ranked = competencyIds.map((competencyId, i): RankedCompetency & { order: number } => {
    const counted = shown.scored[i]!;
    return { competencyId, persons: inGroup[i]!, scored: scored[i]!, mean: counted < MIN_PERSONS_PER_CELL ? null : round2(shown.sum[i]! / counted), order: i };
  });
  ranked.sort((a, b) => b.persons - a.persons || (a.mean ?? Infinity) - (b.mean ?? Infinity) || a.order - b.order);
  return ranked.map(({ competencyId, persons, scored, mean }) => ({ competencyId, persons, scored, mean }));
}

/** The people to train in a competency, by unit and name. */
export function courseGroup<P extends PersonResult & { fullName: string }>(people: readonly P[], competencyId: string, criterion: GroupCriterion): P[] {
  return people
    .filter((p) => inCourseGroup(p, competencyId, criterion))
    .sort((a, b) => a.unitName.localeCompare(b.unitName) || a.fullName.localeCompare(b.fullName));
}
