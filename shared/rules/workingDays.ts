/**
 * Working days as the methodology counts them ("N жұмыс күні"): Monday to Friday, less public holidays and
 * the days off the Government moves, plus the weekend days it turns into working days. Dates are ISO
 * `YYYY-MM-DD` strings: a deadline is a calendar day in the organisation's time zone, not an instant.
 */
export interface WorkingCalendar {
  /** Days off that fall Monday–Friday: holidays, their substitute days, transferred days off. */
  readonly daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays that a transfer made working days. */
  readonly workingWeekends: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
/**
 * The farthest these functions walk, in calendar days: ten years is beyond any schedule the methodology sets,
 * and the bound keeps one request with an absurd date from holding the server.
 */
export const MAX_SPAN_DAYS = 3660;

function toDate(iso: string): Date {
  // Only four-digit years: `Date` also reads "+010000-01", which would pass the round trip below.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
}

/** The ISO date `days` calendar days after `iso` (before, if negative); a RangeError past the year 9999. */
export function shiftDate(iso: string, days: number): string {
  const shifted = new Date(toDate(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);
  toDate(shifted);
  return shifted;
}

export function isWeekend(iso: string): boolean {
  const day = toDate(iso).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(calendar: WorkingCalendar, iso: string): boolean {
  if (calendar.workingWeekends.has(iso)) return true;
  return !isWeekend(iso) && !calendar.daysOff.has(iso);
}

/**
 * The `n`-th working day after `iso` (n > 0), or before it (n < 0); `iso` itself is not counted.
 * "Within 5 working days of the 3rd" ends on addWorkingDays(cal, '…-03', 5).
 */
export function addWorkingDays(calendar: WorkingCalendar, iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let date = iso;
  for (let left = Math.abs(n), walked = 0; left > 0; walked += 1) {
    if (walked >= MAX_SPAN_DAYS) throw new RangeError(`More than ${MAX_SPAN_DAYS} days from ${iso}`);
    date = shiftDate(date, step);
    if (isWorkingDay(calendar, date)) left -= 1;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  toDate(to);
  if (to > shiftDate(from, MAX_SPAN_DAYS)) throw new RangeError(`More than ${MAX_SPAN_DAYS} days from ${from} to ${to}`);
  let count = 0;
  for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) if (isWorkingDay(calendar, date)) count += 1;
  return count;
}
