import type { DB } from '../../db/connect.ts';
import * as calendar from '../../db/repositories/calendar.ts';
import type { CampaignRow } from '../../db/schema.ts';
import type { Localized } from '../../shared/methodology/types.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { resultsSchedule, type ResultsSchedule } from '../../shared/rules/campaignSchedule.ts';
import type { DayKind } from '../../shared/rules/calendarOverride.ts';
import { countWorkingDays, isWorkingDay } from '../../shared/rules/workingDays.ts';
import type { CalendarOverrideBody } from '../../shared/schemas/calendar.ts';
import { namedHolidays } from '../calendar/kazakhstanCalendar.ts';
import { KNOWN_TRANSFERS } from '../calendar/knownTransfers.ts';
import { loadWorkingCalendar } from '../calendar/loadWorkingCalendar.ts';
import { ApiError } from '../http/apiError.ts';
import { checkDeadline, methodologyOf } from './campaigns.ts';

/** One fact about a date, with where it comes from; `effective` is false when a later source overrules it. */
export type CalendarEntry = { date: string; kind: DayKind; effective: boolean } & (
  | { origin: 'holiday'; name: Localized; substitute: boolean }
  | { origin: 'transfer'; act: string; sources: readonly string[]; pairedWith: string }
  | { origin: 'override'; override: calendar.OverrideView }
);

export interface CalendarYear {
  year: number;
  entries: CalendarEntry[];
  /** The year's effective calendar, for the client's own working-day arithmetic. */
  daysOff: string[];
  workingWeekends: string[];
  workingDays: number;
}

export async function calendarYear(db: DB, year: number): Promise<CalendarYear> {
  const working = await loadWorkingCalendar(db, [year]);
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const facts: Array<Omit<CalendarEntry, 'effective'>> = [
    ...namedHolidays(year).map((h) => ({ origin: 'holiday' as const, kind: 'dayOff' as const, ...h })),
    ...KNOWN_TRANSFERS.flatMap((t) => [
      { origin: 'transfer' as const, date: t.working, kind: 'working' as const, act: t.act, sources: t.sources, pairedWith: t.dayOff },
      { origin: 'transfer' as const, date: t.dayOff, kind: 'dayOff' as const, act: t.act, sources: t.sources, pairedWith: t.working },
    ]).filter((e) => inYear(e.date)),
    ...(await calendar.listOverrides(db, `${year}-01-01`, `${year}-12-31`)).map((o) => ({ origin: 'override' as const, date: o.date, kind: o.kind, override: o })),
  ];
  const entries = facts
    .map((f) => ({ ...f, effective: isWorkingDay(working, f.date) === (f.kind === 'working') }) as CalendarEntry)
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    year,
    entries,
    daysOff: [...working.daysOff].filter(inYear).sort(),
    workingWeekends: [...working.workingWeekends].filter(inYear).sort(),
    workingDays: countWorkingDays(working, `${year - 1}-12-31`, `${year}-12-31`),
  };
}

/** An override must change the day: a day off that is already off (or a working day already working) is refused. */
export async function addOverride(db: DB, body: CalendarOverrideBody, userId: string): Promise<string> {
  if (await calendar.findOverrideByDate(db, body.date)) throw new ApiError(409, 'calendar.duplicate', { date: body.date });
  const working = isWorkingDay(await loadWorkingCalendar(db, [Number(body.date.slice(0, 4))]), body.date);
  if (body.kind === 'dayOff' && !working) throw new ApiError(422, 'calendar.alreadyDayOff', { date: body.date });
  if (body.kind === 'working' && working) throw new ApiError(422, 'calendar.alreadyWorking', { date: body.date });
  return calendar.insertOverride(db, { ...body, createdBy: userId });
}

export async function removeOverride(db: DB, id: string): Promise<void> {
  if (!(await calendar.deleteOverride(db, id))) throw new ApiError(404, 'calendar.notFound');
}

/** §12 for one campaign: whether its deadline is a working day, and when results are due. */
export async function campaignSchedule(db: DB, campaign: CampaignRow, timeZone: string): Promise<ResultsSchedule> {
  // A deadline stored before its range was enforced would send the count past the calendar's years.
  checkDeadline(campaign.year, campaign.deadline);
  const closedOn = campaign.closed_at ? localDate(new Date(campaign.closed_at), timeZone) : null;
  const end = closedOn ?? campaign.deadline;
  // Two working days fit in the next year's first weeks at the latest.
  const years = [...new Set([Number(campaign.deadline.slice(0, 4)), Number(end.slice(0, 4)), Number(end.slice(0, 4)) + 1])];
  const working = await loadWorkingCalendar(db, years);
  return resultsSchedule(working, { deadline: campaign.deadline, closedOn }, methodologyOf(campaign.methodology_id).rules);
}
