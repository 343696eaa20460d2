import { reportAccess, type ReportViewer } from '../access/reportAccess.ts';

/**
 * One PDF is printed from one page holding all its reports, and Chromium needs about 12 MB more for each
 * (measured): beyond this many, a unit at a time or a ZIP (printed one report at a time) is asked for.
 */
export const MAX_REPORTS_PER_PDF = 100;

/** One evaluated person of a campaign, as a batch of reports sees them. */
export interface BatchCandidate {
  evaluationId: string;
  fullName: string;
  personId: string;
  evaluatorId: string | null;
  evaluatorSetBy: string | null;
  /** The person's current unit (as the progress view groups them). */
  unitId: string | null;
  /** Respondents' questionnaires answered, the self-assessment not counted. */
  answered: number;
  /** Of those, answered through links the viewer held: not counted for them (shared/scoring/readerThreshold.ts). */
  held: number;
  inViewersCalibration: boolean;
}

export interface BatchSelection {
  included: BatchCandidate[];
  /** Readable reports left out because fewer respondents answered than the anonymity minimum. */
  insufficient: number;
  /** Reports of the campaign (or unit) the viewer may not read (§21). */
  forbidden: number;
}

/**
 * The reports a batch prints: those of the chosen units (or the whole campaign) that the viewer may read
 * (§21, the same rule as one report) and that reached the minimum of respondents whose links the viewer did not
 * hold (the same rule as one report); the rest are counted.
 */
export function selectBatch(
  candidates: readonly BatchCandidate[],
  viewer: ReportViewer,
  options: { unitIds: ReadonlySet<string> | null; minResponses: number },
): BatchSelection {
  const selection: BatchSelection = { included: [], insufficient: 0, forbidden: 0 };
  for (const c of candidates) {
    if (options.unitIds && !(c.unitId && options.unitIds.has(c.unitId))) continue;
    if (!reportAccess(viewer, c)) selection.forbidden += 1;
    else if (c.answered - c.held < options.minResponses) selection.insufficient += 1;
    else selection.included.push(c);
  }
  return selection;
}
