import { describe, expect, it } from 'vitest';
import { answeringWindow, awayDuring, heldLessThanAMonth, oneMonthAfter, participationOf, type ParticipationFacts } from '../../shared/rules/participation.ts';

const present: ParticipationFacts = { appointedOn: '2019-03-01', absence: null, absentFrom: null, absentUntil: null };
const facts = (over: Partial<ParticipationFacts>): ParticipationFacts => ({ ...present, ...over });
// The 2025 campaign, prepared on 15 December 2025, due 10 January 2026.
const window = answeringWindow('2025-12-15', '2026-01-10');

describe('one month after a date', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(oneMonthAfter('2025-11-30')).toBe('2025-12-30');
    expect(oneMonthAfter('2025-12-01')).toBe('2026-01-01');
    expect(oneMonthAfter('2025-01-31')).toBe('2025-02-28');
    expect(oneMonthAfter('2024-01-31')).toBe('2024-02-29');
  });
});

describe('§6: less than a month in the position during the reporting year', () => {
  it('is decided by the appointment date against the end of the year', () => {
    expect(heldLessThanAMonth(facts({ appointedOn: '2025-12-01' }), 2025)).toBe(false);
    expect(heldLessThanAMonth(facts({ appointedOn: '2025-12-02' }), 2025)).toBe(true);
    expect(heldLessThanAMonth(facts({ appointedOn: '2025-12-20' }), 2025)).toBe(true);
    expect(heldLessThanAMonth(facts({ appointedOn: '2026-01-05' }), 2025)).toBe(true);
    expect(heldLessThanAMonth(facts({ appointedOn: '2025-11-15' }), 2025)).toBe(false);
    expect(heldLessThanAMonth(facts({ appointedOn: null }), 2025)).toBe(false);
  });

  it('counts a dismissal early in the year as less than a month, and a later one not', () => {
    expect(heldLessThanAMonth(facts({ absence: 'dismissed', absentFrom: '2025-01-20' }), 2025)).toBe(true);
    expect(heldLessThanAMonth(facts({ absence: 'dismissed', absentFrom: '2025-02-01' }), 2025)).toBe(false);
    expect(heldLessThanAMonth(facts({ absence: 'dismissed', absentFrom: '2024-09-01' }), 2025)).toBe(true);
  });
});

describe('participation in a campaign', () => {
  it('the window runs from today to the deadline, and never inside out', () => {
    expect(window).toEqual({ from: '2025-12-15', until: '2026-01-10' });
    expect(answeringWindow('2026-02-01', '2026-01-10')).toEqual({ from: '2026-01-10', until: '2026-01-10' });
  });

  it('evaluates without participation anyone away during the window (§6)', () => {
    expect(participationOf(facts({ absence: 'leave', absentFrom: '2025-12-22', absentUntil: '2026-01-19' }), 2025, window)).toEqual({ kind: 'withoutParticipation', absence: 'leave' });
    expect(participationOf(facts({ absence: 'sickLeave', absentFrom: '2025-12-01', absentUntil: '2025-12-15' }), 2025, window)).toEqual({ kind: 'withoutParticipation', absence: 'sickLeave' });
    expect(participationOf(facts({ absence: 'businessTrip', absentFrom: '2026-01-10', absentUntil: null }), 2025, window)).toEqual({ kind: 'withoutParticipation', absence: 'businessTrip' });
    expect(participationOf(facts({ absence: 'training', absentFrom: '2025-11-03', absentUntil: '2025-12-14' }), 2025, window)).toEqual({ kind: 'participates' });
    expect(participationOf(facts({ absence: 'leave', absentFrom: '2026-01-11', absentUntil: '2026-02-01' }), 2025, window)).toEqual({ kind: 'participates' });
  });

  it('evaluates the dismissed without participation (§7), unless the dismissal comes after the deadline', () => {
    expect(participationOf(facts({ absence: 'dismissed', absentFrom: '2025-06-30' }), 2025, window)).toEqual({ kind: 'withoutParticipation', absence: 'dismissed' });
    expect(participationOf(facts({ absence: 'dismissed', absentFrom: '2026-01-05' }), 2025, window)).toEqual({ kind: 'withoutParticipation', absence: 'dismissed' });
    expect(participationOf(facts({ absence: 'dismissed', absentFrom: '2026-03-01' }), 2025, window)).toEqual({ kind: 'participates' });
    expect(awayDuring(facts({ absence: 'dismissed', absentFrom: '2026-01-11' }), window)).toBeNull();
  });

  it('does not evaluate a newcomer, whatever their absences', () => {
    expect(participationOf(facts({ appointedOn: '2025-12-10', absence: 'leave', absentFrom: '2025-12-20', absentUntil: '2025-12-30' }), 2025, window)).toEqual({ kind: 'notEvaluated', reason: 'shortTenure' });
    expect(participationOf(present, 2025, window)).toEqual({ kind: 'participates' });
  });
});
