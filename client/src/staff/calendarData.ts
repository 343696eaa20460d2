import type { CalendarYear } from '../../../server/services/calendar.ts';
import type { WorkingCalendar } from '../../../shared/rules/workingDays.ts';
import { api } from '../common/api.ts';

export type { CalendarYear };

export const fetchCalendarYear = (year: number) => api<CalendarYear>('GET', `/calendar/${year}`);

/** The effective working-day calendar of several years, for the shared working-day rules. */
export async function fetchWorkingCalendar(years: readonly number[]): Promise<WorkingCalendar> {
  const parts = await Promise.all(years.map(fetchCalendarYear));
  return { daysOff: new Set(parts.flatMap((p) => p.daysOff)), workingWeekends: new Set(parts.flatMap((p) => p.workingWeekends)) };
}
