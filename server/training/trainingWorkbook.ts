import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { translate } from '../../shared/i18n/translate.ts';
import type { Locale, Methodology } from '../../shared/methodology/types.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { parseCriterion } from '../../shared/training/criterion.ts';
import { heatColour } from '../../shared/training/heatColour.ts';
import type { HeatmapRow, RankedCompetency } from '../../shared/training/trainingNeeds.ts';
import type { CourseGroupView } from '../services/training.ts';

export interface TrainingWorkbookInput {
  methodology: Methodology;
  criterion: string;
  competencyIds: string[];
  heatmap: HeatmapRow[];
  ranking: RankedCompetency[];
  /** Null when the viewer sees no names: the workbook then has no groups sheet. */
  groups: CourseGroupView[] | null;
}

export function criterionText(locale: Locale, methodology: Methodology, key: string): string {
  const criterion = parseCriterion(key)!;
  return criterion.kind === 'weakest'
    ? translate(locale, 'training.criterion.weakest', { count: methodology.rules.weakestCount })
    : translate(locale, 'training.criterion.below', { threshold: criterion.threshold.toFixed(2) });
}

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const score = (value: number): Cell => ({ value, type: Number, format: '0.00' });

/** The training view as an XLSX workbook: the heatmap, the ranking and the course groups the viewer may see. */
export function trainingWorkbook(input: TrainingWorkbookInput, locale: Locale): Promise<Buffer> {
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const names = new Map(campaignCompetencies(input.methodology).map((c) => [c.id, c.name[locale]]));
  const values = input.methodology.scale.map((s) => s.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];

  const heatmapHeader: Row = [bold(tr('training.unit')), bold(tr('training.evaluated')), bold(tr('training.readyReports')), ...input.competencyIds.map((id) => bold(names.get(id)!))];
  const heatmapRows: Row[] = input.heatmap.map((row) => [
    row.unitName,
    row.evaluated,
    row.ready,
    ...row.cells.map((cell): Cell => {
      if ('mean' in cell) return { ...score(cell.mean), backgroundColor: heatColour(cell.mean, min, max) };
      return cell.persons === 0 ? '—' : tr('training.hiddenCell', { count: cell.persons });
    }),
  ]);

  const rankingRows: Row[] = [
    [bold(criterionText(locale, input.methodology, input.criterion))],
    [bold(tr('training.rank')), bold(tr('training.competency')), bold(tr('training.persons')), bold(tr('training.scored')), bold(tr('training.mean'))],
    ...input.ranking.map((r, i): Row => [i + 1, names.get(r.competencyId)!, r.persons, r.scored, r.mean === null ? null : score(r.mean)]),
  ];

  const sheets = [
    { data: [heatmapHeader, ...heatmapRows], sheet: tr('training.sheet.heatmap'), stickyRowsCount: 1, columns: [{ width: 34 }, { width: 10 }, { width: 10 }, ...input.competencyIds.map(() => ({ width: 18 }))] },
    { data: rankingRows, sheet: tr('training.sheet.ranking'), columns: [{ width: 6 }, { width: 44 }, { width: 16 }, { width: 12 }, { width: 10 }] },
  ];
  if (input.groups) {
    const groupRows: Row[] = [
      [bold(tr('training.competency')), bold(tr('training.criterion')), bold(tr('training.releaseState')), bold(tr('training.member')), bold(tr('training.position')), bold(tr('training.unit'))],
      ...input.groups.flatMap((g) =>
        g.members.map((m): Row => [names.get(g.competencyId)!, criterionText(locale, input.methodology, g.criterion), tr(g.release ? 'training.yes' : 'training.no'), m.fullName, m.position, m.unitName]),
      ),
    ];
    sheets.push({ data: groupRows, sheet: tr('training.sheet.groups'), stickyRowsCount: 1, columns: [{ width: 40 }, { width: 34 }, { width: 10 }, { width: 34 }, { width: 30 }, { width: 34 }] });
  }
  return writeExcelFile(sheets).toBuffer();
}
