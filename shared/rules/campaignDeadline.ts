import type { Rules360 } from '../methodology/types.ts';

/** §5, §34: the 360 evaluation of a reporting year is due by the given day of the following January. */
export function defaultDeadline(reportingYear: number, rules: Pick<Rules360, 'deadlineDayOfNextMonth'>): string {
  const day = String(rules.deadlineDayOfNextMonth).padStart(2, '0');
  return `${reportingYear + 1}-01-${day}`;
}

export type DeadlineProblem = { code: 'campaign.deadlineBeforeYear' | 'campaign.deadlineTooLate'; year: number };

/**
 * A deadline lies between 1 January of the reporting year and 31 December of the next: §5 puts it in the
 * following January, and a later date is a typing error that no schedule should have to count towards.
 */
export function deadlineProblem(reportingYear: number, deadline: string): DeadlineProblem | null {
  if (deadline < `${reportingYear}-01-01`) return { code: 'campaign.deadlineBeforeYear', year: reportingYear };
  if (deadline > `${reportingYear + 1}-12-31`) return { code: 'campaign.deadlineTooLate', year: reportingYear + 1 };
  return null;
}

// Making a formatter costs far more than using one, and every respondent's submission asks for today's date:
// one per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the organisation's time zone. */
export function localDate(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** A deadline day is still open until its end in the organisation's time zone. */
export function isPastDeadline(deadline: string, now: Date, timeZone: string): boolean {
  return localDate(now, timeZone) > deadline;
}
