import type { WorkingCalendar } from '../../shared/rules/workingDays.ts';
import { kazakhstanCalendar } from '../calendar/kazakhstanCalendar.ts';

/** The calendar reminders count working days in: the one place to change when the calendar gains sources. */
export async function workingCalendarFor(years: readonly number[]): Promise<WorkingCalendar> {
  return kazakhstanCalendar(years);
}
