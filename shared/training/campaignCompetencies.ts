import type { Competency, Methodology } from '../methodology/types.ts';

/**
 * Every competency a campaign's forms assess, each once: forms share an id where the law names the same
 * competency, so heads' and employees' scores in it meet in one column.
 */
export function campaignCompetencies(methodology: Methodology): Competency[] {
  const seen = new Map<string, Competency>();
  for (const form of Object.values(methodology.forms)) {
    for (const competency of form.competencies) if (!seen.has(competency.id)) seen.set(competency.id, competency);
  }
  return [...seen.values()];
}
