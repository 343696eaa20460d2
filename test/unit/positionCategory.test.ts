import { describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { formKeyForCategory, isValidCategory, normalizeCategory } from '../../shared/rules/positionCategory.ts';

describe('position category → form (§2)', () => {
  it('gives heads of units (D-3, D-O-1, E-1, E-2) the heads’ form, everyone else the employees’', () => {
    for (const c of ['D-3', 'D-O-1', 'E-1', 'E-2']) expect(formKeyForCategory(almaty2023, c)).toBe('head');
    for (const c of ['C-4', 'D-4', 'E-3', 'D-O-2', 'B-1']) expect(formKeyForCategory(almaty2023, c)).toBe('employee');
  });

  it('reads Cyrillic look-alikes, lower case and stray spaces as the same category', () => {
    expect(normalizeCategory(' д-о-1 ')).toBe('D-O-1');
    expect(normalizeCategory('Е 2')).toBe('E-2');
    expect(formKeyForCategory(almaty2023, 'Д-3')).toBe('head');
  });

  it('refuses what is not a category', () => {
    expect(isValidCategory('manager')).toBe(false);
    expect(isValidCategory('')).toBe(false);
    expect(isValidCategory('Z-1')).toBe(false);
    expect(isValidCategory('C-O-6')).toBe(true);
  });
});
