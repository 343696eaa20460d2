import { isAbsence, type Absence } from './absence.ts';

/** What the staff list says about a person that decides how they take part in a campaign (§6–7). */
export interface ParticipationFacts {
  appointedOn: string | null;
  absence: string | null;
  absentFrom: string | null;
  absentUntil: string | null;
}

/** The days, both included, on which the questionnaires of a campaign are answered (ISO dates). */
export interface AnsweringWindow {
  from: string;
  until: string;
}

export type Participation =
  | { kind: 'participates' }
  /** §6–7: evaluated, but gives no self-assessment and is asked about no one. */
  | { kind: 'withoutParticipation'; absence: Absence }
  /** §6: less than a month in the position during the reporting year. */
  | { kind: 'notEvaluated'; reason: 'shortTenure' };

/**
 * A campaign's questionnaires are answered from the day a person is added (or today) to the deadline. A
 * window whose deadline has passed shrinks to the deadline day rather than turning inside out.
 */
export function answeringWindow(today: string, deadline: string): AnsweringWindow {
  return { from: today < deadline ? today : deadline, until: deadline };
}

/** The same day of the next month, or that month's last day (31 January → 28/29 February). */
export function oneMonthAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The absence that keeps a person away during the window, if any: dismissal before the window ends (§7), or
 * leave, sick leave, a business trip or training overlapping it (§6, which speaks of being away at any time
 * "during the evaluation").
 */
export function awayDuring(facts: ParticipationFacts, window: AnsweringWindow): Absence | null {
  if (!facts.absence || !isAbsence(facts.absence)) return null;
  const from = facts.absentFrom ?? '0000-01-01';
  if (facts.absence === 'dismissed') return from <= window.until ? 'dismissed' : null;
  const until = facts.absentUntil ?? '9999-12-31';
  return from <= window.until && until >= window.from ? facts.absence : null;
}

/**
 * §6: the time in the position within the reporting year runs from the appointment (or 1 January) to the
 * end of the year (or the dismissal, the first day out of office); under one month, the person is not evaluated.
 */
export function heldLessThanAMonth(facts: ParticipationFacts, year: number): boolean {
  const yearStart = `${year}-01-01`;
  const start = facts.appointedOn && facts.appointedOn > yearStart ? facts.appointedOn : yearStart;
  let endExclusive = `${year + 1}-01-01`;
  if (facts.absence === 'dismissed' && facts.absentFrom && facts.absentFrom < endExclusive) endExclusive = facts.absentFrom;
  return oneMonthAfter(start) > endExclusive;
}

/** How a person takes part as an evaluated person in the campaign of `year` answered during `window`. */
export function participationOf(facts: ParticipationFacts, year: number, window: AnsweringWindow): Participation {
  if (heldLessThanAMonth(facts, year)) return { kind: 'notEvaluated', reason: 'shortTenure' };
  const absence = awayDuring(facts, window);
  return absence ? { kind: 'withoutParticipation', absence } : { kind: 'participates' };
}
