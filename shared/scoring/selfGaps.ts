import { round2 } from './round.ts';

export interface SelfGap {
  id: string;
  self: number;
  others: number;
  /** Self-assessment less the respondents' mean, two decimals. */
  gap: number;
}

export interface SelfGaps {
  threshold: number;
  /** The person rates themselves at least `threshold` above the respondents: largest gap first. */
  blindSpots: SelfGap[];
  /** The person rates themselves at least `threshold` below the respondents: largest gap first. */
  hiddenStrengths: SelfGap[];
}

/** Where the self-assessment and the respondents' mean differ by the methodology's threshold or more. */
export function selfGaps(competencies: ReadonlyArray<{ id: string; score: number; self: number | null }>, threshold: number): SelfGaps {
  const gaps = competencies
    .filter((c): c is { id: string; score: number; self: number } => c.self !== null)
    .map((c) => ({ id: c.id, self: c.self, others: c.score, gap: round2(c.self - c.score) }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
  return {
    threshold,
    blindSpots: gaps.filter((g) => g.gap >= threshold),
    hiddenStrengths: gaps.filter((g) => g.gap <= -threshold),
  };
}
