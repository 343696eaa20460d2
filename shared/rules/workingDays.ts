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

function toDate(iso: string): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
}

/** The ISO date `days` calendar days after `iso` (before, if negative). */
export function shiftDate(iso: string, days: number): string {
  return new Date(toDate(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);
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
  for (let left = Math.abs(n); left > 0; ) {
    date = shiftDate(date, step);
    if (isWorkingDay(calendar, date)) left -= 1;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) if (isWorkingDay(calendar, date)) count += 1;
  return count;
}
