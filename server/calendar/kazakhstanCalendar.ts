import Holidays from 'date-holidays';
import type { CalendarOverride } from '../../shared/rules/calendarOverride.ts';
import type { WorkingCalendar } from '../../shared/rules/workingDays.ts';
import { LOCALES, type Localized } from '../../shared/methodology/types.ts';

const holidays = new Holidays('KZ');

/**
 * Kazakhstan's public holidays and their substitute days (Labour Code art. 84–85) for the given years, as
 * `date-holidays` knows them. Transfers of days off are not in it; they come from the known transfers
 * (knownTransfers.ts) and the administrator's overrides.
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

export interface NamedHoliday {
  date: string;
  name: Localized;
  /** A day off that replaces a holiday falling on a weekend. */
  substitute: boolean;
}

/** The year's public holidays with their names in every UI language, one entry per date. */
export function namedHolidays(year: number): NamedHoliday[] {
  const byDate = new Map<string, NamedHoliday>();
  for (const locale of LOCALES) {
    for (const h of holidays.getHolidays(year, locale)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      const substitute = Boolean(h.substitute);
      // The library appends an English "(substitute day)" in every language; the UI says it in its own.
      const name = h.name.replace(/\s*\(substitute day\)$/, '');
      const entry = byDate.get(date) ?? { date, name: { kk: '', ru: '', en: '' }, substitute };
      entry.name[locale] ||= name;
      // A date that is both a holiday and a substitute day (23 March 2026) counts as the holiday.
      entry.substitute &&= substitute;
      byDate.set(date, entry);
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
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
