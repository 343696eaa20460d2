import { For, Show } from 'solid-js';
import { heatColour } from '../../../../shared/training/heatColour.ts';
import type { HeatmapRow } from '../../../../shared/training/trainingNeeds.ts';
import { formatScore, t } from '../../common/i18n.ts';

/**
 * Units × competencies as a table: every cell states its mean (the colour only repeats it) or why it is
 * hidden, row and column headers are marked for screen readers, and it scrolls sideways on a phone.
 */
export function TrainingHeatmap(props: { rows: HeatmapRow[]; competencies: Array<{ id: string; name: string }>; scale: { min: number; max: number } }) {
  return (
    <>
      <div class="table-wrap" role="region" aria-labelledby="heatmap-title" tabindex="0">
        <table class="heatmap" data-testid="heatmap">
          <caption id="heatmap-title">{t('training.heatmap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.unit')}</th>
              <th scope="col" class="num">{t('training.evaluated')}</th>
              <th scope="col" class="num">{t('training.readyReports')}</th>
              <For each={props.competencies}>{(c) => <th scope="col" class="competency-head">{c.name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr data-unit={row.unitName}>
                  <th scope="row">{row.unitName}</th>
                  <td class="num">{row.evaluated}</td>
                  <td class="num">{row.ready}</td>
                  <For each={row.cells}>
                    {(cell) => (
                      <Show
                        when={'mean' in cell && cell}
                        fallback={
                          <td class="num heat-hidden" data-competency={cell.competencyId} title={cell.persons === 0 ? t('training.notAssessed') : t('training.hiddenCell', { count: cell.persons })}>
                            <Show when={cell.persons > 0} fallback={<><span aria-hidden="true">—</span><span class="visually-hidden">{t('training.notAssessed')}</span></>}>
                              {t('training.hidden')}<span class="visually-hidden"> ({t('training.hiddenCell', { count: cell.persons })})</span>
                            </Show>
                          </td>
                        }
                      >
                        {(shown) => (
                          <td class="num heat" data-competency={cell.competencyId} style={{ 'background-color': heatColour(shown().mean, props.scale.min, props.scale.max) }}>
                            {formatScore(shown().mean)}
                          </td>
                        )}
                      </Show>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="small muted">{t('training.hiddenLegend')}</p>
      <p class="small muted">{t('training.notAssessedLegend')}</p>
      <p class="small muted">
        {t('training.colourLegend')}{' '}
        <span class="heat-swatch" style={{ 'background-color': heatColour(props.scale.min, props.scale.min, props.scale.max) }}>{formatScore(props.scale.min)}</span>{' '}
        <span class="heat-swatch" style={{ 'background-color': heatColour((props.scale.min + props.scale.max) / 2, props.scale.min, props.scale.max) }}>{formatScore((props.scale.min + props.scale.max) / 2)}</span>{' '}
        <span class="heat-swatch" style={{ 'background-color': heatColour(props.scale.max, props.scale.min, props.scale.max) }}>{formatScore(props.scale.max)}</span>
      </p>
    </>
  );
}
