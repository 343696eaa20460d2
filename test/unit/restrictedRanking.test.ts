import { describe, expect, it } from 'vitest';
import { criterionKey, type GroupCriterion } from '../../shared/training/criterion.ts';
import { gridThresholds, offeredThresholds, offersCriterion, restrictedRanking, shownCounts, type ReleasedGroup } from '../../shared/training/restrictedRanking.ts';
import { campaignTally, rankCompetencies, type CampaignTally, type PersonResult } from '../../shared/training/trainingNeeds.ts';

/**
 * shared/training/restrictedRanking.ts: a trainer or an HR officer without the report grant could ask the
 * count of people under every threshold from 1.01 to 5.00; consecutive differences give how many people have
 * each exact score, and with a released course group (names shown) each member's own score.
 */

const SCALE = [1, 2, 3, 4, 5];

function tallyOf(people: ReadonlyArray<{ unitName?: string; scores: Record<string, number>; weakest?: string[] }>): CampaignTally {
  const tally = campaignTally();
  for (const p of people) tally.add({ unitName: p.unitName ?? 'U', scores: p.scores, weakest: p.weakest ?? [] } satisfies PersonResult);
  return tally.result();
}

const below = (hundredths: number): GroupCriterion => ({ kind: 'below', threshold: hundredths / 100 });

/** What one competency's counts tell, as numbers the attacker holds: criterion key → count (null: hidden or refused). */
type Answers = Map<string, number | null>;

/** The attacker: `weakest`, then every two-decimal threshold from 1.01 to 5.00, each as a request of its own. */
function attack(ask: (criterion: GroupCriterion) => number | null | 'refused'): Answers {
  const answers: Answers = new Map();
  for (const criterion of [{ kind: 'weakest' } as GroupCriterion, ...Array.from({ length: 400 }, (_, i) => below(101 + i))]) {
    const answer = ask(criterion);
    if (answer !== 'refused') answers.set(criterionKey(criterion), answer);
  }
  return answers;
}

const restrictedAsk = (tally: CampaignTally, competencyId: string, releases: ReleasedGroup[]) => (criterion: GroupCriterion) =>
  offersCriterion(criterion, offeredThresholds(SCALE, releases))
    ? restrictedRanking(tally, [competencyId], criterion, SCALE, releases)[0]!.persons
    : 'refused';
const oldAsk = (tally: CampaignTally, competencyId: string) => (criterion: GroupCriterion) => rankCompetencies(tally, [competencyId], criterion)[0]!.persons;

/** Consecutive differences of the threshold counts: how many people scored in each band, as far as they tell. */
function bands(answers: Answers, scored: number): Array<{ from: number; to: number; persons: number }> {
  const known = [...answers].filter(([key, n]) => key !== 'weakest' && n !== null).map(([key, n]) => ({ at: Number(key.slice(6)), n: n! }));
  const points = [{ at: 1, n: 0 }, ...known, { at: Infinity, n: scored }];
  return points.slice(1).map((p, i) => ({ from: points[i]!.at, to: p.at, persons: p.n - points[i]!.n }));
}

/**
 * Pairs of numbers the viewer holds for a competency that differ by one or two people, leaving out pairs of
 * numbers shown in any case (0, the number assessed, the released groups' counts): HR's release made those known.
 */
function singlingPairs(answers: Answers, scored: number, releases: ReleasedGroup[], competencyId: string): Array<[string, string]> {
  const released = new Set(releases.filter((r) => r.competencyId === competencyId).map((r) => r.criterion));
  const held: Array<[string, number, boolean]> = [['nobody', 0, true], ['scored', scored, true]];
  for (const [key, n] of answers) if (n !== null) held.push([key, n, released.has(key)]);
  const pairs: Array<[string, string]> = [];
  for (const [i, [a, x, fixedA]] of held.entries()) {
    for (const [b, y, fixedB] of held.slice(i + 1)) if (!(fixedA && fixedB) && x !== y && Math.abs(x - y) < 3) pairs.push([a, b]);
  }
  return pairs;
}

