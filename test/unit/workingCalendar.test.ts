import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar, namedHolidays } from '../../server/calendar/kazakhstanCalendar.ts';
import { KNOWN_TRANSFERS } from '../../server/calendar/knownTransfers.ts';
import { transferOverrides } from '../../server/calendar/loadWorkingCalendar.ts';
import { resultsSchedule } from '../../shared/rules/campaignSchedule.ts';
import { addWorkingDays, countWorkingDays, isWeekend, isWorkingDay } from '../../shared/rules/workingDays.ts';

const YEARS = [2024, 2025, 2026];
/** Holidays and the known transfers, as the product uses them when no administrator has changed anything. */
const calendar = kazakhstanCalendar(YEARS, transferOverrides(YEARS));
const holidaysOnly = kazakhstanCalendar(YEARS);

describe('Kazakhstan’s working-day calendar on real dates', () => {
  it('keeps Nauryz (21–23 March) off, and carries the 2025 weekend days of it to Monday and Tuesday', () => {
    for (const d of ['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25']) expect(isWorkingDay(calendar, d), d).toBe(false);
    expect(isWorkingDay(calendar, '2025-03-20')).toBe(true);
    expect(addWorkingDays(calendar, '2025-03-20', 1)).toBe('2025-03-26');
    expect(countWorkingDays(calendar, '2025-03-20', '2025-03-31')).toBe(4);
  });

  it('keeps New Year (1–2 January) and Orthodox Christmas (7 January) off', () => {
    for (const d of ['2026-01-01', '2026-01-02', '2026-01-07']) expect(isWorkingDay(calendar, d), d).toBe(false);
    expect(addWorkingDays(calendar, '2025-12-31', 1)).toBe('2026-01-05');
    expect(countWorkingDays(calendar, '2025-12-31', '2026-01-09')).toBe(4);
  });

  it('moves a holiday that falls on a weekend to the Monday after', () => {
    // 8 March 2025 was a Saturday, Constitution Day (30 August 2025) too.
    expect(isWeekend('2025-03-08')).toBe(true);
    expect(isWorkingDay(calendar, '2025-03-10')).toBe(false);
    expect(addWorkingDays(calendar, '2025-03-07', 1)).toBe('2025-03-11');
    expect(isWorkingDay(calendar, '2025-09-01')).toBe(false);
    expect(addWorkingDays(calendar, '2025-08-29', 1)).toBe('2025-09-02');
    expect(countWorkingDays(calendar, '2025-08-29', '2025-09-05')).toBe(4);
  });

  it('applies the Minister’s transfers that date-holidays does not know', () => {
    // 2025: the day off moved from Sunday 5 January to Friday 3 January.
    expect(isWorkingDay(holidaysOnly, '2025-01-03')).toBe(true);
    expect(isWorkingDay(calendar, '2025-01-03')).toBe(false);
    expect(isWorkingDay(calendar, '2025-01-05')).toBe(true);
    expect(addWorkingDays(holidaysOnly, '2024-12-31', 1)).toBe('2025-01-03');
    expect(addWorkingDays(calendar, '2024-12-31', 1)).toBe('2025-01-05');
    expect(addWorkingDays(calendar, '2024-12-31', 3)).toBe('2025-01-08');
    // 2024: Saturday 4 May worked, Wednesday 8 May off, between the holidays of 7 and 9 May.
    expect(isWorkingDay(calendar, '2024-05-04')).toBe(true);
    expect(addWorkingDays(calendar, '2024-05-06', 1)).toBe('2024-05-10');
    expect(countWorkingDays(calendar, '2024-05-01', '2024-05-10')).toBe(5);
    expect(addWorkingDays(holidaysOnly, '2024-05-06', 1)).toBe('2024-05-08');
  });

  it('lets a later override win over holidays and transfers', () => {
    const corrected = kazakhstanCalendar(YEARS, [...transferOverrides(YEARS), { date: '2025-01-03', kind: 'working' }, { date: '2025-03-10', kind: 'working' }]);
    expect(isWorkingDay(corrected, '2025-01-03')).toBe(true);
    expect(isWorkingDay(corrected, '2025-03-10')).toBe(true);
    expect(addWorkingDays(corrected, '2025-03-07', 1)).toBe('2025-03-10');
  });

  it('lists every known transfer as a weekend day worked for a weekday off, with a source', () => {
    for (const t of KNOWN_TRANSFERS) {
      expect(isWeekend(t.working), t.working).toBe(true);
      expect(isWeekend(t.dayOff), t.dayOff).toBe(false);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.sources.every((s) => s.startsWith('https://'))).toBe(true);
    }
  });

  it('names holidays in the three languages and marks substitute days', () => {
    const y2025 = namedHolidays(2025);
    expect(y2025.find((h) => h.date === '2025-03-21')).toEqual({ date: '2025-03-21', name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' }, substitute: false });
    expect(y2025.find((h) => h.date === '2025-09-01')).toMatchObject({ substitute: true, name: { ru: 'День Конституции' } });
    expect(new Set(y2025.map((h) => h.date)).size).toBe(y2025.length);
  });
});

describe('results are shown within 2 working days after the evaluation (§12)', () => {
  const rules = { resultsWithinWorkingDays: 2 };
  it('counts from the deadline while the campaign is not closed, and says when the deadline is a day off', () => {
    // 10 January 2026 is a Saturday.
    expect(resultsSchedule(calendar, { deadline: '2026-01-10', closedOn: null }, rules)).toEqual({
      deadlineIsWorkingDay: false,
      evaluationEnd: '2026-01-10',
      resultsDueBy: '2026-01-13',
    });
    expect(resultsSchedule(calendar, { deadline: '2025-01-10', closedOn: null }, rules).deadlineIsWorkingDay).toBe(true);
  });

  it('counts from the closing day once closed, across Nauryz', () => {
    expect(resultsSchedule(calendar, { deadline: '2025-04-10', closedOn: '2025-03-20' }, rules).resultsDueBy).toBe('2025-03-27');
  });
});

describe('working-day arithmetic refuses what it cannot finish', () => {
  it('reads only YYYY-MM-DD dates, so the year 10000 is an error rather than a date that never moves', () => {
    expect(() => isWeekend('+010000-01-01')).toThrow(RangeError);
    expect(() => isWeekend('+010000-01')).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '9999-12-31', 2)).toThrow(RangeError);
    expect(() => countWorkingDays(calendar, '9999-12-30', '+010000-01')).toThrow(RangeError);
  });

  it('walks at most ten years of days', () => {
    expect(() => addWorkingDays(calendar, '2025-01-10', 5000)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '2025-01-10', -5000)).toThrow(RangeError);
    expect(() => countWorkingDays(calendar, '2025-01-10', '9999-12-31')).toThrow(RangeError);
    expect(addWorkingDays(calendar, '2025-01-10', 2000)).toMatch(/^203\d-/);
    expect(countWorkingDays(calendar, '2024-12-31', '2025-12-31')).toBeGreaterThan(240);
  });
});
