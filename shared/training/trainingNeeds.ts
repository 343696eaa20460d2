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

/**
 * Scores are kept with two decimals; tallies add them as whole hundredths, so a sum is exact and the same in
 * whatever order a campaign's 100,000 people are added up.
 */
export const toHundredths = (score: number): number => Math.round(score * 100);

/** A mean of scores from their sum in hundredths, two decimals, halves rounded up (as round2). */
const meanOf = (hundredths: number, persons: number): number => Math.round(hundredths / persons) / 100;

/** A unit's persons scored in one competency and the sum of their scores. */
export interface CellTally {
  competencyId: string;
  persons: number;
  hundredths: number;
}

export interface UnitTally {
  unitName: string;
  /** Evaluated persons of the unit, and those among them whose report was ready (the only ones counted). */
  evaluated: number;
  ready: number;
  /** Competencies in which at least one of the unit's persons was scored. */
  cells: CellTally[];
}

/** How many persons got one score in a competency, and how many of them have it among their weakest. */
export interface ScoreCount {
  competencyId: string;
  hundredths: number;
  persons: number;
  weakest: number;
}

/**
 * Everything the heatmap and the ranking need, kept when a campaign closes: per unit and competency the
 * count and sum, and per competency how many persons got each score. A view then reads a few thousand rows
 * instead of 100,000 results.
 */
export interface CampaignTally {
  units: UnitTally[];
  scores: ScoreCount[];
}

/**
 * How many people fall in a competency's course group: those with a ready report who have it among their
 * weakest, or whose score in it is under the threshold (db/repositories/trainingAggregates.ts lists the
 * members by the same rule).
 */
export function courseGroupSize(scores: readonly ScoreCount[], competencyId: string, criterion: GroupCriterion): number {
  let persons = 0;
  for (const count of scores) {
    if (count.competencyId !== competencyId) continue;
    if (criterion.kind === 'weakest') persons += count.weakest;
    else if (count.hundredths < toHundredths(criterion.threshold)) persons += count.persons;
  }
  return persons;
}

/** Adds up a campaign's results one person at a time (they are read a chunk at a time). */
export function campaignTally(): { add: (person: PersonResult) => void; result: () => CampaignTally } {
  const units = new Map<string, { evaluated: number; ready: number; cells: Map<string, CellTally> }>();
  const scores = new Map<string, ScoreCount>();
  return {
    add(person) {
      let unit = units.get(person.unitName);
      if (!unit) units.set(person.unitName, (unit = { evaluated: 0, ready: 0, cells: new Map() }));
      unit.evaluated += 1;
      if (!person.scores) return;
      unit.ready += 1;
      const weakest = new Set(person.weakest ?? []);
      for (const [competencyId, score] of Object.entries(person.scores)) {
        const hundredths = toHundredths(score);
        const cell = unit.cells.get(competencyId) ?? { competencyId, persons: 0, hundredths: 0 };
        cell.persons += 1;
        cell.hundredths += hundredths;
        unit.cells.set(competencyId, cell);
        const key = `${competencyId} ${hundredths}`;
        const count = scores.get(key) ?? { competencyId, hundredths, persons: 0, weakest: 0 };
        count.persons += 1;
        if (weakest.has(competencyId)) count.weakest += 1;
        scores.set(key, count);
      }
    },
    result: () => ({
      units: [...units].map(([unitName, u]) => ({ unitName, evaluated: u.evaluated, ready: u.ready, cells: [...u.cells.values()] })),
      scores: [...scores.values()],
    }),
  };
}

export type HeatmapCell =
  | { competencyId: string; persons: number; mean: number }
  /** Fewer than MIN_PERSONS_PER_CELL persons were scored in it (none: the unit's forms lack the competency). */
  | { competencyId: string; persons: number; hidden: true };

export interface HeatmapRow {
  unitName: string;
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

/** Units × competencies: the mean of the unit's ready scores per competency, hidden under MIN_PERSONS_PER_CELL. */
export function trainingHeatmap(units: readonly UnitTally[], competencyIds: readonly string[]): HeatmapRow[] {
  return [...units]
    .sort((a, b) => a.unitName.localeCompare(b.unitName))
    .map(({ unitName, evaluated, ready, cells }) => ({
      unitName,
      evaluated,
      ready,
      cells: competencyIds.map((competencyId): HeatmapCell => {
        const cell = cells.find((c) => c.competencyId === competencyId);
        const persons = cell?.persons ?? 0;
        return persons < MIN_PERSONS_PER_CELL ? { competencyId, persons, hidden: true } : { competencyId, persons, mean: meanOf(cell!.hundredths, persons) };
      }),
    }));
}

/**
 * Competencies by how many people fall in their course group, most first; ties go to the lower mean, then to
 * the methodology's order.
 */
export function rankCompetencies(tally: CampaignTally, competencyIds: readonly string[], criterion: GroupCriterion): RankedCompetency[] {
  const ranked = competencyIds.map((competencyId, order) => {
    let scored = 0;
    let shownPersons = 0;
    let shownHundredths = 0;
    for (const unit of tally.units) {
      const cell = unit.cells.find((c) => c.competencyId === competencyId);
      if (!cell) continue;
      scored += cell.persons;
      if (cell.persons < MIN_PERSONS_PER_CELL) continue;
      shownPersons += cell.persons;
      shownHundredths += cell.hundredths;
    }
    const persons = courseGroupSize(tally.scores, competencyId, criterion);
    const mean = shownPersons < MIN_PERSONS_PER_CELL ? null : meanOf(shownHundredths, shownPersons);
    return { competencyId, persons, scored, mean, order };
  });
  ranked.sort((a, b) => b.persons - a.persons || (a.mean ?? Infinity) - (b.mean ?? Infinity) || a.order - b.order);
  return ranked.map(({ competencyId, persons, scored, mean }) => ({ competencyId, persons, scored, mean }));
}

/** Course groups list people by unit, then name, as people read them (and by id where both are the same). */
export function courseOrder(): (a: { id: string; unitName: string; fullName: string }, b: { id: string; unitName: string; fullName: string }) => number {
  const { compare } = new Intl.Collator();
  return (a, b) => compare(a.unitName, b.unitName) || compare(a.fullName, b.fullName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
