import { describe, expect, it } from 'vitest';
import { selfGaps } from '../../shared/scoring/selfGaps.ts';

describe('blind spots and hidden strengths', () => {
  const competencies = [
    { id: 'a', score: 3.33, self: 4.33 }, // +1.00: exactly the threshold → blind spot
    { id: 'b', score: 2.5, self: 5 }, //     +2.50 → blind spot, the larger one first
    { id: 'c', score: 4.67, self: 3 }, //    −1.67 → hidden strength
    { id: 'd', score: 3.5, self: 2.67 }, //  −0.83: under the threshold
    { id: 'e', score: 4, self: 4.99 }, //    +0.99: under the threshold
    { id: 'f', score: 2, self: null }, //    no self-assessment
  ];

  it('sorts gaps of at least the threshold either way, largest first, and states the threshold', () => {
    expect(selfGaps(competencies, 1)).toEqual({
      threshold: 1,
      blindSpots: [
        { id: 'b', self: 5, others: 2.5, gap: 2.5 },
        { id: 'a', self: 4.33, others: 3.33, gap: 1 },
      ],
      hiddenStrengths: [{ id: 'c', self: 3, others: 4.67, gap: -1.67 }],
    });
  });

  it('follows the threshold it is given', () => {
    const half = selfGaps(competencies, 0.5);
    expect(half.blindSpots.map((g) => g.id)).toEqual(['b', 'a', 'e']);
    expect(half.hiddenStrengths.map((g) => g.id)).toEqual(['c', 'd']);
  });

  it('finds nothing without a self-assessment', () => {
    expect(selfGaps([{ id: 'a', score: 1, self: null }], 1)).toEqual({ threshold: 1, blindSpots: [], hiddenStrengths: [] });
  });
});
