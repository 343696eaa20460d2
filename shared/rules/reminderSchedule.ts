import { addWorkingDays, type WorkingCalendar } from './workingDays.ts';

/**
 * Automatic reminders go out "N working days before the deadline", for each N HR chose. A point is due on
 * its own day only: a respondent invited after it gets no instant reminder, and a schedule saved late sends
 * no burst of past reminders.
 */
export interface ReminderPoint {
  daysBefore: number;
  date: string;
}

export const MAX_DAYS_BEFORE = 30;
export const MAX_POINTS = 5;
/** Reminders are sent from this hour of the organisation's day, not at midnight. */
export const REMINDER_HOUR = 9;

/** The schedule's days, earliest first (distinct N always fall on distinct working days). */
export function reminderPoints(calendar: WorkingCalendar, deadline: string, daysBefore: readonly number[]): ReminderPoint[] {
  return [...new Set(daysBefore)].sort((a, b) => b - a).map((n) => ({ daysBefore: n, date: addWorkingDays(calendar, deadline, -n) }));
}

/** The point whose day `today` is (an ISO date in the organisation's time zone), or null. */
export function duePoint(points: readonly ReminderPoint[], today: string): ReminderPoint | null {
  return points.find((p) => p.date === today) ?? null;
}

/** The hour (0–23) of an instant in the organisation's time zone. */
export function localHour(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
}
