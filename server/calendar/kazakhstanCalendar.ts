import Holidays from 'date-holidays';
import type { WorkingCalendar } from '../../shared/rules/workingDays.ts';

const holidays = new Holidays('KZ');

/**
 * Kazakhstan's public holidays and their substitute days (Labour Code art. 84–85) for the given years, as
 * `date-holidays` knows them. Government transfers of days off are not in it; they come from the calendar
 * the administrator keeps (see calendarOverrides).
 */
export function publicHolidays(years: readonly number[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const year of years) {
    for (const h of holidays.getHolidays(year)) {
      if (h.type === 'public') out.set(h.date.slice(0, 10), h.name);
    }
  }
  return out;
}

export interface CalendarOverride {
  date: string;
  /** `dayOff`: a weekday made a day off; `working`: a weekend day made a working day. */
  kind: 'dayOff' | 'working';
}

export function kazakhstanCalendar(years: readonly number[], overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const daysOff = new Set(publicHolidays(years).keys());
  const workingWeekends = new Set<string>();
  for (const o of overrides) {
    if (o.kind === 'dayOff') {
      daysOff.add(o.date);
      workingWeekends.delete(o.date);
    } else {
      workingWeekends.add(o.date);
      daysOff.delete(o.date);
    }
  }
  return { daysOff, workingWeekends };
}
