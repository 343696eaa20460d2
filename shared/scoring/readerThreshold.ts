import type { Report360 } from './report360.ts';

/** A report under the minimum for its reader: how many answers there are, and how many came through links the reader held. */
export type ForReader = Report360 & { heldByReader?: number };

/**
 * Issue 11: those who run a campaign cannot isolate a respondent. Whoever held a respondent's link — saw it
 * listed or printed, or set the address it was e-mailed to — may have answered in their place (or handed it to
 * someone who did), and then knows that answer; knowing all answers but one, a report's mean would give the last
 * away. So a report counts, for each reader, only the answers whose links that reader never held: with fewer
 * than the anonymity minimum (`required`, the methodology's) of those, the reader gets what a report under the
 * minimum gives — the count and the minimum, nothing computed — whatever another reader gets.
 */
export function reportForReader(report: Report360, heldByReader: number, required: number): ForReader {
  if (heldByReader === 0) return report;
  if (report.status === 'ready' && report.responseCount - heldByReader >= required) return report;
  return { status: 'insufficient', formKey: report.formKey, responseCount: report.responseCount, required, heldByReader };
}
