import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLongDate, weekdayName } from '../../shared/i18n/dates.ts';

describe('dates as each language writes them', () => {
  it('spells the month in Kazakh, Russian and English', () => {
    expect(formatLongDate('kk', '2027-01-10')).toBe('2027 жылғы 10 қаңтар');
    expect(formatLongDate('ru', '2027-01-10')).toBe('10 января 2027 г.');
    expect(formatLongDate('en', '2026-12-16')).toBe('16 December 2026');
    expect(formatLongDate('kk', '2026-03-21')).toBe('2026 жылғы 21 наурыз');
  });

  it('names the day of the week', () => {
    expect(weekdayName('kk', '2024-05-04')).toBe('сенбі');
    expect(weekdayName('ru', '2025-01-03')).toBe('пятница');
    expect(weekdayName('en', '2026-03-23')).toBe('Monday');
    expect(weekdayName('kk', '2026-03-22')).toBe('жексенбі');
  });

  it('writes an instant as day.month.year and time', () => {
    expect(formatDateTime(new Date(2026, 10, 5, 7, 3, 9))).toBe('05.11.2026 07:03:09');
  });
});
