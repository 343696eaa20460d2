import { toHundredths, type CampaignTally, type PersonResult } from './trainingNeeds.ts';

/**
 * A campaign's tally as if `persons` had not been evaluated: each one's scores taken out of their unit's cells and
 * the score counts, their unit's ready count lowered. Issue 11: the training views of a reader who held links
 * leave out the people whose report that reader is not shown (shared/scoring/readerThreshold.ts) — or a course
 * group bisected by threshold, or a heatmap mean less the reports that reader does read, would give such a
 * person's score, and with it the one answer the reader did not give.
 */
export function tallyWithout(tally: CampaignTally, persons: readonly PersonResult[]): CampaignTally {
  if (persons.length === 0) return tally;
  const units = tally.units.map((u) => ({ ...u, cells: u.cells.map((c) => ({ ...c })) }));
  const scores = tally.scores.map((s) => ({ ...s }));
  for (const person of persons) {
    if (!person.scores) continue;
    const unit = units.find((u) => u.unitName === person.unitName);
    if (unit) unit.ready -= 1;
    const weakest = new Set(person.weakest ?? []);
    for (const [competencyId, score] of Object.entries(person.scores)) {
      const hundredths = toHundredths(score);
      const cell = unit?.cells.find((c) => c.competencyId === competencyId);
      if (cell) {
        cell.persons -= 1;
        cell.hundredths -= hundredths;
      }
      const count = scores.find((s) => s.competencyId === competencyId && s.hundredths === hundredths);
      if (count) {
        count.persons -= 1;
        if (weakest.has(competencyId)) count.weakest -= 1;
      }
    }
  }
  return {
    units: units.map((u) => ({ ...u, cells: u.cells.filter((c) => c.persons > 0) })),
    scores: scores.filter((s) => s.persons > 0),
  };
}