/** Nine people, 2.13 to 5.00 in competency `a`, the three lowest having it among their weakest. */
const SCORES = [2.13, 2.5, 2.87, 3.24, 3.61, 3.98, 4.35, 4.72, 5];
const small = tallyOf(SCORES.map((score, i) => ({ scores: { a: score }, weakest: i < 3 ? ['a'] : [] })));

describe('the differencing attack on the ranking', () => {
  it('recovered every score under the old rule, and under a release each named member’s own', () => {
    const answers = attack(oldAsk(small, 'a'));
    expect(answers.size).toBe(401);
    const recovered = bands(answers, 9).filter((b) => b.persons > 0);
    // Each band is one person: the threshold where the count steps up is one hundredth above their score.
    // Each step is one person, whose score is the threshold just under the step.
    expect(recovered.map((b) => [b.from, b.persons])).toEqual(SCORES.map((score) => [score, 1]));
    expect(singlingPairs(answers, 9, [], 'a').length).toBeGreaterThan(100);
  });

  it('now gets the grid only, and no two numbers of one or two people apart, with or without a released group', () => {
    for (const releases of [[], [{ competencyId: 'a', criterion: 'below:3.00' }], [{ competencyId: 'a', criterion: 'weakest' }]]) {
      const answers = attack(restrictedAsk(small, 'a', releases));
      expect([...answers.keys()]).toEqual(['weakest', ...gridThresholds(SCALE).map((t) => criterionKey({ kind: 'below', threshold: t }))]);
      expect(Object.fromEntries(answers)).toEqual({
        weakest: 3,
        'below:1.50': 0,
        'below:2.00': 0,
        'below:2.50': null, // 1: the 2.13
        'below:3.00': 3,
        'below:3.50': null, // 4: one more than 3
        'below:4.00': 6,
        'below:4.50': null, // 7
        'below:5.00': null, // 8: one less than the 9 assessed
      });
      expect(singlingPairs(answers, 9, releases, 'a')).toEqual([]);
      expect(bands(answers, 9).map((b) => b.persons)).toEqual([0, 0, 3, 3, 3]);
    }
  });

  it('offers a released group’s own threshold, and hides what lies within two of its count', () => {
    const releases = [{ competencyId: 'a', criterion: 'below:2.51' }];
    expect(offeredThresholds(SCALE, releases)).toEqual([1.5, 2, 2.5, 2.51, 3, 3.5, 4, 4.5, 5]);
    const answers = attack(restrictedAsk(small, 'a', releases));
    expect(answers.get('below:2.51')).toBe(2);
    // 0 and 3 (weakest, under 3.00) are each within two of the 2 named: hidden, or they would place the named two.
    expect(answers.get('below:3.00')).toBeNull();
    expect(answers.get('weakest')).toBeNull();
    expect(answers.get('below:2.00')).toBeNull();
    expect(answers.get('below:4.00')).toBe(6);
    // The pair (0, 2) remains: that is the release itself, a group of two named people.
    expect(singlingPairs(answers, 9, releases, 'a')).toEqual([]);
  });
});

