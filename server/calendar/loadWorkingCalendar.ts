import type { DB } from '../../db/connect.ts';
import { listOverrides } from '../../db/repositories/calendar.ts';
import type { CalendarOverride } from '../../shared/rules/calendarOverride.ts';
import type { WorkingCalendar } from '../../shared/rules/workingDays.ts';
import { kazakhstanCalendar } from './kazakhstanCalendar.ts';
import { KNOWN_TRANSFERS } from './knownTransfers.ts';

/** The known transfers of the given years, as overrides. */
export function transferOverrides(years: readonly number[]): CalendarOverride[] {
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  return KNOWN_TRANSFERS.flatMap((t) => [
    ...(inYears(t.working) ? [{ date: t.working, kind: 'working' as const }] : []),
    ...(inYears(t.dayOff) ? [{ date: t.dayOff, kind: 'dayOff' as const }] : []),
  ]);
}

/** Public holidays, then the known transfers, then the administrator's overrides, which win over both. */
export async function loadWorkingCalendar(db: DB, years: readonly number[]): Promise<WorkingCalendar> {
  const overrides = [];
  for (const year of years) overrides.push(...(await listOverrides(db, `${year}-01-01`, `${year}-12-31`)));
  return kazakhstanCalendar(years, [...transferOverrides(years), ...overrides]);
}
