import { criterionKey, parseCriterion, type GroupCriterion } from './criterion.ts';
import { courseGroupSize, MIN_PERSONS_PER_CELL, rankCompetencies, type CampaignTally, type RankedCompetency, type ScoreCount } from './trainingNeeds.ts';

/**
 * The ranking for viewers who do not read every report (trainers, HR officers without the §21 grant).
 *
 * The attack: a count of people under a threshold, asked at 1.01, 1.02, … 5.00, gives by consecutive
 * differences how many people have each exact score; where a course group is released, or a competency is
 * assessed in few people, that is one person's score. So:
 *
 * 1. Thresholds are a fixed grid — every half point within the scale — plus those of released groups; any
 *    other is refused. That leaves a handful of counts per competency instead of 400.
 * 2. Of a competency's counts (under `weakest` and each grid threshold) one is shown only when it differs by 0
 *    or at least MIN_PERSONS_PER_CELL from every number shown for the competency: 0, the number assessed
 *    (`scored`, shown beside it), each released group's count and the other shown counts. So no subtraction of
 *    two shown numbers comes to one or two people, whichever groups they count — save two of those shown in any
 *    case (0, `scored`, released groups), which HR's release made known.
 * 3. Which counts are shown is decided over the whole grid, never for the threshold asked, so asking in another
 *    order shows nothing more. The grid is taken in a fixed order — `weakest` (the methodology's own
 *    criterion) first, then the thresholds upwards — each count kept if it passes against 0, `scored` and those
 *    kept before it. Released groups' counts are always shown (their names are, to trainers) and hide any kept
 *    count within 1–2 of them. They take no part in that pass, so a release only ever hides more: were they
 *    in it, a count they hid could let a later one through that was hidden before, and whoever looked before
 *    and after the release would hold the two, one or two apart.
 * 4. The order of the ranking is made from what is shown, never from a hidden count: shown counts of some
 *    people, most first, then the hidden ones, then those of nobody.
 *
 * A hidden count tells only that it lies within two of a shown one, as a heatmap cell tells that it has one
 * or two people.
 */

/** Thresholds lie on half points: fine enough to find who scores low, few enough that most counts can show. */
export const THRESHOLD_STEP = 0.5;

/** Every half point above the scale's floor up to its top (1.5, 2, … 5 on the 1–5 scale). */
export function gridThresholds(scaleValues: readonly number[]): number[] {
  const min = Math.min(...scaleValues);
  const max = Math.max(...scaleValues);
  const grid: number[] = [];
  for (let t = min + THRESHOLD_STEP; t <= max; t += THRESHOLD_STEP) grid.push(t);
  return grid;
}

/** A release as this rule needs it: which competency, under which criterion key. */
export interface ReleasedGroup {
  competencyId: string;
  criterion: string;
}

/** The thresholds a restricted viewer may ask: the grid and the released groups' own, ascending. */
export function offeredThresholds(scaleValues: readonly number[], releases: readonly ReleasedGroup[]): number[] {
  const released = releases.map((r) => parseCriterion(r.criterion)).flatMap((c) => (c?.kind === 'below' ? [c.threshold] : []));
  return [...new Set([...gridThresholds(scaleValues), ...released])].sort((a, b) => a - b);
}

export const offersCriterion = (criterion: GroupCriterion, offered: readonly number[]): boolean =>
  criterion.kind === 'weakest' || offered.includes(criterion.threshold);

const singlesOut = (a: number, b: number): boolean => a !== b && Math.abs(a - b) < MIN_PERSONS_PER_CELL;

/** One competency's counts that restricted viewers see, by criterion key (a key left out is hidden). */
export function shownCounts(scores: readonly ScoreCount[], competencyId: string, scaleValues: readonly number[], releases: readonly ReleasedGroup[]): Map<string, number> {
  const scored = scores.reduce((n, s) => (s.competencyId === competencyId ? n + s.persons : n), 0);
  const sizeOf = (key: string) => courseGroupSize(scores, competencyId, parseCriterion(key)!);
  const kept = new Map<string, number>();
  const fixed = [0, scored];
  for (const key of ['weakest', ...gridThresholds(scaleValues).map((threshold) => criterionKey({ kind: 'below', threshold }))]) {
    const count = sizeOf(key);
    if (![...fixed, ...kept.values()].some((other) => singlesOut(count, other))) kept.set(key, count);
  }
  const released = new Map(releases.filter((r) => r.competencyId === competencyId).map((r) => [r.criterion, sizeOf(r.criterion)]));
  const shown = new Map([...kept].filter(([key, count]) => released.has(key) || ![...released.values()].some((other) => singlesOut(count, other))));
  for (const [key, count] of released) shown.set(key, count);
  return shown;
}

/** Shown counts of some people, then hidden ones, then shown zeros. */
const tier = (persons: number | null): number => (persons === null ? 1 : persons > 0 ? 0 : 2);

/** A ranked competency whose count may be hidden (null). */
export type RestrictedRankedCompetency = Omit<RankedCompetency, 'persons'> & { persons: number | null };

/**
 * The ranking under an offered criterion with each count shown or hidden by the rule above, ordered by what is
 * shown: the shown counts of some people, most first; then the hidden; then the shown zeros; ties to the lower
 * mean (itself from shown cells only), then the methodology's order.
 */
export function restrictedRanking(
  tally: CampaignTally,
  competencyIds: readonly string[],
  criterion: GroupCriterion,
  scaleValues: readonly number[],
  releases: readonly ReleasedGroup[],
): RestrictedRankedCompetency[] {
  const key = criterionKey(criterion);
  const order = new Map(competencyIds.map((id, i) => [id, i]));
  return rankCompetencies(tally, competencyIds, criterion)
    .map((r) => ({ ...r, persons: shownCounts(tally.scores, r.competencyId, scaleValues, releases).get(key) ?? null }))
    .sort((a, b) => tier(a.persons) - tier(b.persons) || (b.persons ?? 0) - (a.persons ?? 0) || (a.mean ?? Infinity) - (b.mean ?? Infinity) || order.get(a.competencyId)! - order.get(b.competencyId)!);
}
