import { describe, expect, it } from 'vitest';
import { isPastRetention, keptUntil, retentionStart } from '../../shared/rules/retention.ts';

const rules = { retentionYears: 3 };

describe('retention of evaluation records (§15)', () => {
  it('starts at the closing day, or at the deadline when that is later', () => {
    expect(retentionStart({ deadline: '2026-01-10', closedOn: '2026-01-11' })).toBe('2026-01-11');
    expect(retentionStart({ deadline: '2026-01-10', closedOn: '2025-12-20' })).toBe('2026-01-10');
  });

  it('keeps the records three years, through the last day', () => {
    const dates = { deadline: '2026-01-10', closedOn: '2026-01-11' };
    expect(keptUntil(dates, rules)).toBe('2029-01-11');
    expect(isPastRetention(dates, '2029-01-11', rules)).toBe(false);
    expect(isPastRetention(dates, '2029-01-12', rules)).toBe(true);
  });

  it('moves 29 February to 1 March rather than removing a day early', () => {
    expect(keptUntil({ deadline: '2028-02-29', closedOn: '2028-02-29' }, rules)).toBe('2031-03-01');
  });
});
