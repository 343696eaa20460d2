import { describe, expect, it } from 'vitest';
import { indexStaff, proposeFromIndex, proposeRespondents, type OrgPerson } from '../../shared/rules/proposeRespondents.ts';

const rules = { minRespondents: 3, maxRespondents: 7 };
const units = [
  { id: 'dept', parentId: null },
  { id: 'secA', parentId: 'dept' },
  { id: 'secB', parentId: 'dept' },
  { id: 'tiny', parentId: 'dept' },
  { id: 'lone', parentId: null },
];
const p = (id: string, unitId: string, category: string, managerId: string | null): OrgPerson => ({ id, unitId, category, managerId });
/** A department with a director, two sections, a one-person group, and a separate two-person unit. */
const staff = [
  p('D', 'dept', 'E-1', null),
  p('headA', 'secA', 'E-2', 'D'),
  p('a1', 'secA', 'E-4', 'headA'),
  p('a2', 'secA', 'E-4', 'headA'),
  p('a3', 'secA', 'E-4', 'headA'),
  p('a4', 'secA', 'E-4', 'headA'),
  p('away', 'secA', 'E-4', 'headA'),
  p('headB', 'secB', 'E-2', 'D'),
  p('b1', 'secB', 'E-4', 'headB'),
  p('t1', 'tiny', 'E-4', null),
  p('l1', 'lone', 'E-4', null),
  p('l2', 'lone', 'E-4', null),
];
const byId = new Map(staff.map((s) => [s.id, s]));
const propose = (id: string, people = staff) =>
  proposeRespondents({
    evaluated: byId.get(id) ?? people.find((s) => s.id === id)!,
    staff: people,
    units,
    canRespond: (s) => s.id !== 'away',
    levelOf: (s) => (['E-1', 'E-2'].includes(s.category) ? 'head' : 'employee'),
    rules,
  });
const brief = (r: ReturnType<typeof propose>) => r.proposals.map((x) => `${x.personId}:${x.relation}${x.widened ? '*' : ''}`);

describe('respondents proposed from the staff structure (§36)', () => {
  it('puts the direct manager first, then the peers; never the person or someone away', () => {
    const r = propose('a1');
    expect(brief(r)).toEqual(['headA:manager', 'a2:peer', 'a3:peer', 'a4:peer']);
    expect(r.short).toBe(false);
  });

  it('takes subordinates and peers in turn and stops at the maximum', () => {
    const team = [
      p('boss', 'u', 'E-1', null),
      p('me', 'u', 'E-2', 'boss'),
      ...[1, 2, 3, 4, 5].map((n) => p(`peer${n}`, 'u', 'E-2', 'boss')),
      ...[1, 2, 3, 4, 5].map((n) => p(`sub${n}`, 'u', 'E-4', 'me')),
    ];
    const r = propose('me', team);
    expect(brief(r)).toEqual(['boss:manager', 'sub1:subordinate', 'peer1:peer', 'sub2:subordinate', 'peer2:peer', 'sub3:subordinate', 'peer3:peer']);
  });

  it('gives a head of section the manager and the subordinates, not heads of other sections', () => {
    expect(brief(propose('headA'))).toEqual(['D:manager', 'a1:subordinate', 'a2:subordinate', 'a3:subordinate', 'a4:subordinate']);
  });

  it('widens to the manager’s level when the own circle is too small, only up to the minimum, and says so', () => {
    const r = propose('b1');
    expect(brief(r)).toEqual(['headB:manager', 'D:peer*', 'headA:peer*']);
    expect(r.short).toBe(false);
  });

  it('widens to neighbouring units, people of the same category group first', () => {
    expect(brief(propose('t1'))).toEqual(['a1:peer*', 'a2:peer*', 'a3:peer*']);
  });

  it('with no manager, takes the same category group of the unit as peers; says when the minimum is out of reach', () => {
    const r = propose('l1');
    expect(brief(r)).toEqual(['l2:peer']);
    expect(r.short).toBe(true);
  });
});

describe('proposals for a whole unit tree at once', () => {
  /** A director, 50 sections of a head and 99 employees each: 5,001 people. */
  const big = [p('dir', 'dept', 'E-1', null)];
  const bigUnits: Array<{ id: string; parentId: string | null }> = [{ id: 'dept', parentId: null }];
  for (let s = 0; s < 50; s++) {
    bigUnits.push({ id: `s${s}`, parentId: 'dept' });
    big.push(p(`h${s}`, `s${s}`, 'E-2', 'dir'));
    for (let e = 0; e < 99; e++) big.push(p(`e${s}-${e}`, `s${s}`, 'E-4', `h${s}`));
  }

  it('reads the staff list once, not once per evaluated person', () => {
    let asked = 0;
    const index = indexStaff({
      staff: big,
      units: bigUnits,
      canRespond: () => ((asked += 1), true),
      levelOf: (s) => ((asked += 1), ['E-1', 'E-2'].includes(s.category) ? 'head' : 'employee'),
    });
    const all = big.map((person) => proposeFromIndex(person, index, rules));
    expect(asked).toBeLessThanOrEqual(2 * big.length);
    expect(all.every((r) => !r.short)).toBe(true);
    expect(all[1]!.proposals.map((x) => `${x.personId}:${x.relation}`)).toEqual(['dir:manager', ...[0, 1, 2, 3, 4, 5].map((e) => `e0-${e}:subordinate`)]);
  });

  it('gives the same proposals as one at a time', () => {
    const index = indexStaff({ staff, units, canRespond: (s) => s.id !== 'away', levelOf: (s) => (['E-1', 'E-2'].includes(s.category) ? 'head' : 'employee') });
    for (const person of staff) expect(proposeFromIndex(person, index, rules)).toEqual(propose(person.id));
  });
});

