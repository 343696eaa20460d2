import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../server/calendar/kazakhstanCalendar.ts';
import { duePoint, localHour, reminderPoints } from '../../shared/rules/reminderSchedule.ts';

const calendar = kazakhstanCalendar([2025, 2026]);

describe('reminder schedule', () => {
  it('counts working days back from the deadline over the New Year and Christmas holidays', () => {
    // Deadline Saturday 10 January 2026. Working days before it: Fri 9, Thu 8, (Wed 7 Orthodox Christmas),
    // Tue 6, Mon 5, (weekend, 1–2 January New Year), Wed 31 December.
    expect(reminderPoints(calendar, '2026-01-10', [1, 5, 3, 3])).toEqual([
      { daysBefore: 5, date: '2025-12-31' },
      { daysBefore: 3, date: '2026-01-06' },
      { daysBefore: 1, date: '2026-01-09' },
    ]);
  });

  it('skips Nauryz and its substitute days', () => {
    // 21–22 March 2026 fall on a weekend, so Monday 23 and Tuesday 24 are days off as well.
    expect(reminderPoints(calendar, '2026-03-25', [1, 2])).toEqual([
      { daysBefore: 2, date: '2026-03-19' },
      { daysBefore: 1, date: '2026-03-20' },
    ]);
  });

  it('makes a point due on its own day only', () => {
    const points = reminderPoints(calendar, '2026-01-10', [5, 1]);
    expect(duePoint(points, '2025-12-30')).toBeNull();
    expect(duePoint(points, '2025-12-31')).toEqual({ daysBefore: 5, date: '2025-12-31' });
    expect(duePoint(points, '2026-01-05')).toBeNull();
    expect(duePoint(points, '2026-01-09')).toEqual({ daysBefore: 1, date: '2026-01-09' });
    expect(duePoint(points, '2026-01-10')).toBeNull();
    expect(duePoint([], '2026-01-09')).toBeNull();
  });

  it('reads the hour in the organisation’s time zone', () => {
    expect(localHour(new Date('2026-01-06T04:00:00Z'), 'Asia/Almaty')).toBe(9);
    expect(localHour(new Date('2026-01-06T04:00:00Z'), 'UTC')).toBe(4);
  });
});
