import { describe, expect, it } from 'vitest';
import { tallyWithout } from '../../shared/training/tallyWithout.ts';
import { campaignTally, type PersonResult } from '../../shared/training/trainingNeeds.ts';

const people: PersonResult[] = [
  { unitName: 'Қаржы', scores: { ethics: 2.11, lead: 4 }, weakest: ['ethics'] },
  { unitName: 'Қаржы', scores: { ethics: 3.5, lead: 3 }, weakest: ['lead'] },
  { unitName: 'Заң', scores: { ethics: 4.25, lead: 2.5 }, weakest: ['lead'] },
  { unitName: 'Заң', scores: null, weakest: null },
];
const tallyOf = (persons: readonly PersonResult[]) => {
  const tally = campaignTally();
  persons.forEach(tally.add);
  return tally.result();
};

describe('a tally as if some people had not been evaluated (§37 training needs; issue 11)', () => {
  it('is exactly the tally of the others: cells, ready counts and score counts', () => {
    const without = tallyWithout(tallyOf(people), [people[0]!, people[2]!]);
    const expected = tallyOf([people[1]!, people[3]!]);
    // The units keep their evaluated persons (the heatmap shows how many were evaluated), not their ready ones.
    expect(without.units.map((u) => ({ unitName: u.unitName, ready: u.ready, cells: u.cells }))).toEqual(
      [{ unitName: 'Қаржы', ready: 1, cells: expected.units.find((u) => u.unitName === 'Қаржы')!.cells }, { unitName: 'Заң', ready: 0, cells: [] }],
    );
    expect([...without.scores].sort((a, b) => a.competencyId.localeCompare(b.competencyId) || a.hundredths - b.hundredths)).toEqual(
      [...expected.scores].sort((a, b) => a.competencyId.localeCompare(b.competencyId) || a.hundredths - b.hundredths),
    );
  });

  it('leaves the tally alone when nobody is left out, and ignores a person without scores', () => {
    const tally = tallyOf(people);
    expect(tallyWithout(tally, [])).toBe(tally);
    expect(tallyWithout(tally, [people[3]!])).toEqual(tally);
  });
});
