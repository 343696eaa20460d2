/**
 * A light background for a mean on the scale, from red (the floor) through yellow to green (the top), pale
 * enough for dark text to keep its contrast; the number is always printed too.
 */
export function heatColour(mean: number, min: number, max: number): string {
  const share = Math.min(1, Math.max(0, (mean - min) / (max - min)));
  const rgb = share < 0.5 ? mix([248, 196, 196], [252, 236, 170], share * 2) : mix([252, 236, 170], [190, 230, 190], (share - 0.5) * 2);
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function mix(from: readonly number[], to: readonly number[], t: number): number[] {
  return from.map((c, i) => Math.round(c + (to[i]! - c) * t));
}
