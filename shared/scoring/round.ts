/** Two decimals, halves rounded up, as the report shows them (binary fractions like 1.005 included). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
