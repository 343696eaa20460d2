import { describe, expect, it } from 'vitest';
import { reportOutlook, rollUpUnits, sumCounts, type EvaluationCounts } from '../../shared/rules/campaignProgress.ts';

describe('a report against the anonymity minimum', () => {
  it('is reached, below it so far, or out of reach even if everyone pending answers', () => {
    expect(reportOutlook(5, 3, 3)).toBe('reached');
    expect(reportOutlook(5, 2, 3)).toBe('belowMinimum');
    expect(reportOutlook(3, 0, 3)).toBe('belowMinimum');
    expect(reportOutlook(2, 2, 3)).toBe('cannotReach');
    expect(reportOutlook(0, 0, 3)).toBe('cannotReach');
  });
});

describe('progress over the unit tree', () => {
  const units = [
    { id: 'dept', name: 'Department', parentId: null },
    { id: 'a', name: 'Section A', parentId: 'dept' },
    { id: 'b', name: 'Section B', parentId: 'dept' },
    { id: 'a1', name: 'Group A1', parentId: 'a' },
    { id: 'other', name: 'Other', parentId: null },
  ];
  const ev = (unitId: string, questionnaires: number, answered: number, outlook: EvaluationCounts['outlook']): EvaluationCounts => ({ unitId, questionnaires, answered, outlook });
  const evaluations = [ev('dept', 6, 6, 'reached'), ev('a', 4, 1, 'belowMinimum'), ev('a1', 3, 0, 'cannotReach'), ev('a1', 5, 5, 'reached')];

  it('sums each unit with everything below it, in tree order, leaving out units with nobody evaluated', () => {
    const tree = rollUpUnits(units, evaluations);
    expect(tree.map((u) => [u.id, u.depth])).toEqual([['dept', 0], ['a', 1], ['a1', 2]]);
    expect(tree[0]!.own).toEqual({ evaluated: 1, questionnaires: 6, answered: 6, belowMinimum: 0, cannotReach: 0 });
    expect(tree[0]!.total).toEqual({ evaluated: 4, questionnaires: 18, answered: 12, belowMinimum: 1, cannotReach: 1 });
    expect(tree[1]!.total).toEqual({ evaluated: 3, questionnaires: 12, answered: 6, belowMinimum: 1, cannotReach: 1 });
    expect(tree[2]!.own).toEqual(tree[2]!.total);
  });

  it('the campaign total equals the roots’ totals', () => {
    expect(sumCounts(evaluations)).toEqual(rollUpUnits(units, evaluations)[0]!.total);
  });
});