/** A seeded generator: the same campaigns on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the rule over many small campaigns', () => {
  const next = random(37);
  const campaigns = Array.from({ length: 400 }, () => {
    const persons = 1 + Math.floor(next() * 20);
    const people = Array.from({ length: persons }, () => {
      const score = Math.round((1 + next() * 4) * 100) / 100;
      return { scores: { a: score, b: Math.round((1 + next() * 4) * 100) / 100 }, weakest: next() < 0.4 ? ['a'] : ['b'] };
    });
    const criteria = ['weakest', 'below:2.00', 'below:3.00', `below:${(1.01 + Math.floor(next() * 399) / 100).toFixed(2)}`, `below:${(1.01 + Math.floor(next() * 399) / 100).toFixed(2)}`];
    const releases = criteria.filter(() => next() < 0.3).map((criterion) => ({ competencyId: next() < 0.8 ? 'a' : 'b', criterion }));
    return { tally: tallyOf(people), persons, releases };
  });

  it('never leaves two numbers one or two people apart, except those shown in any case', () => {
    let oldSinglingOut = 0;
    for (const { tally, persons, releases } of campaigns) {
      expect(singlingPairs(attack(restrictedAsk(tally, 'a', releases)), persons, releases, 'a')).toEqual([]);
      if (singlingPairs(attack(oldAsk(tally, 'a')), persons, [], 'a').length > 0) oldSinglingOut += 1;
    }
    // The old rule let nearly every one of them be differenced down to one or two people.
    expect(oldSinglingOut).toBeGreaterThan(390);
  });

  it('shows the same counts whichever criterion is asked, and a release only ever hides more', () => {
    for (const { tally, releases } of campaigns) {
      const shown = shownCounts(tally.scores, 'a', SCALE, releases);
      for (const threshold of offeredThresholds(SCALE, releases)) {
        const key = criterionKey({ kind: 'below', threshold });
        expect(restrictedRanking(tally, ['a', 'b'], { kind: 'below', threshold }, SCALE, releases).find((r) => r.competencyId === 'a')!.persons).toBe(shown.get(key) ?? null);
      }
      const withoutReleases = shownCounts(tally.scores, 'a', SCALE, []);
      const releasedKeys = new Set(releases.filter((r) => r.competencyId === 'a').map((r) => r.criterion));
      for (const [key, count] of shown) if (!releasedKeys.has(key)) expect(withoutReleases.get(key)).toBe(count);
    }
  });
});

describe('the ranking’s order', () => {
  it('comes from what is shown: two campaigns differing only in a hidden count rank alike', () => {
    // Six assessed; `a` under 2.50: four people or five, hidden either way (within two of the six), beside `b`
    // with 3 and `c` with 0. Ranked by the hidden count, `a` would come first and say it is more than 3.
    const campaign = (underInA: number) =>
      tallyOf(Array.from({ length: 6 }, (_, i) => ({ scores: { a: i < underInA ? 2 : 4, b: i < 3 ? 2 : 4, c: 4 } })));
    const ranking = (underInA: number) => restrictedRanking(campaign(underInA), ['a', 'b', 'c'], below(250), SCALE, []);
    expect(ranking(4).map((r) => [r.competencyId, r.persons])).toEqual([['b', 3], ['a', null], ['c', 0]]);
    expect(ranking(5).map((r) => [r.competencyId, r.persons])).toEqual(ranking(4).map((r) => [r.competencyId, r.persons]));
    expect(rankCompetencies(campaign(5), ['a', 'b', 'c'], below(250)).map((r) => [r.competencyId, r.persons])).toEqual([['a', 5], ['b', 3], ['c', 0]]);
    // The assessed and the means (of the heatmap's shown cells) are the exact ranking's.
    expect(ranking(4).map(({ scored, mean }) => ({ scored, mean }))).toEqual([{ scored: 6, mean: 3 }, { scored: 6, mean: 2.67 }, { scored: 6, mean: 4 }]);
  });

  it('hides everything of a competency assessed in one or two people, even a zero', () => {
    const two = tallyOf([{ scores: { a: 2 } }, { scores: { a: 4 } }]);
    expect([...shownCounts(two.scores, 'a', SCALE, [])]).toEqual([]);
  });
});

describe('the thresholds offered', () => {
  it('are every half point above the floor up to the top, and the released groups’ own', () => {
    expect(gridThresholds(SCALE)).toEqual([1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(offeredThresholds(SCALE, [{ competencyId: 'a', criterion: 'below:2.13' }, { competencyId: 'b', criterion: 'weakest' }, { competencyId: 'b', criterion: 'below:3.00' }])).toEqual([1.5, 2, 2.13, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(offersCriterion({ kind: 'weakest' }, [])).toBe(true);
    expect(offersCriterion(below(212), gridThresholds(SCALE))).toBe(false);
  });
});
