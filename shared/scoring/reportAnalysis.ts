import type { FormKey, Methodology, Rules360 } from '../methodology/types.ts';
import { answerSpread, type Agreement } from './answerSpread.ts';
import { groupBreakdown, type GroupedResponse, type GroupResult } from './groupBreakdown.ts';
import type { Report360 } from './report360.ts';
import { selfGaps, type SelfGaps } from './selfGaps.ts';
import { statementMeans, type StatementMean } from './statementMeans.ts';
import { strongestCompetencies } from './strongestCompetencies.ts';

export interface ReportAnalysis {
  strongest: string[];
  statements: StatementMean[];
  selfGaps: SelfGaps;
  agreement: Array<{ id: string; agreement: Agreement }>;
  agreementBands: Rules360['agreementBands'];
  /** Groups with at least this many answers are shown apart (shownGroups). */
  minGroupAnswers: number;
  groups: GroupResult[];
}

/**
 * What the report adds to the Annex 7/8 table, for a report that is shown: each part from its own rule. A reader
 * who held some of its respondents' links gets no group breakdown (`byGroup: false`): a group of three of which
 * they gave two would give the third away (shared/scoring/readerThreshold.ts).
 */
export function analyseReport(
  methodology: Methodology,
  report: Extract<Report360, { status: 'ready' }>,
  responses: readonly GroupedResponse[],
  { byGroup }: { byGroup: boolean } = { byGroup: true },
): ReportAnalysis {
  const form = methodology.forms[report.formKey as FormKey];
  const { rules } = methodology;
  return {
    strongest: strongestCompetencies(report.competencies, rules.strongestCount),
    statements: statementMeans(form, responses),
    selfGaps: selfGaps(report.competencies, rules.selfGapThreshold),
    agreement: answerSpread(form, responses, rules.agreementBands, rules.minResponsesForReport),
    agreementBands: rules.agreementBands,
    minGroupAnswers: rules.minResponsesForReport,
    groups: byGroup ? groupBreakdown(form, responses, rules.minResponsesForReport) : [],
  };
}
