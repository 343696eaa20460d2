import { almaty2023 } from './almaty2023/index.ts';
import type { Methodology } from './types.ts';

/** Every methodology generation the product can run or report on, by id. */
export const methodologies: Readonly<Record<string, Methodology>> = {
  [almaty2023.id]: almaty2023,
};

/** Seed 002, the model in force, is what new campaigns use unless told otherwise. */
export const DEFAULT_METHODOLOGY_ID = almaty2023.id;

export function findMethodology(id: string): Methodology | undefined {
  return Object.prototype.hasOwnProperty.call(methodologies, id) ? methodologies[id] : undefined;
}
