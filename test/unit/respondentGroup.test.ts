import { describe, expect, it } from 'vitest';
import { storedGroup } from '../../shared/scoring/respondentGroup.ts';
import { shownGroups } from '../../shared/scoring/shownGroups.ts';

describe('the group an answer is stored under', () => {
  it('keeps the relation when at least 3 of it were assigned', () => {
    expect(storedGroup('subordinate', 3, 3)).toBe('subordinate');
    expect(storedGroup('peer', 7, 3)).toBe('peer');
  });

  it('stores other when fewer were assigned: a lone manager is not named', () => {
    expect(storedGroup('manager', 1, 3)).toBe('other');
    expect(storedGroup('peer', 2, 3)).toBe('other');
  });

  it('gives a self-assessment no group, and an unknown relation none of the three', () => {
    expect(storedGroup('self', 1, 3)).toBeNull();
    expect(storedGroup('friend', 5, 3)).toBe('other');
  });
});

describe('the groups a report may show apart', () => {
  it('shows a group of 3 answers and hides one of 2', () => {
    expect(shownGroups(['subordinate', 'subordinate', 'subordinate', 'peer', 'peer', 'other', 'other', 'other'], 3)).toEqual(['subordinate']);
  });

  it('shows every group when each has 3 answers and nothing is left over', () => {
    expect(shownGroups(['peer', 'subordinate', 'peer', 'subordinate', 'peer', 'subordinate'], 3)).toEqual(['subordinate', 'peer']);
    expect(shownGroups(['peer', 'peer', 'peer'], 3)).toEqual(['peer']);
  });

  it('hides a group when the answers outside it would be 1 or 2 (overall less group = those answers)', () => {
    expect(shownGroups(['subordinate', 'subordinate', 'subordinate', 'subordinate', 'other'], 3)).toEqual([]);
    expect(shownGroups(['subordinate', 'subordinate', 'subordinate', 'other', 'other'], 3)).toEqual([]);
  });

  it('folds the smallest group into the rest when two groups leave 1 or 2 over', () => {
    // 4 subordinates, 3 peers, 1 other: showing both would give away the other; without the peers, 4 remain.
    expect(shownGroups(['subordinate', 'subordinate', 'subordinate', 'subordinate', 'peer', 'peer', 'peer', 'other'], 3)).toEqual(['subordinate']);
    // A tie folds the later group.
    expect(shownGroups(['subordinate', 'subordinate', 'subordinate', 'peer', 'peer', 'peer', 'other'], 3)).toEqual(['subordinate']);
  });

  it('shows nothing from nothing', () => {
    expect(shownGroups([], 3)).toEqual([]);
    expect(shownGroups(['other', 'other', 'other'], 3)).toEqual([]);
  });
});
