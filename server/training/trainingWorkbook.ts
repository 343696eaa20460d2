import { translate } from '../../shared/i18n/translate.ts';
import type { Locale, Methodology } from '../../shared/methodology/types.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { parseCriterion } from '../../shared/training/criterion.ts';
import { heatColour } from '../../shared/training/heatColour.ts';
import type { RestrictedRankedCompetency } from '../../shared/training/restrictedRanking.ts';
import type { HeatmapRow } from '../../shared/training/trainingNeeds.ts';
import { xlsxStream, type XlsxCell, type XlsxRow, type XlsxSheet } from './xlsxStream.ts';

export interface TrainingWorkbookInput {
  methodology: Methodology;
  criterion: string;
  competencyIds: string[];
  heatmap: HeatmapRow[];
  /** Exact counts, or for restricted views some hidden (null). */
  ranking: RestrictedRankedCompetency[];
  /** Null when the viewer sees no names: the workbook then has no groups sheet. Members are read as it is written. */
  groups: Array<{ competencyId: string; criterion: string; released: boolean; members: AsyncIterable<{ fullName: string; position: string; unitName: string }> }> | null;
}

export function criterionText(locale: Locale, methodology: Methodology, key: string): string {
  const criterion = parseCriterion(key)!;
  return criterion.kind === 'weakest'
    ? translate(locale, 'training.criterion.weakest', { count: methodology.rules.weakestCount })
    : translate(locale, 'training.criterion.below', { threshold: criterion.threshold.toFixed(2) });
}

const bold = (value: string): XlsxCell => ({ value, bold: true });
const score = (value: number): XlsxCell => ({ value, decimals: true });

/**
 * The training view as an XLSX workbook: the heatmap, the ranking and the course groups the viewer may see,
 * streamed (server/training/xlsxStream.ts) — the groups of a campaign of 100,000 people run to 200,000 names.
 */
export function trainingWorkbook(input: TrainingWorkbookInput, locale: Locale): ReadableStream<Uint8Array> {
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const names = new Map(campaignCompetencies(input.methodology).map((c) => [c.id, c.name[locale]]));
  const values = input.methodology.scale.map((s) => s.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];

  const heatmapHeader: XlsxRow = [bold(tr('training.unit')), bold(tr('training.evaluated')), bold(tr('training.readyReports')), ...input.competencyIds.map((id) => bold(names.get(id)!))];
  const heatmapRows: XlsxRow[] = input.heatmap.map((row) => [
    row.unitName,
    row.evaluated,
    row.ready,
    ...row.cells.map((cell): XlsxCell => {
      if ('mean' in cell) return { value: cell.mean, decimals: true, fill: heatColour(cell.mean, min, max) };
      return cell.persons === 0 ? '—' : tr('training.hiddenCell', { count: cell.persons });
    }),
  ]);

  const rankingRows: XlsxRow[] = [
    [bold(criterionText(locale, input.methodology, input.criterion))],
    [bold(tr('training.rank')), bold(tr('training.competency')), bold(tr('training.persons')), bold(tr('training.scored')), bold(tr('training.mean'))],
    ...input.ranking.map((r, i): XlsxRow => [i + 1, names.get(r.competencyId)!, r.persons ?? tr('training.hidden'), r.scored, r.mean === null ? null : score(r.mean)]),
  ];

  const sheets: XlsxSheet[] = [
    { name: tr('training.sheet.heatmap'), frozenRows: 1, columnWidths: [34, 10, 10, ...input.competencyIds.map(() => 18)], rows: [heatmapHeader, ...heatmapRows] },
    { name: tr('training.sheet.ranking'), columnWidths: [6, 44, 16, 12, 10], rows: rankingRows },
  ];
  if (input.groups) sheets.push({ name: tr('training.sheet.groups'), frozenRows: 1, columnWidths: [40, 34, 10, 34, 30, 34], rows: groupRows(input.groups, tr, (key) => criterionText(locale, input.methodology, key), names) });
  return xlsxStream(sheets);
}

async function* groupRows(
  groups: NonNullable<TrainingWorkbookInput['groups']>,
  tr: (key: Parameters<typeof translate>[1]) => string,
  criterion: (key: string) => string,
  names: Map<string, string>,
): AsyncGenerator<XlsxRow> {
  yield [bold(tr('training.competency')), bold(tr('training.criterion')), bold(tr('training.releaseState')), bold(tr('training.member')), bold(tr('training.position')), bold(tr('training.unit'))];
  for (const group of groups) {
    const lead = [names.get(group.competencyId)!, criterion(group.criterion), tr(group.released ? 'training.yes' : 'training.no')];
    for await (const m of group.members) yield [...lead, m.fullName, m.position, m.unitName];
  }
}
