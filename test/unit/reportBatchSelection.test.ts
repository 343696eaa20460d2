import { describe, expect, it } from 'vitest';
import { selectBatch, type BatchCandidate } from '../../shared/reports/batchSelection.ts';
import { unitSubtree } from '../../shared/rules/unitSubtree.ts';

const person = (n: number, unitId: string, answered: number, extra: Partial<BatchCandidate> = {}): BatchCandidate => ({
  evaluationId: `e${n}`,
  fullName: `Person ${n}`,
  personId: `p${n}`,
  evaluatorId: 'boss',
  evaluatorSetBy: null,
  unitId,
  answered,
  held: 0,
  inViewersCalibration: false,
  ...extra,
});

const units = [
  { id: 'dept', parentId: null },
  { id: 'a', parentId: 'dept' },
  { id: 'a1', parentId: 'a' },
  { id: 'b', parentId: 'dept' },
  { id: 'other', parentId: null },
];

describe('a unit with its sub-units', () => {
  it('takes every level below it and nothing beside it', () => {
    expect([...unitSubtree(units, 'a')].sort()).toEqual(['a', 'a1']);
    expect([...unitSubtree(units, 'dept')].sort()).toEqual(['a', 'a1', 'b', 'dept']);
  });

  it('survives a cycle in the data', () => {
    expect([...unitSubtree([{ id: 'x', parentId: 'y' }, { id: 'y', parentId: 'x' }], 'x')].sort()).toEqual(['x', 'y']);
  });
});

describe('the reports a batch prints', () => {
  const candidates = [person(1, 'a', 3), person(2, 'a1', 2), person(3, 'b', 5), person(4, 'other', 4, { evaluatorId: 'someone else' }), person(5, 'a', 0, { unitId: null })];
  const hrHead = { id: 'u-head', role: 'hr_head', personId: null, personLinkedBy: null, canReadReports: false };

  it('for the head of HR: every report that reached the minimum, counting those under it', () => {
    const s = selectBatch(candidates, hrHead, { unitIds: null, minResponses: 3 });
    expect(s.included.map((c) => c.evaluationId)).toEqual(['e1', 'e3', 'e4']);
    expect([s.insufficient, s.forbidden]).toEqual([2, 0]);
  });

  it('for one unit: its sub-units’ people too, and nobody of no unit', () => {
    const s = selectBatch(candidates, hrHead, { unitIds: unitSubtree(units, 'a'), minResponses: 3 });
    expect(s.included.map((c) => c.evaluationId)).toEqual(['e1']);
    expect([s.insufficient, s.forbidden]).toEqual([1, 0]);
  });

  it('for an evaluator: only the people they evaluate and a calibration’s reports; the rest counted as forbidden, not as too few', () => {
    const boss = { id: 'u-boss', role: 'hr', personId: 'boss', personLinkedBy: 'u-admin', canReadReports: false };
    const withCalibration = [...candidates, person(6, 'b', 3, { evaluatorId: null, inViewersCalibration: true })];
    const s = selectBatch(withCalibration, boss, { unitIds: null, minResponses: 3 });
    expect(s.included.map((c) => c.evaluationId)).toEqual(['e1', 'e3', 'e6']);
    expect([s.insufficient, s.forbidden]).toEqual([2, 1]);
  });

  it('counts for each viewer only the answers whose links they did not hold (issue 11)', () => {
    // Five answers, two of them through links the head of HR handed out: three left, the minimum. Four of five: one.
    const held = [person(7, 'a', 5, { held: 2 }), person(8, 'a', 5, { held: 3 })];
    const s = selectBatch(held, hrHead, { unitIds: null, minResponses: 3 });
    expect(s.included.map((c) => c.evaluationId)).toEqual(['e7']);
    expect([s.insufficient, s.forbidden]).toEqual([1, 0]);
  });

  it('for an HR officer without the grant: nothing', () => {
    const s = selectBatch(candidates, { id: 'u-hr', role: 'hr', personId: null, personLinkedBy: null, canReadReports: false }, { unitIds: null, minResponses: 3 });
    expect(s.included).toEqual([]);
    expect(s.forbidden).toBe(5);
  });
});
