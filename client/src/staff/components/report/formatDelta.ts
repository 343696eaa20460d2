import { formatScore } from '../../../common/i18n.ts';

/** A change with its sign spelt out (+0.25, −0.10, 0.00), so that it reads without colour. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${formatScore(delta)}`;
  if (delta < 0) return `−${formatScore(-delta)}`;
  return formatScore(0);
}

/** An arrow beside the signed number, for the eye only. */
export const deltaArrow = (delta: number): string => (delta > 0 ? '▲' : delta < 0 ? '▼' : '=');
