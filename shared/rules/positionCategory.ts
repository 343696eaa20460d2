import type { FormKey, Methodology } from '../methodology/types.ts';

// Staff lists mix Cyrillic and Latin look-alikes ("Д-О-1", "D-O-1", "е 2"); they must name one category.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E', О: 'O', Р: 'R', Г: 'G', К: 'K', М: 'M', Н: 'H', Т: 'T', Х: 'X',
};

/** Canonical spelling of a position category: upper-case Latin letters and digits joined by hyphens. */
export function normalizeCategory(raw: string): string {
  const upper = raw.trim().toUpperCase();
  const latin = [...upper].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
  return latin.split(/[\s\-–—_.]+/).filter(Boolean).join('-');
}

/** Category codes of the B corps register: a letter group (A, B, C, C-O, C-R, D, D-O, E, E-R, E-G …) and a grade. */
export const CATEGORY_PATTERN = /^[A-E](-[A-Z]{1,2})?-\d{1,2}$/;

export function isValidCategory(raw: string): boolean {
  return CATEGORY_PATTERN.test(normalizeCategory(raw));
}

/** Heads of structural units answer and are reported on with the heads' form; everyone else with the employees' (§2). */
export function formKeyForCategory(methodology: Methodology, category: string): FormKey {
  return methodology.headCategories.includes(normalizeCategory(category)) ? 'head' : 'employee';
}
