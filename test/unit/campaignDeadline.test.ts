import { describe, expect, it } from 'vitest';
import { deadlineProblem, defaultDeadline, isPastDeadline, localDate } from '../../shared/rules/campaignDeadline.ts';

describe('campaign deadline (§5, §34)', () => {
  it('defaults to the 10th day of the month after the reporting year', () => {
    expect(defaultDeadline(2025, { deadlineDayOfNextMonth: 10 })).toBe('2026-01-10');
    expect(defaultDeadline(2026, { deadlineDayOfNextMonth: 5 })).toBe('2027-01-05');
  });

  it('keeps the deadline day open until its end in the organisation’s time zone (UTC+5 in Almaty)', () => {
    // 18:59 UTC on 10 January is 23:59 in Almaty: still open. 19:00 UTC is midnight: closed.
    expect(isPastDeadline('2026-01-10', new Date('2026-01-10T18:59:00Z'), 'Asia/Almaty')).toBe(false);
    expect(isPastDeadline('2026-01-10', new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty')).toBe(true);
    expect(isPastDeadline('2026-01-10', new Date('2026-01-10T19:00:00Z'), 'UTC')).toBe(false);
  });

  it('reads the local calendar date', () => {
    expect(localDate(new Date('2025-12-31T20:00:00Z'), 'Asia/Almaty')).toBe('2026-01-01');
  });
});

describe('the range a deadline must lie in', () => {
  it('runs from 1 January of the reporting year to 31 December of the next', () => {
    expect(deadlineProblem(2025, '2025-01-01')).toBeNull();
    expect(deadlineProblem(2025, '2026-12-31')).toBeNull();
    expect(deadlineProblem(2025, '2024-12-31')).toEqual({ code: 'campaign.deadlineBeforeYear', year: 2025 });
    expect(deadlineProblem(2025, '2027-01-01')).toEqual({ code: 'campaign.deadlineTooLate', year: 2026 });
    expect(deadlineProblem(2025, '9999-12-31')).toEqual({ code: 'campaign.deadlineTooLate', year: 2026 });
  });
});
